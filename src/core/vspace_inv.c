/*
 * Virtual-memory invocations, once for every port: Page Map/Unmap/
 * GetAddress, PageTable Map/Unmap, ASIDControl MakePool, ASIDPool Assign.
 * The port contributes only its PTE codec and geometry (<arch/pte.h>);
 * checks follow seL4's order and errors.
 *
 * Invariants: a frame or page-table capability marked mapped records the
 * ASID and address of its one mapping; a VSpace root is mapped iff its ASID
 * pool entry points at it (vspace.c). A mapping may outlive its record only
 * in unreachable tables (an unmapped table is cleared).
 */
#include <core/cdt.h>
#include <core/invocation.h>
#include <core/objects.h>
#include <core/string.h>
#include <core/vspace.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/keel_inv_table.h>

static bool is_mapped(cap_t c) { return cap_vm_flags(c) & CAP_VM_MAPPED; }

/* A VSpace root with an ASID: the only capability Map accepts as target. */
static int check_vspace(cap_t v, pte_t **root)
{
    if (cap_type(v) != CAP_PAGE_TABLE || cap_vm_level(v) != 0 || !is_mapped(v))
        return err_invalid_capability(1);
    pte_t *r = asid_lookup(cap_vm_asid(v));
    if (!r) {
        struct lookup_fault lf = { .type = seL4_InvalidRoot };
        return err_lookup(false, &lf);
    }
    if (r != cap_ptr(v))
        return err_invalid_capability(1);
    *root = r;
    return EXC_NONE;
}

/* The attributes ask for an uncached mapping: the port's "uncached" bit is
 * set (x86's CacheDisabled), or its "cacheable" bit is clear (ARM's
 * PageCacheable: seL4 on ARM maps a frame without it uncached). */
static bool attr_uncached(word_t attr)
{
    return (attr & ARCH_VM_ATTR_UNCACHED) != 0 ||
           (ARCH_VM_ATTR_CACHEABLE != 0 && (attr & ARCH_VM_ATTR_CACHEABLE) == 0);
}

static unsigned vm_flags_for(cap_t frame, word_t rights, word_t attr)
{
    unsigned f = cap_vm_flags(frame), vm = VM_USER;
    bool read = (f & CAP_VM_READ) && (rights & RIGHT_READ);
    bool write = (f & CAP_VM_WRITE) && (rights & RIGHT_WRITE);
    if (read && write)
        vm |= VM_READ | VM_WRITE;
    else if (read)
        vm |= VM_READ;
    else
        vm = VM_READ;           /* seL4's maskVMRights: "kernel only", no user access */
    if (!(attr & ARCH_VM_ATTR_EXECUTE_NEVER) && (vm & VM_USER))
        vm |= VM_EXEC;
    if (f & CAP_VM_DEVICE)
        vm |= VM_DEVICE;
    else if (attr_uncached(attr))
        vm |= VM_UNCACHED;
    return vm;
}

/* The walk below 'level' goes on through tables; report where it ends as
 * seL4 on RISC-V does: MissingCapability with the bits still unresolved. */
static int lookup_below(pte_t *root, vaddr_t va, unsigned level)
{
    unsigned l = level;
    while (l + 1 < PT_LEVELS) {
        pte_t *e = vspace_walk(root, va, l + 1, NULL);
        if (!e || !pte_present(*e) || pte_is_page(*e, l + 1))
            break;
        l++;
    }
    unsigned deepest = MIN(l + 1, PT_LEVELS - 1);
    struct lookup_fault lf = { .type = seL4_MissingCapability, .bits_left = pt_level_shift(deepest) };
    return err_lookup(false, &lf);
}

static int page_map(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t va = inv_arg(inv, 0), rights = inv_arg(inv, 1), attr = inv_arg(inv, 2);
    cap_t frame = inv->cap, v = inv->extra[0]->cap;
    unsigned level = cap_vm_level(frame), bits = pt_level_shift(level);
    pte_t *root;
    int status = check_vspace(v, &root);
    if (status != EXC_NONE)
        return status;
    if (is_mapped(frame)) {
        if (cap_vm_asid(frame) != cap_vm_asid(v))
            return err_invalid_capability(1);
        if (cap_vm_mapped_va(frame) != va)
            return err_invalid_argument(0);
    } else if (va >= ARCH_USER_TOP || BIT(bits) > ARCH_USER_TOP - va) {
        return err_invalid_argument(0);
    }
    if (!IS_ALIGNED(va, bits))
        return err_simple(seL4_AlignmentError);
    unsigned stop = 0;
    pte_t *e = vspace_walk(root, va, level, &stop);
    if (!e) {
        struct lookup_fault lf = { .type = seL4_MissingCapability, .bits_left = pt_level_shift(stop) };
        return err_lookup(false, &lf);
    }
    paddr_t pa = kptr_to_paddr(cap_ptr(frame));
    if (ARCH_PAGE_OVER_TABLE_IS_LOOKUP_FAILURE && pte_present(*e) && !pte_is_page(*e, level))
        return lookup_below(root, va, level);
    if (pte_present(*e) && !(is_mapped(frame) && pte_is_page(*e, level) && pte_addr(*e) == pa))
        return err_simple(seL4_DeleteFirst);
    *e = pte_page(pa, level, vm_flags_for(frame, rights, attr));
    arch_pt_store_barrier();
    arch_tlb_flush_page(va, cap_vm_asid(v));
    inv->slot->cap = cap_frame(cap_ptr(frame), level, cap_vm_flags(frame) | CAP_VM_MAPPED, va, cap_vm_asid(v));
    return EXC_NONE;
}

static int page_unmap(struct invocation *inv)
{
    cap_t frame = inv->cap;
    if (is_mapped(frame)) {
        vspace_unmap_frame(frame);
        inv->slot->cap = cap_frame(cap_ptr(frame), cap_vm_level(frame),
                                   cap_vm_flags(frame) & ~CAP_VM_MAPPED, 0, 0);
    }
    return EXC_NONE;
}

int decode_frame(struct invocation *inv)
{
    switch (inv_op(inv)) {
    case KEEL_OP_PAGE_MAP: return page_map(inv);
    case KEEL_OP_PAGE_UNMAP: return page_unmap(inv);
    case KEEL_OP_PAGE_GET_ADDRESS:
        inv_set_reply(inv, 0, kptr_to_paddr(cap_ptr(inv->cap)));
        return EXC_NONE;
    default: return err_simple(seL4_IllegalOperation);
    }
}

/* The entry a table of 'level' goes into: in the table above it. A table
 * whose level is open (PT_LEVEL_ANY) takes the first missing level. */
static int table_slot(pte_t *root, vaddr_t va, unsigned *level, pte_t **out)
{
    unsigned first = *level == PT_LEVEL_ANY ? 1 : *level;
    unsigned last = *level == PT_LEVEL_ANY ? PT_LEVELS - 1 : *level;
    for (unsigned l = first; l <= last; l++) {
        unsigned stop = 0;
        pte_t *e = vspace_walk(root, va, l - 1, &stop);
        if (!e) {
            if (*level == PT_LEVEL_ANY)
                return err_simple(seL4_DeleteFirst);   /* a page is mapped above */
            struct lookup_fault lf = { .type = seL4_MissingCapability, .bits_left = pt_level_shift(stop) };
            return err_lookup(false, &lf);
        }
        if (!pte_present(*e)) {
            *level = l;
            *out = e;
            return EXC_NONE;
        }
    }
    return err_simple(seL4_DeleteFirst);
}

static int table_map(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    cap_t t = inv->cap;
    if (is_mapped(t) || cap_vm_level(t) == 0)
        return err_invalid_capability(0);
    word_t va = inv_arg(inv, 0);
    pte_t *root = NULL, *e = NULL;
    int status = check_vspace(inv->extra[0]->cap, &root);
    if (status != EXC_NONE)
        return status;
    if (va >= ARCH_USER_TOP)
        return err_invalid_argument(0);
    unsigned level = cap_vm_level(t);
    status = table_slot(root, va, &level, &e);
    if (status != EXC_NONE)
        return status;
    *e = pte_table(kptr_to_paddr(cap_ptr(t)));
    arch_pt_store_barrier();
    word_t asid = cap_vm_asid(inv->extra[0]->cap);
    inv->slot->cap = cap_page_table(cap_ptr(t), level, (cap_vm_flags(t) & CAP_VM_ANY) | CAP_VM_MAPPED,
                                    ALIGN_DOWN(va, BIT(pt_level_shift(level - 1))), asid);
    return EXC_NONE;
}

static int table_unmap(struct invocation *inv)
{
    cap_t t = inv->cap;
    if (!is_mapped(t))
        return EXC_NONE;
    if (cap_vm_level(t) == 0 || !cte_is_final(inv->slot))
        return err_simple(seL4_RevokeFirst);
    vspace_unmap_table(t);
    /* Frames mapped through the table are unreachable now: clear it so that
     * mapping it again brings none of them back. */
    memset(cap_ptr(t), 0, BIT(pt_level_size_bits(cap_vm_level(t))));
    arch_tlb_flush_all();
    unsigned any = cap_vm_flags(t) & CAP_VM_ANY;
    inv->slot->cap = cap_page_table(cap_ptr(t), any ? PT_LEVEL_ANY : cap_vm_level(t), any, 0, 0);
    return EXC_NONE;
}

int decode_page_table(struct invocation *inv)
{
    switch (inv_op(inv)) {
    case KEEL_OP_TABLE_MAP: return table_map(inv);
    case KEEL_OP_TABLE_UNMAP: return table_unmap(inv);
    default: return err_simple(seL4_IllegalOperation);
    }
}

/* MakePool: an Untyped of exactly seL4_ASIDPoolBits becomes the next free
 * ASID pool. */
static int make_pool(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t base = asid_free_pool_base();
    if (base == 0)
        return err_simple(seL4_DeleteFirst);
    struct cte *ut = inv->extra[0];
    cap_t u = ut->cap;
    if (cap_type(u) != CAP_UNTYPED || cap_untyped_size_bits(u) != seL4_ASIDPoolBits ||
        cap_untyped_is_device(u))
        return err_invalid_capability(1);
    struct untyped_claim claim;
    if (untyped_claim_check(ut, seL4_ASIDPoolBits, 1, &claim) != EXC_NONE || !claim.reset)
        return err_simple(seL4_RevokeFirst);    /* seL4: the Untyped must have no children */
    struct cte *dest;
    int status = lookup_target_slot(inv->extra[1]->cap, inv_arg(inv, 0), inv_arg(inv, 1), false, &dest);
    if (status != EXC_NONE)
        return status;
    if (!cap_is_null(dest->cap))
        return err_simple(seL4_DeleteFirst);
    pte_t **pool = (pte_t **)(cap_untyped_base(u) + claim.offset);
    memset(pool, 0, BIT(seL4_ASIDPoolBits));    /* the pool is the whole Untyped: no reset needed */
    cap_untyped_set_free_index(&ut->cap, BIT(seL4_ASIDPoolBits));   /* the Untyped is used up */
    cte_insert_new(ut, dest, cap_asid_pool(pool, base));
    asid_register_pool(base, pool);
    return EXC_NONE;
}

int decode_asid_control(struct invocation *inv)
{
    if (inv_op(inv) != KEEL_OP_ASID_MAKE_POOL)
        return err_simple(seL4_IllegalOperation);
    return make_pool(inv);
}

/* Assign: give an unmapped VSpace root the pool's first free ASID. */
int decode_asid_pool(struct invocation *inv)
{
    if (inv_op(inv) != KEEL_OP_ASID_ASSIGN)
        return err_simple(seL4_IllegalOperation);
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    cap_t v = inv->extra[0]->cap;
    unsigned lvl = cap_vm_level(v);
    if (cap_type(v) != CAP_PAGE_TABLE || is_mapped(v) || (lvl != 0 && lvl != PT_LEVEL_ANY))
        return err_invalid_capability(1);
    pte_t **pool = cap_ptr(inv->cap);
    word_t base = cap_asid_pool_base(inv->cap);
    if (!asid_pool_registered(base, pool)) {
        struct lookup_fault lf = { .type = seL4_InvalidRoot };
        return err_lookup(false, &lf);
    }
    word_t i = base == 0 ? 1 : 0;               /* ASID 0 means "none" */
    while (i < BIT(seL4_ASIDPoolIndexBits) && pool[i])
        i++;
    if (i == BIT(seL4_ASIDPoolIndexBits))
        return err_simple(seL4_DeleteFirst);
    pte_t *root = cap_ptr(v);
    arch_vspace_init_root(root);
    pool[i] = root;
    inv->extra[0]->cap = cap_page_table(root, 0, (cap_vm_flags(v) & CAP_VM_ANY) | CAP_VM_MAPPED, 0, base + i);
    return EXC_NONE;
}
