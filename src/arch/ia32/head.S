/*
 * The ia32 entry from GRUB (multiboot v1). GRUB loads the ELF segments at
 * their physical addresses (LMA) and jumps to the entry in 32-bit protected
 * mode, paging off, eax = multiboot magic, ebx = physical address of the
 * info structure, with a GDT of its own that must not be relied on.
 *
 * The .boot section is linked at its physical address (1 MiB); everything
 * else in the kernel window (KERNEL_WINDOW_BASE + physical). The boot page
 * directory maps the first 4 MiB twice, identity (for the code running here)
 * and through the window, which it maps whole with 4 MiB pages; the C code
 * (vspace.c) replaces it with the final directory.
 */
#include "ctx_offsets.h"

#define KERNEL_WINDOW_BASE  0xe0000000
#define WINDOW_PDE          (KERNEL_WINDOW_BASE >> 22)      /* 896 */
#define WINDOW_PAGES        126                             /* 504 MiB */
#define MB1_HEADER_MAGIC    0x1badb002
#define MB1_FLAGS           0x3     /* modules page-aligned, memory information */
#define CR0_WP      (1 << 16)
#define CR0_PG      (1 << 31)
#define CR4_PSE     (1 << 4)
#define PDE_LARGE   0x83            /* present, writable, 4 MiB */

/* ---- multiboot header: 4-byte aligned, within the file's first 8 KiB ---- */
    .section .boot.header, "a"
    .balign 4
mb1_header:
    .long MB1_HEADER_MAGIC
    .long MB1_FLAGS
    .long -(MB1_HEADER_MAGIC + MB1_FLAGS)

/* ---- paging off, physical addresses ---- */
    .section .boot.text, "ax"
    .code32
    .globl ia32_boot_entry
ia32_boot_entry:
    cli
    cld
    movl %eax, %edi                 /* multiboot magic: kept for C */
    movl %ebx, %esi                 /* info address: kept for C */
    lgdt boot_gdt_desc
    ljmp $SEL_KCODE, $1f
1:  movl $SEL_KDATA, %eax
    movl %eax, %ds
    movl %eax, %es
    movl %eax, %ss
    xorl %eax, %eax
    movl %eax, %fs
    movl %eax, %gs
    movl %cr4, %eax                 /* 4 MiB pages */
    orl $CR4_PSE, %eax
    movl %eax, %cr4
    movl $boot_pd, %eax
    movl %eax, %cr3
    movl %cr0, %eax
    orl $(CR0_PG | CR0_WP), %eax
    movl %eax, %cr0
    movl $ia32_entry_high, %eax     /* leave the identity map */
    jmp *%eax

/* ---- boot data: GDT and page directory, at physical addresses ---- */
    .section .boot.data, "aw"
    .balign 8
boot_gdt:
    .quad 0                         /* null */
    .quad 0x00cf9a000000ffff        /* 0x08: flat 32-bit kernel code */
    .quad 0x00cf92000000ffff        /* 0x10: flat kernel data */
boot_gdt_end:
boot_gdt_desc:
    .word boot_gdt_end - boot_gdt - 1
    .long boot_gdt

    .balign 4096
boot_pd:
    .long PDE_LARGE                 /* 0: the first 4 MiB, identity */
    .fill WINDOW_PDE - 1, 4, 0
    .set page, 0
    .rept WINDOW_PAGES
    .long (page << 22) | PDE_LARGE
    .set page, page + 1
    .endr
    .fill 1024 - WINDOW_PDE - WINDOW_PAGES, 4, 0

/* ---- in the kernel window ---- */
    .text
ia32_entry_high:
    movl %edi, %ebx                 /* the magic, out of rep stos's way */
    movl $__bss_start, %edi         /* clear .bss before anything lives there */
    movl $__bss_end, %ecx
    subl %edi, %ecx
    shrl $2, %ecx
    xorl %eax, %eax
    rep stosl
    movl $x86_kernel_stack_top, %esp        /* the stack is in .bss: now clean */
    xorl %ebp, %ebp
    pushl %esi                      /* info_pa */
    pushl %ebx                      /* magic */
    call x86_boot_main
1:  cli
    hlt
    jmp 1b

    .section .note.GNU-stack, "", @progbits
