/* riscv64: instructions retired (the kernel lets user mode read instret). */
#pragma once

static inline unsigned long keel_arch_counter(void)
{
    unsigned long v;
    __asm__ volatile("rdinstret %0" : "=r"(v));
    return v;
}
