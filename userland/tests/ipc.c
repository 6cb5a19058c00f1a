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
#include "ipc_common.h"

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
    seL4_Word label = ((seL4_Word)1 << (seL4_WordBits - 13)) | 0x5a5;   /* the label's top bit */
    START(w, 0, receiver, ep, 0);

    seL4_Send(ep, msg(label, 0));
    CHECK(w->r[0] == label, "label %lx, want %lx", w->r[0], label);
    return NULL;
}

/* ---- lengths ---- */

static seL4_Word word(seL4_Word len, seL4_Word i)
{
    return (len << (seL4_WordBits / 2)) ^ (i * 0x9e3779b1ul) ^ 0xc0de;
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
};

TEST_SUITE_AFTER_EACH(ipc_suite, tests, workers_cleanup);
