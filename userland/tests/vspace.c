/*
 * VSPACE: the page-table and ASID invocations and their errors (missing
 *   tables, occupied levels, bad VSpace arguments, addresses out of range,
 *   ASID pools and their exhaustion).
 *
 * Memory that a test expects to be unreachable is touched only by a
 * vm_thread (vm.h), whose fault reaches the root as a message.
 */
#include <stdbool.h>
#include "vm_tests.h"


/* A table of the lowest level (4 KiB pages go in it). */
seL4_CPtr new_pt(void)
{
    return new_object(TEST_PT_OBJECT, 0);
}

/* A 2 MiB page in a new slot, from memory outside the pool (0 if none). */
seL4_CPtr new_large_frame(void)
{
    seL4_CPtr ut = big_untyped(seL4_LargePageBits), slot = slot_alloc();

    if (ut == 0 || slot == 0 || retype_one(ut, VM_LARGE_OBJECT, 0, slot) != seL4_NoError) {
        return 0;
    }
    return slot;
}


/* ================= VSPACE ================= */

static const char *vspace_no_tables(void)
{
    seL4_CPtr f = new_frame();

    CHECK(f != 0, "no frame");
    return EXPECT_MISSING(page_map(f, VSPACE, VM_FAR, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map with no tables",
                          ROOT_TABLE_BITS);
}

/* riscv64's and aarch64's one table type goes to the first missing level;
 * x86_64's page table needs the tables above it. */
static const char *vspace_pt_without_upper(void)
{
    seL4_CPtr t = new_pt();

    CHECK(t != 0, "no table");
#if defined(__i386__)
    /* Two levels: the table goes right below the root and completes the path. */
    TRY(expect_ok(table_map(t, VSPACE, VM_FAR), "PageTable_Map below the root"));
    seL4_CPtr f = new_frame();
    CHECK(f != 0, "no frame");
    return expect_ok(page_map(f, VSPACE, VM_FAR, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map below it");
#elif !defined(__x86_64__)
    TRY(expect_ok(table_map(t, VSPACE, VM_FAR), "PageTable_Map with no table above"));
    seL4_CPtr f = new_frame();
    CHECK(f != 0, "no frame");
    /* It became the table below the root: the next level is missing. */
    return EXPECT_MISSING(page_map(f, VSPACE, VM_FAR, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map below it",
                          ROOT_TABLE_BITS - 9);
#else
    return EXPECT_MISSING(table_map(t, VSPACE, VM_FAR), "PageTable_Map with no table above", ROOT_TABLE_BITS);
#endif
}

/* Each missing level is reported in turn, from the root down, until the
 * frame maps. */
static const char *vspace_levels_in_turn(void)
{
    seL4_CPtr f = new_frame();
    seL4_Word bits = ROOT_TABLE_BITS;

    CHECK(f != 0, "no frame");
    for (; bits >= seL4_LargePageBits; bits -= seL4_PageTableIndexBits) {
        TRY(EXPECT_MISSING(page_map(f, VSPACE, VM_FAR, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map", bits));
        seL4_CPtr t = new_object(table_type_for(bits), 0);
        CHECK(t != 0, "no table");
        TRY(expect_ok(table_map(t, VSPACE, VM_FAR), "mapping the missing table"));
    }
    TRY(expect_ok(page_map(f, VSPACE, VM_FAR, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map with every table"));
    WORD(VM_FAR + 8) = PATTERN;
    CHECK(WORD(VM_FAR + 8) == PATTERN, "the frame at %lx does not hold what was written", VM_FAR);
    return NULL;
}

static const char *vspace_pt_mapped_twice(void)
{
    seL4_CPtr t = new_pt();

    CHECK(t != 0, "no table");
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "the first PageTable_Map"));
    return EXPECT_ERROR(table_map(t, VSPACE, VM_BASE + 64 * LARGE_PAGE), seL4_InvalidCapability,
                        "PageTable_Map of a mapped table", 0);
}

static const char *vspace_pt_occupied(void)
{
    seL4_CPtr t = new_pt();

    CHECK(t != 0, "no table");
    TRY(EXPECT_PLAIN_ERROR(table_map(t, VSPACE, (seL4_Word)&vspace_pt_occupied & ~(PAGE - 1)), seL4_DeleteFirst,
                           "PageTable_Map where the image's tables are"));
#if defined(__x86_64__)
    seL4_CPtr pd = new_object(seL4_X86_PageDirectoryObject, 0);
    CHECK(pd != 0, "no page directory");
    TRY(EXPECT_PLAIN_ERROR(seL4_X86_PageDirectory_Map(pd, VSPACE, VM_BASE, seL4_X86_Default_VMAttributes),
                           seL4_DeleteFirst, "PageDirectory_Map where the image's page directory is"));
#endif
    return NULL;
}

static const char *vspace_pt_kernel_half(void)
{
    seL4_CPtr t = new_pt();

    CHECK(t != 0, "no table");
    return EXPECT_ERROR(table_map(t, VSPACE, KERNEL_WINDOW), seL4_InvalidArgument, "PageTable_Map in the kernel half", 0);
}

static const char *vspace_pt_bad_root(void)
{
    seL4_CPtr t = new_pt(), f = new_frame();

    CHECK(t != 0 && f != 0, "no objects");
    return EXPECT_ERROR(table_map(t, f, VM_BASE), seL4_InvalidCapability, "PageTable_Map into a frame", 1);
}

static const char *vspace_page_root_is_frame(void)
{
    seL4_CPtr f = new_frame(), g = new_frame();

    CHECK(f != 0 && g != 0, "no frames");
    return EXPECT_ERROR(page_map(f, g, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidCapability,
                        "Page_Map with a frame as the VSpace", 1);
}

static const char *vspace_page_root_unassigned(void)
{
    seL4_CPtr f = new_frame(), r = new_object(VM_ROOT_OBJECT, 0);

    CHECK(f != 0 && r != 0, "no objects");
    return EXPECT_ERROR(page_map(f, r, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidCapability,
                        "Page_Map into a root without an ASID", 1);
}

static const char *vspace_page_root_not_top(void)
{
    seL4_CPtr f = new_frame(), t = new_pt();

    CHECK(f != 0 && t != 0, "no objects");
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map"));
    return EXPECT_ERROR(page_map(f, t, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidCapability,
                        "Page_Map with a lower-level table as the VSpace", 1);
}

static const char *vspace_page_over_mapping(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr g = new_frame();

    CHECK(g != 0, "no frame");
    WORD(VM_BASE) = PATTERN;
    TRY(EXPECT_PLAIN_ERROR(page_map(g, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_DeleteFirst,
                           "Page_Map over a mapping"));
    CHECK(WORD(VM_BASE) == PATTERN, "the first mapping changed");
    return NULL;
}

static const char *vspace_page_unaligned(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr g = new_frame();

    CHECK(g != 0, "no frame");
    return EXPECT_PLAIN_ERROR(page_map(g, VSPACE, VM_BASE + PAGE + 8, RIGHTS_ALL, VM_ATTR_DEFAULT),
                              seL4_AlignmentError, "Page_Map at an unaligned address");
}

static const char *vspace_large_unaligned(void)
{
    seL4_CPtr l = new_large_frame();

    CHECK(l != 0, "no 2 MiB frame");
    return EXPECT_PLAIN_ERROR(page_map(l, VSPACE, VM_BASE + 64 * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_AlignmentError,
                              "a large page at a 4 KiB-aligned address");
}

static const char *vspace_page_kernel_half(void)
{
    seL4_CPtr f = new_frame();

    CHECK(f != 0, "no frame");
    TRY(EXPECT_ERROR(page_map(f, VSPACE, KERNEL_WINDOW, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidArgument,
                     "Page_Map at the kernel window", 0));
    return EXPECT_ERROR(page_map(f, VSPACE, KERNEL_IMAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidArgument,
                        "Page_Map at the kernel image", 0);
}

static const char *vspace_page_user_top(void)
{
    seL4_CPtr f = new_frame();

    CHECK(f != 0, "no frame");
    return EXPECT_ERROR(page_map(f, VSPACE, seL4_UserTop, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidArgument,
                        "Page_Map at seL4_UserTop", 0);
}

static const char *vspace_page_second_address(void)
{
    MAPPED(f, VM_BASE);

    return EXPECT_ERROR(page_map(f, VSPACE, VM_BASE + PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidArgument,
                        "Page_Map of a mapped frame at another address", 0);
}

static const char *vspace_page_other_asid(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr r = new_vspace();

    CHECK(r != 0, "no second VSpace");
    return EXPECT_ERROR(vm_map(f, r, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_InvalidCapability,
                        "Page_Map of a frame mapped in another address space", 1);
}

static const char *vspace_page_remap_same(void)
{
    MAPPED(f, VM_BASE);

    WORD(VM_BASE) = PATTERN;
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map again at the same address"));
    CHECK(WORD(VM_BASE) == PATTERN, "the remapped frame lost its data");
    return NULL;
}

static const char *vspace_page_truncated(void)
{
    seL4_CPtr f = new_frame();

    CHECK(f != 0, "no frame");
    seL4_SetCap(0, VSPACE);
    seL4_SetMR(0, VM_BASE);
    seL4_SetMR(1, RIGHTS_ALL.words[0]);
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(f, KEEL_LABEL_PAGE_MAP, 1, 2), seL4_TruncatedMessage, "Page_Map with 2 words"));
    seL4_SetMR(0, VM_BASE);
    seL4_SetMR(1, RIGHTS_ALL.words[0]);
    seL4_SetMR(2, 0);
    return EXPECT_PLAIN_ERROR(keel_invoke(f, KEEL_LABEL_PAGE_MAP, 0, 3), seL4_TruncatedMessage, "Page_Map with no VSpace cap");
}

static const char *vspace_pt_unmap_copy(void)
{
    seL4_CPtr t = new_pt(), c;

    CHECK(t != 0, "no table");
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map"));
    c = copy_cap(t, seL4_AllRights);
    CHECK(c != 0, "copying a mapped page table failed");
    TRY(EXPECT_PLAIN_ERROR(table_unmap(t), seL4_RevokeFirst, "PageTable_Unmap with a copy"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, c, ROOT_DEPTH), "deleting the copy"));
    return expect_ok(table_unmap(t), "PageTable_Unmap of the last capability");
}

static const char *vspace_pt_unmap_root(void)
{
    seL4_CPtr r = new_vspace();

    CHECK(r != 0, "no VSpace");
    return EXPECT_PLAIN_ERROR(table_unmap(r), seL4_RevokeFirst, "PageTable_Unmap of a VSpace root");
}

static const char *vspace_pt_unmap_unmapped(void)
{
    seL4_CPtr t = new_pt();

    CHECK(t != 0, "no table");
    TRY(expect_ok(table_unmap(t), "PageTable_Unmap of an unmapped table"));
    return expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map afterwards");
}

static const char *vspace_pt_copy_unmapped(void)
{
    seL4_CPtr t = new_pt(), slot = slot_alloc();

    CHECK(t != 0 && slot != 0, "no table");
    return EXPECT_PLAIN_ERROR(seL4_CNode_Copy(ROOT, slot, ROOT_DEPTH, ROOT, t, ROOT_DEPTH, seL4_AllRights),
                              seL4_IllegalOperation, "copying an unmapped page table");
}

/* seL4 differs by architecture here: on RISC-V the lookup for a large page
 * goes down through the table and stops 12 bits short (FailedLookup); on
 * x86 the page directory entry holds a table (DeleteFirst). */
static const char *vspace_large_over_table(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr l = new_large_frame();

    CHECK(l != 0, "no 2 MiB frame");
#if !TEST_X86
    return EXPECT_MISSING(page_map(l, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "a large page over a page table",
                          seL4_PageBits);
#else
    return EXPECT_PLAIN_ERROR(page_map(l, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_DeleteFirst,
                              "a large page over a page table");
#endif
}

static const char *vspace_page_under_large(void)
{
    seL4_CPtr l = new_large_frame(), f = new_frame();

    CHECK(l != 0 && f != 0, "no frames");
    TRY(expect_ok(page_map(l, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the large page"));
    return EXPECT_MISSING(page_map(f, VSPACE, VM_BASE + PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT),
                          "a 4 KiB page inside a large page", seL4_LargePageBits);
}

static const char *vspace_pt_under_large(void)
{
    seL4_CPtr l = new_large_frame(), t = new_pt();

    CHECK(l != 0 && t != 0, "no objects");
    TRY(expect_ok(page_map(l, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the large page"));
    return EXPECT_PLAIN_ERROR(table_map(t, VSPACE, VM_BASE), seL4_DeleteFirst, "PageTable_Map where a large page is");
}

static const char *vspace_wrong_label(void)
{
    seL4_CPtr t = new_pt();
    page_get_address_t r;

    CHECK(t != 0, "no table");
    r = page_get_address(t);
    TRY(EXPECT_PLAIN_ERROR((seL4_Error)r.error, seL4_IllegalOperation, "Page_GetAddress on a page table"));
    return EXPECT_PLAIN_ERROR(asid_assign(seL4_CapASIDControl, t), seL4_IllegalOperation,
                              "ASIDPool_Assign on the ASID control capability");
}

/* ---- ASIDs ---- */

const char *make_pool(seL4_CPtr *pool)
{
    seL4_CPtr ut = ut_alloc(seL4_ASIDPoolBits);

    *pool = slot_alloc();
    CHECK(ut != 0 && *pool != 0, "no Untyped for an ASID pool");
    return expect_ok(asid_make_pool(seL4_CapASIDControl, ut, ROOT, *pool, ROOT_DEPTH), "MakePool");
}

static const char *vspace_make_pool(void)
{
    seL4_CPtr pool, r = new_object(VM_ROOT_OBJECT, 0), f = new_frame();

    CHECK(r != 0 && f != 0, "no objects");
    TRY(make_pool(&pool));
    TRY(expect_type(pool, KEEL_CAP_ASID_POOL, "the new pool"));
    TRY(expect_ok(asid_assign(pool, r), "Assign from the new pool"));
    TRY(expect_type(r, KEEL_CAP_PAGE_TABLE, "the assigned root"));
    return expect_ok(vm_map(f, r, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping into the new root");
}

static const char *vspace_pool_wrong_untyped(void)
{
    seL4_CPtr big = ut_alloc(seL4_ASIDPoolBits + 1), small = ut_alloc(seL4_ASIDPoolBits - 1), ep = new_endpoint();
    seL4_CPtr slot = slot_alloc();

    CHECK(big != 0 && small != 0 && ep != 0 && slot != 0, "no objects");
    TRY(EXPECT_ERROR(asid_make_pool(seL4_CapASIDControl, big, ROOT, slot, ROOT_DEPTH), seL4_InvalidCapability,
                     "MakePool of a 2^13 Untyped", 1));
    TRY(EXPECT_ERROR(asid_make_pool(seL4_CapASIDControl, small, ROOT, slot, ROOT_DEPTH), seL4_InvalidCapability,
                     "MakePool of a 2^11 Untyped", 1));
    return EXPECT_ERROR(asid_make_pool(seL4_CapASIDControl, ep, ROOT, slot, ROOT_DEPTH), seL4_InvalidCapability,
                        "MakePool of an endpoint", 1);
}

static const char *vspace_pool_untyped_children(void)
{
    seL4_CPtr ut = ut_alloc(seL4_ASIDPoolBits), ep = slot_alloc(), slot = slot_alloc();

    CHECK(ut != 0 && ep != 0 && slot != 0, "no Untyped");
    TRY(expect_ok(retype_one(ut, seL4_EndpointObject, 0, ep), "a child of the Untyped"));
    return EXPECT_PLAIN_ERROR(asid_make_pool(seL4_CapASIDControl, ut, ROOT, slot, ROOT_DEPTH), seL4_RevokeFirst,
                              "MakePool of an Untyped with children");
}

static const char *vspace_pool_slot_full(void)
{
    seL4_CPtr ut = ut_alloc(seL4_ASIDPoolBits), ep = new_endpoint();

    CHECK(ut != 0 && ep != 0, "no objects");
    TRY(EXPECT_PLAIN_ERROR(asid_make_pool(seL4_CapASIDControl, ut, ROOT, ep, ROOT_DEPTH), seL4_DeleteFirst,
                           "MakePool into an occupied slot"));
    return expect_whole(ut, seL4_ASIDPoolBits, "the Untyped after the refused MakePool");
}

/* Every pool but the boot pool can be made, then DeleteFirst; deleting one
 * gives its ASIDs back. */
static const char *vspace_pool_exhaustion(void)
{
    const seL4_Word pools = 1ul << seL4_NumASIDPoolsBits;
    seL4_CPtr first = 0, pool = 0, ut, slot;
    seL4_Word made = 0;
    seL4_Error err;

    for (;;) {
        ut = ut_alloc(seL4_ASIDPoolBits);
        slot = slot_alloc();
        CHECK(ut != 0 && slot != 0, "out of memory or slots after %lu pools", made);
        err = asid_make_pool(seL4_CapASIDControl, ut, ROOT, slot, ROOT_DEPTH);
        if (err != seL4_NoError || made > pools) {
            break;
        }
        first = first == 0 ? slot : first;
        made++;
    }
    TRY(EXPECT_PLAIN_ERROR(err, seL4_DeleteFirst, "MakePool with every pool taken"));
    CHECK(made == pools - 1, "%lu pools could be made, want %lu (all but the boot pool)", made, pools - 1);
    TRY(expect_ok(seL4_CNode_Delete(ROOT, first, ROOT_DEPTH), "deleting a pool"));
    ut = ut_alloc(seL4_ASIDPoolBits);
    pool = slot_alloc();
    CHECK(ut != 0 && pool != 0, "no Untyped");
    return expect_ok(asid_make_pool(seL4_CapASIDControl, ut, ROOT, pool, ROOT_DEPTH), "MakePool after deleting one");
}

/* A new pool holds 2^seL4_ASIDPoolIndexBits roots; then DeleteFirst until
 * one of them is deleted. */
static const char *vspace_assign_exhaustion(void)
{
    const seL4_Word n = 1ul << seL4_ASIDPoolIndexBits;
    seL4_CPtr pool, ut = big_untyped(seL4_ASIDPoolIndexBits + seL4_PageTableBits), roots = slots_alloc(n), extra;

    if (ut == 0) {
        return test_skip("no Untyped of 2 MiB besides the pool");
    }
    CHECK(roots != 0, "no slots");
    TRY(make_pool(&pool));
    for (seL4_Word done = 0; done < n; done += 256) {
        TRY(expect_ok(seL4_Untyped_Retype(ut, VM_ROOT_OBJECT, 0, ROOT, 0, 0, roots + done, 256), "retyping roots"));
    }
    for (seL4_Word i = 0; i < n; i++) {
        seL4_Error err = asid_assign(pool, roots + i);
        CHECK(err == seL4_NoError, "Assign %lu of %lu gave %s", i + 1, n, error_name(err));
    }
    extra = new_object(VM_ROOT_OBJECT, 0);
    CHECK(extra != 0, "no extra root");
    TRY(EXPECT_PLAIN_ERROR(asid_assign(pool, extra), seL4_DeleteFirst, "Assign to a full pool"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, roots + 100, ROOT_DEPTH), "deleting a root"));
    return expect_ok(asid_assign(pool, extra), "Assign after a root was deleted");
}

static const char *vspace_assign_mapped(void)
{
    seL4_CPtr r = new_vspace();

    CHECK(r != 0, "no VSpace");
    TRY(EXPECT_ERROR(asid_assign(seL4_CapInitThreadASIDPool, r), seL4_InvalidCapability, "Assign of an assigned root", 1));
    return EXPECT_ERROR(asid_assign(seL4_CapInitThreadASIDPool, VSPACE), seL4_InvalidCapability,
                        "Assign of the root task's VSpace", 1);
}

static const char *vspace_assign_not_root(void)
{
    seL4_CPtr f = new_frame(), t = new_pt();

    CHECK(f != 0 && t != 0, "no objects");
    TRY(EXPECT_ERROR(asid_assign(seL4_CapInitThreadASIDPool, f), seL4_InvalidCapability, "Assign of a frame", 1));
#if TEST_X86
    TRY(EXPECT_ERROR(asid_assign(seL4_CapInitThreadASIDPool, t), seL4_InvalidCapability, "Assign of a page table", 1));
#endif
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map"));
    return EXPECT_ERROR(asid_assign(seL4_CapInitThreadASIDPool, t), seL4_InvalidCapability,
                        "Assign of a mapped page table", 1);
}

static const char *vspace_pool_deleted(void)
{
    seL4_CPtr pool, r = new_object(VM_ROOT_OBJECT, 0), f = new_frame();

    CHECK(r != 0 && f != 0, "no objects");
    TRY(make_pool(&pool));
    TRY(expect_ok(asid_assign(pool, r), "Assign"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, pool, ROOT_DEPTH), "deleting the pool"));
    return EXPECT_ERROR(page_map(f, r, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_FailedLookup,
                        "Page_Map into a root whose pool is gone", 0, seL4_InvalidRoot);
}

static const char *vspace_pt_remap_empty(void)
{
    seL4_CPtr t = new_pt(), f = new_frame(), fep;

    CHECK(t != 0 && f != 0, "no objects");
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map"));
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map"));
    WORD(VM_BASE) = PATTERN;
    TRY(expect_ok(table_unmap(t), "PageTable_Unmap"));
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map again"));
    START(th, 0, OP_READ, VM_BASE, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE, 0, FSR_READ));
    CHECK(th->r[1] == 0, "the frame came back with its table");
    return NULL;
}
static const struct test tests[] = {
    { "VSPACE0001 Page_Map with no page tables is FailedLookup", vspace_no_tables },
    { "VSPACE0002 each missing level is reported in turn until the frame maps", vspace_levels_in_turn },
    { "VSPACE0003 PageTable_Map of a mapped table is InvalidCapability 0", vspace_pt_mapped_twice },
    { "VSPACE0004 PageTable_Map where every level has a table is DeleteFirst", vspace_pt_occupied },
    { "VSPACE0005 PageTable_Map in the kernel half is InvalidArgument 0", vspace_pt_kernel_half },
    { "VSPACE0006 PageTable_Map into a frame is InvalidCapability 1", vspace_pt_bad_root },
    { "VSPACE0007 Page_Map with a frame as the VSpace is InvalidCapability 1", vspace_page_root_is_frame },
    { "VSPACE0008 Page_Map into a root without an ASID is InvalidCapability 1", vspace_page_root_unassigned },
    { "VSPACE0009 Page_Map with a lower-level table as VSpace is InvalidCapability 1", vspace_page_root_not_top },
    { "VSPACE0010 Page_Map over a mapping is DeleteFirst and leaves it", vspace_page_over_mapping },
    { "VSPACE0011 Page_Map at an unaligned address is AlignmentError", vspace_page_unaligned },
    { "VSPACE0012 Page_Map in the kernel half is InvalidArgument 0", vspace_page_kernel_half },
    { "VSPACE0013 Page_Map at seL4_UserTop is InvalidArgument 0", vspace_page_user_top },
    { "VSPACE0014 Page_Map of a mapped frame at another address is InvalidArgument 0", vspace_page_second_address },
    { "VSPACE0015 Page_Map of a frame mapped in another space is InvalidCapability 1", vspace_page_other_asid },
    { "VSPACE0016 Page_Map again at the same address remaps", vspace_page_remap_same },
    { "VSPACE0017 Page_Map without all arguments is TruncatedMessage", vspace_page_truncated },
    { "VSPACE0018 PageTable_Unmap with a copy is RevokeFirst", vspace_pt_unmap_copy },
    { "VSPACE0019 PageTable_Unmap of a VSpace root is RevokeFirst", vspace_pt_unmap_root },
    { "VSPACE0020 PageTable_Unmap of an unmapped table succeeds", vspace_pt_unmap_unmapped },
    { "VSPACE0021 an unmapped page table cannot be copied", vspace_pt_copy_unmapped },
    { "VSPACE0022 a large page over a page table is refused as seL4 does", vspace_large_over_table },
    { "VSPACE0023 a 4 KiB page inside a large page is FailedLookup", vspace_page_under_large },
    { "VSPACE0024 PageTable_Map where a large page is is DeleteFirst", vspace_pt_under_large },
    { "VSPACE0025 an invocation the object lacks is IllegalOperation", vspace_wrong_label },
    { "VSPACE0026 MakePool gives a pool whose roots take mappings", vspace_make_pool },
    { "VSPACE0027 MakePool of a wrong Untyped or a non-Untyped is InvalidCapability 1", vspace_pool_wrong_untyped },
    { "VSPACE0028 MakePool of an Untyped with children is RevokeFirst", vspace_pool_untyped_children },
    { "VSPACE0029 MakePool into an occupied slot is DeleteFirst", vspace_pool_slot_full },
    { "VSPACE0030 MakePool until every pool exists is DeleteFirst; a deleted pool comes back", vspace_pool_exhaustion },
    { "VSPACE0031 Assign until the pool is full is DeleteFirst; a deleted root frees its ASID", vspace_assign_exhaustion },
    { "VSPACE0032 Assign of a root that has an ASID is InvalidCapability 1", vspace_assign_mapped },
    { "VSPACE0033 Assign of a frame or a lower-level table is InvalidCapability 1", vspace_assign_not_root },
    { "VSPACE0034 Page_Map into a root whose pool was deleted is FailedLookup", vspace_pool_deleted },
    { "VSPACE0035 a page table unmapped and mapped again brings no frames back", vspace_pt_remap_empty },
    { "VSPACE0036 a large page at a 4 KiB-aligned address is AlignmentError", vspace_large_unaligned },
    { "VSPACE0037 a page table with no tables above: the first level (riscv64) or FailedLookup (x86_64)", vspace_pt_without_upper },
};

TEST_SUITE_AFTER_EACH(vspace_suite, tests, vm_cleanup);
