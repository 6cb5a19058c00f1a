/*
 * ATTACK: the holes an attacker's review found, each as the sequence of
 * calls that exploited it (docs/security.md lists the rules). Every test
 * failed on the kernel that had the hole:
 *  - Untyped memory consumed twice through copies of one Untyped capability
 *    (ASIDControl_MakePool through a copy, then Retype through the source:
 *    a frame over the live ASID pool);
 *  - a read-only frame accepted as an IPC buffer, which the kernel writes;
 *  - x86_64: segment registers and the FS base left as another thread made
 *    them (a thread zeroing a TLS base that another address space uses);
 *  - aarch64: EL0 allowed to write the PMU that every thread shares.
 * The debug system calls of a release build are checked by the
 * release-check image (release_check.c), not here: this suite runs on a
 * debug kernel, where they exist by design.
 */
#include "workers.h"
#include "vm.h"
#include "vm_tests.h"

/* ---- one rule for Untyped memory ---- */

/* The five-step takeover: copy an Untyped, make an ASID pool through the
 * copy, delete the copy, retype a frame through the source over the pool.
 * seL4's rule: the copy made the source full. */
static const char *attack_makepool_through_copy(void)
{
    seL4_CPtr ut = ut_alloc(seL4_ASIDPoolBits), copy = copy_cap(ut, seL4_AllRights), pool = slot_alloc();

    CHECK(ut != 0 && copy != 0, "setup: no Untyped or copy");
    TRY(expect_ok(asid_make_pool(seL4_CapASIDControl, copy, ROOT, pool, ROOT_DEPTH), "MakePool through the copy"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, copy, ROOT_DEPTH), "Delete of the copy"));
    TRY(EXPECT_ERROR(retype_one(ut, VM_FRAME_OBJECT, 0, slot_alloc()), seL4_NotEnoughMemory,
                     "Retype of a frame through the source over the live pool", 0));
    CHECK(new_vspace_in(pool) != 0, "the pool no longer hands out ASIDs");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the source"));
    return expect_whole(ut, seL4_ASIDPoolBits, "the Untyped after Revoke");
}

/* Frames through a copy and its source never share memory. */
static const char *attack_frames_through_copy_and_source(void)
{
    seL4_CPtr ut = ut_alloc(seL4_PageBits + 1), copy = copy_cap(ut, seL4_AllRights);
    seL4_CPtr f1 = slot_alloc(), f2 = slot_alloc();

    CHECK(ut != 0 && copy != 0, "setup: no Untyped or copy");
    TRY(expect_ok(retype_one(copy, VM_FRAME_OBJECT, 0, f1), "Retype of a frame through the copy"));
    TRY(EXPECT_ERROR(retype_one(ut, VM_FRAME_OBJECT, 0, slot_alloc()), seL4_NotEnoughMemory,
                     "Retype of a frame through the source", 0));
    TRY(expect_ok(retype_one(copy, VM_FRAME_OBJECT, 0, f2), "second frame through the copy"));
    seL4_Word p1 = frame_paddr(f1), p2 = frame_paddr(f2);
    CHECK(p1 != ~0ul && p2 != ~0ul && p1 != p2, "the two frames are at %lx and %lx", p1, p2);
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, ut, ROOT_DEPTH), "Revoke of the source"));
    return expect_whole(ut, seL4_PageBits + 1, "the Untyped after Revoke");
}

/* Deleting the source instead: the copy goes on from where it was, and
 * what was made through the source stays below its free index. */
static const char *attack_copy_outlives_source(void)
{
    seL4_CPtr parent = ut_alloc(seL4_PageBits + 2), ut = slot_alloc(), copy;
    seL4_CPtr f1 = slot_alloc(), f2 = slot_alloc();

    CHECK(parent != 0, "setup: no Untyped");
    TRY(expect_ok(retype_one(parent, seL4_UntypedObject, seL4_PageBits + 1, ut), "setup: child Untyped"));
    TRY(expect_ok(retype_one(ut, VM_FRAME_OBJECT, 0, f1), "a frame through the Untyped"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, f1, ROOT_DEPTH), "setup: Delete of the frame"));
    copy = copy_cap(ut, seL4_AllRights);
    CHECK(copy != 0, "Copy of the childless Untyped failed");
    TRY(expect_ok(seL4_CNode_Delete(ROOT, ut, ROOT_DEPTH), "Delete of the source"));
    TRY(expect_ok(retype_one(copy, VM_FRAME_OBJECT, 0, f2), "a frame through the copy"));
    TRY(expect_ok(retype_one(copy, VM_FRAME_OBJECT, 0, f1), "a second frame through the copy"));
    CHECK(frame_paddr(f1) != frame_paddr(f2), "two live frames at %lx", frame_paddr(f1));
    return EXPECT_ERROR(retype_one(copy, VM_FRAME_OBJECT, 0, slot_alloc()), seL4_NotEnoughMemory,
                        "a third frame in two pages", 0);
}

/* ---- the IPC buffer is written by the kernel: read and write right ---- */

static const char *attack_readonly_ipc_buffer(void)
{
    seL4_CPtr frame = new_frame(), tcb = new_object(seL4_TCBObject, 0);
    seL4_CPtr ro = copy_cap(frame, seL4_CanRead), rw = copy_cap(frame, seL4_ReadWrite);

    CHECK(frame != 0 && tcb != 0 && ro != 0 && rw != 0, "setup: no frame, TCB or copies");
    TRY(EXPECT_PLAIN_ERROR(seL4_TCB_SetIPCBuffer(tcb, VM_BASE, ro), seL4_IllegalOperation,
                           "SetIPCBuffer with a read-only frame"));
    TRY(EXPECT_PLAIN_ERROR(seL4_TCB_Configure(tcb, 0, ROOT, 0, seL4_CapInitThreadVSpace, 0, VM_BASE, ro),
                           seL4_IllegalOperation, "Configure with a read-only frame as IPC buffer"));
    return expect_ok(seL4_TCB_SetIPCBuffer(tcb, VM_BASE, rw), "SetIPCBuffer with a read-write frame");
}

/* ---- x86_64 and ia32: segment state is per thread ---- */

#if defined(__x86_64__) || defined(__i386__)
static seL4_CPtr ntfn_a, ntfn_b;

#if defined(__x86_64__)
#define USER_DATA_SELECTOR 0x23ul       /* the GDT's ring-3 data segment: base 0 */
#define TLS_BASE(uc) ((uc).fs_base)
#define TLS_SEG "FS"

/* Worker A: leaves every data segment register changed (FS to null, which
 * also clears the FS base), wakes B and blocks, without touching its TLS. */
static void segment_changer(worker *w)
{
    seL4_Word badge, info, m0, m1, m2, m3;
    __asm__ volatile("movl %k0, %%ds\n\tmovl %k0, %%es\n\tmovl %k0, %%gs\n\txorl %k0, %k0\n\tmovl %k0, %%fs"
                     : : "r"(USER_DATA_SELECTOR) : "memory");
    w->steps = 1;
    keel_sys_send((seL4_Word)seL4_SysSend, ntfn_b, 0, 0, 0, 0, 0);
    keel_sys_recv((seL4_Word)seL4_SysRecv, ntfn_a, &badge, &info, &m0, &m1, &m2, &m3);
}

/* B's TLS word below its TLS base (read through FS), and its selectors or'ed:
 * every exit loads null ones. */
static void segment_probe(seL4_Word *v, seL4_Word *sel)
{
    seL4_Word ds, es, fs, gs;
    __asm__ volatile("movq %%fs:-8, %0" : "=r"(*v));
    __asm__ volatile("movq %%ds, %0\n\tmovq %%es, %1\n\tmovq %%fs, %2\n\tmovq %%gs, %3"
                     : "=r"(ds), "=r"(es), "=r"(fs), "=r"(gs));
    *sel = ds | es | fs | gs;
}
#else
/* ia32: the TLS base is the GS base, a per-thread GDT descriptor that every
 * exit reloads with the selectors (docs/api.md). */
#define USER_DS 0x23ul                  /* the GDT's ring-3 data segment */
#define USER_FS 0x33ul                  /* the per-thread TLS descriptors */
#define USER_GS 0x3bul
#define TLS_BASE(uc) ((uc).gs_base)
#define TLS_SEG "GS"

/* Worker A: loads null into every data segment register (nothing can be
 * read through them any more) and wakes B with a Send made from registers
 * only; then blocks, without touching its TLS. */
static void segment_changer(worker *w)
{
    seL4_Word badge, info, m0, m1, m2, m3, eax = (seL4_Word)seL4_SysSend, ebx = ntfn_b, esi = 0, ecx, edx, edi;
    w->steps = 1;
    __asm__ volatile("pushl %%ebp\n\t"
                     "xorl %%ecx, %%ecx\n\tmovl %%ecx, %%ds\n\tmovl %%ecx, %%es\n\t"
                     "movl %%ecx, %%fs\n\tmovl %%ecx, %%gs\n\t"
                     "xorl %%edi, %%edi\n\tmovl %%esp, %%ecx\n\tleal 1f, %%edx\n"
                     "1:\tsysenter\n\t"
                     "popl %%ebp"
                     : "+a"(eax), "+b"(ebx), "+S"(esi), "=c"(ecx), "=d"(edx), "=D"(edi)
                     :
                     : "memory");
    keel_sys_recv((seL4_Word)seL4_SysRecv, ntfn_a, &badge, &info, &m0, &m1, &m2, &m3);
}

/* B's TLS word below its TLS base (read through GS), and how its selectors
 * differ from the ones every exit loads. */
static void segment_probe(seL4_Word *v, seL4_Word *sel)
{
    seL4_Word ds, es, fs, gs;
    __asm__ volatile("movl %%gs:-4, %0" : "=r"(*v));
    __asm__ volatile("movl %%ds, %0\n\tmovl %%es, %1\n\tmovl %%fs, %2\n\tmovl %%gs, %3"
                     : "=r"(ds), "=r"(es), "=r"(fs), "=r"(gs));
    *sel = (ds ^ USER_DS) | (es ^ USER_DS) | (fs ^ USER_FS) | (gs ^ USER_GS);
}
#endif

/* Worker B, with the same TLS base as A: reads through its TLS segment and
 * looks at its selectors. */
static void segment_reader(worker *w)
{
    seL4_Word badge, info, m0, m1, m2, m3, v, sel;
    keel_sys_recv((seL4_Word)seL4_SysRecv, ntfn_b, &badge, &info, &m0, &m1, &m2, &m3);
    segment_probe(&v, &sel);
    w->r[0] = v;
    w->r[1] = sel;
    w->r[2] = 1;
}

static const char *attack_x86_segments(void)
{
    seL4_CPtr ep, fep = fault_ep_new(&ep);
    seL4_UserContext uc;
    TRY(expect_ok(root_priority(PRIO_ROOT), "setup: root priority"));
    ntfn_a = new_notification();
    ntfn_b = new_notification();
    CHECK(fep != 0 && ntfn_a != 0 && ntfn_b != 0, "setup: no endpoint or notifications");
    worker *b = worker_start(1, PRIO_HI, fep, segment_reader, 0, 0);
    worker *a = worker_create(0, PRIO_HI, fep, segment_changer, 0, 0);
    CHECK(a != NULL && b != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_ReadRegisters(b->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters of B"));
    TRY(expect_ok(seL4_TCB_SetTLSBase(a->tcb, TLS_BASE(uc)), "A gets B's TLS base"));
    TRY(expect_ok(seL4_TCB_Resume(a->tcb), "Resume of A"));
    const seL4_Word want = ((const seL4_Word *)TLS_BASE(uc))[-1];
    CHECK(a->steps == 1, "A did not run");
    CHECK(b->r[2] == 1, "B did not finish: it faulted reading through " TLS_SEG " (A's segment state stayed)");
    CHECK(b->r[0] == want, "B read %lx through " TLS_SEG ", want %lx", b->r[0], want);
    CHECK(b->r[1] == 0, "B's data segment selectors carry A's values (%lx)", b->r[1]);
    return NULL;
}
#else
static const char *attack_x86_segments(void)
{
    return test_skip("x86 only: segment registers");
}
#endif

/* ---- aarch64: EL0 may read the cycle counter, nothing else of the PMU ---- */

#if defined(__aarch64__)
static void pmu_writer(worker *w)
{
    __asm__ volatile("msr pmcr_el0, %0" : : "r"(0ul));
    w->r[1] = 1;                        /* reached only if the write did not trap */
}

static const char *attack_pmu_write(void)
{
    seL4_CPtr ep, fep = fault_ep_new(&ep);
    seL4_MessageInfo_t tag;

    CHECK(fep != 0, "setup: no fault endpoint");
    TRY(expect_ok(root_priority(PRIO_ROOT), "setup: root priority"));
    worker *w = worker_start(0, PRIO_HI, fep, pmu_writer, 0, 0);
    CHECK(w != NULL, "%s", worker_error());
    CHECK(w->r[1] == 0, "EL0 wrote PMCR_EL0");
    TRY(take_fault(ep, &tag));
    CHECK(seL4_MessageInfo_get_label(tag) == seL4_Fault_UserException, "fault label %lu, want UserException",
          (seL4_Word)seL4_MessageInfo_get_label(tag));
    return NULL;
}

static const char *attack_pmu_read_cycles(void)
{
    seL4_Word a, b;
    __asm__ volatile("mrs %0, pmccntr_el0" : "=r"(a));
    for (volatile int i = 0; i < 100; i++)
        ;
    __asm__ volatile("mrs %0, pmccntr_el0" : "=r"(b));
    CHECK(b > a, "the cycle counter did not advance (%lx, %lx)", a, b);
    return NULL;
}
#else
static const char *attack_pmu_write(void)
{
    return test_skip("aarch64 only: PMUSERENR_EL0");
}

static const char *attack_pmu_read_cycles(void)
{
    return test_skip("aarch64 only: PMUSERENR_EL0");
}
#endif

/* ---- every operation that changes what another thread sees needs its right ---- */

/* Receive once on w->cap, with the receive path set to slot w->arg of the
 * root CNode: r[0] MR0, r[1] extraCaps, r[2] = 1. */
static void receiver(worker *w)
{
    seL4_Word badge;
    seL4_SetCapReceivePath(ROOT, w->arg, ROOT_DEPTH);
    seL4_MessageInfo_t tag = seL4_Recv(w->cap, &badge);
    w->r[0] = seL4_GetMR(0);
    w->r[1] = seL4_MessageInfo_get_extraCaps(tag);
    w->r[2] = 1;
}

static worker *start_receiver(seL4_CPtr ep, seL4_CPtr recv_slot)
{
    if (root_priority(PRIO_ROOT) != seL4_NoError)
        return NULL;
    return worker_start(0, PRIO_HI, 0, receiver, ep, recv_slot);
}

/* NBSend of one word (and cap, if not 0) through `via`. */
static void send_word(seL4_CPtr via, seL4_Word word, seL4_CPtr cap)
{
    seL4_SetMR(0, word);
    if (cap != 0)
        seL4_SetCap(0, cap);
    seL4_NBSend(via, seL4_MessageInfo_new(0, 0, cap != 0, 1));
}

static const char *attack_send_needs_write(void)
{
    seL4_CPtr ep = new_endpoint(), full = mint_cap(ep, RIGHTS_RWG, 0);
    seL4_CPtr no_write = mint_cap(ep, seL4_CapRights_new(1, 1, 1, 0), 0);
    CHECK(ep != 0 && full != 0 && no_write != 0, "setup: no endpoint or copies");
    worker *w = start_receiver(ep, slot_alloc());
    CHECK(w != NULL, "%s", worker_error());
    send_word(no_write, 0x77, 0);
    CHECK(w->r[2] == 0, "a send through a capability without Write was delivered");
    send_word(full, 0x78, 0);
    CHECK(w->r[2] == 1 && w->r[0] == 0x78, "the send with Write did not arrive (MR0 %lx)", w->r[0]);
    return NULL;
}

static const char *attack_mint_adds_no_rights(void)
{
    seL4_CPtr ep = new_endpoint(), ro = mint_cap(ep, RIGHTS_R, 0);
    seL4_CPtr widened = ro != 0 ? mint_cap(ro, seL4_AllRights, 0) : 0;
    CHECK(ep != 0 && widened != 0, "setup: no endpoint or mints");
    worker *w = start_receiver(ep, slot_alloc());
    CHECK(w != NULL, "%s", worker_error());
    send_word(widened, 0x79, 0);
    CHECK(w->r[2] == 0, "a Mint with all rights of a read-only capability could send");
    return NULL;
}

static const char *attack_transfer_needs_grant(void)
{
    seL4_CPtr ep = new_endpoint(), recv_slot = slot_alloc(), gift = new_endpoint();
    seL4_CPtr no_grant = mint_cap(ep, RIGHTS_RW, 0), grant = mint_cap(ep, RIGHTS_RWG, 0);
    CHECK(ep != 0 && gift != 0 && no_grant != 0 && grant != 0, "setup: no endpoints or copies");
    worker *w = start_receiver(ep, recv_slot);
    CHECK(w != NULL, "%s", worker_error());
    send_word(no_grant, 1, gift);
    CHECK(w->r[2] == 1 && w->r[1] == 0, "without Grant the receiver got %lu capabilities", w->r[1]);
    TRY(expect_type(recv_slot, KEEL_CAP_NULL, "the receive slot after a send without Grant"));
    w = start_receiver(ep, recv_slot);
    CHECK(w != NULL, "%s", worker_error());
    send_word(grant, 2, gift);
    CHECK(w->r[2] == 1 && w->r[1] == 1, "with Grant the receiver got %lu capabilities", w->r[1]);
    return expect_type(recv_slot, KEEL_CAP_ENDPOINT, "the receive slot after a send with Grant");
}

static const char *attack_signal_needs_write(void)
{
    seL4_CPtr n = new_notification(), no_write = mint_cap(n, RIGHTS_R, 0x5), write = mint_cap(n, RIGHTS_W, 0x6);
    seL4_Word badge = 0;
    CHECK(n != 0 && no_write != 0 && write != 0, "setup: no notification or mints");
    seL4_Signal(no_write);
    seL4_Poll(n, &badge);
    CHECK(badge == 0, "a Signal without Write set badge %lx", badge);
    seL4_Signal(write);
    seL4_Poll(n, &badge);
    CHECK(badge == 0x6, "the Signal with Write gave badge %lx", badge);
    return NULL;
}

static const char *attack_readonly_frame_write(void)
{
    seL4_CPtr frame = new_frame(), ro = frame != 0 ? copy_cap(frame, seL4_CanRead) : 0, fep;
    seL4_Word va = VM_BASE + 0x40000;
    CHECK(ro != 0, "setup: no frame or read-only copy");
    TRY(expect_ok(vm_map(ro, seL4_CapInitThreadVSpace, va, seL4_ReadWrite, VM_ATTR_DEFAULT),
                  "Map of the read-only capability asking for read-write"));
    TRY(expect_ok(seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, VM_PRIO_ROOT), "root priority"));
    vm_thread *t = vm_thread_start(0, OP_WRITE, va, 0x1234, &fep);
    CHECK(t != NULL, "%s", vm_error());
    return expect_vm_fault(fep, va, 0, FSR_WRITE_DENIED);
}

/* ---- a VSpace whose ASID pool was deleted ---- */

/* It keeps its page tables, but can never run a thread again: its root's
 * capabilities still say "mapped" (with the dead ASID), so no pool assigns
 * it a new ASID, and an unmapped copy that could be assigned cannot be
 * made. A new pool that hands out the same ASID numbers gives them to other
 * roots only. */
static const char *attack_vspace_of_deleted_pool(void)
{
    seL4_CPtr p1, p2, root, copy;

    TRY(make_pool(&p1));
    root = new_vspace_in(p1);
    CHECK(root != 0, "setup: no VSpace from the first pool");
    copy = copy_cap(root, seL4_AllRights);
    CHECK(copy != 0, "setup: a copy of the mapped root");
    TRY(expect_ok(seL4_CNode_Delete(ROOT, p1, ROOT_DEPTH), "Delete of the pool"));
    TRY(make_pool(&p2));
    TRY(EXPECT_ERROR(asid_assign(p2, root), seL4_InvalidCapability, "Assign of the orphaned root to a new pool", 1));
    TRY(EXPECT_ERROR(asid_assign(p2, copy), seL4_InvalidCapability, "Assign of its copy", 1));
    CHECK(new_vspace_in(p2) != 0, "the new pool assigns a fresh root");
    return NULL;
}

static const struct test tests[] = {
    { "ATTACK0001 MakePool through an Untyped copy: no frame over the pool", attack_makepool_through_copy },
    { "ATTACK0002 frames through an Untyped copy and its source never overlap", attack_frames_through_copy_and_source },
    { "ATTACK0003 a copy outliving its source allocates above what was made", attack_copy_outlives_source },
    { "ATTACK0004 a read-only frame is refused as IPC buffer", attack_readonly_ipc_buffer },
    { "ATTACK0005 x86: the TLS segment base and selectors are each thread's own", attack_x86_segments },
    { "ATTACK0006 aarch64: EL0 cannot write the PMU", attack_pmu_write },
    { "ATTACK0007 aarch64: EL0 still reads the cycle counter", attack_pmu_read_cycles },
    { "ATTACK0008 a send needs Write", attack_send_needs_write },
    { "ATTACK0009 Mint adds no rights", attack_mint_adds_no_rights },
    { "ATTACK0010 a capability transfer needs Grant", attack_transfer_needs_grant },
    { "ATTACK0011 a Signal needs Write", attack_signal_needs_write },
    { "ATTACK0012 a frame mapped through a read-only capability cannot be written", attack_readonly_frame_write },
    { "ATTACK0013 a VSpace whose ASID pool was deleted can never get an ASID again", attack_vspace_of_deleted_pool },
};

TEST_SUITE_AFTER_EACH(attack_suite, tests, vm_cleanup);
