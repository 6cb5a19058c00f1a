/*
 * The user-fault entry point and the fault report (see fault.h).
 */
#include <core/entry.h>
#include <core/fault.h>
#include <core/printk.h>
#include <core/sched.h>

void fault_stop_thread(struct tcb *t, const char *kind, const char *cause, word_t addr, word_t code)
{
    kprintf("keel: FAULT in thread '%s': %s (%s), pc %lx, address %lx, code %lx; thread stopped\n",
            t->name, kind, cause, arch_context_get(&t->ctx, REG_PC), addr, code);
    t->state = THREAD_INACTIVE;
    sched_thread_blocked(t);
}

struct arch_context *core_fault(const struct user_fault *f)
{
    const char *kind = f->kind == USER_FAULT_VM ? "vm fault" : "user exception";
    fault_stop_thread(cur_thread, kind, f->cause ? f->cause : "unknown cause", f->addr, f->code);
    return kernel_exit();
}
