/*
 * NTFN: notifications. Signal, Wait and Poll; badges OR-ed into the
 * notification word; the FIFO queue of waiters; the rights a signal and a
 * wait need; a notification deleted under its waiters.
 */
#include "workers.h"

/* Wait on w->cap forever; r[steps] = the badge of each wake-up. */
static void waiter(worker *w)
{
    for (;;) {
        seL4_Word badge = 0;
        seL4_Wait(w->cap, &badge);
        w->r[w->steps % WORKER_RESULTS] = badge;
        w->steps++;
    }
}

#define START(w, i, fn, cap, fep)                                       \
    worker *w = worker_start((i), PRIO_HI, (fep), (fn), (cap), 0);      \
    CHECK(w != NULL, "%s", worker_error())

static const char *ntfn_signal_wait(void)
{
    seL4_CPtr n = new_notification(), b = mint_cap(n, seL4_AllRights, 0x10);
    seL4_Word badge = 0;

    seL4_Signal(b);
    seL4_Wait(n, &badge);
    CHECK(badge == 0x10, "Wait after a signal gave badge %lx", badge);
    return NULL;
}

static const char *ntfn_badges_or(void)
{
    seL4_CPtr n = new_notification();
    seL4_Word badge = 0;

    seL4_Signal(mint_cap(n, seL4_AllRights, 0x1));
    seL4_Signal(mint_cap(n, seL4_AllRights, 0x4));
    seL4_Signal(mint_cap(n, seL4_AllRights, 0x100));
    seL4_Wait(n, &badge);
    CHECK(badge == 0x105, "three signals gave %lx, want 105", badge);
    return NULL;
}

static const char *ntfn_poll_empty(void)
{
    seL4_CPtr n = new_notification();
    seL4_Word badge = 99;

    seL4_Poll(n, &badge);
    CHECK(badge == 0, "Poll with nothing pending gave %lx", badge);
    return NULL;
}

static const char *ntfn_poll_pending(void)
{
    seL4_CPtr n = new_notification();
    seL4_Word badge = 0;

    seL4_Signal(mint_cap(n, seL4_AllRights, 0x22));
    seL4_Poll(n, &badge);
    CHECK(badge == 0x22, "Poll of a pending signal gave %lx", badge);
    return NULL;
}

static const char *ntfn_poll_consumes(void)
{
    seL4_CPtr n = new_notification();
    seL4_Word badge = 0;

    seL4_Signal(mint_cap(n, seL4_AllRights, 0x22));
    seL4_Poll(n, &badge);
    seL4_Poll(n, &badge);
    CHECK(badge == 0, "a second Poll gave %lx", badge);
    return NULL;
}

static const char *ntfn_wait_blocks(void)
{
    seL4_CPtr n = new_notification();
    START(w, 0, waiter, n, 0);

    CHECK(w->steps == 0, "Wait with nothing pending returned");
    return NULL;
}

static const char *ntfn_signal_wakes(void)
{
    seL4_CPtr n = new_notification();
    START(w, 0, waiter, n, 0);

    seL4_Signal(mint_cap(n, seL4_AllRights, 0x8));
    CHECK(w->steps == 1 && w->r[0] == 0x8, "after the signal: %lu wake-ups, badge %lx", w->steps, w->r[0]);
    return NULL;
}

static const char *ntfn_waiters_fifo(void)
{
    seL4_CPtr n = new_notification();
    START(a, 0, waiter, n, 0);
    START(b, 1, waiter, n, 0);

    seL4_Signal(mint_cap(n, seL4_AllRights, 1));
    CHECK(a->steps == 1 && b->steps == 0, "first signal woke %lu and %lu", a->steps, b->steps);
    seL4_Signal(mint_cap(n, seL4_AllRights, 2));
    CHECK(b->steps == 1 && b->r[0] == 2 && a->steps == 1, "second signal: first %lu, second %lu (badge %lx)",
          a->steps, b->steps, b->r[0]);
    return NULL;
}

static const char *ntfn_unbadged_wakes(void)
{
    seL4_CPtr n = new_notification();
    START(w, 0, waiter, n, 0);

    seL4_Signal(n);
    CHECK(w->steps == 1 && w->r[0] == 0, "an unbadged signal: %lu wake-ups, badge %lx", w->steps, w->r[0]);
    return NULL;
}

static const char *ntfn_wide_badge(void)
{
    seL4_CPtr n = new_notification();
    seL4_Word want = ((seL4_Word)1 << (seL4_BadgeBits - 1)) | 0x8001, badge = 0;
    seL4_CPtr b = mint_cap(n, seL4_AllRights, want);

    CHECK(b != 0, "Mint with badge %lx failed", want);
    seL4_Signal(b);
    seL4_Poll(n, &badge);
    CHECK(badge == want, "badge %lx arrived as %lx", want, badge);
    return NULL;
}

static const char *ntfn_signal_no_write(void)
{
    seL4_CPtr n = new_notification(), r = mint_cap(n, RIGHTS_R, 0x5);
    seL4_Word badge = 0;

    seL4_Signal(r);
    seL4_Poll(n, &badge);
    CHECK(badge == 0, "a signal through a cap without Write was delivered (%lx)", badge);
    return NULL;
}

static const char *ntfn_call_signals(void)
{
    seL4_CPtr n = new_notification(), b = mint_cap(n, seL4_AllRights, 0x30);
    seL4_Word badge = 0;

    seL4_MessageInfo_t tag = seL4_Call(b, seL4_MessageInfo_new(0, 0, 0, 0));
    CHECK_TAG(tag, 0, 0, "the answer to Call on a notification");
    seL4_Poll(n, &badge);
    CHECK(badge == 0x30, "Call on a notification signalled %lx", badge);
    return NULL;
}

static const char *ntfn_call_no_write(void)
{
    seL4_CPtr n = new_notification(), r = copy_cap(n, RIGHTS_R);

    seL4_MessageInfo_t tag = seL4_Call(r, seL4_MessageInfo_new(0, 0, 0, 0));
    CHECK(seL4_MessageInfo_get_label(tag) == seL4_InvalidCapability && seL4_GetMR(0) == 0,
          "Call on a notification without Write: label %lu MR0 %lu", (seL4_Word)seL4_MessageInfo_get_label(tag),
          seL4_GetMR(0));
    return NULL;
}

static const char *ntfn_wait_no_read(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep), n = new_notification(), wr = copy_cap(n, RIGHTS_W);
    START(w, 0, waiter, wr, fcap);

    return expect_cap_fault(fep, wr, 1, seL4_MissingCapability);
}

static const char *ntfn_delete_waiter(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep), n = new_notification();
    START(w, 0, waiter, n, fcap);

    TRY(expect_ok(seL4_CNode_Delete(ROOT, n, ROOT_DEPTH), "deleting the notification"));
    return expect_cap_fault(fep, n, 1, seL4_MissingCapability);
}

static const char *ntfn_pending_badge_kept(void)
{
    seL4_CPtr n = new_notification();
    seL4_Word badge = 0;

    seL4_Signal(mint_cap(n, seL4_AllRights, 0x2));
    seL4_Signal(n);
    seL4_Poll(n, &badge);
    CHECK(badge == 0x2, "a pending badge 2 and an unbadged signal gave %lx", badge);
    return NULL;
}

static const char *ntfn_signal_one_waiter(void)
{
    seL4_CPtr n = new_notification();
    START(a, 0, waiter, n, 0);
    START(b, 1, waiter, n, 0);

    seL4_Signal(mint_cap(n, seL4_AllRights, 0x3));
    seL4_Signal(mint_cap(n, seL4_AllRights, 0x4));
    CHECK(a->steps == 1 && b->steps == 1 && a->r[0] == 3 && b->r[0] == 4,
          "two signals, two waiters: wake-ups %lu (%lx) and %lu (%lx)", a->steps, a->r[0], b->steps, b->r[0]);
    return NULL;
}

static const struct test tests[] = {
    { "NTFN0001 Wait after a Signal returns the badge", ntfn_signal_wait },
    { "NTFN0002 the badges of several signals are OR-ed", ntfn_badges_or },
    { "NTFN0003 Poll with nothing pending gives badge 0", ntfn_poll_empty },
    { "NTFN0004 Poll returns a pending badge", ntfn_poll_pending },
    { "NTFN0005 Poll consumes the pending badge", ntfn_poll_consumes },
    { "NTFN0006 Wait with nothing pending blocks", ntfn_wait_blocks },
    { "NTFN0007 a signal wakes a waiter with the badge", ntfn_signal_wakes },
    { "NTFN0008 waiters are woken one per signal in FIFO order", ntfn_waiters_fifo },
    { "NTFN0009 an unbadged signal wakes a waiter with badge 0", ntfn_unbadged_wakes },
    { "NTFN0010 a badge of the full width (seL4_BadgeBits) arrives whole", ntfn_wide_badge },
    { "NTFN0011 Signal through a cap without Write does nothing", ntfn_signal_no_write },
    { "NTFN0012 Call on a notification signals and answers label 0", ntfn_call_signals },
    { "NTFN0013 Call on a notification without Write is InvalidCapability 0", ntfn_call_no_write },
    { "NTFN0014 Wait through a cap without Read is a capability fault", ntfn_wait_no_read },
    { "NTFN0015 deleting a notification restarts its waiter into a cap fault", ntfn_delete_waiter },
    { "NTFN0016 an unbadged signal keeps the pending badge", ntfn_pending_badge_kept },
    { "NTFN0017 each signal wakes exactly one of two waiters", ntfn_signal_one_waiter },
};

TEST_SUITE_AFTER_EACH(ntfn_suite, tests, workers_cleanup);
