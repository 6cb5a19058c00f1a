/*
 * Exception vectors, entry and exit (VBAR_EL1).
 *
 * While a thread runs at EL0, SP_EL1 points at its struct arch_context (the
 * context is 16-byte aligned: it is at offset 0 of a TCB). An exception from
 * EL0 therefore stores the user registers with sp-relative stores and needs
 * no scratch register; then sp moves to the top of the kernel stack. While
 * the kernel runs, SP_EL1 is the kernel stack. The kernel is event-driven
 * with one stack: every entry starts at the top of arm_kernel_stack and
 * never returns to the code it interrupted. The kernel runs with interrupts
 * masked (PSTATE.I, set by every exception); only the idle loop unmasks them.
 */
#include "asm.h"

/* x0..x29 at their slots, x30 and SP_EL0 as a pair, then the pc and SPSR,
 * and TPIDR_EL0 (EL0 can write it, so it changes behind the kernel's back). */
.macro save_user_regs
    stp x0, x1, [sp, #CTX_REG(0)]
    stp x2, x3, [sp, #CTX_REG(2)]
    stp x4, x5, [sp, #CTX_REG(4)]
    stp x6, x7, [sp, #CTX_REG(6)]
    stp x8, x9, [sp, #CTX_REG(8)]
    stp x10, x11, [sp, #CTX_REG(10)]
    stp x12, x13, [sp, #CTX_REG(12)]
    stp x14, x15, [sp, #CTX_REG(14)]
    stp x16, x17, [sp, #CTX_REG(16)]
    stp x18, x19, [sp, #CTX_REG(18)]
    stp x20, x21, [sp, #CTX_REG(20)]
    stp x22, x23, [sp, #CTX_REG(22)]
    stp x24, x25, [sp, #CTX_REG(24)]
    stp x26, x27, [sp, #CTX_REG(26)]
    stp x28, x29, [sp, #CTX_REG(28)]
    mrs x21, sp_el0
    stp x30, x21, [sp, #CTX_REG(30)]
    mrs x22, elr_el1
    mrs x23, spsr_el1
    stp x22, x23, [sp, #CTX_PC]
    mrs x24, tpidr_el0
    str x24, [sp, #CTX_TPIDR]
    mov x19, sp                         /* the context, for the C side */
    adrp x20, arm_kernel_stack_top
    add x20, x20, :lo12:arm_kernel_stack_top
    mov sp, x20
.endm

/* A vector slot is 0x80 bytes: each branches to its handler. */
.macro vector target
    .balign 0x80
    b \target
.endm

    .text
    .balign 2048                        /* VBAR_EL1 ignores the low 11 bits */
    .globl arm_vectors
arm_vectors:
    vector .Lkernel_trap                /* current EL, SP_EL0: never used */
    vector .Lkernel_trap
    vector .Lkernel_trap
    vector .Lkernel_trap
    vector .Lkernel_trap                /* current EL, SP_ELx: synchronous */
    vector .Lkernel_irq                 /* IRQ: the idle loop's wake-up */
    vector .Lkernel_trap                /* FIQ */
    vector .Lkernel_trap                /* SError */
    vector .Luser_sync                  /* lower EL, AArch64 */
    vector .Luser_irq
    vector .Luser_other                 /* FIQ */
    vector .Luser_other                 /* SError */
    vector .Luser_other                 /* lower EL, AArch32: no such threads */
    vector .Luser_other
    vector .Luser_other
    vector .Luser_other

/* A synchronous exception from EL0. An svc leaves x7 = syscall number,
 * x0 = capability and x1 = message info live in registers. */
.Luser_sync:
    save_user_regs
    mrs x9, esr_el1
    lsr x9, x9, #ESR_EC_SHIFT
    cmp x9, #ESR_EC_SVC64
    b.ne .Luser_fault
    cmn x7, #(-(SYS_CALL))                 /* x7 == -1 */
    b.eq .Lfast_call
    cmn x7, #(-(SYS_REPLY_RECV))           /* x7 == -2 */
    b.eq .Lfast_reply_recv
    mov x0, x7
    bl core_syscall
    b arch_restore_user
.Lfast_call:
    b fastpath_call                     /* (cptr, info); never returns */
.Lfast_reply_recv:
    b fastpath_reply_recv

.Luser_fault:
    mov x0, x19
    bl arm_trap_user
    b arch_restore_user

.Luser_irq:
    save_user_regs
    bl core_interrupt
    b arch_restore_user

.Luser_other:
    save_user_regs
    mov x0, x19
    bl arm_trap_user_other
    b arch_restore_user

/* An exception taken at EL1: the idle loop's interrupt, or a kernel bug.
 * Nothing of the interrupted code is kept; the old sp goes to the report. */
.Lkernel_irq:
    mov x0, sp
    adrp x1, arm_kernel_stack_top
    add x1, x1, :lo12:arm_kernel_stack_top
    mov sp, x1
    bl arm_trap_kernel_irq
    b arch_restore_user
.Lkernel_trap:
    mov x0, sp
    adrp x1, arm_kernel_stack_top
    add x1, x1, :lo12:arm_kernel_stack_top
    mov sp, x1
    bl arm_trap_kernel                  /* panics */
1:  b 1b

/* arch_restore_user(ctx): eret to EL0 with ctx, or idle if ctx == NULL.
 * User code may have written any SPSR (WriteRegisters, fault replies): only
 * NZCV are kept, so the eret always goes to EL0t in AArch64 state with
 * interrupts unmasked. */
    .globl arch_restore_user, arch_fastpath_exit
arch_restore_user:
arch_fastpath_exit:
    cbz x0, arm_idle_loop
    mov sp, x0
    /* FPEN on only for the thread whose state the FP registers hold
     * (core/fpu_lazy.c's fpu_owner); eret makes the change take effect. */
    adrp x1, fpu_owner
    ldr x1, [x1, :lo12:fpu_owner]
    mov x2, #CPACR_FPEN_ON
    cmp x1, x0
    csel x2, x2, xzr, eq
    mrs x3, cpacr_el1
    cmp x2, x3
    b.eq 1f
    msr cpacr_el1, x2
1:
    ldp x22, x23, [sp, #CTX_PC]
    and x23, x23, #ARM_SPSR_USER_MASK
    msr elr_el1, x22
    msr spsr_el1, x23
    ldp x30, x21, [sp, #CTX_REG(30)]
    msr sp_el0, x21
    ldp x24, x25, [sp, #CTX_TPIDR]
    msr tpidr_el0, x24
    msr tpidrro_el0, x25
    ldp x2, x3, [sp, #CTX_REG(2)]
    ldp x4, x5, [sp, #CTX_REG(4)]
    ldp x6, x7, [sp, #CTX_REG(6)]
    ldp x8, x9, [sp, #CTX_REG(8)]
    ldp x10, x11, [sp, #CTX_REG(10)]
    ldp x12, x13, [sp, #CTX_REG(12)]
    ldp x14, x15, [sp, #CTX_REG(14)]
    ldp x16, x17, [sp, #CTX_REG(16)]
    ldp x18, x19, [sp, #CTX_REG(18)]
    ldp x20, x21, [sp, #CTX_REG(20)]
    ldp x22, x23, [sp, #CTX_REG(22)]
    ldp x24, x25, [sp, #CTX_REG(24)]
    ldp x26, x27, [sp, #CTX_REG(26)]
    ldp x28, x29, [sp, #CTX_REG(28)]
    ldp x0, x1, [sp, #CTX_REG(0)]
    eret

/* Nothing to run: wait for an interrupt on a fresh stack with IRQs
 * unmasked; it comes back through .Lkernel_irq. */
    .globl arm_idle_loop, arm_idle_loop_end
arm_idle_loop:
    adrp x1, arm_kernel_stack_top
    add x1, x1, :lo12:arm_kernel_stack_top
    mov sp, x1
    msr daifclr, #2
1:  wfi
    b 1b
arm_idle_loop_end:

    .bss
    .balign 16
    .globl arm_kernel_stack, arm_kernel_stack_top
arm_kernel_stack:
    .space ARM_KSTACK_SIZE
arm_kernel_stack_top:

    .section .note.GNU-stack, "", %progbits
