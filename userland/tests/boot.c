/*
 * BOOT: what the root task finds when it starts. The boot information frame
 * (seL4's layout), the initial CSpace (checked slot by slot with
 * seL4_DebugCapIdentify), the untyped memory against Keel's account of
 * physical memory (the keel_meminfo extra-bootinfo chunk), the virtual
 * layout (image, IPC buffer, bootinfo frame), and the first system calls.
 */
#include <stdbool.h>
#include "test.h"

#define PAGE_SIZE (1ul << seL4_PageBits)

#ifndef KEEL_TEST_SLOT7_CAP
#error "meson passes the type slot 7 holds on this architecture"
#endif

/* From user.ld: the first and one-past-the-last byte of the image. */
extern char __keel_image_start[], __keel_image_end[];

static const seL4_BootInfo *bi(void)
{
    return seL4_GetBootInfo();
}

static seL4_Word page_up(seL4_Word a)
{
    return (a + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
}

static seL4_Word region_len(seL4_SlotRegion r)
{
    return r.end - r.start;
}

static seL4_Word cnode_slots(void)
{
    return 1ul << bi()->initThreadCNodeSizeBits;
}

static const char *boot_info_node(void)
{
    CHECK(bi()->nodeID == 0, "nodeID is %lu", bi()->nodeID);
    CHECK(bi()->numNodes == 1, "numNodes is %lu", bi()->numNodes);
    CHECK(bi()->initThreadDomain == 0, "initThreadDomain is %lu", bi()->initThreadDomain);
    CHECK(bi()->numIOPTLevels == 0, "numIOPTLevels is %lu", bi()->numIOPTLevels);
    return NULL;
}

static const char *boot_cnode_size(void)
{
    CHECK(bi()->initThreadCNodeSizeBits == CONFIG_ROOT_CNODE_SIZE_BITS,
          "initThreadCNodeSizeBits is %lu", bi()->initThreadCNodeSizeBits);
    return NULL;
}

static const char *boot_ipc_buffer_place(void)
{
    seL4_Word want = page_up((seL4_Word)__keel_image_end);

    CHECK((seL4_Word)bi()->ipcBuffer == want, "ipcBuffer is %p, image ends at %p",
          (void *)bi()->ipcBuffer, (void *)__keel_image_end);
    return NULL;
}

static const char *boot_bootinfo_place(void)
{
    seL4_Word want = (seL4_Word)bi()->ipcBuffer + PAGE_SIZE;

    CHECK((seL4_Word)bi() == want, "bootinfo at %p, IPC buffer at %p", (void *)bi(), (void *)bi()->ipcBuffer);
    return NULL;
}

static const char *boot_runtime_pointers(void)
{
    CHECK(seL4_GetIPCBuffer() == bi()->ipcBuffer, "seL4_GetIPCBuffer() is %p", (void *)seL4_GetIPCBuffer());
    CHECK(seL4_GetBootInfo() != NULL, "seL4_GetBootInfo() is NULL");
    return NULL;
}

/* The slot regions of the bootinfo frame, with their names for messages. */
#define NUM_REGIONS 7
static void slot_regions(seL4_SlotRegion r[NUM_REGIONS], const char *name[NUM_REGIONS])
{
    const seL4_BootInfo *b = bi();
    const seL4_SlotRegion all[NUM_REGIONS] = {
        b->userImagePaging, b->userImageFrames, b->untyped, b->empty,
        b->sharedFrames, b->ioSpaceCaps, b->extraBIPages,
    };
    static const char *const names[NUM_REGIONS] = {
        "userImagePaging", "userImageFrames", "untyped", "empty",
        "sharedFrames", "ioSpaceCaps", "extraBIPages",
    };

    for (int i = 0; i < NUM_REGIONS; i++) {
        r[i] = all[i];
        name[i] = names[i];
    }
}

/* The slot of the keel_parent chunk's endpoint, or 0 (not a subsystem). */
static seL4_Word parent_slot(void)
{
    const keel_parent *p = (const keel_parent *)keel_bootinfo_chunk(bi(), KEEL_BOOTINFO_HEADER_PARENT);

    return p != NULL ? p->exit_endpoint : 0;
}

/* Every slot from seL4_NumInitialCaps to the end of the CNode belongs to
 * exactly one region (or is the keel_parent endpoint): walk from slot 16,
 * always to the region starting there. */
static const char *boot_regions_tile(void)
{
    seL4_SlotRegion r[NUM_REGIONS];
    const char *name[NUM_REGIONS];
    seL4_Word pos = seL4_NumInitialCaps;

    slot_regions(r, name);
    for (int i = 0; i < NUM_REGIONS; i++) {
        CHECK(r[i].start <= r[i].end && r[i].end <= cnode_slots(), "%s is [%lu, %lu)", name[i], r[i].start, r[i].end);
    }
    while (pos < cnode_slots()) {
        int next = -1;
        if (pos != 0 && pos == parent_slot()) {
            pos++;
            continue;
        }
        for (int i = 0; i < NUM_REGIONS; i++) {
            if (r[i].start == pos && region_len(r[i]) > 0) {
                CHECK(next < 0, "%s and %s both start at slot %lu", name[next], name[i], pos);
                next = i;
            }
        }
        CHECK(next >= 0, "slot %lu is in no region", pos);
        pos = r[next].end;
    }
    return NULL;
}

static const char *boot_regions_order(void)
{
    const seL4_BootInfo *b = bi();

    CHECK(b->userImagePaging.start == seL4_NumInitialCaps, "userImagePaging starts at %lu", b->userImagePaging.start);
    CHECK(region_len(b->userImagePaging) > 0, "no page-table caps for the image");
    CHECK(b->userImagePaging.end <= b->userImageFrames.start, "userImagePaging ends after userImageFrames starts");
    CHECK(b->userImageFrames.end <= b->untyped.start, "userImageFrames ends after untyped starts");
    CHECK(b->untyped.end <= b->empty.start, "untyped ends after empty starts");
    CHECK(b->empty.end == cnode_slots(), "empty ends at %lu, not at the end of the CNode", b->empty.end);
    return NULL;
}

static seL4_Word untyped_count(void)
{
    return region_len(bi()->untyped);
}

static const char *boot_untyped_list_length(void)
{
    seL4_Word n = untyped_count();

    CHECK(n >= 1 && n <= CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS, "%lu untyped caps", n);
    for (seL4_Word i = 0; i < CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS; i++) {
        const seL4_UntypedDesc *d = &bi()->untypedList[i];
        if (i < n) {
            CHECK(d->sizeBits != 0, "untypedList[%lu] is empty but the region has %lu", i, n);
        } else {
            CHECK(d->sizeBits == 0 && d->paddr == 0, "untypedList[%lu] is set past the region's %lu", i, n);
        }
    }
    return NULL;
}

static const char *boot_image_frames(void)
{
    seL4_Word pages = (page_up((seL4_Word)__keel_image_end) - (seL4_Word)__keel_image_start) / PAGE_SIZE;

    CHECK(region_len(bi()->userImageFrames) == pages, "%lu frame caps for an image of %lu pages",
          region_len(bi()->userImageFrames), pages);
    return NULL;
}

/* The cap type in each of a range of slots must be `type`. */
static const char *slots_hold(seL4_Word start, seL4_Word end, seL4_Uint32 type)
{
    for (seL4_Word slot = start; slot < end; slot++) {
        seL4_Uint32 got = seL4_DebugCapIdentify(slot);
        CHECK(got == type, "slot %lu holds cap type %u, not %u", slot, got, type);
    }
    return NULL;
}

static const char *boot_null_initial_slots(void)
{
    static const seL4_CPtr null_slots[] = { seL4_CapNull, seL4_CapIOSpace, 12, 13, 14, 15 };
    const char *why;

    for (unsigned i = 0; i < sizeof(null_slots) / sizeof(null_slots[0]); i++) {
        if ((why = slots_hold(null_slots[i], null_slots[i] + 1, KEEL_CAP_NULL)) != NULL) {
            return why;
        }
    }
    return NULL;
}

static const char *boot_initial_caps(void)
{
    static const struct { seL4_CPtr slot; seL4_Uint32 type; } caps[] = {
        { seL4_CapInitThreadTCB, KEEL_CAP_THREAD },
        { seL4_CapInitThreadCNode, KEEL_CAP_CNODE },
        { seL4_CapInitThreadVSpace, KEEL_CAP_PAGE_TABLE },
        { seL4_CapIRQControl, KEEL_CAP_IRQ_CONTROL },
        { seL4_CapASIDControl, KEEL_CAP_ASID_CONTROL },
        { seL4_CapInitThreadASIDPool, KEEL_CAP_ASID_POOL },
        { seL4_CapBootInfoFrame, KEEL_CAP_FRAME },
        { seL4_CapInitThreadIPCBuffer, KEEL_CAP_FRAME },
        { seL4_CapDomain, KEEL_CAP_DOMAIN },
    };
    const char *why;

    for (unsigned i = 0; i < sizeof(caps) / sizeof(caps[0]); i++) {
        if (caps[i].slot == seL4_CapIRQControl && test_cap_withheld(caps[i].slot)) {
            continue;
        }
        if ((why = slots_hold(caps[i].slot, caps[i].slot + 1, caps[i].type)) != NULL) {
            return why;
        }
    }
    return NULL;
}

static const char *boot_slot7(void)
{
    if (KEEL_TEST_SLOT7_CAP != KEEL_CAP_NULL && test_cap_withheld(seL4_CapIOPortControl)) {
        return test_skip("started by a parent task that kept IOPortControl");
    }
    return slots_hold(seL4_CapIOPortControl, seL4_CapIOPortControl + 1, KEEL_TEST_SLOT7_CAP);
}

static const char *boot_empty_slots(void)
{
    return slots_hold(bi()->empty.start, bi()->empty.end, KEEL_CAP_NULL);
}

static const char *boot_untyped_slots(void)
{
    return slots_hold(bi()->untyped.start, bi()->untyped.end, KEEL_CAP_UNTYPED);
}

static const char *boot_frame_slots(void)
{
    return slots_hold(bi()->userImageFrames.start, bi()->userImageFrames.end, KEEL_CAP_FRAME);
}

static const char *boot_paging_slots(void)
{
    return slots_hold(bi()->userImagePaging.start, bi()->userImagePaging.end, KEEL_CAP_PAGE_TABLE);
}

/* ---- untyped memory ---- */

static seL4_Word ut_start(seL4_Word i)
{
    return bi()->untypedList[i].paddr;
}

static seL4_Word ut_size(seL4_Word i)
{
    seL4_Uint8 bits = bi()->untypedList[i].sizeBits;

    return bits < seL4_WordBits ? 1ul << bits : 0;
}

static seL4_Word ut_end(seL4_Word i)
{
    return ut_start(i) + ut_size(i);
}

static const char *boot_untyped_disjoint(void)
{
    for (seL4_Word i = 0; i < untyped_count(); i++) {
        for (seL4_Word j = i + 1; j < untyped_count(); j++) {
            CHECK(ut_end(i) <= ut_start(j) || ut_end(j) <= ut_start(i),
                  "untyped %lu [%lx, %lx) overlaps untyped %lu [%lx, %lx)",
                  i, ut_start(i), ut_end(i), j, ut_start(j), ut_end(j));
        }
    }
    return NULL;
}

static const char *boot_untyped_aligned(void)
{
    for (seL4_Word i = 0; i < untyped_count(); i++) {
        CHECK(ut_size(i) != 0 && (ut_start(i) & (ut_size(i) - 1)) == 0,
              "untyped %lu at %lx is not aligned to 2^%u", i, ut_start(i), bi()->untypedList[i].sizeBits);
    }
    return NULL;
}

static const char *boot_untyped_bounds(void)
{
    for (seL4_Word i = 0; i < untyped_count(); i++) {
        seL4_Uint8 bits = bi()->untypedList[i].sizeBits;
        CHECK(bits >= seL4_MinUntypedBits && bits <= seL4_MaxUntypedBits, "untyped %lu has sizeBits %u", i, bits);
    }
    return NULL;
}

/* ---- physical memory: the keel_meminfo chunk of the extra bootinfo ---- */

static const seL4_BootInfoHeader *extra_chunk(seL4_Word offset)
{
    return (const seL4_BootInfoHeader *)((const char *)bi() + PAGE_SIZE + offset);
}

/* The extra bootinfo is a run of chunks, each a header and its data. */
static const char *boot_extra_chunks(void)
{
    seL4_Word off = 0;

    while (off < bi()->extraLen) {
        const seL4_BootInfoHeader *h = extra_chunk(off);
        CHECK(h->len >= sizeof(*h) && h->len % sizeof(seL4_Word) == 0,
              "chunk at offset %lu (id %lx) has length %lu", off, h->id, h->len);
        off += h->len;
    }
    CHECK(off == bi()->extraLen, "chunks end at %lu, extraLen is %lu", off, bi()->extraLen);
    return NULL;
}

static const keel_meminfo *meminfo(void)
{
    const seL4_BootInfoHeader *h = keel_bootinfo_chunk(bi(), KEEL_BOOTINFO_HEADER_MEMINFO);

    return h != NULL && h->len >= sizeof(keel_meminfo) ? (const keel_meminfo *)h : NULL;
}

/* A list of regions must be non-empty each, sorted and disjoint. */
static const char *regions_sorted(const char *what, const keel_mem_region *r, seL4_Word n)
{
    for (seL4_Word i = 0; i < n; i++) {
        CHECK(r[i].start < r[i].end, "%s[%lu] is [%lx, %lx)", what, i, r[i].start, r[i].end);
        CHECK(i == 0 || r[i - 1].end <= r[i].start, "%s[%lu] overlaps or precedes %s[%lu]", what, i, what, i - 1);
    }
    return NULL;
}

/* The index of the region of r that contains [start, end), or -1. */
static long containing(const keel_mem_region *r, seL4_Word n, seL4_Word start, seL4_Word end)
{
    for (seL4_Word i = 0; i < n; i++) {
        if (r[i].start <= start && end <= r[i].end) {
            return (long)i;
        }
    }
    return -1;
}

static bool overlaps_any(const keel_mem_region *r, seL4_Word n, seL4_Word start, seL4_Word end)
{
    for (seL4_Word i = 0; i < n; i++) {
        if (start < r[i].end && r[i].start < end) {
            return true;
        }
    }
    return false;
}

/* Only the kernel's own root task gets keel_meminfo: a suite started by a
 * parent task skips the tests of the kernel's memory account. */
#define NEED_MEMINFO(m)                                                                       \
    do {                                                                                      \
        if ((m) == NULL && test_in_subsystem()) {                                             \
            return test_skip("started by a parent task: keel_meminfo is the kernel's report " \
                             "to the first root task");                                       \
        }                                                                                     \
    } while (0)

static const char *boot_meminfo_valid(void)
{
    const keel_meminfo *m = meminfo();
    const char *why;

    NEED_MEMINFO(m);
    CHECK(m != NULL, "no chunk with id %x in %lu bytes of extra bootinfo", KEEL_BOOTINFO_HEADER_MEMINFO, bi()->extraLen);
    CHECK(m->num_ram >= 1 && m->num_ram <= KEEL_MEMINFO_MAX_REGIONS, "num_ram is %lu", m->num_ram);
    CHECK(m->num_used <= KEEL_MEMINFO_MAX_REGIONS, "num_used is %lu", m->num_used);
    if ((why = regions_sorted("ram", m->ram, m->num_ram)) != NULL ||
        (why = regions_sorted("used", m->used, m->num_used)) != NULL) {
        return why;
    }
    for (seL4_Word i = 0; i < m->num_used; i++) {
        const keel_mem_region *u = &m->used[i];
        CHECK(u->kind >= KEEL_MEM_KERNEL && u->kind <= KEEL_MEM_ROOTSERVER, "used[%lu] has kind %lu", i, u->kind);
        CHECK(containing(m->ram, m->num_ram, u->start, u->end) >= 0, "used[%lu] [%lx, %lx) is not inside RAM",
              i, u->start, u->end);
    }
    return NULL;
}

static const char *boot_untyped_in_ram(void)
{
    const keel_meminfo *m = meminfo();

    NEED_MEMINFO(m);
    CHECK(m != NULL, "no keel_meminfo chunk");
    for (seL4_Word i = 0; i < untyped_count(); i++) {
        if (bi()->untypedList[i].isDevice) {
            CHECK(!overlaps_any(m->ram, m->num_ram, ut_start(i), ut_end(i)),
                  "device untyped %lu [%lx, %lx) overlaps RAM", i, ut_start(i), ut_end(i));
        } else {
            CHECK(containing(m->ram, m->num_ram, ut_start(i), ut_end(i)) >= 0,
                  "untyped %lu [%lx, %lx) is not inside one RAM region", i, ut_start(i), ut_end(i));
        }
    }
    return NULL;
}

static const char *boot_untyped_not_used(void)
{
    const keel_meminfo *m = meminfo();

    NEED_MEMINFO(m);
    CHECK(m != NULL, "no keel_meminfo chunk");
    for (seL4_Word i = 0; i < untyped_count(); i++) {
        CHECK(!overlaps_any(m->used, m->num_used, ut_start(i), ut_end(i)),
              "untyped %lu [%lx, %lx) overlaps a used region", i, ut_start(i), ut_end(i));
    }
    return NULL;
}

static seL4_Word regions_total(const keel_mem_region *r, seL4_Word n)
{
    seL4_Word sum = 0;

    for (seL4_Word i = 0; i < n; i++) {
        sum += r[i].end - r[i].start;
    }
    return sum;
}

/* With the two tests above, this shows that no free RAM was left out. */
static const char *boot_memory_adds_up(void)
{
    const keel_meminfo *m = meminfo();
    seL4_Word untyped = 0;

    NEED_MEMINFO(m);
    CHECK(m != NULL, "no keel_meminfo chunk");
    for (seL4_Word i = 0; i < untyped_count(); i++) {
        untyped += bi()->untypedList[i].isDevice ? 0 : ut_size(i);
    }
    seL4_Word used = regions_total(m->used, m->num_used);
    seL4_Word ram = regions_total(m->ram, m->num_ram);
    CHECK(untyped + used == ram, "untyped %lx + used %lx != RAM %lx (%ld bytes unaccounted)",
          untyped, used, ram, (long)(ram - untyped - used));
    return NULL;
}

/* ---- the first system calls ---- */

static const char *boot_ipc_buffer_rw(void)
{
    for (int i = 0; i < seL4_MsgMaxLength; i++) {
        seL4_SetMR(i, 0x5a5a0000ul + (seL4_Word)i);
    }
    seL4_SetUserData(0xfeedul);
    for (int i = 0; i < seL4_MsgMaxLength; i++) {
        CHECK(seL4_GetMR(i) == 0x5a5a0000ul + (seL4_Word)i, "MR %d reads back %lx", i, seL4_GetMR(i));
    }
    CHECK(seL4_GetUserData() == 0xfeedul, "userData reads back %lx", seL4_GetUserData());
    memset(seL4_GetIPCBuffer()->msg, 0, sizeof(seL4_GetIPCBuffer()->msg));
    return NULL;
}

static const char *boot_yield(void)
{
    volatile unsigned done = 0;

    for (unsigned i = 0; i < 100; i++) {
        seL4_Yield();
        done++;
    }
    CHECK(done == 100, "only %u of 100 yields returned", done);
    return NULL;
}

/* The root CNode resolves all 64 bits of a cptr (seL4 gives it a 52-bit guard
 * of 0), so a cptr with a bit above the 12 slot bits must not alias a slot. */
static const char *boot_cptr_out_of_range(void)
{
    static const seL4_CPtr bad[] = {
        (1ul << CONFIG_ROOT_CNODE_SIZE_BITS) | seL4_CapInitThreadTCB,
        ((seL4_Word)1 << (seL4_WordBits - 24)) | seL4_CapInitThreadCNode,
        ~0ul,
    };

    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        seL4_Uint32 got = seL4_DebugCapIdentify(bad[i]);
        CHECK(got == KEEL_CAP_NULL, "cptr %lx identifies as cap type %u", bad[i], got);
    }
    return NULL;
}

static const struct test boot_tests[] = {
    { "BOOT0001 bootinfo describes node 0 of 1 in domain 0", boot_info_node },
    { "BOOT0002 initial CNode has 2^12 slots", boot_cnode_size },
    { "BOOT0003 IPC buffer is the page after the image", boot_ipc_buffer_place },
    { "BOOT0004 bootinfo frame is the page after the IPC buffer", boot_bootinfo_place },
    { "BOOT0005 runtime keeps the bootinfo and IPC buffer", boot_runtime_pointers },
    { "BOOT0006 slot regions tile the CNode after the initial caps", boot_regions_tile },
    { "BOOT0007 slot regions come in seL4's order", boot_regions_order },
    { "BOOT0008 untyped list length matches the untyped slot region", boot_untyped_list_length },
    { "BOOT0009 userImageFrames has one frame per image page", boot_image_frames },
    { "BOOT0010 slot 0 and the unused initial slots are null", boot_null_initial_slots },
    { "BOOT0011 initial slots hold seL4's caps", boot_initial_caps },
    { "BOOT0012 slot 7 holds this architecture's cap", boot_slot7 },
    { "BOOT0013 every empty slot is null", boot_empty_slots },
    { "BOOT0014 every untyped slot holds an untyped cap", boot_untyped_slots },
    { "BOOT0015 every userImageFrames slot holds a frame cap", boot_frame_slots },
    { "BOOT0016 every userImagePaging slot holds a page-table cap", boot_paging_slots },
    { "BOOT0017 untyped regions are disjoint", boot_untyped_disjoint },
    { "BOOT0018 untypeds are aligned to their size", boot_untyped_aligned },
    { "BOOT0019 untyped sizes are within seL4's bounds", boot_untyped_bounds },
    { "BOOT0020 extra bootinfo chunks fill extraLen exactly", boot_extra_chunks },
    { "BOOT0021 keel_meminfo is present and well-formed", boot_meminfo_valid },
    { "BOOT0022 untypeds lie in RAM, device untypeds outside it", boot_untyped_in_ram },
    { "BOOT0023 untypeds avoid the kernel, firmware and root-task memory", boot_untyped_not_used },
    { "BOOT0024 untypeds and used regions add up to RAM", boot_memory_adds_up },
    { "BOOT0025 IPC buffer is writable and reads back", boot_ipc_buffer_rw },
    { "BOOT0026 seL4_Yield returns", boot_yield },
    { "BOOT0027 DebugCapIdentify of an out-of-range cptr is null", boot_cptr_out_of_range },
};

TEST_SUITE(boot_suite, boot_tests);
