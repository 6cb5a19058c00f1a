/*
 * Word-size types of this architecture (64-bit).
 */
#pragma once

typedef unsigned long seL4_Word;
typedef long seL4_SWord;
#define seL4_WordBits 64
#define seL4_WordSizeBits 3

/* The register set of TCB_ReadRegisters/WriteRegisters, in libsel4's order. */
typedef struct seL4_UserContext_ {
    seL4_Word pc, ra, sp, gp;
    seL4_Word s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
    seL4_Word a0, a1, a2, a3, a4, a5, a6, a7;
    seL4_Word t0, t1, t2, t3, t4, t5, t6;
    seL4_Word tp;
} seL4_UserContext;
