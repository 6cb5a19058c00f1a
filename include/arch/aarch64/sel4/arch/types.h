/*
 * Word-size types of this architecture (64-bit).
 */
#pragma once

typedef unsigned long seL4_Word;
typedef long seL4_SWord;
#define seL4_WordBits 64
#define seL4_WordSizeBits 3

/* The register set of TCB_ReadRegisters/WriteRegisters, in libsel4's order:
 * the "frame" registers, then the other integer ones, then the thread-ID
 * registers (TPIDR_EL0 is the TLS pointer). */
typedef struct seL4_UserContext_ {
    seL4_Word pc, sp, spsr, x0, x1, x2, x3, x4, x5, x6, x7, x8, x16, x17, x18, x29, x30;
    seL4_Word x9, x10, x11, x12, x13, x14, x15, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28;
    seL4_Word tpidr_el0, tpidrro_el0;
} seL4_UserContext;
