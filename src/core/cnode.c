/*
 * CSpace addressing: resolving a capability address through guarded CNodes,
 * exactly as seL4 does, so that lookup failures carry seL4's details.
 */
#include <core/cnode.h>
#include <sel4/constants.h>

static struct lookup_result lookup_fail(word_t type, word_t bits_left, word_t guard, word_t gsize)
{
    struct lookup_result r = { 0 };
    r.fault.type = type;
    r.fault.bits_left = bits_left;
    r.fault.guard_found = guard;
    r.fault.guard_size = gsize;
    return r;
}

/* The 'n'-bit field of cptr whose lowest bit is bit 'low'. */
static word_t bits_of(word_t cptr, unsigned low, unsigned n)
{
    if (n == 0)
        return 0;
    word_t v = low >= WORD_BITS ? 0 : cptr >> low;
    return n >= WORD_BITS ? v : v & MASK(n);
}

struct lookup_result cspace_resolve(cap_t root, word_t cptr, unsigned depth)
{
    if (cap_type(root) != CAP_CNODE)
        return lookup_fail(seL4_InvalidRoot, 0, 0, 0);
    cap_t node = root;
    unsigned left = depth;
    for (;;) {
        unsigned radix = cap_cnode_radix(node);
        unsigned gsize = cap_cnode_guard_size(node);
        unsigned level = radix + gsize;
        /* seL4 checks the guard before the depth, and reports the guard it
         * expected (the capability's) with the bits that were left. */
        word_t cap_guard = cap_cnode_guard(node);
        if (gsize > left || bits_of(cptr, left - gsize, gsize) != cap_guard)
            return lookup_fail(seL4_GuardMismatch, left, cap_guard, gsize);
        if (level == 0 || level > left)
            return lookup_fail(seL4_DepthMismatch, left, level, 0);
        word_t index = bits_of(cptr, left - level, radix);
        struct cte *slot = (struct cte *)cap_ptr(node) + index;
        left -= level;
        if (left == 0 || cap_type(slot->cap) != CAP_CNODE) {
            struct lookup_result r = { 0 };
            r.slot = slot;
            r.bits_remaining = left;
            return r;
        }
        node = slot->cap;
    }
}

struct lookup_result cspace_lookup_slot(cap_t root, word_t cptr)
{
    return cspace_resolve(root, cptr, WORD_BITS);
}
