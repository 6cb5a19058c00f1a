/*
 * Interrupt vectors of both x86 ports (plain #defines: the assembly uses
 * them too).
 */
#pragma once

#define VEC_PF          14
#define VEC_IRQ_BASE    0x20    /* device IRQ n -> vector 0x20 + n */
#define VEC_PIC_BASE    0xd0    /* the masked legacy 8259s, 0xd0..0xdf */
#define VEC_TIMER       0xef    /* LAPIC timer */
#define VEC_SPURIOUS    0xff    /* LAPIC spurious vector */
