/*
 * Unit tests of CSpace addressing (core/cnode.c): guards, radix, multi-level
 * walks, and seL4's lookup-failure details.
 */
#include <stdlib.h>
#include <core/cnode.h>
#include <sel4/constants.h>
#include "check.h"

static struct cte *new_cnode(unsigned radix)
{
    return aligned_alloc(1ul << (radix + CTE_SIZE_BITS), 1ul << (radix + CTE_SIZE_BITS));
}

int main(void)
{
    struct cte *root = new_cnode(8), *l2 = new_cnode(4);
    for (unsigned i = 0; i < 256; i++) root[i] = (struct cte){ 0 };
    for (unsigned i = 0; i < 16; i++) l2[i] = (struct cte){ 0 };
    /* Root: radix 8, guard 0 of 56 bits: a single-level 64-bit CSpace. */
    cap_t rootcap = cap_cnode(root, 8, 56, 0);
    root[5].cap = cap_singleton(CAP_IRQ_CONTROL);
    struct lookup_result r = cspace_lookup_slot(rootcap, 5);
    CHECK(r.slot == &root[5] && r.bits_remaining == 0, "single-level lookup finds slot 5");
    CHECK(cap_type(r.slot->cap) == CAP_IRQ_CONTROL, "slot holds the cap");
    r = cspace_lookup_slot(rootcap, 1ul << 20 | 5);
    CHECK(!r.slot && r.fault.type == seL4_GuardMismatch && r.fault.bits_left == 64 &&
          r.fault.guard_size == 56, "bad guard bits give GuardMismatch with seL4's details");
    r = cspace_resolve(rootcap, 5, 8);
    CHECK(!r.slot && r.fault.type == seL4_GuardMismatch && r.fault.bits_left == 8,
          "depth shorter than the guard is a guard mismatch, as in seL4");

    /* Two levels: root radix 8 guard 0/0 at depth 16, then a radix-4 node with a
     * 4-bit guard 0xa. */
    cap_t r2 = cap_cnode(root, 8, 0, 0);
    root[3].cap = cap_cnode(l2, 4, 4, 0xa);
    l2[7].cap = cap_singleton(CAP_ASID_CONTROL);
    r = cspace_resolve(r2, 0x03a7, 16);
    CHECK(r.slot == &l2[7] && r.bits_remaining == 0, "two-level lookup through a guarded node");
    r = cspace_resolve(r2, 0x0397, 16);
    CHECK(!r.slot && r.fault.type == seL4_GuardMismatch && r.fault.guard_found == 0xa &&
          r.fault.bits_left == 8, "second-level guard mismatch");
    r = cspace_resolve(r2, 0x03a, 12);
    CHECK(!r.slot && r.fault.type == seL4_DepthMismatch && r.fault.bits_left == 4 &&
          r.fault.guard_found == 8, "too few bits for the second level is a depth mismatch");
    r = cspace_resolve(r2, 0x05, 8);
    CHECK(r.slot == &root[5] && r.bits_remaining == 0, "depth 8 stops at the root's slot");
    r = cspace_resolve(r2, 0x0503, 16);
    CHECK(r.slot == &root[5] && r.bits_remaining == 8,
          "a non-CNode cap ends the walk with bits remaining");
    r = cspace_resolve(cap_singleton(CAP_IRQ_CONTROL), 0, 64);
    CHECK(!r.slot && r.fault.type == seL4_InvalidRoot, "a non-CNode root is an invalid root");

    free(root);
    free(l2);
    return check_done();
}
