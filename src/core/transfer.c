/*
 * Message transfer: message registers, capabilities (with the Grant right,
 * unwrapping a capability to the endpoint itself into its badge), fault
 * messages in seL4's layouts, and the reply path.
 */
#include <core/cdt.h>
#include <core/ipc.h>
#include <core/msg.h>
#include <core/objects.h>
#include <core/sched.h>
#include <sel4/constants.h>

static unsigned copy_mrs(struct tcb *s, seL4_IPCBuffer *sb, struct tcb *r, seL4_IPCBuffer *rb,
                         unsigned n)
{
    unsigned i;
    for (i = 0; i < n && i < ARCH_NUM_MSG_REGS; i++)
        mr_set(r, rb, i, mr_get(s, sb, i));
    if (!sb || !rb)
        return i;
    for (; i < n; i++)
        rb->msg[i] = sb->msg[i];
    return i;
}

/* The empty slot the receiver named for an incoming capability, or NULL. */
static struct cte *receive_slot(struct tcb *r, const seL4_IPCBuffer *rb)
{
    struct lookup_result l = cspace_lookup_slot(r->slots[TCB_CTABLE].cap, rb->receiveCNode);
    if (!l.slot || rb->receiveDepth < 1 || rb->receiveDepth > WORD_BITS)
        return NULL;
    struct lookup_result d = cspace_resolve(l.slot->cap, rb->receiveIndex, (unsigned)rb->receiveDepth);
    if (!d.slot || d.bits_remaining || !cap_is_null(d.slot->cap))
        return NULL;
    return d.slot;
}

static unsigned lookup_send_caps(struct tcb *s, const seL4_IPCBuffer *sb, unsigned n, struct cte **caps)
{
    for (unsigned i = 0; i < n; i++) {
        struct lookup_result l = cspace_lookup_slot(s->slots[TCB_CTABLE].cap, sb->caps_or_badges[i]);
        if (!l.slot)
            return 0;
        caps[i] = l.slot;
    }
    return n;
}

static seL4_MessageInfo_t transfer_caps(seL4_MessageInfo_t tag, struct cte **caps, unsigned n,
                                        struct endpoint *ep, struct tcb *r, seL4_IPCBuffer *rb)
{
    unsigned i, unwrapped = 0;
    struct cte *dest = (n && rb) ? receive_slot(r, rb) : NULL;
    for (i = 0; i < n && rb; i++) {
        cap_t c = caps[i]->cap;
        if (cap_type(c) == CAP_ENDPOINT && cap_ptr(c) == (void *)ep) {
            rb->caps_or_badges[i] = cap_badge(c);
            unwrapped |= 1u << i;
            continue;
        }
        int error;
        cap_t d = dest ? cap_derive(caps[i], c, &error) : cap_null();
        if (cap_is_null(d))
            break;
        cte_insert(d, caps[i], dest);
        dest = NULL;
    }
    tag = seL4_MessageInfo_set_extraCaps(tag, rb ? i : 0);
    return seL4_MessageInfo_set_capsUnwrapped(tag, unwrapped);
}

static unsigned put_regs(struct tcb *from, const unsigned char *regs, unsigned n, struct tcb *r,
                         seL4_IPCBuffer *rb)
{
    for (unsigned i = 0; i < n; i++)
        mr_set(r, rb, i, arch_context_get(&from->ctx, regs[i]));
    return n;
}

/* The fault message, in seL4's layout for each fault type. */
static void fault_transfer(struct tcb *s, struct tcb *r, seL4_IPCBuffer *rb, word_t badge)
{
    const struct fault_info *f = &s->fault;
    unsigned n = 0;
    switch (f->type) {
    case seL4_Fault_CapFault:
        mr_set(r, rb, n++, arch_context_get(&s->ctx, REG_PC));
        for (unsigned i = 0; i < 2 + 1 + (f->w[2] == seL4_MissingCapability ? 1 :
                                          f->w[2] == seL4_DepthMismatch ? 2 :
                                          f->w[2] == seL4_GuardMismatch ? 3 : 0); i++)
            mr_set(r, rb, n++, f->w[i]);
        break;
    case seL4_Fault_VMFault:
        mr_set(r, rb, n++, arch_context_get(&s->ctx, REG_PC));
        for (unsigned i = 0; i < 3; i++)
            mr_set(r, rb, n++, f->w[i]);
        break;
    case seL4_Fault_UnknownSyscall:
        n = put_regs(s, arch_syscall_fault_regs, ARRAY_SIZE(arch_syscall_fault_regs), r, rb);
        mr_set(r, rb, n++, f->w[0]);
        break;
    default: /* seL4_Fault_UserException */
        n = put_regs(s, arch_exception_fault_regs, ARRAY_SIZE(arch_exception_fault_regs), r, rb);
        mr_set(r, rb, n++, f->w[0]);
        mr_set(r, rb, n++, f->w[1]);
        break;
    }
    msginfo_set(r, seL4_MessageInfo_new(f->type, 0, 0, n));
    arch_context_set(&r->ctx, REG_BADGE, badge);
}

void ipc_transfer(struct tcb *sender, struct endpoint *ep, word_t badge, bool can_grant,
                  struct tcb *receiver)
{
    if (sender->fault.type) {
        seL4_IPCBuffer *rb = tcb_ipc_buffer(receiver);
        fault_transfer(sender, receiver, rb, badge);
        return;
    }
    seL4_MessageInfo_t tag = msginfo_get(sender);
    unsigned len = (unsigned)MIN(seL4_MessageInfo_get_length(tag), (word_t)seL4_MsgMaxLength);
    if (len <= ARCH_NUM_MSG_REGS && (!can_grant || seL4_MessageInfo_get_extraCaps(tag) == 0)) {
        ipc_transfer_regs(sender, tag, len, badge, receiver);
        return;
    }
    seL4_IPCBuffer *rb = tcb_ipc_buffer(receiver);
    seL4_IPCBuffer *sb = tcb_ipc_buffer(sender);
    struct cte *caps[seL4_MsgMaxExtraCaps];
    unsigned ncaps = 0;
    if (can_grant && sb)
        ncaps = lookup_send_caps(sender, sb, (unsigned)seL4_MessageInfo_get_extraCaps(tag), caps);
    unsigned n = copy_mrs(sender, sb, receiver, rb, len);
    tag = transfer_caps(tag, caps, ncaps, ep, receiver, rb);
    msginfo_set(receiver, seL4_MessageInfo_set_length(tag, n));
    arch_context_set(&receiver->ctx, REG_BADGE, badge);
}

/* A handler's reply to a fault: label 0 resumes the thread; for syscall and
 * exception faults the reply's words overwrite the registers they name. */
static bool fault_reply(struct tcb *faulted, struct tcb *handler)
{
    seL4_MessageInfo_t tag = msginfo_get(handler);
    seL4_IPCBuffer *hb = tcb_ipc_buffer(handler);
    unsigned len = (unsigned)MIN(seL4_MessageInfo_get_length(tag), (word_t)seL4_MsgMaxLength);
    const unsigned char *regs = NULL;
    unsigned n = 0;
    if (faulted->fault.type == seL4_Fault_UnknownSyscall) {
        regs = arch_syscall_fault_regs;
        n = ARRAY_SIZE(arch_syscall_fault_regs);
    } else if (faulted->fault.type == seL4_Fault_UserException) {
        regs = arch_exception_fault_regs;
        n = ARRAY_SIZE(arch_exception_fault_regs);
    } else {
        return true;
    }
    for (unsigned i = 0; i < n && i < len; i++)
        arch_context_set(&faulted->ctx, regs[i], mr_get(handler, hb, i));
    /* Ports make any register values safe when they restore a context. */
    return seL4_MessageInfo_get_label(tag) == 0;
}

static void reply_transfer(struct tcb *sender, struct tcb *receiver, struct cte *slot, bool grant)
{
    bool resume = true;
    if (receiver->fault.type == 0) {
        ipc_transfer(sender, NULL, 0, grant, receiver);
    } else {
        resume = fault_reply(receiver, sender);
        receiver->fault.type = 0;
    }
    cte_delete_reply(slot);
    receiver->state = resume ? THREAD_RUNNING : THREAD_INACTIVE;
    if (resume)
        sched_make_runnable(receiver);
}

void ipc_reply_through(struct tcb *t, struct cte *slot)
{
    if (cap_type(slot->cap) != CAP_REPLY || cap_reply_master(slot->cap))
        return;
    struct tcb *caller = cap_ptr(slot->cap);
    if (caller->state == THREAD_BLOCKED_REPLY)
        reply_transfer(t, caller, slot, cap_reply_can_grant(slot->cap));
}

void ipc_reply(struct tcb *t)
{
    ipc_reply_through(t, &t->slots[TCB_CALLER]);
}

void ipc_delete_caller_cap(struct tcb *t)
{
    cte_delete_reply(&t->slots[TCB_CALLER]);
}

void tcb_setup_reply_master(struct tcb *t)
{
    struct cte *slot = &t->slots[TCB_REPLY];
    if (cap_is_null(slot->cap))
        cdt_link_after(&cdt_head, slot, cap_reply(t, true, true), true, true);
}

bool fault_send_ipc(struct tcb *t)
{
    struct lookup_result l = cspace_lookup_slot(t->slots[TCB_CTABLE].cap, t->fault_ep);
    if (!l.slot)
        return false;
    cap_t c = l.slot->cap;
    unsigned r = cap_rights(c);
    if (cap_type(c) != CAP_ENDPOINT || !(r & RIGHT_WRITE) || !(r & (RIGHT_GRANT | RIGHT_GRANT_REPLY)))
        return false;
    ep_send(t, cap_ptr(c), cap_badge(c), r & RIGHT_GRANT, r & RIGHT_GRANT_REPLY, true, true);
    return true;
}
