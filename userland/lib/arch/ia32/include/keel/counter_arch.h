/* ia32: the TSC's low word, which QEMU's -icount drives from the instruction count. */
#pragma once

static inline unsigned long keel_arch_counter(void)
{
    unsigned int lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    (void)hi;
    return lo;
}
