/*
 * riscv64 system call primitives, under the libsel4 wrappers. The register
 * use follows seL4 on RISC-V:
 *   a7 = syscall number, a0 = capability (in) / badge (out),
 *   a1 = message info (in and out), a2..a5 = message registers 0..3.
 * `ecall` traps to the kernel, which resumes at the next instruction and
 * preserves every register except the outputs below.
 */
#pragma once

#include <sel4/types.h>

static inline void keel_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info,
                                 seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word a0 __asm__("a0") = dest;
    register seL4_Word a1 __asm__("a1") = info;
    register seL4_Word a2 __asm__("a2") = mr0;
    register seL4_Word a3 __asm__("a3") = mr1;
    register seL4_Word a4 __asm__("a4") = mr2;
    register seL4_Word a5 __asm__("a5") = mr3;
    register seL4_Word a7 __asm__("a7") = sys;
    __asm__ volatile("ecall"
                     : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5)
                     : "r"(a7)
                     : "memory");
}

static inline void keel_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge,
                                 seL4_Word *out_info, seL4_Word *mr0, seL4_Word *mr1,
                                 seL4_Word *mr2, seL4_Word *mr3)
{
    register seL4_Word a0 __asm__("a0") = src;
    register seL4_Word a1 __asm__("a1");
    register seL4_Word a2 __asm__("a2");
    register seL4_Word a3 __asm__("a3");
    register seL4_Word a4 __asm__("a4");
    register seL4_Word a5 __asm__("a5");
    register seL4_Word a7 __asm__("a7") = sys;
    __asm__ volatile("ecall"
                     : "+r"(a0), "=r"(a1), "=r"(a2), "=r"(a3), "=r"(a4), "=r"(a5)
                     : "r"(a7)
                     : "memory");
    *out_badge = a0;
    *out_info = a1;
    *mr0 = a2;
    *mr1 = a3;
    *mr2 = a4;
    *mr3 = a5;
}

static inline void keel_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge,
                                      seL4_Word info, seL4_Word *out_info, seL4_Word *mr0,
                                      seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    register seL4_Word a0 __asm__("a0") = dest;
    register seL4_Word a1 __asm__("a1") = info;
    register seL4_Word a2 __asm__("a2") = *mr0;
    register seL4_Word a3 __asm__("a3") = *mr1;
    register seL4_Word a4 __asm__("a4") = *mr2;
    register seL4_Word a5 __asm__("a5") = *mr3;
    register seL4_Word a7 __asm__("a7") = sys;
    __asm__ volatile("ecall"
                     : "+r"(a0), "+r"(a1), "+r"(a2), "+r"(a3), "+r"(a4), "+r"(a5)
                     : "r"(a7)
                     : "memory");
    *out_badge = a0;
    *out_info = a1;
    *mr0 = a2;
    *mr1 = a3;
    *mr2 = a4;
    *mr3 = a5;
}

static inline void keel_sys_null(seL4_Word sys)
{
    register seL4_Word a7 __asm__("a7") = sys;
    /* Nothing goes in or out, but nothing in a0..a5 is promised to survive. */
    __asm__ volatile("ecall" : : "r"(a7) : "a0", "a1", "a2", "a3", "a4", "a5", "memory");
}
