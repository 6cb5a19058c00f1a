/*
 * CNODE: the CNode invocations (Copy, Mint, Move, Mutate, Rotate, Delete,
 * SaveCaller, CancelBadgedSends; Revoke is in revoke.c), their success
 * paths and each documented error with its detail words: slot lookups
 * through guarded two-level CSpaces, rights masking, the badge rules, the
 * capabilities that cannot be copied, and the message checks.
 */
#include "caps.h"

#define RADIX 4                 /* the small CNodes the tests build */
#define GUARD 0xab              /* the guard of the second-level CNode */
#define GUARD_BITS 8

/* ---- Copy ---- */

static const char *cnode_copy(void)
{
    seL4_CPtr ep = new_endpoint(), dest = slot_alloc();

    TRY(expect_ok(seL4_CNode_Copy(ROOT, dest, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights), "Copy"));
    TRY(expect_type(dest, KEEL_CAP_ENDPOINT, "the copy"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the original");
}

static const char *cnode_copy_occupied(void)
{
    seL4_CPtr ep = new_endpoint(), other = new_endpoint();

    return EXPECT_PLAIN_ERROR(seL4_CNode_Copy(ROOT, other, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                              seL4_DeleteFirst, "Copy into an occupied slot");
}

static const char *cnode_copy_empty_source(void)
{
    seL4_CPtr empty = slot_alloc();

    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, empty, ROOT_DEPTH, seL4_AllRights),
                        seL4_FailedLookup, "Copy from an empty slot", 1, seL4_MissingCapability, ROOT_DEPTH);
}

static const char *cnode_dest_depth_zero(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), 0, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                        seL4_RangeError, "Copy with destination depth 0", 1, seL4_WordBits);
}

static const char *cnode_dest_depth_65(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), seL4_WordBits + 1, ROOT, ep, ROOT_DEPTH,
                                        seL4_AllRights),
                        seL4_RangeError, "Copy with destination depth 65", 1, seL4_WordBits);
}

static const char *cnode_src_depth_zero(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, ep, 0, seL4_AllRights),
                        seL4_RangeError, "Copy with source depth 0", 1, seL4_WordBits);
}

static const char *cnode_root_guard_mismatch(void)
{
    seL4_CPtr ep = new_endpoint();

    const seL4_Uint8 depth = seL4_WordBits / 2;

    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), depth, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                        seL4_FailedLookup, "Copy to a root slot at half a word's depth", 0, seL4_GuardMismatch,
                        depth, 0, seL4_WordBits - CONFIG_ROOT_CNODE_SIZE_BITS);
}

/* A two-level CSpace: CNode top (radix 4, no guard) whose slot 1 holds
 * CNode second (radix 4) minted with an 8-bit guard. Slot i of second is
 * then index 1.GUARD.i at depth 16 through top. */
struct two_level {
    seL4_CPtr top, second;
};

static const char *two_level(struct two_level *t)
{
    t->top = new_cnode(RADIX);
    t->second = new_cnode(RADIX);
    CHECK(t->top != 0 && t->second != 0, "setup: Retype of two CNodes failed");
    TRY(expect_ok(seL4_CNode_Mint(t->top, 1, RADIX, ROOT, t->second, ROOT_DEPTH, seL4_AllRights,
                                  seL4_CNode_CapData_new(GUARD, GUARD_BITS).words[0]),
                  "setup: Mint of the guarded CNode"));
    return NULL;
}

static seL4_Word through_guard(seL4_Word guard, seL4_Word slot)
{
    return (1ul << (GUARD_BITS + RADIX)) | (guard << RADIX) | slot;
}

#define TWO_LEVEL_DEPTH (RADIX + GUARD_BITS + RADIX)

static const char *cnode_two_level_copy(void)
{
    struct two_level t;
    seL4_CPtr ep = new_endpoint();

    TRY(two_level(&t));
    TRY(expect_ok(seL4_CNode_Copy(t.top, through_guard(GUARD, 3), TWO_LEVEL_DEPTH, ROOT, ep, ROOT_DEPTH,
                                  seL4_AllRights),
                  "Copy to slot 3 of the guarded CNode"));
    return expect_slots_hold(t.second, RADIX, 3, 1, KEEL_CAP_ENDPOINT);
}

static const char *cnode_two_level_dest_guard(void)
{
    struct two_level t;
    seL4_CPtr ep = new_endpoint();

    TRY(two_level(&t));
    return EXPECT_ERROR(seL4_CNode_Copy(t.top, through_guard(GUARD + 1, 3), TWO_LEVEL_DEPTH, ROOT, ep, ROOT_DEPTH,
                                        seL4_AllRights),
                        seL4_FailedLookup, "Copy to a slot behind a wrong guard", 0, seL4_GuardMismatch,
                        GUARD_BITS + RADIX, GUARD, GUARD_BITS);
}

static const char *cnode_two_level_src_guard(void)
{
    struct two_level t;

    TRY(two_level(&t));
    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, t.top, through_guard(GUARD - 1, 3),
                                        TWO_LEVEL_DEPTH, seL4_AllRights),
                        seL4_FailedLookup, "Copy from a slot behind a wrong guard", 1, seL4_GuardMismatch,
                        GUARD_BITS + RADIX, GUARD, GUARD_BITS);
}

/* Depth 8 through top leaves 4 bits for an 8-bit guard. */
static const char *cnode_guard_longer_than_depth(void)
{
    struct two_level t;
    seL4_CPtr ep = new_endpoint();

    TRY(two_level(&t));
    return EXPECT_ERROR(seL4_CNode_Copy(t.top, (1 << RADIX) | (GUARD >> 4), RADIX + 4, ROOT, ep, ROOT_DEPTH,
                                        seL4_AllRights),
                        seL4_FailedLookup, "Copy at depth 8 into a guarded level", 0, seL4_GuardMismatch, 4, GUARD,
                        GUARD_BITS);
}

static const char *cnode_depth_below_radix(void)
{
    seL4_CPtr cnode = new_cnode(RADIX), ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Copy(cnode, 1, 2, ROOT, ep, ROOT_DEPTH, seL4_AllRights), seL4_FailedLookup,
                        "Copy at depth 2 in a radix-4 CNode", 0, seL4_DepthMismatch, 2, RADIX);
}

/* Depth 6 in a radix-4 CNode whose slot is no CNode: 2 bits are left over. */
static const char *cnode_depth_past_leaf(void)
{
    seL4_CPtr cnode = new_cnode(RADIX), ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Copy(cnode, 1 << 2, RADIX + 2, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                        seL4_FailedLookup, "Copy at depth 6 in a radix-4 CNode", 0, seL4_DepthMismatch, 2, 0);
}

static const char *cnode_src_root_not_cnode(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, ep, 0, 8, seL4_AllRights),
                        seL4_FailedLookup, "Copy with an endpoint as source root", 1, seL4_InvalidRoot);
}

/* Rights: CancelBadgedSends needs all of them, so it shows what a copy kept. */
static const char *cnode_copy_masks_rights(void)
{
    seL4_CPtr ep = new_endpoint(), ro = copy_cap(ep, seL4_CanRead);

    CHECK(ro != 0, "setup: read-only Copy failed");
    TRY(expect_ok(seL4_CNode_CancelBadgedSends(ROOT, ep, ROOT_DEPTH), "CancelBadgedSends on the original"));
    return EXPECT_PLAIN_ERROR(seL4_CNode_CancelBadgedSends(ROOT, ro, ROOT_DEPTH), seL4_IllegalOperation,
                              "CancelBadgedSends on the read-only copy");
}

static const char *cnode_rights_not_regained(void)
{
    seL4_CPtr ep = new_endpoint(), ro = copy_cap(ep, seL4_NoWrite), again;

    CHECK(ro != 0, "setup: Copy without write failed");
    again = copy_cap(ro, seL4_AllRights);
    CHECK(again != 0, "Copy of the copy with all rights failed");
    return EXPECT_PLAIN_ERROR(seL4_CNode_CancelBadgedSends(ROOT, again, ROOT_DEPTH), seL4_IllegalOperation,
                              "CancelBadgedSends on a copy of a copy without write");
}

/* ---- Mint: badges and guards ---- */

static const char *cnode_mint_badge(void)
{
    seL4_CPtr ep = new_endpoint(), badged = slot_alloc();

    TRY(expect_ok(seL4_CNode_Mint(ROOT, badged, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights, 42),
                  "Mint with badge 42"));
    return expect_type(badged, KEEL_CAP_ENDPOINT, "the badged endpoint");
}

static const char *cnode_mint_rebadge(void)
{
    seL4_CPtr ep = new_endpoint(), badged = slot_alloc();

    CHECK(seL4_CNode_Mint(ROOT, badged, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights, 42) == seL4_NoError,
          "setup: Mint with badge 42 failed");
    return EXPECT_PLAIN_ERROR(seL4_CNode_Mint(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, badged, ROOT_DEPTH,
                                              seL4_AllRights, 7),
                              seL4_IllegalOperation, "Mint from a badged endpoint");
}

static const char *cnode_mint_badge_zero(void)
{
    seL4_CPtr ep = new_endpoint(), unbadged = slot_alloc();

    TRY(expect_ok(seL4_CNode_Mint(ROOT, unbadged, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights, 0),
                  "Mint with badge 0"));
    return expect_ok(seL4_CNode_Mint(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, unbadged, ROOT_DEPTH, seL4_AllRights, 9),
                     "Mint with badge 9 from the badge-0 copy");
}

static const char *cnode_mint_notification(void)
{
    seL4_CPtr ntfn = new_object(seL4_NotificationObject, 0), badged = slot_alloc();

    TRY(expect_ok(seL4_CNode_Mint(ROOT, badged, ROOT_DEPTH, ROOT, ntfn, ROOT_DEPTH, seL4_AllRights, 1),
                  "Mint of a notification with badge 1"));
    return EXPECT_PLAIN_ERROR(seL4_CNode_Mint(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, badged, ROOT_DEPTH,
                                              seL4_AllRights, 2),
                              seL4_IllegalOperation, "Mint from the badged notification");
}

static const char *cnode_mint_guard_fits(void)
{
    seL4_CPtr cnode = new_cnode(RADIX);

    return expect_ok(seL4_CNode_Mint(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, cnode, ROOT_DEPTH, seL4_AllRights,
                                     seL4_CNode_CapData_new(0, seL4_WordBits - RADIX).words[0]),
                     "Mint of a radix-4 CNode with a 60-bit guard");
}

static const char *cnode_mint_guard_too_big(void)
{
    seL4_CPtr cnode = new_cnode(RADIX);

    return EXPECT_PLAIN_ERROR(seL4_CNode_Mint(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, cnode, ROOT_DEPTH,
                                              seL4_AllRights,
                                              seL4_CNode_CapData_new(0, seL4_WordBits - RADIX + 1).words[0]),
                              seL4_IllegalOperation, "Mint of a radix-4 CNode with a 61-bit guard");
}

/* ---- what cannot be copied ---- */

static const char *cnode_copy_untyped_children(void)
{
    seL4_CPtr ut = ut_alloc(8);

    CHECK(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()) == seL4_NoError, "setup: Retype failed");
    return EXPECT_PLAIN_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, ut, ROOT_DEPTH, seL4_AllRights),
                              seL4_RevokeFirst, "Copy of an Untyped with a child");
}

static const char *cnode_copy_untyped(void)
{
    seL4_CPtr ut = ut_alloc(8), copy = slot_alloc();

    TRY(expect_ok(seL4_CNode_Copy(ROOT, copy, ROOT_DEPTH, ROOT, ut, ROOT_DEPTH, seL4_AllRights),
                  "Copy of a childless Untyped"));
    return expect_type(copy, KEEL_CAP_UNTYPED, "the copy");
}

static const char *cnode_copy_irq_control(void)
{
    if (test_cap_withheld(seL4_CapIRQControl)) {
        return test_skip("started by a parent task that kept IRQControl");
    }
    return EXPECT_PLAIN_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, seL4_CapIRQControl, ROOT_DEPTH,
                                              seL4_AllRights),
                              seL4_IllegalOperation, "Copy of IRQControl");
}

static const char *cnode_copy_unmapped_pt(void)
{
    seL4_CPtr pt = new_object(TEST_PT_OBJECT, 0);

    CHECK(pt != 0, "setup: Retype of a page table failed");
    return EXPECT_PLAIN_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, pt, ROOT_DEPTH, seL4_AllRights),
                              seL4_IllegalOperation, "Copy of an unmapped page table");
}

static const char *cnode_copy_frame(void)
{
    seL4_CPtr frame = new_object(TEST_FRAME_OBJECT, 0), copy = slot_alloc();

    CHECK(frame != 0, "setup: Retype of a frame failed");
    TRY(expect_ok(seL4_CNode_Copy(ROOT, copy, ROOT_DEPTH, ROOT, frame, ROOT_DEPTH, seL4_AllRights),
                  "Copy of a frame"));
    return expect_type(copy, KEEL_CAP_FRAME, "the copy");
}

/* ---- Move and Mutate ---- */

static const char *cnode_move(void)
{
    seL4_CPtr ep = new_endpoint(), dest = slot_alloc();

    TRY(expect_ok(seL4_CNode_Move(ROOT, dest, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH), "Move"));
    TRY(expect_type(dest, KEEL_CAP_ENDPOINT, "destination"));
    return expect_type(ep, KEEL_CAP_NULL, "source");
}

static const char *cnode_move_empty(void)
{
    seL4_CPtr empty = slot_alloc();

    return EXPECT_ERROR(seL4_CNode_Move(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, empty, ROOT_DEPTH), seL4_FailedLookup,
                        "Move from an empty slot", 1, seL4_MissingCapability, ROOT_DEPTH);
}

static const char *cnode_move_occupied(void)
{
    seL4_CPtr ep = new_endpoint(), ntfn = new_object(seL4_NotificationObject, 0);

    TRY(EXPECT_PLAIN_ERROR(seL4_CNode_Move(ROOT, ntfn, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH), seL4_DeleteFirst,
                           "Move onto a notification"));
    TRY(expect_type(ep, KEEL_CAP_ENDPOINT, "the source after the refused Move"));
    return expect_type(ntfn, KEEL_CAP_NOTIFICATION, "the destination after the refused Move");
}

static const char *cnode_mutate_endpoint(void)
{
    seL4_CPtr ep = new_endpoint();

    TRY(EXPECT_PLAIN_ERROR(seL4_CNode_Mutate(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, 5),
                           seL4_IllegalOperation, "Mutate of an endpoint with badge 5"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the endpoint after the refused Mutate");
}

/* Mutate gives a CNode a 4-bit guard 5: slots are then 5.i at depth 8. */
static const char *cnode_mutate_guard(void)
{
    seL4_CPtr cnode = new_cnode(RADIX), guarded = slot_alloc(), ep = new_endpoint();

    TRY(expect_ok(seL4_CNode_Mutate(ROOT, guarded, ROOT_DEPTH, ROOT, cnode, ROOT_DEPTH,
                                    seL4_CNode_CapData_new(5, 4).words[0]),
                  "Mutate of a CNode with guard 5/4"));
    TRY(expect_ok(seL4_CNode_Copy(guarded, (5 << RADIX) | 3, 8, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                  "Copy to slot 3 behind the new guard"));
    return EXPECT_ERROR(seL4_CNode_Copy(guarded, (6 << RADIX) | 4, 8, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                        seL4_FailedLookup, "Copy behind a wrong guard", 0, seL4_GuardMismatch, 8, 5, 4);
}

static const char *cnode_mutate_untyped(void)
{
    seL4_CPtr ut = ut_alloc(8), dest = slot_alloc();

    TRY(expect_ok(seL4_CNode_Mutate(ROOT, dest, ROOT_DEPTH, ROOT, ut, ROOT_DEPTH, 0x1234), "Mutate of an Untyped"));
    TRY(expect_type(ut, KEEL_CAP_NULL, "the source"));
    return expect_whole(dest, 8, "Retype of all of the moved Untyped");
}

/* ---- Rotate ---- */

/* An Untyped and a frame: capabilities Rotate may move (their data is not
 * a badge). */
static const char *rotate_material(seL4_CPtr *ut, seL4_CPtr *frame)
{
    *ut = ut_alloc(8);
    *frame = new_object(TEST_FRAME_OBJECT, 0);
    CHECK(*ut != 0 && *frame != 0, "setup: no Untyped or frame");
    return NULL;
}

static seL4_Error rotate(seL4_CPtr dest, seL4_CPtr pivot, seL4_CPtr src)
{
    return seL4_CNode_Rotate(ROOT, dest, ROOT_DEPTH, 0, ROOT, pivot, ROOT_DEPTH, 0, ROOT, src, ROOT_DEPTH);
}

static const char *cnode_rotate(void)
{
    seL4_CPtr ut, frame, dest = slot_alloc();

    TRY(rotate_material(&ut, &frame));
    TRY(expect_ok(rotate(dest, frame, ut), "Rotate Untyped -> frame's slot -> empty slot"));
    TRY(expect_type(dest, KEEL_CAP_FRAME, "destination"));
    TRY(expect_type(frame, KEEL_CAP_UNTYPED, "pivot"));
    return expect_type(ut, KEEL_CAP_NULL, "source");
}

static const char *cnode_rotate_swap(void)
{
    seL4_CPtr ut, frame;

    TRY(rotate_material(&ut, &frame));
    TRY(expect_ok(rotate(ut, frame, ut), "Rotate with source = destination"));
    TRY(expect_type(ut, KEEL_CAP_FRAME, "the Untyped's old slot"));
    return expect_type(frame, KEEL_CAP_UNTYPED, "the frame's old slot");
}

static const char *cnode_rotate_pivot_is_src(void)
{
    seL4_CPtr ut, frame;

    TRY(rotate_material(&ut, &frame));
    return EXPECT_PLAIN_ERROR(rotate(slot_alloc(), ut, ut), seL4_IllegalOperation, "Rotate with pivot = source");
}

static const char *cnode_rotate_pivot_is_dest(void)
{
    seL4_CPtr ut, frame;

    TRY(rotate_material(&ut, &frame));
    return EXPECT_PLAIN_ERROR(rotate(frame, frame, ut), seL4_IllegalOperation, "Rotate with pivot = destination");
}

static const char *cnode_rotate_dest_occupied(void)
{
    seL4_CPtr ut, frame, ep = new_endpoint();

    TRY(rotate_material(&ut, &frame));
    return EXPECT_PLAIN_ERROR(rotate(ep, frame, ut), seL4_DeleteFirst, "Rotate onto an endpoint");
}

static const char *cnode_rotate_src_empty(void)
{
    seL4_CPtr ut, frame;

    TRY(rotate_material(&ut, &frame));
    return EXPECT_ERROR(rotate(slot_alloc(), frame, slot_alloc()), seL4_FailedLookup, "Rotate from an empty slot", 1,
                        seL4_MissingCapability, ROOT_DEPTH);
}

static const char *cnode_rotate_pivot_empty(void)
{
    seL4_CPtr ut, frame;

    TRY(rotate_material(&ut, &frame));
    return EXPECT_ERROR(rotate(slot_alloc(), slot_alloc(), ut), seL4_FailedLookup,
                        "Rotate through an empty pivot", 0, seL4_MissingCapability, ROOT_DEPTH);
}

/* Rotate keeps data (preserve): an endpoint's badge cannot be kept so. */
static const char *cnode_rotate_endpoint(void)
{
    seL4_CPtr ut, frame, ep = new_endpoint();

    TRY(rotate_material(&ut, &frame));
    return EXPECT_PLAIN_ERROR(rotate(slot_alloc(), frame, ep), seL4_IllegalOperation, "Rotate of an endpoint");
}

static const char *cnode_rotate_truncated(void)
{
    seL4_CPtr ut, frame, dest = slot_alloc();

    TRY(rotate_material(&ut, &frame));
    seL4_SetCap(0, ROOT);
    seL4_SetMR(0, dest);
    seL4_SetMR(1, ROOT_DEPTH);
    seL4_SetMR(2, 0);
    seL4_SetMR(3, frame);
    seL4_SetMR(4, ROOT_DEPTH);
    seL4_SetMR(5, 0);
    seL4_SetMR(6, ut);
    seL4_SetMR(7, ROOT_DEPTH);
    return EXPECT_PLAIN_ERROR(keel_invoke(ROOT, CNodeRotate, 1, 8), seL4_TruncatedMessage,
                              "Rotate with one extra capability");
}

/* ---- Delete ---- */

static const char *cnode_delete(void)
{
    seL4_CPtr ep = new_endpoint();

    TRY(expect_ok(seL4_CNode_Delete(ROOT, ep, ROOT_DEPTH), "Delete"));
    return expect_type(ep, KEEL_CAP_NULL, "the deleted slot");
}

static const char *cnode_delete_empty(void)
{
    return expect_ok(seL4_CNode_Delete(ROOT, slot_alloc(), ROOT_DEPTH), "Delete of an empty slot");
}

static const char *cnode_delete_depth(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Delete(ROOT, ep, seL4_WordBits + 1), seL4_RangeError, "Delete at depth 65", 1,
                        seL4_WordBits);
}

static const char *cnode_stale_cptr(void)
{
    seL4_CPtr ep = new_endpoint();

    CHECK(seL4_CNode_Delete(ROOT, ep, ROOT_DEPTH) == seL4_NoError, "setup: Delete failed");
    TRY(expect_type(ep, KEEL_CAP_NULL, "the deleted slot"));
    return EXPECT_ERROR(seL4_CNode_Copy(ROOT, slot_alloc(), ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                        seL4_FailedLookup, "Copy from the deleted slot", 1, seL4_MissingCapability, ROOT_DEPTH);
}

/* ---- SaveCaller, CancelBadgedSends ---- */

static const char *cnode_save_caller_none(void)
{
    seL4_CPtr slot = slot_alloc();

    TRY(expect_ok(seL4_CNode_SaveCaller(ROOT, slot, ROOT_DEPTH), "SaveCaller with no caller"));
    return expect_type(slot, KEEL_CAP_NULL, "the SaveCaller slot");
}

static const char *cnode_save_caller_occupied(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_PLAIN_ERROR(seL4_CNode_SaveCaller(ROOT, ep, ROOT_DEPTH), seL4_DeleteFirst,
                              "SaveCaller into an occupied slot");
}

static const char *cnode_cancel_badged_sends(void)
{
    seL4_CPtr ep = new_endpoint(), badged = slot_alloc();

    CHECK(seL4_CNode_Mint(ROOT, badged, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights, 3) == seL4_NoError,
          "setup: Mint failed");
    return expect_ok(seL4_CNode_CancelBadgedSends(ROOT, badged, ROOT_DEPTH), "CancelBadgedSends on badge 3");
}

static const char *cnode_cancel_not_endpoint(void)
{
    seL4_CPtr ut = ut_alloc(8);

    return EXPECT_PLAIN_ERROR(seL4_CNode_CancelBadgedSends(ROOT, ut, ROOT_DEPTH), seL4_IllegalOperation,
                              "CancelBadgedSends on an Untyped");
}

static const char *cnode_cancel_empty(void)
{
    return EXPECT_PLAIN_ERROR(seL4_CNode_CancelBadgedSends(ROOT, slot_alloc(), ROOT_DEPTH), seL4_IllegalOperation,
                              "CancelBadgedSends on an empty slot");
}

/* ---- messages and the invoked capability ---- */

static const char *cnode_wrong_label(void)
{
    seL4_SetMR(0, slot_alloc());
    seL4_SetMR(1, ROOT_DEPTH);
    return EXPECT_PLAIN_ERROR(keel_invoke(ROOT, UntypedRetype, 0, 2), seL4_IllegalOperation,
                              "UntypedRetype label on a CNode");
}

static const char *cnode_one_word(void)
{
    seL4_SetMR(0, slot_alloc());
    return EXPECT_PLAIN_ERROR(keel_invoke(ROOT, CNodeDelete, 0, 1), seL4_TruncatedMessage, "Delete with one word");
}

/* MR0-3 and extra cap 0 of Copy, Mint, Move and Mutate, as libsel4 sends them. */
static void set_src_dest(seL4_Word dest_index, seL4_Uint8 dest_depth, seL4_CNode src_root, seL4_Word src_index,
                         seL4_Uint8 src_depth)
{
    seL4_SetCap(0, src_root);
    seL4_SetMR(0, dest_index);
    seL4_SetMR(1, dest_depth);
    seL4_SetMR(2, src_index);
    seL4_SetMR(3, src_depth);
}

static const char *cnode_copy_four_words(void)
{
    seL4_CPtr ep = new_endpoint();

    set_src_dest(slot_alloc(), ROOT_DEPTH, ROOT, ep, ROOT_DEPTH);
    return EXPECT_PLAIN_ERROR(keel_invoke(ROOT, CNodeCopy, 1, 4), seL4_TruncatedMessage, "Copy with four words");
}

static const char *cnode_mint_five_words(void)
{
    seL4_CPtr ep = new_endpoint();

    set_src_dest(slot_alloc(), ROOT_DEPTH, ROOT, ep, ROOT_DEPTH);
    seL4_SetMR(4, seL4_AllRights.words[0]);
    return EXPECT_PLAIN_ERROR(keel_invoke(ROOT, CNodeMint, 1, 5), seL4_TruncatedMessage, "Mint with five words");
}

static const char *cnode_copy_no_src_root(void)
{
    seL4_CPtr ep = new_endpoint();

    set_src_dest(slot_alloc(), ROOT_DEPTH, ROOT, ep, ROOT_DEPTH);
    seL4_SetMR(4, seL4_AllRights.words[0]);
    return EXPECT_PLAIN_ERROR(keel_invoke(ROOT, CNodeCopy, 0, 5), seL4_TruncatedMessage,
                              "Copy without the source root");
}

static const char *cnode_invoke_empty(void)
{
    seL4_CPtr empty = slot_alloc();

    return EXPECT_ERROR(seL4_CNode_Delete(empty, 0, ROOT_DEPTH), seL4_InvalidCapability,
                        "Delete invoked on an empty slot", 0);
}

/* A CNode invoked directly addresses its own slots at depth = radix, and a
 * copy of its capability reaches the same slots. */
static const char *cnode_copy_of_cnode(void)
{
    seL4_CPtr cnode = new_cnode(RADIX), copy, ep = new_endpoint();

    CHECK(cnode != 0, "setup: Retype of a CNode failed");
    copy = copy_cap(cnode, seL4_AllRights);
    CHECK(copy != 0, "setup: Copy of the CNode failed");
    TRY(expect_ok(seL4_CNode_Copy(copy, 9, RADIX, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                  "Copy into slot 9 through the CNode copy"));
    return expect_slots_hold(cnode, RADIX, 9, 1, KEEL_CAP_ENDPOINT);
}

static const struct test tests[] = {
    { "CNODE0001 copy an endpoint", cnode_copy },
    { "CNODE0002 copy into an occupied slot is DeleteFirst", cnode_copy_occupied },
    { "CNODE0003 copy from an empty slot is FailedLookup of the source", cnode_copy_empty_source },
    { "CNODE0004 destination depth 0 is RangeError 1..64", cnode_dest_depth_zero },
    { "CNODE0005 destination depth 65 is RangeError 1..64", cnode_dest_depth_65 },
    { "CNODE0006 source depth 0 is RangeError 1..64", cnode_src_depth_zero },
    { "CNODE0007 depth of half a word (64-bit: 32) in the root is GuardMismatch", cnode_root_guard_mismatch },
    { "CNODE0008 copy into a guarded second-level CNode", cnode_two_level_copy },
    { "CNODE0009 wrong guard on the destination path is GuardMismatch", cnode_two_level_dest_guard },
    { "CNODE0010 wrong guard on the source path is GuardMismatch of the source", cnode_two_level_src_guard },
    { "CNODE0011 depth ending inside a guard is GuardMismatch", cnode_guard_longer_than_depth },
    { "CNODE0012 depth shorter than the radix is DepthMismatch", cnode_depth_below_radix },
    { "CNODE0013 depth past a leaf slot is DepthMismatch with bits left", cnode_depth_past_leaf },
    { "CNODE0014 source root that is no CNode is InvalidRoot", cnode_src_root_not_cnode },
    { "CNODE0015 copy masks rights", cnode_copy_masks_rights },
    { "CNODE0016 copying cannot add rights back", cnode_rights_not_regained },
    { "CNODE0017 mint a badge on an unbadged endpoint", cnode_mint_badge },
    { "CNODE0018 mint from a badged endpoint is IllegalOperation", cnode_mint_rebadge },
    { "CNODE0019 mint with badge 0 leaves the endpoint unbadged", cnode_mint_badge_zero },
    { "CNODE0020 mint a badged notification once only", cnode_mint_notification },
    { "CNODE0021 mint a CNode with guard size + radix = 64", cnode_mint_guard_fits },
    { "CNODE0022 mint a CNode with guard size + radix > 64 is IllegalOperation", cnode_mint_guard_too_big },
    { "CNODE0023 copy of an Untyped with children is RevokeFirst", cnode_copy_untyped_children },
    { "CNODE0024 copy of a childless Untyped", cnode_copy_untyped },
    { "CNODE0025 copy of IRQControl is IllegalOperation", cnode_copy_irq_control },
    { "CNODE0026 copy of an unmapped page table is IllegalOperation", cnode_copy_unmapped_pt },
    { "CNODE0027 copy of a frame", cnode_copy_frame },
    { "CNODE0028 move empties the source", cnode_move },
    { "CNODE0029 move from an empty slot is FailedLookup of the source", cnode_move_empty },
    { "CNODE0030 move onto an occupied slot is DeleteFirst", cnode_move_occupied },
    { "CNODE0031 mutate of an endpoint is IllegalOperation", cnode_mutate_endpoint },
    { "CNODE0032 mutate sets a CNode's guard", cnode_mutate_guard },
    { "CNODE0033 mutate moves an Untyped unchanged", cnode_mutate_untyped },
    { "CNODE0034 rotate three slots", cnode_rotate },
    { "CNODE0035 rotate with source = destination swaps", cnode_rotate_swap },
    { "CNODE0036 rotate with pivot = source is IllegalOperation", cnode_rotate_pivot_is_src },
    { "CNODE0037 rotate with pivot = destination is IllegalOperation", cnode_rotate_pivot_is_dest },
    { "CNODE0038 rotate onto an occupied slot is DeleteFirst", cnode_rotate_dest_occupied },
    { "CNODE0039 rotate from an empty source is FailedLookup of the source", cnode_rotate_src_empty },
    { "CNODE0040 rotate through an empty pivot is FailedLookup, not source", cnode_rotate_pivot_empty },
    { "CNODE0041 rotate of an endpoint is IllegalOperation", cnode_rotate_endpoint },
    { "CNODE0042 rotate with one extra cap is TruncatedMessage", cnode_rotate_truncated },
    { "CNODE0043 delete empties the slot", cnode_delete },
    { "CNODE0044 delete of an empty slot succeeds", cnode_delete_empty },
    { "CNODE0045 delete at depth 65 is RangeError 1..64", cnode_delete_depth },
    { "CNODE0046 a deleted cptr is stale", cnode_stale_cptr },
    { "CNODE0047 SaveCaller without a caller leaves the slot empty", cnode_save_caller_none },
    { "CNODE0048 SaveCaller into an occupied slot is DeleteFirst", cnode_save_caller_occupied },
    { "CNODE0049 CancelBadgedSends on a badged endpoint", cnode_cancel_badged_sends },
    { "CNODE0050 CancelBadgedSends on an Untyped is IllegalOperation", cnode_cancel_not_endpoint },
    { "CNODE0051 CancelBadgedSends on an empty slot is IllegalOperation", cnode_cancel_empty },
    { "CNODE0052 a non-CNode label is IllegalOperation", cnode_wrong_label },
    { "CNODE0053 one message word is TruncatedMessage", cnode_one_word },
    { "CNODE0054 copy with four words is TruncatedMessage", cnode_copy_four_words },
    { "CNODE0055 mint with five words is TruncatedMessage", cnode_mint_five_words },
    { "CNODE0056 copy without the source root is TruncatedMessage", cnode_copy_no_src_root },
    { "CNODE0057 invoking an empty slot is InvalidCapability 0", cnode_invoke_empty },
    { "CNODE0058 a copy of a CNode capability reaches the same slots", cnode_copy_of_cnode },
};

TEST_SUITE_AFTER_EACH(cnode_suite, tests, caps_cleanup);
