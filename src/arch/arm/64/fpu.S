/*
 * Saving and loading a thread's FP/SIMD registers (fpu.c decides when). The
 * kernel's C is built with -mgeneral-regs-only, so these two routines are
 * the only kernel code that touches q0..q31; FPEN is turned on first (with
 * it off even EL1 traps). The way back to user mode sets FPEN for the thread.
 */
#include "asm.h"

    .arch armv8-a+fp+simd

.macro fpen_on
    mrs x9, cpacr_el1
    orr x9, x9, #CPACR_FPEN_ON
    msr cpacr_el1, x9
    isb
.endm

    .text
/* arch_fpu_save(struct arch_fpu_state *s) */
    .globl arch_fpu_save
arch_fpu_save:
    fpen_on
    stp q0, q1, [x0, #FPU_Q(0)]
    stp q2, q3, [x0, #FPU_Q(2)]
    stp q4, q5, [x0, #FPU_Q(4)]
    stp q6, q7, [x0, #FPU_Q(6)]
    stp q8, q9, [x0, #FPU_Q(8)]
    stp q10, q11, [x0, #FPU_Q(10)]
    stp q12, q13, [x0, #FPU_Q(12)]
    stp q14, q15, [x0, #FPU_Q(14)]
    stp q16, q17, [x0, #FPU_Q(16)]
    stp q18, q19, [x0, #FPU_Q(18)]
    stp q20, q21, [x0, #FPU_Q(20)]
    stp q22, q23, [x0, #FPU_Q(22)]
    stp q24, q25, [x0, #FPU_Q(24)]
    stp q26, q27, [x0, #FPU_Q(26)]
    stp q28, q29, [x0, #FPU_Q(28)]
    stp q30, q31, [x0, #FPU_Q(30)]
    mrs x9, fpsr
    mrs x10, fpcr
    add x11, x0, #FPU_FPSR
    stp x9, x10, [x11]
    ret

/* arch_fpu_load(const struct arch_fpu_state *s) */
    .globl arch_fpu_load
arch_fpu_load:
    fpen_on
    ldp q0, q1, [x0, #FPU_Q(0)]
    ldp q2, q3, [x0, #FPU_Q(2)]
    ldp q4, q5, [x0, #FPU_Q(4)]
    ldp q6, q7, [x0, #FPU_Q(6)]
    ldp q8, q9, [x0, #FPU_Q(8)]
    ldp q10, q11, [x0, #FPU_Q(10)]
    ldp q12, q13, [x0, #FPU_Q(12)]
    ldp q14, q15, [x0, #FPU_Q(14)]
    ldp q16, q17, [x0, #FPU_Q(16)]
    ldp q18, q19, [x0, #FPU_Q(18)]
    ldp q20, q21, [x0, #FPU_Q(20)]
    ldp q22, q23, [x0, #FPU_Q(22)]
    ldp q24, q25, [x0, #FPU_Q(24)]
    ldp q26, q27, [x0, #FPU_Q(26)]
    ldp q28, q29, [x0, #FPU_Q(28)]
    ldp q30, q31, [x0, #FPU_Q(30)]
    add x11, x0, #FPU_FPSR
    ldp x9, x10, [x11]
    msr fpsr, x9
    msr fpcr, x10
    ret

    .section .note.GNU-stack, "", %progbits
