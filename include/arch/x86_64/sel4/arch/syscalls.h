/*
 * x86_64 system call primitives, under the libsel4 wrappers. The register
 * use follows seL4 on x86_64:
 *   rdx = syscall number, rdi = capability / badge, rsi = message info,
 *   r10, r8, r9, r15 = message registers 0..3.
 * `syscall` overwrites rcx (return rip) and r11 (rflags); the kernel
 * preserves every other register except the outputs below.
 */
#pragma once

#include <sel4/types.h>

static inline void keel_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info,
                                 seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    register seL4_Word r10 __asm__("r10") = mr0;
    register seL4_Word r8 __asm__("r8") = mr1;
    register seL4_Word r9 __asm__("r9") = mr2;
    register seL4_Word r15 __asm__("r15") = mr3;
    __asm__ volatile("syscall"
                     : "+d"(sys), "+D"(dest), "+S"(info),
                       "+r"(r10), "+r"(r8), "+r"(r9), "+r"(r15)
                     :
                     : "rcx", "r11", "memory");
}

static inline void keel_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge,
                                 seL4_Word *out_info, seL4_Word *mr0, seL4_Word *mr1,
                                 seL4_Word *mr2, seL4_Word *mr3)
{
    register seL4_Word r10 __asm__("r10");
    register seL4_Word r8 __asm__("r8");
    register seL4_Word r9 __asm__("r9");
    register seL4_Word r15 __asm__("r15");
    seL4_Word info;
    __asm__ volatile("syscall"
                     : "+d"(sys), "+D"(src), "=S"(info),
                       "=r"(r10), "=r"(r8), "=r"(r9), "=r"(r15)
                     :
                     : "rcx", "r11", "memory");
    *out_badge = src;
    *out_info = info;
    *mr0 = r10;
    *mr1 = r8;
    *mr2 = r9;
    *mr3 = r15;
}

static inline void keel_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge,
                                      seL4_Word info, seL4_Word *out_info, seL4_Word *mr0,
                                      seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    register seL4_Word r10 __asm__("r10") = *mr0;
    register seL4_Word r8 __asm__("r8") = *mr1;
    register seL4_Word r9 __asm__("r9") = *mr2;
    register seL4_Word r15 __asm__("r15") = *mr3;
    __asm__ volatile("syscall"
                     : "+d"(sys), "+D"(dest), "+S"(info),
                       "+r"(r10), "+r"(r8), "+r"(r9), "+r"(r15)
                     :
                     : "rcx", "r11", "memory");
    *out_badge = dest;
    *out_info = info;
    *mr0 = r10;
    *mr1 = r8;
    *mr2 = r9;
    *mr3 = r15;
}

static inline void keel_sys_null(seL4_Word sys)
{
    __asm__ volatile("syscall" : "+d"(sys) : : "rcx", "r11", "memory");
}
