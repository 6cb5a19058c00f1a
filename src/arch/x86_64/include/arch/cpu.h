/*
 * Small x86_64 helpers the core may inline. The x86 page walker snoops the
 * caches and sees ordinary stores in program order, so a page-table store
 * needs only a compiler barrier (stale TLB entries are a separate matter:
 * arch_tlb_flush_*).
 */
#pragma once

/* Make page-table stores visible to the hardware walker before use. */
static inline void arch_pt_store_barrier(void)
{
    __asm__ volatile("" ::: "memory");
}

/* The TSC, for -Dbench_trace (core/bench_trace.c); under QEMU -icount it
 * counts instructions, as it does for the bench in user mode. */
static inline unsigned long arch_counter(void)
{
    unsigned int lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((unsigned long)hi << 32) | lo;
}

/* The index of the highest set bit of w (w != 0): one bsr. */
static inline unsigned arch_highest_bit(unsigned long w)
{
    return 63 - (unsigned)__builtin_clzl(w);
}
