/*
 * Object invocations: seL4_Call/Send on a capability that is not an
 * endpoint. Decoding reads the message (registers, then the IPC buffer) and
 * the extra capabilities, checks everything, and either fails with an seL4
 * error (setting current_error) or commits to an invoke step that cannot
 * fail, only be preempted.
 */
#pragma once

#include <core/cnode.h>
#include <core/entry.h>
#include <core/tcb.h>
#include <sel4/shared_types.h>

struct invocation {
    struct tcb *thread;
    seL4_IPCBuffer *buf;        /* the caller's IPC buffer, or NULL */
    word_t label;
    unsigned length;            /* message words available to decode */
    struct cte *slot;           /* the invoked capability's slot */
    cap_t cap;
    struct cte *extra[seL4_MsgMaxExtraCaps];
    unsigned num_extra;
    unsigned reply_length;      /* words the invoke step put in the reply */
    bool is_call;
    bool blocking;
};

/* The error an invocation answers with (seL4's current_syscall_error). */
struct syscall_error {
    word_t type;
    unsigned ndetail;
    word_t detail[6];
};

extern struct syscall_error current_error;

word_t inv_arg(const struct invocation *inv, unsigned i);

/* From the generated argument table (interface/keel.api): the operation an
 * arch label names (enum keel_inv_op, KEEL_OP_NONE for core labels), and
 * whether the message is too short for the label (fewer words or extra caps
 * than its arguments: the decoder answers seL4_TruncatedMessage). */
unsigned inv_op(const struct invocation *inv);
bool inv_truncated(const struct invocation *inv);
void inv_set_reply(struct invocation *inv, unsigned i, word_t v);

int err_simple(word_t type);                              /* no detail words */
int err_invalid_argument(word_t n);
int err_invalid_capability(word_t n);
int err_range(word_t min, word_t max);
int err_not_enough_memory(word_t left);
int err_lookup(bool source, const struct lookup_fault *lf);

/* CSpace lookups as the CNode and Untyped invocations do them. */
int lookup_target_slot(cap_t root, word_t index, word_t depth, bool source, struct cte **out);

/* Consuming Untyped memory: the one rule (untyped.c). The check decides
 * whether `count` objects of 2^obj_bits bytes fit, and where they start
 * (reset: the Untyped has no children and is first cleared). */
struct untyped_claim {
    bool reset;
    word_t offset;              /* of the first object, from the Untyped's base */
};
int untyped_claim_check(const struct cte *ut, unsigned obj_bits, word_t count, struct untyped_claim *claim);

/* Per-object decoders. */
int decode_untyped(struct invocation *inv);
int decode_cnode(struct invocation *inv);
int decode_tcb(struct invocation *inv);
int decode_domain(struct invocation *inv);
int decode_frame(struct invocation *inv);
int decode_page_table(struct invocation *inv);
int decode_asid_control(struct invocation *inv);
int decode_asid_pool(struct invocation *inv);
int decode_irq_control(struct invocation *inv);
int decode_irq_handler(struct invocation *inv);

/* The checks every IRQControl variant makes after its own argument checks,
 * in seL4's order: RevokeFirst (the IRQ already has a handler), then the
 * destination slot (FailedLookup, RangeError for the depth, DeleteFirst). */
int irq_control_check(word_t irq, cap_t root, word_t index, word_t depth, struct cte **dest);

/* Dispatch a Call/Send/NBSend on a capability. */
void handle_invocation(bool is_call, bool blocking);
