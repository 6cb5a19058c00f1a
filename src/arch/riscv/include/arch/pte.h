/*
 * Sv39 page-table entries and geometry for the core's generic walker.
 * Level 0 is the root (1 GiB per entry), level 2 maps 4 KiB pages. Every level
 * may hold a leaf (a "megapage" or "gigapage").
 */
#pragma once

#include <core/types.h>
#include <arch/types.h>

typedef uint64_t pte_t;

#define PT_LEVELS       3
#define PTE_V           (1ul << 0)
#define PTE_R           (1ul << 1)
#define PTE_W           (1ul << 2)
#define PTE_X           (1ul << 3)
#define PTE_U           (1ul << 4)
#define PTE_G           (1ul << 5)
#define PTE_A           (1ul << 6)
#define PTE_D           (1ul << 7)
#define PTE_PPN_SHIFT   10

static inline unsigned pt_level_index_bits(unsigned level) { (void)level; return 9; }
static inline unsigned pt_level_size_bits(unsigned level) { (void)level; return PAGE_BITS; }
static inline unsigned pt_level_shift(unsigned level) { return PAGE_BITS + 9 * (PT_LEVELS - 1 - level); }
static inline bool pt_level_has_pages(unsigned level) { (void)level; return true; }

static inline pte_t pte_table(paddr_t pt)
{
    return ((pt >> PAGE_BITS) << PTE_PPN_SHIFT) | PTE_V;
}

/* A and D are set up front: QEMU would otherwise fault on first access. */
static inline pte_t pte_page(paddr_t pa, unsigned level, unsigned vm)
{
    (void)level;
    pte_t p = ((pa >> PAGE_BITS) << PTE_PPN_SHIFT) | PTE_V | PTE_A | PTE_D;
    if (vm & VM_READ)  p |= PTE_R;
    if (vm & VM_WRITE) p |= PTE_W | PTE_R;
    if (vm & VM_EXEC)  p |= PTE_X;
    if (vm & VM_USER)  p |= PTE_U;
    if (vm & VM_GLOBAL) p |= PTE_G;
    return p;
}

static inline bool pte_present(pte_t p) { return p & PTE_V; }
static inline bool pte_is_page(pte_t p, unsigned level) { (void)level; return (p & (PTE_R | PTE_W | PTE_X)) != 0; }
static inline paddr_t pte_addr(pte_t p) { return ((p >> PTE_PPN_SHIFT) & ((1ul << 44) - 1)) << PAGE_BITS; }

/* seL4's riscv64 VM object types for Untyped_Retype: { type, is_frame, level }.
 * A PageTable serves whichever level it is mapped at. */
#define ARCH_VM_OBJECT_TYPES                                            \
    { seL4_RISCV_4K_Page, true, 2 }, { seL4_RISCV_Mega_Page, true, 1 }, \
    { seL4_RISCV_Giga_Page, true, 0 }, { seL4_RISCV_PageTableObject, false, PT_LEVEL_ANY }

/* seL4_RISCV_VMAttributes bits the core interprets on Page_Map. */
#define ARCH_VM_ATTR_EXECUTE_NEVER 0x1ul
#define ARCH_VM_ATTR_UNCACHED      0x0ul       /* none: device memory is by address */
#define ARCH_VM_ATTR_CACHEABLE     0x0ul
/* Page_Map where a table already is: RISC-V seL4 reports the failed lookup
 * below it (x86 says DeleteFirst). */
#define ARCH_PAGE_OVER_TABLE_IS_LOOKUP_FAILURE 1
