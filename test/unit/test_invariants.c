/*
 * Unit tests of the invariant checker's memory rules (core/invariants.c):
 * it must accept what the kernel builds (Untyped copies under seL4's rule,
 * chains of whole-size children deeper than any fixed stack) and panic on
 * each broken rule: an object above its Untyped's free index at the bottom
 * of a 70-deep chain, two Untypeds of one region that can both allocate,
 * two overlapping objects, and an object apart from the rest of its boot
 * Untyped's memory on the CDT list.
 */
#include <stdlib.h>
#include <string.h>
#include <core/cdt.h>
#include <core/entry.h>
#include <core/objects.h>
#include <sel4/constants.h>
#include "check.h"
#include "fake_hal.h"

#define MEM_BITS 16
#define SLOTS 256
#define DEEP 70

static struct cte *slots;
static char *mem, *mem2;

/* An empty CDT over fresh slots; both memory blocks are boot Untypeds. */
static void reset(void)
{
    memset(slots, 0, SLOTS * sizeof(struct cte));
    cdt_head.cdt_next = cdt_head.cdt_prev = 0;
}

static struct cte *boot_untyped(unsigned i, char *m, word_t free_index)
{
    cdt_link_after(&cdt_head, &slots[i], cap_untyped(m, MEM_BITS, false, free_index), true, true);
    return &slots[i];
}

/* An endpoint at offset off of m, a child of 'parent' (no free-index update). */
static void endpoint_at(struct cte *parent, unsigned i, char *m, word_t off)
{
    cte_insert_new(parent, &slots[i], object_create(seL4_EndpointObject, 0, m + off, false));
}

/* Does the checker panic on the current CDT? */
static bool checker_panics(void)
{
    jmp_buf jb;
    fake_panic_jmp = &jb;
    bool panicked = setjmp(jb) != 0;
    if (!panicked)
        invariants_check_cdt();
    fake_panic_jmp = NULL;
    return panicked;
}

static void test_copies_accepted(void)
{
    reset();
    struct cte *u = boot_untyped(0, mem, 0);
    int err;
    cte_insert(cap_derive(u, u->cap, &err), u, &slots[1]);     /* the source becomes full */
    endpoint_at(&slots[1], 2, mem, 0);
    slots[1].cap.w1 = 16;
    CHECK(cap_untyped_free_index(u->cap) == BIT(MEM_BITS), "a copied Untyped's source is full");
    CHECK(!checker_panics(), "an Untyped, its copy and an object made through the copy pass");
}

/* A chain of DEEP whole-size children; returns the deepest. */
static struct cte *deep_chain(void)
{
    struct cte *p = boot_untyped(0, mem, BIT(MEM_BITS));
    for (unsigned i = 1; i <= DEEP; i++) {
        cte_insert_new(p, &slots[i], cap_untyped(mem, MEM_BITS, false, i == DEEP ? 0 : BIT(MEM_BITS)));
        p = &slots[i];
    }
    return p;
}

static void test_deep_chain(void)
{
    reset();
    struct cte *bottom = deep_chain();
    endpoint_at(bottom, DEEP + 1, mem, 0);
    bottom->cap.w1 = 16;
    CHECK(!checker_panics(), "a chain of %d whole-size Untypeds with an object at the bottom passes", DEEP);
    bottom->cap.w1 = 0;
    CHECK(checker_panics(), "an object above the free index at depth %d is found", DEEP);
}

static void test_two_allocators(void)
{
    reset();
    struct cte *u = boot_untyped(0, mem, 0);
    cdt_link_after(u, &slots[1], cap_untyped(mem, MEM_BITS, false, 0), true, true);  /* no cte_insert */
    CHECK(checker_panics(), "two Untypeds of one region that can both allocate are found");
}

static void test_overlap(void)
{
    reset();
    struct cte *u = boot_untyped(0, mem, 64);
    endpoint_at(u, 1, mem, 0);
    endpoint_at(u, 2, mem, 16);
    CHECK(!checker_panics(), "two endpoints side by side pass");
    reset();
    u = boot_untyped(0, mem, 64);
    endpoint_at(u, 1, mem, 0);
    cte_insert_new(u, &slots[2], object_create(seL4_NotificationObject, 0, mem, false));
    CHECK(checker_panics(), "an endpoint and a notification at one address are found");
}

static void test_stray(void)
{
    reset();
    struct cte *u2 = boot_untyped(1, mem2, 16);
    struct cte *u = boot_untyped(0, mem, 16);
    endpoint_at(u, 2, mem, 0);
    endpoint_at(u2, 3, mem2, 0);
    CHECK(!checker_panics(), "two boot Untypeds, an object in each, pass");
    cdt_unlink(&slots[2]);
    cdt_link_after(&slots[3], &slots[2], object_create(seL4_EndpointObject, 0, mem, false), true, true);
    CHECK(checker_panics(), "an object listed among another Untyped's children is found");
}

int main(void)
{
    slots = aligned_alloc(SLOTS * sizeof(struct cte), SLOTS * sizeof(struct cte));
    mem = aligned_alloc(BIT(MEM_BITS), BIT(MEM_BITS));
    mem2 = aligned_alloc(BIT(MEM_BITS), BIT(MEM_BITS));
    memset(mem, 0, BIT(MEM_BITS));
    memset(mem2, 0, BIT(MEM_BITS));
    invariants_add_boot_untyped((word_t)mem, BIT(MEM_BITS));
    invariants_add_boot_untyped((word_t)mem2, BIT(MEM_BITS));
    test_copies_accepted();
    test_deep_chain();
    test_two_allocators();
    test_overlap();
    test_stray();
    return check_done();
}
