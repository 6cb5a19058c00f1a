/*
 * Unit tests of the capability derivation tree (core/cdt.c) with real object
 * capabilities: derivation and finality, badges, move/swap list surgery,
 * deletion of CNodes through Zombies (including a CNode holding a capability
 * to itself), and revoke of an Untyped with many children.
 */
#include <stdlib.h>
#include <string.h>
#include <core/cdt.h>
#include <core/entry.h>
#include <core/objects.h>
#include <sel4/constants.h>
#include "check.h"

static struct cte *cnode;       /* a 256-slot CSpace the test works in */
static char *mem;               /* backing memory of the Untyped */
#define MEM_BITS 20

static int list_ok(void)
{
    const struct cte *prev = &cdt_head;
    for (const struct cte *n = cdt_next(&cdt_head); n; prev = n, n = cdt_next(n))
        if (cdt_prev(n) != prev || cap_is_null(n->cap))
            return 0;
    return 1;
}

static int list_len(void)
{
    int k = 0;
    for (const struct cte *n = cdt_next(&cdt_head); n; n = cdt_next(n))
        k++;
    return k;
}

/* Retype by hand: n objects of 'type' from the Untyped in slot 0. */
static void make(word_t type, word_t user_bits, unsigned first, unsigned n)
{
    unsigned bits = object_size_bits(type, user_bits);
    word_t base = (word_t)mem + cap_untyped_free_index(cnode[0].cap);
    for (unsigned i = 0; i < n; i++, base += 1ul << bits)
        cte_insert_new(&cnode[0], &cnode[first + i], object_create(type, user_bits, (void *)base, false));
    cap_untyped_set_free_index(&cnode[0].cap, base - (word_t)mem);
}

int main(void)
{
    cnode = aligned_alloc(256 * 32, 256 * 32);
    memset(cnode, 0, 256 * 32);
    mem = aligned_alloc(1ul << MEM_BITS, 1ul << MEM_BITS);
    memset(mem, 0, 1ul << MEM_BITS);
    cdt_link_after(&cdt_head, &cnode[0], cap_untyped(mem, MEM_BITS, false, 0), true, true);
    CHECK(!cdt_has_children(&cnode[0]), "a fresh Untyped has no children");
    make(seL4_EndpointObject, 0, 1, 2);
    CHECK(cdt_has_children(&cnode[0]) && list_ok(), "retyped objects are its children");
    CHECK(cte_is_final(&cnode[1]) && cte_is_final(&cnode[2]), "one capability each: final");

    int err;
    cte_insert(cap_derive(&cnode[1], cnode[1].cap, &err), &cnode[1], &cnode[10]);
    CHECK(!cte_is_final(&cnode[1]) && !cte_is_final(&cnode[10]), "a copy makes neither final");
    CHECK(!cdt_revocable(&cnode[10]), "an unbadged copy is not an original");
    cap_t badged = cap_update_data(false, 0x55, cnode[1].cap);
    cte_insert(badged, &cnode[1], &cnode[11]);
    CHECK(cdt_revocable(&cnode[11]) && cdt_is_parent_of(&cnode[1], &cnode[11]),
          "minting a badge makes a new original under the unbadged one");
    CHECK(cap_is_null(cap_update_data(false, 0x66, cnode[11].cap)), "a badged capability cannot be re-badged");
    cte_insert(cnode[11].cap, &cnode[11], &cnode[12]);
    CHECK(cdt_is_parent_of(&cnode[11], &cnode[12]), "a copy of a badged original is its child");
    CHECK(cte_revoke(&cnode[11]) == EXC_NONE && cap_is_null(cnode[12].cap) && !cap_is_null(cnode[11].cap),
          "revoke removes the descendants and keeps the capability");
    CHECK(cte_revoke(&cnode[1]) == EXC_NONE && cap_is_null(cnode[10].cap) && cap_is_null(cnode[11].cap) &&
          !cap_is_null(cnode[2].cap) && list_ok(), "revoke of the original removes all copies, nothing else");

    cte_move(cnode[2].cap, &cnode[2], &cnode[20]);
    CHECK(cap_is_null(cnode[2].cap) && cap_type(cnode[20].cap) == CAP_ENDPOINT && list_ok() &&
          cdt_is_parent_of(&cnode[0], &cnode[20]), "move keeps the CDT position");
    cte_swap(cnode[1].cap, &cnode[1], cnode[20].cap, &cnode[20]);
    CHECK(list_ok() && cdt_has_children(&cnode[0]), "swap of neighbours keeps the list consistent");
    cte_swap(cnode[0].cap, &cnode[0], cnode[20].cap, &cnode[20]);
    CHECK(list_ok() && cap_type(cnode[20].cap) == CAP_UNTYPED, "swap with the parent keeps the list consistent");
    cte_swap(cnode[0].cap, &cnode[0], cnode[20].cap, &cnode[20]);
    CHECK(list_ok() && cap_type(cnode[0].cap) == CAP_UNTYPED, "swapping back restores the order");

    /* A CNode that holds copies of the endpoints and a capability to itself. */
    make(seL4_CapTableObject, 2, 30, 1);
    struct cte *inner = cap_ptr(cnode[30].cap);
    cte_insert(cnode[1].cap, &cnode[1], &inner[0]);
    cte_insert(cnode[30].cap, &cnode[30], &inner[3]);
    int before = list_len();
    CHECK(cte_delete(&cnode[30], true) == EXC_NONE && cap_is_null(cnode[30].cap) && list_len() == before - 1,
          "deleting a non-final CNode capability leaves the CNode alive");
    CHECK(cte_delete(&inner[3], true) == EXC_NONE && cap_is_null(inner[3].cap) && cap_is_null(inner[0].cap) &&
          list_ok(), "deleting the last (self-held) capability empties the CNode through a Zombie");
    CHECK(cte_is_final(&cnode[1]), "the endpoint copy inside died with the CNode");

    make(seL4_CapTableObject, 3, 40, 1);
    struct cte *c2 = cap_ptr(cnode[40].cap);
    make(seL4_CapTableObject, 1, 41, 1);
    cte_move(cnode[41].cap, &cnode[41], &c2[7]);
    struct cte *c3 = cap_ptr(c2[7].cap);
    cte_insert(cnode[1].cap, &cnode[1], &c3[1]);
    CHECK(cte_delete(&cnode[40], true) == EXC_NONE && list_ok(), "deleting a CNode that holds a CNode");
    word_t fi = cap_untyped_free_index(cnode[0].cap);
    CHECK(cte_revoke(&cnode[0]) == EXC_NONE && !cdt_has_children(&cnode[0]) && list_len() == 1,
          "revoking the Untyped leaves nothing but it (zombies included)");
    CHECK(cap_untyped_free_index(cnode[0].cap) == fi, "revoke does not move the free index");

    cap_untyped_set_free_index(&cnode[0].cap, 0);
    struct cte *many = aligned_alloc(4096 * 32, 4096 * 32);
    memset(many, 0, 4096 * 32);
    word_t base = (word_t)mem;
    for (unsigned i = 0; i < 4000; i++, base += 16)
        cte_insert_new(&cnode[0], &many[i], object_create(seL4_EndpointObject, 0, (void *)base, false));
    cap_untyped_set_free_index(&cnode[0].cap, base - (word_t)mem);
    CHECK(list_len() == 4001 && list_ok(), "4000 children on the list");
    CHECK(cte_revoke(&cnode[0]) == EXC_NONE && list_len() == 1, "revoke removes all 4000");
    free(many);
    free(mem);
    free(cnode);
    return check_done();
}
