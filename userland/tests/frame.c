/*
 * FRAME: frames mapped into the root task's address space: data, zeroing,
 *   physical addresses, aliases, unmapping and remapping (the TLB), rights,
 *   execute-never, and what deleting a frame, an Untyped or a page table
 *   does to the mappings.
 * PAGEFAULT: a handler that maps the missing page and replies.
 *
 * Memory that a test expects to be unreachable is touched only by a
 * vm_thread (vm.h), whose fault reaches the root as a message.
 */
#include <stdbool.h>
#include "vm_tests.h"


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

/* Under a parent task there is no keel_meminfo: the frame must then lie in
 * one of the RAM Untypeds the parent lent (bootinfo's untypedList). */
static bool in_lent_ram(seL4_Word pa)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (!d->isDevice && pa >= d->paddr && pa + PAGE <= d->paddr + (1ul << d->sizeBits)) {
            return true;
        }
    }
    return false;
}

static const char *frame_address_in_ram(void)
{
    seL4_CPtr f = new_frame();
    const keel_meminfo *m =
        (const keel_meminfo *)keel_bootinfo_chunk(seL4_GetBootInfo(), KEEL_BOOTINFO_HEADER_MEMINFO);
    seL4_Word pa = frame_paddr(f);
    bool in_ram = false;

    CHECK(f != 0, "no frame");
    CHECK(pa != ~0ul && pa % PAGE == 0, "GetAddress gave %lx", pa);
    if (m == NULL && test_in_subsystem()) {
        CHECK(in_lent_ram(pa), "frame at %lx is in no RAM Untyped of the bootinfo", pa);
        return NULL;
    }
    CHECK(m != NULL, "no keel_meminfo chunk");
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
#elif defined(__aarch64__)
    static const seL4_Uint32 code[] = { 0xd2800840, 0xd65f03c0 };   /* mov x0, #0x42; ret */
#else
    static const unsigned char code[] = { 0xb8, 0x42, 0x00, 0x00, 0x00, 0xc3 };  /* mov $0x42, %eax; ret */
#endif
    memcpy((void *)va, code, sizeof(code));
}

/* Non-PAE paging has no execute-disable bit: ia32 maps every readable page
 * executable (seL4_X86_ExecuteNever is accepted and has no effect). */
#if defined(__i386__)
#define SKIP_WITHOUT_NX() return test_skip("ia32 two-level paging has no execute-disable bit")
#else
#define SKIP_WITHOUT_NX() (void)0
#endif

static const char *frame_execute_never(void)
{
    SKIP_WITHOUT_NX();
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
    CHECK(seL4_GetMR(seL4_VMFault_PrefetchFault) == 1 && fsr_class(seL4_GetMR(seL4_VMFault_FSR)) == FSR_EXEC_DENIED,
          "PrefetchFault %lu FSR %lx, want 1 %lx", seL4_GetMR(seL4_VMFault_PrefetchFault),
          seL4_GetMR(seL4_VMFault_FSR), FSR_EXEC_DENIED);
    return NULL;
}

/* The four words of the VMFault message waiting on fep, and where the
 * faulting thread stopped (its pc, from ReadRegisters). */
struct vm_fault_words {
    seL4_Word ip, addr, prefetch, fsr, pc;
};

static const char *take_vm_fault(seL4_CPtr fep, seL4_CPtr tcb, struct vm_fault_words *w)
{
    seL4_Word badge = 0;
    seL4_MessageInfo_t tag = seL4_NBRecv(fep, &badge);
    seL4_UserContext uc = { 0 };

    CHECK(badge == FAULT_EP_BADGE && seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault,
          "no VMFault (badge %lx, label %lu)", badge, (seL4_Word)seL4_MessageInfo_get_label(tag));
    CHECK(seL4_MessageInfo_get_length(tag) == seL4_VMFault_Length, "VMFault length %lu",
          (seL4_Word)seL4_MessageInfo_get_length(tag));
    w->ip = seL4_GetMR(seL4_VMFault_IP);
    w->addr = seL4_GetMR(seL4_VMFault_Addr);
    w->prefetch = seL4_GetMR(seL4_VMFault_PrefetchFault);
    w->fsr = seL4_GetMR(seL4_VMFault_FSR);
    TRY(expect_ok(seL4_TCB_ReadRegisters(tcb, 0, 0, 1, &uc), "ReadRegisters of the faulted thread"));
#if defined(__x86_64__)
    w->pc = uc.rip;
#elif defined(__i386__)
    w->pc = uc.eip;
#else
    w->pc = uc.pc;
#endif
    return NULL;
}

static const char *check_vm_fault(const char *what, const struct vm_fault_words *w, seL4_Word ip, seL4_Word addr,
                                  seL4_Word prefetch, seL4_Word fsr)
{
    CHECK(w->ip == ip && w->addr == addr && w->prefetch == prefetch && fsr_class(w->fsr) == fsr,
          "%s: IP %lx Addr %lx PrefetchFault %lu FSR %lx, want %lx %lx %lu %lx", what, w->ip, w->addr, w->prefetch,
          w->fsr, ip, addr, prefetch, fsr);
    return NULL;
}

/* seL4's VMFault words: IP the faulting instruction, Addr the data address
 * (an instruction fault's: the pc), PrefetchFault 1 only for a fetch, FSR
 * the port's seL4 value (riscv64: 5 load, 7 store, 1 fetch, whatever the
 * scause; x86_64 and ia32: the #PF error code's low 5 bits; aarch64:
 * ESR_EL1). */
#if defined(__i386__)
/* Without NX the fetch is from an unmapped page instead: user, fetch
 * (set by the kernel when the address is the pc), not present. */
#define FETCH_VA (VM_BASE + 17 * PAGE)
#define FETCH_FSR 0x14ul
#else
#define FETCH_VA (VM_BASE + 2 * PAGE)
#define FETCH_FSR FSR_EXEC_DENIED
#endif

static const char *frame_fault_words(void)
{
    seL4_CPtr ro, x = new_frame(), fep_r, fep_w, fep_x;
    struct vm_fault_words w;

    CHECK(x != 0, "no frame");
    TRY(read_only_alias(seL4_AllRights, RIGHTS_RO, &ro));
    TRY(expect_ok(vm_map(x, VSPACE, VM_BASE + 2 * PAGE, RIGHTS_ALL, VM_ATTR_XN), "mapping execute-never"));
    put_code(VM_BASE + 2 * PAGE);

    START(r, 0, OP_READ, VM_BASE + 16 * PAGE, 0, fep_r);
    TRY(take_vm_fault(fep_r, r->tcb, &w));
    TRY(check_vm_fault("read of an unmapped page", &w, w.pc, VM_BASE + 16 * PAGE, 0, FSR_READ));
    CHECK(w.pc != VM_BASE + 16 * PAGE && w.pc != 0, "the reader stopped at %lx", w.pc);

    START(wr, 1, OP_WRITE, VM_BASE + PAGE + 8, 1, fep_w);
    TRY(take_vm_fault(fep_w, wr->tcb, &w));
    TRY(check_vm_fault("write to a read-only page", &w, w.pc, VM_BASE + PAGE + 8, 0, FSR_WRITE_DENIED));

    START(ex, 2, OP_EXEC, FETCH_VA, 0, fep_x);
    TRY(take_vm_fault(fep_x, ex->tcb, &w));
    TRY(check_vm_fault("fetch from an execute-never page", &w, FETCH_VA, FETCH_VA, 1, FETCH_FSR));
    CHECK(w.pc == FETCH_VA, "the fetcher stopped at %lx", w.pc);
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
    SKIP_WITHOUT_NX();
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
#if TEST_X86
    seL4_Word attr = seL4_X86_CacheDisabled;
#elif defined(__aarch64__)
    seL4_Word attr = 0;                         /* without seL4_ARM_PageCacheable: uncached */
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
static const struct test tests[] = {
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
    { "FRAME0039 read, write and fetch faults: IP, Addr, PrefetchFault and FSR as seL4 sends them", frame_fault_words },
    { "PAGEFAULT0001 the handler maps the page and replies: the read completes", pagefault_map_and_reply },
    { "PAGEFAULT0002 the handler remaps writable and replies: the write lands", pagefault_write_upgrade },
    { "PAGEFAULT0003 demand paging: one fault per page, in order", pagefault_demand_paging },
};

TEST_SUITE_AFTER_EACH(frame_suite, tests, vm_cleanup);
