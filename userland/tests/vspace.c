/*
 * VSPACE: the page-table and ASID invocations and their errors (missing
 *   tables, occupied levels, bad VSpace arguments, addresses out of range,
 *   ASID pools and their exhaustion).
 * FRAME: frames mapped into the root task's address space: data, zeroing,
 *   physical addresses, aliases, unmapping and remapping (the TLB), rights,
 *   execute-never, and what deleting a frame, an Untyped or a page table
 *   does to the mappings.
 * PAGEFAULT: a handler that maps the missing page and replies.
 * ISOL: a thread in a second address space, and the kernel's memory seen
 *   from user mode.
 *
 * Memory that a test expects to be unreachable is touched only by a
 * vm_thread (vm.h), whose fault reaches the root as a message.
 */
#include <stdbool.h>
#include "vm.h"

#define VSPACE seL4_CapInitThreadVSpace
#define WORD(va) (*(volatile seL4_Word *)(va))
#define PATTERN 0x5eed0000c0ffee00ul

/* A thread starting op on addr in the root's space; fep its fault endpoint. */
#define START(t, i, op, addr, value, fep)                               \
    vm_thread *t = vm_thread_start((i), (op), (addr), (value), &(fep)); \
    CHECK(t != NULL, "%s", vm_error())

/* The first error after a FailedLookup with a missing capability: was the
 * destination, MissingCapability, bits left. */
#define EXPECT_MISSING(err, what, bits) EXPECT_ERROR((err), seL4_FailedLookup, (what), 0, seL4_MissingCapability, (bits))

/* A frame mapped at va in the root's space, or fail the test. */
#define MAPPED(f, va)               \
    seL4_CPtr f = mapped_frame(va); \
    CHECK(f != 0, "no frame mapped at %lx", (seL4_Word)(va))

/* A table of the lowest level (4 KiB pages go in it). */
static seL4_CPtr new_pt(void)
{
    return new_object(TEST_PT_OBJECT, 0);
}

/* A 2 MiB page in a new slot, from memory outside the pool (0 if none). */
static seL4_CPtr new_large_frame(void)
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

/* riscv64's one table type goes to the first missing level; x86_64's page
 * table needs the tables above it. */
static const char *vspace_pt_without_upper(void)
{
    seL4_CPtr t = new_pt();

    CHECK(t != 0, "no table");
#if defined(__riscv)
    TRY(expect_ok(table_map(t, VSPACE, VM_FAR), "PageTable_Map with no table above"));
    seL4_CPtr f = new_frame();
    CHECK(f != 0, "no frame");
    return EXPECT_MISSING(page_map(f, VSPACE, VM_FAR, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map below it",
                          seL4_LargePageBits);
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
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(f, KeelPageMap, 1, 2), seL4_TruncatedMessage, "Page_Map with 2 words"));
    seL4_SetMR(0, VM_BASE);
    seL4_SetMR(1, RIGHTS_ALL.words[0]);
    seL4_SetMR(2, 0);
    return EXPECT_PLAIN_ERROR(keel_invoke(f, KeelPageMap, 0, 3), seL4_TruncatedMessage, "Page_Map with no VSpace cap");
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
#if defined(__riscv)
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

static const char *make_pool(seL4_CPtr *pool)
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
#if defined(__x86_64__)
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

/* ================= FRAME ================= */

static const char *frame_write_read(void)
{
    MAPPED(f, VM_BASE);

    for (seL4_Word i = 0; i < PAGE / sizeof(seL4_Word); i++) {
        WORD(VM_BASE + i * sizeof(seL4_Word)) = PATTERN + i;
    }
    for (seL4_Word i = 0; i < PAGE / sizeof(seL4_Word); i++) {
        CHECK(WORD(VM_BASE + i * sizeof(seL4_Word)) == PATTERN + i, "word %lu reads %lx", i,
              WORD(VM_BASE + i * sizeof(seL4_Word)));
    }
    return NULL;
}

/* A frame made again from memory that held data reads as zero. */
static const char *frame_zeroed(void)
{
    seL4_CPtr ut = ut_alloc(seL4_PageBits), f = slot_alloc();

    CHECK(ut != 0 && f != 0, "no Untyped");
    TRY(expect_ok(retype_one(ut, VM_FRAME_OBJECT, 0, f), "the first frame"));
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping it"));
    memset((void *)VM_BASE, 0xa5, PAGE);
    TRY(expect_ok(seL4_CNode_Delete(ROOT, f, ROOT_DEPTH), "deleting it"));
    TRY(expect_ok(retype_one(ut, VM_FRAME_OBJECT, 0, f), "the frame again"));
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping it again"));
    for (seL4_Word i = 0; i < PAGE / sizeof(seL4_Word); i++) {
        CHECK(WORD(VM_BASE + i * sizeof(seL4_Word)) == 0, "word %lu of the new frame is %lx", i,
              WORD(VM_BASE + i * sizeof(seL4_Word)));
    }
    return NULL;
}

static const keel_meminfo *meminfo(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    for (seL4_Word off = 0; off < bi->extraLen;) {
        const seL4_BootInfoHeader *h = (const seL4_BootInfoHeader *)((const char *)bi + PAGE + off);
        if (h->len < sizeof(*h)) {
            return NULL;
        }
        if (h->id == KEEL_BOOTINFO_HEADER_MEMINFO) {
            return (const keel_meminfo *)h;
        }
        off += h->len;
    }
    return NULL;
}

static const char *frame_address_in_ram(void)
{
    seL4_CPtr f = new_frame();
    const keel_meminfo *m = meminfo();
    seL4_Word pa = frame_paddr(f);
    bool in_ram = false;

    CHECK(f != 0 && m != NULL, "no frame or no meminfo");
    CHECK(pa != ~0ul && pa % PAGE == 0, "GetAddress gave %lx", pa);
    for (seL4_Word i = 0; i < m->num_ram; i++) {
        in_ram |= pa >= m->ram[i].start && pa + PAGE <= m->ram[i].end;
    }
    CHECK(in_ram, "frame at %lx is outside RAM", pa);
    for (seL4_Word i = 0; i < m->num_used; i++) {
        CHECK(pa + PAGE <= m->used[i].start || pa >= m->used[i].end, "frame at %lx is in used region [%lx, %lx)", pa,
              m->used[i].start, m->used[i].end);
    }
    return NULL;
}

static const char *frame_addresses_differ(void)
{
    seL4_CPtr f = new_frame(), g = new_frame();
    seL4_Word a = frame_paddr(f), b = frame_paddr(g);

    CHECK(f != 0 && g != 0 && a != ~0ul && b != ~0ul, "no frames or no addresses");
    CHECK(a + PAGE <= b || b + PAGE <= a, "two frames at %lx and %lx overlap", a, b);
    return NULL;
}

static const char *frame_copy_address(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr c = copy_cap(f, seL4_AllRights);

    CHECK(c != 0, "no copy");
    CHECK(frame_paddr(c) == frame_paddr(f), "copy at %lx, original at %lx", frame_paddr(c), frame_paddr(f));
    return NULL;
}

static const char *frame_alias(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr c = copy_cap(f, seL4_AllRights);

    CHECK(c != 0, "no copy");
    TRY(expect_ok(vm_map(c, VSPACE, VM_BASE + 5 * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the copy"));
    WORD(VM_BASE + 16) = PATTERN;
    CHECK(WORD(VM_BASE + 5 * PAGE + 16) == PATTERN, "the alias reads %lx", WORD(VM_BASE + 5 * PAGE + 16));
    WORD(VM_BASE + 5 * PAGE + 24) = ~PATTERN;
    CHECK(WORD(VM_BASE + 24) == ~PATTERN, "the original reads %lx", WORD(VM_BASE + 24));
    return NULL;
}

static const char *frame_unmap_faults(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr fep;

    WORD(VM_BASE) = PATTERN;            /* the translation is in the TLB */
    TRY(expect_ok(page_unmap(f), "Page_Unmap"));
    START(t, 0, OP_READ, VM_BASE, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE, 0, FSR_READ));
    CHECK(t->r[1] == 0, "the read went through");
    return NULL;
}

static const char *frame_unmap_remap_keeps_data(void)
{
    MAPPED(f, VM_BASE);

    WORD(VM_BASE + 32) = PATTERN;
    TRY(expect_ok(page_unmap(f), "Page_Unmap"));
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map again"));
    CHECK(WORD(VM_BASE + 32) == PATTERN, "the data is %lx after the remap", WORD(VM_BASE + 32));
    return NULL;
}

static const char *frame_remap_other_frame(void)
{
    MAPPED(f, VM_BASE);
    MAPPED(g, VM_BASE + PAGE);

    WORD(VM_BASE) = 0xaaaa;
    WORD(VM_BASE + PAGE) = 0xbbbb;
    CHECK(WORD(VM_BASE) == 0xaaaa, "first frame");
    TRY(expect_ok(page_unmap(f), "Page_Unmap of the first"));
    TRY(expect_ok(page_unmap(g), "Page_Unmap of the second"));
    TRY(expect_ok(page_map(g, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the second in its place"));
    CHECK(WORD(VM_BASE) == 0xbbbb, "the address reads %lx, the old frame's data or a stale translation",
          WORD(VM_BASE));
    return NULL;
}

static const char *frame_unmap_twice(void)
{
    seL4_CPtr f = new_frame();

    CHECK(f != 0, "no frame");
    TRY(expect_ok(page_unmap(f), "Page_Unmap of a frame never mapped"));
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map"));
    TRY(expect_ok(page_unmap(f), "Page_Unmap"));
    return expect_ok(page_unmap(f), "Page_Unmap again");
}

static const char *frame_move_address(void)
{
    MAPPED(f, VM_BASE);

    WORD(VM_BASE) = PATTERN;
    TRY(expect_ok(page_unmap(f), "Page_Unmap"));
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE + 7 * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map elsewhere"));
    CHECK(WORD(VM_BASE + 7 * PAGE) == PATTERN, "the frame at its new address reads %lx", WORD(VM_BASE + 7 * PAGE));
    return NULL;
}

/* f mapped RW at VM_BASE holding PATTERN, and a copy of f mapped at
 * VM_BASE + PAGE with `rights` (from a capability with cap_rights). */
static const char *read_only_alias(seL4_CapRights_t cap_rights, seL4_CapRights_t rights, seL4_CPtr *alias)
{
    seL4_CPtr f = mapped_frame(VM_BASE);

    CHECK(f != 0, "no frame");
    WORD(VM_BASE) = PATTERN;
    *alias = copy_cap(f, cap_rights);
    CHECK(*alias != 0, "no copy");
    return expect_ok(page_map(*alias, VSPACE, VM_BASE + PAGE, rights, VM_ATTR_DEFAULT), "mapping the copy");
}

static const char *frame_read_only_reads(void)
{
    seL4_CPtr a, fep;

    TRY(read_only_alias(seL4_AllRights, RIGHTS_RO, &a));
    START(t, 0, OP_READ, VM_BASE + PAGE, 0, fep);
    TRY(expect_no_fault(fep));
    CHECK(t->r[1] == 1 && t->r[0] == PATTERN, "read %lx (done %lu)", t->r[0], t->r[1]);
    return NULL;
}

static const char *frame_read_only_write_faults(void)
{
    seL4_CPtr a, fep;

    TRY(read_only_alias(seL4_AllRights, RIGHTS_RO, &a));
    START(t, 0, OP_WRITE, VM_BASE + PAGE, 1, fep);
    TRY(expect_vm_fault(fep, VM_BASE + PAGE, 0, FSR_WRITE_DENIED));
    CHECK(WORD(VM_BASE) == PATTERN && t->r[1] == 0, "the write to the read-only mapping landed");
    return NULL;
}

static const char *frame_read_only_cap(void)
{
    seL4_CPtr a, fep;

    TRY(read_only_alias(RIGHTS_RO, seL4_AllRights, &a));
    START(t, 0, OP_WRITE, VM_BASE + PAGE, 1, fep);
    TRY(expect_vm_fault(fep, VM_BASE + PAGE, 0, FSR_WRITE_DENIED));
    CHECK(WORD(VM_BASE) == PATTERN, "the write through a read-only capability landed");
    return NULL;
}

static const char *frame_remap_fewer_rights(void)
{
    seL4_CPtr a, fep;

    TRY(read_only_alias(seL4_AllRights, seL4_AllRights, &a));
    WORD(VM_BASE + PAGE) = PATTERN + 1;         /* writable now, and in the TLB */
    TRY(expect_ok(page_map(a, VSPACE, VM_BASE + PAGE, RIGHTS_RO, VM_ATTR_DEFAULT), "remapping read-only"));
    START(t, 0, OP_WRITE, VM_BASE + PAGE, 2, fep);
    TRY(expect_vm_fault(fep, VM_BASE + PAGE, 0, FSR_WRITE_DENIED));
    CHECK(WORD(VM_BASE) == PATTERN + 1, "memory is %lx", WORD(VM_BASE));
    return NULL;
}

static const char *frame_no_rights(void)
{
    seL4_CPtr a, fep;

    TRY(read_only_alias(seL4_AllRights, RIGHTS_NONE, &a));
    START(t, 0, OP_READ, VM_BASE + PAGE, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE + PAGE, 0, FSR_READ_DENIED));
    CHECK(t->r[1] == 0, "a mapping without rights could be read");
    return NULL;
}

/* Code that returns 0x42, copied into the frame at va. */
static void put_code(seL4_Word va)
{
#if defined(__riscv)
    static const seL4_Uint32 code[] = { 0x04200513, 0x00008067 };   /* li a0, 0x42; ret */
#else
    static const unsigned char code[] = { 0xb8, 0x42, 0x00, 0x00, 0x00, 0xc3 };  /* mov $0x42, %eax; ret */
#endif
    memcpy((void *)va, code, sizeof(code));
}

static const char *frame_execute_never(void)
{
    seL4_CPtr f = new_frame(), fep;

    CHECK(f != 0, "no frame");
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_XN), "mapping execute-never"));
    put_code(VM_BASE);
    START(t, 0, OP_EXEC, VM_BASE, 0, fep);
    seL4_Word badge = 0;
    seL4_MessageInfo_t tag = seL4_NBRecv(fep, &badge);
    CHECK(badge == FAULT_EP_BADGE && seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault,
          "no VMFault (badge %lx, label %lu, the code returned %lx)", badge, (seL4_Word)seL4_MessageInfo_get_label(tag),
          t->r[0]);
    CHECK(seL4_GetMR(seL4_VMFault_IP) == VM_BASE && seL4_GetMR(seL4_VMFault_Addr) == VM_BASE,
          "IP %lx Addr %lx, want %lx", seL4_GetMR(seL4_VMFault_IP), seL4_GetMR(seL4_VMFault_Addr), VM_BASE);
    CHECK(seL4_GetMR(seL4_VMFault_PrefetchFault) == 1 && seL4_GetMR(seL4_VMFault_FSR) == FSR_EXEC_DENIED,
          "PrefetchFault %lu FSR %lx, want 1 %lx", seL4_GetMR(seL4_VMFault_PrefetchFault),
          seL4_GetMR(seL4_VMFault_FSR), FSR_EXEC_DENIED);
    return NULL;
}

static const char *frame_executes(void)
{
    seL4_CPtr f = new_frame(), fep;

    CHECK(f != 0, "no frame");
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping"));
    put_code(VM_BASE);
    START(t, 0, OP_EXEC, VM_BASE, 0, fep);
    TRY(expect_no_fault(fep));
    CHECK(t->r[1] == 1 && t->r[0] == 0x42, "the code returned %lx (done %lu)", t->r[0], t->r[1]);
    return NULL;
}

/* Execute-never set by a remap takes effect although the code ran (and its
 * translation was cached) before. */
static const char *frame_remap_execute_never(void)
{
    seL4_CPtr f = new_frame(), fep, fep2;

    CHECK(f != 0, "no frame");
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping"));
    put_code(VM_BASE);
    START(t, 0, OP_EXEC, VM_BASE, 0, fep);
    TRY(expect_no_fault(fep));
    CHECK(t->r[0] == 0x42, "the code returned %lx", t->r[0]);
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_XN), "remapping execute-never"));
    START(t2, 1, OP_EXEC, VM_BASE, 0, fep2);
    TRY(expect_vm_fault(fep2, VM_BASE, 1, FSR_EXEC_DENIED));
    CHECK(t2->r[1] == 0, "the code ran after the execute-never remap");
    return NULL;
}

/* seL4's maskVMRights: without read, a mapping gives no access at all
 * (VMKernelOnly), whatever the write right says. */
static const char *frame_write_only_rights(void)
{
    seL4_CPtr a, fep;

    TRY(read_only_alias(seL4_AllRights, seL4_CapRights_new(0, 0, 0, 1), &a));
    START(t, 0, OP_READ, VM_BASE + PAGE, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE + PAGE, 0, FSR_READ_DENIED));
    CHECK(t->r[1] == 0, "a write-only mapping could be read");
    return NULL;
}

static const char *frame_delete_unmaps(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr fep;

    WORD(VM_BASE) = PATTERN;
    TRY(expect_ok(seL4_CNode_Delete(ROOT, f, ROOT_DEPTH), "deleting the frame capability"));
    START(t, 0, OP_READ, VM_BASE, 0, fep);
    return expect_vm_fault(fep, VM_BASE, 0, FSR_READ);
}

static const char *frame_revoke_unmaps(void)
{
    seL4_CPtr ut = ut_alloc(seL4_PageBits + 2), frames = slots_alloc(4), fep;

    CHECK(ut != 0 && frames != 0, "no Untyped");
    TRY(expect_ok(seL4_Untyped_Retype(ut, VM_FRAME_OBJECT, 0, ROOT, 0, 0, frames, 4), "four frames"));
    for (seL4_Word i = 0; i < 4; i++) {
        TRY(expect_ok(vm_map(frames + i, VSPACE, VM_BASE + i * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping"));
        WORD(VM_BASE + i * PAGE) = PATTERN;
    }
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "revoking the Untyped"));
    for (int i = 0; i < 4; i += 3) {
        START(t, i / 3, OP_READ, VM_BASE + (seL4_Word)i * PAGE, 0, fep);
        TRY(expect_vm_fault(fep, VM_BASE + (seL4_Word)i * PAGE, 0, FSR_READ));
        (void)t;
    }
    return NULL;
}

static const char *frame_table_delete_unmaps(void)
{
    seL4_CPtr t = new_pt(), f = new_frame(), fep;

    CHECK(t != 0 && f != 0, "no objects");
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map"));
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE + 3 * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map"));
    WORD(VM_BASE + 3 * PAGE) = PATTERN;
    TRY(expect_ok(seL4_CNode_Delete(ROOT, t, ROOT_DEPTH), "deleting the page table"));
    START(th, 0, OP_READ, VM_BASE + 3 * PAGE, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE + 3 * PAGE, 0, FSR_READ));
    CHECK(th->r[1] == 0, "read went through");
    return NULL;
}

static const char *frame_table_delete_remap(void)
{
    seL4_CPtr t = new_pt(), f = new_frame();

    CHECK(t != 0 && f != 0, "no objects");
    TRY(expect_ok(table_map(t, VSPACE, VM_BASE), "PageTable_Map"));
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, t, ROOT_DEPTH), "deleting the page table"));
    TRY(EXPECT_MISSING(page_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map without its table",
                       seL4_LargePageBits));
    return expect_ok(page_unmap(f), "Page_Unmap of the frame whose table is gone");
}

static const char *frame_large_page(void)
{
    seL4_CPtr l = new_large_frame();
    seL4_Word pa;

    CHECK(l != 0, "no 2 MiB frame");
    pa = frame_paddr(l);
    CHECK(pa != ~0ul && pa % LARGE_PAGE == 0, "GetAddress of the large page is %lx", pa);
    TRY(expect_ok(vm_map(l, VSPACE, VM_BASE + LARGE_PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the large page"));
    WORD(VM_BASE + LARGE_PAGE) = PATTERN;
    WORD(VM_BASE + 2 * LARGE_PAGE - 8) = ~PATTERN;
    CHECK(WORD(VM_BASE + LARGE_PAGE) == PATTERN && WORD(VM_BASE + 2 * LARGE_PAGE - 8) == ~PATTERN,
          "the large page does not hold its data");
    return NULL;
}

static const char *frame_shared_with_threads(void)
{
    MAPPED(f, VM_BASE);
    seL4_CPtr fep;

    WORD(VM_BASE + 40) = PATTERN;
    START(t, 0, OP_READ, VM_BASE + 40, 0, fep);
    TRY(expect_no_fault(fep));
    CHECK(t->r[0] == PATTERN, "the thread read %lx", t->r[0]);
    return NULL;
}

static const char *frame_uncached(void)
{
#if defined(__x86_64__)
    seL4_Word attr = seL4_X86_CacheDisabled;
#else
    seL4_Word attr = seL4_RISCV_Default_VMAttributes;
#endif
    seL4_CPtr f = new_frame();

    CHECK(f != 0, "no frame");
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, attr), "mapping uncached"));
    WORD(VM_BASE + 8) = PATTERN;
    CHECK(WORD(VM_BASE + 8) == PATTERN, "read back %lx", WORD(VM_BASE + 8));
    return NULL;
}

/* ================= PAGEFAULT ================= */

static const char *pagefault_map_and_reply(void)
{
    seL4_CPtr f = new_frame(), fep;

    CHECK(f != 0, "no frame");
    START(t, 0, OP_READ, VM_BASE + 0x7f8, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE + 0x7f8, 0, FSR_READ));
    TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "the handler's Page_Map"));
    WORD(VM_BASE + 0x7f8) = PATTERN;
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    TRY(expect_no_fault(fep));
    CHECK(t->r[1] == 1 && t->r[0] == PATTERN, "after the reply the thread read %lx (done %lu)", t->r[0], t->r[1]);
    return NULL;
}

static const char *pagefault_write_upgrade(void)
{
    seL4_CPtr a, fep;

    TRY(read_only_alias(seL4_AllRights, RIGHTS_RO, &a));
    START(t, 0, OP_WRITE, VM_BASE + PAGE, 0x1234, fep);
    TRY(expect_vm_fault(fep, VM_BASE + PAGE, 0, FSR_WRITE_DENIED));
    TRY(expect_ok(page_map(a, VSPACE, VM_BASE + PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "remapping writable"));
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    TRY(expect_no_fault(fep));
    CHECK(t->r[1] == 1 && WORD(VM_BASE) == 0x1234, "the retried write gave %lx", WORD(VM_BASE));
    return NULL;
}

static const char *pagefault_demand_paging(void)
{
    const seL4_Word pages = 4;
    seL4_CPtr fep;

    START(t, 0, OP_READ, VM_BASE, pages, fep);
    for (seL4_Word i = 0; i < pages; i++) {
        TRY(expect_vm_fault(fep, VM_BASE + i * PAGE, 0, FSR_READ));
        CHECK(t->r[1] == i, "%lu reads done at fault %lu", t->r[1], i);
        seL4_CPtr f = mapped_frame(VM_BASE + i * PAGE);
        CHECK(f != 0, "the handler could not map page %lu", i);
        WORD(VM_BASE + i * PAGE) = PATTERN + i;
        seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    }
    TRY(expect_no_fault(fep));
    CHECK(t->done && t->r[1] == pages && t->r[0] == PATTERN + pages - 1, "done %lu reads %lu last %lx", t->done,
          t->r[1], t->r[0]);
    return NULL;
}

/* ================= ISOL ================= */

static volatile seL4_Word shared_word;

#define ISOL_BADGE 0x150ul

/* The endpoint a second-space thread Calls (a badged copy in *thread_cap). */
static seL4_CPtr isol_endpoint(seL4_CPtr *thread_cap)
{
    seL4_CPtr ep = new_endpoint();

    *thread_cap = slot_alloc();
    if (ep == 0 || *thread_cap == 0 ||
        seL4_CNode_Mint(ROOT, *thread_cap, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights, ISOL_BADGE) != seL4_NoError) {
        return 0;
    }
    return ep;
}

/* Take the thread's Call: its MR0 in *value. */
static const char *isol_take(seL4_CPtr ep, seL4_Word *value)
{
    seL4_Word badge = 0;

    seL4_NBRecv(ep, &badge);
    CHECK(badge == ISOL_BADGE, "no message from the thread in the second space (badge %lx)", badge);
    *value = seL4_GetMR(0);
    return NULL;
}

/* Reply to the thread: read `next` (0: stop). */
static void isol_reply(seL4_Word next)
{
    seL4_SetMR(0, next);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
}

/* A second space and its thread, which reads first (an address of the
 * image unless a test says otherwise) and Calls ep. */
#define ISOL_START(s, t, first, ep, fep)                                            \
    struct vm_space s;                                                              \
    seL4_CPtr tcap_, fep;                                                           \
    seL4_CPtr ep = isol_endpoint(&tcap_);                                           \
    CHECK(ep != 0, "no endpoint");                                                  \
    TRY(vm_space_new(&s));                                                          \
    vm_thread *t = vm_space_thread(&s, 0, OP_ISOL, (first), tcap_, &fep);           \
    CHECK(t != NULL, "%s", vm_error())

static const char *isol_runs_and_calls(void)
{
    seL4_Word v;

    shared_word = PATTERN;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(expect_no_fault(fep));
    TRY(isol_take(ep, &v));
    CHECK(v == PATTERN, "the thread sent %lx, want %lx", v, PATTERN);
    isol_reply(0);
    CHECK(t->done == 1, "the thread did not finish after the reply");
    return NULL;
}

static const char *isol_root_frame_invisible(void)
{
    MAPPED(f, VM_BASE);
    seL4_Word v;

    WORD(VM_BASE) = PATTERN;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(expect_vm_fault(fep, VM_BASE, 0, FSR_READ));
    CHECK(t->r[1] == 1, "the thread read the root's frame (%lu reads)", t->r[1]);
    return NULL;
}

static const char *isol_same_va_different_frames(void)
{
    MAPPED(f, VM_BASE);
    seL4_Word v;

    WORD(VM_BASE) = 0xaaaa;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    seL4_CPtr g = new_frame();
    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, s.root, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the second space"));
    seL4_CPtr gcopy = copy_cap(g, seL4_AllRights);
    CHECK(gcopy != 0, "no copy");
    TRY(expect_ok(page_map(gcopy, VSPACE, VM_BASE + PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "an alias for the root"));
    WORD(VM_BASE + PAGE) = 0xbbbb;
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));
    CHECK(v == 0xbbbb, "the second space reads %lx at %lx, want its own frame's bbbb", v, VM_BASE);
    CHECK(WORD(VM_BASE) == 0xaaaa, "the root reads %lx at %lx", WORD(VM_BASE), VM_BASE);
    isol_reply(0);
    return NULL;
}

static const char *isol_shares_image(void)
{
    seL4_Word v;

    shared_word = 1;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(isol_take(ep, &v));
    CHECK(v == 1, "first read %lx", v);
    shared_word = PATTERN;
    isol_reply((seL4_Word)&shared_word);
    TRY(isol_take(ep, &v));
    CHECK(v == PATTERN, "the thread read %lx after the root wrote %lx", v, PATTERN);
    isol_reply(0);
    return NULL;
}

static const char *isol_second_frames_invisible(void)
{
    seL4_Word v;
    seL4_CPtr fep2;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    seL4_CPtr g = new_frame();
    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, s.root, VM_BASE + 2 * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the second space"));
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE + 2 * PAGE);
    TRY(isol_take(ep, &v));             /* the second space can read it */
    isol_reply(0);
    vm_thread *r = vm_thread_start(1, OP_READ, VM_BASE + 2 * PAGE, 0, &fep2);
    CHECK(r != NULL, "%s", vm_error());
    return expect_vm_fault(fep2, VM_BASE + 2 * PAGE, 0, FSR_READ);
}

static const char *isol_unmap_while_inactive(void)
{
    seL4_Word v;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    seL4_CPtr g = new_frame();
    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, s.root, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the second space"));
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));             /* read once: cached in the TLB */
    TRY(expect_ok(page_unmap(g), "Page_Unmap while the root's space is active"));
    isol_reply(VM_BASE);
    TRY(expect_vm_fault(fep, VM_BASE, 0, FSR_READ));
    CHECK(t->r[1] == 2, "the thread read the unmapped frame (%lu reads)", t->r[1]);
    return NULL;
}

static const char *isol_kernel_window(void)
{
    MAPPED(f, VM_BASE);
    seL4_Word pa = frame_paddr(f), fep;

    CHECK(pa != ~0ul, "no address");
    WORD(VM_BASE) = PATTERN;
    START(t, 0, OP_READ, KERNEL_WINDOW + pa, 0, fep);
    TRY(expect_vm_fault(fep, KERNEL_WINDOW + pa, 0, FSR_READ_DENIED));
    CHECK(t->r[1] == 0, "user mode read the kernel window (%lx)", t->r[0]);
    return NULL;
}

static const char *isol_kernel_image_write(void)
{
    seL4_CPtr fep;

    START(t, 0, OP_WRITE, KERNEL_IMAGE, 0, fep);
    TRY(expect_vm_fault(fep, KERNEL_IMAGE, 0, FSR_WRITE_DENIED));
    CHECK(t->r[1] == 0, "user mode wrote the kernel image");
    return NULL;
}

static const char *isol_kernel_from_second_space(void)
{
    seL4_Word v;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(isol_take(ep, &v));
    isol_reply(KERNEL_IMAGE);
    TRY(expect_vm_fault(fep, KERNEL_IMAGE, 0, FSR_READ_DENIED));
    CHECK(t->r[1] == 1, "the second space read kernel memory");
    return NULL;
}

/* A frame mapped at va in space root, holding value (written through an
 * alias the root maps at alias_va). */
static const char *frame_in(seL4_CPtr root, seL4_Word va, seL4_Word alias_va, seL4_Word value)
{
    seL4_CPtr g = new_frame(), c;

    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, root, va, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the other space"));
    c = copy_cap(g, seL4_AllRights);
    CHECK(c != 0, "no copy");
    TRY(expect_ok(vm_map(c, VSPACE, alias_va, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping an alias for the root"));
    WORD(alias_va) = value;
    return NULL;
}

static const char *isol_move_self(void)
{
    MAPPED(f, VM_BASE);
    struct vm_space s;
    seL4_CPtr fep;

    WORD(VM_BASE) = 0xaaaa;
    TRY(vm_space_new(&s));
    TRY(frame_in(s.root, VM_BASE, VM_BASE + PAGE, 0xbbbb));
    START(t, 0, OP_MOVE, VM_BASE, s.root, fep);
    TRY(expect_no_fault(fep));
    CHECK(t->r[2] == seL4_NoError, "SetSpace on itself gave %s", error_name((seL4_Error)t->r[2]));
    CHECK(t->r[1] == 1 && t->r[0] == 0xbbbb,
          "after SetSpace to the second space the thread read %lx at %lx (aaaa: still in the old space)", t->r[0],
          VM_BASE);
    return NULL;
}

static const char *isol_set_space_blocked(void)
{
    struct vm_space s2;
    seL4_Word v;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(frame_in(s.root, VM_BASE, VM_BASE + PAGE, 0x1111));
    TRY(vm_space_make(&s2, seL4_CapInitThreadASIDPool, &s));
    TRY(frame_in(s2.root, VM_BASE, VM_BASE + 2 * PAGE, 0x2222));
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));
    CHECK(v == 0x1111, "in the first space the thread read %lx", v);
    TRY(expect_ok(seL4_TCB_SetSpace(t->tcb, t->fault_cap, ROOT, 0, s2.root, 0), "SetSpace"));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));
    CHECK(v == 0x2222, "after SetSpace the thread read %lx, want the new space's 2222", v);
    isol_reply(0);
    return NULL;
}

static const char *isol_pool_deleted(void)
{
    struct vm_space s;
    seL4_CPtr pool, tcap, fep, badge = 0;
    seL4_CPtr ep = isol_endpoint(&tcap);
    seL4_Word v;

    CHECK(ep != 0, "no endpoint");
    TRY(make_pool(&pool));
    TRY(vm_space_make(&s, pool, NULL));
    vm_thread *t = vm_space_thread(&s, 0, OP_ISOL, (seL4_Word)&shared_word, tcap, &fep);
    CHECK(t != NULL, "%s", vm_error());
    TRY(isol_take(ep, &v));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, pool, ROOT_DEPTH), "deleting the pool"));
    isol_reply((seL4_Word)&shared_word);
    seL4_MessageInfo_t tag = seL4_NBRecv(fep, &badge);
    CHECK(badge == FAULT_EP_BADGE && seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault,
          "no VMFault (badge %lx label %lu; reads %lu): the thread ran without its address space", badge,
          (seL4_Word)seL4_MessageInfo_get_label(tag), t->r[1]);
    CHECK(seL4_GetMR(seL4_VMFault_PrefetchFault) == 1, "PrefetchFault %lu at %lx, want an instruction fetch fault",
          seL4_GetMR(seL4_VMFault_PrefetchFault), seL4_GetMR(seL4_VMFault_Addr));
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
    { "FRAME0001 a mapped frame holds what is written", frame_write_read },
    { "FRAME0002 a frame made again from used memory reads as zero", frame_zeroed },
    { "FRAME0003 GetAddress is page-aligned, in RAM and in no used region", frame_address_in_ram },
    { "FRAME0004 two frames have different physical addresses", frame_addresses_differ },
    { "FRAME0005 a copy of a frame has its physical address", frame_copy_address },
    { "FRAME0006 a frame mapped at two addresses shows the same data", frame_alias },
    { "FRAME0007 after Page_Unmap a read faults", frame_unmap_faults },
    { "FRAME0008 a frame mapped again keeps its data", frame_unmap_remap_keeps_data },
    { "FRAME0009 an address mapped to another frame reads the new frame", frame_remap_other_frame },
    { "FRAME0010 Page_Unmap of an unmapped frame succeeds", frame_unmap_twice },
    { "FRAME0011 an unmapped frame maps at another address", frame_move_address },
    { "FRAME0012 a read-only mapping can be read", frame_read_only_reads },
    { "FRAME0013 a write to a read-only mapping faults", frame_read_only_write_faults },
    { "FRAME0014 a read-only capability maps read-only", frame_read_only_cap },
    { "FRAME0015 remapping with fewer rights takes effect", frame_remap_fewer_rights },
    { "FRAME0016 a mapping without rights cannot be read", frame_no_rights },
    { "FRAME0017 execute-never: a jump to the frame is a prefetch VMFault", frame_execute_never },
    { "FRAME0018 without execute-never the frame's code runs", frame_executes },
    { "FRAME0019 deleting a mapped frame capability unmaps it", frame_delete_unmaps },
    { "FRAME0020 revoking the Untyped unmaps its frames", frame_revoke_unmaps },
    { "FRAME0021 deleting a page table unmaps the frames under it", frame_table_delete_unmaps },
    { "FRAME0022 a frame whose table was deleted: Map is FailedLookup, Unmap succeeds", frame_table_delete_remap },
    { "FRAME0023 a 2 MiB page maps whole, at a 2 MiB-aligned address", frame_large_page },
    { "FRAME0024 another thread of the space sees the mapping", frame_shared_with_threads },
    { "FRAME0025 a mapping with the uncached attribute holds data", frame_uncached },
    { "FRAME0026 remapping execute-never stops code that ran before", frame_remap_execute_never },
    { "FRAME0027 a mapping with write but not read rights gives no access", frame_write_only_rights },
    { "PAGEFAULT0001 the handler maps the page and replies: the read completes", pagefault_map_and_reply },
    { "PAGEFAULT0002 the handler remaps writable and replies: the write lands", pagefault_write_upgrade },
    { "PAGEFAULT0003 demand paging: one fault per page, in order", pagefault_demand_paging },
    { "ISOL0001 a thread in a second address space runs and Calls the root", isol_runs_and_calls },
    { "ISOL0002 it cannot read a frame mapped only in the root's space", isol_root_frame_invisible },
    { "ISOL0003 one address maps different frames in the two spaces", isol_same_va_different_frames },
    { "ISOL0004 the two spaces share the image frames", isol_shares_image },
    { "ISOL0005 the root's space cannot read the second space's frame", isol_second_frames_invisible },
    { "ISOL0006 an unmap in an inactive space takes effect", isol_unmap_while_inactive },
    { "ISOL0007 user mode cannot read a frame through the kernel window", isol_kernel_window },
    { "ISOL0008 user mode cannot write the kernel image", isol_kernel_image_write },
    { "ISOL0009 the second space cannot read the kernel image", isol_kernel_from_second_space },
    { "ISOL0010 a thread that moves itself to another space runs there at once", isol_move_self },
    { "ISOL0011 SetSpace moves a blocked thread to another space", isol_set_space_blocked },
    { "ISOL0012 a thread whose ASID pool was deleted faults on its next fetch", isol_pool_deleted },
};

TEST_SUITE_AFTER_EACH(vspace_suite, tests, vm_cleanup);
