/*
 * A fake 64-bit port for the host unit tests: physical addresses are host
 * addresses (the "kernel window" starts at 0), so the core's data structures
 * can live in ordinary heap memory.
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
#define KERNEL_WINDOW_BASE  0ul
#define ARCH_USER_TOP       0x0000004000000000ul
#define ARCH_PADDR_TOP      (1ul << 36)
#define ARCH_ELF_MACHINE    243
#define ARCH_HAS_IO_PORTS   0
#define ARCH_IRQ_NONE       ((word_t)-1)
#define ARCH_IRQ_TIMER      1024ul
#define ARCH_NUM_IRQS       1025ul

static inline void *paddr_to_kptr(paddr_t pa) { return (void *)(uintptr_t)pa; }
static inline paddr_t kptr_to_paddr(const void *p) { return (paddr_t)(uintptr_t)p; }
