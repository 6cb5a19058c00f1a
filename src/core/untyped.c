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
        cap_untyped_set_free_index(&slot->cap, 0);
        return EXC_NONE;
    }
    while (fi > 0) {
        word_t start = ALIGN_DOWN(fi - 1, BIT(RESET_CHUNK_BITS));
        memset((void *)(base + start), 0, fi - start);
        fi = start;
        cap_untyped_set_free_index(&slot->cap, fi);
        if (fi > 0 && preemption_point_now())   /* each 64 KiB chunk is a large unit */
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
    cap_untyped_set_free_index(&ut->cap, obj - base);
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

/* The one rule for consuming Untyped memory (seL4's), used by Retype,
 * ASIDControl_MakePool and anything else that turns an Untyped into objects:
 *  - an Untyped capability with no CDT children may be reset: everything it
 *    covers is free, allocation starts at offset 0;
 *  - one with children allocates from its free index upwards only.
 * Copies cannot both allocate the same bytes because cte_insert() marks the
 * *source* of an Untyped copy full (free index at its end): only the newest
 * copy keeps a usable free index, and since the copy sits after its source
 * on the CDT list, every object made through either is a child of both
 * (same region), so neither can be reset while any such object lives.
 * Checked by invariants.c (no two Untypeds can allocate the same bytes; no
 * two live objects overlap). O(1): one look at the next CDT slot. */
int untyped_claim_check(const struct cte *ut, unsigned obj_bits, word_t count, struct untyped_claim *claim)
{
    cap_t c = ut->cap;
    claim->reset = !cdt_has_children(ut);
    word_t free_index = claim->reset ? 0 : cap_untyped_free_index(c);
    word_t size = BIT(cap_untyped_size_bits(c));
    word_t start = ALIGN_UP(free_index, BIT(obj_bits));
    if (start > size || ((size - start) >> obj_bits) < count)
        return err_not_enough_memory(size - free_index);
    claim->offset = start;
    return EXC_NONE;
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
    if (cap_untyped_is_device(inv->cap) && !object_type_is_frame(type) && type != seL4_UntypedObject)
        return err_invalid_argument(1);
    struct untyped_claim claim;
    status = untyped_claim_check(inv->slot, obj_bits, window, &claim);
    if (status != EXC_NONE)
        return status;
    struct cte *dest = (struct cte *)cap_ptr(node) + offset;
    return invoke_retype(inv->slot, claim.reset, type, user_bits, obj_bits, dest, window);
}
