/*
 * The seL4 system calls with libsel4's names, signatures and meanings (non-MCS
 * API). Each is a thin wrapper over one of the four per-architecture primitives
 * in <sel4/arch/syscalls.h> (keel_sys_send, keel_sys_recv, keel_sys_send_recv,
 * keel_sys_null), which move the syscall number, a cap pointer or badge, the
 * message info and message registers 0..3 through machine registers.
 *
 * As in libsel4, the program sees ONE array of message registers: the
 * IPC buffer's msg[]. Before a send the first seL4_FastMessageRegisters of
 * them are loaded from the buffer into the primitive's arguments; after a
 * receive they are stored back, so seL4_GetMR(0) works after every call.
 * The remaining message registers never leave the IPC buffer.
 */
#pragma once

#include <sel4/types.h>
#include <sel4/shared_types.h>
#include <sel4/syscall_numbers.h>
#include <sel4/functions.h>
#include <sel4/keel.h>
#include <sel4/arch/syscalls.h>

#ifndef seL4_FastMessageRegisters
#define seL4_FastMessageRegisters 4     /* what the four mr arguments of the primitives carry */
#endif

/* Message registers 0..3 as the primitives take them. */
typedef struct keel_fast_mrs {
    seL4_Word mr[4];
} keel_fast_mrs;

static inline keel_fast_mrs keel_load_fast_mrs(void)
{
    keel_fast_mrs m;

    for (int i = 0; i < 4; i++) {
        m.mr[i] = i < seL4_FastMessageRegisters ? seL4_GetMR(i) : 0;
    }
    return m;
}

static inline void keel_store_fast_mrs(const keel_fast_mrs *m)
{
    /* Only what travelled in registers: the rest is in the buffer already. */
    for (int i = 0; i < seL4_FastMessageRegisters; i++) {
        seL4_SetMR(i, m->mr[i]);
    }
}

static inline seL4_MessageInfo_t keel_info(seL4_Word w)
{
    seL4_MessageInfo_t info;

    info.words[0] = w;
    return info;
}

/* A send-only call (Send, NBSend, Reply): message registers from the buffer. */
static inline void keel_send_from_buffer(seL4_Syscall_ID sys, seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    keel_fast_mrs m = keel_load_fast_mrs();

    keel_sys_send((seL4_Word)sys, dest, msgInfo.words[0], m.mr[0], m.mr[1], m.mr[2], m.mr[3]);
}

/* A receive-only call (Recv, NBRecv): message registers into the buffer. */
static inline seL4_MessageInfo_t keel_recv_to_buffer(seL4_Syscall_ID sys, seL4_CPtr src, seL4_Word *sender)
{
    keel_fast_mrs m;
    seL4_Word badge, info;

    keel_sys_recv((seL4_Word)sys, src, &badge, &info, &m.mr[0], &m.mr[1], &m.mr[2], &m.mr[3]);
    keel_store_fast_mrs(&m);
    if (sender != seL4_Null) {
        *sender = badge;
    }
    return keel_info(info);
}

/* A combined send and receive (Call, ReplyRecv). */
static inline seL4_MessageInfo_t keel_send_recv_buffer(seL4_Syscall_ID sys, seL4_CPtr dest,
                                                       seL4_MessageInfo_t msgInfo, seL4_Word *sender)
{
    keel_fast_mrs m = keel_load_fast_mrs();
    seL4_Word badge, info;

    keel_sys_send_recv((seL4_Word)sys, dest, &badge, msgInfo.words[0], &info,
                       &m.mr[0], &m.mr[1], &m.mr[2], &m.mr[3]);
    keel_store_fast_mrs(&m);
    if (sender != seL4_Null) {
        *sender = badge;
    }
    return keel_info(info);
}

/* ---- IPC ---- */

/* Blocking send to the endpoint dest. */
static inline void seL4_Send(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    keel_send_from_buffer(seL4_SysSend, dest, msgInfo);
}

/* Send only if a receiver is waiting; otherwise drop the message. */
static inline void seL4_NBSend(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    keel_send_from_buffer(seL4_SysNBSend, dest, msgInfo);
}

/* Send, then wait for the reply on the same endpoint (a one-shot reply cap). */
static inline seL4_MessageInfo_t seL4_Call(seL4_CPtr dest, seL4_MessageInfo_t msgInfo)
{
    return keel_send_recv_buffer(seL4_SysCall, dest, msgInfo, seL4_Null);
}

/* Block until a message (endpoint) or a signal (notification) arrives;
 * *sender gets the badge when sender is not NULL. */
static inline seL4_MessageInfo_t seL4_Recv(seL4_CPtr src, seL4_Word *sender)
{
    return keel_recv_to_buffer(seL4_SysRecv, src, sender);
}

/* As seL4_Recv, but return at once when nothing is pending. */
static inline seL4_MessageInfo_t seL4_NBRecv(seL4_CPtr src, seL4_Word *sender)
{
    return keel_recv_to_buffer(seL4_SysNBRecv, src, sender);
}

/* Reply to the thread whose Call this thread last received. */
static inline void seL4_Reply(seL4_MessageInfo_t msgInfo)
{
    keel_send_from_buffer(seL4_SysReply, 0, msgInfo);
}

/* Reply, then receive on src, in one system call. */
static inline seL4_MessageInfo_t seL4_ReplyRecv(seL4_CPtr src, seL4_MessageInfo_t msgInfo, seL4_Word *sender)
{
    return keel_send_recv_buffer(seL4_SysReplyRecv, src, msgInfo, sender);
}

/* ---- notifications (non-MCS: Signal is a Send, Wait a Recv, Poll an NBRecv) ---- */

static inline void seL4_Signal(seL4_CPtr dest)
{
    keel_sys_send((seL4_Word)seL4_SysSend, dest, seL4_MessageInfo_new(0, 0, 0, 0).words[0], 0, 0, 0, 0);
}

static inline void seL4_Wait(seL4_CPtr src, seL4_Word *sender)
{
    seL4_Recv(src, sender);
}

static inline seL4_MessageInfo_t seL4_Poll(seL4_CPtr src, seL4_Word *sender)
{
    return seL4_NBRecv(src, sender);
}

/* ---- scheduling ---- */

static inline void seL4_Yield(void)
{
    keel_sys_null((seL4_Word)seL4_SysYield);
    __asm__ volatile("" ::: "memory");  /* another thread may have changed memory */
}

/* Set the calling thread's TLS base register (as seL4_TCB_SetTLSBase on
 * itself, without needing its TCB capability). */
static inline void seL4_SetTLSBase(seL4_Word tls_base)
{
    keel_sys_send((seL4_Word)seL4_SysSetTLSBase, tls_base, 0, 0, 0, 0, 0);
    __asm__ volatile("" ::: "memory");
}

/* ---- debugging: the stubs are always declared; the calls exist only in a
 * debug kernel (a release kernel answers them with an UnknownSyscall fault) ---- */

static inline void seL4_DebugPutChar(char c)
{
    keel_sys_send((seL4_Word)seL4_SysDebugPutChar, (seL4_Word)(unsigned char)c, 0, 0, 0, 0, 0);
}

/* Keel extension: stop the machine; QEMU exits, status 0 meaning "passed"
 * (KEEL_HALT_PASS) and 1..127 a failure code. */
static inline void keel_DebugHaltStatus(seL4_Word status)
{
    keel_sys_send((seL4_Word)seL4_SysDebugHalt, status, 0, 0, 0, 0, 0);
}

/* Stop the machine, reporting success (status 0). */
static inline void seL4_DebugHalt(void)
{
    keel_DebugHaltStatus(KEEL_HALT_PASS);
}

/* Keel extension, debug kernels: the number of system calls the IPC
 * fastpath has completed since boot. */
static inline seL4_Word keel_DebugFastpathHits(void)
{
    seL4_Word hits, info, m0 = 0, m1 = 0, m2 = 0, m3 = 0;

    keel_sys_send_recv((seL4_Word)keel_SysDebugFastpathHits, 0, &hits, 0, &info, &m0, &m1, &m2, &m3);
    return hits;
}

/* Print the scheduler's queues on the kernel console. */
static inline void seL4_DebugDumpScheduler(void)
{
    seL4_Word badge, info, m0 = 0, m1 = 0, m2 = 0, m3 = 0;

    keel_sys_send_recv((seL4_Word)seL4_SysDebugDumpScheduler, 0, &badge, 0, &info, &m0, &m1, &m2, &m3);
}

/* The type of the cap at cptr in the caller's CSpace, as a keel_cap_type
 * (KEEL_CAP_NULL when the slot is empty or the lookup fails). */
static inline seL4_Uint32 seL4_DebugCapIdentify(seL4_CPtr cap)
{
    seL4_Word type, info, m0 = 0, m1 = 0, m2 = 0, m3 = 0;

    keel_sys_send_recv((seL4_Word)seL4_SysDebugCapIdentify, cap, &type, 0, &info, &m0, &m1, &m2, &m3);
    return (seL4_Uint32)type;
}

/* Name the thread of the TCB cap tcb in kernel messages. As in libsel4 the
 * name travels NUL-terminated in the IPC buffer's message area (so it
 * overwrites the message registers) and is cut to fit there. */
static inline void seL4_DebugNameThread(seL4_CPtr tcb, const char *name)
{
    char *buf = (char *)seL4_GetIPCBuffer()->msg;
    seL4_Word max = sizeof(seL4_GetIPCBuffer()->msg) - 1;
    seL4_Word i = 0;
    seL4_Word badge, info, m0 = 0, m1 = 0, m2 = 0, m3 = 0;

    for (; name != seL4_Null && i < max && name[i] != '\0'; i++) {
        buf[i] = name[i];
    }
    buf[i] = '\0';
    keel_sys_send_recv((seL4_Word)seL4_SysDebugNameThread, tcb, &badge, 0, &info, &m0, &m1, &m2, &m3);
}

/* Benchmark calls: only a kernel built with -Dbench_trace has them (elsewhere
 * they are unknown system calls, a fault). Keel's log is one figure, the
 * longest stretch the kernel ran without a preemption point since the last
 * reset, in the kernel's counter units (docs/api.md). */
static inline seL4_Error seL4_BenchmarkResetLog(void)
{
    seL4_Word err, info, m0 = 0, m1 = 0, m2 = 0, m3 = 0;

    keel_sys_send_recv((seL4_Word)seL4_SysBenchmarkResetLog, 0, &err, 0, &info, &m0, &m1, &m2, &m3);
    return (seL4_Error)err;
}

static inline seL4_Word seL4_BenchmarkFinalizeLog(void)
{
    seL4_Word longest, info, m0 = 0, m1 = 0, m2 = 0, m3 = 0;

    keel_sys_send_recv((seL4_Word)seL4_SysBenchmarkFinalizeLog, 0, &longest, 0, &info, &m0, &m1, &m2, &m3);
    return longest;
}
