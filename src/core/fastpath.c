/*
 * The IPC fastpath: seL4_Call and seL4_ReplyRecv in their common case, done
 * in one straight pass from the port's system-call entry to its fast exit.
 *
 * The common case is a message that fits the message registers and carries
 * no capabilities, a partner that is already waiting, and a partner the
 * scheduler would switch to at once anyway. Every condition is checked
 * before anything changes; if one fails, the system call goes to the slow
 * path (core_syscall) untouched. When they all hold, the fastpath leaves
 * the objects, the CDT, the thread states and the scheduler exactly as the
 * slow path would: it is an optimisation, not a second semantics. The slow
 * path is the reference (endpoint.c, transfer.c, sched.c); the comments
 * below name the step of it that each line stands for.
 *
 * This C version is the reference for the ports' assembly fastpaths
 * (src/arch/<port>/fastpath.S), which must make exactly these checks and
 * have exactly these effects, and it is what a port uses until it writes
 * its own (docs/porting.md): a port's meson.build chooses with
 * arch_fastpath. Built with -Dfastpath=false (KEEL_FASTPATH 0), both
 * entries go straight to the slow path, so the two can be measured and
 * tested side by side.
 */
#include <core/bench_trace.h>
#include <core/cdt.h>
#include <core/entry.h>
#include <core/ipc.h>
#include <core/msg.h>
#include <core/sched.h>
#include <core/tqueue.h>
#include <core/vspace.h>
#include <sel4/syscall_numbers.h>

#ifndef KEEL_FASTPATH
#define KEEL_FASTPATH 1
#endif

static _Noreturn void slowpath(sword_t sysno)
{
    arch_restore_user(core_syscall(sysno));
}

/* A message the fastpath carries: only registers, no capabilities; and a
 * sender with no fault to deliver instead (ipc_transfer's first test). */
static bool fast_message(const struct tcb *t, seL4_MessageInfo_t tag)
{
    return KEEL_FASTPATH && seL4_MessageInfo_get_extraCaps(tag) == 0 &&
           seL4_MessageInfo_get_length(tag) <= ARCH_NUM_MSG_REGS && t->fault.type == 0;
}

/* The slot cptr names. The usual CSpace (seL4's initial one among them)
 * is one CNode whose guard and radix take the whole cptr: that is resolved
 * here in a few instructions; any other goes through the general walk. */
static inline __attribute__((always_inline)) struct cte *fast_lookup(const struct tcb *t, word_t cptr)
{
    cap_t root = t->slots[TCB_CTABLE].cap;
    unsigned radix = cap_cnode_radix(root);
    if (cap_type(root) != CAP_CNODE || radix + cap_cnode_guard_size(root) != WORD_BITS)
        return cspace_lookup_fast(root, cptr);
    /* The guard size is below WORD_BITS, so 0 < radix < WORD_BITS. */
    if (cptr >> radix != cap_cnode_guard(root))
        return NULL;
    return (struct cte *)cap_ptr(root) + (cptr & MASK(radix));
}

/* For an assembly fastpath: the lookup fast_lookup() leaves to the general
 * walk (a CSpace that is not one CNode taking the whole cptr), out of line. */
struct cte *fastpath_lookup_general(const struct tcb *t, word_t cptr)
{
    return cspace_lookup_fast(t->slots[TCB_CTABLE].cap, cptr);
}

/* The endpoint capability cptr names in t's CSpace, if it has all of
 * 'rights' and one of 'any' (0: none needed); otherwise a null capability. */
static inline __attribute__((always_inline)) cap_t endpoint_cap(const struct tcb *t, word_t cptr,
                                                                unsigned rights, unsigned any)
{
    struct cte *slot = fast_lookup(t, cptr);
    if (!slot || cap_type(slot->cap) != CAP_ENDPOINT)
        return cap_null();
    unsigned r = cap_rights(slot->cap);
    if ((r & rights) != rights || (any && !(r & any)))
        return cap_null();
    return slot->cap;
}

/* May the fastpath switch to dest? seL4's direct-switch rule
 * (sched_may_direct_switch), and dest's memo of its address space is
 * current, so that the switch below needs no capability or ASID lookup
 * (vspace_activate_thread's fast case; the slow path refreshes the memo). */
static bool fast_switch_ok(const struct tcb *dest)
{
    return dest->vspace_epoch == vspace_epoch && sched_may_direct_switch(dest);
}

/* The end of both paths: sched_exit()'s direct switch to a woken thread,
 * then kernel_exit()'s checks, then the port's fast way back. */
static _Noreturn void switch_to(struct tcb *next)
{
#ifdef KEEL_DEBUG_SYSCALLS
    fastpath_hits++;
#endif
    cur_thread = next;
    vspace_activate_thread(next);
#ifdef KEEL_FPU_LAZY
    fpu_lazy_switch(&next->ctx);
#endif
#ifdef KEEL_INVARIANTS
    invariants_check();
#endif
    trace_point();
    arch_fastpath_exit(&next->ctx);
}

/* seL4_Call on an endpoint with a receiver waiting (ep_send, after_call). */
_Noreturn void fastpath_call(word_t cptr, word_t info)
{
    trace_entry();
    struct tcb *cur = cur_thread;
    seL4_MessageInfo_t tag = { { info } };
    if (!fast_message(cur, tag))
        slowpath(seL4_SysCall);
    /* Without Grant or GrantReply a Call makes no reply capability. */
    cap_t c = endpoint_cap(cur, cptr, RIGHT_WRITE, RIGHT_GRANT | RIGHT_GRANT_REPLY);
    struct endpoint *ep = cap_ptr(c);
    if (cap_is_null(c) || ep->state != EP_RECV)
        slowpath(seL4_SysCall);
    struct tcb *dest = ep->head;
    if (!fast_switch_ok(dest))
        slowpath(seL4_SysCall);

    struct tcb *next = dest->ep_next;               /* dequeue_head */
    ep->head = next;
    if (next)
        next->ep_prev = dest->ep_prev;
    else
        ep->state = EP_IDLE;
    dest->ep_next = dest->ep_prev = NULL;
    dest->blocked_on = NULL;
    ipc_transfer_regs(cur, tag, (unsigned)seL4_MessageInfo_get_length(tag), cap_badge(c), dest);
    dest->state = THREAD_RUNNING;
    cur->state = THREAD_BLOCKED_REPLY;              /* setup_caller_cap */
    cur->pc_exact = false;                          /* core_syscall */
    cdt_link_after(&cur->slots[TCB_REPLY], &dest->slots[TCB_CALLER],
                   cap_reply(cur, false, dest->ipc_can_grant), false, false);
    switch_to(dest);
}

/* The caller that t's reply capability answers, if the fastpath can reply:
 * a caller waiting for the reply, not for a fault's answer. */
static struct tcb *fast_reply_target(struct tcb *t)
{
    cap_t rc = t->slots[TCB_CALLER].cap;
    if (cap_type(rc) != CAP_REPLY || cap_reply_master(rc))
        return NULL;
    struct tcb *caller = cap_ptr(rc);
    if (caller->state != THREAD_BLOCKED_REPLY || caller->fault.type != 0)
        return NULL;
    return caller;
}

/* seL4_ReplyRecv where the receive blocks: no sender queued, no signal
 * pending on the bound notification (ipc_reply, then ep_receive). */
_Noreturn void fastpath_reply_recv(word_t cptr, word_t info)
{
    trace_entry();
    struct tcb *cur = cur_thread;
    seL4_MessageInfo_t tag = { { info } };
    if (!fast_message(cur, tag))
        slowpath(seL4_SysReplyRecv);
    struct tcb *caller = fast_reply_target(cur);
    cap_t c = endpoint_cap(cur, cptr, RIGHT_READ, 0);
    struct endpoint *ep = cap_ptr(c);
    struct notification *bound = cur->bound_ntfn;
    if (!caller || cap_is_null(c) || ep->state == EP_SEND || (bound && bound->state == NTFN_ACTIVE) ||
        !fast_switch_ok(caller))
        slowpath(seL4_SysReplyRecv);

    ipc_transfer_regs(cur, tag, (unsigned)seL4_MessageInfo_get_length(tag), 0, caller);
    cte_delete_reply(&cur->slots[TCB_CALLER]);      /* reply_transfer */
    caller->state = THREAD_RUNNING;
    cur->ipc_can_grant = cap_rights(c) & RIGHT_GRANT;   /* ep_receive, block_on */
    cur->state = THREAD_BLOCKED_RECV;
    cur->pc_exact = false;                          /* core_syscall */
    cur->blocked_on = ep;
    tqueue_append(&ep->head, cur);
    ep->state = EP_RECV;
    switch_to(caller);
}
