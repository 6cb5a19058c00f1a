/*
 * IPC: Send, NBSend, Recv, NBRecv, Call, Reply, ReplyRecv through
 * endpoints. Message contents and lengths (MR0-3 travel in registers, the
 * rest in the IPC buffer), badges, queue order, capability transfer and
 * unwrapping, the rights rules, one-shot reply capabilities, and what
 * happens to waiting threads when an endpoint, a TCB or a caller goes away.
 *
 * The workers run at PRIO_HI (workers.h): each has reached its next wait
 * when the root continues, so the root looks at results directly.
 */
#include "workers.h"

#define SENTINEL 0x5e5e5e5eul

/* What worker 0's receiver saw of the last message, word by word. */
static seL4_Word seen[seL4_MsgMaxLength];

/* r[0] label, r[1] length, r[2] badge, r[3] extraCaps, r[4] capsUnwrapped,
 * r[5] MR0, r[6..7] MR5..6 (pre-set to SENTINEL), r[8] caps_or_badges[0]. */
static void record(worker *w, seL4_MessageInfo_t tag, seL4_Word badge)
{
    seL4_Word len = seL4_MessageInfo_get_length(tag);

    w->r[0] = seL4_MessageInfo_get_label(tag);
    w->r[1] = len;
    w->r[2] = badge;
    w->r[3] = seL4_MessageInfo_get_extraCaps(tag);
    w->r[4] = seL4_MessageInfo_get_capsUnwrapped(tag);
    w->r[5] = seL4_GetMR(0);
    w->r[6] = seL4_GetMR(5);
    w->r[7] = seL4_GetMR(6);
    w->r[8] = seL4_GetBadge(0);
    if (w == &workers[0]) {
        for (seL4_Word i = 0; i < len && i < seL4_MsgMaxLength; i++) {
            seen[i] = seL4_GetMR((int)i);
        }
    }
    w->steps++;
}

/* Receive on w->cap forever; a capability goes to root slot w->arg (if set). */
static void receiver(worker *w)
{
    seL4_Word badge;

    for (;;) {
        for (int i = 4; i < 10; i++) {
            seL4_SetMR(i, SENTINEL);
        }
        if (w->arg != 0) {
            seL4_SetCapReceivePath(ROOT, w->arg, ROOT_DEPTH);
        }
        badge = 0;
        seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);
        record(w, tag, badge);
    }
}

/* One Send of label arg, MR0 arg; r[0] = 1 once it returned. */
static void sender(worker *w)
{
    seL4_SetMR(0, w->arg);
    seL4_Send(w->cap, seL4_MessageInfo_new(w->arg, 0, 0, 1));
    w->r[0] = 1;
}

/* arg Calls (at least one) of label 5, MR0 = arg; after each, r[0] the
 * reply's label, r[1] its length, r[2] its MR0, and steps counts them. */
static void caller(worker *w)
{
    seL4_Word n = w->arg ? w->arg : 1;

    for (seL4_Word i = 0; i < n; i++) {
        seL4_SetMR(0, w->arg);
        seL4_MessageInfo_t tag = seL4_Call(w->cap, seL4_MessageInfo_new(5, 0, 0, 1));
        w->r[0] = seL4_MessageInfo_get_label(tag);
        w->r[1] = seL4_MessageInfo_get_length(tag);
        w->r[2] = seL4_GetMR(0);
        w->steps++;
    }
}

/* A server: answers every call with label + 1 and each word + 1. */
static void echo_server(worker *w)
{
    seL4_Word badge;
    seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);

    for (;;) {
        seL4_Word len = seL4_MessageInfo_get_length(tag);
        for (seL4_Word i = 0; i < len; i++) {
            seL4_SetMR((int)i, seL4_GetMR((int)i) + 1);
        }
        w->steps++;
        tag = seL4_ReplyRecv(w->cap, seL4_MessageInfo_new(seL4_MessageInfo_get_label(tag) + 1, 0, 0, len), &badge);
    }
}

static seL4_MessageInfo_t msg(seL4_Word label, seL4_Word len)
{
    return seL4_MessageInfo_new(label, 0, 0, len);
}

#define START(w, i, fn, cap, arg)                                       \
    worker *w = worker_start((i), PRIO_HI, 0, (fn), (cap), (arg));      \
    CHECK(w != NULL, "%s", worker_error())

/* ---- basic message passing ---- */

static const char *ipc_call_reply(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, echo_server, ep, 0);

    seL4_SetMR(0, 41);
    seL4_MessageInfo_t tag = seL4_Call(ep, msg(7, 1));
    CHECK_TAG(tag, 8, 1, "the reply");
    CHECK(seL4_GetMR(0) == 42, "reply MR0 %lu, want 42", seL4_GetMR(0));
    return NULL;
}

static const char *ipc_send_to_receiver(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, receiver, ep, 0);

    seL4_SetMR(0, 0x33);
    seL4_Send(ep, msg(3, 1));
    CHECK(w->steps == 1, "the receiver got %lu messages", w->steps);
    CHECK(w->r[0] == 3 && w->r[1] == 1 && w->r[5] == 0x33, "label %lu length %lu MR0 %lx", w->r[0], w->r[1],
          w->r[5]);
    return NULL;
}

static const char *ipc_send_blocks(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, sender, ep, 0x44);

    CHECK(w->r[0] == 0, "Send with no receiver returned");
    return NULL;
}

static const char *ipc_recv_takes_queued(void)
{
    seL4_CPtr ep = new_endpoint(), b = mint_cap(ep, seL4_AllRights, 9);
    seL4_Word badge = 0;
    START(w, 0, sender, b, 0x44);

    seL4_MessageInfo_t tag = seL4_Recv(ep, &badge);
    CHECK(badge == 9, "badge %lu, want 9", badge);
    CHECK_TAG(tag, 0x44, 1, "the queued message");
    CHECK(seL4_GetMR(0) == 0x44, "MR0 %lx", seL4_GetMR(0));
    CHECK(w->r[0] == 1, "the sender did not continue after the Recv");
    return NULL;
}

static const char *ipc_nbsend_dropped(void)
{
    seL4_CPtr ep = new_endpoint();

    seL4_SetMR(0, 1);
    seL4_NBSend(ep, msg(1, 1));
    START(w, 0, receiver, ep, 0);
    CHECK(w->steps == 0, "a receiver that came later got the NBSend message");
    return NULL;
}

static const char *ipc_nbsend_delivers(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, receiver, ep, 0);

    seL4_SetMR(0, 0x55);
    seL4_NBSend(ep, msg(2, 1));
    CHECK(w->steps == 1 && w->r[5] == 0x55, "steps %lu MR0 %lx", w->steps, w->r[5]);
    return NULL;
}

static const char *ipc_nbrecv_empty(void)
{
    seL4_CPtr ep = new_endpoint();
    seL4_Word badge = 99;

    seL4_NBRecv(ep, &badge);
    CHECK(badge == 0, "NBRecv with nothing pending gave badge %lu", badge);
    return NULL;
}

static const char *ipc_nbrecv_queued(void)
{
    seL4_CPtr ep = new_endpoint(), b = mint_cap(ep, seL4_AllRights, 0x21);
    seL4_Word badge = 0;
    START(w, 0, sender, b, 0x66);

    seL4_MessageInfo_t tag = seL4_NBRecv(ep, &badge);
    CHECK(badge == 0x21 && seL4_MessageInfo_get_label(tag) == 0x66, "badge %lx label %lx", badge,
          (seL4_Word)seL4_MessageInfo_get_label(tag));
    return NULL;
}

static const char *ipc_senders_fifo(void)
{
    seL4_CPtr ep = new_endpoint();
    seL4_Word badge;

    for (int i = 0; i < 3; i++) {
        seL4_CPtr b = mint_cap(ep, seL4_AllRights, (seL4_Word)i + 1);
        START(w, i, sender, b, (seL4_Word)i + 1);
    }
    for (seL4_Word i = 1; i <= 3; i++) {
        badge = 0;
        seL4_NBRecv(ep, &badge);
        CHECK(badge == i, "message %lu came from sender %lu", i, badge);
    }
    return NULL;
}

static const char *ipc_receivers_fifo(void)
{
    seL4_CPtr ep = new_endpoint();
    START(a, 0, receiver, ep, 0);
    START(b, 1, receiver, ep, 0);

    seL4_SetMR(0, 1);
    seL4_Send(ep, msg(0, 1));
    CHECK(a->steps == 1 && b->steps == 0, "first message: receivers got %lu and %lu", a->steps, b->steps);
    seL4_SetMR(0, 2);
    seL4_Send(ep, msg(0, 1));
    CHECK(b->steps == 1 && b->r[5] == 2, "second message: the second receiver got %lu (MR0 %lu)", b->steps,
          b->r[5]);
    return NULL;
}

static const char *ipc_badge_arrives(void)
{
    seL4_CPtr ep = new_endpoint(), b = mint_cap(ep, seL4_AllRights, 0x1234);
    START(w, 0, receiver, ep, 0);

    seL4_Send(b, msg(0, 0));
    CHECK(w->steps == 1 && w->r[2] == 0x1234, "steps %lu badge %lx", w->steps, w->r[2]);
    return NULL;
}

static const char *ipc_unbadged_zero(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, receiver, ep, 0);

    seL4_Send(ep, msg(0x12, 0));
    CHECK(w->steps == 1 && w->r[2] == 0 && w->r[0] == 0x12, "steps %lu badge %lx label %lx", w->steps, w->r[2],
          w->r[0]);
    return NULL;
}

static const char *ipc_big_label(void)
{
    seL4_CPtr ep = new_endpoint();
    seL4_Word label = (1ul << 51) | 0x5a5;
    START(w, 0, receiver, ep, 0);

    seL4_Send(ep, msg(label, 0));
    CHECK(w->r[0] == label, "label %lx, want %lx", w->r[0], label);
    return NULL;
}

/* ---- lengths ---- */

static seL4_Word word(seL4_Word len, seL4_Word i)
{
    return (len << 32) ^ (i * 0x9e3779b1ul) ^ 0xc0de;
}

static const char *ipc_length_zero(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, receiver, ep, 0);

    seL4_Send(ep, msg(0x77, 0));
    CHECK(w->steps == 1 && w->r[0] == 0x77 && w->r[1] == 0, "steps %lu label %lx length %lu", w->steps, w->r[0],
          w->r[1]);
    return NULL;
}

static const char *ipc_every_length(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, receiver, ep, 0);

    for (seL4_Word len = 0; len <= seL4_MsgMaxLength; len++) {
        for (seL4_Word i = 0; i < len; i++) {
            seL4_SetMR((int)i, word(len, i));
        }
        seL4_Send(ep, msg(len, len));
        CHECK(w->steps == len + 1 && w->r[1] == len, "length %lu arrived as %lu", len, w->r[1]);
        for (seL4_Word i = 0; i < len; i++) {
            CHECK(seen[i] == word(len, i), "length %lu: MR%lu is %lx, want %lx", len, i, seen[i], word(len, i));
        }
    }
    return NULL;
}

static const char *ipc_call_reply_120(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, echo_server, ep, 0);

    for (seL4_Word i = 0; i < seL4_MsgMaxLength; i++) {
        seL4_SetMR((int)i, word(7, i));
    }
    seL4_MessageInfo_t tag = seL4_Call(ep, msg(1, seL4_MsgMaxLength));
    CHECK_TAG(tag, 2, seL4_MsgMaxLength, "the reply");
    for (seL4_Word i = 0; i < seL4_MsgMaxLength; i++) {
        CHECK(seL4_GetMR((int)i) == word(7, i) + 1, "reply MR%lu is %lx, want %lx", i, seL4_GetMR((int)i),
              word(7, i) + 1);
    }
    return NULL;
}

static const char *ipc_length_truncated(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, receiver, ep, 0);

    seL4_Send(ep, msg(0, 127));
    CHECK(w->steps == 1 && w->r[1] == seL4_MsgMaxLength, "length 127 arrived as %lu", w->r[1]);
    return NULL;
}

static const char *ipc_beyond_length_untouched(void)
{
    seL4_CPtr ep = new_endpoint();
    START(w, 0, receiver, ep, 0);

    for (int i = 0; i < 10; i++) {
        seL4_SetMR(i, 0x1000 + (seL4_Word)i);
    }
    seL4_Send(ep, msg(0, 6));
    CHECK(w->r[6] == 0x1005, "MR5 (the last word) is %lx", w->r[6]);
    CHECK(w->r[7] == SENTINEL, "MR6 (beyond the length) became %lx", w->r[7]);
    return NULL;
}

/* ---- capability transfer ---- */

static const char *send_one_cap(seL4_CPtr ep, seL4_CPtr cap)
{
    seL4_SetCap(0, cap);
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 1, 0));
    return NULL;
}

static const char *ipc_grant_transfers(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification(), dest = slot_alloc();
    START(w, 0, receiver, ep, dest);

    send_one_cap(ep, n);
    CHECK(w->steps == 1 && w->r[3] == 1 && w->r[4] == 0, "steps %lu extraCaps %lu capsUnwrapped %lx", w->steps,
          w->r[3], w->r[4]);
    return expect_type(dest, KEEL_CAP_NOTIFICATION, "the receive slot");
}

static const char *ipc_granted_cap_works(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification(), nb = mint_cap(n, seL4_AllRights, 0x40);
    seL4_CPtr dest = slot_alloc();
    seL4_Word badge = 0;
    START(w, 0, receiver, ep, dest);

    send_one_cap(ep, nb);
    seL4_Signal(dest);
    seL4_Poll(n, &badge);
    CHECK(badge == 0x40, "a signal through the received cap gave badge %lx", badge);
    return NULL;
}

static const char *ipc_no_grant_no_cap(void)
{
    seL4_CPtr ep = new_endpoint(), rw = copy_cap(ep, RIGHTS_RW), n = new_notification(), dest = slot_alloc();
    START(w, 0, receiver, ep, dest);

    send_one_cap(rw, n);
    CHECK(w->steps == 1 && w->r[3] == 0, "steps %lu extraCaps %lu", w->steps, w->r[3]);
    return expect_type(dest, KEEL_CAP_NULL, "the receive slot");
}

static const char *ipc_unwrap_badge(void)
{
    seL4_CPtr ep = new_endpoint(), b = mint_cap(ep, seL4_AllRights, 0x77), dest = slot_alloc();
    START(w, 0, receiver, ep, dest);

    send_one_cap(ep, b);
    CHECK(w->r[3] == 1 && w->r[4] == 1 && w->r[8] == 0x77, "extraCaps %lu capsUnwrapped %lx badge[0] %lx", w->r[3],
          w->r[4], w->r[8]);
    return expect_type(dest, KEEL_CAP_NULL, "the receive slot after unwrapping");
}

static const char *ipc_unwrap_then_cap(void)
{
    seL4_CPtr ep = new_endpoint(), b = mint_cap(ep, seL4_AllRights, 0x78), n = new_notification();
    seL4_CPtr dest = slot_alloc();
    START(w, 0, receiver, ep, dest);

    seL4_SetCap(0, b);
    seL4_SetCap(1, n);
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 2, 0));
    CHECK(w->r[3] == 2 && w->r[4] == 1, "extraCaps %lu capsUnwrapped %lx", w->r[3], w->r[4]);
    return expect_type(dest, KEEL_CAP_NOTIFICATION, "the receive slot");
}

static const char *ipc_slot_occupied(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification(), dest = copy_cap(ep, seL4_AllRights);
    START(w, 0, receiver, ep, dest);

    send_one_cap(ep, n);
    CHECK(w->steps == 1 && w->r[3] == 0, "steps %lu extraCaps %lu", w->steps, w->r[3]);
    return expect_type(dest, KEEL_CAP_ENDPOINT, "the occupied receive slot");
}

static const char *ipc_sender_keeps_cap(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification(), dest = slot_alloc();
    START(w, 0, receiver, ep, dest);

    send_one_cap(ep, n);
    return expect_type(n, KEEL_CAP_NOTIFICATION, "the sender's slot");
}

/* A receive path that names no slot: depth 200. */
static void bad_path_receiver(worker *w)
{
    seL4_Word badge;

    seL4_SetCapReceivePath(ROOT, w->arg, 200);
    seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);
    record(w, tag, badge);
    seL4_SetCapReceivePath(BAD_CPTR, w->arg, ROOT_DEPTH);
    tag = seL4_Recv(w->cap, &badge);
    record(w, tag, badge);
}

static const char *ipc_bad_receive_path(void)
{
    seL4_CPtr ep = new_endpoint(), n = new_notification(), dest = slot_alloc();
    START(w, 0, bad_path_receiver, ep, dest);

    send_one_cap(ep, n);
    CHECK(w->steps == 1 && w->r[3] == 0, "depth 200: steps %lu extraCaps %lu", w->steps, w->r[3]);
    send_one_cap(ep, n);
    CHECK(w->steps == 2 && w->r[3] == 0, "bad receive CNode: steps %lu extraCaps %lu", w->steps, w->r[3]);
    return expect_type(dest, KEEL_CAP_NULL, "the receive slot");
}

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
    CHECK(seL4_MessageInfo_get_length(tag) == 4 && seL4_GetMR(3) == 0x103,
          "a 10-word message from a thread without IPC buffer arrived with length %lu, MR3 %lx",
          (seL4_Word)seL4_MessageInfo_get_length(tag), seL4_GetMR(3));
    return NULL;
}

static const struct test tests[] = {
    { "IPC0001 Call delivers the message and the reply", ipc_call_reply },
    { "IPC0002 Send to a waiting receiver delivers label, length and MR0", ipc_send_to_receiver },
    { "IPC0003 Send with no receiver blocks the sender", ipc_send_blocks },
    { "IPC0004 Recv takes a queued message with its badge and frees the sender", ipc_recv_takes_queued },
    { "IPC0005 NBSend with no receiver drops the message", ipc_nbsend_dropped },
    { "IPC0006 NBSend to a waiting receiver delivers", ipc_nbsend_delivers },
    { "IPC0007 NBRecv with nothing pending returns badge 0", ipc_nbrecv_empty },
    { "IPC0008 NBRecv takes a queued message", ipc_nbrecv_queued },
    { "IPC0009 queued senders are received in FIFO order", ipc_senders_fifo },
    { "IPC0010 queued receivers are served in FIFO order", ipc_receivers_fifo },
    { "IPC0011 a minted badge arrives with the message", ipc_badge_arrives },
    { "IPC0012 an unbadged capability delivers badge 0", ipc_unbadged_zero },
    { "IPC0013 a 52-bit label arrives intact", ipc_big_label },
    { "IPC0014 a message of length 0 delivers its label", ipc_length_zero },
    { "IPC0015 every length 0..120 arrives with every word", ipc_every_length },
    { "IPC0016 a 120-word Call gets a 120-word reply, every word checked", ipc_call_reply_120 },
    { "IPC0017 a length above 120 arrives as 120", ipc_length_truncated },
    { "IPC0018 receiver's words beyond the length are left alone", ipc_beyond_length_untouched },
    { "IPC0019 with Grant a capability arrives in the receive slot", ipc_grant_transfers },
    { "IPC0020 a received capability works", ipc_granted_cap_works },
    { "IPC0021 without Grant no capability is transferred", ipc_no_grant_no_cap },
    { "IPC0022 a badged cap to the same endpoint is unwrapped into its badge", ipc_unwrap_badge },
    { "IPC0023 an unwrapped cap does not use up the receive slot", ipc_unwrap_then_cap },
    { "IPC0024 an occupied receive slot means no transfer", ipc_slot_occupied },
    { "IPC0025 the sender keeps the capability it sent", ipc_sender_keeps_cap },
    { "IPC0026 a receive path naming no slot means no transfer", ipc_bad_receive_path },
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
};

TEST_SUITE_AFTER_EACH(ipc_suite, tests, workers_cleanup);
