/*
 * x86_64 machine types and the kernel's virtual layout.
 *
 * Two kernel mappings exist in the upper half of every address space:
 *  - the kernel window: physical address P at KERNEL_WINDOW_BASE + P (2 MiB
 *    pages, PML4 slot 256), for P below KERNEL_WINDOW_SIZE;
 *  - the kernel image: linked at KERNEL_IMAGE_BASE + P (the top 2 GiB, PML4
 *    slot 511), as -mcmodel=kernel requires.
 * So kptr_to_paddr() must accept pointers into either mapping.
 */
#pragma once

#include <stdint.h>

typedef unsigned long word_t;
typedef long sword_t;
typedef uint64_t paddr_t;
typedef word_t vaddr_t;

#define WORD_BITS           64
#define WORD_SIZE_BITS      3
#define PAGE_BITS           12
#define PAGE_SIZE           (1ul << PAGE_BITS)

#define KERNEL_WINDOW_BASE  0xffff800000000000ul
#define KERNEL_WINDOW_SIZE  (16ul << 30)         /* 16 GiB of physical space */
#define KERNEL_IMAGE_BASE   0xffffffff80000000ul

/* The user half ends one page below the canonical hole (as seL4_UserTop), so a
 * syscall in the last user page can never return to a non-canonical rip. */
#define ARCH_USER_TOP       0x00007ffffffff000ul
#define ARCH_PADDR_TOP      (1ul << 36)          /* device Untypeds cover [0, this) minus RAM */

#define ARCH_ELF_MACHINE    62                   /* EM_X86_64 */
#define ARCH_HAS_IO_PORTS   1                    /* seL4_CapIOPortControl exists */

/* Interrupt numbers the core sees. Device IRQ n (IOAPIC input, later) arrives
 * on vector 0x20 + n; the LAPIC timer is a number of its own above them. */
#define ARCH_IRQ_NONE       ((word_t)-1)
#define ARCH_IRQ_TIMER      176ul
#define ARCH_NUM_IRQS       177ul

static inline void *paddr_to_kptr(paddr_t pa)
{
    return (void *)(uintptr_t)(pa + KERNEL_WINDOW_BASE);
}

static inline paddr_t kptr_to_paddr(const void *p)
{
    uintptr_t va = (uintptr_t)p;
    if (va >= KERNEL_IMAGE_BASE)
        return (paddr_t)(va - KERNEL_IMAGE_BASE);
    return (paddr_t)(va - KERNEL_WINDOW_BASE);
}
