/*
 * Object finalisation (see finalise.h). Endpoint and notification queues and
 * bindings are torn down by their own modules as they arrive; so far no
 * thread can wait on them, so their finalisation has nothing to do.
 */
#include <core/cnode.h>
#include <core/finalise.h>
#include <core/sched.h>
#include <core/vspace.h>

static void thread_suspend(struct tcb *t)
{
    if (thread_runnable(t) && t != cur_thread)
        sched_dequeue(t);
    t->state = THREAD_INACTIVE;
    sched_thread_blocked(t);
}

cap_t finalise_cap(cap_t cap, bool final)
{
    switch (cap_type(cap)) {
    case CAP_FRAME:
        if (cap_vm_flags(cap) & CAP_VM_MAPPED)
            vspace_unmap_frame(cap);
        return cap_null();
    case CAP_PAGE_TABLE:
        if (final && (cap_vm_flags(cap) & CAP_VM_MAPPED))
            vspace_unmap_table(cap);
        return cap_null();
    case CAP_CNODE:
        if (!final)
            return cap_null();
        return cap_zombie(cap_ptr(cap), cap_cnode_radix(cap), BIT(cap_cnode_radix(cap)));
    case CAP_THREAD: {
        if (!final)
            return cap_null();
        struct tcb *t = cap_ptr(cap);
        thread_suspend(t);
        return cap_zombie(&t->slots[0], ZOMBIE_TCB, TCB_NUM_SLOTS);
    }
    case CAP_ZOMBIE:
        return cap;
    default:
        return cap_null();
    }
}
