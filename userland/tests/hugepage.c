/*
 * 1 GiB pages (riscv64 seL4_RISCV_Giga_Page, x86_64 seL4_X64_HugePageObject),
 * in the FRAME and VSPACE categories: data through a 1 GiB mapping, unmap,
 * remap, delete, and Page_Map's errors for the biggest page.
 *
 * They need a 1 GiB RAM Untyped (riscv64: -m 2G; x86_64: -m 3G, RAM at
 * [4 GiB, 5 GiB); aarch64: -m 3G) and, on x86_64, a CPU with 1 GiB pages
 * (-cpu ...,+pdpe1gb); without them each test skips and says why.
 * FRAME0031 runs everywhere.
 *
 * Every test that gets a 1 GiB frame costs the kernel a 1 GiB clear (its
 * boot Untyped is reset each time), so the checks are grouped in few tests.
 */
#include "vm_tests.h"

/* Two free 1 GiB-aligned addresses: no page tables cover VM_FAR (vm.h). */
#define HUGE_VA VM_FAR
#define HUGE_VA2 (VM_FAR + HUGE_PAGE)
#define MIDDLE (HUGE_PAGE / 2 + 3 * PAGE + 16)  /* an offset no 2 MiB page would reach */

/* A new 1 GiB frame in *f, or a skip when this run cannot have one. */
static const char *huge_frame(seL4_CPtr *f)
{
    if (!cpu_has_huge_pages()) {
        return test_skip("the CPU has no 1 GiB pages (x86_64: QEMU -cpu <model>,+pdpe1gb)");
    }
    if (!has_big_untyped(seL4_HugePageBits)) {
        return test_skip("no 1 GiB RAM Untyped in the bootinfo (riscv64: -m 2G; x86_64 and aarch64: -m 3G)");
    }
    seL4_CPtr ut = big_untyped(seL4_HugePageBits);
    *f = slot_alloc();
    CHECK(ut != 0 && *f != 0, "no 1 GiB Untyped from the boot Untyped that has room for it");
    return expect_ok(retype_one(ut, VM_HUGE_OBJECT, 0, *f), "Retype of a 1 GiB frame");
}

/* A new 1 GiB frame mapped read-write at va, or fail (or skip) the test. */
#define HUGE_MAPPED(f, va)                                                                     \
    seL4_CPtr f = 0;                                                                           \
    TRY(huge_frame(&f));                                                                       \
    TRY(expect_ok(vm_map(f, VSPACE, (va), RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the 1 GiB page"))

/* ================= FRAME ================= */

static const char *huge_holds_data(void)
{
    HUGE_MAPPED(f, HUGE_VA);
    seL4_Word pa = frame_paddr(f);

    CHECK(pa != ~0ul && pa % HUGE_PAGE == 0, "GetAddress of the 1 GiB page is %lx", pa);
    for (seL4_Word i = 0; i < 16; i++) {
        seL4_Word off = i * (HUGE_PAGE / 16) + i * PAGE;
        CHECK(WORD(HUGE_VA + off) == 0, "a new 1 GiB page reads %lx at offset %lx", WORD(HUGE_VA + off), off);
    }
    WORD(HUGE_VA) = PATTERN;
    WORD(HUGE_VA + MIDDLE) = PATTERN + 1;
    WORD(HUGE_VA + HUGE_PAGE - 8) = ~PATTERN;
    CHECK(WORD(HUGE_VA) == PATTERN && WORD(HUGE_VA + MIDDLE) == PATTERN + 1 &&
          WORD(HUGE_VA + HUGE_PAGE - 8) == ~PATTERN, "read back %lx %lx %lx", WORD(HUGE_VA),
          WORD(HUGE_VA + MIDDLE), WORD(HUGE_VA + HUGE_PAGE - 8));
    return NULL;
}

static const char *huge_unmap_remap(void)
{
    HUGE_MAPPED(f, HUGE_VA);
    seL4_CPtr fep;

    WORD(HUGE_VA + MIDDLE) = PATTERN;           /* the translation is in the TLB */
    WORD(HUGE_VA + HUGE_PAGE - 8) = ~PATTERN;
    TRY(expect_ok(page_unmap(f), "Page_Unmap"));
    START(t, 0, OP_READ, HUGE_VA + MIDDLE, 0, fep);
    TRY(expect_vm_fault(fep, HUGE_VA + MIDDLE, 0, FSR_READ));
    CHECK(t->r[1] == 0, "the read after Page_Unmap went through");
    TRY(expect_ok(vm_map(f, VSPACE, HUGE_VA2, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map at another 1 GiB boundary"));
    CHECK(WORD(HUGE_VA2 + MIDDLE) == PATTERN && WORD(HUGE_VA2 + HUGE_PAGE - 8) == ~PATTERN,
          "at its new address the page reads %lx %lx", WORD(HUGE_VA2 + MIDDLE), WORD(HUGE_VA2 + HUGE_PAGE - 8));
    TRY(expect_ok(page_unmap(f), "Page_Unmap at the new address"));
    TRY(expect_ok(page_map(f, VSPACE, HUGE_VA, RIGHTS_ALL, VM_ATTR_DEFAULT), "Page_Map back at the first address"));
    CHECK(WORD(HUGE_VA + MIDDLE) == PATTERN, "mapped back the page reads %lx", WORD(HUGE_VA + MIDDLE));
    return NULL;
}

static const char *huge_delete_unmaps(void)
{
    HUGE_MAPPED(f, HUGE_VA);
    seL4_CPtr fep;

    WORD(HUGE_VA + MIDDLE) = PATTERN;
    TRY(expect_ok(seL4_CNode_Delete(ROOT, f, ROOT_DEPTH), "deleting the 1 GiB frame capability"));
    START(t, 0, OP_READ, HUGE_VA + MIDDLE, 0, fep);
    TRY(expect_vm_fault(fep, HUGE_VA + MIDDLE, 0, FSR_READ));
    CHECK(t->r[1] == 0, "the read after the delete went through");
    return NULL;
}

/* The type's check comes before the memory's, so any Untyped shows whether
 * the kernel offers it: without CPU support it is as unknown as in a seL4
 * built without CONFIG_HUGE_PAGE. */
static const char *huge_type_offered(void)
{
    /* Without 1 GiB pages any Untyped shows it (ia32's large pages are 4 MiB). */
    seL4_CPtr ut = ut_alloc(cpu_has_huge_pages() ? seL4_LargePageBits : seL4_PageBits), slot = slot_alloc();

    CHECK(ut != 0 && slot != 0, "no Untyped");
    if (!cpu_has_huge_pages()) {
        return EXPECT_ERROR(retype_one(ut, VM_HUGE_OBJECT, 0, slot), seL4_InvalidArgument,
                            "Retype of a 1 GiB frame on a CPU without 1 GiB pages", 0);
    }
    return EXPECT_ERROR(retype_one(ut, VM_HUGE_OBJECT, 0, slot), seL4_NotEnoughMemory,
                        "Retype of a 1 GiB frame from 2 MiB", LARGE_PAGE);
}

/* ================= VSPACE ================= */

static const char *huge_bad_address(void)
{
    seL4_CPtr f = 0;

    TRY(huge_frame(&f));
    TRY(EXPECT_PLAIN_ERROR(page_map(f, VSPACE, HUGE_VA + LARGE_PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT),
                           seL4_AlignmentError, "a 1 GiB page at a 2 MiB-aligned address"));
    return EXPECT_ERROR(page_map(f, VSPACE, seL4_UserTop & ~(HUGE_PAGE - 1), RIGHTS_ALL, VM_ATTR_DEFAULT),
                        seL4_InvalidArgument, "a 1 GiB page that ends above seL4_UserTop", 0);
}

/* The first GiB holds the image's page tables: x86_64 seL4 answers
 * DeleteFirst; RISC-V (and aarch64) seL4 reports the level-1 entry for address 0 (no
 * table there) as missing, 21 bits left. The refused Map leaves the frame
 * unmapped: it maps elsewhere afterwards. */
static const char *huge_over_table(void)
{
    seL4_CPtr f = 0;

    TRY(huge_frame(&f));
#if !defined(__x86_64__)
    TRY(EXPECT_MISSING(page_map(f, VSPACE, 0, RIGHTS_ALL, VM_ATTR_DEFAULT), "a 1 GiB page over a page table",
                       seL4_LargePageBits));
#else
    TRY(EXPECT_PLAIN_ERROR(page_map(f, VSPACE, 0, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_DeleteFirst,
                           "a 1 GiB page over a page directory"));
#endif
    return expect_ok(vm_map(f, VSPACE, HUGE_VA, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping it at a free address after");
}

/* The table level right below a 1 GiB page. */
#if !defined(__x86_64__)
#define INNER_TABLE_OBJECT TEST_PT_OBJECT
#define inner_table_map(t, va) table_map((t), VSPACE, (va))
#else
#define INNER_TABLE_OBJECT seL4_X86_PageDirectoryObject
#define inner_table_map(t, va) seL4_X86_PageDirectory_Map((t), VSPACE, (va), seL4_X86_Default_VMAttributes)
#endif

static const char *huge_inside(void)
{
    HUGE_MAPPED(f, HUGE_VA);
    seL4_CPtr g = new_frame(), copy = copy_cap(f, seL4_AllRights), t = new_object(INNER_TABLE_OBJECT, 0);

    CHECK(g != 0 && copy != 0 && t != 0, "no frame, copy or table");
    WORD(HUGE_VA + MIDDLE) = PATTERN;
    TRY(EXPECT_MISSING(page_map(g, VSPACE, HUGE_VA + MIDDLE - 16, RIGHTS_ALL, VM_ATTR_DEFAULT),
                       "a 4 KiB page inside a 1 GiB page", seL4_HugePageBits));
    TRY(EXPECT_PLAIN_ERROR(inner_table_map(t, HUGE_VA + LARGE_PAGE), seL4_DeleteFirst,
                           "a table where a 1 GiB page is"));
    TRY(EXPECT_PLAIN_ERROR(page_map(copy, VSPACE, HUGE_VA, RIGHTS_ALL, VM_ATTR_DEFAULT), seL4_DeleteFirst,
                           "a second 1 GiB mapping over the first"));
    CHECK(WORD(HUGE_VA + MIDDLE) == PATTERN, "after the refused maps the page reads %lx", WORD(HUGE_VA + MIDDLE));
    return NULL;
}

static const struct test tests[] = {
    { "FRAME0028 a 1 GiB page: 1 GiB-aligned GetAddress, zero, holds data at both ends and the middle",
      huge_holds_data },
    { "FRAME0029 a 1 GiB page unmapped faults; mapped again elsewhere and back it keeps its data", huge_unmap_remap },
    { "FRAME0030 deleting a mapped 1 GiB page capability unmaps it", huge_delete_unmaps },
    { "FRAME0031 the 1 GiB frame type: InvalidArgument 0 on a CPU without 1 GiB pages, else NotEnoughMemory from 2 MiB",
      huge_type_offered },
    { "VSPACE0038 a 1 GiB page at a 2 MiB boundary is AlignmentError, past seL4_UserTop InvalidArgument 0",
      huge_bad_address },
    { "VSPACE0039 a 1 GiB page where page tables are is refused as seL4 does", huge_over_table },
    { "VSPACE0040 inside a 1 GiB page: a 4 KiB page is FailedLookup 30, a table or another 1 GiB page DeleteFirst",
      huge_inside },
};

TEST_SUITE_AFTER_EACH(hugepage_suite, tests, vm_cleanup);
