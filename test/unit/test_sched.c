/*
 * Unit tests of the scheduler (core/sched.c): priority order, FIFO within a
 * priority, the bitmap invariant, Benno-style current-thread handling,
 * timeslice round robin and yield.
 */
#include <core/sched.h>
#include <core/vspace.h>
#include "check.h"
#include "fake_hal.h"

static struct tcb t[4];

static void make(struct tcb *x, const char *name, unsigned prio)
{
    tcb_init(x, name);
    x->priority = (uint8_t)prio;
    x->state = THREAD_RUNNING;
}

int main(void)
{
    static pte_t kernel_root[512] __attribute__((aligned(4096)));
    vspace_set_kernel_root(kernel_root);
    make(&t[0], "low", 10);
    make(&t[1], "high", 200);
    make(&t[2], "high2", 200);
    make(&t[3], "top", 255);
    CHECK(sched_highest() == NULL, "empty queues have no highest thread");
    sched_make_runnable(&t[0]);
    sched_make_runnable(&t[1]);
    sched_make_runnable(&t[2]);
    CHECK(sched_queues_consistent(), "queues consistent after enqueues");
    CHECK(sched_highest() == &t[1], "highest priority first, FIFO within it");
    CHECK(sched_exit() == &t[1].ctx && cur_thread == &t[1], "idle gives way to the chosen thread");
    CHECK(sched_queues_consistent(), "the running thread is not queued");
    sched_make_runnable(&t[3]);
    CHECK(sched_exit() == &t[3].ctx, "a higher-priority wakeup preempts");
    CHECK(sched_highest() == &t[1], "the preempted thread keeps the head of its queue");
    t[3].state = THREAD_BLOCKED_RECV;
    sched_thread_blocked(&t[3]);
    CHECK(sched_exit() == &t[1].ctx, "blocking hands the CPU to the next highest");
    for (int i = 0; i < TIMESLICE_TICKS; i++)
        sched_tick();
    CHECK(sched_exit() == &t[2].ctx, "an expired timeslice rotates equal priorities");
    sched_yield();
    CHECK(sched_exit() == &t[1].ctx, "yield rotates to the other equal-priority thread");
    sched_yield();
    sched_exit();
    CHECK(cur_thread == &t[2], "yield again alternates");
    t[1].state = THREAD_INACTIVE;
    sched_dequeue(&t[1]);
    t[2].state = THREAD_INACTIVE;
    sched_thread_blocked(&t[2]);
    CHECK(sched_exit() == &t[0].ctx, "lowest priority runs when nothing else can");
    CHECK(sched_queues_consistent(), "queues consistent at the end");
    CHECK(fake.active_root == (paddr_t)(uintptr_t)kernel_root && fake.active_asid == 0,
          "a thread without a VSpace runs on the kernel-only root");
    return check_done();
}
