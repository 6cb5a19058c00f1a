/*
 * IPC, continued: the rights rules, one-shot reply capabilities, what
 * happens to waiting threads when an endpoint, a TCB or a caller goes away,
 * and bad IPC buffer contents.
 */
#include "ipc_common.h"

/* ---- rights ---- */

static const char *ipc_call_no_write(void)
{
    seL4_CPtr ep = new_endpoint(), r = copy_cap(ep, RIGHTS_R);

    seL4_MessageInfo_t tag = seL4_Call(r, msg(0, 0));
    CHECK(seL4_MessageInfo_get_label(tag) == seL4_InvalidCapability && seL4_GetMR(0) == 0,
          "Call without Write: label %lu MR0 %lu", (seL4_Word)seL4_MessageInfo_get_label(tag), seL4_GetMR(0));
    return NULL;
}

static const char *ipc_send_no_write(void)
{
    seL4_CPtr ep = new_endpoint(), r = copy_cap(ep, RIGHTS_R);
    START(w, 0, receiver, ep, 0);

    seL4_Send(r, msg(0, 0));
    CHECK(w->steps == 0, "a Send without Write was delivered");
    return NULL;
}

static const char *ipc_recv_no_read(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep), ep = new_endpoint(), wr = copy_cap(ep, RIGHTS_W);
    worker *w = worker_start(0, PRIO_HI, fcap, receiver, wr, 0);

    CHECK(w != NULL, "%s", worker_error());
    return expect_cap_fault(fep, wr, 1, seL4_MissingCapability);
}

static const char *ipc_call_no_grant_inactive(void)
{
    seL4_CPtr ep = new_endpoint(), rw = copy_cap(ep, RIGHTS_RW);
    seL4_Word badge;
    START(w, 0, caller, rw, 0);

    seL4_NBRecv(ep, &badge);
    seL4_Reply(msg(1, 0));
    CHECK(w->steps == 0, "a caller without Grant/GrantReply got a reply");
    return NULL;
}

/* seL4 leaves a Call without Grant or GrantReply Inactive at its Call
 * instruction: a Resume makes it call again (the server gets a second
 * message; the caller still never got an answer). The caller here blocks
 * in its Call before the root receives (ep_receive's side). */
static const char *ipc_call_no_grant_resume_calls_again(void)
{
    seL4_CPtr ep = new_endpoint(), rw = copy_cap(ep, RIGHTS_RW);
    seL4_Word badge = 0;
    START(w, 0, caller, rw, 0x77);

    seL4_MessageInfo_t tag = seL4_NBRecv(ep, &badge);
    CHECK_TAG(tag, 5, 1, "the first Call");
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume of the inactive caller"));
    tag = seL4_NBRecv(ep, &badge);
    CHECK(seL4_MessageInfo_get_label(tag) == 5 && seL4_GetMR(0) == 0x77 && w->steps == 0,
          "after Resume: label %lu MR0 %lx steps %lu (the Call was not executed again)",
          (seL4_Word)seL4_MessageInfo_get_label(tag), seL4_GetMR(0), w->steps);
    return NULL;
}

/* The same with the root waiting first (ep_send's side: the caller is the
 * running thread), and Suspend before Resume. */
static const char *ipc_call_no_grant_suspend_resume(void)
{
    seL4_CPtr ep = new_endpoint(), rw = copy_cap(ep, RIGHTS_RW);
    seL4_Word badge = 0;
    worker *w = worker_start(0, PRIO_LO, 0, caller, rw, 0x78);

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(root_priority(PRIO_LO - 1), "lowering the root"));
    seL4_MessageInfo_t tag = seL4_Recv(ep, &badge);
    CHECK_TAG(tag, 5, 1, "the first Call");
    TRY(expect_ok(seL4_TCB_Suspend(w->tcb), "Suspend of the inactive caller"));
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    tag = seL4_Recv(ep, &badge);
    CHECK(seL4_MessageInfo_get_label(tag) == 5 && seL4_GetMR(0) == 0x78 && w->steps == 0,
          "after Suspend and Resume: label %lu MR0 %lx steps %lu",
          (seL4_Word)seL4_MessageInfo_get_label(tag), seL4_GetMR(0), w->steps);
    return NULL;
}

static const char *ipc_call_no_grant_no_reply_cap(void)
{
    seL4_CPtr ep = new_endpoint(), rw = copy_cap(ep, RIGHTS_RW), s = slot_alloc();
    seL4_Word badge;
    START(w, 0, caller, rw, 0);

    seL4_NBRecv(ep, &badge);
    seL4_CNode_SaveCaller(ROOT, s, ROOT_DEPTH);
    return expect_type(s, KEEL_CAP_NULL, "SaveCaller after a Call without Grant");
}

static const char *ipc_call_grant_reply(void)
{
    seL4_CPtr ep = new_endpoint(), gr = copy_cap(ep, RIGHTS_RWGR);
    seL4_Word badge;
    START(w, 0, caller, gr, 0);

    seL4_NBRecv(ep, &badge);
    seL4_SetMR(0, 0x99);
    seL4_Reply(msg(3, 1));
    CHECK(w->steps == 1 && w->r[0] == 3 && w->r[2] == 0x99, "steps %lu label %lu MR0 %lx", w->steps, w->r[0],
          w->r[2]);
    return NULL;
}

/* ---- reply capabilities ---- */

static const char *ipc_second_reply_nothing(void)
{
    seL4_CPtr ep = new_endpoint();
    seL4_Word badge;
    START(w, 0, caller, ep, 2);

    seL4_NBRecv(ep, &badge);
    seL4_Reply(msg(1, 0));
    CHECK(w->steps == 1, "first reply: %lu replies", w->steps);
    seL4_Reply(msg(2, 0));
    CHECK(w->steps == 1, "a second Reply reached the caller's next call (%lu replies)", w->steps);
    return NULL;
}

static const char *ipc_savecaller_moves(void)
{
    seL4_CPtr ep = new_endpoint(), s = slot_alloc();
    seL4_Word badge;
    START(w, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    TRY(expect_ok(seL4_CNode_SaveCaller(ROOT, s, ROOT_DEPTH), "SaveCaller"));
    return expect_type(s, KEEL_CAP_REPLY, "the SaveCaller slot");
}

static const char *ipc_send_on_saved_reply(void)
{
    seL4_CPtr ep = new_endpoint(), s = slot_alloc();
    seL4_Word badge;
    START(w, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    TRY(expect_ok(seL4_CNode_SaveCaller(ROOT, s, ROOT_DEPTH), "SaveCaller"));
    seL4_SetMR(0, 0xabc);
    seL4_Send(s, msg(9, 1));
    CHECK(w->steps == 1 && w->r[0] == 9 && w->r[2] == 0xabc, "steps %lu label %lu MR0 %lx", w->steps, w->r[0],
          w->r[2]);
    return NULL;
}

static const char *ipc_reply_after_savecaller(void)
{
    seL4_CPtr ep = new_endpoint(), s = slot_alloc();
    seL4_Word badge;
    START(w, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    TRY(expect_ok(seL4_CNode_SaveCaller(ROOT, s, ROOT_DEPTH), "SaveCaller"));
    seL4_Reply(msg(4, 0));
    CHECK(w->steps == 0, "seL4_Reply replied although SaveCaller had moved the reply cap");
    return NULL;
}

static const char *ipc_used_reply_cap_gone(void)
{
    seL4_CPtr ep = new_endpoint(), s = slot_alloc();
    seL4_Word badge;
    START(w, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    TRY(expect_ok(seL4_CNode_SaveCaller(ROOT, s, ROOT_DEPTH), "SaveCaller"));
    seL4_Send(s, msg(9, 0));
    return expect_type(s, KEEL_CAP_NULL, "the reply cap's slot after the reply");
}

static const char *ipc_replyrecv_loop(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, echo_server, ep, 0);

    for (seL4_Word i = 0; i < 5; i++) {
        seL4_SetMR(0, 100 * i);
        seL4_MessageInfo_t tag = seL4_Call(ep, msg(i, 1));
        CHECK(seL4_MessageInfo_get_label(tag) == i + 1 && seL4_GetMR(0) == 100 * i + 1, "call %lu: label %lu MR0 %lu",
              i, (seL4_Word)seL4_MessageInfo_get_label(tag), seL4_GetMR(0));
    }
    CHECK(w->steps == 5, "the server answered %lu calls", w->steps);
    return NULL;
}

static const char *ipc_recv_drops_reply_cap(void)
{
    seL4_CPtr ep = new_endpoint();
    seL4_Word badge;
    START(w, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    seL4_NBRecv(ep, &badge);    /* a new receive drops the unused reply cap */
    seL4_Reply(msg(1, 0));
    CHECK(w->steps == 0, "the caller got a reply through a reply cap of an earlier receive");
    return NULL;
}

/* ---- teardown while busy ---- */

static const char *ipc_delete_ep_sender(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, sender, ep, 1);

    TRY(expect_ok(seL4_CNode_Delete(ROOT, ep, ROOT_DEPTH), "deleting the endpoint"));
    CHECK(w->r[0] == 1 && w->done, "the queued sender did not continue (Send on an empty slot is an error)");
    return NULL;
}

static const char *ipc_delete_ep_caller(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, caller, ep, 0);

    TRY(expect_ok(seL4_CNode_Delete(ROOT, ep, ROOT_DEPTH), "deleting the endpoint"));
    CHECK(w->steps == 1 && w->r[0] == seL4_InvalidCapability, "the restarted Call got %lu answers, label %lu",
          w->steps, w->r[0]);
    return NULL;
}

static const char *ipc_delete_ep_receiver(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep), ep = new_endpoint();
    worker *w = worker_start(0, PRIO_HI, fcap, receiver, ep, 0);

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_CNode_Delete(ROOT, ep, ROOT_DEPTH), "deleting the endpoint"));
    return expect_cap_fault(fep, ep, 1, seL4_MissingCapability);
}

static const char *ipc_revoke_ut_receiver(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep), ut = ut_alloc(12), ep = slot_alloc();

    CHECK(ut != 0 && ep != 0, "no Untyped");
    TRY(expect_ok(retype_one(ut, seL4_EndpointObject, 0, ep), "retype"));
    worker *w = worker_start(0, PRIO_HI, fcap, receiver, ep, 0);
    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "revoking the Untyped"));
    return expect_cap_fault(fep, ep, 1, seL4_MissingCapability);
}

static const char *ipc_delete_blocked_sender_tcb(void)
{
    seL4_CPtr ep = new_endpoint(), b1 = mint_cap(ep, seL4_AllRights, 1), b2 = mint_cap(ep, seL4_AllRights, 2);
    seL4_Word badge = 0;
    START(a, 0, sender, b1, 1);
    START(b, 1, sender, b2, 2);

    TRY(expect_ok(seL4_CNode_Delete(ROOT, a->tcb, ROOT_DEPTH), "deleting the first sender"));
    seL4_NBRecv(ep, &badge);
    CHECK(badge == 2, "after deleting sender 1 the message came with badge %lu", badge);
    return NULL;
}

static const char *ipc_delete_blocked_receiver_tcb(void)
{
    seL4_CPtr ep = new_endpoint();
    START(a, 0, receiver, ep, 0);
    START(b, 1, receiver, ep, 0);

    TRY(expect_ok(seL4_CNode_Delete(ROOT, a->tcb, ROOT_DEPTH), "deleting the first receiver"));
    seL4_Send(ep, msg(0, 0));
    CHECK(b->steps == 1, "the second receiver got %lu messages", b->steps);
    return NULL;
}

static const char *ipc_delete_caller_reply_cap(void)
{
    seL4_CPtr ep = new_endpoint(), s = slot_alloc();
    seL4_Word badge;
    START(w, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    TRY(expect_ok(seL4_CNode_SaveCaller(ROOT, s, ROOT_DEPTH), "SaveCaller"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, w->tcb, ROOT_DEPTH), "deleting the caller"));
    return expect_type(s, KEEL_CAP_NULL, "the saved reply cap of a deleted caller");
}

static const char *ipc_reply_to_deleted_caller(void)
{
    seL4_CPtr ep = new_endpoint();
    seL4_Word badge;
    START(a, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    TRY(expect_ok(seL4_CNode_Delete(ROOT, a->tcb, ROOT_DEPTH), "deleting the caller"));
    seL4_Reply(msg(1, 0));
    START(b, 1, caller, ep, 0);
    seL4_NBRecv(ep, &badge);
    seL4_Reply(msg(6, 0));
    CHECK(b->steps == 1 && b->r[0] == 6, "the next caller got %lu replies, label %lu", b->steps, b->r[0]);
    return NULL;
}

static const char *ipc_suspend_caller(void)
{
    seL4_CPtr ep = new_endpoint(), s = slot_alloc();
    seL4_Word badge;
    START(w, 0, caller, ep, 0);

    seL4_NBRecv(ep, &badge);
    TRY(expect_ok(seL4_CNode_SaveCaller(ROOT, s, ROOT_DEPTH), "SaveCaller"));
    TRY(expect_ok(seL4_TCB_Suspend(w->tcb), "suspending the caller"));
    return expect_type(s, KEEL_CAP_NULL, "the saved reply cap of a suspended caller");
}

static const char *ipc_cancel_badged_sends(void)
{
    seL4_CPtr ep = new_endpoint(), b1 = mint_cap(ep, seL4_AllRights, 1), b2 = mint_cap(ep, seL4_AllRights, 2);
    seL4_Word first = 0, second = 0;
    START(a, 0, sender, b1, 1);
    START(b, 1, sender, b2, 2);

    TRY(expect_ok(seL4_CNode_CancelBadgedSends(ROOT, b1, ROOT_DEPTH), "CancelBadgedSends"));
    seL4_NBRecv(ep, &first);
    seL4_NBRecv(ep, &second);
    CHECK(first == 2 && second == 1, "after cancelling badge 1 the messages came as %lu, %lu (the cancelled "
          "sender re-sends behind the other)", first, second);
    return NULL;
}

/* ---- bad IPC buffer contents ---- */

static void bad_cap_sender(worker *w)
{
    seL4_SetCap(0, BAD_CPTR);
    seL4_SetCap(1, BAD_CPTR);
    seL4_SetCap(2, BAD_CPTR);
    if (w->arg) {
        seL4_NBSend(w->cap, seL4_MessageInfo_new(0, 0, 3, 0));
    } else {
        seL4_Send(w->cap, seL4_MessageInfo_new(0, 0, 3, 0));
    }
    w->r[0] = 1;
}

static const char *ipc_send_bad_extra_cap(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep), ep = new_endpoint();
    worker *w = worker_start(0, PRIO_HI, fcap, bad_cap_sender, ep, 0);

    CHECK(w != NULL, "%s", worker_error());
    return expect_cap_fault(fep, BAD_CPTR, 0, seL4_GuardMismatch);
}

static const char *ipc_nbsend_bad_extra_cap(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep), ep = new_endpoint();
    seL4_Word badge = 0;
    worker *w = worker_start(0, PRIO_HI, fcap, bad_cap_sender, ep, 1);

    CHECK(w != NULL, "%s", worker_error());
    seL4_NBRecv(fep, &badge);
    CHECK(badge == 0, "NBSend with a bad extra cap raised a fault (seL4 faults only blocking calls)");
    CHECK(w->r[0] == 1, "the NBSend did not return");
    return NULL;
}

/* Worker 0's thread, with no IPC buffer as the kernel sees it. */
static void long_sender(worker *w)
{
    for (int i = 0; i < 10; i++) {
        seL4_SetMR(i, 0x100 + (seL4_Word)i);
    }
    seL4_Send(w->cap, msg(1, 10));
    w->r[0] = 1;
}

static const char *ipc_no_buffer_sender(void)
{
    seL4_CPtr ep = new_endpoint();
    seL4_Word badge = 0;
    worker *w = worker_create(0, PRIO_HI, 0, long_sender, ep, 0);

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_SetIPCBuffer(w->tcb, 0, keel_image_frame_cap(w->ipc)), "SetIPCBuffer 0"));
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    seL4_MessageInfo_t tag = seL4_NBRecv(ep, &badge);
    const seL4_Word regs = seL4_FastMessageRegisters, last = regs - 1;
    CHECK(seL4_MessageInfo_get_length(tag) == regs && seL4_GetMR(last) == 0x100 + last,
          "a 10-word message from a thread without IPC buffer arrived with length %lu, MR%lu %lx",
          (seL4_Word)seL4_MessageInfo_get_length(tag), last, seL4_GetMR(last));
    return NULL;
}

static const struct test tests[] = {
    { "IPC0027 Call on an endpoint without Write is InvalidCapability 0", ipc_call_no_write },
    { "IPC0028 Send on an endpoint without Write delivers nothing", ipc_send_no_write },
    { "IPC0029 Recv on an endpoint without Read is a capability fault", ipc_recv_no_read },
    { "IPC0030 Call without Grant or GrantReply: the caller gets no reply", ipc_call_no_grant_inactive },
    { "IPC0031 Call without Grant or GrantReply gives the server no reply cap", ipc_call_no_grant_no_reply_cap },
    { "IPC0032 Call with GrantReply only gets its reply", ipc_call_grant_reply },
    { "IPC0033 a second Reply does nothing", ipc_second_reply_nothing },
    { "IPC0034 SaveCaller moves the reply cap into a slot", ipc_savecaller_moves },
    { "IPC0035 Send on a saved reply cap replies", ipc_send_on_saved_reply },
    { "IPC0036 seL4_Reply after SaveCaller does nothing", ipc_reply_after_savecaller },
    { "IPC0037 a used reply cap is gone", ipc_used_reply_cap_gone },
    { "IPC0038 ReplyRecv answers one call and takes the next", ipc_replyrecv_loop },
    { "IPC0039 a new receive drops an unused reply cap", ipc_recv_drops_reply_cap },
    { "IPC0040 deleting an endpoint restarts a queued sender", ipc_delete_ep_sender },
    { "IPC0041 deleting an endpoint restarts a queued caller: InvalidCapability", ipc_delete_ep_caller },
    { "IPC0042 deleting an endpoint restarts a receiver into a cap fault", ipc_delete_ep_receiver },
    { "IPC0043 revoking an endpoint's Untyped restarts its receiver", ipc_revoke_ut_receiver },
    { "IPC0044 deleting a TCB blocked in Send takes it off the queue", ipc_delete_blocked_sender_tcb },
    { "IPC0045 deleting a TCB blocked in Recv takes it off the queue", ipc_delete_blocked_receiver_tcb },
    { "IPC0046 deleting a caller deletes the reply cap the server holds", ipc_delete_caller_reply_cap },
    { "IPC0047 Reply to a deleted caller does nothing; the next call works", ipc_reply_to_deleted_caller },
    { "IPC0048 suspending a caller deletes the reply cap the server holds", ipc_suspend_caller },
    { "IPC0049 CancelBadgedSends restarts only the senders with the badge", ipc_cancel_badged_sends },
    { "IPC0050 Send with a bad extra cap is a cap fault", ipc_send_bad_extra_cap },
    { "IPC0051 NBSend with a bad extra cap returns without a fault", ipc_nbsend_bad_extra_cap },
    { "IPC0052 a sender without IPC buffer delivers only the register words", ipc_no_buffer_sender },
    { "IPC0063 Resume of a caller left inactive by a Call without Grant makes it call again",
      ipc_call_no_grant_resume_calls_again },
    { "IPC0064 the same after Suspend, with the server waiting first", ipc_call_no_grant_suspend_resume },
};

TEST_SUITE_AFTER_EACH(ipc_more_suite, tests, workers_cleanup);
