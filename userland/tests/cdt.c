/*
 * CDT: the capability derivation tree as user level sees it. Which
 * capabilities are children of which (copies, badged mints, retyped
 * objects, copies of Untypeds), that Move and Rotate keep a capability's
 * place in the tree, and what deleting a capability takes with it: the
 * object once its last capability goes, and everything inside a CNode,
 * also CNodes inside CNodes and CNodes that hold capabilities to
 * themselves. "Object gone" is observed through its Untyped: an Untyped
 * whose children are all gone can be retyped whole again.
 */
#include "caps.h"

#define RADIX 4

/* A copy of ep minted with badge (0 for a plain copy) in a new slot. */
static seL4_CPtr mint(seL4_CPtr ep, seL4_Word badge)
{
    seL4_CPtr slot = slot_alloc();

    if (seL4_CNode_Mint(ROOT, slot, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights, badge) != seL4_NoError) {
        return 0;
    }
    return slot;
}

static const char *cdt_copy_of_copy(void)
{
    seL4_CPtr ep = new_endpoint(), c1 = copy_cap(ep, seL4_AllRights), c2 = copy_cap(c1, seL4_AllRights);

    CHECK(c1 != 0 && c2 != 0, "setup: Copy failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep, ROOT_DEPTH), "Revoke of the original"));
    TRY(expect_type(c1, KEEL_CAP_NULL, "the copy"));
    TRY(expect_type(c2, KEEL_CAP_NULL, "the copy of the copy"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the original");
}

/* A plain copy of an endpoint is not revocable: it has no children. */
static const char *cdt_copy_not_parent(void)
{
    seL4_CPtr ep = new_endpoint(), c1 = copy_cap(ep, seL4_AllRights), c2 = copy_cap(c1, seL4_AllRights);

    CHECK(c1 != 0 && c2 != 0, "setup: Copy failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, c1, ROOT_DEPTH), "Revoke of a copy"));
    return expect_type(c2, KEEL_CAP_ENDPOINT, "the copy of the copy");
}

static const char *cdt_badged_under_original(void)
{
    seL4_CPtr ep = new_endpoint(), b = mint(ep, 1), bc = 0;

    CHECK(b != 0 && (bc = copy_cap(b, seL4_AllRights)) != 0, "setup: Mint or Copy failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep, ROOT_DEPTH), "Revoke of the unbadged original"));
    TRY(expect_type(b, KEEL_CAP_NULL, "the badged mint"));
    TRY(expect_type(bc, KEEL_CAP_NULL, "the copy of the badged mint"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the original");
}

static const char *cdt_badged_revoke(void)
{
    seL4_CPtr ep = new_endpoint(), b = mint(ep, 1), bc = 0;

    CHECK(b != 0 && (bc = copy_cap(b, seL4_AllRights)) != 0, "setup: Mint or Copy failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, b, ROOT_DEPTH), "Revoke of the badged mint"));
    TRY(expect_type(bc, KEEL_CAP_NULL, "the copy of the badged mint"));
    TRY(expect_type(b, KEEL_CAP_ENDPOINT, "the badged mint"));
    return expect_type(ep, KEEL_CAP_ENDPOINT, "the original");
}

static const char *cdt_badges_independent(void)
{
    seL4_CPtr ep = new_endpoint(), b1 = mint(ep, 1), b2 = mint(ep, 2), c1 = 0, c2 = 0;

    CHECK(b1 != 0 && b2 != 0, "setup: Mint failed");
    c1 = copy_cap(b1, seL4_AllRights);
    c2 = copy_cap(b2, seL4_AllRights);
    CHECK(c1 != 0 && c2 != 0, "setup: Copy failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, b1, ROOT_DEPTH), "Revoke of badge 1"));
    TRY(expect_type(c1, KEEL_CAP_NULL, "the copy of badge 1"));
    TRY(expect_type(b2, KEEL_CAP_ENDPOINT, "badge 2"));
    return expect_type(c2, KEEL_CAP_ENDPOINT, "the copy of badge 2");
}

/* Each Mint of a badge makes a new badged original. */
static const char *cdt_same_badge_twice(void)
{
    seL4_CPtr ep = new_endpoint(), first = mint(ep, 7), second = mint(ep, 7);

    CHECK(first != 0 && second != 0, "setup: Mint failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, first, ROOT_DEPTH), "Revoke of the first badge-7 mint"));
    TRY(expect_type(second, KEEL_CAP_ENDPOINT, "the second badge-7 mint"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, second, ROOT_DEPTH), "Revoke of the second badge-7 mint"));
    return expect_type(first, KEEL_CAP_ENDPOINT, "the first badge-7 mint");
}

/* The object lives while any capability to it does. */
static const char *cdt_delete_original_keeps_copy(void)
{
    seL4_CPtr ut = ut_alloc(8), ep = slot_alloc(), copy;

    CHECK(retype_one(ut, seL4_EndpointObject, 0, ep) == seL4_NoError, "setup: Retype failed");
    copy = copy_cap(ep, seL4_AllRights);
    CHECK(copy != 0, "setup: Copy failed");
    TRY(expect_ok(seL4_CNode_Delete(ROOT, ep, ROOT_DEPTH), "Delete of the original"));
    TRY(expect_type(copy, KEEL_CAP_ENDPOINT, "the copy"));
    return EXPECT_ERROR(retype_one(ut, seL4_UntypedObject, 8, slot_alloc()), seL4_NotEnoughMemory,
                        "Retype of the whole Untyped while the copy lives", 256 - 16);
}

static const char *cdt_move_keeps_place(void)
{
    seL4_CPtr ep = new_endpoint(), copy = copy_cap(ep, seL4_AllRights), moved = slot_alloc();

    CHECK(copy != 0, "setup: Copy failed");
    TRY(expect_ok(seL4_CNode_Move(ROOT, moved, ROOT_DEPTH, ROOT, copy, ROOT_DEPTH), "Move of the copy"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ep, ROOT_DEPTH), "Revoke of the original"));
    return expect_type(moved, KEEL_CAP_NULL, "the moved copy");
}

static const char *cdt_rotate_keeps_place(void)
{
    seL4_CPtr parent = ut_alloc(12), a = slot_alloc(), b = slot_alloc();

    CHECK(retype_one(parent, seL4_UntypedObject, 8, a) == seL4_NoError &&
          retype_one(parent, seL4_UntypedObject, 8, b) == seL4_NoError, "setup: Retype failed");
    TRY(expect_ok(seL4_CNode_Rotate(ROOT, a, ROOT_DEPTH, 0, ROOT, b, ROOT_DEPTH, 0, ROOT, a, ROOT_DEPTH),
                  "Rotate swapping two child Untypeds"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, parent, ROOT_DEPTH), "Revoke of the parent"));
    TRY(expect_type(a, KEEL_CAP_NULL, "the first swapped child"));
    return expect_type(b, KEEL_CAP_NULL, "the second swapped child");
}

/* A copy of an Untyped is a child of the original, and (seL4's rule) the
 * original is full while the copy exists: NotEnoughMemory, 0 bytes left,
 * until the copy is revoked. */
static const char *cdt_untyped_copy_child(void)
{
    seL4_CPtr ut = ut_alloc(8), copy = copy_cap(ut, seL4_AllRights);

    CHECK(copy != 0, "setup: Copy of the Untyped failed");
    TRY(EXPECT_ERROR(retype_one(ut, seL4_EndpointObject, 0, slot_alloc()), seL4_NotEnoughMemory,
                     "Retype through the original while a copy exists", 0));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the original"));
    TRY(expect_type(copy, KEEL_CAP_NULL, "the copy"));
    return expect_whole(ut, 8, "Retype of the whole original after Revoke");
}

/* Put endpoint ep (root slot) into slot `index` of the CNode `cnode`. */
static const char *move_into(seL4_CPtr cnode, seL4_Word index, seL4_CPtr cap)
{
    return expect_ok(seL4_CNode_Move(cnode, index, RADIX, ROOT, cap, ROOT_DEPTH), "setup: Move into a CNode");
}

static const char *cdt_delete_cnode_contents(void)
{
    seL4_CPtr ut = ut_alloc(8), ep = slot_alloc(), cnode = new_cnode(RADIX);

    CHECK(cnode != 0 && retype_one(ut, seL4_EndpointObject, 0, ep) == seL4_NoError, "setup: Retype failed");
    TRY(move_into(cnode, 3, ep));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, cnode, ROOT_DEPTH), "Delete of the CNode"));
    return expect_whole(ut, 8, "Retype of the whole Untyped of the endpoint");
}

/* A holds the only capability to B, B the only one to C, C an endpoint's. */
static const char *cdt_delete_cnode_chain(void)
{
    seL4_CPtr ut = ut_alloc(12), ep_ut = ut_alloc(8), ep = slot_alloc();
    seL4_CPtr a = slot_alloc(), b = slot_alloc(), c = slot_alloc();

    CHECK(retype_one(ep_ut, seL4_EndpointObject, 0, ep) == seL4_NoError, "setup: Retype of the endpoint failed");
    CHECK(retype_one(ut, seL4_CapTableObject, RADIX, a) == seL4_NoError &&
          retype_one(ut, seL4_CapTableObject, RADIX, b) == seL4_NoError &&
          retype_one(ut, seL4_CapTableObject, RADIX, c) == seL4_NoError, "setup: Retype of the CNodes failed");
    TRY(move_into(c, 15, ep));
    TRY(move_into(b, 0, c));
    TRY(move_into(a, 7, b));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, a, ROOT_DEPTH), "Delete of the outer CNode"));
    TRY(expect_whole(ep_ut, 8, "Retype of the whole Untyped of the endpoint"));
    return expect_whole(ut, 12, "Retype of the whole Untyped of the CNodes");
}

/* A CNode whose slot 0 holds a capability to itself, unreachable once the
 * root's capability is deleted; revoking its Untyped cleans it up. */
static const char *cdt_cnode_holds_itself(void)
{
    seL4_CPtr ut = ut_alloc(12), cnode = slot_alloc();

    CHECK(retype_one(ut, seL4_CapTableObject, RADIX, cnode) == seL4_NoError, "setup: Retype failed");
    TRY(expect_ok(seL4_CNode_Copy(cnode, 0, RADIX, ROOT, cnode, ROOT_DEPTH, seL4_AllRights),
                  "Copy of the CNode into itself"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, cnode, ROOT_DEPTH), "Delete of the root's capability"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the Untyped"));
    return expect_whole(ut, 12, "Retype of the whole Untyped");
}

/* Two CNodes holding each other's last capability: a cycle of zombies. */
static const char *cdt_cnode_cycle(void)
{
    seL4_CPtr ut = ut_alloc(12), a = slot_alloc(), b = slot_alloc();

    CHECK(retype_one(ut, seL4_CapTableObject, RADIX, a) == seL4_NoError &&
          retype_one(ut, seL4_CapTableObject, RADIX, b) == seL4_NoError, "setup: Retype failed");
    TRY(expect_ok(seL4_CNode_Copy(a, 0, RADIX, ROOT, b, ROOT_DEPTH, seL4_AllRights), "Copy of B into A"));
    TRY(expect_ok(seL4_CNode_Copy(b, 0, RADIX, ROOT, a, ROOT_DEPTH, seL4_AllRights), "Copy of A into B"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, a, ROOT_DEPTH), "Delete of the root's A"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, b, ROOT_DEPTH), "Delete of the root's B"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the Untyped"));
    return expect_whole(ut, 12, "Retype of the whole Untyped");
}

/* Deleting one of two capabilities to a CNode leaves its contents. */
static const char *cdt_cnode_copy_keeps_contents(void)
{
    seL4_CPtr cnode = new_cnode(RADIX), copy = 0, ep = new_endpoint();

    CHECK(cnode != 0 && (copy = copy_cap(cnode, seL4_AllRights)) != 0, "setup: CNode or Copy failed");
    TRY(move_into(cnode, 2, ep));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, cnode, ROOT_DEPTH), "Delete of one CNode capability"));
    return expect_slots_hold(copy, RADIX, 2, 1, KEEL_CAP_ENDPOINT);
}

/* A copy placed in another CNode is still in its parent's subtree. */
static const char *cdt_descendant_elsewhere(void)
{
    seL4_CPtr ut = ut_alloc(8), ep = slot_alloc(), cnode = new_cnode(RADIX);

    CHECK(cnode != 0 && retype_one(ut, seL4_EndpointObject, 0, ep) == seL4_NoError, "setup: Retype failed");
    TRY(expect_ok(seL4_CNode_Copy(cnode, 5, RADIX, ROOT, ep, ROOT_DEPTH, seL4_AllRights),
                  "Copy into another CNode"));
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the Untyped"));
    TRY(expect_slots_hold(cnode, RADIX, 5, 1, KEEL_CAP_NULL));
    return expect_type(cnode, KEEL_CAP_CNODE, "the CNode that held the copy");
}

static const char *cdt_sibling_untyped(void)
{
    seL4_CPtr u1 = ut_alloc(8), u2 = ut_alloc(8), e1 = slot_alloc(), e2 = slot_alloc();

    CHECK(retype_one(u1, seL4_EndpointObject, 0, e1) == seL4_NoError &&
          retype_one(u2, seL4_EndpointObject, 0, e2) == seL4_NoError, "setup: Retype failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, u1, ROOT_DEPTH), "Revoke of the first Untyped"));
    TRY(expect_type(e1, KEEL_CAP_NULL, "the first Untyped's endpoint"));
    TRY(expect_type(u1, KEEL_CAP_UNTYPED, "the first Untyped"));
    return expect_type(e2, KEEL_CAP_ENDPOINT, "the sibling Untyped's endpoint");
}

static const struct test tests[] = {
    { "CDT0001 revoke removes copies of copies", cdt_copy_of_copy },
    { "CDT0002 a plain copy has no children", cdt_copy_not_parent },
    { "CDT0003 badged mints are children of the unbadged original", cdt_badged_under_original },
    { "CDT0004 revoke of a badged mint removes its copies only", cdt_badged_revoke },
    { "CDT0005 revoke of one badge leaves another badge", cdt_badges_independent },
    { "CDT0006 two mints of one badge are independent originals", cdt_same_badge_twice },
    { "CDT0007 delete of the original leaves the copy and the object", cdt_delete_original_keeps_copy },
    { "CDT0008 move keeps a capability's place in the tree", cdt_move_keeps_place },
    { "CDT0009 rotate keeps capabilities' places in the tree", cdt_rotate_keeps_place },
    { "CDT0010 a copy of an Untyped is its child; the original is full meanwhile", cdt_untyped_copy_child },
    { "CDT0011 delete of a CNode deletes the capabilities in it", cdt_delete_cnode_contents },
    { "CDT0012 delete of a CNode deletes CNodes nested in it", cdt_delete_cnode_chain },
    { "CDT0013 a CNode holding a capability to itself is cleaned up", cdt_cnode_holds_itself },
    { "CDT0014 two CNodes holding each other are cleaned up", cdt_cnode_cycle },
    { "CDT0015 delete of one of two CNode capabilities keeps the contents", cdt_cnode_copy_keeps_contents },
    { "CDT0016 a descendant in another CNode is revoked too", cdt_descendant_elsewhere },
    { "CDT0017 revoke of an Untyped leaves its sibling's objects", cdt_sibling_untyped },
};

TEST_SUITE_AFTER_EACH(cdt_suite, tests, caps_cleanup);
