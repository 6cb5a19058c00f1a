/*
 * The invocation path (see invocation.h): looking up the invoked and extra
 * capabilities, dispatching on the capability type, and building the reply.
 */
#include <core/fault.h>
#include <core/invocation.h>
#include <core/ipc.h>
#include <core/msg.h>
#include <core/sched.h>
#include <core/vspace.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/keel_inv_table.h>

struct syscall_error current_error;

/* The generated table (interface/keel.api) of this architecture's labels. */
static const struct keel_inv_args *inv_args(const struct invocation *inv)
{
    static const struct keel_inv_args none = { KEEL_OP_NONE, 0, 0 };
    return inv->label < nArchInvocationLabels ? &keel_inv_args_table[inv->label] : &none;
}

unsigned inv_op(const struct invocation *inv)
{
    return inv_args(inv)->op;
}

bool inv_truncated(const struct invocation *inv)
{
    const struct keel_inv_args *a = inv_args(inv);
    return inv->length < a->length || inv->num_extra < a->extra_caps;
}

word_t inv_arg(const struct invocation *inv, unsigned i)
{
    return mr_get(inv->thread, inv->buf, i);
}

void inv_set_reply(struct invocation *inv, unsigned i, word_t v)
{
    mr_set(inv->thread, inv->buf, i, v);
    if (i + 1 > inv->reply_length)
        inv->reply_length = i + 1;
}

static int set_error(word_t type, unsigned n, word_t a, word_t b)
{
    current_error.type = type;
    current_error.ndetail = n;
    current_error.detail[0] = a;
    current_error.detail[1] = b;
    return EXC_SYSCALL_ERROR;
}

int err_simple(word_t type) { return set_error(type, 0, 0, 0); }
int err_invalid_argument(word_t n) { return set_error(seL4_InvalidArgument, 1, n, 0); }
int err_invalid_capability(word_t n) { return set_error(seL4_InvalidCapability, 1, n, 0); }
int err_range(word_t min, word_t max) { return set_error(seL4_RangeError, 2, min, max); }
int err_not_enough_memory(word_t left) { return set_error(seL4_NotEnoughMemory, 1, left, 0); }

/* seL4's layout: was-source flag, the failure type, then its details. */
int err_lookup(bool source, const struct lookup_fault *lf)
{
    struct syscall_error *e = &current_error;
    e->type = seL4_FailedLookup;
    e->detail[0] = source;
    e->detail[1] = lf->type;
    switch (lf->type) {
    case seL4_MissingCapability: e->detail[2] = lf->bits_left; e->ndetail = 3; break;
    case seL4_DepthMismatch:
        e->detail[2] = lf->bits_left;
        e->detail[3] = lf->guard_found;
        e->ndetail = 4;
        break;
    case seL4_GuardMismatch:
        e->detail[2] = lf->bits_left;
        e->detail[3] = lf->guard_found;
        e->detail[4] = lf->guard_size;
        e->ndetail = 5;
        break;
    default: e->ndetail = 2; break;
    }
    return EXC_SYSCALL_ERROR;
}

int lookup_target_slot(cap_t root, word_t index, word_t depth, bool source, struct cte **out)
{
    struct lookup_fault lf = { 0 };
    if (cap_type(root) != CAP_CNODE) {
        lf.type = seL4_InvalidRoot;
        return err_lookup(source, &lf);
    }
    if (depth < 1 || depth > WORD_BITS)
        return err_range(1, WORD_BITS);
    struct lookup_result r = cspace_resolve(root, index, (unsigned)depth);
    if (!r.slot)
        return err_lookup(source, &r.fault);
    if (r.bits_remaining != 0) {
        lf.type = seL4_DepthMismatch;
        lf.bits_left = r.bits_remaining;
        return err_lookup(source, &lf);
    }
    *out = r.slot;
    return EXC_NONE;
}

static int invoke_endpoint(struct invocation *inv)
{
    unsigned r = cap_rights(inv->cap);
    if (!(r & RIGHT_WRITE))
        return err_invalid_capability(0);
    ep_send(inv->thread, cap_ptr(inv->cap), cap_badge(inv->cap), r & RIGHT_GRANT,
            r & RIGHT_GRANT_REPLY, inv->blocking, inv->is_call);
    return EXC_NONE;
}

static int invoke_notification(struct invocation *inv)
{
    if (!(cap_rights(inv->cap) & RIGHT_WRITE))
        return err_invalid_capability(0);
    ntfn_signal(cap_ptr(inv->cap), cap_badge(inv->cap));
    return EXC_NONE;
}

static int decode(struct invocation *inv)
{
    enum cap_type type = cap_type(inv->cap);
    /* Any other object invocation may change some thread's address space
     * (SetSpace, unmapping or deleting a root, an ASID pool going): threads
     * look theirs up again at their next activation. */
    if (type != CAP_ENDPOINT && type != CAP_NOTIFICATION && type != CAP_REPLY)
        vspace_spaces_changed();
    switch (type) {
    case CAP_UNTYPED: return decode_untyped(inv);
    case CAP_CNODE: return decode_cnode(inv);
    case CAP_ENDPOINT: return invoke_endpoint(inv);
    case CAP_NOTIFICATION: return invoke_notification(inv);
    case CAP_REPLY:
        if (cap_reply_master(inv->cap))
            return err_invalid_capability(0);
        ipc_reply_through(inv->thread, inv->slot);
        return EXC_NONE;
    case CAP_THREAD: return decode_tcb(inv);
    case CAP_FRAME: return decode_frame(inv);
    case CAP_PAGE_TABLE: return decode_page_table(inv);
    case CAP_ASID_CONTROL: return decode_asid_control(inv);
    case CAP_ASID_POOL: return decode_asid_pool(inv);
    case CAP_IRQ_CONTROL: return decode_irq_control(inv);
    case CAP_IRQ_HANDLER: return decode_irq_handler(inv);
    case CAP_NULL: case CAP_ZOMBIE: return err_invalid_capability(0);
    case CAP_DOMAIN: return decode_domain(inv);
    default: return arch_decode_invocation(inv);
    }
}

static void reply(struct invocation *inv, word_t label, unsigned length)
{
    seL4_MessageInfo_t mi = seL4_MessageInfo_new(label, 0, 0, length);
    arch_context_set(&inv->thread->ctx, REG_MSGINFO, mi.words[0]);
}

static void reply_error(struct invocation *inv)
{
    for (unsigned i = 0; i < current_error.ndetail; i++)
        mr_set(inv->thread, inv->buf, i, current_error.detail[i]);
    reply(inv, current_error.type, current_error.ndetail);
}


static bool lookup_extra_caps(struct invocation *inv, word_t extra)
{
    for (unsigned i = 0; i < extra; i++) {
        word_t cptr = inv->buf->caps_or_badges[i];
        struct lookup_result r = cspace_lookup_slot(inv->thread->slots[TCB_CTABLE].cap, cptr);
        if (!r.slot) {
            if (inv->blocking)          /* seL4: only a blocking call faults */
                fault_cap(inv->thread, cptr, false, &r.fault);
            return false;
        }
        inv->extra[i] = r.slot;
    }
    inv->num_extra = (unsigned)extra;
    return true;
}

static void restart_syscall(struct tcb *t)
{
    word_t pc = arch_context_get(&t->ctx, REG_PC);
    arch_context_set(&t->ctx, REG_PC, pc - ARCH_SYSCALL_INSN_LEN);
    handle_pending_interrupt();
}

/* The common case of the slow path, kept off the general decode: a Send or
 * Call on an endpoint, or a Send on a notification, with no capabilities to
 * look up. False: not such a case, nothing done. */
static bool send_without_decode(struct tcb *t, cap_t c, bool is_call, bool blocking)
{
    unsigned r = cap_rights(c);
    if (!(r & RIGHT_WRITE))
        return false;
    if (cap_type(c) == CAP_ENDPOINT) {
        ep_send(t, cap_ptr(c), cap_badge(c), r & RIGHT_GRANT, r & RIGHT_GRANT_REPLY, blocking, is_call);
        return true;
    }
    if (cap_type(c) == CAP_NOTIFICATION && !is_call) {
        ntfn_signal(cap_ptr(c), cap_badge(c));
        return true;
    }
    return false;
}

static void decode_and_invoke(struct invocation *inv, seL4_MessageInfo_t mi)
{
    inv->label = seL4_MessageInfo_get_label(mi);
    inv->length = (unsigned)MIN(seL4_MessageInfo_get_length(mi), (word_t)seL4_MsgMaxLength);
    if (!inv->buf)
        inv->length = MIN(inv->length, (unsigned)ARCH_NUM_MSG_REGS);
    word_t extra = inv->buf ? seL4_MessageInfo_get_extraCaps(mi) : 0;
    if (!lookup_extra_caps(inv, extra))
        return;
    int status = decode(inv);
    if (status == EXC_PREEMPTED) {
        restart_syscall(inv->thread);
        return;
    }
    /* A Call gets an answer from the kernel only if it did not turn into
     * IPC (a thread blocked or stopped by the operation gets none). */
    if (!inv->is_call || inv->thread->state != THREAD_RUNNING)
        return;
    if (status == EXC_SYSCALL_ERROR)
        reply_error(inv);
    else
        reply(inv, 0, inv->reply_length);
}

void handle_invocation(bool is_call, bool blocking)
{
    struct tcb *t = cur_thread;
    seL4_MessageInfo_t mi = msginfo_get(t);
    word_t cptr = arch_context_get(&t->ctx, REG_CAP);
    struct cte *slot = cspace_lookup_fast(t->slots[TCB_CTABLE].cap, cptr);
    if (!slot) {
        struct lookup_result r = cspace_lookup_slot(t->slots[TCB_CTABLE].cap, cptr);
        if (blocking)
            fault_cap(t, cptr, false, &r.fault);
        return;
    }
    if (seL4_MessageInfo_get_extraCaps(mi) == 0 && send_without_decode(t, slot->cap, is_call, blocking))
        return;
    struct invocation inv = { 0 };
    inv.thread = t;
    inv.buf = tcb_ipc_buffer(t);
    inv.slot = slot;
    inv.cap = slot->cap;
    inv.is_call = is_call;
    inv.blocking = blocking;
    decode_and_invoke(&inv, mi);
}
