/*
 * The FAULT tests' assembly stubs and what they leave behind, per
 * architecture: fault_kread (a load from a kernel address), fault_usys (an
 * unknown system call with known register values), fault_illegal (an
 * undefined instruction), and the constants the tests compare with. Only
 * fault.c includes this file: it defines the stubs.
 */
#pragma once

#include <sel4/sel4.h>

seL4_Word fault_kread(seL4_Word addr);
seL4_Word fault_usys(void);
seL4_Word fault_illegal(void);
extern char fault_kread_insn[], fault_usys_insn[], fault_illegal_insn[];
extern volatile seL4_Word fault_sp;     /* the stubs' stack pointer at the fault */

#if defined(__riscv)
#define KERNEL_ADDR 0xffffffc080200000ul
#define SYSCALL_LEN 4
#define ILLEGAL_LEN 4
#define ILLEGAL_NUMBER 2        /* scause: illegal instruction */
#define READ_FSR 5              /* seL4's RISCVLoadAccessFault, for any load fault */
#define UNMAPPED_PC 0x10000000ul
__asm__(".text\n"
        ".globl fault_kread\n"
        "fault_kread:\n"
        ".globl fault_kread_insn\n"
        "fault_kread_insn:\n"
        "    ld a0, 0(a0)\n"
        "    ret\n"
        ".globl fault_usys\n"
        "fault_usys:\n"
        "    addi sp, sp, -16\n"
        "    sd ra, 8(sp)\n"
        "    la t0, fault_sp\n"
        "    sd sp, 0(t0)\n"
        "    li ra, 0x7a7a\n"
        "    li a0, 0xa0\n"
        "    li a1, 0xa1\n"
        "    li a2, 0xa2\n"
        "    li a3, 0xa3\n"
        "    li a4, 0xa4\n"
        "    li a5, 0xa5\n"
        "    li a6, 0xa6\n"
        "    li a7, -100\n"
        ".globl fault_usys_insn\n"
        "fault_usys_insn:\n"
        "    ecall\n"
        "    ld ra, 8(sp)\n"
        "    addi sp, sp, 16\n"
        "    ret\n"
        ".globl fault_illegal\n"
        "fault_illegal:\n"
        "    la t0, fault_sp\n"
        "    sd sp, 0(t0)\n"
        ".globl fault_illegal_insn\n"
        "fault_illegal_insn:\n"
        "    .4byte 0xc0001073\n"   /* csrrw zero, cycle, zero: a write to a read-only CSR */
        "    li a0, 0x600d\n"
        "    ret\n");

/* The UnknownSyscall message words the stub sets up, by index. */
static const struct { int index; seL4_Word value; } usys_regs[] = {
    { seL4_UnknownSyscall_RA, 0x7a7a }, { seL4_UnknownSyscall_A0, 0xa0 }, { seL4_UnknownSyscall_A1, 0xa1 },
    { seL4_UnknownSyscall_A2, 0xa2 },   { seL4_UnknownSyscall_A3, 0xa3 }, { seL4_UnknownSyscall_A4, 0xa4 },
    { seL4_UnknownSyscall_A5, 0xa5 },   { seL4_UnknownSyscall_A6, 0xa6 },
};
#define USYS_RESULT seL4_UnknownSyscall_A0

#elif defined(__x86_64__)
#define KERNEL_ADDR 0xffffffff80100000ul
#define SYSCALL_LEN 2
#define ILLEGAL_LEN 2
#define ILLEGAL_NUMBER 6        /* #UD */
#define READ_FSR 5              /* page-fault error code: present, read, user */
#define UNMAPPED_PC 0x10000000ul
__asm__(".text\n"
        ".globl fault_kread\n"
        "fault_kread:\n"
        ".globl fault_kread_insn\n"
        "fault_kread_insn:\n"
        "    mov (%rdi), %rax\n"
        "    ret\n"
        ".globl fault_usys\n"
        "fault_usys:\n"
        "    push %rbx\n"
        "    push %rbp\n"
        "    push %r12\n"
        "    push %r13\n"
        "    push %r14\n"
        "    push %r15\n"
        "    mov %rsp, fault_sp(%rip)\n"
        "    mov $0xa0, %rax\n"
        "    mov $0xb0, %rbx\n"
        "    mov $0xc0, %rsi\n"
        "    mov $0xd0, %rdi\n"
        "    mov $0xe0, %rbp\n"
        "    mov $0x108, %r8\n"
        "    mov $0x109, %r9\n"
        "    mov $0x10a, %r10\n"
        "    mov $0x10c, %r12\n"
        "    mov $0x10d, %r13\n"
        "    mov $0x10e, %r14\n"
        "    mov $0x10f, %r15\n"
        "    mov $-100, %rdx\n"
        ".globl fault_usys_insn\n"
        "fault_usys_insn:\n"
        "    syscall\n"
        "    pop %r15\n"
        "    pop %r14\n"
        "    pop %r13\n"
        "    pop %r12\n"
        "    pop %rbp\n"
        "    pop %rbx\n"
        "    ret\n"
        ".globl fault_illegal\n"
        "fault_illegal:\n"
        "    mov %rsp, fault_sp(%rip)\n"
        ".globl fault_illegal_insn\n"
        "fault_illegal_insn:\n"
        "    ud2\n"
        "    mov $0x600d, %eax\n"
        "    ret\n");

static const struct { int index; seL4_Word value; } usys_regs[] = {
    { seL4_UnknownSyscall_RAX, 0xa0 },  { seL4_UnknownSyscall_RBX, 0xb0 },  { seL4_UnknownSyscall_RSI, 0xc0 },
    { seL4_UnknownSyscall_RDI, 0xd0 },  { seL4_UnknownSyscall_RBP, 0xe0 },  { seL4_UnknownSyscall_R8, 0x108 },
    { seL4_UnknownSyscall_R9, 0x109 },  { seL4_UnknownSyscall_R10, 0x10a }, { seL4_UnknownSyscall_R12, 0x10c },
    { seL4_UnknownSyscall_R13, 0x10d }, { seL4_UnknownSyscall_R14, 0x10e }, { seL4_UnknownSyscall_R15, 0x10f },
};
#define USYS_RESULT seL4_UnknownSyscall_RAX

#elif defined(__i386__)
#define KERNEL_ADDR 0xe0100000ul
#define SYSCALL_LEN 2
#define ILLEGAL_LEN 2
#define ILLEGAL_NUMBER 6        /* #UD */
#define READ_FSR 5              /* page-fault error code: present, read, user */
#define UNMAPPED_PC 0x10000000ul
/* sysenter takes the stack pointer in ecx and the address of the sysenter
 * itself in edx (seL4's ia32 ABI), so those two carry no test values. */
__asm__(".text\n"
        ".globl fault_kread\n"
        "fault_kread:\n"
        "    movl 4(%esp), %eax\n"
        ".globl fault_kread_insn\n"
        "fault_kread_insn:\n"
        "    movl (%eax), %eax\n"
        "    ret\n"
        ".globl fault_usys\n"
        "fault_usys:\n"
        "    pushl %ebx\n"
        "    pushl %esi\n"
        "    pushl %edi\n"
        "    pushl %ebp\n"
        "    movl %esp, fault_sp\n"
        "    movl $0xb0, %ebx\n"
        "    movl $0xc0, %esi\n"
        "    movl $0xd0, %edi\n"
        "    movl $0xe0, %ebp\n"
        "    movl $-100, %eax\n"
        "    movl %esp, %ecx\n"
        "    movl $fault_usys_insn, %edx\n"
        ".globl fault_usys_insn\n"
        "fault_usys_insn:\n"
        "    sysenter\n"
        "    popl %ebp\n"
        "    popl %edi\n"
        "    popl %esi\n"
        "    popl %ebx\n"
        "    ret\n"
        ".globl fault_illegal\n"
        "fault_illegal:\n"
        "    movl %esp, fault_sp\n"
        ".globl fault_illegal_insn\n"
        "fault_illegal_insn:\n"
        "    ud2\n"
        "    movl $0x600d, %eax\n"
        "    ret\n");

static const struct { int index; seL4_Word value; } usys_regs[] = {
    { seL4_UnknownSyscall_EAX, (seL4_Word)-100 }, { seL4_UnknownSyscall_EBX, 0xb0 },
    { seL4_UnknownSyscall_ESI, 0xc0 },            { seL4_UnknownSyscall_EDI, 0xd0 },
    { seL4_UnknownSyscall_EBP, 0xe0 },
};
#define USYS_RESULT seL4_UnknownSyscall_EAX

#elif defined(__aarch64__)
#define KERNEL_ADDR 0xffff800040200000ul
#define SYSCALL_LEN 4
#define ILLEGAL_LEN 4
#define ILLEGAL_NUMBER 0x2000000 /* ESR: EC 0 (unknown instruction), IL */
#define READ_FSR 0x9200000d     /* ESR: EL0 data abort, permission fault at level 1 (the kernel window) */
#define UNMAPPED_PC 0x10000000ul
__asm__(".text\n"
        ".globl fault_kread\n"
        "fault_kread:\n"
        ".globl fault_kread_insn\n"
        "fault_kread_insn:\n"
        "    ldr x0, [x0]\n"
        "    ret\n"
        ".globl fault_usys\n"
        "fault_usys:\n"
        "    stp x29, x30, [sp, #-16]!\n"
        "    adrp x9, fault_sp\n"
        "    mov x10, sp\n"
        "    str x10, [x9, :lo12:fault_sp]\n"
        "    mov x30, #0x7a7a\n"
        "    mov x0, #0xa0\n"
        "    mov x1, #0xa1\n"
        "    mov x2, #0xa2\n"
        "    mov x3, #0xa3\n"
        "    mov x4, #0xa4\n"
        "    mov x5, #0xa5\n"
        "    mov x6, #0xa6\n"
        "    mov x7, #-100\n"
        ".globl fault_usys_insn\n"
        "fault_usys_insn:\n"
        "    svc #0\n"
        "    ldp x29, x30, [sp], #16\n"
        "    ret\n"
        ".globl fault_illegal\n"
        "fault_illegal:\n"
        "    adrp x9, fault_sp\n"
        "    mov x10, sp\n"
        "    str x10, [x9, :lo12:fault_sp]\n"
        ".globl fault_illegal_insn\n"
        "fault_illegal_insn:\n"
        "    .inst 0x00000000\n"   /* udf #0: permanently undefined */
        "    mov x0, #0x600d\n"
        "    ret\n");

static const struct { int index; seL4_Word value; } usys_regs[] = {
    { seL4_UnknownSyscall_LR, 0x7a7a }, { seL4_UnknownSyscall_X0, 0xa0 }, { seL4_UnknownSyscall_X1, 0xa1 },
    { seL4_UnknownSyscall_X2, 0xa2 },   { seL4_UnknownSyscall_X3, 0xa3 }, { seL4_UnknownSyscall_X4, 0xa4 },
    { seL4_UnknownSyscall_X5, 0xa5 },   { seL4_UnknownSyscall_X6, 0xa6 },
};
#define USYS_RESULT seL4_UnknownSyscall_X0
#endif
