/*
 * The kernel's first instructions. OpenSBI enters here, at the image's load
 * address 0x80200000, in S-mode with the MMU off: a0 = hart id, a1 = physical
 * address of the device tree. Other harts stay parked in the firmware.
 *
 * The image is linked at KERNEL_WINDOW_BASE + its physical address, but until
 * satp is written every address is physical. The code model (medany) makes
 * every `la` pc-relative, so here `la` yields physical addresses, and after the
 * jump to the upper half the same instructions yield virtual ones.
 *
 * Steps: clear .bss; build the boot root table (an identity mapping of the
 * GiB that holds this code, so the instruction after the satp write still
 * fetches, plus the kernel window: physical GiB i at KERNEL_WINDOW_BASE +
 * i GiB, 1 GiB global RWX leaves); turn on Sv39; jump to the upper half;
 * switch to the kernel stack and call riscv_boot_main(hart, dtb), which drops
 * the identity mapping.
 */
#include "asm.h"

    .option norelax

    .section .text.boot, "ax", @progbits
    .globl _start
_start:
    csrw sie, zero              /* no interrupts until the kernel asks */
    mv s0, a0
    mv s1, a1
    la t0, .Lhang               /* a trap this early cannot be reported */
    csrw stvec, t0

    la t0, __bss_start
    la t1, __bss_end
1:  bgeu t0, t1, 2f
    sd zero, 0(t0)
    addi t0, t0, 8
    j 1b
2:
    la a0, riscv_boot_root

    /* Identity: root entry (pc >> 30) maps the GiB this code runs in. */
    la t1, _start
    srli t1, t1, 30
    slli t2, t1, 28             /* PTE: PPN (= GiB << 18) at bit 10 */
    ori t2, t2, RISCV_PTE_KERNEL_LEAF
    slli t1, t1, 3
    add t1, t1, a0
    sd t2, 0(t1)

    /* Kernel window: entries 256 .. 256 + RISCV_WINDOW_GIBS - 1. */
    li t1, RISCV_WINDOW_FIRST_SLOT * 8
    add t1, t1, a0
    li t3, 0
    li t4, RISCV_WINDOW_GIBS
3:  slli t2, t3, 28
    ori t2, t2, RISCV_PTE_KERNEL_LEAF
    sd t2, 0(t1)
    addi t1, t1, 8
    addi t3, t3, 1
    bltu t3, t4, 3b

    srli t0, a0, 12
    li t1, RISCV_SATP_MODE_SV39 << RISCV_SATP_MODE_SHIFT
    or t0, t0, t1
    sfence.vma
    csrw satp, t0
    sfence.vma
    /* satp is WARL: a hart without Sv39 (or without an MMU at all) keeps
     * the mode it had, Bare. Say so rather than hang. */
    csrr t1, satp
    beqz t1, .Lno_sv39

    /* Continue at the same code's virtual address in the window. */
    la t0, 4f
    li t1, RISCV_WINDOW_BASE
    add t0, t0, t1
    jr t0
4:
    la sp, riscv_kernel_stack_top
    mv a0, s0
    mv a1, s1
    call riscv_boot_main

/* Print the message with SBI's legacy console (it works before anything is
 * set up, and this early the UART's address is not known), then stop. */
.Lno_sv39:
    la t1, .Lno_sv39_msg
1:  lbu a0, 0(t1)
    beqz a0, .Lhang
    li a7, 1                    /* SBI legacy console_putchar */
    ecall
    addi t1, t1, 1
    j 1b

.Lhang:
    wfi
    j .Lhang

    .bss
    .balign 4096
    .globl riscv_boot_root
riscv_boot_root:
    .space 4096

    .section .note.GNU-stack, "", @progbits

    .section .rodata
.Lno_sv39_msg:
    .asciz "keel: this hart has no Sv39 MMU (satp stays Bare): Keel needs Sv39; stopping\n"
