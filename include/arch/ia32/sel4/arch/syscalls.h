/*
 * ia32 system call primitives, under the libsel4 wrappers. The register use
 * follows seL4 on ia32:
 *   eax = syscall number, ebx = capability / badge, esi = message info,
 *   edi and ebp = message registers 0 and 1 (seL4_FastMessageRegisters 2),
 *   ecx = the stack pointer and edx = the address of the sysenter itself
 *   (the kernel resumes the thread 2 bytes further, in ecx and edx too).
 * ebp cannot be an asm operand while it may be the frame pointer, so it is
 * saved on the stack around the call, as libsel4 does.
 */
#pragma once

#include <sel4/types.h>

#define seL4_FastMessageRegisters 2

static inline void keel_sys_send(seL4_Word sys, seL4_Word dest, seL4_Word info,
                                 seL4_Word mr0, seL4_Word mr1, seL4_Word mr2, seL4_Word mr3)
{
    (void)mr2;
    (void)mr3;
    __asm__ volatile("pushl %%ebp\n\t"
                     "movl %%ecx, %%ebp\n\t"
                     "movl %%esp, %%ecx\n\t"
                     "leal 1f, %%edx\n"
                     "1:\n\t"
                     "sysenter\n\t"
                     "popl %%ebp"
                     : "+a"(sys), "+b"(dest), "+S"(info), "+D"(mr0), "+c"(mr1)
                     :
                     : "edx", "memory");
}

static inline void keel_sys_recv(seL4_Word sys, seL4_Word src, seL4_Word *out_badge,
                                 seL4_Word *out_info, seL4_Word *mr0, seL4_Word *mr1,
                                 seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_Word info, m0, m1;
    __asm__ volatile("pushl %%ebp\n\t"
                     "movl %%esp, %%ecx\n\t"
                     "leal 1f, %%edx\n"
                     "1:\n\t"
                     "sysenter\n\t"
                     "movl %%ebp, %%ecx\n\t"
                     "popl %%ebp"
                     : "+a"(sys), "+b"(src), "=S"(info), "=D"(m0), "=c"(m1)
                     :
                     : "edx", "memory");
    *out_badge = src;
    *out_info = info;
    *mr0 = m0;
    *mr1 = m1;
    (void)mr2;                          /* in the IPC buffer only */
    (void)mr3;
}

static inline void keel_sys_send_recv(seL4_Word sys, seL4_Word dest, seL4_Word *out_badge,
                                      seL4_Word info, seL4_Word *out_info, seL4_Word *mr0,
                                      seL4_Word *mr1, seL4_Word *mr2, seL4_Word *mr3)
{
    seL4_Word m0 = *mr0, m1 = *mr1;
    __asm__ volatile("pushl %%ebp\n\t"
                     "movl %%ecx, %%ebp\n\t"
                     "movl %%esp, %%ecx\n\t"
                     "leal 1f, %%edx\n"
                     "1:\n\t"
                     "sysenter\n\t"
                     "movl %%ebp, %%ecx\n\t"
                     "popl %%ebp"
                     : "+a"(sys), "+b"(dest), "+S"(info), "+D"(m0), "+c"(m1)
                     :
                     : "edx", "memory");
    *out_badge = dest;
    *out_info = info;
    *mr0 = m0;
    *mr1 = m1;
    (void)mr2;                          /* in the IPC buffer only */
    (void)mr3;
}

static inline void keel_sys_null(seL4_Word sys)
{
    __asm__ volatile("movl %%esp, %%ecx\n\t"
                     "leal 1f, %%edx\n"
                     "1:\n\t"
                     "sysenter"
                     : "+a"(sys)
                     :
                     : "ecx", "edx", "memory");
}
