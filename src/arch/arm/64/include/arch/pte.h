/*
 * aarch64 stage-1 translation tables (VMSAv8-64, 4 KiB granule, 48-bit
 * virtual addresses) for the core's generic walker. Level 0 is the root
 * (seL4's VSpace / page global directory, 512 GiB per entry), level 1 maps
 * 1 GiB blocks, level 2 2 MiB blocks, level 3 4 KiB pages: leaves at levels
 * 1..3, as seL4 on aarch64 (HugePage, LargePage, SmallPage).
 *
 * Descriptor bits [1:0]: 0b11 is a table at levels 0..2 but a page at level
 * 3; 0b01 is a block at levels 1..2. The lower attributes select a MAIR_EL1
 * slot (boot.S programs them: ARM_MAIR_*), shareability, access permission
 * and the access flag; the upper ones say execute-never for EL0 (UXN) and
 * EL1 (PXN).
 */
#pragma once

#include <core/types.h>
#include <arch/types.h>

typedef uint64_t pte_t;

#define PT_LEVELS       4
#define PTE_VALID       (1ul << 0)
#define PTE_TABLE       (1ul << 1)      /* levels 0..2: table; level 3: page */
#define PTE_ATTR(i)     ((pte_t)(i) << 2)  /* MAIR_EL1 slot */
#define PTE_AP_EL0      (1ul << 6)      /* AP[1]: EL0 may access */
#define PTE_AP_RO       (1ul << 7)      /* AP[2]: read-only at every level */
#define PTE_SH_INNER    (3ul << 8)
#define PTE_AF          (1ul << 10)     /* access flag: set, or the first access faults */
#define PTE_NG          (1ul << 11)     /* not global: tagged with the ASID */
#define PTE_PXN         (1ul << 53)
#define PTE_UXN         (1ul << 54)
#define PTE_ADDR_MASK   0x0000fffffffff000ul

/* MAIR_EL1 slots (boot.S writes the matching attributes). */
#define ARM_MAIR_NORMAL 0               /* write-back, read/write-allocate */
#define ARM_MAIR_DEVICE 1               /* Device-nGnRnE: no gathering, reordering, early ack */
#define ARM_MAIR_NORMAL_NC 2            /* normal memory, not cacheable */

static inline unsigned pt_level_index_bits(unsigned level) { (void)level; return 9; }
static inline unsigned pt_level_size_bits(unsigned level) { (void)level; return PAGE_BITS; }
static inline unsigned pt_level_shift(unsigned level) { return PAGE_BITS + 9 * (PT_LEVELS - 1 - level); }
static inline bool pt_level_has_pages(unsigned level) { return level >= 1 && level < PT_LEVELS; }

/* Table descriptors grant everything (no APTable/XNTable limits); the leaf decides. */
static inline pte_t pte_table(paddr_t pt)
{
    return (pt & PTE_ADDR_MASK) | PTE_TABLE | PTE_VALID;
}

/* User pages are not global (ASID-tagged) and never executable by the
 * kernel (PXN); the access flag is set up front so no access-flag fault
 * ever reaches the kernel. A mapping without VM_WRITE is read-only; one
 * without VM_USER (seL4's "kernel only" rights) is out of EL0's reach. */
static inline pte_t pte_page(paddr_t pa, unsigned level, unsigned vm)
{
    pte_t p = (pa & PTE_ADDR_MASK) | PTE_VALID | PTE_AF | PTE_SH_INNER | PTE_PXN;
    p |= level == PT_LEVELS - 1 ? PTE_TABLE : 0;
    p |= PTE_ATTR(vm & VM_DEVICE ? ARM_MAIR_DEVICE : vm & VM_UNCACHED ? ARM_MAIR_NORMAL_NC : ARM_MAIR_NORMAL);
    if (!(vm & VM_WRITE))
        p |= PTE_AP_RO;
    if (vm & VM_USER)
        p |= PTE_AP_EL0;
    if (!(vm & VM_EXEC) || (vm & VM_DEVICE))
        p |= PTE_UXN;
    if (!(vm & VM_GLOBAL))
        p |= PTE_NG;
    return p;
}

static inline bool pte_present(pte_t p) { return p & PTE_VALID; }

static inline bool pte_is_page(pte_t p, unsigned level)
{
    if (!(p & PTE_VALID) || level == 0)
        return false;
    if (level == PT_LEVELS - 1)
        return (p & PTE_TABLE) != 0;
    return (p & PTE_TABLE) == 0;
}

static inline paddr_t pte_addr(pte_t p) { return p & PTE_ADDR_MASK; }

/* seL4's aarch64 VM object types for Untyped_Retype: { type, is_frame, level }.
 * The VSpace is the level-0 table; one PageTable type serves levels 1..3
 * (seL4 >= 12; the older PUD/PD names are aliases, sel4/arch/constants.h). */
#define ARCH_VM_OBJECT_TYPES                                                     \
    { seL4_ARM_SmallPageObject, true, 3 }, { seL4_ARM_LargePageObject, true, 2 }, \
    { seL4_ARM_HugePageObject, true, 1 }, { seL4_ARM_VSpaceObject, false, 0 },    \
    { seL4_ARM_PageTableObject, false, PT_LEVEL_ANY }

/* seL4_ARM_VMAttributes bits the core interprets on Page_Map: a RAM frame
 * mapped without seL4_ARM_PageCacheable is normal non-cacheable memory
 * (VM_UNCACHED); a device frame is device memory whatever they say. */
#define ARCH_VM_ATTR_EXECUTE_NEVER 0x4ul       /* seL4_ARM_ExecuteNever */
#define ARCH_VM_ATTR_UNCACHED      0x0ul       /* no "uncached" bit ... */
#define ARCH_VM_ATTR_CACHEABLE     0x1ul       /* ... but seL4_ARM_PageCacheable */
/* Page_Map where a table already is: seL4 on ARM reports the failed lookup
 * below it, as on RISC-V. */
#define ARCH_PAGE_OVER_TABLE_IS_LOOKUP_FAILURE 1
