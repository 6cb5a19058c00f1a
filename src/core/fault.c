/*
 * Fault entry points and delivery (see fault.h).
 */
#include <core/bench_trace.h>
#include <core/entry.h>
#include <core/fault.h>
#include <core/ipc.h>
#include <core/printk.h>
#include <core/sched.h>
#include <sel4/constants.h>

static const char *fault_name(word_t type)
{
    switch (type) {
    case seL4_Fault_CapFault: return "capability fault";
    case seL4_Fault_UnknownSyscall: return "unknown syscall";
    case seL4_Fault_UserException: return "user exception";
    case seL4_Fault_VMFault: return "vm fault";
    default: return "fault";
    }
}

static void report_and_stop(struct tcb *t, const char *cause)
{
    const struct fault_info *f = &t->fault;
    word_t addr = f->type == seL4_Fault_VMFault || f->type == seL4_Fault_CapFault ? f->w[0] : 0;
    word_t code = f->type == seL4_Fault_VMFault ? f->w[2] : f->type == seL4_Fault_CapFault ? f->w[2] : f->w[0];
    kprintf("keel: FAULT in thread '%s': %s (%s), pc %lx, address %lx, code %lx; thread stopped\n",
            t->name, fault_name(f->type), cause, arch_context_get(&t->ctx, REG_PC), addr, code);
    t->fault.type = 0;
    t->state = THREAD_INACTIVE;
    sched_thread_blocked(t);
}

static void deliver(struct tcb *t, const char *cause)
{
    if (!fault_send_ipc(t))
        report_and_stop(t, cause);
}

void fault_handle(struct tcb *t)
{
    deliver(t, "no fault handler");
}

/* Capability faults come from system calls: like unknown syscalls they
 * report, and on a plain reply re-execute, the syscall instruction. */
void fault_cap(struct tcb *t, word_t cptr, bool in_recv_phase, const struct lookup_fault *lf)
{
    arch_context_set(&t->ctx, REG_PC, arch_context_get(&t->ctx, REG_PC) - ARCH_SYSCALL_INSN_LEN);
    t->fault = (struct fault_info){ seL4_Fault_CapFault,
                                    { cptr, in_recv_phase, lf->type, lf->bits_left, lf->guard_found,
                                      lf->guard_size } };
    deliver(t, "invalid capability");
}

/* As for capability faults: the message names the syscall instruction. */
void fault_unknown_syscall(struct tcb *t, sword_t sysno)
{
    arch_context_set(&t->ctx, REG_PC, arch_context_get(&t->ctx, REG_PC) - ARCH_SYSCALL_INSN_LEN);
    t->fault = (struct fault_info){ seL4_Fault_UnknownSyscall, { (word_t)sysno } };
    deliver(t, "no such system call");
}

struct arch_context *core_fault(const struct user_fault *f)
{
    trace_entry();
    struct tcb *t = cur_thread;
    if (f->kind == USER_FAULT_VM)
        t->fault = (struct fault_info){ seL4_Fault_VMFault, { f->addr, f->instruction, f->code } };
    else
        t->fault = (struct fault_info){ seL4_Fault_UserException, { f->code, f->subcode } };
    deliver(t, f->cause ? f->cause : "unknown cause");
    return kernel_exit();
}
