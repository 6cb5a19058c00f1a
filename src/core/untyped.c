/*
 * Untyped memory: seL4_Untyped_Retype.
 *
 * Invariant: the memory of a non-device Untyped from its free index upwards
 * is zero, so new objects need no clearing. A retype on an Untyped with no
 * children first resets it: the used part is cleared top-down in chunks,
 * lowering the free index after each chunk, with a preemption point in
 * between, so the reset survives preemption and resumes where it stopped.
 * Boot hands out Untyped with the free index at the top (memory not yet
 * cleared), so the first retype of each clears it.
 */
#include <core/cdt.h>
#include <core/invocation.h>
#include <core/objects.h>
#include <core/string.h>
#include <sel4/constants.h>
#include <sel4/errors.h>
#include <sel4/invocation.h>

#define RETYPE_FAN_OUT_LIMIT 256
#define RESET_CHUNK_BITS 16

static int untyped_reset(struct cte *slot)
{
    cap_t c = slot->cap;
    word_t base = cap_untyped_base(c), fi = cap_untyped_free_index(c);
    if (cap_untyped_is_device(c)) {
        slot->cap.w1 = 0;
        return EXC_NONE;
    }
    while (fi > 0) {
        word_t start = ALIGN_DOWN(fi - 1, BIT(RESET_CHUNK_BITS));
        memset((void *)(base + start), 0, fi - start);
        fi = start;
        slot->cap.w1 = fi;
        if (fi > 0 && preemption_point())
            return EXC_PREEMPTED;
    }
    return EXC_NONE;
}

static int invoke_retype(struct cte *ut, bool reset, word_t type, word_t user_bits,
                         unsigned obj_bits, struct cte *dest, word_t n)
{
    if (reset) {
        int status = untyped_reset(ut);
        if (status != EXC_NONE)
            return status;
    }
    cap_t c = ut->cap;
    word_t base = cap_untyped_base(c);
    word_t obj = ALIGN_UP(base + cap_untyped_free_index(c), BIT(obj_bits));
    for (word_t i = 0; i < n; i++, obj += BIT(obj_bits))
        cte_insert_new(ut, &dest[i], object_create(type, user_bits, (void *)obj, cap_untyped_is_device(c)));
    ut->cap.w1 = obj - base;
    return EXC_NONE;
}

/* The destination CNode: the root itself at depth 0, else a slot under it. */
static int lookup_dest_cnode(struct invocation *inv, cap_t *node)
{
    word_t index = inv_arg(inv, 2), depth = inv_arg(inv, 3);
    *node = inv->extra[0]->cap;
    if (depth != 0) {
        struct cte *s;
        int status = lookup_target_slot(*node, index, depth, false, &s);
        if (status != EXC_NONE)
            return status;
        *node = s->cap;
    }
    if (cap_type(*node) != CAP_CNODE) {
        struct lookup_fault lf = { .type = seL4_MissingCapability, .bits_left = depth };
        return err_lookup(false, &lf);
    }
    return EXC_NONE;
}

static int check_object_args(word_t type, word_t user_bits, unsigned *obj_bits)
{
    if (type >= seL4_ObjectTypeCount || !object_type_offered(type))
        return err_invalid_argument(0);
    if (user_bits >= WORD_BITS)
        return err_range(0, seL4_MaxUntypedBits);
    *obj_bits = object_size_bits(type, user_bits);
    if (*obj_bits > seL4_MaxUntypedBits)
        return err_range(0, seL4_MaxUntypedBits);
    if (type == seL4_CapTableObject && user_bits == 0)
        return err_invalid_argument(1);
    if (type == seL4_UntypedObject && user_bits < seL4_MinUntypedBits)
        return err_invalid_argument(1);
    return EXC_NONE;
}

static int check_window(cap_t node, word_t offset, word_t window)
{
    word_t size = BIT(cap_cnode_radix(node));
    if (offset > size - 1)
        return err_range(0, size - 1);
    if (window < 1 || window > RETYPE_FAN_OUT_LIMIT)
        return err_range(1, RETYPE_FAN_OUT_LIMIT);
    if (window > size - offset)
        return err_range(1, size - offset);
    struct cte *slots = cap_ptr(node);
    for (word_t i = 0; i < window; i++)
        if (!cap_is_null(slots[offset + i].cap))
            return err_simple(seL4_DeleteFirst);
    return EXC_NONE;
}

static bool same_untyped_region(cap_t a, cap_t b)
{
    return cap_type(b) == CAP_UNTYPED && cap_ptr(a) == cap_ptr(b) &&
           cap_untyped_size_bits(a) == cap_untyped_size_bits(b);
}

static bool inside(cap_t outer, cap_t c)
{
    word_t ob, os, b, sz;
    return cap_region(outer, &ob, &os) && cap_region(c, &b, &sz) && ob <= b && b + sz <= ob + os;
}

/* Keel allows retype only through an Untyped capability that has no copy
 * (no other capability to exactly the same Untyped made by CNode_Copy/Mint),
 * since copies would each keep their own free index over the same memory.
 * Copies are marked in the CDT (cdt.c); a same-size child made by retype
 * is an original and does not count. Copies of 'slot' are among its
 * descendants; if 'slot' is itself a copy, its source precedes it inside
 * the same region. */
static bool untyped_has_copies(const struct cte *slot)
{
    for (const struct cte *n = cdt_next(slot); n && cdt_is_parent_of(slot, n); n = cdt_next(n))
        if (same_untyped_region(slot->cap, n->cap) && !cdt_first_badged(n))
            return true;
    if (cdt_first_badged(slot))
        return false;
    for (const struct cte *p = cdt_prev(slot); p && inside(slot->cap, p->cap); p = cdt_prev(p))
        if (same_untyped_region(slot->cap, p->cap))
            return true;
    return false;
}

int decode_untyped(struct invocation *inv)
{
    if (inv->label != UntypedRetype)
        return err_simple(seL4_IllegalOperation);
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t type = inv_arg(inv, 0), user_bits = inv_arg(inv, 1);
    word_t offset = inv_arg(inv, 4), window = inv_arg(inv, 5);
    unsigned obj_bits = 0;
    cap_t node = cap_null();
    int status = check_object_args(type, user_bits, &obj_bits);
    if (status == EXC_NONE)
        status = lookup_dest_cnode(inv, &node);
    if (status == EXC_NONE)
        status = check_window(node, offset, window);
    if (status != EXC_NONE)
        return status;
    if (untyped_has_copies(inv->slot))
        return err_simple(seL4_RevokeFirst);
    bool reset = !cdt_has_children(inv->slot);
    word_t free_index = reset ? 0 : cap_untyped_free_index(inv->cap);
    word_t free_bytes = BIT(cap_untyped_size_bits(inv->cap)) - free_index;
    if ((free_bytes >> obj_bits) < window)
        return err_not_enough_memory(free_bytes);
    if (cap_untyped_is_device(inv->cap) && !object_type_is_frame(type) && type != seL4_UntypedObject)
        return err_invalid_argument(1);
    struct cte *dest = (struct cte *)cap_ptr(node) + offset;
    return invoke_retype(inv->slot, reset, type, user_bits, obj_bits, dest, window);
}
