/*
 * ABI tests: every number and layout a binary built with seL4's libsel4
 * relies on, compared with tables written here by hand from seL4 736bfd6a
 * (libsel4's XML interface files, syscall.xml and headers; non-MCS,
 * uniprocessor, no hardware debug API, no virtualisation or IOMMU). The
 * tables are deliberately not generated from interface/keel.api, so a
 * mistake there (or a renumbering) makes these tests fail. Runtime tests
 * send seL4's raw label numbers and check that the named operation ran.
 */
#include <stddef.h>
#include "caps.h"
#include "test.h"

struct abi_number {
    const char *name;
    long got;
    long want;
};

#define NUM(name, want) { #name, (long)(name), (want) }

/* The first entry of a table whose value differs from seL4's, or NULL. */
static const char *check_numbers(const struct abi_number *t, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        CHECK(t[i].got == t[i].want, "%s is %ld, seL4 has %ld", t[i].name, t[i].got, t[i].want);
    return NULL;
}

#define CHECK_TABLE(t) check_numbers(t, sizeof(t) / sizeof(t[0]))

static const char *abi_syscalls(void)
{
    static const struct abi_number t[] = {
        NUM(seL4_SysCall, -1), NUM(seL4_SysReplyRecv, -2), NUM(seL4_SysSend, -3), NUM(seL4_SysNBSend, -4),
        NUM(seL4_SysRecv, -5), NUM(seL4_SysReply, -6), NUM(seL4_SysYield, -7), NUM(seL4_SysNBRecv, -8),
        NUM(seL4_SysDebugPutChar, -9), NUM(seL4_SysDebugDumpScheduler, -10), NUM(seL4_SysDebugHalt, -11),
        NUM(seL4_SysDebugCapIdentify, -12), NUM(seL4_SysDebugSnapshot, -13), NUM(seL4_SysDebugNameThread, -14),
        NUM(seL4_SysDebugSendIPI, -15), NUM(seL4_SysDebugRun, -16), NUM(seL4_SysBenchmarkFlushCaches, -17),
        NUM(seL4_SysBenchmarkResetLog, -18), NUM(seL4_SysBenchmarkFinalizeLog, -19),
        NUM(seL4_SysBenchmarkSetLogBuffer, -20), NUM(seL4_SysBenchmarkNullSyscall, -21),
        NUM(seL4_SysBenchmarkGetThreadUtilisation, -22), NUM(seL4_SysBenchmarkResetThreadUtilisation, -23),
        NUM(seL4_SysBenchmarkDumpAllThreadsUtilisation, -24),
        NUM(seL4_SysBenchmarkResetAllThreadsUtilisation, -25), NUM(seL4_SysX86DangerousWRMSR, -26),
        NUM(seL4_SysX86DangerousRDMSR, -27), NUM(seL4_SysVMEnter, -28), NUM(seL4_SysSetTLSBase, -29),
    };
    return CHECK_TABLE(t);
}

static const char *abi_core_labels(void)
{
    static const struct abi_number t[] = {
        NUM(InvalidInvocation, 0), NUM(UntypedRetype, 1), NUM(TCBReadRegisters, 2), NUM(TCBWriteRegisters, 3),
        NUM(TCBCopyRegisters, 4), NUM(TCBConfigure, 5), NUM(TCBSetPriority, 6), NUM(TCBSetMCPriority, 7),
        NUM(TCBSetSchedParams, 8), NUM(TCBSetIPCBuffer, 9), NUM(TCBSetSpace, 10), NUM(TCBSuspend, 11),
        NUM(TCBResume, 12), NUM(TCBBindNotification, 13), NUM(TCBUnbindNotification, 14),
        NUM(TCBSetTLSBase, 15), NUM(TCBSetFlags, 16), NUM(CNodeRevoke, 17), NUM(CNodeDelete, 18),
        NUM(CNodeCancelBadgedSends, 19), NUM(CNodeCopy, 20), NUM(CNodeMint, 21), NUM(CNodeMove, 22),
        NUM(CNodeMutate, 23), NUM(CNodeRotate, 24), NUM(CNodeSaveCaller, 25), NUM(IRQIssueIRQHandler, 26),
        NUM(IRQAckIRQ, 27), NUM(IRQSetIRQHandler, 28), NUM(IRQClearIRQHandler, 29), NUM(DomainSetSet, 30),
        NUM(nInvocationLabels, 31),
    };
    return CHECK_TABLE(t);
}

/* The mode (sel4_arch) labels follow nInvocationLabels, the arch labels
 * follow nSeL4ArchInvocationLabels. */
static const char *abi_arch_labels(void)
{
    static const struct abi_number t[] = {
#if defined(__riscv)
        NUM(nSeL4ArchInvocationLabels, 31), NUM(RISCVPageTableMap, 31), NUM(RISCVPageTableUnmap, 32),
        NUM(RISCVPageMap, 33), NUM(RISCVPageUnmap, 34), NUM(RISCVPageGetAddress, 35),
        NUM(RISCVASIDControlMakePool, 36), NUM(RISCVASIDPoolAssign, 37),
        NUM(RISCVIRQIssueIRQHandlerTrigger, 38), NUM(nArchInvocationLabels, 39),
#elif defined(__x86_64__)
        NUM(X86PDPTMap, 31), NUM(X86PDPTUnmap, 32), NUM(nSeL4ArchInvocationLabels, 33),
        NUM(X86PageDirectoryMap, 33), NUM(X86PageDirectoryUnmap, 34), NUM(X86PageTableMap, 35),
        NUM(X86PageTableUnmap, 36), NUM(X86PageMap, 37), NUM(X86PageUnmap, 38), NUM(X86PageGetAddress, 39),
        NUM(X86ASIDControlMakePool, 40), NUM(X86ASIDPoolAssign, 41), NUM(X86IOPortControlIssue, 42),
        NUM(X86IOPortIn8, 43), NUM(X86IOPortIn16, 44), NUM(X86IOPortIn32, 45), NUM(X86IOPortOut8, 46),
        NUM(X86IOPortOut16, 47), NUM(X86IOPortOut32, 48), NUM(X86IRQIssueIRQHandlerIOAPIC, 49),
        NUM(X86IRQIssueIRQHandlerMSI, 50), NUM(nArchInvocationLabels, 51),
#elif defined(__aarch64__)
        NUM(ARMVSpaceClean_Data, 31), NUM(ARMVSpaceInvalidate_Data, 32), NUM(ARMVSpaceCleanInvalidate_Data, 33),
        NUM(ARMVSpaceUnify_Instruction, 34), NUM(ARMSMCCall, 35), NUM(nSeL4ArchInvocationLabels, 36),
        NUM(ARMPageTableMap, 36), NUM(ARMPageTableUnmap, 37), NUM(ARMPageMap, 38), NUM(ARMPageUnmap, 39),
        NUM(ARMPageClean_Data, 40), NUM(ARMPageInvalidate_Data, 41), NUM(ARMPageCleanInvalidate_Data, 42),
        NUM(ARMPageUnify_Instruction, 43), NUM(ARMPageGetAddress, 44), NUM(ARMASIDControlMakePool, 45),
        NUM(ARMASIDPoolAssign, 46), NUM(ARMIRQIssueIRQHandlerTrigger, 47), NUM(ARMIRQIssueSGISignal, 48),
        NUM(nArchInvocationLabels, 49),
#elif defined(__i386__)
        NUM(nSeL4ArchInvocationLabels, 31), NUM(X86PageDirectoryMap, 31), NUM(X86PageDirectoryUnmap, 32),
        NUM(X86PageDirectoryGetStatusBits, 33), NUM(X86PageTableMap, 34), NUM(X86PageTableUnmap, 35),
        NUM(X86PageMap, 36), NUM(X86PageUnmap, 37), NUM(X86PageGetAddress, 38),
        NUM(X86ASIDControlMakePool, 39), NUM(X86ASIDPoolAssign, 40), NUM(X86IOPortControlIssue, 41),
        NUM(X86IOPortIn8, 42), NUM(X86IOPortIn16, 43), NUM(X86IOPortIn32, 44), NUM(X86IOPortOut8, 45),
        NUM(X86IOPortOut16, 46), NUM(X86IOPortOut32, 47), NUM(X86IRQIssueIRQHandlerIOAPIC, 48),
        NUM(X86IRQIssueIRQHandlerMSI, 49), NUM(nArchInvocationLabels, 50),
#else
#error "ABI tables for this architecture are missing"
#endif
    };
    return CHECK_TABLE(t);
}

static const char *abi_object_types(void)
{
    static const struct abi_number t[] = {
        NUM(seL4_UntypedObject, 0), NUM(seL4_TCBObject, 1), NUM(seL4_EndpointObject, 2),
        NUM(seL4_NotificationObject, 3), NUM(seL4_CapTableObject, 4), NUM(seL4_NonArchObjectTypeCount, 5),
#if defined(__riscv)
        NUM(seL4_RISCV_Giga_Page, 5), NUM(seL4_RISCV_4K_Page, 6), NUM(seL4_RISCV_Mega_Page, 7),
        NUM(seL4_RISCV_PageTableObject, 8), NUM(seL4_ObjectTypeCount, 9),
#elif defined(__x86_64__)
        NUM(seL4_X86_PDPTObject, 5), NUM(seL4_X64_PML4Object, 6), NUM(seL4_X64_HugePageObject, 7),
        NUM(seL4_X86_4K, 8), NUM(seL4_X86_LargePageObject, 9), NUM(seL4_X86_PageTableObject, 10),
        NUM(seL4_X86_PageDirectoryObject, 11), NUM(seL4_ObjectTypeCount, 12),
#elif defined(__aarch64__)
        NUM(seL4_ARM_HugePageObject, 5), NUM(seL4_ARM_VSpaceObject, 6), NUM(seL4_ARM_SmallPageObject, 7),
        NUM(seL4_ARM_LargePageObject, 8), NUM(seL4_ARM_PageTableObject, 9), NUM(seL4_ObjectTypeCount, 10),
#elif defined(__i386__)
        NUM(seL4_X86_4K, 5), NUM(seL4_X86_LargePageObject, 6), NUM(seL4_X86_PageTableObject, 7),
        NUM(seL4_X86_PageDirectoryObject, 8), NUM(seL4_ObjectTypeCount, 9),
#endif
    };
    return CHECK_TABLE(t);
}

static const char *abi_constants(void)
{
    static const struct abi_number t[] = {
        NUM(seL4_MsgMaxLength, 120), NUM(seL4_MsgMaxExtraCaps, 3), NUM(seL4_MsgLengthBits, 7),
        NUM(seL4_MsgExtraCapBits, 2), NUM(seL4_PageBits, 12),
        NUM(seL4_EndpointBits, 4), NUM(seL4_MinUntypedBits, 4),
        NUM(seL4_BootInfoFrameBits, 12), NUM(seL4_ASIDPoolBits, 12),
        NUM(seL4_MaxPrio, 255), NUM(seL4_NumInitialCaps, 16), NUM(seL4_CapInitThreadTCB, 1),
        NUM(seL4_CapInitThreadCNode, 2), NUM(seL4_CapInitThreadVSpace, 3), NUM(seL4_CapIRQControl, 4),
        NUM(seL4_CapASIDControl, 5), NUM(seL4_CapInitThreadASIDPool, 6), NUM(seL4_CapIOPortControl, 7),
        NUM(seL4_CapBootInfoFrame, 9), NUM(seL4_CapInitThreadIPCBuffer, 10), NUM(seL4_CapDomain, 11),
        NUM(seL4_NoError, 0), NUM(seL4_InvalidArgument, 1), NUM(seL4_InvalidCapability, 2),
        NUM(seL4_IllegalOperation, 3), NUM(seL4_RangeError, 4), NUM(seL4_AlignmentError, 5),
        NUM(seL4_FailedLookup, 6), NUM(seL4_TruncatedMessage, 7), NUM(seL4_DeleteFirst, 8),
        NUM(seL4_RevokeFirst, 9), NUM(seL4_NotEnoughMemory, 10), NUM(seL4_MissingCapability, 2),
        NUM(seL4_DepthMismatch, 3), NUM(seL4_GuardMismatch, 4),
#if defined(__i386__)
        NUM(seL4_SlotBits, 4), NUM(seL4_NotificationBits, 4), NUM(seL4_IPCBufferSizeBits, 9),
        NUM(seL4_TCBBits, 11), NUM(seL4_LargePageBits, 22), NUM(seL4_MaxUntypedBits, 29),
#else
        NUM(seL4_SlotBits, 5), NUM(seL4_NotificationBits, 5), NUM(seL4_IPCBufferSizeBits, 10),
#endif
#if defined(__riscv)
        NUM(seL4_TCBBits, 10), NUM(seL4_LargePageBits, 21), NUM(seL4_HugePageBits, 30),
        NUM(seL4_MaxUntypedBits, 38),
#elif defined(__x86_64__)
        NUM(seL4_TCBBits, 11), NUM(seL4_LargePageBits, 21), NUM(seL4_HugePageBits, 30),
        NUM(seL4_MaxUntypedBits, 47),
#elif defined(__aarch64__)
        NUM(seL4_TCBBits, 11), NUM(seL4_LargePageBits, 21), NUM(seL4_HugePageBits, 30),
        NUM(seL4_MaxUntypedBits, 47),
#endif
    };
    return CHECK_TABLE(t);
}

static const char *abi_fault_layouts(void)
{
    static const struct abi_number t[] = {
        NUM(seL4_Fault_NullFault, 0), NUM(seL4_Fault_CapFault, 1), NUM(seL4_Fault_UnknownSyscall, 2),
        NUM(seL4_Fault_UserException, 3), NUM(seL4_Fault_VMFault, 5),
        NUM(seL4_CapFault_IP, 0), NUM(seL4_CapFault_Addr, 1), NUM(seL4_CapFault_InRecvPhase, 2),
        NUM(seL4_CapFault_LookupFailureType, 3), NUM(seL4_CapFault_BitsLeft, 4),
        NUM(seL4_CapFault_DepthMismatch_BitsFound, 5), NUM(seL4_CapFault_GuardMismatch_GuardFound, 5),
        NUM(seL4_CapFault_GuardMismatch_BitsFound, 6),
        NUM(seL4_VMFault_IP, 0), NUM(seL4_VMFault_Addr, 1), NUM(seL4_VMFault_PrefetchFault, 2),
        NUM(seL4_VMFault_FSR, 3), NUM(seL4_VMFault_Length, 4),
#if defined(__riscv)
        NUM(seL4_UnknownSyscall_FaultIP, 0), NUM(seL4_UnknownSyscall_SP, 1), NUM(seL4_UnknownSyscall_RA, 2),
        NUM(seL4_UnknownSyscall_A0, 3), NUM(seL4_UnknownSyscall_A6, 9), NUM(seL4_UnknownSyscall_Syscall, 10),
        NUM(seL4_UnknownSyscall_Length, 11), NUM(seL4_UserException_FaultIP, 0), NUM(seL4_UserException_SP, 1),
        NUM(seL4_UserException_Number, 2), NUM(seL4_UserException_Code, 3), NUM(seL4_UserException_Length, 4),
#elif defined(__x86_64__)
        NUM(seL4_UnknownSyscall_RAX, 0), NUM(seL4_UnknownSyscall_RBX, 1), NUM(seL4_UnknownSyscall_R15, 14),
        NUM(seL4_UnknownSyscall_FaultIP, 15), NUM(seL4_UnknownSyscall_SP, 16), NUM(seL4_UnknownSyscall_FLAGS, 17),
        NUM(seL4_UnknownSyscall_Syscall, 18), NUM(seL4_UnknownSyscall_Length, 19),
        NUM(seL4_UserException_FaultIP, 0), NUM(seL4_UserException_SP, 1), NUM(seL4_UserException_FLAGS, 2),
        NUM(seL4_UserException_Number, 3), NUM(seL4_UserException_Code, 4), NUM(seL4_UserException_Length, 5),
#elif defined(__aarch64__)
        NUM(seL4_UnknownSyscall_X0, 0), NUM(seL4_UnknownSyscall_X7, 7), NUM(seL4_UnknownSyscall_FaultIP, 8),
        NUM(seL4_UnknownSyscall_SP, 9), NUM(seL4_UnknownSyscall_LR, 10), NUM(seL4_UnknownSyscall_SPSR, 11),
        NUM(seL4_UnknownSyscall_Syscall, 12), NUM(seL4_UnknownSyscall_Length, 13),
        NUM(seL4_UserException_FaultIP, 0), NUM(seL4_UserException_SP, 1), NUM(seL4_UserException_SPSR, 2),
        NUM(seL4_UserException_Number, 3), NUM(seL4_UserException_Code, 4), NUM(seL4_UserException_Length, 5),
#elif defined(__i386__)
        NUM(seL4_UnknownSyscall_EAX, 0), NUM(seL4_UnknownSyscall_EBX, 1), NUM(seL4_UnknownSyscall_EBP, 6),
        NUM(seL4_UnknownSyscall_FaultIP, 7), NUM(seL4_UnknownSyscall_SP, 8), NUM(seL4_UnknownSyscall_FLAGS, 9),
        NUM(seL4_UnknownSyscall_Syscall, 10), NUM(seL4_UnknownSyscall_Length, 11),
        NUM(seL4_UserException_FaultIP, 0), NUM(seL4_UserException_SP, 1), NUM(seL4_UserException_FLAGS, 2),
        NUM(seL4_UserException_Number, 3), NUM(seL4_UserException_Code, 4), NUM(seL4_UserException_Length, 5),
#endif
    };
    return CHECK_TABLE(t);
}

#define OFF(type, field, words) { #type "." #field, (long)offsetof(type, field), (long)((words) * sizeof(seL4_Word)) }

static const char *abi_bootinfo_layout(void)
{
    static const struct abi_number t[] = {
        OFF(seL4_BootInfo, extraLen, 0), OFF(seL4_BootInfo, nodeID, 1), OFF(seL4_BootInfo, numNodes, 2),
        OFF(seL4_BootInfo, numIOPTLevels, 3), OFF(seL4_BootInfo, ipcBuffer, 4), OFF(seL4_BootInfo, empty, 5),
        OFF(seL4_BootInfo, sharedFrames, 7), OFF(seL4_BootInfo, userImageFrames, 9),
        OFF(seL4_BootInfo, userImagePaging, 11), OFF(seL4_BootInfo, ioSpaceCaps, 13),
        OFF(seL4_BootInfo, extraBIPages, 15), OFF(seL4_BootInfo, initThreadCNodeSizeBits, 17),
        OFF(seL4_BootInfo, initThreadDomain, 18), OFF(seL4_BootInfo, untyped, 19),
        OFF(seL4_BootInfo, untypedList, 21), { "sizeof(seL4_UntypedDesc)", (long)sizeof(seL4_UntypedDesc),
                                              (long)(2 * sizeof(seL4_Word)) },
        { "seL4_UntypedDesc.sizeBits", (long)offsetof(seL4_UntypedDesc, sizeBits), (long)sizeof(seL4_Word) },
        { "seL4_UntypedDesc.isDevice", (long)offsetof(seL4_UntypedDesc, isDevice), (long)sizeof(seL4_Word) + 1 },
        { "CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS", CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS, 230 },
        OFF(seL4_BootInfoHeader, id, 0), OFF(seL4_BootInfoHeader, len, 1),
        NUM(SEL4_BOOTINFO_HEADER_PADDING, 0), NUM(SEL4_BOOTINFO_HEADER_X86_VBE, 1),
        NUM(SEL4_BOOTINFO_HEADER_X86_MBMMAP, 2), NUM(SEL4_BOOTINFO_HEADER_X86_ACPI_RSDP, 3),
        NUM(SEL4_BOOTINFO_HEADER_X86_FRAMEBUFFER, 4), NUM(SEL4_BOOTINFO_HEADER_X86_TSC_FREQ, 5),
        NUM(SEL4_BOOTINFO_HEADER_FDT, 6),
    };
    return CHECK_TABLE(t);
}

static const char *abi_message_layouts(void)
{
    const struct abi_number t[] = {
        OFF(seL4_IPCBuffer, tag, 0), OFF(seL4_IPCBuffer, msg, 1), OFF(seL4_IPCBuffer, userData, 121),
        OFF(seL4_IPCBuffer, caps_or_badges, 122), OFF(seL4_IPCBuffer, receiveCNode, 125),
        OFF(seL4_IPCBuffer, receiveIndex, 126), OFF(seL4_IPCBuffer, receiveDepth, 127),
        { "sizeof(seL4_IPCBuffer)", (long)sizeof(seL4_IPCBuffer), (long)(128 * sizeof(seL4_Word)) },
        { "seL4_MessageInfo_new(0x123, 5, 3, 100)", (long)seL4_MessageInfo_new(0x123, 5, 3, 100).words[0],
          (0x123l << 12) | (5 << 9) | (3 << 7) | 100 },
        { "seL4_AllRights", (long)seL4_AllRights.words[0], 0xf },
        { "seL4_CapRights_new(1, 0, 0, 0)", (long)seL4_CapRights_new(1, 0, 0, 0).words[0], 8 },
        { "seL4_CapRights_new(0, 1, 0, 0)", (long)seL4_CapRights_new(0, 1, 0, 0).words[0], 4 },
        { "seL4_CanRead", (long)seL4_CanRead.words[0], 2 }, { "seL4_CanWrite", (long)seL4_CanWrite.words[0], 1 },
    };
    return CHECK_TABLE(t);
}

/* seL4's raw number for CNode_Delete (18) empties the slot it names. */
static const char *abi_runtime_core_label(void)
{
    seL4_CPtr ep = new_endpoint();

    CHECK(ep != 0, "setup: no endpoint");
    seL4_SetMR(0, ep);
    seL4_SetMR(1, ROOT_DEPTH);
    TRY(expect_ok(keel_invoke(ROOT, 18, 0, 2), "label 18 (CNodeDelete) on the root CNode"));
    CHECK(seL4_DebugCapIdentify(ep) == KEEL_CAP_NULL, "label 18 left the slot holding cap type %u",
          (unsigned)seL4_DebugCapIdentify(ep));
    return NULL;
}

/* seL4's raw number for Page_GetAddress answers with the frame's address;
 * a core label on a frame is an IllegalOperation. */
static const char *abi_runtime_arch_label(void)
{
#if defined(__riscv)
    const seL4_Word get_address = 35;
#elif defined(__x86_64__)
    const seL4_Word get_address = 39;
#elif defined(__i386__)
    const seL4_Word get_address = 38;
#else
    const seL4_Word get_address = 44;
#endif
    seL4_CPtr frame = seL4_GetBootInfo()->userImageFrames.start;

    TRY(expect_ok(keel_invoke(frame, get_address, 0, 0), "seL4's Page_GetAddress number"));
    seL4_Word paddr = seL4_GetMR(0);
    CHECK(paddr != 0 && (paddr & ((1ul << seL4_PageBits) - 1)) == 0, "GetAddress gave %lx", paddr);
    return EXPECT_PLAIN_ERROR(keel_invoke(frame, CNodeDelete, 0, 2), seL4_IllegalOperation,
                              "CNodeDelete's number on a frame");
}

/* The TLS base as this architecture's TLS ABI shows it: the thread pointer
 * register (riscv64 tp, aarch64 TPIDR_EL0), or on x86_64 (ia32) the word at
 * the FS (GS) base, which points to itself (TLS variant II; userland/lib/arch). */
static inline seL4_Word tls_base_probe(void)
{
    seL4_Word v;
#if defined(__riscv)
    __asm__ volatile("mv %0, tp" : "=r"(v));
#elif defined(__x86_64__)
    __asm__ volatile("mov %%fs:0, %0" : "=r"(v) : : "memory");
#elif defined(__i386__)
    __asm__ volatile("mov %%gs:0, %0" : "=r"(v) : : "memory");
#else
    __asm__ volatile("mrs %0, tpidr_el0" : "=r"(v));
#endif
    return v;
}

/* seL4_SetTLSBase (system call -29) moves the caller's TLS base, as
 * TCB_SetTLSBase on itself does. Nothing between the two calls may touch a
 * thread-local variable (the IPC buffer pointer is one). */
static const char *abi_set_tls_base(void)
{
    static seL4_Word marker[2];
    seL4_Word old = tls_base_probe();

    marker[0] = (seL4_Word)&marker[0];
    seL4_SetTLSBase((seL4_Word)&marker[0]);
    seL4_Word got = tls_base_probe();
    seL4_SetTLSBase(old);
    CHECK(got == (seL4_Word)&marker[0], "TLS base %lx after seL4_SetTLSBase(%lx)", got, (seL4_Word)&marker[0]);
    CHECK(tls_base_probe() == old, "TLS base %lx not restored to %lx", tls_base_probe(), old);
    return NULL;
}

static const struct test abi_tests[] = {
    { "ABI0001 system call numbers are seL4's", abi_syscalls },
    { "ABI0002 core invocation labels are seL4's", abi_core_labels },
    { "ABI0003 mode and arch invocation labels are seL4's for this architecture", abi_arch_labels },
    { "ABI0004 object type numbers are seL4's for this architecture", abi_object_types },
    { "ABI0005 sizes, initial caps, errors and lookup failures are seL4's", abi_constants },
    { "ABI0006 fault labels and message layouts are seL4's", abi_fault_layouts },
    { "ABI0007 bootinfo layout and extra-bootinfo ids are seL4's", abi_bootinfo_layout },
    { "ABI0008 IPC buffer, message info and rights layouts are seL4's", abi_message_layouts },
    { "ABI0009 seL4's core label number reaches CNode_Delete", abi_runtime_core_label },
    { "ABI0010 seL4's arch label number reaches Page_GetAddress", abi_runtime_arch_label },
    { "ABI0011 seL4_SetTLSBase sets the caller's TLS base", abi_set_tls_base },
};

TEST_SUITE(abi_suite, abi_tests);
