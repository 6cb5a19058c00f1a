/*
 * TCB invocations, decoded in seL4's (non-MCS) order: registers, space and
 * IPC buffer (one "thread control" step), priorities, suspend/resume,
 * notification binding, TLS base.
 */
#include <core/cdt.h>
#include <core/finalise.h>
#include <core/invocation.h>
#include <core/ipc.h>
#include <core/objects.h>
#include <core/sched.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/invocation.h>

#define NUM_USER_REGS ARRAY_SIZE(arch_user_context_regs)

static struct tcb *target(const struct invocation *inv) { return cap_ptr(inv->cap); }

/* seL4's restart(): a stopped thread is set to run from its saved pc. */
static void thread_resume(struct tcb *t)
{
    if (t->state != THREAD_INACTIVE && t->state != THREAD_BLOCKED_REPLY)
        return;
    ipc_cancel(t);
    tcb_setup_reply_master(t);
    t->state = THREAD_RUNNING;
    sched_make_runnable(t);
}

/* seL4's Write/CopyRegisters end with setNextPC(getRestartPC()): the thread
 * resumes at its (possibly just written) FaultIP, whether its system call
 * is restarted or it is woken normally. */
static void pc_make_exact(struct tcb *t)
{
    if (tcb_pc_in_syscall(t)) {
        arch_context_set(&t->ctx, REG_PC, tcb_restart_pc(t));
        t->pc_exact = true;
    }
}

/* A register as seL4's Read/CopyRegisters see it: the pc is FaultIP. */
static word_t user_reg(const struct tcb *t, unsigned i)
{
    unsigned r = arch_user_context_regs[i];
    return r == REG_PC ? tcb_restart_pc(t) : arch_context_get(&t->ctx, r);
}

static int read_registers(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t flags = inv_arg(inv, 0), n = inv_arg(inv, 1);
    if (n < 1 || n > NUM_USER_REGS)
        return err_range(1, NUM_USER_REGS);
    struct tcb *t = target(inv);
    if (t == inv->thread)
        return err_simple(seL4_IllegalOperation);
    if (flags & 1)
        thread_suspend(t);
    for (unsigned i = 0; i < n; i++)
        inv_set_reply(inv, i, user_reg(t, i));
    return EXC_NONE;
}

static int write_registers(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t flags = inv_arg(inv, 0), n = inv_arg(inv, 1);
    if (inv->length - 2 < n)
        return err_simple(seL4_TruncatedMessage);
    struct tcb *t = target(inv);
    if (t == inv->thread)
        return err_simple(seL4_IllegalOperation);
    pc_make_exact(t);
    for (unsigned i = 0; i < n && i < NUM_USER_REGS; i++)
        arch_context_set(&t->ctx, arch_user_context_regs[i], inv_arg(inv, i + 2));
    if (flags & 1)
        thread_resume(t);
    return EXC_NONE;
}

static int copy_registers(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    if (cap_type(inv->extra[0]->cap) != CAP_THREAD)
        return err_invalid_capability(1);
    word_t flags = inv_arg(inv, 0);
    struct tcb *src = cap_ptr(inv->extra[0]->cap), *dest = target(inv);
    if (flags & 1)
        thread_suspend(src);
    if (flags & 2)
        thread_resume(dest);
    if (flags & 4)
        pc_make_exact(dest);
    for (unsigned i = 0; i < NUM_USER_REGS; i++) {
        bool frame = i < ARCH_NUM_FRAME_REGS;
        if ((frame && (flags & 4)) || (!frame && (flags & 8)))
            arch_context_set(&dest->ctx, arch_user_context_regs[i], user_reg(src, i));
    }
    return EXC_NONE;
}

static int check_prio(word_t prio, const struct cte *auth)
{
    if (cap_type(auth->cap) != CAP_THREAD)
        return err_invalid_capability(1);
    struct tcb *a = cap_ptr(auth->cap);
    if (prio > a->mcp)
        return err_range(seL4_MinPrio, a->mcp);
    return EXC_NONE;
}

static void set_priority(struct tcb *t, word_t prio)
{
    bool queued = thread_runnable(t) && t != cur_thread;
    if (queued)
        sched_dequeue(t);
    t->priority = (uint8_t)prio;
    if (queued)
        sched_make_runnable(t);
    sched_request_choose();
}

static int set_sched(struct invocation *inv)
{
    bool both = inv->label == TCBSetSchedParams;
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t a = inv_arg(inv, 0), b = both ? inv_arg(inv, 1) : 0;
    int status = check_prio(a, inv->extra[0]);
    if (status == EXC_NONE && both)
        status = check_prio(b, inv->extra[0]);
    if (status != EXC_NONE)
        return status;
    struct tcb *t = target(inv);
    if (inv->label == TCBSetPriority)
        set_priority(t, a);
    else
        t->mcp = (uint8_t)a;
    if (both)
        set_priority(t, b);
    return EXC_NONE;
}

/* seL4's checks, and one more: the kernel writes received messages into
 * the buffer, so a frame capability without write (or read) right is
 * refused here, not only ignored when the buffer is used (tcb.c). */
static int check_ipc_buffer(word_t vptr, cap_t c)
{
    if (cap_type(c) != CAP_FRAME || (cap_vm_flags(c) & CAP_VM_DEVICE))
        return err_simple(seL4_IllegalOperation);
    if ((cap_vm_flags(c) & (CAP_VM_READ | CAP_VM_WRITE)) != (CAP_VM_READ | CAP_VM_WRITE))
        return err_simple(seL4_IllegalOperation);
    if (!IS_ALIGNED(vptr, seL4_IPCBufferSizeBits))
        return err_simple(seL4_AlignmentError);
    return EXC_NONE;
}

/* A new root capability (data applied, derived), checked for its role. */
static int prepare_root(struct cte *src, word_t data, bool cspace, cap_t *out)
{
    cap_t c = src->cap;
    if (data != 0)
        c = cap_update_data(false, data, c);
    int error;
    c = cap_derive(src, c, &error);
    if (error != seL4_NoError)
        return err_simple(error);
    bool ok = cspace ? cap_type(c) == CAP_CNODE
                     : cap_type(c) == CAP_PAGE_TABLE && cap_vm_level(c) == 0 &&
                           (cap_vm_flags(c) & CAP_VM_MAPPED);
    if (!ok)
        return err_simple(seL4_IllegalOperation);
    *out = c;
    return EXC_NONE;
}

/* Replace one of the TCB's own slots with a copy of 'src' (if still there:
 * deleting the old capability may have deleted the source). */
static int replace_slot(struct invocation *inv, enum tcb_slot which, cap_t c, struct cte *src)
{
    struct cte *slot = &target(inv)->slots[which];
    int status = cte_delete(slot, true);
    if (status != EXC_NONE)
        return status;
    if (src && cap_same_object(c, src->cap) && cap_type(inv->slot->cap) == CAP_THREAD &&
        cap_ptr(inv->slot->cap) == target(inv))
        cte_insert(c, src, slot);
    return EXC_NONE;
}

struct space_args {
    bool set_space, set_buffer;
    word_t fault_ep, buffer;
    cap_t croot, vroot, bufcap;
    struct cte *csrc, *vsrc, *bsrc;
};

static int thread_control(struct invocation *inv, const struct space_args *a)
{
    struct tcb *t = target(inv);
    int status = EXC_NONE;
    if (a->set_space) {
        t->fault_ep = a->fault_ep;
        status = replace_slot(inv, TCB_CTABLE, a->croot, a->csrc);
        if (status == EXC_NONE)
            status = replace_slot(inv, TCB_VTABLE, a->vroot, a->vsrc);
    }
    if (status == EXC_NONE && a->set_buffer) {
        status = replace_slot(inv, TCB_BUFFER, a->bufcap, a->bsrc);
        if (status == EXC_NONE)
            t->ipc_buffer = a->buffer;
    }
    if (t == cur_thread)
        sched_request_choose();
    return status;
}

static int decode_buffer(struct invocation *inv, word_t vptr, struct cte *src, struct space_args *a)
{
    a->set_buffer = true;
    a->buffer = vptr;
    if (vptr == 0)
        return EXC_NONE;
    int error;
    a->bufcap = cap_derive(src, src->cap, &error);
    if (error != seL4_NoError)
        return err_simple(error);
    a->bsrc = src;
    (void)inv;
    return check_ipc_buffer(vptr, a->bufcap);
}

static int decode_space(struct invocation *inv, unsigned first_cap, struct space_args *a)
{
    a->set_space = true;
    a->fault_ep = inv_arg(inv, 0);
    a->csrc = inv->extra[first_cap];
    a->vsrc = inv->extra[first_cap + 1];
    int status = prepare_root(a->csrc, inv_arg(inv, 1), true, &a->croot);
    if (status == EXC_NONE)
        status = prepare_root(a->vsrc, inv_arg(inv, 2), false, &a->vroot);
    return status;
}

static int configure(struct invocation *inv)
{
    struct space_args a = { 0 };
    int status;
    switch (inv->label) {
    case TCBConfigure:
        if (inv_truncated(inv))
            return err_simple(seL4_TruncatedMessage);
        status = decode_buffer(inv, inv_arg(inv, 3), inv->extra[2], &a);
        if (status == EXC_NONE)
            status = decode_space(inv, 0, &a);
        break;
    case TCBSetSpace:
        if (inv_truncated(inv))
            return err_simple(seL4_TruncatedMessage);
        status = decode_space(inv, 0, &a);
        break;
    default: /* TCBSetIPCBuffer */
        if (inv_truncated(inv))
            return err_simple(seL4_TruncatedMessage);
        status = decode_buffer(inv, inv_arg(inv, 0), inv->extra[0], &a);
        break;
    }
    return status == EXC_NONE ? thread_control(inv, &a) : status;
}

static int bind_notification(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    struct tcb *t = target(inv);
    if (t->bound_ntfn)
        return err_simple(seL4_IllegalOperation);
    cap_t c = inv->extra[0]->cap;
    if (cap_type(c) != CAP_NOTIFICATION || !(cap_rights(c) & RIGHT_READ))
        return err_simple(seL4_IllegalOperation);
    struct notification *n = cap_ptr(c);
    if (n->head || n->bound)
        return err_simple(seL4_IllegalOperation);
    ntfn_bind(n, t);
    return EXC_NONE;
}

/* seL4_DomainSet_Set(domain, thread), in seL4's order: TruncatedMessage
 * (no argument), InvalidArgument 0 (no such domain), TruncatedMessage (no
 * extra capability), InvalidArgument 1 (not a TCB). */
int decode_domain(struct invocation *inv)
{
    if (inv->label != DomainSetSet)
        return err_simple(seL4_IllegalOperation);
    if (inv->length < 1)
        return err_simple(seL4_TruncatedMessage);
    word_t domain = inv_arg(inv, 0);
    if (domain >= KEEL_NUM_DOMAINS)
        return err_invalid_argument(0);
    if (inv->num_extra < 1)
        return err_simple(seL4_TruncatedMessage);
    if (cap_type(inv->extra[0]->cap) != CAP_THREAD)
        return err_invalid_argument(1);
    struct tcb *t = cap_ptr(inv->extra[0]->cap);
    t->domain = (uint8_t)domain;
    return EXC_NONE;
}

/* seL4_TCB_SetFlags(clear, set): the new flags in MR0. A thread whose FPU
 * is disabled gives up the FPU registers (its state is kept for when the
 * flag is cleared). */
static int set_flags(struct invocation *inv)
{
    if (inv->length < 2)
        return err_simple(seL4_TruncatedMessage);
    struct tcb *t = target(inv);
    t->flags = (t->flags & ~inv_arg(inv, 0)) | (inv_arg(inv, 1) & seL4_TCBFlag_MASK);
    if (t->flags & seL4_TCBFlag_fpuDisabled)
        arch_fpu_release(&t->ctx);
    inv_set_reply(inv, 0, t->flags);
    return EXC_NONE;
}

int decode_tcb(struct invocation *inv)
{
    struct tcb *t = target(inv);
    switch (inv->label) {
    case TCBReadRegisters: return read_registers(inv);
    case TCBWriteRegisters: return write_registers(inv);
    case TCBCopyRegisters: return copy_registers(inv);
    case TCBConfigure: case TCBSetSpace: case TCBSetIPCBuffer: return configure(inv);
    case TCBSetPriority: case TCBSetMCPriority: case TCBSetSchedParams: return set_sched(inv);
    case TCBSuspend: thread_suspend(t); return EXC_NONE;
    case TCBResume: thread_resume(t); return EXC_NONE;
    case TCBBindNotification: return bind_notification(inv);
    case TCBUnbindNotification:
        if (!t->bound_ntfn)
            return err_simple(seL4_IllegalOperation);
        ntfn_unbind(t->bound_ntfn);
        return EXC_NONE;
    case TCBSetFlags: return set_flags(inv);
    case TCBSetTLSBase:
        if (inv_truncated(inv))
            return err_simple(seL4_TruncatedMessage);
        arch_context_set(&t->ctx, REG_TLS, inv_arg(inv, 0));
        return EXC_NONE;
    default: return err_simple(seL4_IllegalOperation);
    }
}
