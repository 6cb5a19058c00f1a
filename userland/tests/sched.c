/*
 * SCHED: the scheduler as threads see it. Strict priorities (a resumed or
 * woken thread of higher priority runs before its waker continues, a lower
 * one waits), FIFO round robin within a priority on Yield and on the
 * timer, the 0 and 255 edges, and the MCP limit a thread cannot pass.
 *
 * Loops are bounded by counters, never by time: a broken scheduler makes
 * a test fail, not hang.
 */
#include "workers.h"

/* The order in which workers ran (their arg), and a log of who ran. */
static volatile seL4_Word order[8];
static volatile unsigned norder;
static volatile char trace[16];
static volatile unsigned ntrace;

static void note(char c)
{
    if (ntrace < sizeof(trace) - 1) {
        trace[ntrace++] = c;
    }
}

static void reset_logs(void)
{
    norder = 0;
    ntrace = 0;
    for (unsigned i = 0; i < sizeof(trace); i++) {
        trace[i] = 0;
    }
}

/* Run once: record arg in the order log. */
static void mark(worker *w)
{
    if (norder < 8) {
        order[norder++] = w->arg;
    }
    w->steps++;
}

#define START(w, i, prio, fn, arg)                                      \
    worker *w = worker_start((i), (prio), 0, (fn), 0, (arg));           \
    CHECK(w != NULL, "%s", worker_error())

static const char *sched_higher_runs_first(void)
{
    START(w, 0, PRIO_HI, mark, 1);

    CHECK(w->steps == 1, "a resumed higher-priority thread had not run when Resume returned");
    return NULL;
}

static const char *sched_lower_waits(void)
{
    START(w, 0, PRIO_LO, mark, 1);

    yield_n(5);
    CHECK(w->steps == 0, "a lower-priority thread ran while the root was runnable");
    return NULL;
}

static const char *sched_raise_runs(void)
{
    START(w, 0, PRIO_LO, mark, 1);

    TRY(expect_ok(seL4_TCB_SetPriority(w->tcb, seL4_CapInitThreadTCB, PRIO_HI), "SetPriority"));
    CHECK(w->steps == 1, "raising a runnable thread above the root did not run it at once");
    return NULL;
}

static const char *sched_lower_self_runs(void)
{
    START(w, 0, PRIO_ROOT - 10, mark, 1);

    TRY(expect_ok(root_priority(PRIO_ROOT - 20), "lowering the root"));
    CHECK(w->steps == 1, "lowering the root below a runnable thread did not run it");
    return NULL;
}

static void yielder(worker *w)
{
    for (int i = 0; i < 3; i++) {
        note('W');
        seL4_Yield();
    }
    w->steps++;
}

static const char *sched_yield_alternates(void)
{
    reset_logs();
    worker *w = worker_create(0, PRIO_ROOT, 0, yielder, 0, 0);
    CHECK(w != NULL, "%s", worker_error());
    /* A fresh timeslice (nothing else at this priority is ready yet): no
     * timer tick can hand over before the first Yield. */
    seL4_Yield();
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));

    for (int i = 0; i < 3; i++) {
        note('R');
        seL4_Yield();
    }
    CHECK(trace[0] == 'R' && trace[1] == 'W' && trace[2] == 'R' && trace[3] == 'W' && trace[4] == 'R' &&
              trace[5] == 'W',
          "equal priorities ran as \"%s\", want RWRWRW", (const char *)trace);
    return NULL;
}

/* A receiver: blocks on w->arg, then marks. */
static void recv_mark(worker *w)
{
    seL4_Word badge;

    seL4_Recv(w->arg, &badge);
    w->steps++;
}

static const char *sched_woken_lower_waits(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, PRIO_HI, recv_mark, ep);

    TRY(expect_ok(seL4_TCB_SetPriority(w->tcb, seL4_CapInitThreadTCB, PRIO_LO), "lowering the receiver"));
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 0, 0));
    yield_n(2);
    CHECK(w->steps == 0, "a receiver woken at lower priority ran before the sender let it");
    return NULL;
}

static const char *sched_woken_lower_runs_later(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, PRIO_HI, recv_mark, ep);

    TRY(expect_ok(seL4_TCB_SetPriority(w->tcb, seL4_CapInitThreadTCB, PRIO_LO), "lowering the receiver"));
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 0, 0));
    TRY(expect_ok(root_priority(PRIO_LO - 1), "lowering the root"));
    CHECK(w->steps == 1, "the woken receiver did not run once the root was below it");
    return NULL;
}

static const char *sched_priority_order(void)
{
    reset_logs();
    START(a, 0, 60, mark, 60);
    START(b, 1, 80, mark, 80);
    START(c, 2, 70, mark, 70);

    TRY(expect_ok(root_priority(10), "lowering the root"));
    CHECK(norder == 3 && order[0] == 80 && order[1] == 70 && order[2] == 60, "ran in the order %lu %lu %lu (%u)",
          order[0], order[1], order[2], norder);
    return NULL;
}

static const char *sched_fifo_equal(void)
{
    reset_logs();
    START(a, 0, 60, mark, 1);
    START(b, 1, 60, mark, 2);
    START(c, 2, 60, mark, 3);

    TRY(expect_ok(root_priority(10), "lowering the root"));
    CHECK(norder == 3 && order[0] == 1 && order[1] == 2 && order[2] == 3, "ran in the order %lu %lu %lu (%u)",
          order[0], order[1], order[2], norder);
    return NULL;
}

/* Two spinners at the root's priority that never yield. Each notes whether
 * it saw the other make progress while it was itself still spinning; that
 * can only happen if the timer took the CPU from it. */
#define SPIN_LIMIT 30000000ul

static void spinner(worker *w)
{
    worker *other = &workers[1 - w->arg];
    seL4_Word seen = other->steps;

    for (seL4_Word i = 0; i < SPIN_LIMIT && w->r[0] == 0; i++) {
        w->steps++;
        if (other->steps != seen) {
            w->r[0] = 1;
        }
    }
}

static const char *sched_timer_preempts(void)
{
    worker *a = worker_create(0, PRIO_ROOT, 0, spinner, 0, 0);
    worker *b = worker_create(1, PRIO_ROOT, 0, spinner, 0, 1);

    CHECK(a != NULL && b != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_Resume(a->tcb), "Resume a"));
    TRY(expect_ok(seL4_TCB_Resume(b->tcb), "Resume b"));
    /* Bounded generously: on a loaded host a timeslice may hold few guest
     * instructions, so the two may need many rounds to see each other. */
    for (int i = 0; i < 5000 && !(a->done && b->done) && !(a->r[0] && b->r[0]); i++) {
        seL4_Yield();
    }
    CHECK(a->r[0] == 1 && b->r[0] == 1, "two spinning threads of equal priority did not interleave (%lu, %lu)",
          a->r[0], b->r[0]);
    return NULL;
}

static const char *sched_prio_zero(void)
{
    START(w, 0, 0, mark, 1);

    TRY(expect_ok(root_priority(0), "lowering the root to 0"));
    seL4_Yield();
    CHECK(w->steps == 1, "a priority-0 thread did not run when the root yielded at 0");
    return expect_ok(root_priority(PRIO_ROOT), "raising the root again (its MCP is 255)");
}

static const char *sched_prio_255_equal(void)
{
    TRY(expect_ok(root_priority(seL4_MaxPrio), "root at 255"));
    worker *w = worker_create(0, seL4_MaxPrio, 0, mark, 0, 1);
    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(root_priority(seL4_MaxPrio), "root at 255"));
    /* A Yield with no other thread at 255 ready only renews the root's
     * timeslice, so no timer tick can hand over between Resume and the check. */
    seL4_Yield();
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    CHECK(w->steps == 0, "a resumed thread of equal priority 255 ran before the root yielded");
    seL4_Yield();
    CHECK(w->steps == 1, "it did not run when the root yielded");
    return NULL;
}

/* The worker tries to raise itself past its MCP: r[0] the error, r[1] MR1. */
static void raise_self(worker *w)
{
    w->r[0] = seL4_TCB_SetPriority(w->tcb, w->tcb, w->arg + 1);
    w->r[1] = seL4_GetMR(1);
    w->steps++;
}

static const char *sched_mcp_self(void)
{
    worker *w = worker_create(0, PRIO_HI, 0, raise_self, 0, 60);

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_SetMCPriority(w->tcb, seL4_CapInitThreadTCB, 60), "SetMCPriority 60"));
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    CHECK(w->steps == 1 && w->r[0] == seL4_RangeError && w->r[1] == 60,
          "a thread with MCP 60 raising itself to 61 got %s (max %lu)", error_name((seL4_Error)w->r[0]), w->r[1]);
    return NULL;
}

static const char *sched_suspend_current_switches(void)
{
    START(a, 0, PRIO_LO, mark, 1);

    TRY(expect_ok(root_priority(PRIO_LO), "root at the worker's priority"));
    seL4_Yield();
    CHECK(a->steps == 1, "a thread of equal priority did not run on Yield");
    return NULL;
}

static const struct test tests[] = {
    { "SCHED0001 a resumed higher-priority thread runs before Resume returns", sched_higher_runs_first },
    { "SCHED0002 a lower-priority thread does not run while the root can", sched_lower_waits },
    { "SCHED0003 raising a runnable thread above the caller runs it at once", sched_raise_runs },
    { "SCHED0004 lowering the own priority below a runnable thread runs it", sched_lower_self_runs },
    { "SCHED0005 equal priorities alternate on Yield", sched_yield_alternates },
    { "SCHED0006 a receiver woken at lower priority waits for the sender", sched_woken_lower_waits },
    { "SCHED0007 a receiver woken at lower priority runs when the sender drops", sched_woken_lower_runs_later },
    { "SCHED0008 runnable threads run in priority order", sched_priority_order },
    { "SCHED0009 threads of one priority run in the order they were resumed", sched_fifo_equal },
    { "SCHED0010 two equal-priority spinning threads both progress (timer)", sched_timer_preempts },
    { "SCHED0011 a priority-0 thread runs when the root yields at 0", sched_prio_zero },
    { "SCHED0012 at priority 255 a resumed equal thread waits for the Yield", sched_prio_255_equal },
    { "SCHED0013 a thread cannot raise itself above its own MCP", sched_mcp_self },
    { "SCHED0014 a thread runs when the root drops to its priority and yields", sched_suspend_current_switches },
};

TEST_SUITE_AFTER_EACH(sched_suite, tests, workers_cleanup);
