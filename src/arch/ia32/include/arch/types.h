/*
 * ia32 machine types and the kernel's virtual layout (32-bit protected mode,
 * two-level non-PAE paging).
 *
 * The kernel lives in the top 512 MiB of every address space:
 *  - the kernel window, physical P at KERNEL_WINDOW_BASE + P (4 MiB global
 *    pages) for P below KERNEL_WINDOW_SIZE; the kernel image is part of it
 *    (linked at KERNEL_WINDOW_BASE + its physical address);
 *  - the last 8 MiB hold device mappings (the LAPIC and IOAPIC registers
 *    at 0xfec00000.. lie far above any window).
 * Capability pointers are sign-extended from address bit 30 (core/cap.h):
 * every kernel object lies in the window, above 0xc0000000.
 */
#pragma once

#include <stdint.h>

typedef unsigned long word_t;           /* 32 bits: %lx prints it */
typedef long sword_t;
typedef uint64_t paddr_t;               /* device Untypeds reach 4 GiB */
typedef word_t vaddr_t;

#define WORD_BITS           32
#define WORD_SIZE_BITS      2
#define PAGE_BITS           12
#define PAGE_SIZE           (1ul << PAGE_BITS)

#define KERNEL_WINDOW_BASE  0xe0000000ul
#define KERNEL_WINDOW_SIZE  0x1f800000ul        /* 504 MiB */
#define KERNEL_DEVICE_BASE  0xff800000ul        /* two 4 MiB device slots */

#define ARCH_USER_TOP       0xe0000000ul        /* seL4_UserTop */
#define ARCH_PADDR_TOP      (1ull << 32)        /* device Untypeds cover [0, this) minus RAM */

#define ARCH_ELF_MACHINE    3                   /* EM_386 */
#define ARCH_HAS_IO_PORTS   1                   /* seL4_CapIOPortControl exists */

/* Interrupt numbers the core sees, as on x86_64 (src/arch/x86/timer.c). */
#define ARCH_IRQ_NONE       ((word_t)-1)
#define ARCH_IRQ_TIMER      176ul
#define ARCH_NUM_IRQS       177ul

static inline void *paddr_to_kptr(paddr_t pa)
{
    return (void *)(uintptr_t)(pa + KERNEL_WINDOW_BASE);
}

static inline paddr_t kptr_to_paddr(const void *p)
{
    return (paddr_t)((uintptr_t)p - KERNEL_WINDOW_BASE);
}
