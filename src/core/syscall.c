/*
 * The system-call entry point: decode the syscall number and dispatch to
 * invocations (invocation.c), receiving, replying, or the debug calls.
 */
#include <core/bench_trace.h>
#include <core/entry.h>
#include <core/fault.h>
#include <core/invocation.h>
#include <core/ipc.h>
#include <core/printk.h>
#include <core/sched.h>
#include <sel4/errors.h>
#include <sel4/shared_types.h>
#include <sel4/syscall_numbers.h>

static inline word_t arg(unsigned reg)
{
    return arch_context_get(&cur_thread->ctx, reg);
}

static inline void set_ret(unsigned reg, word_t v)
{
    arch_context_set(&cur_thread->ctx, reg, v);
}

#ifdef KEEL_DEBUG_SYSCALLS
static _Noreturn void debug_halt(void)
{
    word_t status = arg(REG_ARG0);
    kprintf("keel: halt requested by '%s', status %lu\n", cur_thread->name, status);
    arch_poweroff(status == 0 ? 0 : (int)MIN(status, 127ul));
}

static void debug_cap_identify(void)
{
    struct lookup_result r = cspace_lookup_slot(cur_thread->slots[TCB_CTABLE].cap, arg(REG_CAP));
    set_ret(REG_BADGE, r.slot ? cap_type(r.slot->cap) : CAP_NULL);
}

static void debug_name_thread(void)
{
    struct lookup_result r = cspace_lookup_slot(cur_thread->slots[TCB_CTABLE].cap, arg(REG_CAP));
    const seL4_IPCBuffer *buf = tcb_ipc_buffer(cur_thread);
    if (!r.slot || cap_type(r.slot->cap) != CAP_THREAD || !buf)
        return;
    struct tcb *t = cap_ptr(r.slot->cap);
    const char *name = (const char *)buf->msg;
    unsigned i;
    for (i = 0; i + 1 < TCB_NAME_LEN && name[i]; i++)
        t->name[i] = name[i];
    t->name[i] = '\0';
}

#endif

static void recv_fault(struct tcb *t, word_t cptr)
{
    struct lookup_fault lf = { .type = seL4_MissingCapability };
    fault_cap(t, cptr, true, &lf);
}

/* seL4_Recv / seL4_NBRecv / the receive half of seL4_ReplyRecv. */
static void handle_recv(bool blocking)
{
    struct tcb *t = cur_thread;
    word_t cptr = arg(REG_CAP);
    struct cte *slot = cspace_lookup_fast(t->slots[TCB_CTABLE].cap, cptr);
    if (!slot) {
        struct lookup_result r = cspace_lookup_slot(t->slots[TCB_CTABLE].cap, cptr);
        fault_cap(t, cptr, true, &r.fault);
        return;
    }
    cap_t c = slot->cap;
    if (!(cap_rights(c) & RIGHT_READ))
        c = cap_null();
    if (cap_type(c) == CAP_ENDPOINT) {
        ipc_delete_caller_cap(t);
        ep_receive(t, cap_ptr(c), cap_rights(c) & RIGHT_GRANT, blocking);
    } else if (cap_type(c) == CAP_NOTIFICATION) {
        struct notification *n = cap_ptr(c);
        if (n->bound && n->bound != t)
            recv_fault(t, cptr);
        else
            ntfn_wait(t, n, blocking);
    } else {
        recv_fault(t, cptr);
    }
}

static void unknown_syscall(sword_t sysno)
{
    fault_unknown_syscall(cur_thread, sysno);
}

/* -Dbench_trace only; in any other kernel these numbers are unknown
 * system calls, as in a seL4 built without benchmarks. */
static bool bench_syscall(sword_t sysno)
{
#ifdef KEEL_BENCH_TRACE
    if (sysno == seL4_SysBenchmarkResetLog) {
        trace_reset();
        set_ret(REG_BADGE, seL4_NoError);
        return true;
    }
    if (sysno == seL4_SysBenchmarkFinalizeLog) {
        set_ret(REG_BADGE, trace_longest());
        return true;
    }
#endif
    (void)sysno;
    return false;
}

/* The debug system calls need no capability (a thread with an empty CSpace
 * could power the machine off), so as in seL4 they exist in debug builds
 * only; in a release build (-Drelease=true) they are unknown system calls. */
static bool debug_syscall(sword_t sysno)
{
#ifdef KEEL_DEBUG_SYSCALLS
    switch (sysno) {
    case seL4_SysDebugPutChar: arch_putchar((int)(arg(REG_ARG0) & 0xff)); return true;
    case seL4_SysDebugHalt: debug_halt();
    case seL4_SysDebugCapIdentify: debug_cap_identify(); return true;
    case seL4_SysDebugNameThread: debug_name_thread(); return true;
    case seL4_SysDebugDumpScheduler: sched_dump(); return true;
    case keel_SysDebugFastpathHits: set_ret(REG_BADGE, fastpath_hits); return true;
    default: break;
    }
#endif
    (void)sysno;
    return false;
}

static void other_syscall(sword_t sysno)
{
    if (!debug_syscall(sysno) && !bench_syscall(sysno))
        unknown_syscall(sysno);
}

struct arch_context *core_syscall(sword_t sysno)
{
    trace_entry();
    cur_thread->pc_exact = false;       /* its saved pc is past this call again */
    switch (sysno) {
    case seL4_SysCall: handle_invocation(true, true); break;
    case seL4_SysSend: handle_invocation(false, true); break;
    case seL4_SysNBSend: handle_invocation(false, false); break;
    case seL4_SysRecv: handle_recv(true); break;
    case seL4_SysNBRecv: handle_recv(false); break;
    case seL4_SysReply: ipc_reply(cur_thread); break;
    case seL4_SysReplyRecv:
        ipc_reply(cur_thread);
        handle_recv(true);
        break;
    case seL4_SysYield: sched_yield(); break;
    /* As TCB_SetTLSBase on the caller: the value comes in the capability
     * register, where libsel4's seL4_SetTLSBase puts it. */
    case seL4_SysSetTLSBase: arch_context_set(&cur_thread->ctx, REG_TLS, arg(REG_CAP)); break;
    default: other_syscall(sysno); break;
    }
    struct arch_context *next = kernel_exit();
#ifdef KEEL_INVARIANTS
    invariants_check();
#endif
    return next;
}
