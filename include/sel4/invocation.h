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
