/*
 * The kernel's first instructions. QEMU's -kernel loader enters here at the
 * physical load address (the ELF's entry, translated to its LMA) at EL1
 * (plain -M virt) or EL2 (virtualization=on) with the MMU off; x0 is not a
 * device-tree pointer for an ELF image (QEMU puts the DTB at the start of
 * RAM instead, boot.c). With the MMU off every
 * access is Device memory, so this file does no unaligned access and calls
 * no C.
 *
 * The image is linked at KERNEL_WINDOW_BASE + its physical address. Until
 * SCTLR_EL1.M is set every address is physical; adr/adrp are pc-relative,
 * so here they yield physical addresses, and after the jump to the upper
 * half the same instructions yield virtual ones.
 *
 * Steps: park every CPU but the first; drop from EL2 to EL1 if entered
 * there; clear .bss; build the boot tables
 * (one level-0 table whose entry 0 leads to a level-1 table of 1 GiB
 * blocks: physical GiB i at virtual GiB i, which is the identity mapping
 * through TTBR0 that keeps the next instruction fetchable, and, from entry
 * ARM_WINDOW_L0_SLOT, at KERNEL_WINDOW_BASE + i GiB through TTBR1); program MAIR, TCR, TTBR0/1 and
 * SCTLR; jump to the upper half; switch to the kernel stack and call
 * arm_boot_main(), which drops the identity mapping.
 */
#include "asm.h"

#define ARM_BOOT_UART 0x09000000       /* QEMU virt's PL011, for boot-time complaints */

    .section .text.boot, "ax", %progbits
    .globl _start
_start:
    msr daifset, #0xf                   /* no interrupts until the kernel asks */
    mrs x1, mpidr_el1
    and x1, x1, #0xffffff               /* Aff2..Aff0: CPU 0.0.0 boots */
    cbnz x1, .Lpark
    mrs x1, CurrentEL
    cmp x1, #(2 << 2)
    b.ne 1f
    /* Entered at EL2 (-M virt,virtualization=on): leave EL2 out of the
     * way (EL1 in AArch64 state, no stage-2 translation, no traps of the
     * timer or FP) and continue at EL1 with everything masked. x0 (the
     * loader's DTB pointer) survives. */
    mov x1, #ARM_HCR_EL2_RW
    msr hcr_el2, x1
    mov x1, #ARM_CPTR_EL2_RES1
    msr cptr_el2, x1
    mov x1, #ARM_CNTHCTL_EL1_ACCESS
    msr cnthctl_el2, x1
    msr cntvoff_el2, xzr
    mov x1, #ARM_SPSR_EL1H_MASKED
    msr spsr_el2, x1
    adr x1, 1f
    msr elr_el2, x1
    eret
1:  mrs x1, CurrentEL
    cmp x1, #(1 << 2)                   /* EL3 (secure=on) is not supported */
    b.ne .Lunsupported_el

    adrp x1, __bss_start
    add x1, x1, :lo12:__bss_start
    adrp x2, __bss_end
    add x2, x2, :lo12:__bss_end
1:  cmp x1, x2
    b.hs 2f
    str xzr, [x1], #8
    b 1b
2:
    /* Level 1: GiB 0 is device memory, GiBs 1..ARM_WINDOW_GIBS-1 normal. */
    adrp x1, arm_boot_l1
    ldr x3, =ARM_BLOCK_DEVICE
    str x3, [x1]
    ldr x3, =ARM_BLOCK_NORMAL
    mov x4, #1
3:  orr x5, x3, x4, lsl #30
    str x5, [x1, x4, lsl #3]
    add x4, x4, #1
    cmp x4, #ARM_WINDOW_GIBS
    b.lo 3b
    /* Level 0: entry 0 leads to it for the identity mapping (TTBR0),
     * entry ARM_WINDOW_L0_SLOT for the kernel window (TTBR1). */
    adrp x2, arm_boot_l0
    orr x3, x1, #ARM_TABLE_DESC
    str x3, [x2]
    str x3, [x2, #(ARM_WINDOW_L0_SLOT * 8)]

    ldr x3, =ARM_MAIR_VALUE
    msr mair_el1, x3
    ldr x3, =ARM_TCR_VALUE
    mrs x4, id_aa64mmfr0_el1
    and x5, x4, #7                      /* PARange: the physical address size */
    orr x3, x3, x5, lsl #ARM_TCR_IPS_SHIFT
    ubfx x5, x4, #4, #4                 /* ASIDBits: 0 means 8-bit ASIDs only */
    cbnz x5, 5f
    bic x3, x3, #ARM_TCR_AS
5:  msr tcr_el1, x3
    msr ttbr0_el1, x2
    msr ttbr1_el1, x2
    dsb sy
    tlbi vmalle1
    dsb nsh
    isb
    ldr x3, =ARM_SCTLR_VALUE
    msr sctlr_el1, x3
    isb

    /* Continue at the same code's virtual address in the window (an
     * absolute address from the literal pool). */
    ldr x3, =4f
    br x3
4:
    adrp x3, arm_kernel_stack_top
    add x3, x3, :lo12:arm_kernel_stack_top
    mov sp, x3
    mov x29, xzr                        /* end of the frame-pointer chain */
    mov x30, xzr
    bl arm_boot_main

/* Entered at EL3 (-M virt,secure=on) or another level Keel cannot run at:
 * say so on the virt board's PL011 (MMU off: its physical address; the
 * device tree is not read yet), then stop. */
.Lunsupported_el:
    ldr x1, =ARM_BOOT_UART
    adr x2, .Lunsupported_el_msg
1:  ldrb w3, [x2], #1
    cbz w3, .Lpark
2:  ldr w4, [x1, #0x18]                 /* FR: wait while TXFF */
    tbnz w4, #5, 2b
    strb w3, [x1]
    b 1b

.Lpark:
    wfe
    b .Lpark
    .ltorg
.Lunsupported_el_msg:
    .asciz "keel: entered at EL3 (secure=on?): Keel runs at EL1, or from EL2; stopping\n"
    .balign 4

    .bss
    .balign 4096
    .globl arm_boot_l0, arm_boot_l1, arm_empty_l0
arm_boot_l0:
    .space 4096
arm_boot_l1:
    .space 4096
arm_empty_l0:                           /* TTBR0 while no user space is active */
    .space 4096

    .section .note.GNU-stack, "", %progbits
