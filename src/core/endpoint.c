/*
 * Endpoints: rendezvous of a sender and a receiver, FIFO queues of whichever
 * side arrived first, and cancellation (see ipc.h for the invariants).
 */
#include <core/cdt.h>
#include <core/ipc.h>
#include <core/sched.h>
#include <core/tqueue.h>

static void block_on(struct tcb *t, struct endpoint *ep, enum thread_state s)
{
    t->state = s;
    t->blocked_on = ep;
    tqueue_append(&ep->head, t);
    ep->state = s == THREAD_BLOCKED_SEND ? EP_SEND : EP_RECV;
    sched_thread_blocked(t);
}

static struct tcb *dequeue_head(struct endpoint *ep)
{
    struct tcb *t = ep->head;
    tqueue_remove(&ep->head, t);
    if (!ep->head)
        ep->state = EP_IDLE;
    t->blocked_on = NULL;
    return t;
}

/* A thread taken out of a wait inside a system call resumes by executing
 * that system call again (seL4's Restart: NextIP = FaultIP); one that waited
 * because of a fault (fault.type set) executes the faulting instruction
 * again, and one whose pc was written while it waited (pc_exact) resumes
 * at that pc. Either way its saved pc is where it resumes, so RUNNING is
 * the only runnable state. */
static void rewind_syscall(struct tcb *t)
{
    arch_context_set(&t->ctx, REG_PC, tcb_restart_pc(t));
    t->fault.type = 0;
    t->pc_exact = false;
}

/* The caller waits for the reply; the receiver holds the capability to
 * give it (a child of the caller's master reply capability). */
static void setup_caller_cap(struct tcb *sender, struct tcb *receiver, bool can_grant)
{
    sender->state = THREAD_BLOCKED_REPLY;
    sched_thread_blocked(sender);
    /* What cte_insert() would do: a reply capability is never revocable. */
    cdt_link_after(&sender->slots[TCB_REPLY], &receiver->slots[TCB_CALLER],
                   cap_reply(sender, false, can_grant), false, false);
}

static void after_call(struct tcb *sender, struct tcb *receiver, bool recv_can_grant)
{
    if (sender->ipc_can_grant || sender->ipc_can_grant_reply)
        setup_caller_cap(sender, receiver, recv_can_grant);
    else {
        /* seL4's sendIPC leaves the caller Inactive, its pc at FaultIP (the
         * Call instruction, or a pc written while it waited): a later Resume
         * makes it call again. The sender may be running (ep_send) or
         * blocked (ep_receive); either way it is in its Call. */
        word_t pc = arch_context_get(&sender->ctx, REG_PC);
        if (!sender->pc_exact)
            arch_context_set(&sender->ctx, REG_PC, pc - ARCH_SYSCALL_INSN_LEN);
        sender->pc_exact = false;
        sender->state = THREAD_INACTIVE;
        sched_thread_blocked(sender);
    }
}

void ep_send(struct tcb *t, struct endpoint *ep, word_t badge, bool can_grant,
             bool can_grant_reply, bool blocking, bool is_call)
{
    t->ipc_badge = badge;
    t->ipc_can_grant = can_grant;
    t->ipc_can_grant_reply = can_grant_reply;
    t->ipc_is_call = is_call;
    if (ep->state != EP_RECV) {
        if (blocking)
            block_on(t, ep, THREAD_BLOCKED_SEND);
        return;
    }
    struct tcb *dest = dequeue_head(ep);
    ipc_transfer(t, ep, badge, can_grant, dest);
    bool dest_can_grant = dest->ipc_can_grant;
    dest->state = THREAD_RUNNING;
    sched_make_runnable(dest);
    if (is_call)
        after_call(t, dest, dest_can_grant);
}

void ep_receive(struct tcb *t, struct endpoint *ep, bool can_grant, bool blocking)
{
    struct notification *bound = t->bound_ntfn;
    if (bound && bound->state == NTFN_ACTIVE) {
        ntfn_wait(t, bound, false);
        return;
    }
    t->ipc_can_grant = can_grant;
    if (ep->state != EP_SEND) {
        if (blocking)
            block_on(t, ep, THREAD_BLOCKED_RECV);
        else
            arch_context_set(&t->ctx, REG_BADGE, 0);
        return;
    }
    struct tcb *sender = dequeue_head(ep);
    ipc_transfer(sender, ep, sender->ipc_badge, sender->ipc_can_grant, t);
    if (sender->ipc_is_call) {
        after_call(sender, t, can_grant);
        return;
    }
    sender->state = THREAD_RUNNING;
    sched_make_runnable(sender);
}

void ipc_unblock(struct tcb *t)
{
    switch (t->state) {
    case THREAD_BLOCKED_SEND:
    case THREAD_BLOCKED_RECV: {
        struct endpoint *ep = t->blocked_on;
        tqueue_remove(&ep->head, t);
        if (!ep->head)
            ep->state = EP_IDLE;
        break;
    }
    case THREAD_BLOCKED_NTFN: {
        struct notification *n = t->blocked_on;
        tqueue_remove(&n->head, t);
        if (!n->head)
            n->state = NTFN_IDLE;
        break;
    }
    case THREAD_BLOCKED_REPLY: {
        /* The reply capability the server holds for t dies with the wait. */
        struct cte *child = cdt_next(&t->slots[TCB_REPLY]);
        if (child && cap_type(child->cap) == CAP_REPLY && cap_ptr(child->cap) == t)
            cte_delete_one(child);
        break;
    }
    default:
        return;
    }
    t->blocked_on = NULL;
}

void ipc_cancel(struct tcb *t)
{
    if (!thread_blocked_ipc(t))
        return;
    ipc_unblock(t);
    rewind_syscall(t);
    t->state = THREAD_INACTIVE;
}

static void restart_waiter(struct tcb *t)
{
    ipc_cancel(t);
    t->state = THREAD_RUNNING;
    sched_make_runnable(t);
}

/* Every waiter re-executes its system call and finds the object gone (a
 * capability fault) or another one in its place. */
void ep_cancel_all(struct endpoint *ep)
{
    while (ep->head)
        restart_waiter(ep->head);
}

void ep_cancel_badged_sends(struct endpoint *ep, word_t badge)
{
    if (ep->state != EP_SEND)
        return;
    for (struct tcb *t = ep->head, *next; t; t = next) {
        next = t->ep_next;
        if (t->ipc_badge == badge)
            restart_waiter(t);
    }
}
