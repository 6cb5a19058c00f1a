/*
 * Word-size types of ia32 (32-bit). seL4_Word is unsigned long, 32 bits
 * here as unsigned int is in seL4's libsel4 (docs/api.md).
 */
#pragma once

typedef unsigned long seL4_Word;
typedef long seL4_SWord;
#define seL4_WordBits 32
#define seL4_WordSizeBits 2

/* The register set of TCB_ReadRegisters/WriteRegisters, in libsel4's ia32
 * order (fs_base and gs_base are the TLS segment bases: Keel keeps one,
 * the GS base, and reads fs_base as 0). */
typedef struct seL4_UserContext_ {
    seL4_Word eip, esp, eflags, eax, ebx, ecx, edx, esi, edi, ebp;
    seL4_Word fs_base, gs_base;
} seL4_UserContext;
