/*
 * Trap entry and exit (stvec, Direct mode: every trap lands here).
 *
 * While a thread runs in user mode, sscratch holds its struct arch_context;
 * while the kernel runs (or idles) sscratch is 0. The first instruction swaps
 * a0 with sscratch, which both frees a register and tells the two cases apart.
 * The kernel is event-driven with one stack: every entry starts at the top of
 * riscv_kernel_stack and never returns to the code it interrupted.
 */
#include "asm.h"

    .option norelax             /* lld cannot relax; nothing here needs it */

.macro save_user_regs
    .irp n, 1,2,3,4,5,6,7,8,9,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    sd x\n, CTX_REG(\n)(a0)
    .endr
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
    csrrw a0, sscratch, a0
    beqz a0, .Lfrom_kernel
    save_user_regs
    csrr t0, sscratch           /* the user's a0 */
    sd t0, CTX_A0(a0)
    csrw sscratch, zero         /* in the kernel now */
    csrr t0, sepc
    sd t0, CTX_PC(a0)
    csrr t0, sstatus
    sd t0, CTX_STATUS(a0)
    la sp, riscv_kernel_stack_top
    call riscv_trap_user        /* a0 = the context to restore (or NULL) */
    j arch_restore_user

/* A trap taken in S-mode: the idle loop's timer interrupt, or a kernel bug.
 * Nothing of the interrupted code is kept; the old sp is passed for the report. */
.Lfrom_kernel:
    csrrw a0, sscratch, a0      /* a0 back, sscratch = 0 again */
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
