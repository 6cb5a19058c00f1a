/*
 * Small aarch64 helpers the core may inline.
 */
#pragma once

/* Make page-table stores visible to the table walker before the entry is
 * used: the walker reads through the (inner-shareable, write-back) caches,
 * so a store barrier is enough; stale TLB entries are arch_tlb_flush_*'s job. */
static inline void arch_pt_store_barrier(void)
{
    __asm__ volatile("dsb ishst" ::: "memory");
}

/* The PMU cycle counter, for -Dbench_trace (core/bench_trace.c); under
 * QEMU -icount shift=0 it counts retired instructions. */
static inline unsigned long arch_counter(void)
{
    unsigned long v;
    __asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(v)::"memory");
    return v;
}

/* The index of the highest set bit of w (w != 0): one clz. */
static inline unsigned arch_highest_bit(unsigned long w)
{
    return 63 - (unsigned)__builtin_clzl(w);
}
