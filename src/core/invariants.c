/*
 * The debug-build invariant checker, run at every kernel exit when
 * KEEL_INVARIANTS is set. A broken invariant is a kernel bug: panic, so the
 * test run fails loudly at the entry that broke it.
 */
#include <core/entry.h>
#include <core/printk.h>
#include <core/sched.h>

void invariants_check(void)
{
    if (!sched_queues_consistent())
        panic("invariant: ready queues or priority bitmap inconsistent");
    if (cur_thread != &idle_thread && !thread_runnable(cur_thread))
        panic("invariant: the current thread '%s' is not runnable", cur_thread->name);
}
