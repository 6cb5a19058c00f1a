/*
 * The scheduler: 256 priorities, one FIFO ready queue per priority, and a
 * two-level bitmap to find the highest non-empty queue in O(1).
 */
#pragma once

#include <core/tcb.h>

extern struct tcb *cur_thread;          /* the thread whose context is live */
extern struct tcb idle_thread;

void sched_enqueue(struct tcb *t);      /* at the tail of its priority */
void sched_enqueue_head(struct tcb *t);
void sched_dequeue(struct tcb *t);
struct tcb *sched_highest(void);        /* NULL when no thread is ready */

/* Decisions taken during a kernel entry, carried out once at its exit. */
void sched_request_choose(void);        /* current may have lost the CPU */
void sched_thread_blocked(struct tcb *t);
void sched_make_runnable(struct tcb *t);
/* No ready thread is more urgent than priority prio. */
bool sched_is_highest(unsigned prio);

/* seL4's direct-switch rule for a thread woken by IPC while the current one
 * blocks (sched_exit's decision for a candidate): it runs at once unless it
 * is less urgent than both the current thread and some ready thread. The
 * IPC fastpath asks before it switches. */
static inline bool sched_may_direct_switch(const struct tcb *dest)
{
    return dest->priority >= cur_thread->priority || sched_is_highest(dest->priority);
}
void sched_tick(void);
void sched_yield(void);

/* The exit path of every kernel entry: the context to restore (NULL: idle). */
struct arch_context *sched_exit(void);
void sched_dump(void);                  /* seL4_DebugDumpScheduler */
bool sched_queues_consistent(void);     /* for the invariant checker */
