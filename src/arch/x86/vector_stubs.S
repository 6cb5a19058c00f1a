/*
 * The 256 IDT entry stubs of both x86 ports, 16 bytes apart: push a dummy
 * error code where the CPU pushes none, push the vector, join the port's
 * common path (x86_trap_common in its trap.S). `push` without a suffix is
 * pushq in 64-bit code and pushl in 32-bit code, so one source serves both.
 */
    .text
    .balign 16
    .globl x86_vector_stubs
x86_vector_stubs:
    .set vec, 0
    .rept 256
    .balign 16
    .if (vec == 8) || (vec == 10) || (vec == 11) || (vec == 12) || (vec == 13) || (vec == 14) || (vec == 17) || (vec == 21) || (vec == 29) || (vec == 30)
    .else
    push $0
    .endif
    push $vec
    jmp x86_trap_common
    .set vec, vec + 1
    .endr

    .section .note.GNU-stack, "", @progbits
