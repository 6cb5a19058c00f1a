/*
 * aarch64 system call primitives, under the libsel4 wrappers. The register
 * use follows seL4 on aarch64:
 *   x7 = syscall number, x0 = capability (in) / badge (out),
 *   x1 = message info (in and out), x2..x5 = message registers 0..3.
 * `svc #0` traps to the kernel, which resumes at the next instruction and
 * preserves every register except the outputs below.
 */
#pragma once

#include <sel4/types.h>

static inline void keel_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info,
                                 seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word x0 __asm__("x0") = dest;
    register seL4_Word x1 __asm__("x1") = info;
    register seL4_Word x2 __asm__("x2") = mr0;
    register seL4_Word x3 __asm__("x3") = mr1;
    register seL4_Word x4 __asm__("x4") = mr2;
    register seL4_Word x5 __asm__("x5") = mr3;
    register seL4_Word x7 __asm__("x7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5)
                     : "r"(x7)
                     : "memory");
}

static inline void keel_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge,
                                 seL4_Word *out_info, seL4_Word *mr0, seL4_Word *mr1,
                                 seL4_Word *mr2, seL4_Word *mr3)
{
    register seL4_Word x0 __asm__("x0") = src;
    register seL4_Word x1 __asm__("x1");
    register seL4_Word x2 __asm__("x2");
    register seL4_Word x3 __asm__("x3");
    register seL4_Word x4 __asm__("x4");
    register seL4_Word x5 __asm__("x5");
    register seL4_Word x7 __asm__("x7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "=r"(x1), "=r"(x2), "=r"(x3), "=r"(x4), "=r"(x5)
                     : "r"(x7)
                     : "memory");
    *out_badge = x0;
    *out_info = x1;
    *mr0 = x2;
    *mr1 = x3;
    *mr2 = x4;
    *mr3 = x5;
}

static inline void keel_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge,
                                      seL4_Word info, seL4_Word *out_info, seL4_Word *mr0,
                                      seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    register seL4_Word x0 __asm__("x0") = dest;
    register seL4_Word x1 __asm__("x1") = info;
    register seL4_Word x2 __asm__("x2") = *mr0;
    register seL4_Word x3 __asm__("x3") = *mr1;
    register seL4_Word x4 __asm__("x4") = *mr2;
    register seL4_Word x5 __asm__("x5") = *mr3;
    register seL4_Word x7 __asm__("x7") = sys;
    __asm__ volatile("svc #0"
                     : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3), "+r"(x4), "+r"(x5)
                     : "r"(x7)
                     : "memory");
    *out_badge = x0;
    *out_info = x1;
    *mr0 = x2;
    *mr1 = x3;
    *mr2 = x4;
    *mr3 = x5;
}

static inline void keel_sys_null(seL4_Word sys)
{
    register seL4_Word x7 __asm__("x7") = sys;
    /* Nothing goes in or out, but nothing in x0..x5 is promised to survive. */
    __asm__ volatile("svc #0" : : "r"(x7) : "x0", "x1", "x2", "x3", "x4", "x5", "memory");
}
