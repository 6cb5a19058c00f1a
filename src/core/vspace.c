/*
 * The generic page-table walker: one implementation of map, lookup and
 * address-space switching for every port and any number of levels.
 */
#include <core/vspace.h>
#include <core/tcb.h>
#include <sel4/constants.h>

static pte_t *kernel_only_root;         /* for threads without a valid VSpace */
static pte_t **asid_pools[BIT(seL4_NumASIDPoolsBits)];

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
    vspace_spaces_changed();
}

/* Bumped whenever some thread's address space may have changed; a thread's
 * memo of its root (tcb.h) is good only for the epoch it was made in. The
 * active root and ASID are remembered: switching to the space already
 * active costs a TLB flush on some machines for nothing, and threads of one
 * task switch often (IPC). */
word_t vspace_epoch = 1;
paddr_t vspace_active_root = ~(paddr_t)0;
word_t vspace_active_asid;

void vspace_spaces_changed(void)
{
    vspace_epoch++;
}

/* A thread runs in its VSpace root if that is a mapped root whose ASID still
 * names it; otherwise in the kernel-only root, where it faults at once. */
static void thread_root(struct tcb *t)
{
    cap_t c = t->slots[TCB_VTABLE].cap;
    if (cap_type(c) == CAP_PAGE_TABLE && cap_vm_level(c) == 0 && (cap_vm_flags(c) & CAP_VM_MAPPED) &&
        asid_lookup(cap_vm_asid(c)) == cap_ptr(c)) {
        t->vspace_root = kptr_to_paddr(cap_ptr(c));
        t->vspace_asid = cap_vm_asid(c);
    } else {
        t->vspace_root = kptr_to_paddr(kernel_only_root);
        t->vspace_asid = 0;
    }
    t->vspace_epoch = vspace_epoch;
}

void vspace_activate_slow(struct tcb *t)
{
    if (t->vspace_epoch != vspace_epoch)
        thread_root(t);
    if (t->vspace_root == vspace_active_root && t->vspace_asid == vspace_active_asid)
        return;
    vspace_active_root = t->vspace_root;
    vspace_active_asid = t->vspace_asid;
    arch_vspace_activate(t->vspace_root, t->vspace_asid);
}

void asid_register_pool(word_t asid_base, pte_t **pool)
{
    asid_pools[asid_base >> seL4_ASIDPoolIndexBits] = pool;
}

/* Pool 0 is the boot pool, so a free base is never 0. */
word_t asid_free_pool_base(void)
{
    for (word_t i = 1; i < ARRAY_SIZE(asid_pools); i++)
        if (!asid_pools[i])
            return i << seL4_ASIDPoolIndexBits;
    return 0;
}

bool asid_pool_registered(word_t asid_base, pte_t **pool)
{
    word_t i = asid_base >> seL4_ASIDPoolIndexBits;
    return i < ARRAY_SIZE(asid_pools) && asid_pools[i] == pool;
}

pte_t *asid_lookup(word_t asid)
{
    word_t hi = asid >> seL4_ASIDPoolIndexBits;
    if (asid == 0 || hi >= ARRAY_SIZE(asid_pools) || !asid_pools[hi])
        return NULL;
    return asid_pools[hi][asid & MASK(seL4_ASIDPoolIndexBits)];
}

void vspace_unmap_frame(cap_t frame)
{
    pte_t *root = asid_lookup(cap_vm_asid(frame));
    vaddr_t va = cap_vm_mapped_va(frame);
    if (!root)
        return;
    pte_t *e = vspace_walk(root, va, cap_vm_level(frame), NULL);
    if (e && pte_present(*e) && pte_is_page(*e, cap_vm_level(frame)) &&
        pte_addr(*e) == kptr_to_paddr(cap_ptr(frame))) {
        *e = 0;
        arch_pt_store_barrier();
        arch_tlb_flush_page(va, cap_vm_asid(frame));
    }
}

void vspace_unmap_table(cap_t table)
{
    word_t asid = cap_vm_asid(table);
    unsigned level = cap_vm_level(table);
    pte_t *root = asid_lookup(asid);
    if (!root)
        return;
    if (level == 0) {
        /* A VSpace root: take its ASID away; threads using it switch to
         * the kernel-only root at their next activation. */
        if (root == cap_ptr(table))
            asid_pools[asid >> seL4_ASIDPoolIndexBits][asid & MASK(seL4_ASIDPoolIndexBits)] = NULL;
        arch_tlb_flush_all();
        return;
    }
    pte_t *e = vspace_walk(root, cap_vm_mapped_va(table), level - 1, NULL);
    if (e && pte_present(*e) && !pte_is_page(*e, level - 1) &&
        pte_addr(*e) == kptr_to_paddr(cap_ptr(table))) {
        *e = 0;
        arch_pt_store_barrier();
        arch_tlb_flush_all();
    }
}
