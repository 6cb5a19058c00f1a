/*
 * Keel's own fuzzer: what the root task (main.c, the supervisor) and the
 * sandboxed worker thread (worker.c, ops.c) share.
 *
 * The worker runs in the root task's address space but in a CSpace of its
 * own, W: a 4-slot CNode with a 56-bit guard, so that cptr (w << 6 | s)
 * names slot s of the CNode in W's slot w. W holds
 *   0  S, the sandbox: a 64-slot CNode every random operation works on;
 *   1  the fault endpoint (badge FUZZ_BADGE_FAULT), cptr 64;
 *   2  the control endpoint (badge FUZZ_BADGE_CONTROL), cptr 128;
 *   3  a copy of the root task's VSpace, cptr 192, for the worker's checks.
 * Nothing in S reaches W, so no random operation can take these away.
 * S, everything made from it and the sandbox's memory come from one
 * Untyped (the sandbox Untyped) that the root revokes after each round and
 * checks is whole again.
 */
#pragma once

#include <sel4/sel4.h>
#include <stdbool.h>
#include <keel/libc.h>

#define FUZZ_S_RADIX 6
#define FUZZ_S_SLOTS (1u << FUZZ_S_RADIX)
#define FUZZ_W_RADIX 2
#define FUZZ_CPTR_FAULT (1ul << FUZZ_S_RADIX)
#define FUZZ_CPTR_CONTROL (2ul << FUZZ_S_RADIX)
#define FUZZ_CPTR_VSPACE (3ul << FUZZ_S_RADIX)
#define FUZZ_BAD_CPTR (1ul << (seL4_WordBits - 1))     /* fails W's guard: a capability fault */

/* The slots of S the root fills at the start of each round. */
enum {
    FUZZ_SLOT_SELF = 0,         /* S itself: the CNode operations' service */
    FUZZ_SLOT_UNTYPED,          /* the sandbox's memory */
    FUZZ_SLOT_ASID_CONTROL,
    FUZZ_SLOT_VSPACE,           /* the root's VSpace (maps go to FUZZ_RAND_VA) */
    FUZZ_SLOT_ASID_POOL,        /* the initial thread's ASID pool */
    FUZZ_SLOT_AUTHORITY,        /* a TCB whose MCP is the worker's priority */
    FUZZ_SLOT_VICTIM_EP,        /* the root's endpoint, badge FUZZ_BADGE_VICTIM */
    FUZZ_SLOT_IRQ0,             /* IRQ handlers, when the board has free lines */
    FUZZ_SLOT_IRQ1,
    FUZZ_FIRST_FREE
};

#define FUZZ_BADGE_FAULT 0xfa17ul
#define FUZZ_BADGE_CONTROL 0xc0ul
#define FUZZ_BADGE_VICTIM 0x71ul
#define FUZZ_CONTROL_LABEL 0x7e57ul     /* the worker's end-of-round Call */

#define FUZZ_PRIO_ROOT seL4_MaxPrio
#define FUZZ_PRIO_WORKER 100

/* Windows of the root's address space (2 MiB each, page tables made by the
 * root for the first two): the worker's check mappings, random Page maps,
 * random PageTable maps. */
#define FUZZ_CHECK_VA 0x50000000ul
#define FUZZ_RAND_VA 0x50200000ul
#define FUZZ_TABLE_VA 0x50400000ul
#define FUZZ_WINDOW 0x200000ul

#define FUZZ_VICTIM_STACKS 8

/* seL4 error codes 0..10, then the calls that ended in a capability fault
 * and those that returned something else. */
#define FUZZ_ERR_CAPFAULT 11
#define FUZZ_ERR_OTHER 12
#define FUZZ_ERR_KINDS 13

/* What the worker tells the root, read when the worker is blocked. */
struct fuzz_state {
    seL4_Word seed;
    seL4_Word budget;           /* calls to make */
    seL4_Word sandbox_paddr;    /* the sandbox Untyped's memory (set by the root) */
    seL4_Word sandbox_bits;
    seL4_Word calls;            /* system calls made by the worker */
    seL4_Word errors[FUZZ_ERR_KINDS];
    seL4_Word sequences;
    seL4_Word rounds;
    seL4_Word capfaults;        /* bumped by the root for each capability fault */
    seL4_Word frames_checked;   /* fresh frames read back as zero */
    seL4_Word overlap_checks;
    seL4_Word victim_messages;  /* messages and faults of the sandbox's own threads */
    const char *failure;        /* set by the worker: a user-visible invariant broke */
    char failure_buf[200];
};

extern struct fuzz_state fuzz;

/* The worker's entry point (its argument is unused) and a victim thread's
 * (the sandbox's own TCBs run it when the worker points them at it). */
void fuzz_worker_main(seL4_Word arg);
void fuzz_victim_main(seL4_Word arg);

/* The victims' stacks, which the worker hands out. */
extern unsigned char fuzz_victim_stacks[FUZZ_VICTIM_STACKS][1024];

/* The worker's IPC buffer (a page of the image). */
extern seL4_IPCBuffer *fuzz_worker_ipc;

const char *fuzz_error_name(unsigned e);
