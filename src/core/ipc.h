/*
 * Synchronous IPC through endpoints, notifications, reply capabilities and
 * fault messages.
 *
 * Endpoint invariants (checked by invariants.c): an endpoint is idle with an
 * empty queue, or sending/receiving with a non-empty FIFO queue whose
 * threads are all in THREAD_BLOCKED_SEND/RECV on it; each such thread's
 * blocked_on is the endpoint. A notification is idle, waiting (a non-empty
 * queue of THREAD_BLOCKED_NTFN threads) or active (a pending badge word and
 * an empty queue). A bound notification and its TCB point at each other.
 */
#pragma once

#include <core/tcb.h>

enum ep_state { EP_IDLE = 0, EP_SEND, EP_RECV };
enum ntfn_state { NTFN_IDLE = 0, NTFN_WAITING, NTFN_ACTIVE };

struct endpoint {
    word_t state;
    struct tcb *head;           /* the queue; tail found through head->ep_prev */
};

struct notification {
    word_t state;
    struct tcb *head;
    word_t badge;               /* the pending signal word when active */
    struct tcb *bound;
};

/* Endpoints: 16 bytes, notifications 32 (seL4_EndpointBits/NotificationBits). */
_Static_assert(sizeof(struct endpoint) <= BIT(seL4_EndpointBits), "endpoint object size");
_Static_assert(sizeof(struct notification) <= BIT(seL4_NotificationBits), "notification object size");

void ep_send(struct tcb *t, struct endpoint *ep, word_t badge, bool can_grant,
             bool can_grant_reply, bool blocking, bool is_call);
void ep_receive(struct tcb *t, struct endpoint *ep, bool can_grant, bool blocking);
/* Take t out of whatever it waits on: ipc_unblock leaves its state and pc
 * alone; ipc_cancel makes it inactive, set to re-execute its system call. */
void ipc_unblock(struct tcb *t);
void ipc_cancel(struct tcb *t);
void ep_cancel_all(struct endpoint *ep);
void ep_cancel_badged_sends(struct endpoint *ep, word_t badge);

void ntfn_signal(struct notification *n, word_t badge);
void ntfn_wait(struct tcb *t, struct notification *n, bool blocking);
void ntfn_cancel_all(struct notification *n);
void ntfn_bind(struct notification *n, struct tcb *t);
void ntfn_unbind(struct notification *n);

/* Message transfer between two threads (message registers, capabilities,
 * badge) or, if the sender has a pending fault, the fault message. */
void ipc_transfer(struct tcb *sender, struct endpoint *ep, word_t badge, bool can_grant,
                  struct tcb *receiver);
void ipc_reply(struct tcb *t);                  /* seL4_Reply */
/* Reply with the reply capability in 'slot' (seL4_Send on a saved one). */
void ipc_reply_through(struct tcb *t, struct cte *slot);
void ipc_delete_caller_cap(struct tcb *t);
/* Deliver t's pending fault to its handler; false if it has none. */
bool fault_send_ipc(struct tcb *t);
void tcb_setup_reply_master(struct tcb *t);
