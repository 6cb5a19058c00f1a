/*
 * The page-table entry bits both x86 paging modes share (x86_64's 4-level
 * and ia32's 2-level non-PAE entries agree on bits 0..8), and the flags of
 * a table entry and of a leaf, for the ports' <arch/pte.h>.
 */
#pragma once

#include <core/types.h>

#define PTE_P           (1u << 0)       /* present */
#define PTE_W           (1u << 1)       /* writable */
#define PTE_U           (1u << 2)       /* user accessible */
#define PTE_PWT         (1u << 3)       /* write-through */
#define PTE_PCD         (1u << 4)       /* cache disable */
#define PTE_A           (1u << 5)       /* accessed */
#define PTE_D           (1u << 6)       /* dirty (leaves only) */
#define PTE_PS          (1u << 7)       /* page size: a leaf above the last level */
#define PTE_G           (1u << 8)       /* global: survives CR3 reloads */

/* Non-leaf entries grant everything; the leaf decides. U must be set on the
 * whole path for a user page to be reachable. */
static inline uint32_t x86_pte_table_flags(void)
{
    return PTE_P | PTE_W | PTE_U | PTE_A;
}

/* A and D are set up front, so the walker never has to write them back. */
static inline uint32_t x86_pte_leaf_flags(unsigned vm, bool large)
{
    uint32_t p = PTE_P | PTE_A | PTE_D;
    if (large)
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
