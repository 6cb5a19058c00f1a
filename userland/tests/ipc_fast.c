/*
 * IPC, the fastpath's edges: the cases the kernel's Call/ReplyRecv fastpath
 * takes (a waiting partner, a short message, no capabilities) and the ones
 * next to them that it must leave to the slow path (a partner that may not
 * run yet, a sender already queued, a long message, a capability, a pending
 * notification). Each checks what the threads saw, so it holds whichever
 * path the kernel took; the suite also runs on a kernel built with
 * -Dfastpath=false, where it shows that both paths agree.
 */
#include "ipc_common.h"
#include "vm.h"

#define BADGE_A 0xa11ul
#define BADGE_B 0xb22ul
#define NTFN_BADGE 0x42ul
#define PRIO_MID 75

/* Answers each Call with label + 1, MR0 = the badge it came with and the
 * other words + 1; r[0] the last label, r[1] length, r[2] badge, r[3..5]
 * MR1..3 as received. */
static void badge_echo(worker *w)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);

    for (;;) {
        seL4_Word len = seL4_MessageInfo_get_length(tag);
        w->r[0] = seL4_MessageInfo_get_label(tag);
        w->r[1] = len;
        w->r[2] = badge;
        for (int i = 1; i < 4; i++) {
            w->r[2 + i] = seL4_GetMR(i);
            seL4_SetMR(i, seL4_GetMR(i) + 1);
        }
        seL4_SetMR(0, badge);
        w->steps++;
        tag = seL4_ReplyRecv(w->cap, seL4_MessageInfo_new(seL4_MessageInfo_get_label(tag) + 1, 0, 0, len), &badge);
    }
}

static const char *fast_call_words_and_badge(void)
{
    seL4_CPtr ep = new_endpoint(), badged = mint_cap(ep, seL4_AllRights, BADGE_A);
    START(w, 0, badge_echo, ep, 0);

    for (int i = 0; i < 4; i++) {
        seL4_SetMR(i, 10 + (seL4_Word)i);
    }
    seL4_MessageInfo_t tag = seL4_Call(badged, msg(7, 4));
    CHECK(w->steps == 1 && w->r[0] == 7 && w->r[1] == 4 && w->r[2] == BADGE_A,
          "server saw steps %lu label %lu length %lu badge %lx", w->steps, w->r[0], w->r[1], w->r[2]);
    CHECK(w->r[3] == 11 && w->r[4] == 12 && w->r[5] == 13, "server saw MR1..3 %lu %lu %lu", w->r[3], w->r[4],
          w->r[5]);
    CHECK(seL4_MessageInfo_get_label(tag) == 8 && seL4_MessageInfo_get_length(tag) == 4 &&
          seL4_MessageInfo_get_extraCaps(tag) == 0,
          "reply label %lu length %lu", (seL4_Word)seL4_MessageInfo_get_label(tag),
          (seL4_Word)seL4_MessageInfo_get_length(tag));
    CHECK(seL4_GetMR(0) == BADGE_A && seL4_GetMR(1) == 12 && seL4_GetMR(3) == 14, "reply MR0 %lx MR1 %lu MR3 %lu",
          seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(3));
    /* A second round trip: the server is back in its ReplyRecv. */
    seL4_SetMR(1, 20);
    tag = seL4_Call(badged, msg(1, 2));
    CHECK(w->steps == 2 && seL4_MessageInfo_get_label(tag) == 2 && seL4_GetMR(1) == 21,
          "second round: steps %lu label %lu MR1 %lu", w->steps, (seL4_Word)seL4_MessageInfo_get_label(tag),
          seL4_GetMR(1));
    return NULL;
}

/* Runs once the root has called: r[0] = worker 0's steps at that moment. */
static void note_server_steps(worker *w)
{
    w->r[0] = workers[0].steps;
    w->steps++;
    seL4_Wait(w->cap, NULL);
}

static const char *fast_call_low_prio_no_switch(void)
{
    seL4_CPtr ep = new_endpoint(), ntfn = new_notification();
    START(srv, 0, echo_server, ep, 0);

    /* The server waits in Recv; now it is less urgent than the root and a
     * ready thread of middle priority, which must run before it. */
    CHECK(seL4_TCB_SetPriority(srv->tcb, seL4_CapInitThreadTCB, PRIO_LO) == seL4_NoError, "SetPriority failed");
    worker *mid = worker_start(1, PRIO_MID, 0, note_server_steps, ntfn, 0);
    CHECK(mid != NULL, "%s", worker_error());
    CHECK(mid->steps == 0, "the middle thread ran before the Call");
    seL4_SetMR(0, 5);
    seL4_MessageInfo_t tag = seL4_Call(ep, msg(3, 1));
    CHECK(mid->steps == 1 && mid->r[0] == 0, "the middle thread ran %lu times, after %lu server steps",
          mid->steps, mid->r[0]);
    CHECK(srv->steps == 1 && seL4_MessageInfo_get_label(tag) == 4 && seL4_GetMR(0) == 6,
          "reply: server steps %lu label %lu MR0 %lu", srv->steps, (seL4_Word)seL4_MessageInfo_get_label(tag),
          seL4_GetMR(0));
    return NULL;
}

static const char *fast_replyrecv_sender_queued(void)
{
    seL4_CPtr ep = new_endpoint(), a = mint_cap(ep, seL4_AllRights, BADGE_A);
    seL4_CPtr b = mint_cap(ep, seL4_AllRights, BADGE_B);
    seL4_Word badge = 0;
    START(wa, 0, caller, a, 1);
    START(wb, 1, caller, b, 1);

    seL4_Recv(ep, &badge);
    CHECK(badge == BADGE_A, "first message from badge %lx", badge);
    /* B is queued: the receive half completes at once, with B's call. */
    seL4_SetMR(0, 0x77);
    seL4_MessageInfo_t tag = seL4_ReplyRecv(ep, msg(9, 1), &badge);
    CHECK(wa->steps == 1 && wa->r[0] == 9 && wa->r[2] == 0x77, "A: steps %lu label %lu MR0 %lx", wa->steps,
          wa->r[0], wa->r[2]);
    CHECK(badge == BADGE_B && seL4_MessageInfo_get_label(tag) == 5 && seL4_GetMR(0) == 1,
          "ReplyRecv took badge %lx label %lu MR0 %lu", badge, (seL4_Word)seL4_MessageInfo_get_label(tag),
          seL4_GetMR(0));
    CHECK(wb->steps == 0, "B got a reply before the root answered");
    seL4_Reply(msg(10, 0));
    CHECK(wb->steps == 1 && wb->r[0] == 10, "B: steps %lu label %lu", wb->steps, wb->r[0]);
    return NULL;
}

static const char *fast_call_long_message(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, echo_server, ep, 0);

    for (int i = 0; i < 8; i++) {
        seL4_SetMR(i, 100 + (seL4_Word)i);
    }
    seL4_MessageInfo_t tag = seL4_Call(ep, msg(1, 8));
    CHECK(seL4_MessageInfo_get_length(tag) == 8 && seL4_GetMR(0) == 101 && seL4_GetMR(5) == 106 &&
          seL4_GetMR(7) == 108,
          "reply length %lu MR0 %lu MR5 %lu MR7 %lu", (seL4_Word)seL4_MessageInfo_get_length(tag), seL4_GetMR(0),
          seL4_GetMR(5), seL4_GetMR(7));
    return NULL;
}

/* Like badge_echo, but takes a capability into root slot w->arg and
 * answers with the number of capabilities that came (r[0] too). */
static void cap_echo(worker *w)
{
    seL4_Word badge;

    seL4_SetCapReceivePath(ROOT, w->arg, ROOT_DEPTH);
    seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);
    for (;;) {
        w->r[0] = seL4_MessageInfo_get_extraCaps(tag);
        w->steps++;
        seL4_SetMR(0, w->r[0]);
        tag = seL4_ReplyRecv(w->cap, msg(1, 1), &badge);
    }
}

static const char *fast_call_with_cap(void)
{
    seL4_CPtr ep = new_endpoint(), gift = new_notification(), dest = slot_alloc();
    START(w, 0, cap_echo, ep, dest);

    seL4_SetCap(0, gift);
    seL4_MessageInfo_t tag = seL4_Call(ep, seL4_MessageInfo_new(0, 0, 1, 0));
    CHECK(w->steps == 1 && w->r[0] == 1, "server: steps %lu extraCaps %lu", w->steps, w->r[0]);
    CHECK(seL4_MessageInfo_get_label(tag) == 1 && seL4_GetMR(0) == 1, "reply label %lu MR0 %lu",
          (seL4_Word)seL4_MessageInfo_get_label(tag), seL4_GetMR(0));
    return expect_type(dest, KEEL_CAP_NOTIFICATION, "the capability the Call carried");
}

/* A server with a bound notification (w->arg, badged) that signals it
 * while it handles a Call of label 1: its next ReplyRecv must come back at
 * once with the signal. r[0] the badge and r[1] the label it returned with. */
static void signalling_server(worker *w)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);

    for (;;) {
        if (seL4_MessageInfo_get_label(tag) == 1) {
            seL4_Signal(w->arg);
        }
        w->steps++;
        tag = seL4_ReplyRecv(w->cap, msg(2, 0), &badge);
        w->r[0] = badge;
        w->r[1] = seL4_MessageInfo_get_label(tag);
    }
}

static const char *fast_replyrecv_bound_signal(void)
{
    seL4_CPtr ep = new_endpoint(), ntfn = new_notification(), sig = mint_cap(ntfn, seL4_AllRights, NTFN_BADGE);
    worker *w = worker_create(0, PRIO_HI, 0, signalling_server, ep, sig);

    CHECK(w != NULL, "%s", worker_error());
    CHECK(seL4_TCB_BindNotification(w->tcb, ntfn) == seL4_NoError, "BindNotification failed");
    CHECK(seL4_TCB_Resume(w->tcb) == seL4_NoError, "Resume failed");
    seL4_MessageInfo_t tag = seL4_Call(ep, msg(1, 0));
    CHECK(seL4_MessageInfo_get_label(tag) == 2, "reply label %lu", (seL4_Word)seL4_MessageInfo_get_label(tag));
    CHECK(w->steps == 2 && w->r[0] == NTFN_BADGE, "server: steps %lu, woke with badge %lx", w->steps, w->r[0]);
    /* The server waits on the endpoint again and answers the next Call. */
    tag = seL4_Call(ep, msg(3, 0));
    CHECK(seL4_MessageInfo_get_label(tag) == 2 && w->steps == 3 && w->r[1] == 3,
          "second call: label %lu steps %lu", (seL4_Word)seL4_MessageInfo_get_label(tag), w->steps);
    return NULL;
}

/* ---- across address spaces ---- */

static volatile seL4_Word far_words[2] = { 0x1234, 0x5678 };

static const char *fast_call_other_space(void)
{
    struct vm_space s;
    seL4_CPtr fep, ep = new_endpoint(), tcap = mint_cap(ep, seL4_AllRights, BADGE_B);
    seL4_Word badge = 0;

    CHECK(ep != 0 && tcap != 0, "no endpoint");
    TRY(vm_space_new(&s));
    /* Its thread reads far_words[0] and Calls; each reply names the next
     * word to read, 0 to stop. */
    vm_thread *t = vm_space_thread(&s, 0, OP_ISOL, (seL4_Word)&far_words[0], tcap, &fep);
    CHECK(t != NULL, "%s", vm_error());
    seL4_MessageInfo_t tag = seL4_Recv(ep, &badge);
    CHECK(badge == BADGE_B && seL4_GetMR(0) == 0x1234, "first Call: badge %lx MR0 %lx", badge, seL4_GetMR(0));
    /* The root waits in ReplyRecv, the thread in the other space Calls it. */
    seL4_SetMR(0, (seL4_Word)&far_words[1]);
    badge = 0;
    tag = seL4_ReplyRecv(ep, msg(0, 1), &badge);
    CHECK(badge == BADGE_B && seL4_MessageInfo_get_length(tag) == 1 && seL4_GetMR(0) == 0x5678,
          "second Call: badge %lx length %lu MR0 %lx", badge, (seL4_Word)seL4_MessageInfo_get_length(tag),
          seL4_GetMR(0));
    CHECK(t->r[1] == 2, "the thread read %lu words", t->r[1]);
    seL4_SetMR(0, 0);
    seL4_Reply(msg(0, 1));
    CHECK(t->done == 1, "the thread did not finish after the last reply");
    return NULL;
}

static const struct test tests[] = {
    { "IPC0053 Call to a waiting server: label, badge and four words each way", fast_call_words_and_badge },
    { "IPC0054 Call to a waiting low-priority server runs a more urgent thread first",
      fast_call_low_prio_no_switch },
    { "IPC0055 ReplyRecv with a sender queued replies and takes its message", fast_replyrecv_sender_queued },
    { "IPC0056 Call with more words than registers goes through the IPC buffer", fast_call_long_message },
    { "IPC0057 Call carrying a capability to a waiting server transfers it", fast_call_with_cap },
    { "IPC0058 ReplyRecv with a signal pending on the bound notification takes it", fast_replyrecv_bound_signal },
    { "IPC0059 Call and ReplyRecv between address spaces keep badge and words", fast_call_other_space },
};

TEST_SUITE_AFTER_EACH(ipc_fast_suite, tests, vm_cleanup);
