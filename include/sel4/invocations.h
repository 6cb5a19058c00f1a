/*
 * Object invocations with libsel4's names, parameter lists and return type
 * (libsel4 generates these as sel4_client.h; Keel writes them by hand).
 *
 * Every stub follows one recipe: the arguments go into message registers in
 * seL4's order (seL4_SetMR, the first four travel in machine registers),
 * capability arguments become extra caps (seL4_SetCap), the label names the
 * operation (enum invocation_label), and seL4_Call delivers it to the
 * invoked capability. The reply's label is the result: seL4_NoError, or an
 * seL4_Error whose detail words the caller reads with seL4_GetMR (for
 * instance seL4_RangeError: MR0 the minimum, MR1 the maximum), with the
 * same detail words as seL4.
 *
 * Depths are seL4_Uint8 as in libsel4, and sent as such (masked to 8 bits).
 */
#pragma once

#include <sel4/types.h>
#include <sel4/shared_types.h>
#include <sel4/functions.h>
#include <sel4/invocation.h>
#include <sel4/syscalls.h>

/* Send a prepared message (MRs and extra caps already set) to service and
 * return the reply label as an error code. */
static inline seL4_Error keel_invoke(seL4_CPtr service, seL4_Word label, seL4_Word extra_caps, seL4_Word length)
{
    seL4_MessageInfo_t reply = seL4_Call(service, seL4_MessageInfo_new(label, 0, extra_caps, length));

    return (seL4_Error)seL4_MessageInfo_get_label(reply);
}

/* ---- Untyped ---- */

/* Create num_objects objects of `type` (size_bits for the variable-sized
 * ones: Untyped, CapTable) from the Untyped `service`, their capabilities
 * in slots node_offset.. of the CNode found at node_index/node_depth under
 * root (root itself when node_depth is 0). */
static inline seL4_Error seL4_Untyped_Retype(seL4_Untyped _service, seL4_Word type, seL4_Word size_bits,
                                             seL4_CNode root, seL4_Word node_index, seL4_Word node_depth,
                                             seL4_Word node_offset, seL4_Word num_objects)
{
    seL4_SetCap(0, root);
    seL4_SetMR(0, type);
    seL4_SetMR(1, size_bits);
    seL4_SetMR(2, node_index);
    seL4_SetMR(3, node_depth);
    seL4_SetMR(4, node_offset);
    seL4_SetMR(5, num_objects);
    return keel_invoke(_service, UntypedRetype, 1, 6);
}

/* ---- CNode: operations on one slot (index, depth) of the CNode _service ---- */

static inline seL4_Error keel_cnode_slot_op(seL4_CNode service, seL4_Word label, seL4_Word index, seL4_Uint8 depth)
{
    seL4_SetMR(0, index);
    seL4_SetMR(1, depth & 0xfful);
    return keel_invoke(service, label, 0, 2);
}

/* Delete every capability derived from the one in the slot. */
static inline seL4_Error seL4_CNode_Revoke(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return keel_cnode_slot_op(_service, CNodeRevoke, index, depth);
}

/* Empty the slot. */
static inline seL4_Error seL4_CNode_Delete(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return keel_cnode_slot_op(_service, CNodeDelete, index, depth);
}

/* Abort the pending sends on the endpoint in the slot that carry its badge
 * (the capability must have all rights). */
static inline seL4_Error seL4_CNode_CancelBadgedSends(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return keel_cnode_slot_op(_service, CNodeCancelBadgedSends, index, depth);
}

/* Move the calling thread's reply capability into the (empty) slot. */
static inline seL4_Error seL4_CNode_SaveCaller(seL4_CNode _service, seL4_Word index, seL4_Uint8 depth)
{
    return keel_cnode_slot_op(_service, CNodeSaveCaller, index, depth);
}

/* ---- CNode: operations from a source slot into a destination slot ---- */

/* MR0-3 and extra cap 0 of Copy, Mint, Move and Mutate. */
static inline void keel_cnode_set_src_dest(seL4_Word dest_index, seL4_Uint8 dest_depth, seL4_CNode src_root,
                                           seL4_Word src_index, seL4_Uint8 src_depth)
{
    seL4_SetCap(0, src_root);
    seL4_SetMR(0, dest_index);
    seL4_SetMR(1, dest_depth & 0xfful);
    seL4_SetMR(2, src_index);
    seL4_SetMR(3, src_depth & 0xfful);
}

/* A copy of the source capability with its rights masked by `rights`. */
static inline seL4_Error seL4_CNode_Copy(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                         seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                                         seL4_CapRights_t rights)
{
    keel_cnode_set_src_dest(dest_index, dest_depth, src_root, src_index, src_depth);
    seL4_SetMR(4, rights.words[0]);
    return keel_invoke(_service, CNodeCopy, 1, 5);
}

/* As Copy, and set the capability's data: the badge of an endpoint or
 * notification, the guard (seL4_CNode_CapData_t) of a CNode. */
static inline seL4_Error seL4_CNode_Mint(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                         seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                                         seL4_CapRights_t rights, seL4_Word badge)
{
    keel_cnode_set_src_dest(dest_index, dest_depth, src_root, src_index, src_depth);
    seL4_SetMR(4, rights.words[0]);
    seL4_SetMR(5, badge);
    return keel_invoke(_service, CNodeMint, 1, 6);
}

/* Move the capability; the source slot ends up empty. */
static inline seL4_Error seL4_CNode_Move(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                         seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth)
{
    keel_cnode_set_src_dest(dest_index, dest_depth, src_root, src_index, src_depth);
    return keel_invoke(_service, CNodeMove, 1, 4);
}

/* Move the capability and change its data on the way (a CNode's guard; an
 * endpoint's badge cannot be changed this way). */
static inline seL4_Error seL4_CNode_Mutate(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                           seL4_CNode src_root, seL4_Word src_index, seL4_Uint8 src_depth,
                                           seL4_Word badge)
{
    keel_cnode_set_src_dest(dest_index, dest_depth, src_root, src_index, src_depth);
    seL4_SetMR(4, badge);
    return keel_invoke(_service, CNodeMutate, 1, 5);
}

/* Two moves in one step: pivot -> destination, then source -> pivot, each
 * with new data. With source == destination it swaps two capabilities. */
static inline seL4_Error seL4_CNode_Rotate(seL4_CNode _service, seL4_Word dest_index, seL4_Uint8 dest_depth,
                                           seL4_CNode pivot_root, seL4_Word pivot_index, seL4_Uint8 pivot_depth,
                                           seL4_Word pivot_badge, seL4_CNode src_root, seL4_Word src_index,
                                           seL4_Uint8 src_depth, seL4_Word src_badge)
{
    seL4_SetCap(0, pivot_root);
    seL4_SetCap(1, src_root);
    seL4_SetMR(0, dest_index);
    seL4_SetMR(1, dest_depth & 0xfful);
    seL4_SetMR(2, pivot_badge);
    seL4_SetMR(3, pivot_index);
    seL4_SetMR(4, pivot_depth & 0xfful);
    seL4_SetMR(5, src_badge);
    seL4_SetMR(6, src_index);
    seL4_SetMR(7, src_depth & 0xfful);
    return keel_invoke(_service, CNodeRotate, 2, 8);
}
