/*
 * Compile-time ABI check: every libsel4 function Keel offers has libsel4's
 * full prototype (return type, parameter types in order), written here by
 * hand from libsel4's documented prototypes (seL4 736bfd6a), not from
 * interface/keel.api, so a parameter order or type mistake in the
 * description or in a hand-written header cannot compile. Nothing here runs.
 */
#include <sel4/sel4.h>

#define SIG(fn, type) _Static_assert(__builtin_types_compatible_p(__typeof__(&fn), type), #fn " has libsel4's prototype")

/* ---- system calls and IPC buffer accessors ---- */
SIG(seL4_Send, void (*)(seL4_CPtr, seL4_MessageInfo_t));
SIG(seL4_NBSend, void (*)(seL4_CPtr, seL4_MessageInfo_t));
SIG(seL4_Call, seL4_MessageInfo_t (*)(seL4_CPtr, seL4_MessageInfo_t));
SIG(seL4_Recv, seL4_MessageInfo_t (*)(seL4_CPtr, seL4_Word *));
SIG(seL4_NBRecv, seL4_MessageInfo_t (*)(seL4_CPtr, seL4_Word *));
SIG(seL4_Reply, void (*)(seL4_MessageInfo_t));
SIG(seL4_ReplyRecv, seL4_MessageInfo_t (*)(seL4_CPtr, seL4_MessageInfo_t, seL4_Word *));
SIG(seL4_Yield, void (*)(void));
SIG(seL4_Signal, void (*)(seL4_CPtr));
SIG(seL4_Wait, void (*)(seL4_CPtr, seL4_Word *));
SIG(seL4_Poll, seL4_MessageInfo_t (*)(seL4_CPtr, seL4_Word *));
SIG(seL4_SetTLSBase, void (*)(seL4_Word));
SIG(seL4_DebugPutChar, void (*)(char));
SIG(seL4_DebugHalt, void (*)(void));
SIG(seL4_DebugDumpScheduler, void (*)(void));
SIG(seL4_DebugCapIdentify, seL4_Uint32 (*)(seL4_CPtr));
SIG(seL4_DebugNameThread, void (*)(seL4_CPtr, const char *));
SIG(seL4_GetMR, seL4_Word (*)(int));
SIG(seL4_SetMR, void (*)(int, seL4_Word));
SIG(seL4_GetIPCBuffer, seL4_IPCBuffer *(*)(void));
SIG(seL4_SetIPCBuffer, void (*)(seL4_IPCBuffer *));
SIG(seL4_GetUserData, seL4_Word (*)(void));
SIG(seL4_SetUserData, void (*)(seL4_Word));
SIG(seL4_GetBadge, seL4_Word (*)(int));
SIG(seL4_GetCap, seL4_CPtr (*)(int));
SIG(seL4_SetCap, void (*)(int, seL4_CPtr));

/* ---- core object invocations ---- */
SIG(seL4_Untyped_Retype, seL4_Error (*)(seL4_Untyped, seL4_Word, seL4_Word, seL4_CNode, seL4_Word, seL4_Word,
                                        seL4_Word, seL4_Word));
SIG(seL4_TCB_ReadRegisters, seL4_Error (*)(seL4_TCB, seL4_Bool, seL4_Uint8, seL4_Word, seL4_UserContext *));
SIG(seL4_TCB_WriteRegisters, seL4_Error (*)(seL4_TCB, seL4_Bool, seL4_Uint8, seL4_Word, seL4_UserContext *));
SIG(seL4_TCB_CopyRegisters, seL4_Error (*)(seL4_TCB, seL4_TCB, seL4_Bool, seL4_Bool, seL4_Bool, seL4_Bool,
                                           seL4_Uint8));
SIG(seL4_TCB_Configure, seL4_Error (*)(seL4_TCB, seL4_Word, seL4_CNode, seL4_Word, seL4_CPtr, seL4_Word,
                                       seL4_Word, seL4_CPtr));
SIG(seL4_TCB_SetPriority, seL4_Error (*)(seL4_TCB, seL4_TCB, seL4_Word));
SIG(seL4_TCB_SetMCPriority, seL4_Error (*)(seL4_TCB, seL4_TCB, seL4_Word));
SIG(seL4_TCB_SetSchedParams, seL4_Error (*)(seL4_TCB, seL4_TCB, seL4_Word, seL4_Word));
SIG(seL4_TCB_SetIPCBuffer, seL4_Error (*)(seL4_TCB, seL4_Word, seL4_CPtr));
SIG(seL4_TCB_SetSpace, seL4_Error (*)(seL4_TCB, seL4_Word, seL4_CNode, seL4_Word, seL4_CPtr, seL4_Word));
SIG(seL4_TCB_Suspend, seL4_Error (*)(seL4_TCB));
SIG(seL4_TCB_Resume, seL4_Error (*)(seL4_TCB));
SIG(seL4_TCB_BindNotification, seL4_Error (*)(seL4_TCB, seL4_CPtr));
SIG(seL4_TCB_UnbindNotification, seL4_Error (*)(seL4_TCB));
SIG(seL4_TCB_SetTLSBase, seL4_Error (*)(seL4_TCB, seL4_Word));
SIG(seL4_TCB_SetFlags, seL4_TCB_SetFlags_t (*)(seL4_TCB, seL4_Word, seL4_Word));
SIG(seL4_CNode_Revoke, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8));
SIG(seL4_CNode_Delete, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8));
SIG(seL4_CNode_CancelBadgedSends, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8));
SIG(seL4_CNode_SaveCaller, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8));
SIG(seL4_CNode_Copy, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8,
                                    seL4_CapRights_t));
SIG(seL4_CNode_Mint, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8,
                                    seL4_CapRights_t, seL4_Word));
SIG(seL4_CNode_Move, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8));
SIG(seL4_CNode_Mutate, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_CNode, seL4_Word, seL4_Uint8,
                                      seL4_Word));
SIG(seL4_CNode_Rotate, seL4_Error (*)(seL4_CNode, seL4_Word, seL4_Uint8, seL4_Word, seL4_CNode, seL4_Word,
                                      seL4_Uint8, seL4_Word, seL4_CNode, seL4_Word, seL4_Uint8));
SIG(seL4_IRQControl_Get, seL4_Error (*)(seL4_IRQControl, seL4_Word, seL4_CNode, seL4_Word, seL4_Uint8));
SIG(seL4_IRQHandler_Ack, seL4_Error (*)(seL4_IRQHandler));
SIG(seL4_IRQHandler_SetNotification, seL4_Error (*)(seL4_IRQHandler, seL4_CPtr));
SIG(seL4_IRQHandler_Clear, seL4_Error (*)(seL4_IRQHandler));
SIG(seL4_DomainSet_Set, seL4_Error (*)(seL4_DomainSet, seL4_Uint8, seL4_TCB));

/* ---- this architecture's invocations ---- */
#if defined(__riscv)
SIG(seL4_RISCV_Page_Map, seL4_Error (*)(seL4_RISCV_Page, seL4_RISCV_PageTable, seL4_Word, seL4_CapRights_t,
                                        seL4_RISCV_VMAttributes));
SIG(seL4_RISCV_Page_Unmap, seL4_Error (*)(seL4_RISCV_Page));
SIG(seL4_RISCV_Page_GetAddress, seL4_RISCV_Page_GetAddress_t (*)(seL4_RISCV_Page));
SIG(seL4_RISCV_PageTable_Map, seL4_Error (*)(seL4_RISCV_PageTable, seL4_RISCV_PageTable, seL4_Word,
                                             seL4_RISCV_VMAttributes));
SIG(seL4_RISCV_PageTable_Unmap, seL4_Error (*)(seL4_RISCV_PageTable));
SIG(seL4_RISCV_ASIDControl_MakePool, seL4_Error (*)(seL4_RISCV_ASIDControl, seL4_Untyped, seL4_CNode, seL4_Word,
                                                    seL4_Uint8));
SIG(seL4_RISCV_ASIDPool_Assign, seL4_Error (*)(seL4_RISCV_ASIDPool, seL4_CPtr));
SIG(seL4_IRQControl_GetTrigger, seL4_Error (*)(seL4_IRQControl, seL4_Word, seL4_Word, seL4_CNode, seL4_Word,
                                               seL4_Uint8));
#elif defined(__x86_64__) || defined(__i386__)
SIG(seL4_X86_Page_Map, seL4_Error (*)(seL4_X86_Page, seL4_CPtr, seL4_Word, seL4_CapRights_t, seL4_X86_VMAttributes));
SIG(seL4_X86_Page_Unmap, seL4_Error (*)(seL4_X86_Page));
SIG(seL4_X86_Page_GetAddress, seL4_X86_Page_GetAddress_t (*)(seL4_X86_Page));
SIG(seL4_X86_PageTable_Map, seL4_Error (*)(seL4_X86_PageTable, seL4_CPtr, seL4_Word, seL4_X86_VMAttributes));
SIG(seL4_X86_PageTable_Unmap, seL4_Error (*)(seL4_X86_PageTable));
SIG(seL4_X86_PageDirectory_Map, seL4_Error (*)(seL4_X86_PageDirectory, seL4_CPtr, seL4_Word,
                                               seL4_X86_VMAttributes));
SIG(seL4_X86_PageDirectory_Unmap, seL4_Error (*)(seL4_X86_PageDirectory));
#if defined(__x86_64__)
SIG(seL4_X86_PDPT_Map, seL4_Error (*)(seL4_X86_PDPT, seL4_X64_PML4, seL4_Word, seL4_X86_VMAttributes));
SIG(seL4_X86_PDPT_Unmap, seL4_Error (*)(seL4_X86_PDPT));
#else
SIG(seL4_X86_PageDirectory_GetStatusBits, seL4_X86_PageDirectory_GetStatusBits_t (*)(seL4_X86_PageDirectory,
                                                                                     seL4_Word));
#endif
SIG(seL4_X86_ASIDControl_MakePool, seL4_Error (*)(seL4_X86_ASIDControl, seL4_Untyped, seL4_CNode, seL4_Word,
                                                  seL4_Uint8));
SIG(seL4_X86_ASIDPool_Assign, seL4_Error (*)(seL4_X86_ASIDPool, seL4_CPtr));
SIG(seL4_X86_IOPortControl_Issue, seL4_Error (*)(seL4_X86_IOPortControl, seL4_Word, seL4_Word, seL4_CNode,
                                                 seL4_Word, seL4_Uint8));
SIG(seL4_X86_IOPort_In8, seL4_X86_IOPort_In8_t (*)(seL4_X86_IOPort, seL4_Uint16));
SIG(seL4_X86_IOPort_In16, seL4_X86_IOPort_In16_t (*)(seL4_X86_IOPort, seL4_Uint16));
SIG(seL4_X86_IOPort_In32, seL4_X86_IOPort_In32_t (*)(seL4_X86_IOPort, seL4_Uint16));
SIG(seL4_X86_IOPort_Out8, seL4_Error (*)(seL4_X86_IOPort, seL4_Word, seL4_Word));
SIG(seL4_X86_IOPort_Out16, seL4_Error (*)(seL4_X86_IOPort, seL4_Word, seL4_Word));
SIG(seL4_X86_IOPort_Out32, seL4_Error (*)(seL4_X86_IOPort, seL4_Word, seL4_Word));
SIG(seL4_IRQControl_GetIOAPIC, seL4_Error (*)(seL4_IRQControl, seL4_CNode, seL4_Word, seL4_Uint8, seL4_Word,
                                              seL4_Word, seL4_Word, seL4_Word, seL4_Word));
SIG(seL4_IRQControl_GetMSI, seL4_Error (*)(seL4_IRQControl, seL4_CNode, seL4_Word, seL4_Uint8, seL4_Word,
                                           seL4_Word, seL4_Word, seL4_Word, seL4_Word));
#elif defined(__aarch64__)
SIG(seL4_ARM_Page_Map, seL4_Error (*)(seL4_ARM_Page, seL4_CPtr, seL4_Word, seL4_CapRights_t, seL4_ARM_VMAttributes));
SIG(seL4_ARM_Page_Unmap, seL4_Error (*)(seL4_ARM_Page));
SIG(seL4_ARM_Page_GetAddress, seL4_ARM_Page_GetAddress_t (*)(seL4_ARM_Page));
SIG(seL4_ARM_Page_Clean_Data, seL4_Error (*)(seL4_ARM_Page, seL4_Word, seL4_Word));
SIG(seL4_ARM_Page_Invalidate_Data, seL4_Error (*)(seL4_ARM_Page, seL4_Word, seL4_Word));
SIG(seL4_ARM_Page_CleanInvalidate_Data, seL4_Error (*)(seL4_ARM_Page, seL4_Word, seL4_Word));
SIG(seL4_ARM_Page_Unify_Instruction, seL4_Error (*)(seL4_ARM_Page, seL4_Word, seL4_Word));
SIG(seL4_ARM_PageTable_Map, seL4_Error (*)(seL4_ARM_PageTable, seL4_CPtr, seL4_Word, seL4_ARM_VMAttributes));
SIG(seL4_ARM_PageTable_Unmap, seL4_Error (*)(seL4_ARM_PageTable));
SIG(seL4_ARM_VSpace_Clean_Data, seL4_Error (*)(seL4_ARM_VSpace, seL4_Word, seL4_Word));
SIG(seL4_ARM_VSpace_Unify_Instruction, seL4_Error (*)(seL4_ARM_VSpace, seL4_Word, seL4_Word));
SIG(seL4_ARM_ASIDControl_MakePool, seL4_Error (*)(seL4_ARM_ASIDControl, seL4_Untyped, seL4_CNode, seL4_Word,
                                                  seL4_Uint8));
SIG(seL4_ARM_ASIDPool_Assign, seL4_Error (*)(seL4_ARM_ASIDPool, seL4_CPtr));
SIG(seL4_IRQControl_GetTrigger, seL4_Error (*)(seL4_IRQControl, seL4_Word, seL4_Word, seL4_CNode, seL4_Word,
                                               seL4_Uint8));
SIG(seL4_IRQControl_IssueSGISignal, seL4_Error (*)(seL4_IRQControl, seL4_Word, seL4_Word, seL4_CNode, seL4_Word,
                                                   seL4_Uint8));
#endif

/* The result structs of the stubs with outputs: libsel4's fields. */
_Static_assert(sizeof(((seL4_TCB_SetFlags_t *)0)->error) == sizeof(int), "SetFlags_t.error is an int");
_Static_assert(__builtin_types_compatible_p(__typeof__(((seL4_TCB_SetFlags_t *)0)->flags), seL4_Word),
               "SetFlags_t.flags is a word");
