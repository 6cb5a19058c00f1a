/*
 * aarch64 machine types and the kernel's virtual layout.
 *
 * User space owns the lower half (TTBR0_EL1); the kernel lives in the upper
 * half (TTBR1_EL1), which is the same in every address space and never
 * switched. The kernel window maps physical address P at
 * KERNEL_WINDOW_BASE + P for P below KERNEL_WINDOW_SIZE (1 GiB blocks); the
 * kernel image itself is linked inside that window, so one offset converts
 * every kernel pointer to a physical address.
 *
 * The window starts in the middle of TTBR1's range, not at its bottom
 * (0xffff000000000000): the core stores kernel pointers in capabilities as
 * 48-bit values sign-extended from bit 47 (core/cap.h), so every kernel
 * address must have bit 47 set.
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

#define KERNEL_WINDOW_BASE  0xffff800000000000ul  /* upper half of TTBR1's range: bit 47 set */
#define KERNEL_WINDOW_SIZE  (64ul << 30)         /* 64 GiB of physical space */
#define ARCH_USER_TOP       0x00007ffffffff000ul /* seL4_UserTop: the last page stays unmapped */
#define ARCH_PADDR_TOP      (1ul << 40)          /* device Untypeds cover [0, this) minus RAM */

#define ARCH_ELF_MACHINE    183                  /* EM_AARCH64 */
#define ARCH_HAS_IO_PORTS   0                    /* no seL4_CapIOPortControl */

/* Interrupt numbers are GIC interrupt IDs: 16..31 are per-CPU (PPIs; the
 * kernel's timer is the virtual timer, PPI 11 = ID 27), 32..1019 are device
 * lines (SPIs), the ones a user-level driver may claim. */
#define ARCH_IRQ_NONE       ((word_t)-1)
#define ARCH_IRQ_TIMER      27ul
#define ARCH_NUM_IRQS       1020ul

static inline void *paddr_to_kptr(paddr_t pa)
{
    return (void *)(uintptr_t)(pa + KERNEL_WINDOW_BASE);
}

static inline paddr_t kptr_to_paddr(const void *p)
{
    return (paddr_t)((uintptr_t)p - KERNEL_WINDOW_BASE);
}
