/*
 * Unit tests of region sets (core/regions.c): union, subtraction, splitting,
 * intersection and aligned allocation, as boot's memory accounting uses them.
 */
#include <core/regions.h>
#include "check.h"

static int same(const struct region_set *s, unsigned n, const paddr_t *pairs)
{
    if (s->n != n)
        return 0;
    for (unsigned i = 0; i < n; i++)
        if (s->r[i].start != pairs[2 * i] || s->r[i].end != pairs[2 * i + 1])
            return 0;
    return 1;
}

int main(void)
{
    struct region_set s = { 0 };
    regions_add(&s, 0x3000, 0x4000);
    regions_add(&s, 0x1000, 0x2000);
    CHECK(same(&s, 2, (paddr_t[]){ 0x1000, 0x2000, 0x3000, 0x4000 }), "add keeps ranges sorted");
    regions_add(&s, 0x2000, 0x3000);
    CHECK(same(&s, 1, (paddr_t[]){ 0x1000, 0x4000 }), "add merges touching ranges");
    regions_add(&s, 0x1800, 0x1900);
    CHECK(same(&s, 1, (paddr_t[]){ 0x1000, 0x4000 }), "add of a covered range changes nothing");
    regions_remove(&s, 0x2000, 0x3000);
    CHECK(same(&s, 2, (paddr_t[]){ 0x1000, 0x2000, 0x3000, 0x4000 }), "remove splits a range");
    regions_remove(&s, 0x0, 0x1800);
    CHECK(same(&s, 2, (paddr_t[]){ 0x1800, 0x2000, 0x3000, 0x4000 }), "remove trims a range's start");
    regions_remove(&s, 0x1000, 0x5000);
    CHECK(s.n == 0, "remove of everything empties the set");
    CHECK(regions_total(&s) == 0, "empty set totals zero");

    struct region_set ram = { 0 }, out = { 0 };
    regions_add(&ram, 0x80000000, 0x88000000);
    regions_add_intersection(&out, &ram, 0x7fff0000, 0x80201000);
    CHECK(same(&out, 1, (paddr_t[]){ 0x80000000, 0x80201000 }), "intersection clips to RAM");

    paddr_t pa = 0;
    CHECK(regions_alloc(&ram, 12, &pa) && pa == 0x87fff000, "alloc takes from the top");
    CHECK(regions_alloc(&ram, 17, &pa) && pa == 0x87fc0000, "alloc aligns to the block size");
    CHECK(regions_total(&ram) == 0x8000000 - 0x21000, "allocated bytes leave the set (%lx)",
          (unsigned long)regions_total(&ram));
    CHECK(ram.n == 2, "alignment gap stays free");
    CHECK(regions_alloc(&ram, 12, &pa) && pa == 0x87ffe000, "a small block fills the alignment gap first");
    struct region_set two = { 0 };
    regions_add(&two, 0x80300000, 0xbfe00000);
    regions_add(&two, 0xbfe02000, 0x100000000);
    CHECK(regions_alloc(&two, 12, &pa) && pa == 0xbfdff000,
          "alloc spares the range that ends at a 4 GiB boundary (%lx)", (unsigned long)pa);
    CHECK(regions_alloc(&two, 16, &pa) && pa == 0xbfde0000, "and keeps sparing it");
    struct region_set small = { 0 };
    regions_add(&small, 0x1000, 0x3000);
    CHECK(!regions_alloc(&small, 13, &pa), "alloc fails when no aligned block fits");

    struct region_set many = { 0 };
    int ok = 1;
    for (unsigned i = 0; i < REGION_SET_MAX; i++)
        ok &= regions_add(&many, i * 0x2000, i * 0x2000 + 0x1000);
    CHECK(ok && many.n == REGION_SET_MAX, "set holds REGION_SET_MAX ranges");
    CHECK(!regions_add(&many, 0x100000, 0x101000), "one more range is refused, not overflowed");
    CHECK(!regions_remove(&many, 0x200, 0x300), "a split that would overflow is refused");
    return check_done();
}
