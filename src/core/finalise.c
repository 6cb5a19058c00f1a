/*
 * Object finalisation (see finalise.h): waiting threads are restarted,
 * bindings broken, threads suspended, mappings removed, so that nothing
 * points at an object once its last capability is gone.
 */
#include <core/cnode.h>
#include <core/finalise.h>
#include <core/ipc.h>
#include <core/irq.h>
#include <core/sched.h>
#include <core/vspace.h>

void thread_suspend(struct tcb *t)
{
    ipc_cancel(t);
    if (thread_runnable(t) && t != cur_thread)
        sched_dequeue(t);
    t->state = THREAD_INACTIVE;
    sched_thread_blocked(t);
}

cap_t finalise_cap(cap_t cap, bool final)
{
    switch (cap_type(cap)) {
    case CAP_ENDPOINT:
        if (final)
            ep_cancel_all(cap_ptr(cap));
        return cap_null();
    case CAP_NOTIFICATION:
        if (final) {
            ntfn_unbind(cap_ptr(cap));
            ntfn_cancel_all(cap_ptr(cap));
        }
        return cap_null();
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
        if (t->bound_ntfn)
            ntfn_unbind(t->bound_ntfn);
        thread_suspend(t);
        arch_fpu_release(&t->ctx);      /* the CPU's FPU registers must not point at it */
        return cap_zombie(t, ZOMBIE_TCB, TCB_NUM_SLOTS);
    }
    case CAP_ASID_POOL:
        /* Its ASIDs may be handed out again by a new pool: no TLB entry
         * tagged with one may outlive it. The VSpace roots it served keep
         * their user entries, but no thread can run in them again (their
         * capabilities stay "mapped", so Assign refuses them, and unmapped
         * copies of a root cannot be made). */
        if (final) {
            asid_register_pool(cap_asid_pool_base(cap), NULL);
            arch_tlb_flush_all();
        }
        return cap_null();
    case CAP_IRQ_HANDLER:
        if (final)
            irq_handler_deleted(cap_irq_handler_irq(cap));
        return cap_null();
    case CAP_ZOMBIE:
        return cap;
    case CAP_IO_PORT: case CAP_IO_PORT_CONTROL:
        arch_finalise_cap(cap, final);
        return cap_null();
    default:
        return cap_null();
    }
}
