/*
 * Saving and loading a thread's F/D registers (fpu.c decides when). The
 * kernel is built for rv64imac, without F or D, so that the compiler never
 * touches an FP register; the few FP loads and stores here are written as
 * their encodings, which both GNU as and clang's assembler take for an
 * rv64imac target. FS is set on first: with FS = Off even S-mode FP
 * instructions trap. The way back to user mode sets FS for the thread.
 */
#include "asm.h"

    .option norelax

#define A0 10                   /* x10: the state pointer */
#define CSR_FCSR 0x003

/* fsd f\n, off(a0) and fld f\n, off(a0) (S- and I-type, funct3 3). */
.macro fsd_a0 n, off
    .word ((((\off) >> 5) & 0x7f) << 25) | ((\n) << 20) | (A0 << 15) | (3 << 12) | (((\off) & 31) << 7) | 0x27
.endm
.macro fld_a0 n, off
    .word (((\off) & 0xfff) << 20) | (A0 << 15) | (3 << 12) | ((\n) << 7) | 0x07
.endm

    .text
/* arch_fpu_save(struct arch_fpu_state *s) */
    .globl arch_fpu_save
arch_fpu_save:
    li t0, SSTATUS_FS_DIRTY
    csrs sstatus, t0
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fsd_a0 \n, FPU_F(\n)
    .endr
    csrr t0, CSR_FCSR
    sd t0, FPU_FCSR(a0)
    ret

/* arch_fpu_load(const struct arch_fpu_state *s) */
    .globl arch_fpu_load
arch_fpu_load:
    li t0, SSTATUS_FS_DIRTY
    csrs sstatus, t0
    .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
    fld_a0 \n, FPU_F(\n)
    .endr
    ld t0, FPU_FCSR(a0)
    csrw CSR_FCSR, t0
    ret

    .section .note.GNU-stack, "", @progbits
