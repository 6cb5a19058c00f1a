/*
 * Trap entry and exit (stvec, Direct mode: every trap lands here).
 *
 * While a thread runs in user mode, sscratch holds its struct arch_context;
 * while the kernel runs (or idles) sscratch is 0. The first instruction swaps
 * s0 with sscratch, which both frees a register and tells the two cases apart
 * (s0, not an argument register: a system call's arguments stay live for
 * the IPC fastpath).
 * The kernel is event-driven with one stack: every entry starts at the top of
 * riscv_kernel_stack and never returns to the code it interrupted.
 */
#include "asm.h"
#include <core/asm_layout.h>

    .option norelax             /* lld cannot relax; nothing here needs it */

.macro save_user_regs
    .irp n, 1,2,3,4,5,6,7,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd x\n, CTX_REG(\n)(s0)
    .endr
.endm

/* FS for the thread in a0: on (Dirty) if the FP registers hold its state
 * (core/fpu_lazy.c's fpu_owner), Off otherwise, so that its first FP
 * instruction traps and fetches its state. Uses t0, t1. */
.macro set_user_fs
    ld t0, fpu_owner
    li t1, SSTATUS_FS
    csrc sstatus, t1
    bne t0, a0, 1f
    csrs sstatus, t1
1:
.endm

.macro load_user_regs
    .irp n, 1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    ld x\n, CTX_REG(\n)(a0)
    .endr
.endm

    .text
    .balign 4                   /* stvec ignores the low two bits */
    .globl riscv_trap_entry
riscv_trap_entry:
    csrrw s0, sscratch, s0
    beqz s0, .Lfrom_kernel
    save_user_regs
    csrr t0, sscratch           /* the user's s0 */
    sd t0, CTX_REG(8)(s0)
    csrw sscratch, zero         /* in the kernel now */
    csrr t1, sepc
    csrr t2, scause
    li t3, SCAUSE_ECALL_U
    bne t2, t3, .Lnot_syscall

/* A system call. Every register but s0 and t0..t3 still holds the user's
 * value: a7 the syscall number, a0 the capability, a1 the message info.
 * sstatus is not saved: only the non-syscall path reads it back. */
    addi t1, t1, 4              /* return past the ecall */
    sd t1, CTX_PC(s0)
#if KEEL_FASTPATH
    li t3, ASM_SYS_CALL
    beq a7, t3, .Lfast_call
    li t3, ASM_SYS_REPLY_RECV
    beq a7, t3, .Lfast_reply_recv
#endif
    la sp, riscv_kernel_stack_top
    mv a0, a7
    call core_syscall
    j arch_restore_user
#if KEEL_FASTPATH
/* The IPC fastpath never returns. The port's own (fastpath.S) sets sp only
 * when it calls C; the portable one (core/fastpath.c) is called with the
 * capability and the message info. */
#if KEEL_ARCH_FASTPATH
.Lfast_call:
    j riscv_fastpath_call
.Lfast_reply_recv:
    j riscv_fastpath_reply_recv
#else
.Lfast_call:
    la sp, riscv_kernel_stack_top
    tail fastpath_call          /* (cptr, info): a0, a1 */
.Lfast_reply_recv:
    la sp, riscv_kernel_stack_top
    tail fastpath_reply_recv
#endif
#endif

.Lnot_syscall:
    sd t1, CTX_PC(s0)
    csrr t2, sstatus            /* riscv_trap_user checks SPP in it */
    sd t2, CTX_STATUS(s0)
    la sp, riscv_kernel_stack_top
    mv a0, s0
    call riscv_trap_user        /* a0 = the context to restore (or NULL) */
    j arch_restore_user

/* A trap taken in S-mode: the idle loop's timer interrupt, or a kernel bug.
 * Nothing of the interrupted code is kept; the old sp is passed for the report. */
.Lfrom_kernel:
    csrrw s0, sscratch, s0      /* s0 back, sscratch = 0 again */
    mv a0, sp
    la sp, riscv_kernel_stack_top
    call riscv_trap_kernel
    j arch_restore_user

/* arch_restore_user(ctx): sret into user mode with ctx, or idle if ctx == NULL.
 * sstatus is rebuilt rather than restored: sret goes to U-mode (SPP = 0)
 * with interrupts on there (SPIE = 1), SIE stays off until sret, and the
 * kernel never reaches user memory through user mappings (SUM = 0). */
    .globl arch_restore_user
arch_restore_user:
    beqz a0, riscv_idle_loop
    csrw sscratch, a0
    ld t0, CTX_PC(a0)
    csrw sepc, t0
    li t0, SSTATUS_SPP | SSTATUS_SIE | SSTATUS_SUM
    csrc sstatus, t0
    li t0, SSTATUS_SPIE
    csrs sstatus, t0
    set_user_fs
    load_user_regs
    ld a0, CTX_A0(a0)
    sret

/* arch_fastpath_exit(ctx): the way back after the IPC fastpath switched
 * threads. ctx's thread entered through ecall and this entry came from
 * U-mode too, so sstatus already says what sret needs (SPP = 0, SPIE = 1,
 * SIE = 0): only sepc, FS and the registers are loaded. */
    .globl arch_fastpath_exit
arch_fastpath_exit:
    csrw sscratch, a0
    ld t0, CTX_PC(a0)
    csrw sepc, t0
    set_user_fs
    load_user_regs
    ld a0, CTX_A0(a0)
    sret

/* Nothing to run: wait for an interrupt on a fresh stack, with S-mode
 * interrupts on; the trap comes back through .Lfrom_kernel. */
    .globl riscv_idle_loop, riscv_idle_loop_end
riscv_idle_loop:
    la sp, riscv_kernel_stack_top
    csrsi sstatus, SSTATUS_SIE
1:  wfi
    j 1b
riscv_idle_loop_end:

    .bss
    .balign 16
    .globl riscv_kernel_stack, riscv_kernel_stack_top
riscv_kernel_stack:
    .space RISCV_KSTACK_SIZE
riscv_kernel_stack_top:

    .section .note.GNU-stack, "", @progbits
