/*
 * Notifications: a word of badge bits OR-ed together by signals, a queue of
 * waiting threads, and an optional bound TCB that a signal wakes from an
 * endpoint receive (see ipc.h for the invariants).
 */
#include <core/ipc.h>
#include <core/sched.h>
#include <core/tqueue.h>

static void wake(struct tcb *t, word_t badge)
{
    t->state = THREAD_RUNNING;
    t->blocked_on = NULL;
    arch_context_set(&t->ctx, REG_BADGE, badge);
    sched_make_runnable(t);
}

void ntfn_signal(struct notification *n, word_t badge)
{
    switch (n->state) {
    case NTFN_IDLE: {
        struct tcb *t = n->bound;
        if (t && t->state == THREAD_BLOCKED_RECV) {
            /* The bound thread waits on an endpoint: the signal wins. */
            ipc_unblock(t);
            wake(t, badge);
        } else {
            n->state = NTFN_ACTIVE;
            n->badge = badge;
        }
        break;
    }
    case NTFN_WAITING: {
        struct tcb *t = n->head;
        tqueue_remove(&n->head, t);
        if (!n->head)
            n->state = NTFN_IDLE;
        wake(t, badge);
        break;
    }
    case NTFN_ACTIVE:
        n->badge |= badge;
        break;
    }
}

void ntfn_wait(struct tcb *t, struct notification *n, bool blocking)
{
    if (n->state == NTFN_ACTIVE) {
        arch_context_set(&t->ctx, REG_BADGE, n->badge);
        n->state = NTFN_IDLE;
        n->badge = 0;
        return;
    }
    if (!blocking) {
        arch_context_set(&t->ctx, REG_BADGE, 0);
        return;
    }
    t->state = THREAD_BLOCKED_NTFN;
    t->blocked_on = n;
    tqueue_append(&n->head, t);
    n->state = NTFN_WAITING;
    sched_thread_blocked(t);
}

void ntfn_cancel_all(struct notification *n)
{
    while (n->head) {
        struct tcb *t = n->head;
        ipc_cancel(t);
        t->state = THREAD_RUNNING;
        sched_make_runnable(t);
    }
}

void ntfn_bind(struct notification *n, struct tcb *t)
{
    n->bound = t;
    t->bound_ntfn = n;
}

void ntfn_unbind(struct notification *n)
{
    if (n->bound)
        n->bound->bound_ntfn = NULL;
    n->bound = NULL;
}
