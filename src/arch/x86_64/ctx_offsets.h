/*
 * Byte offsets into struct arch_context (<arch/regs.h>) and the segment
 * selectors, shared by the assembly (trap.S, head.S) and C. Each offset is
 * checked against the C layout in trap.c with _Static_assert.
 */
#pragma once

#define CTX_RAX     0
#define CTX_RBX     8
#define CTX_RCX     16
#define CTX_RDX     24
#define CTX_RSI     32
#define CTX_RDI     40
#define CTX_RBP     48
#define CTX_RSP     56
#define CTX_R8      64
#define CTX_R9      72
#define CTX_R10     80
#define CTX_R11     88
#define CTX_R12     96
#define CTX_R13     104
#define CTX_R14     112
#define CTX_R15     120
#define CTX_RIP     128
#define CTX_RFLAGS  136
#define CTX_FS_BASE 144
#define CTX_FPU     160

/* GDT layout. `syscall` loads CS = STAR[47:32] and SS = that + 8; `sysretq`
 * loads SS = STAR[63:48] + 8 and CS = STAR[63:48] + 16 (both with RPL 3), so
 * the user data descriptor must sit between a 32-bit user code slot (left
 * null: only sysretl would use it) and the 64-bit user code descriptor. */
#define SEL_KCODE       0x08
#define SEL_KDATA       0x10
#define SEL_UCODE32     0x18
#define SEL_UDATA       0x20
#define SEL_UCODE       0x28
#define SEL_TSS         0x30
#define SEL_USER_CS     (SEL_UCODE | 3)
#define SEL_USER_SS     (SEL_UDATA | 3)

/* rflags: what user mode may hold (CF PF AF ZF SF TF DF OF AC ID, never
 * IOPL, NT, VM), and what it always has (IF, the reserved bit 1). */
#define RFLAGS_USER     0x240dd5
#define RFLAGS_IF       0x200
#define RFLAGS_FIXED    0x2

/* CR0.TS: FP/SSE instructions raise #NM (a thread whose FPU is disabled). */
#define CR0_TS          0x8

/* For the fastpath's exit (fastpath.S): the first address sysretq must not
 * return to (ARCH_USER_TOP) and the FS base MSR. */
#define X86_USER_TOP    0x00007ffffffff000
#define X86_MSR_FS_BASE 0xc0000100

/* Interrupt vectors (shared with ia32). */
#include <arch/x86/vectors.h>

#define KSTACK_SIZE     16384
