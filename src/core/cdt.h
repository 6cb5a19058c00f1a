/*
 * The capability derivation tree and capability deletion.
 *
 * All capabilities are on one doubly-linked list in preorder, headed by the
 * sentinel cdt_head (null capability, never deleted). A capability's
 * descendants are the run of slots after it for which cdt_is_parent_of()
 * holds (seL4's isMDBParentOf). Invariants (checked by invariants.c):
 *  - the links are consistent both ways, and a slot is on the list iff its
 *    capability is not null;
 *  - every capability to memory that descends from an Untyped lies inside
 *    it, below its free index;
 *  - all capabilities to one object are adjacent on the list (copies are
 *    inserted next to their source), so finality is decided by neighbours.
 * Deletion as in seL4: the last capability to a CNode or TCB becomes a
 * Zombie whose slots are emptied one by one, with preemption points; nested
 * dying CNodes are handled iteratively (no recursion on the kernel stack).
 */
#pragma once

#include <core/cnode.h>

extern struct cte cdt_head;

bool cdt_is_parent_of(const struct cte *a, const struct cte *b);
bool cdt_has_children(const struct cte *s);

static inline void cdt_set_next(struct cte *s, struct cte *next)
{
    s->cdt_next = (word_t)next | (s->cdt_next & ~CDT_LINK_MASK);
}

static inline void cdt_set_prev(struct cte *s, struct cte *prev)
{
    s->cdt_prev = (word_t)prev | (s->cdt_prev & ~CDT_LINK_MASK);
}

/* Put 'cap' in the empty slot 'dest' right after 'prev' on the list
 * (inline: the IPC paths make a reply capability this way). */
static inline void cdt_link_after(struct cte *prev, struct cte *dest, cap_t cap, bool revocable,
                                  bool first_badged)
{
    struct cte *next = cdt_next(prev);
    dest->cap = cap;
    dest->cdt_prev = (word_t)prev | (revocable ? CDT_REVOCABLE : 0);
    dest->cdt_next = (word_t)next | (first_badged ? CDT_FIRST_BADGED : 0);
    cdt_set_next(prev, dest);
    if (next)
        cdt_set_prev(next, dest);
}

/* Take the capability in 'slot' off the list and empty the slot, with no
 * finalisation (nothing if the slot is empty). */
static inline void cdt_unlink(struct cte *slot)
{
    if (cap_is_null(slot->cap))
        return;
    struct cte *prev = cdt_prev(slot), *next = cdt_next(slot);
    if (prev)
        cdt_set_next(prev, next);
    if (next) {
        cdt_set_prev(next, prev);
        if (cdt_first_badged(slot))
            next->cdt_next |= CDT_FIRST_BADGED;
    }
    slot->cap = cap_null();
    slot->cdt_prev = slot->cdt_next = 0;
}
void cte_insert(cap_t new_cap, struct cte *src, struct cte *dest);    /* a derived copy */
void cte_insert_new(struct cte *parent, struct cte *dest, cap_t cap); /* a new object */
void cte_move(cap_t new_cap, struct cte *src, struct cte *dest);
void cte_swap(cap_t c1, struct cte *s1, cap_t c2, struct cte *s2);

/* These return EXC_NONE or EXC_PREEMPTED (progress is kept; restart). */
/* These return EXC_NONE or EXC_PREEMPTED (progress is kept; restart). */
int cte_delete(struct cte *slot, bool exposed);
int cte_revoke(struct cte *slot);
/* Delete a capability that never needs a Zombie (reply, frame, ...). */
void cte_delete_one(struct cte *slot);
/* Delete the reply capability in 'slot' (or nothing: an empty slot). A
 * reply capability's finalisation does nothing, so that is unlinking it. */
static inline void cte_delete_reply(struct cte *slot)
{
    cdt_unlink(slot);
}
bool cte_is_final(const struct cte *slot);
