/*
 * Worker bodies shared by the IPC tests (see ipc_common.h).
 */
#include "ipc_common.h"

/* What worker 0's receiver saw of the last message, word by word. */
seL4_Word seen[seL4_MsgMaxLength];

/* r[0] label, r[1] length, r[2] badge, r[3] extraCaps, r[4] capsUnwrapped,
 * r[5] MR0, r[6..7] MR5..6 (pre-set to SENTINEL), r[8] caps_or_badges[0]. */
void record(worker *w, seL4_MessageInfo_t tag, seL4_Word badge)
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
void receiver(worker *w)
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
void sender(worker *w)
{
    seL4_SetMR(0, w->arg);
    seL4_Send(w->cap, seL4_MessageInfo_new(w->arg, 0, 0, 1));
    w->r[0] = 1;
}

/* arg Calls (at least one) of label 5, MR0 = arg; after each, r[0] the
 * reply's label, r[1] its length, r[2] its MR0, and steps counts them. */
void caller(worker *w)
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
void echo_server(worker *w)
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

seL4_MessageInfo_t msg(seL4_Word label, seL4_Word len)
{
    return seL4_MessageInfo_new(label, 0, 0, len);
}
