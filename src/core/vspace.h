/*
 * The generic page-table walker. A port describes its tree in <arch/pte.h>
 * (levels, index bits, PTE encoding); everything else (walking, mapping,
 * unmapping, lookup) is written once here. Level 0 is the root.
 */
#pragma once

#include <core/hal.h>
#include <core/cap.h>
#include <core/tcb.h>

static inline unsigned pt_index(vaddr_t va, unsigned level)
{
    return (va >> pt_level_shift(level)) & MASK(pt_level_index_bits(level));
}

static inline pte_t *pte_table_ptr(pte_t pte)
{
    return (pte_t *)paddr_to_kptr(pte_addr(pte));
}

/* Walk towards 'va' and return the entry at 'level'. Returns NULL if the walk
 * stops above 'level' (no table there, or a larger page maps va); then
 * *stopped_at is the level whose entry ended the walk. */
pte_t *vspace_walk(pte_t *root, vaddr_t va, unsigned level, unsigned *stopped_at);

/* Map one page of the size that 'level' maps; the tables above must exist and
 * the entry must be empty. Returns false otherwise. */
bool vspace_map_page(pte_t *root, vaddr_t va, paddr_t pa, unsigned level, unsigned vm);

/* Put the table at physical 'table' into the empty entry for va at 'level'. */
bool vspace_map_table(pte_t *root, vaddr_t va, unsigned level, paddr_t table);

/* The leaf mapping va: its physical address and level, if any. */
bool vspace_lookup(pte_t *root, vaddr_t va, paddr_t *pa, unsigned *level);

/* Some thread's VSpace capability, a root's ASID or an ASID pool may have
 * changed: every thread finds its root again at its next activation. */
void vspace_spaces_changed(void);

/* Read by the inline check below; vspace.c writes them. */
extern word_t vspace_epoch;
extern paddr_t vspace_active_root;
extern word_t vspace_active_asid;
void vspace_activate_slow(struct tcb *t);

/* Switch the MMU to a thread's address space (or the kernel-only one). On
 * every kernel exit, so the usual case (the thread's memo is current and
 * its space already active) is three compares here. */
static inline void vspace_activate_thread(struct tcb *t)
{
    if (t->vspace_epoch != vspace_epoch || t->vspace_root != vspace_active_root ||
        t->vspace_asid != vspace_active_asid)
        vspace_activate_slow(t);
}
void vspace_set_kernel_root(pte_t *root);

/* ASIDs: pool i serves ASIDs [i << seL4_ASIDPoolIndexBits, ...). */
void asid_register_pool(word_t asid_base, pte_t **pool);
pte_t *asid_lookup(word_t asid);
word_t asid_free_pool_base(void);                   /* 0 if every pool is taken */
bool asid_pool_registered(word_t asid_base, pte_t **pool);

/* Remove the mapping a frame or page-table capability records, if it is
 * still there, and flush it from the TLB. */
void vspace_unmap_frame(cap_t frame);
void vspace_unmap_table(cap_t table);
