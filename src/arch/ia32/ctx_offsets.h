/*
 * Byte offsets into struct arch_context (<arch/regs.h>) and the segment
 * selectors, shared by the assembly (trap.S, head.S) and C. Each offset is
 * checked against the C layout in trap.c with _Static_assert.
 */
#pragma once

#define CTX_EAX     0
#define CTX_EBX     4
#define CTX_ECX     8
#define CTX_EDX     12
#define CTX_ESI     16
#define CTX_EDI     20
#define CTX_EBP     24
#define CTX_ESP     28
#define CTX_EIP     32
#define CTX_EFLAGS  36
#define CTX_FS_BASE 40
#define CTX_GS_BASE 44
#define CTX_FPU     48

/* GDT layout. sysenter loads CS from IA32_SYSENTER_CS and SS = CS + 8;
 * sysexit loads CS = SYSENTER_CS + 16 and SS = SYSENTER_CS + 24 (RPL 3),
 * so kernel code, kernel data, user code, user data come in that order.
 * The two TLS descriptors (user data segments whose base is the thread's FS
 * and GS base) are rewritten on every return to user mode. */
#define SEL_KCODE       0x08
#define SEL_KDATA       0x10
#define SEL_UCODE       0x18
#define SEL_UDATA       0x20
#define SEL_TSS         0x28
#define SEL_TLS_FS      0x30
#define SEL_TLS_GS      0x38
#define SEL_USER_CS     (SEL_UCODE | 3)
#define SEL_USER_DS     (SEL_UDATA | 3)
#define SEL_USER_FS     (SEL_TLS_FS | 3)
#define SEL_USER_GS     (SEL_TLS_GS | 3)

/* eflags: what user mode may hold (CF PF AF ZF SF TF DF OF AC ID, never
 * IOPL, NT, VM), and what it always has (IF, the reserved bit 1). */
#define EFLAGS_USER     0x240dd5
#define EFLAGS_IF       0x200
#define EFLAGS_FIXED    0x2

/* Interrupt vectors (shared with x86_64); the software-interrupt system
 * call for CPUs without sysenter. */
#include <arch/x86/vectors.h>
#define VEC_SYSCALL     0x80

#define KSTACK_SIZE     16384
