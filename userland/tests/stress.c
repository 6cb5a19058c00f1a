/*
 * STRESS: random system calls. A worker thread in a CSpace of its own (a
 * 256-slot CNode holding a notification, an Untyped, a CNode and its fault
 * endpoint) makes thousands of system calls with random numbers, capability
 * addresses, labels, lengths, message words and extra caps. The kernel runs
 * its invariant checker after every one; a kernel panic, hang or corrupted
 * state ends the QEMU run and fails the suite. Faults come to the root task,
 * which steps the worker past the faulting system call and lets it go on.
 */
#include <keel/random.h>
#include "workers.h"

#define FUZZ_RADIX 8
#define FUZZ_CALLS 1500
#define SLOT_FAULT_EP 1

static seL4_Word rng = (seL4_Word)0x9e3779b97f4a7c15ull;

static seL4_Word next_random(void)
{
    return keel_random_next(&rng);
}

static seL4_Word random_arg(void)
{
    return keel_random_arg(&rng);
}

/* Blocking receives are left out: nothing would ever wake the worker. */
static const seL4_Word calls[] = {
    seL4_SysCall, seL4_SysNBSend, seL4_SysNBRecv, seL4_SysReply, seL4_SysYield,
    seL4_SysDebugCapIdentify, seL4_SysDebugNameThread, seL4_SysSend,
};

static void fill_buffer(void)
{
    seL4_IPCBuffer *b = seL4_GetIPCBuffer();
    for (unsigned i = 0; i < seL4_MsgMaxLength; i++)
        b->msg[i] = random_arg();
    for (unsigned i = 0; i < seL4_MsgMaxExtraCaps; i++)
        b->caps_or_badges[i] = random_arg() & 0x1ff;
    b->receiveCNode = random_arg();
    b->receiveIndex = random_arg();
    b->receiveDepth = random_arg() & 0x7f;
}

static void fuzz(worker *w)
{
    for (int i = 0; i < FUZZ_CALLS; i++) {
        fill_buffer();
        seL4_Word sys = calls[next_random() % (sizeof(calls) / sizeof(calls[0]))];
        seL4_Word dest = random_arg() & ((next_random() & 7) ? 0xff : ~0ul);
        /* A Call or Send to an endpoint would wait for a receiver forever. */
        if ((sys == (seL4_Word)seL4_SysCall || sys == (seL4_Word)seL4_SysSend) &&
            seL4_DebugCapIdentify(dest) == KEEL_CAP_ENDPOINT)
            sys = (seL4_Word)seL4_SysNBSend;
        seL4_MessageInfo_t info = seL4_MessageInfo_new(random_arg() & 0x3f, 0, random_arg() & 3,
                                                       random_arg() & 0xff);
        seL4_Word badge, out, m0 = random_arg(), m1 = random_arg(), m2 = random_arg(), m3 = random_arg();
        keel_sys_send_recv(sys, dest, &badge, info.words[0], &out, &m0, &m1, &m2, &m3);
        w->steps++;
    }
    /* Stop by faulting: returning would need the worker's own TCB capability,
     * which its CSpace does not have, and it runs above the root task. */
    w->done = 1;
    for (;;)
        *(volatile seL4_Word *)0 = 0;
}

/* The worker's own CSpace: a 256-slot CNode addressed with a 56-bit guard. */
static const char *make_fuzz_cspace(seL4_CPtr fault_ep, seL4_CPtr *root_cap)
{
    seL4_CPtr cnode = new_cnode(FUZZ_RADIX);
    CHECK(cnode != 0, "setup: no CNode");
    *root_cap = slot_alloc();
    TRY(expect_ok(seL4_CNode_Mint(ROOT, *root_cap, ROOT_DEPTH, ROOT, cnode, ROOT_DEPTH, seL4_AllRights,
                                  seL4_CNode_CapData_new(0, seL4_WordBits - FUZZ_RADIX).words[0]),
                  "setup: CNode with a guard"));
    TRY(expect_ok(seL4_CNode_Copy(cnode, SLOT_FAULT_EP, FUZZ_RADIX, ROOT, fault_ep, ROOT_DEPTH, seL4_AllRights),
                  "setup: fault endpoint"));
    seL4_CPtr ut = ut_alloc(13), ntfn = new_notification();
    CHECK(ut != 0 && ntfn != 0, "setup: objects for the fuzzer");
    TRY(expect_ok(seL4_CNode_Move(cnode, 2, FUZZ_RADIX, ROOT, ut, ROOT_DEPTH), "setup: Untyped"));
    TRY(expect_ok(seL4_CNode_Copy(cnode, 3, FUZZ_RADIX, ROOT, ntfn, ROOT_DEPTH, seL4_AllRights), "setup: ntfn"));
    TRY(expect_ok(seL4_CNode_Copy(cnode, 4, FUZZ_RADIX, ROOT, *root_cap, ROOT_DEPTH, seL4_AllRights),
                  "setup: its own CNode"));
    return NULL;
}

/* Take one fault, if there is one: step the worker past the system call
 * that raised it and resume it. */
static int handle_one_fault(seL4_CPtr ep, worker *w)
{
    seL4_Word badge = 0;
    seL4_MessageInfo_t tag = seL4_NBRecv(ep, &badge);
    if (badge != FAULT_BADGE)
        return 0;
    seL4_Word label = seL4_MessageInfo_get_label(tag);
    seL4_UserContext uc;
    if (seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc) == seL4_NoError &&
        (label == seL4_Fault_CapFault || label == seL4_Fault_UnknownSyscall)) {
        *(seL4_Word *)&uc += KEEL_SYSCALL_INSN_LEN;    /* the pc is the first field */
        seL4_TCB_WriteRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc);
    }
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    return 1;
}

static const char *stress_random_syscalls(void)
{
    seL4_CPtr ep = 0, fault_ep, cspace = 0;
    fault_ep = fault_ep_new(&ep);
    CHECK(fault_ep != 0, "setup: fault endpoint");
    TRY(make_fuzz_cspace(fault_ep, &cspace));
    worker *w = worker_create(0, PRIO_HI, SLOT_FAULT_EP, fuzz, 0, 0);
    CHECK(w != NULL, "setup: %s", worker_error());
    TRY(expect_ok(seL4_TCB_SetSpace(w->tcb, SLOT_FAULT_EP, cspace, 0, seL4_CapInitThreadVSpace, 0),
                  "setup: the worker's CSpace"));
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "setup: Resume"));
    unsigned faults = 0, idle = 0;
    /* The worker runs above the root task: the root runs only while the worker
     * waits on a fault or has stopped. */
    while (!w->done && idle < 1000) {
        if (handle_one_fault(ep, w)) {
            faults++;
            idle = 0;
        } else {
            idle++;
            seL4_Yield();
        }
    }
    seL4_TCB_Suspend(w->tcb);
    printf("# %lu random system calls, %u faults handled\n", (seL4_Word)w->steps, faults);
    CHECK(w->steps > FUZZ_CALLS / 4, "the fuzzer stopped early after %lu calls", (seL4_Word)w->steps);
    return NULL;
}

static const struct test tests[] = {
    { "STRESS0001 thousands of random system calls leave the kernel consistent", stress_random_syscalls },
};

TEST_SUITE_AFTER_EACH(stress_suite, tests, workers_cleanup);
