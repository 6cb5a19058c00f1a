/*
 * The fuzzer's worker thread: sequences of random operations on the sandbox
 * S, and the invariants it can check from user level after them. Half the
 * sequences are "memory lifecycles" (make a small Untyped, copy it, consume
 * it through one copy, dispose of a copy, consume it through the other, use
 * what came out), the shape of the holes that need several steps in order;
 * the rest are random operations of every kind on a few hot slots. Every
 * ROUND_SEQUENCES sequences the worker Calls the root, which revokes the
 * sandbox, checks that its Untyped is whole and builds a new one.
 */
#include <stdarg.h>
#include "sandbox.h"

#define ROUND_SEQUENCES 48
#define PAGE 4096ul

struct shadow sh[FUZZ_S_SLOTS];
unsigned hot[4];

static seL4_Word rng;
static seL4_Word next_origin;
static seL4_Word capfaults_seen;

seL4_Word rnd(void)
{
    return keel_random_next(&rng);
}

seL4_Word below(seL4_Word n)
{
    return n ? rnd() % n : 0;
}

seL4_Word rnd_arg(void)
{
    return keel_random_arg(&rng);
}

seL4_Error rec(seL4_Error e)
{
    fuzz.calls++;
    if (fuzz.capfaults != capfaults_seen) {
        capfaults_seen = fuzz.capfaults;
        fuzz.errors[FUZZ_ERR_CAPFAULT]++;
        return (seL4_Error)-1;
    }
    fuzz.errors[(unsigned)e <= seL4_NotEnoughMemory ? (unsigned)e : FUZZ_ERR_OTHER]++;
    TRACE("= %d\n", (int)e);
    return e;
}

void tick(void)
{
    rec(seL4_NoError);
}

void fuzz_fail(const char *fmt, ...)
{
    va_list ap;

    if (fuzz.failure != NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(fuzz.failure_buf, sizeof(fuzz.failure_buf), fmt, ap);
    va_end(ap);
    fuzz.failure = fuzz.failure_buf;
}

/* ---- the shadow of S ---- */

void refresh(unsigned s)
{
    seL4_Uint32 t = seL4_DebugCapIdentify(s);

    tick();
    if (t != sh[s].type)
        sh[s] = (struct shadow){ .type = t };
}

/* The cptr to invoke for slot s: never an endpoint, where an invocation
 * would be an IPC that blocks the worker for good (the slot is looked at
 * again first: a random call may have changed it). */
seL4_CPtr svc(unsigned s)
{
    refresh(s);
    return sh[s].type == KEEL_CAP_ENDPOINT ? FUZZ_BAD_CPTR : s;
}

void wild(void)
{
    for (unsigned s = 0; s < FUZZ_S_SLOTS; s++)
        sh[s].origin = 0;
}

static void refresh_all(void)
{
    for (unsigned s = 0; s < FUZZ_S_SLOTS; s++)
        refresh(s);
}

unsigned pick_slot(void)
{
    return below(4) ? hot[below(4)] : 1 + (unsigned)below(FUZZ_S_SLOTS - 1);
}

static unsigned pick_where(bool (*ok)(unsigned s, seL4_Uint32 arg), seL4_Uint32 arg)
{
    unsigned k0 = (unsigned)below(4), s0 = (unsigned)below(FUZZ_S_SLOTS);

    if (below(8)) {
        for (unsigned k = 0; k < 4; k++)
            if (ok(hot[(k0 + k) % 4], arg))
                return hot[(k0 + k) % 4];
    }
    for (unsigned i = 0; i < FUZZ_S_SLOTS; i++) {
        unsigned s = (s0 + i) % FUZZ_S_SLOTS;
        if (s != FUZZ_SLOT_SELF && ok(s, arg))
            return s;
    }
    return pick_slot();
}

static bool holds(unsigned s, seL4_Uint32 type)
{
    return sh[s].type == type;
}

static bool full(unsigned s, seL4_Uint32 unused)
{
    (void)unused;
    return sh[s].type != KEEL_CAP_NULL;
}

unsigned pick_type(seL4_Uint32 type)
{
    return pick_where(holds, type);
}

unsigned pick_full(void)
{
    return pick_where(full, 0);
}

unsigned pick_empty(void)
{
    return pick_where(holds, KEEL_CAP_NULL);
}

/* ---- the checks ---- */

void check_frame_address(unsigned s)
{
    seL4_Word pa, size = 1ul << fuzz.sandbox_bits;

    if (rec((seL4_Error)keel_page_get_address(svc(s), &pa)) != seL4_NoError)
        return;
    if (pa < fuzz.sandbox_paddr || pa - fuzz.sandbox_paddr >= size)
        fuzz_fail("the frame in slot %u is at %lx, outside the sandbox's memory [%lx, +%lx)", s, pa,
                  fuzz.sandbox_paddr, size);
}

/* A frame fresh from Retype reads as zero; then it gets random words, so
 * that memory it shares with anything else stops looking new. */
static void check_zero(unsigned s)
{
    seL4_Word va = FUZZ_CHECK_VA + below(FUZZ_WINDOW / PAGE) * PAGE;
    volatile seL4_Word *p = (volatile seL4_Word *)va;

    TRACE("check frame %u (paddr %lx) at %lx\n", s, sh[s].paddr, va);
    if (rec(keel_page_map(svc(s), FUZZ_CPTR_VSPACE, va, seL4_AllRights, KEEL_VM_ATTR_DEFAULT)) != seL4_NoError)
        return;
    for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++) {
        if (p[i] != 0) {
            fuzz_fail("a fresh frame (slot %u, paddr %lx, mapped at %lx) reads %lx at offset %u", s, sh[s].paddr,
                      va, p[i], i * (unsigned)sizeof(seL4_Word));
            break;
        }
    }
    for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++)
        p[i] = rnd_arg();
    fuzz.frames_checked++;
    rec(keel_page_unmap(svc(s)));
}

/* No other live frame of another Retype is at the new frame's address. */
static void check_no_alias(unsigned s)
{
    for (unsigned o = 0; o < FUZZ_S_SLOTS; o++) {
        if (o == s || sh[o].type != KEEL_CAP_FRAME || sh[o].origin == 0 || sh[o].origin == sh[s].origin ||
            sh[o].paddr != sh[s].paddr)
            continue;
        seL4_Word pa;
        refresh(o);
        if (sh[o].type == KEEL_CAP_FRAME && rec((seL4_Error)keel_page_get_address(svc(o), &pa)) == seL4_NoError &&
            pa == sh[s].paddr)
            fuzz_fail("frames from two Retypes (slots %u and %u) share physical address %lx", o, s, pa);
    }
    fuzz.overlap_checks++;
}

void fresh_object(unsigned s)
{
    refresh(s);
    sh[s].origin = ++next_origin;
    if (sh[s].type != KEEL_CAP_FRAME)
        return;
    if (rec((seL4_Error)keel_page_get_address(svc(s), &sh[s].paddr)) != seL4_NoError) {
        sh[s].origin = 0;
        return;
    }
    check_frame_address(s);
    check_no_alias(s);
    check_zero(s);
}

/* ---- sequences ---- */

static void choose_hot(void)
{
    for (unsigned k = 0; k < 4; k++)
        hot[k] = 1 + (unsigned)below(FUZZ_S_SLOTS - 1);
}

/* make a small Untyped, copy it, consume one copy, dispose, consume the other, use. */
static void lifecycle(void)
{
    unsigned ut = pick_type(KEEL_CAP_UNTYPED), copy;

    if (below(4)) {
        unsigned a = pick_empty();
        op_retype_into(ut, a, seL4_UntypedObject, 12 + below(3), 1);
        ut = a;
    }
    if (sh[ut].type != KEEL_CAP_UNTYPED)
        return;
    copy = pick_empty();
    op_copy_to(ut, copy, (int)below(4));
    unsigned first = below(2) ? ut : copy, second = first == ut ? copy : ut;
    if (below(2))
        op_make_pool_from(first, pick_empty());
    else
        op_retype_into(first, pick_empty(), below(3) ? KEEL_FRAME_OBJECT : below(8), below(4) ? 0 : below(13),
                       1 + below(2));
    op_dispose(below(2) ? first : second, (int)below(6));
    if (below(3))
        op_retype_into(second, pick_empty(), KEEL_FRAME_OBJECT, 0, 1 + below(4));
    else
        op_make_pool_from(second, pick_empty());
    for (int i = 0, n = 1 + (int)below(4); i < n; i++)
        op_use(below(2) ? hot[below(4)] : pick_full());
}

static void random_sequence(void)
{
    static unsigned total;
    unsigned n = 3 + (unsigned)below(8);

    if (total == 0)
        for (unsigned i = 0; i < fuzz_op_count; i++)
            total += fuzz_ops[i].weight;
    for (unsigned i = 0; i < n && fuzz.failure == NULL; i++) {
        unsigned r = (unsigned)below(total), k = 0;
        while (r >= fuzz_ops[k].weight) {
            r -= fuzz_ops[k].weight;
            k++;
        }
        TRACE("#%u\n", k);
        fuzz_ops[k].fn();
        if (!fuzz_ops[k].tracked)
            wild();
    }
}

/* Hand the round back to the root: it revokes and rebuilds the sandbox. */
static void end_round(void)
{
    seL4_Call(FUZZ_CPTR_CONTROL, seL4_MessageInfo_new(FUZZ_CONTROL_LABEL, 0, 0, 0));
    tick();
    memset(sh, 0, sizeof(sh));
    refresh_all();
}

void fuzz_worker_main(seL4_Word arg)
{
    (void)arg;
    seL4_SetIPCBuffer(fuzz_worker_ipc);
    rng = fuzz.seed * (seL4_Word)0x9e3779b97f4a7c15ull + 1;
    capfaults_seen = fuzz.capfaults;
    refresh_all();
    for (;;) {
        for (unsigned q = 0; q < ROUND_SEQUENCES && fuzz.failure == NULL && fuzz.calls < fuzz.budget; q++) {
            refresh(FUZZ_SLOT_SELF);
            if (sh[FUZZ_SLOT_SELF].type != KEEL_CAP_CNODE)
                break;          /* a random call deleted S's own cap: start over */
            choose_hot();
            TRACE("sequence %lu, call %lu\n", fuzz.sequences, fuzz.calls);
            if (below(2))
                lifecycle();
            else
                random_sequence();
            for (unsigned k = 0; k < 4; k++) {
                refresh(hot[k]);
                if (sh[hot[k]].type == KEEL_CAP_FRAME)
                    check_frame_address(hot[k]);
            }
            fuzz.sequences++;
        }
        end_round();
    }
}

/* A thread of the sandbox, pointed here by a random WriteRegisters: it
 * loops on one IPC system call (which one and on which cptr come from its
 * argument), touching nothing but its registers and its stack. */
void fuzz_victim_main(seL4_Word arg)
{
    static const seL4_Word sys[] = { seL4_SysRecv, seL4_SysCall, seL4_SysSend, seL4_SysNBRecv,
                                     seL4_SysYield, seL4_SysNBSend, seL4_SysReply, seL4_SysRecv };
    seL4_Word s = sys[arg & 7], cptr = arg >> 4;

    for (;;) {
        seL4_Word badge, info, m0 = arg, m1 = cptr, m2 = 0, m3 = 0;
        keel_sys_send_recv(s, cptr, &badge, seL4_MessageInfo_new(arg & 0x3f, 0, (arg >> 3) & 1 ? 2 : 0, 4).words[0],
                           &info, &m0, &m1, &m2, &m3);
        if (s == (seL4_Word)seL4_SysRecv)
            keel_sys_send_recv(seL4_SysReply, 0, &badge, 0, &info, &m0, &m1, &m2, &m3);
        keel_sys_null(seL4_SysYield);
    }
}
