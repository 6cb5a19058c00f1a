/*
 * Invocation labels: the label of the message that invokes an object. The
 * order follows seL4's non-MCS list; the numbers are Keel's ABI.
 */
#pragma once

enum invocation_label {
    InvalidInvocation = 0,
    UntypedRetype,
    TCBReadRegisters,
    TCBWriteRegisters,
    TCBCopyRegisters,
    TCBConfigure,
    TCBSetPriority,
    TCBSetMCPriority,
    TCBSetSchedParams,
    TCBSetIPCBuffer,
    TCBSetSpace,
    TCBSuspend,
    TCBResume,
    TCBBindNotification,
    TCBUnbindNotification,
    TCBSetTLSBase,
    TCBSetFlags,
    CNodeRevoke,
    CNodeDelete,
    CNodeCancelBadgedSends,
    CNodeCopy,
    CNodeMint,
    CNodeMove,
    CNodeMutate,
    CNodeRotate,
    CNodeSaveCaller,
    IRQIssueIRQHandler,
    IRQAckIRQ,
    IRQSetIRQHandler,
    IRQClearIRQHandler,
    DomainSetSet,
    nInvocationLabels,
};

/* Virtual-memory invocations. seL4 numbers these per architecture
 * (RISCVPageMap, X86PageMap, ...); Keel's core implements them once, so
 * one set of labels serves every port, and the arch headers alias seL4's
 * names to them. */
enum keel_vm_invocation_label {
    KeelPageTableMap = nInvocationLabels,
    KeelPageTableUnmap,
    KeelPageMap,
    KeelPageUnmap,
    KeelPageGetAddress,
    KeelASIDControlMakePool,
    KeelASIDPoolAssign,
    nKeelInvocationLabels,
};

/* x86 device access: I/O port capabilities and the IOAPIC variant of
 * IRQControl (seL4's X86 labels). Numbered for every port so that the
 * kernel and the stubs agree; only x86_64 accepts them. */
enum keel_x86_invocation_label {
    X86IOPortControlIssue = nKeelInvocationLabels,
    X86IOPortIn8,
    X86IOPortIn16,
    X86IOPortIn32,
    X86IOPortOut8,
    X86IOPortOut16,
    X86IOPortOut32,
    X86IRQIssueIRQHandlerIOAPIC,
    X86IRQIssueIRQHandlerMSI,
    nKeelX86InvocationLabels,
};
