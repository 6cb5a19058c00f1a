/*
 * Small riscv64 helpers the core may inline: memory barriers for the
 * page-table walker.
 */
#pragma once

/* Make page-table stores visible to the hardware walker before use. */
static inline void arch_pt_store_barrier(void)
{
    __asm__ volatile("fence rw, rw" ::: "memory");
}

/* The instruction counter, for -Dbench_trace (core/bench_trace.c): S-mode
 * may read instret because OpenSBI sets mcounteren. */
static inline unsigned long arch_counter(void)
{
    unsigned long v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}

/* The index of the highest set bit of w (w != 0). RV64GC has no clz
 * (that is Zbb), and libgcc's __clzdi2 costs ~50 instructions: a binary
 * search costs ~20. */
static inline unsigned arch_highest_bit(unsigned long w)
{
    unsigned n = 0;
    for (unsigned s = 32; s; s >>= 1) {
        if (w >> s) {
            w >>= s;
            n += s;
        }
    }
    return n;
}
