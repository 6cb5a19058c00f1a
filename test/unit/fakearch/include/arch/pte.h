/*
 * Fake page tables for the host unit tests: four levels of 9 index bits (like
 * x86_64), leaves allowed at levels 1..3 (1 only while fake_level1_pages), a
 * made-up PTE encoding.
 */
#pragma once

#include <core/types.h>
#include <arch/types.h>

typedef uint64_t pte_t;

#define PT_LEVELS 4
#define FPTE_V 1ull
#define FPTE_LEAF 2ull
#define FPTE_PERM_SHIFT 2               /* vm_flags in bits 2..6 */
#define FPTE_ADDR_MASK 0x000ffffffffff000ull

static inline unsigned pt_level_index_bits(unsigned level) { (void)level; return 9; }
static inline unsigned pt_level_size_bits(unsigned level) { (void)level; return PAGE_BITS; }
static inline unsigned pt_level_shift(unsigned level) { return PAGE_BITS + 9 * (PT_LEVELS - 1 - level); }
/* Level 1 leaves can be switched off, as x86_64 does without 1 GiB pages
 * (fake_hal.c; true unless a test clears it). */
extern bool fake_level1_pages;
static inline bool pt_level_has_pages(unsigned level) { return level >= 2 || (level == 1 && fake_level1_pages); }
static inline pte_t pte_table(paddr_t pt) { return (pt & FPTE_ADDR_MASK) | FPTE_V; }
static inline pte_t pte_page(paddr_t pa, unsigned level, unsigned vm)
{
    (void)level;
    return (pa & FPTE_ADDR_MASK) | FPTE_V | FPTE_LEAF | ((pte_t)vm << FPTE_PERM_SHIFT);
}
static inline bool pte_present(pte_t p) { return p & FPTE_V; }
static inline bool pte_is_page(pte_t p, unsigned level) { (void)level; return p & FPTE_LEAF; }
static inline paddr_t pte_addr(pte_t p) { return p & FPTE_ADDR_MASK; }

#define ARCH_VM_OBJECT_TYPES                                            \
    { 8, true, 3 }, { 9, true, 2 }, { 7, true, 1 },                     \
    { 10, false, 3 }, { 11, false, 2 }, { 5, false, 1 }, { 6, false, 0 }

#define ARCH_VM_ATTR_EXECUTE_NEVER 0x1ul
#define ARCH_VM_ATTR_UNCACHED      0x2ul
#define ARCH_VM_ATTR_CACHEABLE     0x0ul
#define ARCH_PAGE_OVER_TABLE_IS_LOOKUP_FAILURE 0
