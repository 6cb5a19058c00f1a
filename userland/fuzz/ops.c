/*
 * The fuzzer's operations on the sandbox S: one function per kind of
 * invocation or system call, each choosing its arguments from the slots
 * that hold the right kind of capability (sandbox.h), issuing the call and
 * keeping the worker's shadow of S true to what succeeded.
 */
#include <keel/thread.h>
#include "sandbox.h"

#define PAGE 4096ul
#define SELF FUZZ_SLOT_SELF
#define NUM_REGS (sizeof(seL4_UserContext) / sizeof(seL4_Word))

/* Was slot s (just looked at by svc) really of the type the operation
 * meant? A Call on a notification, for one, signals it and returns
 * "no error": that success says nothing about the shadow. */
static bool invoked(unsigned s, seL4_Uint32 type)
{
    return sh[s].type == type;
}

static seL4_CapRights_t random_rights(void)
{
    if (below(4))
        return seL4_AllRights;
    return seL4_CapRights_new(rnd() & 1, rnd() & 1, rnd() & 1, rnd() & 1);
}

/* A virtual address for a random mapping: the root's window for them, the
 * window without page tables, or anywhere below 1 GiB but the check window. */
static seL4_Word map_va(seL4_Word align)
{
    seL4_Word va;

    switch (below(8)) {
    case 0: case 1: case 2: case 3: va = FUZZ_RAND_VA + below(FUZZ_WINDOW / PAGE) * PAGE; break;
    case 4: case 5: va = FUZZ_TABLE_VA + below(4 * FUZZ_WINDOW / PAGE) * PAGE; break;
    case 6: va = below(1ul << 30); break;
    default: va = rnd(); break;
    }
    if (va >= FUZZ_CHECK_VA && va < FUZZ_CHECK_VA + FUZZ_WINDOW)
        va += FUZZ_WINDOW;
    return below(8) ? va & ~(align - 1) : va;
}

static seL4_Word random_type(void)
{
    static const seL4_Word common[] = {
        seL4_UntypedObject, seL4_TCBObject, seL4_EndpointObject, seL4_NotificationObject, seL4_CapTableObject,
        KEEL_FRAME_OBJECT, KEEL_FRAME_OBJECT, KEEL_FRAME_OBJECT, KEEL_PT_OBJECT, KEEL_VSPACE_OBJECT,
    };
    return below(12) ? common[below(sizeof(common) / sizeof(common[0]))] : below(24);
}

static seL4_Word size_for(seL4_Word type)
{
    if (below(16) == 0)
        return below(64);
    if (type == seL4_UntypedObject)
        return 4 + below(13);
    if (type == seL4_CapTableObject)
        return 1 + below(4);
    return 0;
}

/* ---- memory: Retype, CNode operations, MakePool ---- */

void op_retype_into(unsigned ut, unsigned dst, seL4_Word type, seL4_Word bits, seL4_Word count)
{
    if (dst + count > FUZZ_S_SLOTS)
        count = FUZZ_S_SLOTS - dst;
    TRACE("Retype ut %u (cap type %u) type %lu bits %lu -> slot %u count %lu\n", ut, sh[ut].type, type, bits, dst, count);
    seL4_CPtr service = svc(ut);
    if (rec(seL4_Untyped_Retype(service, type, bits, SELF, 0, 0, dst, count)) != seL4_NoError ||
        !invoked(ut, KEEL_CAP_UNTYPED))
        return;
    for (seL4_Word k = 0; k < count; k++) {
        sh[dst + k].radix = type == seL4_CapTableObject ? bits : 0;
        fresh_object((unsigned)(dst + k));
    }
}

/* Retype into a CNode the sandbox made (not tracked). */
static void retype_nested(unsigned ut, seL4_Word type, seL4_Word bits)
{
    unsigned c = pick_type(KEEL_CAP_CNODE);

    TRACE("Retype ut %u type %lu bits %lu -> CNode %u\n", ut, type, bits, c);
    if (sh[c].radix != 0)
        rec(seL4_Untyped_Retype(svc(ut), type, bits, SELF, c, S_DEPTH, below(1ul << sh[c].radix), 1));
}

void op_retype(void)
{
    unsigned ut = pick_type(KEEL_CAP_UNTYPED);
    seL4_Word type = random_type();

    if (below(6) == 0)
        retype_nested(ut, type, size_for(type));
    else
        op_retype_into(ut, pick_empty(), type, size_for(type), below(4) ? 1 : 1 + below(4));
}

/* how: 0 Copy, 1 Mint, 2 Move, 3 Mutate. */
void op_copy_to(unsigned src, unsigned dst, int how)
{
    seL4_Error err;
    seL4_Word badge = below(2) ? below(8) : rnd_arg();

    TRACE("%s %u (cap type %u) -> %u\n", (const char *[]){ "Copy", "Mint", "Move", "Mutate" }[how & 3], src, sh[src].type, dst);
    if (!FUZZ_UNTYPED_COPIES && how <= 1 && sh[src].type == KEEL_CAP_UNTYPED)
        return;                 /* -Dfuzz_untyped_copies=false: steer clear of a known hole */

    seL4_CPtr self = svc(SELF);
    switch (how) {
    case 0: err = seL4_CNode_Copy(self, dst, S_DEPTH, SELF, src, S_DEPTH, random_rights()); break;
    case 1: err = seL4_CNode_Mint(self, dst, S_DEPTH, SELF, src, S_DEPTH, random_rights(), badge); break;
    case 2: err = seL4_CNode_Move(self, dst, S_DEPTH, SELF, src, S_DEPTH); break;
    default: err = seL4_CNode_Mutate(self, dst, S_DEPTH, SELF, src, S_DEPTH, badge); break;
    }
    if (rec(err) != seL4_NoError || src == dst || !invoked(SELF, KEEL_CAP_CNODE))
        return;
    sh[dst] = sh[src];
    if (how == 1 || how == 3)
        sh[dst].radix = 0;      /* a new guard changes how the CNode is addressed */
    if (how >= 2)
        sh[src] = (struct shadow){ 0 };
}

static void op_copy(void)
{
    op_copy_to(pick_full(), pick_empty(), (int)below(4));
}

/* how: 0-1 Delete, 2-3 Revoke, 4 Move away, 5 nothing. */
void op_dispose(unsigned s, int how)
{
    TRACE("%s %u\n", how <= 1 ? "Delete" : how <= 3 ? "Revoke" : how == 4 ? "Move away" : "keep", s);
    if (how <= 1) {
        seL4_CPtr self = svc(SELF);
        if (rec(seL4_CNode_Delete(self, s, S_DEPTH)) == seL4_NoError && invoked(SELF, KEEL_CAP_CNODE))
            sh[s] = (struct shadow){ 0 };
    } else if (how <= 3) {
        rec(seL4_CNode_Revoke(svc(SELF), s, S_DEPTH));
        for (unsigned k = 0; k < 4; k++)
            refresh(hot[k]);
    } else if (how == 4) {
        op_copy_to(s, pick_empty(), 2);
    }
}

static void op_delete(void)
{
    op_dispose(below(64) ? pick_full() : SELF, (int)below(4));
}

static void op_rotate(void)
{
    unsigned dst = pick_empty(), pivot = pick_full(), src = pick_full();
    seL4_CPtr self = svc(SELF);

    if (rec(seL4_CNode_Rotate(self, dst, S_DEPTH, SELF, pivot, S_DEPTH, below(4), SELF, src, S_DEPTH, below(4))) !=
            seL4_NoError ||
        !invoked(SELF, KEEL_CAP_CNODE))
        return;
    struct shadow p = sh[pivot], s = sh[src];
    sh[src] = (struct shadow){ 0 };
    sh[dst] = p;
    sh[pivot] = s;
}

/* CNode operations inside a CNode the sandbox made, addressed through it. */
static void op_nested(void)
{
    unsigned c = pick_type(KEEL_CAP_CNODE);
    seL4_Word r = sh[c].radix, k = below(1ul << r);

    if (r == 0)
        return;
    switch (below(4)) {
    case 0: rec(seL4_CNode_Copy(svc(c), k, (seL4_Uint8)r, SELF, pick_full(), S_DEPTH, random_rights())); break;
    case 1: rec(seL4_CNode_Delete(svc(c), k, (seL4_Uint8)r)); break;
    case 2: rec(seL4_CNode_Revoke(svc(c), k, (seL4_Uint8)r)); break;
    default: {
        unsigned dst = pick_empty();
        if (rec(seL4_CNode_Move(svc(SELF), dst, S_DEPTH, c, k, (seL4_Uint8)r)) == seL4_NoError)
            refresh(dst);
        break;
    }
    }
}

static void op_cnode_misc(void)
{
    if (below(2))
        rec(seL4_CNode_CancelBadgedSends(svc(SELF), pick_type(KEEL_CAP_ENDPOINT), S_DEPTH));
    else
        rec(seL4_CNode_SaveCaller(svc(SELF), pick_empty(), S_DEPTH));
}

void op_make_pool_from(unsigned ut, unsigned dst)
{
    TRACE("MakePool ut %u -> %u\n", ut, dst);
    unsigned control = pick_type(KEEL_CAP_ASID_CONTROL);
    seL4_CPtr service = svc(control);

    if (rec(keel_asid_make_pool(service, ut, SELF, dst, S_DEPTH)) == seL4_NoError &&
        invoked(control, KEEL_CAP_ASID_CONTROL))
        fresh_object(dst);
}

static void op_make_pool(void)
{
    op_make_pool_from(pick_type(KEEL_CAP_UNTYPED), pick_empty());
}

/* ---- virtual memory ---- */

static void op_assign(void)
{
    rec(keel_asid_assign(svc(pick_type(KEEL_CAP_ASID_POOL)), pick_type(KEEL_CAP_PAGE_TABLE)));
}

static void op_map(void)
{
    unsigned f = pick_type(KEEL_CAP_FRAME);

    rec(keel_page_map(svc(f), pick_type(KEEL_CAP_PAGE_TABLE), map_va(PAGE), random_rights(),
                      below(4) ? KEEL_VM_ATTR_DEFAULT : rnd_arg()));
}

static void op_unmap(void)
{
    if (below(2))
        rec(keel_page_unmap(svc(pick_type(KEEL_CAP_FRAME))));
    else
        rec(keel_table_unmap(svc(pick_type(KEEL_CAP_PAGE_TABLE))));
}

static void op_table_map(void)
{
    rec(keel_table_map(svc(pick_type(KEEL_CAP_PAGE_TABLE)), pick_type(KEEL_CAP_PAGE_TABLE), map_va(FUZZ_WINDOW),
                       KEEL_VM_ATTR_DEFAULT));
}

static void op_get_address(void)
{
    unsigned f = pick_type(KEEL_CAP_FRAME);

    if (sh[f].type == KEEL_CAP_FRAME)
        check_frame_address(f);
}

/* ---- threads ---- */

static unsigned pick_tcb(void)
{
    return pick_type(KEEL_CAP_THREAD);
}

static seL4_Word fault_ep_choice(void)
{
    switch (below(3)) {
    case 0: return 0;
    case 1: return FUZZ_SLOT_VICTIM_EP;
    default: return pick_slot();
    }
}

static unsigned pick_cspace(void)
{
    return below(3) ? SELF : pick_type(KEEL_CAP_CNODE);
}

static void op_configure(void)
{
    rec(seL4_TCB_Configure(svc(pick_tcb()), fault_ep_choice(), pick_cspace(), 0, pick_type(KEEL_CAP_PAGE_TABLE), 0,
                           map_va(512), below(4) ? pick_type(KEEL_CAP_FRAME) : 0));
}

static void op_set_space(void)
{
    rec(seL4_TCB_SetSpace(svc(pick_tcb()), fault_ep_choice(), pick_cspace(), below(8) ? 0 : rnd_arg(),
                          pick_type(KEEL_CAP_PAGE_TABLE), 0));
}

static void op_ipc_buffer(void)
{
    rec(seL4_TCB_SetIPCBuffer(svc(pick_tcb()), map_va(512), below(4) ? pick_type(KEEL_CAP_FRAME) : 0));
}

/* Registers that run fuzz_victim_main on a victim stack, or random ones. */
static void op_write_registers(void)
{
    seL4_UserContext uc;
    seL4_Word *w = (seL4_Word *)&uc;

    if (below(4)) {
        memset(&uc, 0, sizeof(uc));
        unsigned k = (unsigned)below(FUZZ_VICTIM_STACKS);
        seL4_Word arg = below(8) | (seL4_Word)pick_slot() << 4;
        keel_arch_init_context(&uc, (seL4_Word)fuzz_victim_main, (seL4_Word)(fuzz_victim_stacks[k] +
                               sizeof(fuzz_victim_stacks[0])), arg, 0);
    } else {
        for (unsigned i = 0; i < NUM_REGS; i++)
            w[i] = rnd_arg();
        w[0] = rnd() | 1ul << (seL4_WordBits - 1);     /* the pc: never the root's code */
    }
    rec(seL4_TCB_WriteRegisters(svc(pick_tcb()), (seL4_Bool)below(2), (seL4_Uint8)(below(8) ? 0 : rnd_arg()),
                                below(8) ? NUM_REGS : below(NUM_REGS + 4), &uc));
}

static void op_read_registers(void)
{
    seL4_UserContext uc;

    rec(seL4_TCB_ReadRegisters(svc(pick_tcb()), (seL4_Bool)below(2), 0, below(8) ? NUM_REGS : below(NUM_REGS + 4),
                               &uc));
}

static void op_tcb_misc(void)
{
    unsigned t = pick_tcb();

    switch (below(10)) {
    case 0: case 1: rec(seL4_TCB_Resume(svc(t))); break;
    case 2: rec(seL4_TCB_Suspend(svc(t))); break;
    case 3: rec(seL4_TCB_SetPriority(svc(t), pick_tcb(), below(FUZZ_PRIO_WORKER + 2))); break;
    case 4: rec(seL4_TCB_SetMCPriority(svc(t), pick_tcb(), below(FUZZ_PRIO_WORKER + 2))); break;
    case 5: rec(seL4_TCB_BindNotification(svc(t), pick_type(KEEL_CAP_NOTIFICATION))); break;
    case 6: rec(seL4_TCB_UnbindNotification(svc(t))); break;
    case 7: rec(seL4_TCB_SetTLSBase(svc(t), rnd_arg())); break;
    case 8: rec(seL4_TCB_CopyRegisters(svc(t), pick_tcb(), (seL4_Bool)below(2), (seL4_Bool)below(2),
                                       (seL4_Bool)below(2), (seL4_Bool)below(2), 0)); break;
    default: rec(seL4_TCB_SetSchedParams(svc(t), pick_tcb(), below(FUZZ_PRIO_WORKER + 2), below(FUZZ_PRIO_WORKER + 2)));
        break;
    }
}

/* ---- IRQ handlers, notifications, IPC ---- */

static void op_irq(void)
{
    unsigned h = pick_type(KEEL_CAP_IRQ_HANDLER);

    switch (below(3)) {
    case 0: rec(seL4_IRQHandler_SetNotification(svc(h), pick_type(KEEL_CAP_NOTIFICATION))); break;
    case 1: rec(seL4_IRQHandler_Ack(svc(h))); break;
    default: rec(seL4_IRQHandler_Clear(svc(h))); break;
    }
}

static void op_signal(void)
{
    seL4_Word badge;
    unsigned n = pick_type(KEEL_CAP_NOTIFICATION);

    if (below(2))
        seL4_Signal(svc(n));
    else
        seL4_Poll(n, &badge);
    tick();
}

/* A message with capabilities to an endpoint (a victim may be waiting), or
 * a non-blocking receive that takes capabilities into an empty slot. */
static void op_ipc(void)
{
    seL4_Word badge;

    if (below(2)) {
        seL4_Word n = below(4);
        for (seL4_Word k = 0; k < n; k++)
            seL4_SetCap((int)k, pick_full());
        seL4_NBSend(pick_type(KEEL_CAP_ENDPOINT), seL4_MessageInfo_new(below(64), 0, n, below(6)));
        tick();
    } else {
        unsigned dst = pick_empty();
        seL4_SetCapReceivePath(SELF, dst, S_DEPTH);
        seL4_NBRecv(below(4) ? pick_type(KEEL_CAP_ENDPOINT) : pick_type(KEEL_CAP_NOTIFICATION), &badge);
        tick();
        seL4_SetCapReceivePath(0, 0, 0);
        refresh(dst);
    }
}

static void op_yield(void)
{
    seL4_Yield();
    tick();
}

/* Any system call with random arguments on any slot of S (as STRESS0001),
 * never one that could block the worker for good. */
static void op_raw(void)
{
    static const seL4_Word calls[] = { seL4_SysCall, seL4_SysNBSend, seL4_SysNBRecv, seL4_SysReply,
                                       seL4_SysYield, seL4_SysSend };
    seL4_IPCBuffer *b = seL4_GetIPCBuffer();
    seL4_Word sys = calls[below(sizeof(calls) / sizeof(calls[0]))], dest = below(FUZZ_S_SLOTS);

    for (unsigned i = 0; i < seL4_MsgMaxLength; i++)
        b->msg[i] = rnd_arg();
    for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++)
        b->caps_or_badges[i] = below(4) ? below(FUZZ_S_SLOTS) : rnd_arg();
    b->receiveCNode = below(2) ? SELF : rnd_arg();
    b->receiveIndex = below(2) ? below(FUZZ_S_SLOTS) : rnd_arg();
    b->receiveDepth = below(2) ? S_DEPTH : rnd_arg() & 0x7f;
    if (below(16) == 0 && (dest = rnd()) >> 8 == 0)
        dest &= FUZZ_S_SLOTS - 1;       /* only S: never W's endpoints */
    refresh((unsigned)(dest & (FUZZ_S_SLOTS - 1)));
    if ((sys == (seL4_Word)seL4_SysCall || sys == (seL4_Word)seL4_SysSend) && dest < FUZZ_S_SLOTS &&
        sh[dest].type == KEEL_CAP_ENDPOINT)
        sys = seL4_SysNBSend;
    seL4_MessageInfo_t info = seL4_MessageInfo_new(below(64), 0, below(4), below(8) ? below(8) : rnd_arg() & 0x7f);
    seL4_Word badge, out, m0 = rnd_arg(), m1 = rnd_arg(), m2 = rnd_arg(), m3 = rnd_arg();
    keel_sys_send_recv(sys, dest, &badge, info.words[0], &out, &m0, &m1, &m2, &m3);
    b->receiveCNode = b->receiveIndex = b->receiveDepth = 0;
    tick();
}

/* Use whatever slot s holds in a way that touches its memory. */
void op_use(unsigned s)
{
    TRACE("use %u (type %u)\n", s, sh[s].type);
    switch (sh[s].type) {
    case KEEL_CAP_FRAME: below(2) ? op_get_address() : op_map(); break;
    case KEEL_CAP_ASID_POOL: rec(keel_asid_assign(svc(s), pick_type(KEEL_CAP_PAGE_TABLE))); break;
    case KEEL_CAP_UNTYPED: op_retype_into(s, pick_empty(), random_type(), 0, 1); break;
    case KEEL_CAP_PAGE_TABLE: op_table_map(); break;
    case KEEL_CAP_THREAD: op_configure(); break;
    case KEEL_CAP_NOTIFICATION: op_signal(); break;
    default: rec(seL4_CNode_Revoke(svc(SELF), s, S_DEPTH)); refresh(s); break;
    }
}

const struct op_entry fuzz_ops[] = {
    { op_retype, 10, true },       { op_copy, 10, true },         { op_delete, 5, true },
    { op_rotate, 2, true },        { op_nested, 3, true },        { op_cnode_misc, 1, true },
    { op_make_pool, 3, true },     { op_assign, 3, true },        { op_map, 5, true },
    { op_unmap, 3, true },         { op_table_map, 3, true },     { op_get_address, 2, true },
    { op_configure, 4, true },     { op_set_space, 1, true },     { op_ipc_buffer, 2, true },
    { op_write_registers, 3, true }, { op_read_registers, 1, true }, { op_tcb_misc, 6, true },
    { op_irq, 2, true },           { op_signal, 2, true },        { op_ipc, 3, false },
    { op_yield, 2, false },        { op_raw, 4, false },
};

const unsigned fuzz_op_count = sizeof(fuzz_ops) / sizeof(fuzz_ops[0]);
