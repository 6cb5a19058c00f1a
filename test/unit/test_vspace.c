/*
 * Unit tests of the generic page-table walker (core/vspace.c) on the fake
 * four-level geometry: table installation, page mapping at every level,
 * lookups, refusals to overwrite and to map where a large page already is.
 */
#include <stdlib.h>
#include <string.h>
#include <core/vspace.h>
#include "check.h"

static pte_t *new_table(void)
{
    pte_t *t = aligned_alloc(4096, 4096);
    memset(t, 0, 4096);
    return t;
}

int main(void)
{
    pte_t *root = new_table(), *l1 = new_table(), *l2 = new_table(), *l3 = new_table();
    vaddr_t va = 0x0000123456789000ul & 0x00007ffffffff000ul;
    unsigned stop = 99;
    CHECK(vspace_walk(root, va, 3, &stop) == NULL && stop == 0, "walk stops at an empty root");
    CHECK(!vspace_map_page(root, va, 0x5000, 3, VM_READ), "no page without tables");
    CHECK(vspace_map_table(root, va, 0, (paddr_t)(uintptr_t)l1), "install level-1 table");
    CHECK(!vspace_map_table(root, va, 0, (paddr_t)(uintptr_t)l1), "occupied entry refused");
    CHECK(vspace_map_table(root, va, 1, (paddr_t)(uintptr_t)l2), "install level-2 table");
    CHECK(vspace_map_table(root, va, 2, (paddr_t)(uintptr_t)l3), "install level-3 table");
    CHECK(!vspace_map_table(root, va, 3, 0x9000), "no table below the last level");
    CHECK(vspace_map_page(root, va, 0xabc000, 3, VM_READ | VM_USER), "map a 4 KiB page");
    CHECK(!vspace_map_page(root, va, 0xdef000, 3, VM_READ), "remapping over a page is refused");
    paddr_t pa = 0;
    unsigned level = 9;
    CHECK(vspace_lookup(root, va + 0x123, &pa, &level) && pa == 0xabc123 && level == 3,
          "lookup returns the physical address and level");
    CHECK(!vspace_lookup(root, va + 0x1000, &pa, &level), "neighbouring page is unmapped");

    vaddr_t big = (va & ~((1ul << 30) - 1)) + (1ul << 30);
    CHECK(vspace_map_page(root, big, 0x40000000, 1, VM_READ), "map a 1 GiB page at level 1");
    CHECK(vspace_lookup(root, big + 0x12345, &pa, &level) && pa == 0x40012345 && level == 1,
          "lookup inside the large page");
    CHECK(vspace_walk(root, big, 3, &stop) == NULL && stop == 1, "walk stops at the large page");
    CHECK(!vspace_map_page(root, big, 0x1000, 3, VM_READ), "no 4 KiB page under a large page");
    CHECK(!vspace_map_page(root, big, 0x1000, 0, VM_READ), "the root level holds no pages here");
    CHECK(!vspace_map_page(root, big, 0x1000, 4, VM_READ), "no level below the last");
    free(root); free(l1); free(l2); free(l3);
    return check_done();
}
