/*
 * Helpers of the virtual-memory tests (see vm.h).
 */
#include "vm.h"

#define STACK_SIZE 8192

extern char __keel_image_start[];

static _Alignas(4096) unsigned char ipc_pages[2][4096];
static _Alignas(16) unsigned char stacks[2][STACK_SIZE];
static vm_thread threads[2];
static const char *last_error = "no error";
static seL4_CPtr big_parent;        /* the boot Untyped big_untyped used, or 0 */

seL4_Word table_type_for(seL4_Word bits_left)
{
#if defined(__i386__)
    (void)bits_left;
    return seL4_X86_PageTableObject;
#elif defined(__x86_64__)
    switch (bits_left) {
    case 39: return seL4_X86_PDPTObject;
    case 30: return seL4_X86_PageDirectoryObject;
    default: return seL4_X86_PageTableObject;
    }
#elif defined(__aarch64__)
    (void)bits_left;
    return seL4_ARM_PageTableObject;
#else
    (void)bits_left;
    return seL4_RISCV_PageTableObject;
#endif
}

seL4_Error vm_map(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word va, seL4_CapRights_t rights, seL4_Word attr)
{
    seL4_Error err = seL4_NoError;

    for (int tries = 0; tries < 5; tries++) {
        err = page_map(frame, vspace, va, rights, attr);
        if (err != seL4_FailedLookup || seL4_GetMR(1) != seL4_MissingCapability) {
            return err;
        }
        seL4_CPtr table = new_object(table_type_for(seL4_GetMR(2)), 0);
        if (table == 0) {
            return seL4_NotEnoughMemory;
        }
        seL4_Error terr = table_map(table, vspace, va);
        if (terr != seL4_NoError) {
            return terr;
        }
    }
    return err;
}

seL4_CPtr new_frame(void)
{
    return new_object(VM_FRAME_OBJECT, 0);
}

seL4_CPtr mapped_frame(seL4_Word va)
{
    seL4_CPtr f = new_frame();

    if (f == 0 || vm_map(f, seL4_CapInitThreadVSpace, va, RIGHTS_ALL, VM_ATTR_DEFAULT) != seL4_NoError) {
        return 0;
    }
    return f;
}

seL4_Word frame_paddr(seL4_CPtr frame)
{
    page_get_address_t r = page_get_address(frame);

    return r.error == seL4_NoError ? r.paddr : ~0ul;
}

seL4_CPtr new_vspace_in(seL4_CPtr pool)
{
    seL4_CPtr root = new_object(VM_ROOT_OBJECT, 0);

    if (root == 0 || asid_assign(pool, root) != seL4_NoError) {
        return 0;
    }
    return root;
}

seL4_CPtr new_vspace(void)
{
    return new_vspace_in(seL4_CapInitThreadASIDPool);
}

/* ---- threads ---- */

static seL4_Word read_word(seL4_Word addr)
{
    return *(volatile seL4_Word *)addr;
}

/* OP_ISOL: read addr and Call the root with the value in MR0; the reply's
 * MR0 is the next address to read (0: stop). */
static void isol_loop(vm_thread *t)
{
    seL4_Word addr = t->addr;

    while (addr != 0) {
        seL4_SetMR(0, read_word(addr));
        t->r[1]++;
        seL4_Call(t->ep, seL4_MessageInfo_new(0, 0, 0, 1));
        addr = seL4_GetMR(0);
    }
}

static void body(vm_thread *t)
{
    seL4_SetIPCBuffer(t->ipc);
    switch (t->op) {
    case OP_READ:
        for (seL4_Word i = 0; i < t->count; i++) {
            t->r[0] = read_word(t->addr + i * PAGE);
            t->r[1]++;
        }
        break;
    case OP_WRITE:
        *(volatile seL4_Word *)t->addr = t->value;
        t->r[1] = 1;
        break;
    case OP_EXEC:
#if defined(__riscv)
        __asm__ volatile("fence.i" ::: "memory");
#elif defined(__aarch64__)
        /* The code was written through the data cache: make it reach the
         * point of unification, then drop stale instructions (EL0 may,
         * SCTLR_EL1.UCI). */
        __asm__ volatile("dc cvau, %0; dsb ish; ic ivau, %0; dsb ish; isb" :: "r"(t->addr) : "memory");
#endif
        t->r[0] = ((seL4_Word(*)(void))t->addr)();
        t->r[1] = 1;
        break;
    case OP_ISOL:
        isol_loop(t);
        break;
    case OP_FN:
        ((void (*)(vm_thread *))t->value)(t);
        break;
    case OP_MOVE:
        t->r[2] = seL4_TCB_SetSpace(t->tcb, t->fault_cap, ROOT, 0, t->value, 0);
        t->r[0] = read_word(t->addr);
        t->r[1] = 1;
        break;
    }
    t->done = 1;
    seL4_TCB_Suspend(t->tcb);
    for (;;) {
        seL4_Yield();
    }
}

const char *vm_error(void)
{
    return last_error;
}

static vm_thread *fail(const char *what, seL4_Error err)
{
    last_error = test_fail("starting a thread: %s gave %s", what, error_name(err));
    return NULL;
}

vm_thread *vm_thread_start_in(int i, enum vm_op op, seL4_Word addr, seL4_Word value, seL4_CPtr *fault_ep,
                              seL4_CPtr vspace, seL4_Word ipc_va, seL4_CPtr ipc_frame, seL4_Word stack_top)
{
    vm_thread *t = &threads[i];
    seL4_UserContext uc;
    seL4_Error err;
    seL4_CPtr badged;

    memset(t, 0, sizeof(*t));
    t->op = op;
    t->addr = addr;
    t->value = value;
    t->count = op == OP_READ && value != 0 ? value : 1;
    t->ep = op == OP_ISOL ? value : 0;
    t->ipc = (seL4_IPCBuffer *)ipc_va;
    *fault_ep = new_endpoint();
    badged = slot_alloc();
    if (*fault_ep == 0 || badged == 0) {
        return fail("the fault endpoint", seL4_NotEnoughMemory);
    }
    t->fault_cap = badged;
    err = seL4_CNode_Mint(ROOT, badged, ROOT_DEPTH, ROOT, *fault_ep, ROOT_DEPTH, seL4_AllRights, FAULT_EP_BADGE);
    if (err != seL4_NoError) {
        return fail("Mint of the fault endpoint", err);
    }
    if ((err = seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, VM_PRIO_ROOT)) != seL4_NoError) {
        return fail("the root's priority", err);
    }
    t->tcb = new_object(seL4_TCBObject, 0);
    if (t->tcb == 0) {
        return fail("TCB retype", seL4_NotEnoughMemory);
    }
    err = seL4_TCB_Configure(t->tcb, badged, ROOT, 0, vspace, 0, ipc_va, ipc_frame);
    if (err != seL4_NoError) {
        return fail("Configure", err);
    }
    if ((err = seL4_TCB_SetPriority(t->tcb, seL4_CapInitThreadTCB, VM_PRIO_HI)) != seL4_NoError) {
        return fail("SetPriority", err);
    }
    memset(&uc, 0, sizeof(uc));
    keel_arch_init_context(&uc, (seL4_Word)body, stack_top, (seL4_Word)t, keel_tls_init(t->tls, sizeof(t->tls)));
    err = seL4_TCB_WriteRegisters(t->tcb, 1, 0, sizeof(uc) / sizeof(seL4_Word), &uc);
    if (err != seL4_NoError) {
        return fail("WriteRegisters", err);
    }
    return t;
}

vm_thread *vm_thread_start(int i, enum vm_op op, seL4_Word addr, seL4_Word value, seL4_CPtr *fault_ep)
{
    return vm_thread_start_in(i, op, addr, value, fault_ep, seL4_CapInitThreadVSpace, (seL4_Word)ipc_pages[i],
                              keel_image_frame_cap(ipc_pages[i]), (seL4_Word)(stacks[i] + STACK_SIZE));
}

const char *expect_vm_fault(seL4_CPtr fault_ep, seL4_Word addr, seL4_Word prefetch, seL4_Word fsr)
{
    seL4_Word badge = 0;
    seL4_MessageInfo_t tag = seL4_NBRecv(fault_ep, &badge);

    CHECK(badge == FAULT_EP_BADGE, "no fault message (badge %lx): the access did not fault", badge);
    CHECK(seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault, "fault label %lu, want VMFault",
          (seL4_Word)seL4_MessageInfo_get_label(tag));
    CHECK(seL4_GetMR(seL4_VMFault_Addr) == addr, "VMFault Addr %lx, want %lx", seL4_GetMR(seL4_VMFault_Addr), addr);
    CHECK(seL4_GetMR(seL4_VMFault_PrefetchFault) == prefetch, "VMFault PrefetchFault %lu, want %lu",
          seL4_GetMR(seL4_VMFault_PrefetchFault), prefetch);
    CHECK(fsr_class(seL4_GetMR(seL4_VMFault_FSR)) == fsr, "VMFault FSR %lx, want %lx", seL4_GetMR(seL4_VMFault_FSR),
          fsr);
    return NULL;
}

const char *expect_no_fault(seL4_CPtr fault_ep)
{
    seL4_Word badge = 0;
    seL4_MessageInfo_t tag = seL4_NBRecv(fault_ep, &badge);

    CHECK(badge == 0, "unexpected fault: label %lu, Addr %lx, FSR %lx", (seL4_Word)seL4_MessageInfo_get_label(tag),
          seL4_GetMR(seL4_VMFault_Addr), seL4_GetMR(seL4_VMFault_FSR));
    return NULL;
}

/* ---- a second address space ---- */

const char *vm_space_new(struct vm_space *s)
{
    return vm_space_make(s, seL4_CapInitThreadASIDPool, NULL);
}

const char *vm_space_make(struct vm_space *s, seL4_CPtr pool, const struct vm_space *share)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Word n = bi->userImageFrames.end - bi->userImageFrames.start;

    memset(s, 0, sizeof(*s));
    s->root = new_vspace_in(pool);
    CHECK(s->root != 0, "no new VSpace root with an ASID");
    for (seL4_Word i = 0; i < n; i++) {
        seL4_CPtr copy = copy_cap(bi->userImageFrames.start + i, seL4_AllRights);
        CHECK(copy != 0, "copying image frame %lu", i);
        TRY(expect_ok(vm_map(copy, s->root, (seL4_Word)__keel_image_start + i * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT),
                      "mapping a copy of an image frame in the second space"));
    }
    s->stack = share != NULL ? copy_cap(share->stack, seL4_AllRights) : new_frame();
    s->ipc = share != NULL ? copy_cap(share->ipc, seL4_AllRights) : new_frame();
    CHECK(s->stack != 0 && s->ipc != 0, "no frames for the stack and IPC buffer");
    TRY(expect_ok(vm_map(s->stack, s->root, ISOL_STACK_VA, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the stack"));
    TRY(expect_ok(vm_map(s->ipc, s->root, ISOL_IPC_VA, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping the IPC buffer"));
    return NULL;
}

vm_thread *vm_space_thread(struct vm_space *s, int i, enum vm_op op, seL4_Word addr, seL4_Word value,
                           seL4_CPtr *fault_ep)
{
    return vm_thread_start_in(i, op, addr, value, fault_ep, s->root, ISOL_IPC_VA, s->ipc, ISOL_STACK_VA + PAGE);
}

/* ---- memory ---- */

/* The smallest RAM boot Untyped of at least 2^bits bytes other than the
 * pool, or 0. */
static seL4_CPtr big_candidate(unsigned bits)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr best = 0;
    seL4_Uint8 best_bits = 0;

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        seL4_CPtr cap = bi->untyped.start + i;
        if (!d->isDevice && d->sizeBits >= bits && cap != pool_cap() && (best == 0 || d->sizeBits < best_bits)) {
            best = cap;
            best_bits = d->sizeBits;
        }
    }
    return best;
}

bool has_big_untyped(unsigned bits)
{
    return big_candidate(bits) != 0;
}

seL4_CPtr big_untyped(unsigned bits)
{
    seL4_CPtr best = big_candidate(bits), slot = slot_alloc();

    if (best == 0 || slot == 0 || retype_one(best, seL4_UntypedObject, bits, slot) != seL4_NoError) {
        return 0;
    }
    big_parent = best;
    return slot;
}

bool cpu_has_huge_pages(void)
{
#if defined(__x86_64__)
    seL4_Uint32 a, b, c, d;

    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x80000000u), "c"(0u));
    if (a < 0x80000001u) {
        return false;
    }
    __asm__ volatile("cpuid" : "=a"(a), "=b"(b), "=c"(c), "=d"(d) : "a"(0x80000001u), "c"(0u));
    return (d & (1u << 26)) != 0;
#elif defined(__i386__)
    return false;                       /* two-level paging: 4 MiB is the largest page */
#else
    return true;
#endif
}

/* ---- device memory ---- */

/* The boot device Untyped covering paddr: its slot (0 if none), base and size. */
static seL4_CPtr device_untyped_covering(seL4_Word paddr, seL4_Word *base, seL4_Word *bits)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (d->isDevice && d->paddr <= paddr && paddr - d->paddr < (1ul << d->sizeBits)) {
            *base = d->paddr;
            *bits = d->sizeBits;
            return bi->untyped.start + i;
        }
    }
    return 0;
}

/* Halve until an Untyped starts at paddr: keep the half that holds it. */
const char *device_untyped_at(seL4_Word paddr, seL4_CPtr *ut)
{
    seL4_Word base = 0, bits = 0;

    *ut = device_untyped_covering(paddr, &base, &bits);
    if (*ut == 0) {
        return test_skip("no device Untyped in the bootinfo covers the device");
    }
    while (base != paddr) {
        seL4_CPtr halves = slots_alloc(2);
        CHECK(halves != 0, "out of scratch slots");
        bits--;
        TRY(expect_ok(seL4_Untyped_Retype(*ut, seL4_UntypedObject, bits, ROOT, 0, 0, halves, 2),
                      "halving a device Untyped"));
        seL4_Word upper = (paddr - base) >> bits;       /* 0 or 1: which half holds paddr */
        *ut = halves + upper;
        base += upper << bits;
    }
    return NULL;
}

const char *device_frame_at(seL4_Word paddr, seL4_CPtr *frame)
{
    seL4_CPtr ut;

    TRY(device_untyped_at(paddr, &ut));
    *frame = slot_alloc();
    CHECK(*frame != 0, "out of scratch slots");
    return expect_ok(retype_one(ut, VM_FRAME_OBJECT, 0, *frame), "Retype of a frame from device memory");
}

void vm_cleanup(void)
{
    seL4_Error err;

    if ((err = seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, seL4_MaxPrio)) != seL4_NoError) {
        test_cleanup_fail("the root's priority back to the maximum gave %s", error_name(err));
    }
    if (big_parent != 0) {
        if ((err = seL4_CNode_Revoke(ROOT, big_parent, ROOT_DEPTH)) != seL4_NoError) {
            test_cleanup_fail("revoking the big Untyped gave %s", error_name(err));
        }
        big_parent = 0;
    }
    caps_cleanup();
}
