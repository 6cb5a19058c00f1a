/*
 * CNode invocations: Copy, Mint, Move, Mutate, Rotate, Delete, Revoke,
 * SaveCaller, CancelBadgedSends, decoded and checked in seL4's order so that
 * the same bad call gets the same error.
 */
#include <core/cdt.h>
#include <core/invocation.h>
#include <core/ipc.h>
#include <core/objects.h>
#include <sel4/errors.h>
#include <sel4/invocation.h>

static int missing_cap(bool source, word_t depth)
{
    struct lookup_fault lf = { .type = seL4_MissingCapability, .bits_left = depth };
    return err_lookup(source, &lf);
}

/* The source slot of Copy/Mint/Move/Mutate: message words 2-3, extra cap 0. */
static int lookup_source(struct invocation *inv, struct cte **src)
{
    word_t index = inv_arg(inv, 2), depth = inv_arg(inv, 3);
    int status = lookup_target_slot(inv->extra[0]->cap, index, depth, true, src);
    if (status == EXC_NONE && cap_is_null((*src)->cap))
        return missing_cap(true, depth);
    return status;
}

static int derived_or_error(const struct cte *src, cap_t c, cap_t *out)
{
    int error;
    *out = cap_derive(src, c, &error);
    if (error != seL4_NoError)
        return err_simple(error);
    if (cap_is_null(*out))
        return err_simple(seL4_IllegalOperation);
    return EXC_NONE;
}

static int decode_copy_family(struct invocation *inv, struct cte *dest)
{
    if (inv->length < 4 || inv->num_extra < 1)
        return err_simple(seL4_TruncatedMessage);
    if (!cap_is_null(dest->cap))
        return err_simple(seL4_DeleteFirst);
    struct cte *src;
    int status = lookup_source(inv, &src);
    if (status != EXC_NONE)
        return status;
    cap_t c;
    switch (inv->label) {
    case CNodeCopy:
        if (inv_truncated(inv))
            return err_simple(seL4_TruncatedMessage);
        status = derived_or_error(src, cap_mask_rights(src->cap, inv_arg(inv, 4)), &c);
        break;
    case CNodeMint:
        if (inv_truncated(inv))
            return err_simple(seL4_TruncatedMessage);
        c = cap_update_data(false, inv_arg(inv, 5), cap_mask_rights(src->cap, inv_arg(inv, 4)));
        status = cap_is_null(c) ? err_simple(seL4_IllegalOperation) : derived_or_error(src, c, &c);
        break;
    case CNodeMove:
        cte_move(src->cap, src, dest);
        return EXC_NONE;
    default: /* CNodeMutate */
        if (inv_truncated(inv))
            return err_simple(seL4_TruncatedMessage);
        c = cap_update_data(true, inv_arg(inv, 4), src->cap);
        if (cap_is_null(c))
            return err_simple(seL4_IllegalOperation);
        cte_move(c, src, dest);
        return EXC_NONE;
    }
    if (status == EXC_NONE)
        cte_insert(c, src, dest);
    return status;
}

/* Rotate: pivot -> dest, src -> pivot (a swap when src is dest). */
static int decode_rotate(struct invocation *inv, struct cte *dest)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t pivot_data = inv_arg(inv, 2), pivot_index = inv_arg(inv, 3), pivot_depth = inv_arg(inv, 4);
    word_t src_data = inv_arg(inv, 5), src_index = inv_arg(inv, 6), src_depth = inv_arg(inv, 7);
    struct cte *src, *pivot;
    int status = lookup_target_slot(inv->extra[1]->cap, src_index, src_depth, true, &src);
    if (status == EXC_NONE)
        status = lookup_target_slot(inv->extra[0]->cap, pivot_index, pivot_depth, true, &pivot);
    if (status != EXC_NONE)
        return status;
    if (pivot == src || pivot == dest)
        return err_simple(seL4_IllegalOperation);
    if (src != dest && !cap_is_null(dest->cap))
        return err_simple(seL4_DeleteFirst);
    if (cap_is_null(src->cap))
        return missing_cap(true, src_depth);
    if (cap_is_null(pivot->cap))
        return missing_cap(false, pivot_depth);
    cap_t new_src = cap_update_data(true, src_data, src->cap);
    cap_t new_pivot = cap_update_data(true, pivot_data, pivot->cap);
    if (cap_is_null(new_src) || cap_is_null(new_pivot))
        return err_simple(seL4_IllegalOperation);
    if (src == dest) {
        cte_swap(new_src, src, new_pivot, pivot);
    } else {
        cte_move(new_pivot, pivot, dest);
        cte_move(new_src, src, pivot);
    }
    return EXC_NONE;
}

static int save_caller(struct invocation *inv, struct cte *dest)
{
    if (!cap_is_null(dest->cap))
        return err_simple(seL4_DeleteFirst);
    struct cte *caller = &inv->thread->slots[TCB_CALLER];
    if (cap_type(caller->cap) == CAP_REPLY)
        cte_move(caller->cap, caller, dest);
    return EXC_NONE;
}

static int cancel_badged_sends(struct cte *dest)
{
    cap_t c = dest->cap;
    if (cap_type(c) != CAP_ENDPOINT || cap_rights(c) != RIGHTS_ALL)
        return err_simple(seL4_IllegalOperation);
    if (cap_badge(c) != 0)
        ep_cancel_badged_sends(cap_ptr(c), cap_badge(c));
    return EXC_NONE;
}

int decode_cnode(struct invocation *inv)
{
    if (inv->label < CNodeRevoke || inv->label > CNodeSaveCaller)
        return err_simple(seL4_IllegalOperation);
    if (inv->length < 2)
        return err_simple(seL4_TruncatedMessage);
    struct cte *dest;
    int status = lookup_target_slot(inv->cap, inv_arg(inv, 0), inv_arg(inv, 1), false, &dest);
    if (status != EXC_NONE)
        return status;
    switch (inv->label) {
    case CNodeCopy: case CNodeMint: case CNodeMove: case CNodeMutate:
        return decode_copy_family(inv, dest);
    case CNodeRevoke: return cte_revoke(dest);
    case CNodeDelete: return cte_delete(dest, true);
    case CNodeSaveCaller: return save_caller(inv, dest);
    case CNodeCancelBadgedSends: return cancel_badged_sends(dest);
    default: return decode_rotate(inv, dest);
    }
}
