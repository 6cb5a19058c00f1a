/*
 * Helpers of the thread tests (TCB, IPC, NTFN, BIND, SCHED, FAULT): worker
 * threads in the root task's CSpace and VSpace, each with its own stack,
 * TLS block and IPC buffer (a page of the image), and the priorities the
 * tests arrange them by.
 *
 * The root task runs these tests at PRIO_ROOT. A worker at PRIO_HI runs as
 * soon as it is resumed or woken and runs until it blocks, so when the root
 * continues the worker has already reached its next wait: the root can
 * then look at its results, or take its message with a non-blocking
 * receive, without ever blocking itself. PRIO_LO workers run only when the
 * root lets them.
 *
 * Every test's objects come from caps.c's pool: the after-each hook
 * (workers_cleanup) revokes it, which destroys the test's threads wherever
 * they are, and puts the root task back at seL4_MaxPrio.
 */
#pragma once

#include <keel/thread.h>
#include "caps.h"

#define PRIO_ROOT 100
#define PRIO_HI 150
#define PRIO_LO 50

#define MAX_WORKERS 4
#define WORKER_RESULTS 16

typedef struct worker worker;
typedef void (*worker_fn)(worker *w);

struct worker {
    seL4_CPtr tcb;
    seL4_IPCBuffer *ipc;
    worker_fn fn;
    seL4_Word arg;                      /* the test's parameter */
    seL4_CPtr cap;                      /* the capability the worker uses */
    volatile seL4_Word steps;           /* progress: bumped by the worker's code */
    volatile seL4_Word done;            /* fn returned */
    volatile seL4_Word r[WORKER_RESULTS];   /* results for the test to check */
    _Alignas(16) unsigned char tls[KEEL_TLS_AREA];
};

extern worker workers[MAX_WORKERS];

/* Make worker i's thread (not started): a TCB in a new slot, configured in
 * the root's CSpace and VSpace with fault endpoint fault_ep (a root CNode
 * cptr, 0 for none), priority prio, registers set to run fn(w) on its
 * stack. Returns the worker, or NULL (see worker_error). */
worker *worker_create(int i, seL4_Word prio, seL4_CPtr fault_ep, worker_fn fn, seL4_CPtr cap, seL4_Word arg);

/* worker_create, then resume it. */
worker *worker_start(int i, seL4_Word prio, seL4_CPtr fault_ep, worker_fn fn, seL4_CPtr cap, seL4_Word arg);

/* Why the last worker_create failed. */
const char *worker_error(void);

/* The root task's own priority for this test (its MCP stays seL4_MaxPrio). */
seL4_Error root_priority(seL4_Word prio);

/* Yield n times (lets threads of the root's priority run). */
void yield_n(int n);

/* A new notification in a new slot (0 on failure). */
seL4_CPtr new_notification(void);

/* A minted copy of cap with rights and badge in a new slot (0 on failure). */
seL4_CPtr mint_cap(seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge);

/* Rights shorthands. */
#define RIGHTS_RW seL4_CapRights_new(0, 0, 1, 1)
#define RIGHTS_W seL4_CapRights_new(0, 0, 0, 1)
#define RIGHTS_R seL4_CapRights_new(0, 0, 1, 0)
#define RIGHTS_RWG seL4_CapRights_new(0, 1, 1, 1)
#define RIGHTS_RWGR seL4_CapRights_new(1, 0, 1, 1)

/* A cptr whose lookup fails in the root CNode (its 52-bit guard is zero):
 * a guard mismatch with 64 bits left. */
#define BAD_CPTR ((seL4_Word)1 << (seL4_WordBits - 1) | 1)

/* seL4_UserContext as an array of words, and its length. */
#define NUM_CONTEXT_REGS (sizeof(seL4_UserContext) / sizeof(seL4_Word))

/* The after-each hook of the thread suites. */
void workers_cleanup(void);

/* Check a message tag against label and length. */
#define CHECK_TAG(tag, want_label, want_len, what)                                                   \
    CHECK(seL4_MessageInfo_get_label(tag) == (want_label) && seL4_MessageInfo_get_length(tag) == (want_len), \
          "%s: label %lu length %lu, want %lu %lu", (what), (seL4_Word)seL4_MessageInfo_get_label(tag),   \
          (seL4_Word)seL4_MessageInfo_get_length(tag), (seL4_Word)(want_label), (seL4_Word)(want_len))

/* Fault endpoints: the handler (the root task) receives on *ep; the
 * returned badged copy (FAULT_BADGE, all rights) is what a worker gets as
 * its fault endpoint. 0 on failure. */
#define FAULT_BADGE 0xfa17ul
seL4_CPtr fault_ep_new(seL4_CPtr *ep);

/* Take the next fault message from ep without blocking: NULL with *tag
 * set if one with FAULT_BADGE was there, else the reason. */
const char *take_fault(seL4_CPtr ep, seL4_MessageInfo_t *tag);

/* take_fault, then check a capability fault: label, Addr, InRecvPhase and
 * the lookup failure type. */
const char *expect_cap_fault(seL4_CPtr ep, seL4_Word addr, seL4_Word in_recv, seL4_Word lookup_type);
