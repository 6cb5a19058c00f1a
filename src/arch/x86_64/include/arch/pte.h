/*
 * x86_64 4-level page-table entries and geometry for the core's generic walker.
 * Level 0 is the PML4 (512 GiB per entry), level 1 the PDPT (1 GiB), level 2
 * the page directory (2 MiB), level 3 the page table (4 KiB). Leaves are
 * allowed at levels 2..3, and at level 1 when the CPU has 1 GiB pages; at
 * levels 1 and 2 a leaf has the PS bit set.
 */
#pragma once

#include <core/types.h>
#include <arch/types.h>
#include <arch/x86/pte_bits.h>

typedef uint64_t pte_t;

#define PT_LEVELS       4
#define PTE_NX          (1ul << 63)     /* no execute (needs EFER.NXE) */
#define PTE_ADDR_MASK   0x000ffffffffff000ul

static inline unsigned pt_level_index_bits(unsigned level) { (void)level; return 9; }
static inline unsigned pt_level_size_bits(unsigned level) { (void)level; return PAGE_BITS; }
static inline unsigned pt_level_shift(unsigned level) { return PAGE_BITS + 9 * (PT_LEVELS - 1 - level); }

/* Set once at boot from CPUID.80000001h:EDX bit 26 (Page1GB) by
 * x86_cpu_init(). Without it a PDPT entry with PS set is a reserved-bit page
 * fault on every access, so level 1 then holds no pages and the core does
 * not offer seL4_X64_HugePageObject. QEMU's default CPU (qemu64) lacks it. */
extern bool x86_huge_pages;

static inline bool pt_level_has_pages(unsigned level)
{
    return (level >= 2 && level < PT_LEVELS) || (level == 1 && x86_huge_pages);
}

static inline pte_t pte_table(paddr_t pt)
{
    return (pt & PTE_ADDR_MASK) | x86_pte_table_flags();
}

/* PS at levels 1 and 2 (src/arch/x86/pte_bits.h), NX unless executable. */
static inline pte_t pte_page(paddr_t pa, unsigned level, unsigned vm)
{
    pte_t p = (pa & PTE_ADDR_MASK) | x86_pte_leaf_flags(vm, level < PT_LEVELS - 1);
    if (!(vm & VM_EXEC))
        p |= PTE_NX;
    return p;
}

static inline bool pte_present(pte_t p) { return p & PTE_P; }

static inline bool pte_is_page(pte_t p, unsigned level)
{
    if (level == PT_LEVELS - 1)
        return (p & PTE_P) != 0;
    return level > 0 && (p & PTE_PS) != 0;
}

static inline paddr_t pte_addr(pte_t p) { return p & PTE_ADDR_MASK; }

/* seL4's x86_64 VM object types for Untyped_Retype: { type, is_frame, level }.
 * A frame's level is the level whose entry maps it; a table's level is its own
 * (PML4 0, PDPT 1, page directory 2, page table 3). The core offers a frame
 * type only where pt_level_has_pages() allows its level: the HugePage needs
 * Page1GB. */
#define ARCH_VM_OBJECT_TYPES                                                    \
    { seL4_X86_4K, true, 3 }, { seL4_X86_LargePageObject, true, 2 },            \
    { seL4_X64_HugePageObject, true, 1 },                                       \
    { seL4_X86_PageTableObject, false, 3 }, { seL4_X86_PageDirectoryObject, false, 2 }, \
    { seL4_X86_PDPTObject, false, 1 }, { seL4_X64_PML4Object, false, 0 }

/* seL4_X86_VMAttributes bits the core interprets on Page_Map; execute-never
 * is a Keel extension (seL4_X86_ExecuteNever), seL4's x86 API has none. */
#define ARCH_VM_ATTR_EXECUTE_NEVER 0x100ul
#define ARCH_VM_ATTR_UNCACHED      0x2ul       /* seL4_X86_CacheDisabled */
#define ARCH_VM_ATTR_CACHEABLE     0x0ul       /* no "cacheable" bit */
/* Page_Map where a table already is: DeleteFirst, as seL4 on x86. */
#define ARCH_PAGE_OVER_TABLE_IS_LOOKUP_FAILURE 0
