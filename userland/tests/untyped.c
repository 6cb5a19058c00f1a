/*
 * UNTYPED: seL4_Untyped_Retype. Every object type, the fan-out into a
 * window of slots, each documented error with its detail words in seL4's
 * order of checks, and the memory accounting: the free index and its
 * alignment, NotEnoughMemory's byte count, reset once all children are
 * gone, and every boot Untyped used up and given back.
 */
#include "caps.h"

#define FAN_OUT 256
#define SMALL 8                 /* a 256-byte Untyped: 16 endpoints */

/* ---- success paths ---- */

static const char *untyped_one_endpoint(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), slot = slot_alloc();

    CHECK(ut != 0, "no Untyped from the pool");
    TRY(expect_ok(retype_one(ut, seL4_EndpointObject, 0, slot), "Retype of one endpoint"));
    return expect_type(slot, KEEL_CAP_ENDPOINT, "after Retype");
}

static const char *untyped_every_type(void)
{
    static const struct { seL4_Word type, bits; seL4_Uint32 cap; const char *name; } objs[] = {
        { seL4_UntypedObject, seL4_MinUntypedBits, KEEL_CAP_UNTYPED, "Untyped" },
        { seL4_TCBObject, 0, KEEL_CAP_THREAD, "TCB" },
        { seL4_EndpointObject, 0, KEEL_CAP_ENDPOINT, "Endpoint" },
        { seL4_NotificationObject, 0, KEEL_CAP_NOTIFICATION, "Notification" },
        { seL4_CapTableObject, 1, KEEL_CAP_CNODE, "CapTable" },
        { TEST_FRAME_OBJECT, 0, KEEL_CAP_FRAME, "4K frame" },
        { TEST_PT_OBJECT, 0, KEEL_CAP_PAGE_TABLE, "page table" },
    };
    seL4_CPtr ut = ut_alloc(16);

    CHECK(ut != 0, "no Untyped from the pool");
    for (unsigned i = 0; i < sizeof(objs) / sizeof(objs[0]); i++) {
        seL4_CPtr slot = slot_alloc();
        TRY(expect_ok(retype_one(ut, objs[i].type, objs[i].bits, slot), objs[i].name));
        TRY(expect_type(slot, objs[i].cap, objs[i].name));
    }
    return NULL;
}

static const char *untyped_fan_out(void)
{
    seL4_CPtr ut = ut_alloc(12), first = slots_alloc(FAN_OUT);

    CHECK(ut != 0 && first != 0, "no Untyped or slots");
    TRY(expect_ok(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, FAN_OUT),
                  "Retype of 256 endpoints"));
    for (seL4_CPtr s = first; s < first + FAN_OUT; s++) {
        TRY(expect_type(s, KEEL_CAP_ENDPOINT, "after Retype of 256"));
    }
    return NULL;
}

/* node_index/node_depth pick a CNode below the root; offset is in it. */
static const char *untyped_into_child_cnode(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), cnode = new_cnode(4);

    CHECK(ut != 0 && cnode != 0, "no Untyped or CNode");
    TRY(expect_ok(seL4_Untyped_Retype(ut, seL4_NotificationObject, 0, ROOT, cnode, ROOT_DEPTH, 5, 3),
                  "Retype into slots 5..7 of a radix-4 CNode"));
    TRY(expect_slots_hold(cnode, 4, 0, 5, KEEL_CAP_NULL));
    TRY(expect_slots_hold(cnode, 4, 5, 3, KEEL_CAP_NOTIFICATION));
    return expect_slots_hold(cnode, 4, 8, 8, KEEL_CAP_NULL);
}

static const char *untyped_new_cnode_empty(void)
{
    seL4_CPtr cnode = new_cnode(8);

    CHECK(cnode != 0, "Retype of a radix-8 CNode failed");
    return expect_slots_hold(cnode, 8, 0, 256, KEEL_CAP_NULL);
}

/* Memory that held TCBs is cleared before it becomes a CNode. */
static const char *untyped_reused_memory_zeroed(void)
{
    seL4_CPtr ut = ut_alloc(12), tcbs = slots_alloc(4), cnode = slot_alloc();
    seL4_Word n = 1ul << (12 - seL4_TCBBits);

    CHECK(ut != 0 && tcbs != 0, "no Untyped or slots");
    TRY(expect_ok(seL4_Untyped_Retype(ut, seL4_TCBObject, 0, ROOT, 0, 0, tcbs, n), "Retype of TCBs filling 4 KiB"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke"));
    TRY(expect_ok(retype_one(ut, seL4_CapTableObject, 12 - seL4_SlotBits, cnode), "Retype of a 4 KiB CNode"));
    return expect_slots_hold(cnode, 12 - seL4_SlotBits, 0, 1ul << (12 - seL4_SlotBits), KEEL_CAP_NULL);
}

static const char *untyped_nested(void)
{
    seL4_CPtr ut = ut_alloc(12), child = slot_alloc(), grandchild = slot_alloc(), ep = slot_alloc();

    CHECK(ut != 0, "no Untyped from the pool");
    TRY(expect_ok(retype_one(ut, seL4_UntypedObject, 10, child), "Retype of a 2^10 Untyped"));
    TRY(expect_ok(retype_one(child, seL4_UntypedObject, 5, grandchild), "Retype of a 2^5 Untyped from it"));
    TRY(expect_ok(retype_one(grandchild, seL4_EndpointObject, 0, ep), "Retype of an endpoint from that"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the grandchild's endpoint");
}

/* ---- argument errors, in seL4's order ---- */

static const char *untyped_bad_type(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    return EXPECT_ERROR(retype_one(ut, seL4_ObjectTypeCount, 0, slot_alloc()), seL4_InvalidArgument,
                        "Retype of type seL4_ObjectTypeCount", 0);
}

static const char *untyped_size_word(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    return EXPECT_ERROR(retype_one(ut, seL4_UntypedObject, seL4_WordBits, slot_alloc()), seL4_RangeError,
                        "Retype with size_bits 64", 0, seL4_MaxUntypedBits);
}

static const char *untyped_size_above_max(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    return EXPECT_ERROR(retype_one(ut, seL4_UntypedObject, seL4_MaxUntypedBits + 1, slot_alloc()), seL4_RangeError,
                        "Retype of an Untyped of seL4_MaxUntypedBits + 1", 0, seL4_MaxUntypedBits);
}

static const char *untyped_cnode_size_zero(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    return EXPECT_ERROR(retype_one(ut, seL4_CapTableObject, 0, slot_alloc()), seL4_InvalidArgument,
                        "Retype of a CapTable of size 0", 1);
}

static const char *untyped_below_min(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    return EXPECT_ERROR(retype_one(ut, seL4_UntypedObject, seL4_MinUntypedBits - 1, slot_alloc()),
                        seL4_InvalidArgument, "Retype of an Untyped below seL4_MinUntypedBits", 1);
}

static const char *untyped_node_depth_range(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), cnode = new_cnode(4);

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, cnode, seL4_WordBits + 1, 0, 1),
                        seL4_RangeError, "Retype with node_depth 65", 1, seL4_WordBits);
}

/* The root CNode's guard is 52 bits: 32 bits cannot get past it. */
static const char *untyped_node_guard_mismatch(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), cnode = new_cnode(4);
    seL4_Word guard_bits = seL4_WordBits - CONFIG_ROOT_CNODE_SIZE_BITS, depth = seL4_WordBits / 2;

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, cnode, depth, 0, 1), seL4_FailedLookup,
                        "Retype with node_depth of half a word", 0, seL4_GuardMismatch, depth, 0, guard_bits);
}

static const char *untyped_node_depth_mismatch(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), cnode = new_cnode(4);

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, cnode, 1, 2, 0, 1), seL4_FailedLookup,
                        "Retype with node_depth 2 in a radix-4 root", 0, seL4_DepthMismatch, 2, 4);
}

static const char *untyped_node_not_cnode(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), ep = new_endpoint();

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, ep, ROOT_DEPTH, 0, 1),
                        seL4_FailedLookup, "Retype into the slot of an endpoint", 0, seL4_MissingCapability,
                        ROOT_DEPTH);
}

static const char *untyped_node_empty(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), empty = slot_alloc();

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, empty, ROOT_DEPTH, 0, 1),
                        seL4_FailedLookup, "Retype into an empty slot", 0, seL4_MissingCapability, ROOT_DEPTH);
}

/* With node_depth 0 the root itself is the destination: it must be a CNode. */
static const char *untyped_root_not_cnode_depth0(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), ep = new_endpoint();

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ep, 0, 0, 0, 1), seL4_FailedLookup,
                        "Retype with an endpoint as root, node_depth 0", 0, seL4_MissingCapability, 0);
}

static const char *untyped_root_not_cnode(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), ep = new_endpoint();

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ep, 0, 8, 0, 1), seL4_FailedLookup,
                        "Retype with an endpoint as root, node_depth 8", 0, seL4_InvalidRoot);
}

static const char *untyped_offset_range(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), cnode = new_cnode(4);

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, cnode, 0, 0, 16, 1), seL4_RangeError,
                        "Retype at offset 16 of a 16-slot CNode", 0, 15);
}

static const char *untyped_window_zero(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), cnode = new_cnode(4);

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, cnode, 0, 0, 0, 0), seL4_RangeError,
                        "Retype of 0 objects", 1, FAN_OUT);
}

static const char *untyped_window_fan_out(void)
{
    seL4_CPtr ut = ut_alloc(14), first = slots_alloc(FAN_OUT + 1);

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, FAN_OUT + 1),
                        seL4_RangeError, "Retype of 257 objects", 1, FAN_OUT);
}

static const char *untyped_window_past_end(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), cnode = new_cnode(4);

    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, cnode, 0, 0, 10, 7), seL4_RangeError,
                        "Retype of 7 objects at offset 10 of 16 slots", 1, 6);
}

/* The last slot of the window is taken: nothing is created. */
static const char *untyped_dest_occupied(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), first = slots_alloc(4);
    seL4_Error err;

    CHECK(expect_ok(retype_one(ut, seL4_EndpointObject, 0, first + 3), "Retype into the last slot") == NULL,
          "setup: Retype of one endpoint failed");
    err = seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, 4);
    TRY(EXPECT_PLAIN_ERROR(err, seL4_DeleteFirst, "Retype over an occupied slot"));
    return expect_type(first, KEEL_CAP_NULL, "first slot of the refused window");
}

static const char *untyped_window_no_memory(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), first = slots_alloc(17);

    TRY(EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, 17), seL4_NotEnoughMemory,
                     "Retype of 17 endpoints from 256 bytes", 1ul << SMALL));
    return expect_type(first, KEEL_CAP_NULL, "first slot of the refused window");
}

static const char *untyped_object_too_big(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    return EXPECT_ERROR(retype_one(ut, seL4_CapTableObject, SMALL + 1 - seL4_SlotBits, slot_alloc()),
                        seL4_NotEnoughMemory, "Retype of a 512-byte CNode from 256 bytes", 1ul << SMALL);
}

static const char *untyped_bytes_left(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), first = slots_alloc(3 + 14);

    CHECK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, 3) == seL4_NoError,
          "setup: Retype of 3 endpoints failed");
    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first + 3, 14),
                        seL4_NotEnoughMemory, "Retype of 14 endpoints after 3", (1ul << SMALL) - 3 * 16);
}

/* One endpoint at a time until the Untyped is full: the watermark. */
static const char *untyped_watermark(void)
{
    seL4_CPtr ut = ut_alloc(10);
    seL4_Word made = 0;
    seL4_Error err;

    CHECK(ut != 0, "no Untyped from the pool");
    while ((err = retype_one(ut, seL4_EndpointObject, 0, slot_alloc())) == seL4_NoError && made < 1000) {
        made++;
    }
    TRY(EXPECT_ERROR(err, seL4_NotEnoughMemory, "the Retype after the last endpoint", 0));
    CHECK(made == 1024 / 16, "%lu endpoints fit in 1 KiB, not 64", made);
    return NULL;
}

/* An object is aligned to its size: after a 16-byte endpoint a 2 KiB
 * CNode goes at offset 2048, so the 4 KiB Untyped is then full. */
static const char *untyped_alignment_fills(void)
{
    seL4_CPtr ut = ut_alloc(12);

    CHECK(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()) == seL4_NoError, "setup: endpoint failed");
    TRY(expect_ok(retype_one(ut, seL4_CapTableObject, 11 - seL4_SlotBits, slot_alloc()),
                  "Retype of a 2 KiB CNode after an endpoint"));
    return EXPECT_ERROR(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()), seL4_NotEnoughMemory,
                        "Retype of an endpoint after the aligned CNode", 0);
}

/* NotEnoughMemory reports the bytes above the free index (4096 - 16),
 * even though only one aligned 2 KiB object would fit in them. */
static const char *untyped_alignment_report(void)
{
    seL4_CPtr ut = ut_alloc(12), first;

    CHECK(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()) == seL4_NoError, "setup: endpoint failed");
    first = slots_alloc(2);
    return EXPECT_ERROR(seL4_Untyped_Retype(ut, seL4_CapTableObject, 11 - seL4_SlotBits, ROOT, 0, 0, first, 2),
                        seL4_NotEnoughMemory, "Retype of two 2 KiB CNodes after an endpoint", 4096 - 16);
}

/* While children exist the free index only grows. */
static const char *untyped_no_reset_with_children(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), first = slots_alloc(16);

    CHECK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, 8) == seL4_NoError,
          "setup: first 8 endpoints failed");
    TRY(expect_ok(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first + 8, 8),
                  "Retype of 8 more endpoints"));
    return EXPECT_ERROR(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()), seL4_NotEnoughMemory,
                        "Retype of a 17th endpoint", 0);
}

/* Children deleted one by one (not revoked): the Untyped starts over. */
static const char *untyped_children_deleted(void)
{
    seL4_CPtr ut = ut_alloc(10), first = slots_alloc(64);

    CHECK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, 64) == seL4_NoError,
          "setup: 64 endpoints failed");
    for (seL4_CPtr s = first; s < first + 64; s++) {
        TRY(expect_ok(seL4_CNode_Delete(ROOT, s, ROOT_DEPTH), "Delete of an endpoint"));
    }
    return expect_whole(ut, 10, "Retype of the whole 1 KiB after deleting every child");
}

/* Make and destroy objects a few times: the whole Untyped is there each time. */
static const char *untyped_cycles(void)
{
    seL4_CPtr ut = ut_alloc(16), first = slots_alloc(FAN_OUT), cnode = slot_alloc();

    CHECK(ut != 0 && first != 0, "no Untyped or slots");
    for (int round = 0; round < 4; round++) {
        TRY(expect_ok(seL4_Untyped_Retype(ut, seL4_NotificationObject, 0, ROOT, 0, 0, first, FAN_OUT),
                      "Retype of 256 notifications"));
        TRY(expect_ok(retype_one(ut, seL4_CapTableObject, 10, cnode), "Retype of a 32 KiB CNode"));
        TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke"));
        TRY(expect_whole(ut, 16, "Retype of the whole 64 KiB after Revoke"));
    }
    return NULL;
}

/* seL4's rule for copies: the copy allocates (from the source's free index,
 * here 0: one whole-size object fits), the source is full from then on. */
static const char *untyped_copy_allocates(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), copy = copy_cap(ut, seL4_AllRights);

    CHECK(copy != 0, "setup: Copy of a childless Untyped failed");
    TRY(expect_ok(retype_one(copy, seL4_UntypedObject, SMALL, slot_alloc()), "whole-size Retype through the copy"));
    return EXPECT_ERROR(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()), seL4_NotEnoughMemory,
                        "Retype through the source", 0);
}

/* Of a chain of copies only the newest allocates. */
static const char *untyped_newest_copy_allocates(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), c1 = copy_cap(ut, seL4_AllRights), c2 = copy_cap(c1, seL4_AllRights);

    CHECK(c1 != 0 && c2 != 0, "setup: Copy of a copy failed");
    TRY(EXPECT_ERROR(retype_one(c1, seL4_EndpointObject, 0, slot_alloc()), seL4_NotEnoughMemory,
                     "Retype through the first copy", 0));
    TRY(EXPECT_ERROR(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()), seL4_NotEnoughMemory,
                     "Retype through the source", 0));
    return expect_ok(retype_one(c2, seL4_EndpointObject, 0, slot_alloc()), "Retype through the newest copy");
}

/* An Untyped with children cannot be copied (seL4: RevokeFirst). */
static const char *untyped_copy_with_children(void)
{
    seL4_CPtr ut = ut_alloc(SMALL), slot = slot_alloc();

    TRY(expect_ok(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()), "setup: Retype"));
    return EXPECT_PLAIN_ERROR(seL4_CNode_Copy(ROOT, slot, ROOT_DEPTH, ROOT, ut, ROOT_DEPTH, seL4_AllRights),
                              seL4_RevokeFirst, "Copy of an Untyped with a child");
}

/* ---- message errors ---- */

static const char *untyped_truncated(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    seL4_SetCap(0, ROOT);
    for (int i = 0; i < 5; i++) {
        seL4_SetMR(i, 0);
    }
    return EXPECT_PLAIN_ERROR(keel_invoke(ut, UntypedRetype, 1, 5), seL4_TruncatedMessage,
                              "Retype with 5 message words");
}

static const char *untyped_no_root(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    seL4_SetMR(0, seL4_EndpointObject);
    seL4_SetMR(1, 0);
    seL4_SetMR(2, 0);
    seL4_SetMR(3, 0);
    seL4_SetMR(4, slot_alloc());
    seL4_SetMR(5, 1);
    return EXPECT_PLAIN_ERROR(keel_invoke(ut, UntypedRetype, 0, 6), seL4_TruncatedMessage,
                              "Retype without the root capability");
}

static const char *untyped_wrong_label(void)
{
    seL4_CPtr ut = ut_alloc(SMALL);

    seL4_SetMR(0, 0);
    seL4_SetMR(1, 64);
    return EXPECT_PLAIN_ERROR(keel_invoke(ut, CNodeDelete, 0, 2), seL4_IllegalOperation,
                              "CNodeDelete label on an Untyped");
}

/* ---- device memory ---- */

static seL4_CPtr device_untyped(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        if (bi->untypedList[i].isDevice && bi->untypedList[i].sizeBits >= seL4_PageBits) {
            return bi->untyped.start + i;
        }
    }
    return 0;
}

static const char *untyped_device_no_endpoint(void)
{
    seL4_CPtr dev = device_untyped();

    if (dev == 0) {
        return test_skip("bootinfo lists no device Untyped (docs/api.md: not yet)");
    }
    return EXPECT_ERROR(retype_one(dev, seL4_EndpointObject, 0, slot_alloc()), seL4_InvalidArgument,
                        "Retype of an endpoint from device memory", 1);
}

static const char *untyped_device_frame(void)
{
    seL4_CPtr dev = device_untyped(), slot = slot_alloc();

    if (dev == 0) {
        return test_skip("bootinfo lists no device Untyped (docs/api.md: not yet)");
    }
    TRY(expect_ok(retype_one(dev, TEST_FRAME_OBJECT, 0, slot), "Retype of a frame from device memory"));
    TRY(expect_type(slot, KEEL_CAP_FRAME, "device frame"));
    return expect_ok(seL4_CNode_Delete(ROOT, slot, ROOT_DEPTH), "Delete of the device frame");
}

/* ---- all of memory ---- */

/* Fill boot Untyped i with two child Untypeds of half its size (an
 * Untyped of the minimum size takes one endpoint instead). */
static seL4_Error fill_untyped(seL4_Word i, seL4_CPtr slots)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Uint8 bits = bi->untypedList[i].sizeBits;
    seL4_CPtr ut = bi->untyped.start + i;

    if (bits == seL4_MinUntypedBits) {
        return retype_one(ut, seL4_EndpointObject, 0, slots);
    }
    return seL4_Untyped_Retype(ut, seL4_UntypedObject, bits - 1, ROOT, 0, 0, slots, 2);
}

static const char *fill_each(seL4_CPtr slots, seL4_Word n, const char *round)
{
    for (seL4_Word i = 0; i < n; i++) {
        seL4_Error err = fill_untyped(i, slots + 2 * i);
        CHECK(err == seL4_NoError, "%s: Retype of all of Untyped %lu (2^%u bytes) gave %s", round, i,
              seL4_GetBootInfo()->untypedList[i].sizeBits, error_name(err));
    }
    return NULL;
}

static const char *revoke_each(seL4_CPtr first, seL4_Word n)
{
    for (seL4_Word i = 0; i < n; i++) {
        seL4_Error err = seL4_CNode_Revoke(ROOT, first + i, ROOT_DEPTH);
        CHECK(err == seL4_NoError, "Revoke of Untyped %lu gave %s", i, error_name(err));
    }
    return NULL;
}

/* Every boot Untyped used up, each then refuses the smallest object with
 * NotEnoughMemory 0, and after Revoke each is whole again. */
static const char *untyped_all_memory(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Word n = bi->untyped.end - bi->untyped.start;
    seL4_CPtr slots, spare;

    caps_cleanup();             /* the pool must be childless, like the rest */
    slots = slots_alloc(2 * n);
    spare = slot_alloc();
    CHECK(slots != 0 && spare != 0, "not enough scratch slots for %lu Untypeds", n);
    TRY(fill_each(slots, n, "first round"));
    for (seL4_Word i = 0; i < n; i++) {
        seL4_Error err = retype_one(bi->untyped.start + i, seL4_UntypedObject, seL4_MinUntypedBits, spare);
        CHECK(err == seL4_NotEnoughMemory && seL4_GetMR(0) == 0,
              "Retype from the full Untyped %lu gave %s (MR0 %lu), not NotEnoughMemory 0", i, error_name(err),
              seL4_GetMR(0));
    }
    TRY(revoke_each(bi->untyped.start, n));
    TRY(fill_each(slots, n, "after Revoke"));
    return revoke_each(bi->untyped.start, n);
}

/* A child Untyped as big as its parent is a new object, not a copy: the
 * parent is then full (seL4 answers NotEnoughMemory 0). */
static const char *untyped_whole_child(void)
{
    seL4_CPtr ut = ut_alloc(12), child = slot_alloc();

    CHECK(retype_one(ut, seL4_UntypedObject, 12, child) == seL4_NoError, "setup: Retype of a whole-size child failed");
    return EXPECT_ERROR(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()), seL4_NotEnoughMemory,
                        "Retype from the parent of a whole-size child", 0);
}

/* ... and the whole-size child is an Untyped like any other. */
static const char *untyped_through_whole_child(void)
{
    seL4_CPtr ut = ut_alloc(12), child = slot_alloc(), ep = slot_alloc();

    CHECK(retype_one(ut, seL4_UntypedObject, 12, child) == seL4_NoError, "setup: Retype of a whole-size child failed");
    TRY(expect_ok(retype_one(child, seL4_EndpointObject, 0, ep), "Retype through the whole-size child"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the whole-size child's endpoint");
}

static const struct test tests[] = {
    /* UNTYPED0034 (retype through a copy was RevokeFirst) is retired:
     * Keel follows seL4's rule for copies now (UNTYPED0043-0045). */
    { "UNTYPED0001 retype one endpoint", untyped_one_endpoint },
    { "UNTYPED0002 retype one object of every type", untyped_every_type },
    { "UNTYPED0003 retype 256 endpoints in one call", untyped_fan_out },
    { "UNTYPED0004 retype into a window of a CNode below the root", untyped_into_child_cnode },
    { "UNTYPED0005 a new CNode has only empty slots", untyped_new_cnode_empty },
    { "UNTYPED0006 memory that held TCBs is cleared before reuse", untyped_reused_memory_zeroed },
    { "UNTYPED0007 retype from a child and a grandchild Untyped", untyped_nested },
    { "UNTYPED0008 unknown object type is InvalidArgument 0", untyped_bad_type },
    { "UNTYPED0009 size_bits of a word is RangeError 0..MaxUntypedBits", untyped_size_word },
    { "UNTYPED0010 Untyped above MaxUntypedBits is RangeError", untyped_size_above_max },
    { "UNTYPED0011 CapTable of size 0 is InvalidArgument 1", untyped_cnode_size_zero },
    { "UNTYPED0012 Untyped below MinUntypedBits is InvalidArgument 1", untyped_below_min },
    { "UNTYPED0013 node_depth 65 is RangeError 1..64", untyped_node_depth_range },
    { "UNTYPED0014 node_depth short of the root guard is GuardMismatch", untyped_node_guard_mismatch },
    { "UNTYPED0015 node_depth inside a CNode's radix is DepthMismatch", untyped_node_depth_mismatch },
    { "UNTYPED0016 destination holding an endpoint is MissingCapability", untyped_node_not_cnode },
    { "UNTYPED0017 empty destination slot is MissingCapability", untyped_node_empty },
    { "UNTYPED0018 non-CNode root at node_depth 0 is MissingCapability 0", untyped_root_not_cnode_depth0 },
    { "UNTYPED0019 non-CNode root at node_depth 8 is InvalidRoot", untyped_root_not_cnode },
    { "UNTYPED0020 offset past the CNode is RangeError 0..size-1", untyped_offset_range },
    { "UNTYPED0021 window of 0 is RangeError 1..256", untyped_window_zero },
    { "UNTYPED0022 window of 257 is RangeError 1..256", untyped_window_fan_out },
    { "UNTYPED0023 window past the CNode's end is RangeError 1..size-offset", untyped_window_past_end },
    { "UNTYPED0024 occupied slot in the window is DeleteFirst", untyped_dest_occupied },
    { "UNTYPED0025 window too big for the memory is NotEnoughMemory", untyped_window_no_memory },
    { "UNTYPED0026 object bigger than the Untyped is NotEnoughMemory", untyped_object_too_big },
    { "UNTYPED0027 NotEnoughMemory counts the bytes above the free index", untyped_bytes_left },
    { "UNTYPED0028 one object at a time up to the watermark", untyped_watermark },
    { "UNTYPED0029 objects are aligned to their size", untyped_alignment_fills },
    { "UNTYPED0030 NotEnoughMemory reports free bytes before alignment", untyped_alignment_report },
    { "UNTYPED0031 with children the free index only grows", untyped_no_reset_with_children },
    { "UNTYPED0032 all children deleted: retype starts from the beginning", untyped_children_deleted },
    { "UNTYPED0033 create and revoke cycles give back the whole Untyped", untyped_cycles },
    { "UNTYPED0035 five message words is TruncatedMessage", untyped_truncated },
    { "UNTYPED0036 no root capability is TruncatedMessage", untyped_no_root },
    { "UNTYPED0037 a CNode label on an Untyped is IllegalOperation", untyped_wrong_label },
    { "UNTYPED0038 device memory refuses an endpoint", untyped_device_no_endpoint },
    { "UNTYPED0039 device memory gives a frame", untyped_device_frame },
    { "UNTYPED0040 all memory used up, refused, revoked and whole again", untyped_all_memory },
    { "UNTYPED0041 a whole-size child Untyped leaves its parent full", untyped_whole_child },
    { "UNTYPED0042 retype through a whole-size child Untyped", untyped_through_whole_child },
    { "UNTYPED0043 a copy of an Untyped allocates; its source is full", untyped_copy_allocates },
    { "UNTYPED0044 of a chain of copies only the newest allocates", untyped_newest_copy_allocates },
    { "UNTYPED0045 an Untyped with children cannot be copied", untyped_copy_with_children },
};

TEST_SUITE_AFTER_EACH(untyped_suite, tests, caps_cleanup);
