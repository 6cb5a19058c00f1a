/*
 * Kernel exit and the interrupt entry. The kernel runs with interrupts off
 * and on one kernel stack: every entry runs to completion (or to a preemption
 * point) and leaves through kernel_exit().
 */
#include <core/bench_trace.h>
#include <core/entry.h>
#include <core/irq.h>
#include <core/sched.h>

struct arch_context *kernel_exit(void)
{
    struct arch_context *next = sched_exit();
#ifdef KEEL_FPU_LAZY
    fpu_lazy_switch(next);
#endif
    trace_point();
    return next;
}

/* The timer is polled once per WORK_UNITS_PER_CHECK units of work: a unit
 * is small (one capability deleted, one step along a chain), so 64 of them
 * stay far below the preemption-latency bound; a caller whose unit is
 * large (clearing 64 KiB) weighs it accordingly. */
/* Debug kernels: how many system calls the fastpath (C or the port's
 * assembly) carried to the end, for keel_DebugFastpathHits. */
word_t fastpath_hits;

#define WORK_UNITS_PER_CHECK 64

bool preemption_point_work(unsigned units)
{
    static unsigned work;
    work += units;
    if (work < WORK_UNITS_PER_CHECK)
        return false;
    work = 0;
    trace_point();
    return arch_timer_pending();
}

bool preemption_point(void)
{
    return preemption_point_work(1);
}

bool preemption_point_now(void)
{
    return preemption_point_work(WORK_UNITS_PER_CHECK);
}

void handle_pending_interrupt(void)
{
    word_t irq = arch_irq_get_active();
    if (irq == ARCH_IRQ_TIMER) {
        sched_tick();
        arch_timer_reset();
        arch_irq_ack(irq);
    } else if (irq != ARCH_IRQ_NONE) {
        irq_deliver(irq);
    }
}

struct arch_context *core_interrupt(void)
{
    trace_entry();
    handle_pending_interrupt();
    return kernel_exit();
}
