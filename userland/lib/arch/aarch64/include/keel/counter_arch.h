/* aarch64: the PMU cycle counter (the kernel lets EL0 read it). Under
 * QEMU -icount shift=0 it advances by one per retired instruction. */
#pragma once

static inline unsigned long keel_arch_counter(void)
{
    unsigned long v;
    __asm__ volatile("isb; mrs %0, pmccntr_el0" : "=r"(v) :: "memory");
    return v;
}
