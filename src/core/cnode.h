/*
 * Capability slots (CTEs) and CSpace addressing.
 *
 * A CTE is a capability plus its two capability-derivation-tree links. The CDT
 * is one doubly-linked list of all slots in preorder: a slot's descendants are
 * the slots that follow it for as long as each is a child (cdt.c decides
 * parenthood from the capabilities themselves, as seL4 does). The low bits of
 * the links carry the 'revocable' and 'first badged' flags; slots are four
 * words, aligned to their size, so those bits are free.
 */
#pragma once

#include <core/cap.h>

struct cte {
    cap_t cap;
    word_t cdt_prev;            /* struct cte * | CDT_REVOCABLE */
    word_t cdt_next;            /* struct cte * | CDT_FIRST_BADGED */
};

#define CTE_SIZE_BITS (WORD_BITS == 64 ? 5 : 4)     /* four words */
_Static_assert(sizeof(struct cte) == (1u << CTE_SIZE_BITS), "slot size (seL4_SlotBits)");

#define CDT_REVOCABLE    1ul
#define CDT_FIRST_BADGED 1ul
#define CDT_LINK_MASK    (~(word_t)1)     /* slots are at least word aligned */

static inline struct cte *cdt_prev(const struct cte *s) { return (struct cte *)(s->cdt_prev & CDT_LINK_MASK); }
static inline struct cte *cdt_next(const struct cte *s) { return (struct cte *)(s->cdt_next & CDT_LINK_MASK); }
static inline bool cdt_revocable(const struct cte *s) { return s->cdt_prev & CDT_REVOCABLE; }
static inline bool cdt_first_badged(const struct cte *s) { return s->cdt_next & CDT_FIRST_BADGED; }

/* Why a lookup failed, in the form seL4 reports it (seL4_LookupFailureType). */
struct lookup_fault {
    word_t type;                /* seL4_InvalidRoot, seL4_MissingCapability, ... */
    word_t bits_left;
    word_t guard_found;         /* guard mismatch: the capability's guard; depth mismatch: bits found */
    word_t guard_size;
};

struct lookup_result {
    struct cte *slot;           /* NULL on failure, then 'fault' says why */
    word_t bits_remaining;      /* bits of the address not yet consumed */
    struct lookup_fault fault;
};

/* Resolve 'depth' bits of 'cptr' starting at the CNode capability 'root'. The
 * walk stops early at a slot that holds no CNode (bits_remaining > 0 then). */
struct lookup_result cspace_resolve(cap_t root, word_t cptr, unsigned depth);

/* Look up the slot named by a full-width cptr in a thread's CSpace (the rule
 * for invoked capabilities: a non-CNode capability ends the walk). */
struct lookup_result cspace_lookup_slot(cap_t root, word_t cptr);

/* cspace_lookup_slot() for the hot paths (the IPC fastpath, the slow path's
 * sends and receives): the slot, or NULL on any failure, without the
 * details (ask cspace_lookup_slot() for those). Each level takes its guard
 * and index bits with one shift and mask. */
static inline struct cte *cspace_lookup_fast(cap_t root, word_t cptr)
{
    unsigned left = WORD_BITS;
    cap_t node = root;
    if (cap_type(node) != CAP_CNODE)
        return NULL;
    for (;;) {
        unsigned radix = cap_cnode_radix(node), gsize = cap_cnode_guard_size(node);
        if (radix + gsize - 1 >= left)          /* also radix + gsize == 0 */
            return NULL;
        /* The unresolved bits at the top of a word: the guard, then the
         * index. Shifting in two steps keeps every count below WORD_BITS. */
        word_t bits = cptr << (WORD_BITS - left);
        if (bits >> (WORD_BITS - 1 - gsize) >> 1 != cap_cnode_guard(node))
            return NULL;
        word_t index = (bits << gsize) >> (WORD_BITS - 1 - radix) >> 1;
        struct cte *slot = (struct cte *)cap_ptr(node) + index;
        left -= radix + gsize;
        if (left == 0 || cap_type(slot->cap) != CAP_CNODE)
            return slot;
        node = slot->cap;
    }
}
