/*
 * Word-size types of this architecture (64-bit).
 */
#pragma once

typedef unsigned long seL4_Word;
typedef long seL4_SWord;
#define seL4_WordBits 64
#define seL4_WordSizeBits 3

/* The register set of TCB_ReadRegisters/WriteRegisters, in libsel4's order
 * (Keel has no gs_base: see docs/api.md). */
typedef struct seL4_UserContext_ {
    seL4_Word rip, rsp, rflags, rax, rbx, rcx, rdx, rsi, rdi, rbp;
    seL4_Word r8, r9, r10, r11, r12, r13, r14, r15;
    seL4_Word fs_base;
} seL4_UserContext;
