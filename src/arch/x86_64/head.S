/*
 * The x86_64 entry from GRUB (multiboot2). GRUB loads the ELF segments at their
 * physical addresses (LMA) and jumps to the 32-bit entry in protected mode,
 * paging off, eax = multiboot2 magic, ebx = physical address of the info.
 *
 * The .boot section is linked at its physical address (1 MiB); everything
 * else is linked at KERNEL_IMAGE_BASE + physical. The 32-bit code turns on
 * long mode with static boot page tables that map the first 1 GiB twice:
 * identity (for the code running here) and at KERNEL_IMAGE_BASE (for the
 * kernel proper). The C code (boot.c) replaces them with the final tables.
 */
#include "ctx_offsets.h"

#define KERNEL_IMAGE_BASE   0xffffffff80000000
#define MB2_HEADER_MAGIC    0xe85250d6
#define MB2_ARCH_I386       0
#define CR0_PE      (1 << 0)
#define CR0_WP      (1 << 16)
#define CR0_PG      (1 << 31)
#define CR4_PAE     (1 << 5)
#define CR4_PGE     (1 << 7)
#define MSR_EFER    0xc0000080
#define EFER_LME    (1 << 8)
#define EFER_NXE    (1 << 11)
#define CPUID_LM    (1 << 29)       /* 80000001h:EDX long mode */
#define CPUID_NX    (1 << 20)       /* 80000001h:EDX no-execute */
#define COM1        0x3f8
#define DEBUG_EXIT  0xf4

/* ---- multiboot2 header: 8-byte aligned, within the file's first 32 KiB ---- */
    .section .boot.header, "a"
    .balign 8
mb2_header:
    .long MB2_HEADER_MAGIC
    .long MB2_ARCH_I386
    .long mb2_header_end - mb2_header
    .long -(MB2_HEADER_MAGIC + MB2_ARCH_I386 + (mb2_header_end - mb2_header))
    .word 0, 0                      /* end tag: type 0, flags 0, size 8 */
    .long 8
mb2_header_end:

/* ---- 32-bit protected mode, paging off, physical addresses ---- */
    .section .boot.text, "ax"
    .code32
    .globl x86_boot_entry32
x86_boot_entry32:
    cli
    cld
    movl %eax, %edi                 /* multiboot2 magic: kept for C */
    movl %ebx, %esi                 /* info address: kept for C */

    movl $0x80000000, %eax          /* does the CPU have long mode and NX? */
    cpuid
    cmpl $0x80000001, %eax
    jb no_long_mode
    movl $0x80000001, %eax
    cpuid
    andl $(CPUID_LM | CPUID_NX), %edx
    cmpl $(CPUID_LM | CPUID_NX), %edx
    jne no_long_mode

    movl %cr4, %eax                 /* PAE (required by long mode), global pages */
    orl $(CR4_PAE | CR4_PGE), %eax
    movl %eax, %cr4
    movl $boot_pml4, %eax
    movl %eax, %cr3
    movl $MSR_EFER, %ecx            /* long mode and NX, active once paging is on */
    rdmsr
    orl $(EFER_LME | EFER_NXE), %eax
    wrmsr
    movl %cr0, %eax
    orl $(CR0_PE | CR0_WP | CR0_PG), %eax
    movl %eax, %cr0                 /* now in compatibility mode */

    lgdt boot_gdt_desc
    ljmp $SEL_KCODE, $entry64_low   /* load a 64-bit CS: long mode proper */

/* Print a message on COM1 and exit QEMU with a failure status; the kernel
 * cannot run on a CPU without long mode and NX. */
no_long_mode:
    movl $no_lm_msg, %ebx
1:  movb (%ebx), %al
    testb %al, %al
    jz 3f
    movw $(COM1 + 5), %dx
2:  inb %dx, %al                    /* wait for the transmitter to be empty */
    testb $0x20, %al
    jz 2b
    movb (%ebx), %al
    movw $COM1, %dx
    outb %al, %dx
    incl %ebx
    jmp 1b
3:  movb $0x11, %al                 /* isa-debug-exit: status 1 */
    outb %al, $DEBUG_EXIT
4:  hlt
    jmp 4b

    .code64
entry64_low:
    movl $SEL_KDATA, %eax
    movl %eax, %ds
    movl %eax, %es
    movl %eax, %ss
    xorl %eax, %eax
    movl %eax, %fs
    movl %eax, %gs
    movabsq $x86_entry64, %rax      /* leave the identity map */
    jmp *%rax

/* ---- boot data: GDT and page tables, all at physical addresses ---- */
    .section .boot.data, "aw"
no_lm_msg:
    .asciz "keel: this CPU lacks long mode or NX\n"

    .balign 8
boot_gdt:
    .quad 0                         /* null */
    .quad 0x00af9a000000ffff        /* 0x08: 64-bit kernel code (L=1, P, DPL 0) */
    .quad 0x00cf92000000ffff        /* 0x10: kernel data */
boot_gdt_end:
boot_gdt_desc:
    .word boot_gdt_end - boot_gdt - 1
    .long boot_gdt

/* PML4[0] and PML4[511] -> two PDPTs whose slots 0 and 510 both point to one
 * page directory of 512 2 MiB pages: physical 0..1 GiB at 0 and at
 * 0xffffffff80000000. Entries: P|W = 3, plus PS = 0x80 for the 2 MiB pages. */
    .balign 4096
boot_pml4:
    .quad boot_pdpt_low + 3
    .fill 510, 8, 0
    .quad boot_pdpt_high + 3
boot_pdpt_low:
    .quad boot_pd + 3
    .fill 511, 8, 0
boot_pdpt_high:
    .fill 510, 8, 0
    .quad boot_pd + 3
    .quad 0
boot_pd:
    .set page, 0
    .rept 512
    .quad (page << 21) | 0x83
    .set page, page + 1
    .endr

/* ---- 64-bit code at the kernel's linked (high) address ---- */
    .text
    .globl x86_entry64
x86_entry64:
    movl %edi, %r12d                /* zero-extend: the upper halves of */
    movl %esi, %r13d                /* registers are undefined after the switch */
    leaq __bss_start(%rip), %rdi    /* clear .bss before anything lives there */
    leaq __bss_end(%rip), %rcx
    subq %rdi, %rcx
    shrq $3, %rcx
    xorl %eax, %eax
    rep stosq
    leaq x86_kernel_stack_top(%rip), %rsp   /* the stack is in .bss: now clean */
    xorl %ebp, %ebp
    movl %r12d, %edi
    movl %r13d, %esi
    call x86_boot_main
1:  cli
    hlt
    jmp 1b

    .section .note.GNU-stack, "", @progbits
