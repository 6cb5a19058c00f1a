/* aarch64: the virtual counter (the kernel lets EL0 read CNTVCT_EL0). It
 * counts time, not instructions: QEMU -icount ties the two together. */
#pragma once

static inline unsigned long keel_arch_counter(void)
{
    unsigned long v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v) :: "memory");
    return v;
}
