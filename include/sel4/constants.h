/*
 * seL4 constants: message sizes, priorities, object sizes common to all
 * architectures. Architecture-specific sizes are in sel4/arch/constants.h.
 */
#pragma once

#include <sel4/arch/constants.h>
#include <sel4/arch/types.h>

enum {
    seL4_MsgLengthBits = 7,
    seL4_MsgExtraCapBits = 2,
    seL4_MsgMaxLength = 120,
    seL4_MsgMaxExtraCaps = (1 << seL4_MsgExtraCapBits) - 1,
};

#define seL4_MinPrio 0
#define seL4_MaxPrio 255
#define seL4_NumPriorities 256

#define seL4_EndpointBits 4
#define seL4_MinUntypedBits 4
/* What depends on the word size (seL4's 32-bit capabilities are narrower). */
#if seL4_WordBits == 64
#define seL4_IPCBufferSizeBits 10
#define seL4_SlotBits 5
#define seL4_NotificationBits 5
#define seL4_BadgeBits 64
#define seL4_GuardSizeBits 6
#define seL4_GuardBits 58
#else
#define seL4_IPCBufferSizeBits 9
#define seL4_SlotBits 4
#define seL4_NotificationBits 4
#define seL4_BadgeBits 28
#define seL4_GuardSizeBits 5
#define seL4_GuardBits 18
#endif

/* Fault and exception labels. */
typedef enum {
    seL4_Fault_NullFault = 0,
    seL4_Fault_CapFault = 1,
    seL4_Fault_UnknownSyscall = 2,
    seL4_Fault_UserException = 3,
    seL4_Fault_VMFault = 5,
} seL4_FaultType;

/* Fault message layouts (message register indices). */
enum {
    seL4_CapFault_IP = 0,
    seL4_CapFault_Addr,
    seL4_CapFault_InRecvPhase,
    seL4_CapFault_LookupFailureType,
    seL4_CapFault_BitsLeft,
    seL4_CapFault_DepthMismatch_BitsFound,
    seL4_CapFault_GuardMismatch_GuardFound = seL4_CapFault_DepthMismatch_BitsFound,
    seL4_CapFault_GuardMismatch_BitsFound,
};
enum {
    seL4_VMFault_IP = 0,
    seL4_VMFault_Addr,
    seL4_VMFault_PrefetchFault,
    seL4_VMFault_FSR,
    seL4_VMFault_Length,
};

/* Lookup failure kinds (seL4_GetMR detail after seL4_FailedLookup). */
typedef enum {
    seL4_NoFailure = 0,
    seL4_InvalidRoot,
    seL4_MissingCapability,
    seL4_DepthMismatch,
    seL4_GuardMismatch,
} seL4_LookupFailureType;

/* TCB flags (seL4_TCB_SetFlags). fpuDisabled: the thread has no FPU; an
 * FP/SIMD instruction is a fault (UserException) and the kernel never
 * switches FPU state for it. */
typedef enum {
    seL4_TCBFlag_NoFlag = 0x0,
    seL4_TCBFlag_fpuDisabled = 0x1,
    seL4_TCBFlag_MASK = seL4_TCBFlag_fpuDisabled,
} seL4_TCBFlag;

/* Object types common to all architectures. */
typedef enum {
    seL4_UntypedObject = 0,
    seL4_TCBObject,
    seL4_EndpointObject,
    seL4_NotificationObject,
    seL4_CapTableObject,
    seL4_NonArchObjectTypeCount,
} seL4_ObjectType;
