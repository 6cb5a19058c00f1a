/*
 * Sets of physical address ranges, kept sorted, disjoint and merged. Boot uses
 * them to account for every byte of RAM: free, kernel, firmware, or objects
 * made for the root task.
 */
#pragma once

#include <core/hal.h>

#define REGION_SET_MAX 64

struct region_set {
    struct phys_region r[REGION_SET_MAX];
    unsigned n;
};

/* Each returns false if the set would need more than REGION_SET_MAX ranges. */
bool regions_add(struct region_set *s, paddr_t start, paddr_t end);
bool regions_remove(struct region_set *s, paddr_t start, paddr_t end);
bool regions_remove_set(struct region_set *s, const struct region_set *other);
/* dst = src ∩ [start, end), added to dst. */
bool regions_add_intersection(struct region_set *dst, const struct region_set *src,
                              paddr_t start, paddr_t end);
paddr_t regions_total(const struct region_set *s);
/* Take a 2^size_bits block aligned to its size from the top of a range that
 * has one: the range whose end is least aligned (the highest among equals),
 * so that big aligned blocks stay whole. Returns false if none has one. */
bool regions_alloc(struct region_set *s, unsigned size_bits, paddr_t *out);
