/*
 * REVOKE: seL4_CNode_Revoke. It deletes every descendant of a capability
 * and nothing else, through any depth of Untypeds and wherever the
 * descendants were moved, takes objects whose last capabilities were in a
 * revoked CNode with it, and finishes long jobs (32,768 capabilities, a
 * 32768-slot CNode) that the kernel must interrupt at preemption points on
 * the way: each takes several 2 ms timer ticks under QEMU.
 */
#include "caps.h"
#include <keel/thread.h>

#define FAN_OUT 256
#define BIG_RADIX 15                            /* 32768 slots, 1 MiB */
#define BIG_COUNT (1ul << BIG_RADIX)            /* 32,768 endpoints fill it */
#define BIG_UT_BITS 19                          /* 512 KiB: exactly enough */

static const char *revoke_untyped_objects(void)
{
    seL4_CPtr ut = ut_alloc(12), first = slots_alloc(FAN_OUT);

    CHECK(seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, FAN_OUT) == seL4_NoError,
          "setup: Retype of 256 endpoints failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the Untyped"));
    for (seL4_CPtr s = first; s < first + FAN_OUT; s++) {
        TRY(expect_type(s, KEEL_CAP_NULL, "a revoked endpoint's slot"));
    }
    return expect_type(ut, KEEL_CAP_UNTYPED, "the revoked Untyped");
}

static const char *revoke_no_children(void)
{
    seL4_CPtr ep = new_endpoint();

    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep, ROOT_DEPTH), "Revoke of an endpoint without copies"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the endpoint");
}

static const char *revoke_empty_slot(void)
{
    return expect_ok(seL4_CNode_Revoke(ROOT, slot_alloc(), ROOT_DEPTH), "Revoke of an empty slot");
}

static const char *revoke_twice(void)
{
    seL4_CPtr ep = new_endpoint(), copy = copy_cap(ep, seL4_AllRights);

    CHECK(copy != 0, "setup: Copy failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep, ROOT_DEPTH), "first Revoke"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep, ROOT_DEPTH), "second Revoke"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the endpoint");
}

static const char *revoke_depth_zero(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_CNode_Revoke(ROOT, ep, 0), seL4_RangeError, "Revoke at depth 0", 1, seL4_WordBits);
}

static const char *revoke_guard_mismatch(void)
{
    seL4_CPtr ep = new_endpoint();

    const seL4_Uint8 depth = seL4_WordBits - 24;

    return EXPECT_ERROR(seL4_CNode_Revoke(ROOT, ep, depth), seL4_FailedLookup, "Revoke short of the root's guard", 0,
                        seL4_GuardMismatch, depth, 0, seL4_WordBits - CONFIG_ROOT_CNODE_SIZE_BITS);
}

static const char *revoke_nested_untyped(void)
{
    seL4_CPtr top = ut_alloc(12), mid = slot_alloc(), low = slot_alloc(), first = slots_alloc(4);

    CHECK(retype_one(top, seL4_UntypedObject, 10, mid) == seL4_NoError &&
          retype_one(mid, seL4_UntypedObject, 8, low) == seL4_NoError &&
          seL4_Untyped_Retype(low, seL4_EndpointObject, 0, ROOT, 0, 0, first, 4) == seL4_NoError,
          "setup: Retype of the Untyped chain failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, top, ROOT_DEPTH), "Revoke of the top Untyped"));
    TRY(expect_type(mid, KEEL_CAP_NULL, "the child Untyped"));
    TRY(expect_type(low, KEEL_CAP_NULL, "the grandchild Untyped"));
    for (seL4_CPtr s = first; s < first + 4; s++) {
        TRY(expect_type(s, KEEL_CAP_NULL, "an endpoint of the grandchild"));
    }
    return expect_whole(top, 12, "Retype of the whole top Untyped");
}

/* Copies in the root CNode and in a CNode below it all go. */
static const char *revoke_copies_everywhere(void)
{
    seL4_CPtr ep = new_endpoint(), cnode = new_cnode(4), copy = copy_cap(ep, seL4_AllRights);

    CHECK(cnode != 0 && copy != 0, "setup: CNode or Copy failed");
    for (seL4_Word i = 0; i < 16; i += 5) {
        TRY(expect_ok(seL4_CNode_Copy(cnode, i, 4, ROOT, ep, ROOT_DEPTH, seL4_AllRights), "Copy into the CNode"));
    }
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep, ROOT_DEPTH), "Revoke of the endpoint"));
    TRY(expect_type(copy, KEEL_CAP_NULL, "the copy in the root CNode"));
    TRY(expect_slots_hold(cnode, 4, 0, 16, KEEL_CAP_NULL));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the original");
}

/* Objects moved away from the Untyped's CNode are still its children. */
static const char *revoke_moved_children(void)
{
    seL4_CPtr ut = ut_alloc(8), ep = slot_alloc(), cnode = new_cnode(4);

    CHECK(cnode != 0 && retype_one(ut, seL4_EndpointObject, 0, ep) == seL4_NoError, "setup: Retype failed");
    TRY(expect_ok(seL4_CNode_Move(cnode, 6, 4, ROOT, ep, ROOT_DEPTH), "Move into the CNode"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the Untyped"));
    TRY(expect_slots_hold(cnode, 4, 6, 1, KEEL_CAP_NULL));
    return expect_whole(ut, 8, "Retype of the whole Untyped");
}

/* Revoking the Untyped of a CNode deletes the CNode, and with it the last
 * capabilities to endpoints of another Untyped. */
static const char *revoke_cnode_with_last_caps(void)
{
    seL4_CPtr cn_ut = ut_alloc(10), ep_ut = ut_alloc(8), cnode = slot_alloc(), first = slots_alloc(16);

    CHECK(retype_one(cn_ut, seL4_CapTableObject, 4, cnode) == seL4_NoError &&
          seL4_Untyped_Retype(ep_ut, seL4_EndpointObject, 0, ROOT, 0, 0, first, 16) == seL4_NoError,
          "setup: Retype failed");
    for (seL4_Word i = 0; i < 16; i++) {
        TRY(expect_ok(seL4_CNode_Move(cnode, i, 4, ROOT, first + i, ROOT_DEPTH), "Move into the CNode"));
    }
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, cn_ut, ROOT_DEPTH), "Revoke of the CNode's Untyped"));
    TRY(expect_type(cnode, KEEL_CAP_NULL, "the CNode"));
    return expect_whole(ep_ut, 8, "Retype of the whole Untyped of the endpoints");
}

/* A 32768-slot CNode filled with endpoints from a 512 KiB Untyped. */
static const char *fill_big_cnode(seL4_CPtr *cnode, seL4_CPtr *ep_ut)
{
    seL4_CPtr cn_ut = ut_alloc(BIG_RADIX + seL4_SlotBits);

    *ep_ut = ut_alloc(BIG_UT_BITS);
    *cnode = slot_alloc();
    CHECK(cn_ut != 0 && *ep_ut != 0, "setup: no Untypeds of 1 MiB and 512 KiB");
    TRY(expect_ok(retype_one(cn_ut, seL4_CapTableObject, BIG_RADIX, *cnode), "setup: Retype of the big CNode"));
    for (seL4_Word off = 0; off < BIG_COUNT; off += FAN_OUT) {
        TRY(expect_ok(seL4_Untyped_Retype(*ep_ut, seL4_EndpointObject, 0, ROOT, *cnode, ROOT_DEPTH, off, FAN_OUT),
                      "setup: Retype of 256 endpoints into the big CNode"));
    }
    return NULL;
}

static const char *revoke_32768(void)
{
    seL4_CPtr cnode, ep_ut;

    TRY(fill_big_cnode(&cnode, &ep_ut));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep_ut, ROOT_DEPTH), "Revoke of 32,768 endpoints"));
    TRY(expect_slots_hold(cnode, BIG_RADIX, 0, BIG_COUNT, KEEL_CAP_NULL));
    return expect_whole(ep_ut, BIG_UT_BITS, "Retype of the whole 512 KiB after Revoke");
}

static const char *revoke_delete_big_cnode(void)
{
    seL4_CPtr cnode, ep_ut;

    TRY(fill_big_cnode(&cnode, &ep_ut));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, cnode, ROOT_DEPTH), "Delete of the big CNode"));
    TRY(expect_type(cnode, KEEL_CAP_NULL, "the big CNode's slot"));
    return expect_whole(ep_ut, BIG_UT_BITS, "Retype of the whole 512 KiB of endpoints");
}

/* A thread of the root task's priority that only counts: it can run during
 * a revoke only if the revoke is preempted by the timer and restarted. */
static volatile seL4_Word spins;
static keel_thread spinner;
static _Alignas(4096) unsigned char spinner_ipc[4096];
static _Alignas(16) unsigned char spinner_stack[4096];

static void spin(void *arg)
{
    (void)arg;
    for (;;)
        spins++;
}

static const char *revoke_preempted_other_thread_runs(void)
{
    seL4_CPtr cnode, ep_ut;
    TRY(fill_big_cnode(&cnode, &ep_ut));
    seL4_CPtr tcb_ut = ut_alloc(12);
    CHECK(tcb_ut != 0, "setup: no Untyped for a TCB");
    TRY(expect_ok(keel_thread_start(&spinner, tcb_ut, slot_alloc(), (seL4_IPCBuffer *)spinner_ipc,
                                    spinner_stack + sizeof(spinner_stack), seL4_MaxPrio, spin, NULL),
                  "setup: start the counting thread"));
    int progressed = 0;
    /* The root task's timeslice may run out before the revoke starts; a few
     * rounds make it certain that one revoke spans a timeslice end. */
    for (int round = 0; round < 6 && !progressed; round++) {
        for (seL4_Word off = 0; round > 0 && off < BIG_COUNT; off += FAN_OUT)
            TRY(expect_ok(seL4_Untyped_Retype(ep_ut, seL4_EndpointObject, 0, ROOT, cnode, ROOT_DEPTH, off, FAN_OUT),
                          "setup: Retype of 256 endpoints into the big CNode"));
        seL4_Word before = spins;
        TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep_ut, ROOT_DEPTH), "Revoke of 32,768 endpoints"));
        progressed = spins != before;
    }
    TRY(expect_slots_hold(cnode, BIG_RADIX, 0, BIG_COUNT, KEEL_CAP_NULL));
    seL4_TCB_Suspend(spinner.tcb);
    CHECK(progressed, "the other thread never ran during a revoke: it was not preempted");
    return NULL;
}

static const struct test tests[] = {
    { "REVOKE0001 revoke of an Untyped deletes its 256 objects", revoke_untyped_objects },
    { "REVOKE0002 revoke without descendants changes nothing", revoke_no_children },
    { "REVOKE0003 revoke of an empty slot succeeds", revoke_empty_slot },
    { "REVOKE0004 a second revoke finds nothing to do", revoke_twice },
    { "REVOKE0005 revoke at depth 0 is RangeError 1..64", revoke_depth_zero },
    { "REVOKE0006 revoke at a depth a word less 24 (64-bit: 40) is GuardMismatch", revoke_guard_mismatch },
    { "REVOKE0007 revoke through three levels of Untyped", revoke_nested_untyped },
    { "REVOKE0008 revoke reaches copies in every CNode", revoke_copies_everywhere },
    { "REVOKE0009 revoke finds children moved to another CNode", revoke_moved_children },
    { "REVOKE0010 revoke of a CNode's Untyped deletes the caps inside it", revoke_cnode_with_last_caps },
    { "REVOKE0011 revoke of 32,768 endpoints completes across ticks", revoke_32768 },
    { "REVOKE0012 delete of a full 32768-slot CNode completes", revoke_delete_big_cnode },
    { "REVOKE0013 another thread runs while a long revoke is preempted", revoke_preempted_other_thread_runs },
};

TEST_SUITE_AFTER_EACH(revoke_suite, tests, caps_cleanup);
