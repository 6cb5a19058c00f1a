/*
 * ia32 two-level (non-PAE) page-table entries and geometry for the core's
 * generic walker. Level 0 is the page directory (1024 entries of 4 MiB),
 * level 1 the page table (1024 entries of 4 KiB). Leaves are allowed at
 * both levels: a page-directory leaf is a 4 MiB page (PS set, CR4.PSE).
 * Non-PAE entries have no execute-disable bit: every readable page is
 * executable (docs/api.md).
 */
#pragma once

#include <core/types.h>
#include <arch/types.h>

typedef uint32_t pte_t;

#define PT_LEVELS       2
#define PTE_P           (1u << 0)       /* present */
#define PTE_W           (1u << 1)       /* writable */
#define PTE_U           (1u << 2)       /* user accessible */
#define PTE_PWT         (1u << 3)       /* write-through */
#define PTE_PCD         (1u << 4)       /* cache disable */
#define PTE_A           (1u << 5)       /* accessed */
#define PTE_D           (1u << 6)       /* dirty (leaves only) */
#define PTE_PS          (1u << 7)       /* page size: a 4 MiB leaf in the directory */
#define PTE_G           (1u << 8)       /* global: survives CR3 reloads (CR4.PGE) */
#define PTE_ADDR_MASK   0xfffff000u

static inline unsigned pt_level_index_bits(unsigned level) { (void)level; return 10; }
static inline unsigned pt_level_size_bits(unsigned level) { (void)level; return PAGE_BITS; }
static inline unsigned pt_level_shift(unsigned level) { return PAGE_BITS + 10 * (PT_LEVELS - 1 - level); }
static inline bool pt_level_has_pages(unsigned level) { return level < PT_LEVELS; }

/* Non-leaf entries grant everything; the leaf decides. */
static inline pte_t pte_table(paddr_t pt)
{
    return ((pte_t)pt & PTE_ADDR_MASK) | PTE_P | PTE_W | PTE_U | PTE_A;
}

/* A and D are set up front, so the walker never has to write them back. */
static inline pte_t pte_page(paddr_t pa, unsigned level, unsigned vm)
{
    pte_t p = ((pte_t)pa & PTE_ADDR_MASK) | PTE_P | PTE_A | PTE_D;
    if (level == 0)
        p |= PTE_PS;
    if (vm & VM_WRITE)
        p |= PTE_W;
    if (vm & VM_USER)
        p |= PTE_U;
    if (vm & VM_GLOBAL)
        p |= PTE_G;
    if (vm & (VM_DEVICE | VM_UNCACHED))
        p |= PTE_PCD | PTE_PWT;
    return p;
}

static inline bool pte_present(pte_t p) { return p & PTE_P; }

static inline bool pte_is_page(pte_t p, unsigned level)
{
    if (level == PT_LEVELS - 1)
        return (p & PTE_P) != 0;
    return (p & (PTE_P | PTE_PS)) == (PTE_P | PTE_PS);
}

static inline paddr_t pte_addr(pte_t p) { return p & PTE_ADDR_MASK; }

/* seL4's ia32 VM object types for Untyped_Retype: { type, is_frame, level }. */
#define ARCH_VM_OBJECT_TYPES                                                    \
    { seL4_X86_4K, true, 1 }, { seL4_X86_LargePageObject, true, 0 },            \
    { seL4_X86_PageTableObject, false, 1 }, { seL4_X86_PageDirectoryObject, false, 0 }

/* seL4_X86_VMAttributes bits the core interprets on Page_Map. Non-PAE
 * paging cannot forbid execution: ExecuteNever is accepted and ignored. */
#define ARCH_VM_ATTR_EXECUTE_NEVER 0x100ul
#define ARCH_VM_ATTR_UNCACHED      0x2ul       /* seL4_X86_CacheDisabled */
#define ARCH_VM_ATTR_CACHEABLE     0x0ul
#define ARCH_PAGE_OVER_TABLE_IS_LOOKUP_FAILURE 0
