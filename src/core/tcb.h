/*
 * Thread control blocks. A TCB object holds the thread's saved user registers
 * (first, so that a port's assembly finds them at offset 0), the slots of the
 * capabilities the thread runs with, and its scheduling and IPC state.
 *
 * Invariants (checked by invariants.c):
 *  - a thread is in a ready queue iff its state is runnable and it is not the
 *    current thread (Benno scheduling: the running thread is never queued);
 *  - a thread in the ready queue of priority p has priority p, and bit p of the
 *    ready bitmap is set iff that queue is non-empty.
 */
#pragma once

#include <core/hal.h>
#include <core/cnode.h>

enum thread_state {
    THREAD_INACTIVE = 0,        /* never started, suspended, or stopped by a fault */
    THREAD_RUNNING,             /* runnable: resumes at its saved pc (which a
                                 * cancelled or preempted syscall rewinds) */
    THREAD_BLOCKED_SEND,
    THREAD_BLOCKED_RECV,
    THREAD_BLOCKED_REPLY,
    THREAD_BLOCKED_NTFN,
    THREAD_IDLE,
};

enum tcb_slot {
    TCB_CTABLE = 0,             /* CSpace root */
    TCB_VTABLE,                 /* VSpace root */
    TCB_REPLY,
    TCB_CALLER,
    TCB_BUFFER,                 /* the IPC buffer frame */
    TCB_NUM_SLOTS,
};

#define TCB_NAME_LEN 16

struct notification;

/* A fault waiting to be delivered or answered (seL4_FaultType in 'type';
 * 0 = none). CapFault: w = addr, in_recv_phase, lookup failure (type,
 * bits_left, found, size). VMFault: addr, prefetch, fsr. UnknownSyscall:
 * the number. UserException: number, code. */
struct fault_info {
    word_t type;
    word_t w[6];
};

struct tcb {
    struct arch_context ctx;
    struct cte slots[TCB_NUM_SLOTS];
    enum thread_state state;
    uint8_t priority;
    uint8_t mcp;
    uint16_t timeslice;         /* ticks left */
    struct tcb *sched_next;
    struct tcb *sched_prev;
    vaddr_t ipc_buffer;         /* user address of the IPC buffer */
    word_t fault_ep;            /* cptr of the fault endpoint, 0 for none */
    /* While blocked on an endpoint or notification (ipc.c, notification.c). */
    void *blocked_on;
    struct tcb *ep_next;
    struct tcb *ep_prev;
    word_t ipc_badge;           /* blocked sending: the badge to deliver */
    bool ipc_can_grant;         /* the capability used allowed Grant */
    bool ipc_can_grant_reply;
    bool ipc_is_call;
    /* seL4 keeps two pcs, FaultIP (where a restart resumes: for a thread in a
     * system call, the syscall instruction) and NextIP (past it: where a
     * plain wake-up continues). Keel keeps one: a thread waiting in a system
     * call holds NextIP and a restart rewinds it (ipc_cancel). WriteRegisters
     * or CopyRegisters of such a thread sets seL4's NextIP to FaultIP (the
     * written pc): then pc_exact says the saved pc is both, and nothing
     * rewinds it. Cleared whenever the thread enters a system call again. */
    bool pc_exact;
    uint8_t domain;             /* scheduling domain: always 0 (KEEL_NUM_DOMAINS) */
    struct notification *bound_ntfn;
    /* vspace.c's memo of the root and ASID this thread runs in, good while
     * vspace_epoch equals the global one (0: never computed). */
    word_t vspace_epoch;
    paddr_t vspace_root;
    word_t vspace_asid;
    struct fault_info fault;
    word_t flags;               /* seL4_TCBFlag: fpuDisabled */
    bool fpu_used;              /* lazy FPU: it has had the registers (core/fpu_lazy.c) */
    char name[TCB_NAME_LEN];
    /* The FPU registers while the thread does not hold the CPU's (the port
     * switches them: hal.h); all zero in a new thread, the reset state. */
    struct arch_fpu_state fpu;
};

_Static_assert(offsetof(struct tcb, ctx) == 0, "ports find the context at offset 0");

#define TIMESLICE_TICKS 5

/* seL4's CONFIG_NUM_DOMAINS: Keel schedules one domain (domain 0), as seL4
 * configured without domains; seL4_DomainSet_Set accepts only 0. */
#define KEEL_NUM_DOMAINS 1

static inline bool thread_blocked_ipc(const struct tcb *t)
{
    return t->state >= THREAD_BLOCKED_SEND && t->state <= THREAD_BLOCKED_NTFN;
}

static inline bool thread_runnable(const struct tcb *t)
{
    return t->state == THREAD_RUNNING;
}

static inline struct tcb *tcb_from_ctx(struct arch_context *ctx)
{
    return (struct tcb *)ctx;
}

void tcb_init(struct tcb *t, const char *name);

/* Is t's saved pc past the system call it waits in (seL4's NextIP), so
 * that restarting the call means rewinding it? */
static inline bool tcb_pc_in_syscall(const struct tcb *t)
{
    return thread_blocked_ipc(t) && t->fault.type == 0 && !t->pc_exact;
}

/* seL4's FaultIP: where t resumes if its system call is restarted. */
static inline word_t tcb_restart_pc(const struct tcb *t)
{
    word_t pc = arch_context_get(&t->ctx, REG_PC);
    return tcb_pc_in_syscall(t) ? pc - ARCH_SYSCALL_INSN_LEN : pc;
}

struct seL4_IPCBuffer_;
/* The kernel's view of a thread's IPC buffer, or NULL if it has none. */
struct seL4_IPCBuffer_ *tcb_ipc_buffer(struct tcb *t);
