/*
 * Small ia32 helpers the core may inline (as on x86_64: the page walker
 * snoops the caches, so a page-table store needs only a compiler barrier).
 */
#pragma once

static inline void arch_pt_store_barrier(void)
{
    __asm__ volatile("" ::: "memory");
}

/* The TSC's low word, for -Dbench_trace; under QEMU -icount it counts
 * instructions. */
static inline unsigned long arch_counter(void)
{
    unsigned int lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    (void)hi;
    return lo;
}

/* The index of the highest set bit of w (w != 0): one bsr. */
static inline unsigned arch_highest_bit(unsigned long w)
{
    return 31 - (unsigned)__builtin_clzl(w);
}
