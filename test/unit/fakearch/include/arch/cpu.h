/* Fake CPU helpers for the host unit tests. */
#pragma once

static inline void arch_pt_store_barrier(void) {}

static inline unsigned arch_highest_bit(unsigned long w)
{
    return 63 - (unsigned)__builtin_clzl(w);
}
