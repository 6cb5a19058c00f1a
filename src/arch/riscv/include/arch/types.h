/*
 * riscv64 (Sv39) machine types and the kernel's virtual layout.
 *
 * The kernel window maps physical address P at KERNEL_WINDOW_BASE + P with 1 GiB
 * pages, for P below KERNEL_WINDOW_SIZE. The kernel image itself is linked inside
 * that window (at KERNEL_WINDOW_BASE + 0x80200000), so one offset converts every
 * kernel pointer to a physical address.
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

#define KERNEL_WINDOW_BASE  0xffffffc000000000ul
#define KERNEL_WINDOW_SIZE  (64ul << 30)         /* 64 GiB of physical space */
#define ARCH_USER_TOP       0x0000003ffffff000ul /* seL4_UserTop: the last page stays unmapped */
#define ARCH_PADDR_TOP      (1ul << 36)          /* device Untypeds cover [0, this) minus RAM */

#define ARCH_ELF_MACHINE    243                  /* EM_RISCV */
#define ARCH_HAS_IO_PORTS   0                    /* no seL4_CapIOPortControl */

/* Interrupt numbers the core sees: PLIC sources are 1..1023, the timer is apart. */
#define ARCH_IRQ_NONE       ((word_t)-1)
#define ARCH_IRQ_TIMER      1024ul
#define ARCH_NUM_IRQS       1025ul

static inline void *paddr_to_kptr(paddr_t pa)
{
    return (void *)(uintptr_t)(pa + KERNEL_WINDOW_BASE);
}

static inline paddr_t kptr_to_paddr(const void *p)
{
    return (paddr_t)((uintptr_t)p - KERNEL_WINDOW_BASE);
}
