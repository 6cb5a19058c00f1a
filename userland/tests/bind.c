/*
 * BIND: a notification bound to a TCB. A signal wakes the thread from a
 * Recv on an endpoint with the badge; binding and unbinding errors; what
 * deleting either side does to the binding.
 */
#include <stdbool.h>
#include "workers.h"

/* Receive on the endpoint w->cap forever: r[0] badge, r[1] label, steps;
 * r[4..11] the badges of the first eight wake-ups in order. */
static void bound_receiver(worker *w)
{
    for (;;) {
        seL4_Word badge = 0;
        seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);
        w->r[0] = badge;
        w->r[1] = seL4_MessageInfo_get_label(tag);
        if (w->steps < 8) {
            w->r[4 + w->steps] = badge;
        }
        w->steps++;
    }
}

/* Worker 0 receiving on ep with notification n bound; started if start. */
static worker *bound(seL4_CPtr ep, seL4_CPtr n, bool start)
{
    worker *w = worker_create(0, PRIO_HI, 0, bound_receiver, ep, 0);

    if (w == NULL || seL4_TCB_BindNotification(w->tcb, n) != seL4_NoError) {
        return NULL;
    }
    if (start && seL4_TCB_Resume(w->tcb) != seL4_NoError) {
        return NULL;
    }
    return w;
}

#define BOUND(w, ep, n, start)              \
    worker *w = bound((ep), (n), (start));  \
    CHECK(w != NULL, "binding failed: %s", worker_error())

static seL4_CPtr fresh_tcb(void)
{
    return new_object(seL4_TCBObject, 0);
}

static const char *bind_signal_wakes_recv(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification();
    BOUND(w, ep, n, true);

    CHECK(w->steps == 0, "the bound thread did not block in Recv");
    seL4_Signal(mint_cap(n, seL4_AllRights, 0x51));
    CHECK(w->steps == 1 && w->r[0] == 0x51, "after the signal: %lu wake-ups, badge %lx", w->steps, w->r[0]);
    return NULL;
}

static const char *bind_pending_signal(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification();
    BOUND(w, ep, n, false);

    seL4_Signal(mint_cap(n, seL4_AllRights, 0x52));
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    CHECK(w->steps == 1 && w->r[0] == 0x52, "Recv with a signal pending: %lu wake-ups, badge %lx", w->steps,
          w->r[0]);
    return NULL;
}

static void one_send(worker *w)
{
    seL4_Send(w->cap, seL4_MessageInfo_new(0x99, 0, 0, 0));
}

static const char *bind_signal_before_message(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification();
    BOUND(w, ep, n, false);
    worker *s = worker_start(1, PRIO_HI, 0, one_send, mint_cap(ep, seL4_AllRights, 0x7), 0);

    CHECK(s != NULL, "%s", worker_error());
    seL4_Signal(mint_cap(n, seL4_AllRights, 0x53));
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    CHECK(w->steps == 2 && w->r[4] == 0x53 && w->r[5] == 0x7, "%lu wake-ups, badges %lx then %lx (want 53 then 7)",
          w->steps, w->r[4], w->r[5]);
    return NULL;
}

static const char *bind_endpoint_still_works(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification();
    BOUND(w, ep, n, true);

    seL4_Send(mint_cap(ep, seL4_AllRights, 0x3), seL4_MessageInfo_new(0x44, 0, 0, 0));
    CHECK(w->steps == 1 && w->r[0] == 0x3 && w->r[1] == 0x44, "message: %lu wake-ups, badge %lx label %lx",
          w->steps, w->r[0], w->r[1]);
    return NULL;
}

static const char *bind_double(void)
{
    seL4_CPtr t = fresh_tcb(), n1 = new_notification(), n2 = new_notification();

    TRY(expect_ok(seL4_TCB_BindNotification(t, n1), "first bind"));
    return EXPECT_PLAIN_ERROR(seL4_TCB_BindNotification(t, n2), seL4_IllegalOperation, "binding a second one");
}

static const char *bind_taken_notification(void)
{
    seL4_CPtr t1 = fresh_tcb(), t2 = fresh_tcb(), n = new_notification();

    TRY(expect_ok(seL4_TCB_BindNotification(t1, n), "first bind"));
    return EXPECT_PLAIN_ERROR(seL4_TCB_BindNotification(t2, n), seL4_IllegalOperation,
                              "binding a notification bound to another thread");
}

static const char *bind_unbind_unbound(void)
{
    return EXPECT_PLAIN_ERROR(seL4_TCB_UnbindNotification(fresh_tcb()), seL4_IllegalOperation,
                              "UnbindNotification of an unbound thread");
}

static const char *bind_non_notification(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_PLAIN_ERROR(seL4_TCB_BindNotification(fresh_tcb(), ep), seL4_IllegalOperation,
                              "binding an endpoint");
}

static const char *bind_truncated(void)
{
    return EXPECT_PLAIN_ERROR(keel_invoke(fresh_tcb(), TCBBindNotification, 0, 0), seL4_TruncatedMessage,
                              "BindNotification without a cap");
}

static const char *bind_no_read(void)
{
    seL4_CPtr n = new_notification(), w = copy_cap(n, RIGHTS_W);

    return EXPECT_PLAIN_ERROR(seL4_TCB_BindNotification(fresh_tcb(), w), seL4_IllegalOperation,
                              "binding through a cap without Read");
}

static void wait_on(worker *w)
{
    seL4_Word badge;

    seL4_Wait(w->cap, &badge);
    w->steps++;
}

static const char *bind_with_waiter(void)
{
    seL4_CPtr n = new_notification();
    worker *w = worker_start(0, PRIO_HI, 0, wait_on, n, 0);

    CHECK(w != NULL, "%s", worker_error());
    return EXPECT_PLAIN_ERROR(seL4_TCB_BindNotification(fresh_tcb(), n), seL4_IllegalOperation,
                              "binding a notification a thread waits on");
}

static const char *bind_unbind_stops_wakeups(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification();
    BOUND(w, ep, n, true);

    TRY(expect_ok(seL4_TCB_UnbindNotification(w->tcb), "Unbind"));
    seL4_Signal(n);
    CHECK(w->steps == 0, "a signal after Unbind woke the thread from its Recv");
    return NULL;
}

static void wait_bound(worker *w)
{
    seL4_Word badge = 0;

    seL4_Wait(w->arg, &badge);
    w->r[0] = badge;
    w->steps++;
}

static const char *bind_own_wait(void)
{
    seL4_CPtr n = new_notification();
    worker *w = worker_create(0, PRIO_HI, 0, wait_bound, 0, n);

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_BindNotification(w->tcb, n), "Bind"));
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    CHECK(w->steps == 0, "Wait on the bound notification returned at once");
    seL4_Signal(mint_cap(n, seL4_AllRights, 0x61));
    CHECK(w->steps == 1 && w->r[0] == 0x61, "%lu wake-ups, badge %lx", w->steps, w->r[0]);
    return NULL;
}

static const char *bind_other_wait_faults(void)
{
    seL4_CPtr n = new_notification(), fep, fcap = fault_ep_new(&fep);

    TRY(expect_ok(seL4_TCB_BindNotification(fresh_tcb(), n), "Bind"));
    worker *w = worker_start(0, PRIO_HI, fcap, wait_on, n, 0);
    CHECK(w != NULL, "%s", worker_error());
    return expect_cap_fault(fep, n, 1, seL4_MissingCapability);
}

static const char *bind_delete_notification(void)
{
    seL4_CPtr t = fresh_tcb(), n1 = new_notification(), n2 = new_notification();

    TRY(expect_ok(seL4_TCB_BindNotification(t, n1), "Bind"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, n1, ROOT_DEPTH), "deleting the notification"));
    return expect_ok(seL4_TCB_BindNotification(t, n2), "binding another after the first was deleted");
}

static const char *bind_delete_tcb(void)
{
    seL4_CPtr t1 = fresh_tcb(), t2 = fresh_tcb(), n = new_notification();

    TRY(expect_ok(seL4_TCB_BindNotification(t1, n), "Bind"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, t1, ROOT_DEPTH), "deleting the TCB"));
    return expect_ok(seL4_TCB_BindNotification(t2, n), "binding the notification of a deleted TCB elsewhere");
}

static const char *bind_delete_while_blocked(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification();
    BOUND(w, ep, n, true);

    TRY(expect_ok(seL4_CNode_Delete(ROOT, n, ROOT_DEPTH), "deleting the bound notification"));
    seL4_Send(ep, seL4_MessageInfo_new(0x45, 0, 0, 0));
    CHECK(w->steps == 1 && w->r[1] == 0x45, "the thread's Recv after the deletion: %lu wake-ups, label %lx",
          w->steps, w->r[1]);
    return NULL;
}

static const struct test tests[] = {
    { "BIND0001 a signal wakes a bound thread blocked in Recv with the badge", bind_signal_wakes_recv },
    { "BIND0002 a pending signal is taken by the next Recv on the endpoint", bind_pending_signal },
    { "BIND0003 a pending signal comes before a queued message", bind_signal_before_message },
    { "BIND0004 a bound thread still receives messages on the endpoint", bind_endpoint_still_works },
    { "BIND0005 binding a second notification is IllegalOperation", bind_double },
    { "BIND0006 binding a notification bound elsewhere is IllegalOperation", bind_taken_notification },
    { "BIND0007 UnbindNotification of an unbound thread is IllegalOperation", bind_unbind_unbound },
    { "BIND0008 binding a non-notification is IllegalOperation", bind_non_notification },
    { "BIND0009 BindNotification without a cap is TruncatedMessage", bind_truncated },
    { "BIND0010 binding through a cap without Read is IllegalOperation", bind_no_read },
    { "BIND0011 binding a notification with a waiter is IllegalOperation", bind_with_waiter },
    { "BIND0012 after Unbind a signal no longer wakes the Recv", bind_unbind_stops_wakeups },
    { "BIND0013 the bound thread can Wait on its notification", bind_own_wait },
    { "BIND0014 Wait by another thread on a bound notification is a cap fault", bind_other_wait_faults },
    { "BIND0015 deleting the bound notification unbinds the thread", bind_delete_notification },
    { "BIND0016 deleting the TCB frees its notification for another", bind_delete_tcb },
    { "BIND0017 a Recv survives the deletion of its bound notification", bind_delete_while_blocked },
};

TEST_SUITE_AFTER_EACH(bind_suite, tests, workers_cleanup);
