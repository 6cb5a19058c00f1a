/*
 * The `fuzz` root task: Keel's own fuzzer (see fuzz.h for the layout). The
 * root task is the supervisor: it builds the sandbox, runs the worker thread
 * that fuzzes it, steps the worker over the capability faults its random
 * calls raise, and after every round revokes the sandbox and checks that its
 * Untyped came back whole (a Retype of one Untyped of its full size
 * succeeds) and that the IRQ lines it handed out are free again. The kernel
 * checks its own invariants after every kernel entry (debug builds); a
 * panic or a hang ends the QEMU run without the test point, which fails it.
 *
 * FUZZ_SEED and FUZZ_CALLS come from the build (meson options fuzz_seed,
 * fuzz_calls; ./keel fuzz sets them). The output is TAP:
 *   ok 1 - FUZZ0001 seed 1: 100000 calls, invariants held, untyped whole
 */
#include <keel/tap.h>
#include <keel/thread.h>
#include <keel/vm.h>
#include "fuzz.h"

#if FUZZ_TRACE
#define TRACE(...) printf("# " __VA_ARGS__)
#else
#define TRACE(...) ((void)0)
#endif

#ifndef FUZZ_SEED
#define FUZZ_SEED 1
#endif
#ifndef FUZZ_CALLS
#define FUZZ_CALLS 100000
#endif

#define ROOT seL4_CapInitThreadCNode
#define ROOT_DEPTH seL4_WordBits
#define SANDBOX_BITS 18         /* the sandbox Untyped: 256 KiB */
#define SUPPORT_BITS 18         /* the root's own objects */
#define NUM_REGS (sizeof(seL4_UserContext) / sizeof(seL4_Word))
#define MAX_IRQS 2

struct fuzz_state fuzz;
seL4_IPCBuffer *fuzz_worker_ipc;
_Alignas(16) unsigned char fuzz_victim_stacks[FUZZ_VICTIM_STACKS][1024];

static _Alignas(4096) unsigned char worker_ipc_page[4096];
static _Alignas(16) unsigned char worker_stack[16384];
static _Alignas(16) unsigned char worker_tls[KEEL_TLS_AREA];

static seL4_CPtr next_slot, support_ut, sandbox_ut, endpoint, w_cnode, w_guarded, worker_tcb, s_cnode, probe;
static seL4_Word irqs[MAX_IRQS];
static unsigned num_irqs;
static const char *failure;

static const char *const error_names[FUZZ_ERR_KINDS] = {
    "NoError", "InvalidArgument", "InvalidCapability", "IllegalOperation", "RangeError", "AlignmentError",
    "FailedLookup", "TruncatedMessage", "DeleteFirst", "RevokeFirst", "NotEnoughMemory", "CapFault", "Other",
};

const char *fuzz_error_name(unsigned e)
{
    return e < FUZZ_ERR_KINDS ? error_names[e] : "?";
}

static seL4_CPtr slot_alloc(void)
{
    if (next_slot == 0)
        next_slot = seL4_GetBootInfo()->empty.start;
    return next_slot++;
}

/* Record the first failure of the supervisor's own steps. */
static bool ok(seL4_Error err, const char *what)
{
    static char buf[160];

    TRACE("supervisor: %s\n", what);
    if (err == seL4_NoError)
        return true;
    if (failure == NULL) {
        snprintf(buf, sizeof(buf), "%s gave seL4 error %d (%s)", what, (int)err, fuzz_error_name((unsigned)err));
        failure = buf;
    }
    return false;
}

static seL4_CPtr retype(seL4_CPtr ut, seL4_Word type, seL4_Word bits)
{
    seL4_CPtr slot = slot_alloc();

    return ok(seL4_Untyped_Retype(ut, type, bits, ROOT, 0, 0, slot, 1), "a supervisor Retype") ? slot : 0;
}

/* The largest non-device boot Untyped: the sandbox is its first child, so
 * it starts at the boot Untyped's own physical address. */
static bool choose_memory(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Word best = ~0ul;

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (!d->isDevice && d->sizeBits >= SANDBOX_BITS + 2 &&
            (best == ~0ul || d->sizeBits > bi->untypedList[best].sizeBits))
            best = i;
    }
    if (best == ~0ul)
        return ok(seL4_NotEnoughMemory, "finding a boot Untyped");
    seL4_CPtr boot_ut = bi->untyped.start + best;
    sandbox_ut = retype(boot_ut, seL4_UntypedObject, SANDBOX_BITS);
    support_ut = retype(boot_ut, seL4_UntypedObject, SUPPORT_BITS);
    fuzz.sandbox_paddr = bi->untypedList[best].paddr;
    fuzz.sandbox_bits = SANDBOX_BITS;
    return sandbox_ut != 0 && support_ut != 0;
}

/* Page tables under a window of the root's address space: map a frame
 * there, making the missing tables, and unmap it again. */
static bool make_window_tables(seL4_Word va)
{
    seL4_CPtr frame = retype(support_ut, KEEL_FRAME_OBJECT, 0);
    seL4_Error err = seL4_NoError;

    for (int tries = 0; frame != 0 && tries < 5; tries++) {
        err = keel_page_map(frame, seL4_CapInitThreadVSpace, va, seL4_AllRights, KEEL_VM_ATTR_DEFAULT);
        if (err != seL4_FailedLookup)
            break;
        seL4_CPtr table = retype(support_ut, keel_table_for_bits(seL4_GetMR(2)), 0);
        if (table == 0 || !ok(keel_table_map(table, seL4_CapInitThreadVSpace, va, KEEL_VM_ATTR_DEFAULT),
                              "mapping a window's page table"))
            return false;
    }
    return frame != 0 && ok(err, "mapping a window") && ok(keel_page_unmap(frame), "unmapping");
}

/* IRQ lines the board has and nobody uses: handed to every round. */
static void find_irqs(void)
{
    seL4_CPtr slot = slot_alloc();

    for (seL4_Word irq = 1; irq < 64 && num_irqs < MAX_IRQS; irq++) {
        if (seL4_IRQControl_Get(seL4_CapIRQControl, irq, ROOT, slot, ROOT_DEPTH) == seL4_NoError) {
            irqs[num_irqs++] = irq;
            seL4_CNode_Delete(ROOT, slot, ROOT_DEPTH);
        }
    }
}

/* W and the worker thread, which live as long as the run. */
static bool make_worker(void)
{
    seL4_UserContext uc;

    endpoint = retype(support_ut, seL4_EndpointObject, 0);
    w_cnode = retype(support_ut, seL4_CapTableObject, FUZZ_W_RADIX);
    worker_tcb = retype(support_ut, seL4_TCBObject, 0);
    w_guarded = slot_alloc();
    probe = slot_alloc();
    if (endpoint == 0 || w_cnode == 0 || worker_tcb == 0)
        return false;
    fuzz_worker_ipc = (seL4_IPCBuffer *)worker_ipc_page;
    memset(&uc, 0, sizeof(uc));
    keel_arch_init_context(&uc, (seL4_Word)fuzz_worker_main, (seL4_Word)(worker_stack + sizeof(worker_stack)), 0,
                           keel_tls_init(worker_tls, sizeof(worker_tls)));
    return ok(seL4_CNode_Mint(w_cnode, 1, FUZZ_W_RADIX, ROOT, endpoint, ROOT_DEPTH, seL4_AllRights,
                              FUZZ_BADGE_FAULT), "W's fault endpoint") &&
           ok(seL4_CNode_Mint(w_cnode, 2, FUZZ_W_RADIX, ROOT, endpoint, ROOT_DEPTH, seL4_AllRights,
                              FUZZ_BADGE_CONTROL), "W's control endpoint") &&
           ok(seL4_CNode_Copy(w_cnode, 3, FUZZ_W_RADIX, ROOT, seL4_CapInitThreadVSpace, ROOT_DEPTH, seL4_AllRights),
              "W's VSpace") &&
           ok(seL4_CNode_Mint(ROOT, w_guarded, ROOT_DEPTH, ROOT, w_cnode, ROOT_DEPTH, seL4_AllRights,
                              seL4_CNode_CapData_new(0, seL4_WordBits - FUZZ_W_RADIX - FUZZ_S_RADIX).words[0]),
              "W's guard") &&
           ok(seL4_TCB_Configure(worker_tcb, FUZZ_CPTR_FAULT, w_guarded, 0, seL4_CapInitThreadVSpace, 0,
                                 (seL4_Word)worker_ipc_page, keel_image_frame_cap(worker_ipc_page)),
              "configuring the worker") &&
           ok(seL4_TCB_SetPriority(worker_tcb, seL4_CapInitThreadTCB, FUZZ_PRIO_WORKER), "the worker's priority") &&
           ok(seL4_TCB_WriteRegisters(worker_tcb, 0, 0, NUM_REGS, &uc), "the worker's registers");
}

/* Put a new object of the sandbox into slot `index` of S. */
static bool sandbox_object(seL4_Word type, seL4_Word bits, seL4_Word index)
{
    return ok(seL4_Untyped_Retype(sandbox_ut, type, bits, ROOT, s_cnode, ROOT_DEPTH, index, 1), "a sandbox object");
}

static bool sandbox_copy(seL4_Word index, seL4_CPtr src)
{
    return ok(seL4_CNode_Copy(s_cnode, index, FUZZ_S_RADIX, ROOT, src, ROOT_DEPTH, seL4_AllRights), "a sandbox cap");
}

/* A new sandbox S for the next round. */
static bool build_sandbox(void)
{
    seL4_CPtr authority = slot_alloc();

    if (s_cnode == 0)
        s_cnode = slot_alloc();
    if (!ok(seL4_Untyped_Retype(sandbox_ut, seL4_CapTableObject, FUZZ_S_RADIX, ROOT, 0, 0, s_cnode, 1), "S") ||
        !ok(seL4_CNode_Mint(s_cnode, FUZZ_SLOT_SELF, FUZZ_S_RADIX, ROOT, s_cnode, ROOT_DEPTH, seL4_AllRights,
                            seL4_CNode_CapData_new(0, seL4_WordBits - FUZZ_S_RADIX).words[0]), "S's own cap") ||
        !ok(seL4_CNode_Copy(w_cnode, 0, FUZZ_W_RADIX, ROOT, s_cnode, ROOT_DEPTH, seL4_AllRights), "S in W") ||
        !sandbox_copy(FUZZ_SLOT_ASID_CONTROL, seL4_CapASIDControl) ||
        !sandbox_copy(FUZZ_SLOT_VSPACE, seL4_CapInitThreadVSpace) ||
        !sandbox_copy(FUZZ_SLOT_ASID_POOL, seL4_CapInitThreadASIDPool) ||
        !ok(seL4_Untyped_Retype(sandbox_ut, seL4_TCBObject, 0, ROOT, 0, 0, authority, 1), "the authority TCB") ||
        !ok(seL4_TCB_SetMCPriority(authority, seL4_CapInitThreadTCB, FUZZ_PRIO_WORKER), "the authority's MCP") ||
        !ok(seL4_CNode_Move(s_cnode, FUZZ_SLOT_AUTHORITY, FUZZ_S_RADIX, ROOT, authority, ROOT_DEPTH),
            "the authority in S") ||
        !sandbox_object(seL4_UntypedObject, SANDBOX_BITS - 1, FUZZ_SLOT_UNTYPED) ||
        !ok(seL4_CNode_Mint(s_cnode, FUZZ_SLOT_VICTIM_EP, FUZZ_S_RADIX, ROOT, endpoint, ROOT_DEPTH, seL4_AllRights,
                            FUZZ_BADGE_VICTIM), "the victims' endpoint"))
        return false;
    for (unsigned i = 0; i < num_irqs; i++)
        if (!ok(seL4_IRQControl_Get(seL4_CapIRQControl, irqs[i], s_cnode, FUZZ_SLOT_IRQ0 + i, FUZZ_S_RADIX),
                "an IRQ handler for the sandbox (was it freed with the last one?)"))
            return false;
    return true;
}

/* Revoke the sandbox; its Untyped must be whole again. */
static bool check_sandbox_whole(void)
{
    return ok(seL4_CNode_Revoke(ROOT, sandbox_ut, ROOT_DEPTH), "revoking the sandbox") &&
           ok(seL4_Untyped_Retype(sandbox_ut, seL4_UntypedObject, SANDBOX_BITS, ROOT, 0, 0, probe, 1),
              "the sandbox Untyped whole after revoke: a Retype of its full size") &&
           ok(seL4_CNode_Delete(ROOT, probe, ROOT_DEPTH), "deleting the full-size child");
}

/* The worker's fault: a capability fault or unknown system call from one
 * of its random calls is stepped over; anything else is a failure. */
static void handle_fault(seL4_MessageInfo_t tag)
{
    seL4_Word label = seL4_MessageInfo_get_label(tag), mr0 = seL4_GetMR(0), mr1 = seL4_GetMR(1);
    seL4_UserContext uc;

    if (label != seL4_Fault_CapFault && label != seL4_Fault_UnknownSyscall) {
        static char buf[160];
        snprintf(buf, sizeof(buf), "the worker took fault %lu (MR0 %lx MR1 %lx) after %lu calls", label, mr0, mr1,
                 fuzz.calls);
        failure = buf;
        return;
    }
    fuzz.capfaults++;
    if (ok(seL4_TCB_ReadRegisters(worker_tcb, 0, 0, NUM_REGS, &uc), "reading the worker's registers")) {
        *(seL4_Word *)&uc += KEEL_SYSCALL_INSN_LEN;    /* the pc is the first field */
        ok(seL4_TCB_WriteRegisters(worker_tcb, 0, 0, NUM_REGS, &uc), "stepping the worker");
    }
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
}

static void print_summary(void)
{
    printf("# FUZZ seed %lu: %lu calls, %lu sequences, %lu rounds, %lu fresh frames read back, %lu alias checks, "
           "%lu victim messages\n", fuzz.seed, fuzz.calls, fuzz.sequences, fuzz.rounds, fuzz.frames_checked,
           fuzz.overlap_checks, fuzz.victim_messages);
    printf("# FUZZ errors:");
    for (unsigned e = 0; e < FUZZ_ERR_KINDS; e++)
        printf(" %s=%lu", fuzz_error_name(e), fuzz.errors[e]);
    printf("\n");
}

/* Receive from the worker until the run ends. */
static void supervise(void)
{
    seL4_Word badge;

    while (failure == NULL) {
        seL4_MessageInfo_t tag = seL4_Recv(endpoint, &badge);
        if (badge == FUZZ_BADGE_FAULT) {
            handle_fault(tag);
        } else if (badge == FUZZ_BADGE_CONTROL && seL4_MessageInfo_get_label(tag) == FUZZ_CONTROL_LABEL) {
            fuzz.rounds++;
            if (fuzz.failure != NULL) {
                failure = fuzz.failure;
            } else if (check_sandbox_whole() && fuzz.calls < fuzz.budget && build_sandbox()) {
                if (fuzz.rounds % 32 == 0)
                    printf("# round %lu: %lu calls\n", fuzz.rounds, fuzz.calls);
                seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
            } else {
                return;
            }
        } else {
            fuzz.victim_messages++;     /* a victim's message or fault: left unanswered */
        }
    }
}

int main(void)
{
    fuzz.seed = FUZZ_SEED;
    fuzz.budget = FUZZ_CALLS;
    tap_plan(1);
    if (choose_memory() && make_window_tables(FUZZ_CHECK_VA) && make_window_tables(FUZZ_RAND_VA)) {
        find_irqs();
        printf("# FUZZ seed %lu, %lu calls, %u IRQ lines for the sandbox\n", fuzz.seed, fuzz.budget, num_irqs);
        if (make_worker() && build_sandbox() && ok(seL4_TCB_Resume(worker_tcb), "starting the worker"))
            supervise();
    }
    seL4_TCB_Suspend(worker_tcb);
    print_summary();
    static char name[120];
    snprintf(name, sizeof(name), "FUZZ0001 seed %lu: %lu calls, invariants held, untyped whole", fuzz.seed,
             fuzz.calls);
    tap_result(failure == NULL, name, failure);
    return failure == NULL ? 0 : 1;
}
