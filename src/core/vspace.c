/*
 * The generic page-table walker: one implementation of map, lookup and
 * address-space switching for every port and any number of levels.
 */
#include <core/vspace.h>
#include <core/tcb.h>

static pte_t *kernel_only_root;         /* for threads without a valid VSpace */

pte_t *vspace_walk(pte_t *root, vaddr_t va, unsigned level, unsigned *stopped_at)
{
    pte_t *table = root;
    for (unsigned l = 0;; l++) {
        pte_t *entry = &table[pt_index(va, l)];
        if (l == level)
            return entry;
        if (!pte_present(*entry) || pte_is_page(*entry, l)) {
            if (stopped_at)
                *stopped_at = l;
            return NULL;
        }
        table = pte_table_ptr(*entry);
    }
}

bool vspace_map_page(pte_t *root, vaddr_t va, paddr_t pa, unsigned level, unsigned vm)
{
    if (level >= PT_LEVELS || !pt_level_has_pages(level))
        return false;
    pte_t *entry = vspace_walk(root, va, level, NULL);
    if (!entry || pte_present(*entry))
        return false;
    *entry = pte_page(pa, level, vm);
    arch_pt_store_barrier();
    return true;
}

bool vspace_map_table(pte_t *root, vaddr_t va, unsigned level, paddr_t table)
{
    if (level + 1 >= PT_LEVELS)
        return false;
    pte_t *entry = vspace_walk(root, va, level, NULL);
    if (!entry || pte_present(*entry))
        return false;
    *entry = pte_table(table);
    arch_pt_store_barrier();
    return true;
}

bool vspace_lookup(pte_t *root, vaddr_t va, paddr_t *pa, unsigned *level)
{
    pte_t *table = root;
    for (unsigned l = 0; l < PT_LEVELS; l++) {
        pte_t e = table[pt_index(va, l)];
        if (!pte_present(e))
            return false;
        if (pte_is_page(e, l) || l == PT_LEVELS - 1) {
            *pa = pte_addr(e) + (va & MASK(pt_level_shift(l)));
            *level = l;
            return true;
        }
        table = pte_table_ptr(e);
    }
    return false;
}

void vspace_set_kernel_root(pte_t *root)
{
    kernel_only_root = root;
}

void vspace_activate_thread(struct tcb *t)
{
    cap_t c = t->slots[TCB_VTABLE].cap;
    if (cap_type(c) == CAP_PAGE_TABLE && cap_vm_level(c) == 0 && (cap_vm_flags(c) & CAP_VM_MAPPED)) {
        arch_vspace_activate(kptr_to_paddr(cap_ptr(c)), cap_vm_asid(c));
        return;
    }
    arch_vspace_activate(kptr_to_paddr(kernel_only_root), 0);
}
