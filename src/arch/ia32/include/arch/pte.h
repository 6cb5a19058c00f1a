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
#include <arch/x86/pte_bits.h>

typedef uint32_t pte_t;

#define PT_LEVELS       2
#define PTE_ADDR_MASK   0xfffff000u

static inline unsigned pt_level_index_bits(unsigned level) { (void)level; return 10; }
static inline unsigned pt_level_size_bits(unsigned level) { (void)level; return PAGE_BITS; }
static inline unsigned pt_level_shift(unsigned level) { return PAGE_BITS + 10 * (PT_LEVELS - 1 - level); }
static inline bool pt_level_has_pages(unsigned level) { return level < PT_LEVELS; }

static inline pte_t pte_table(paddr_t pt)
{
    return ((pte_t)pt & PTE_ADDR_MASK) | x86_pte_table_flags();
}

/* A 4 MiB page in the directory has PS (src/arch/x86/pte_bits.h). */
static inline pte_t pte_page(paddr_t pa, unsigned level, unsigned vm)
{
    return ((pte_t)pa & PTE_ADDR_MASK) | x86_pte_leaf_flags(vm, level == 0);
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
