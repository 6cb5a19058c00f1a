/* x86_64: the TSC, which QEMU's -icount drives from the instruction count. */
#pragma once

static inline unsigned long keel_arch_counter(void)
{
    unsigned int lo, hi;
    __asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
    return ((unsigned long)hi << 32) | lo;
}
