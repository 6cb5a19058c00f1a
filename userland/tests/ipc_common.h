/*
 * What the two IPC test files (ipc.c, ipc_more.c) share: worker bodies that
 * send, receive, call and echo, and a record of what a receiver saw.
 */
#pragma once

#include "workers.h"

#define SENTINEL 0x5e5e5e5eul

/* What worker 0's receiver saw of the last message, word by word. */
extern seL4_Word seen[seL4_MsgMaxLength];
void record(worker *w, seL4_MessageInfo_t tag, seL4_Word badge);
void receiver(worker *w);
void sender(worker *w);
void caller(worker *w);
void echo_server(worker *w);
seL4_MessageInfo_t msg(seL4_Word label, seL4_Word len);

#define START(w, i, fn, cap, arg)                                       \
    worker *w = worker_start((i), PRIO_HI, 0, (fn), (cap), (arg));      \
    CHECK(w != NULL, "%s", worker_error())
