/*
 * System call numbers (seL4's non-MCS numbering). The number travels in a
 * register chosen by each architecture's stubs (sel4/arch/syscalls.h).
 */
#pragma once

typedef enum {
    seL4_SysCall = -1,
    seL4_SysReplyRecv = -2,
    seL4_SysSend = -3,
    seL4_SysNBSend = -4,
    seL4_SysRecv = -5,
    seL4_SysReply = -6,
    seL4_SysYield = -7,
    seL4_SysNBRecv = -8,
    seL4_SysDebugPutChar = -9,
    seL4_SysDebugDumpScheduler = -10,
    seL4_SysDebugHalt = -11,
    seL4_SysDebugCapIdentify = -12,
    seL4_SysDebugSnapshot = -13,
    seL4_SysDebugNameThread = -14,
    /* Only in a kernel built with -Dbench_trace (docs/api.md); numbered as in
     * a uniprocessor seL4 build with benchmarks and without DebugRun. */
    seL4_SysBenchmarkResetLog = -16,
    seL4_SysBenchmarkFinalizeLog = -17,
} seL4_Syscall_ID;
