/*
 * Worker threads of the thread tests (see workers.h).
 */
#include "workers.h"

#define STACK_SIZE 16384

worker workers[MAX_WORKERS];
static _Alignas(4096) unsigned char ipc_pages[MAX_WORKERS][4096];
static _Alignas(16) unsigned char stacks[MAX_WORKERS][STACK_SIZE];
static const char *last_error = "no error";

/* Every worker starts here: its IPC buffer pointer (a TLS variable, set up
 * by the registers worker_create wrote), its function, then it stops. */
static void trampoline(worker *w)
{
    seL4_SetIPCBuffer(w->ipc);
    w->fn(w);
    w->done = 1;
    seL4_TCB_Suspend(w->tcb);
    for (;;) {
        seL4_Yield();
    }
}

const char *worker_error(void)
{
    return last_error;
}

static worker *fail(const char *what, seL4_Error err)
{
    last_error = test_fail("worker_create: %s gave %s", what, error_name(err));
    return NULL;
}

seL4_Error root_priority(seL4_Word prio)
{
    return seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, prio);
}

worker *worker_create(int i, seL4_Word prio, seL4_CPtr fault_ep, worker_fn fn, seL4_CPtr cap, seL4_Word arg)
{
    worker *w = &workers[i];
    seL4_Error err;
    seL4_UserContext uc;

    memset(w, 0, sizeof(*w));
    w->ipc = (seL4_IPCBuffer *)ipc_pages[i];
    w->fn = fn;
    w->cap = cap;
    w->arg = arg;
    if ((err = root_priority(PRIO_ROOT)) != seL4_NoError) {
        return fail("root priority", err);
    }
    w->tcb = new_object(seL4_TCBObject, 0);
    if (w->tcb == 0) {
        return fail("TCB retype", seL4_NotEnoughMemory);
    }
    err = seL4_TCB_Configure(w->tcb, fault_ep, ROOT, 0, seL4_CapInitThreadVSpace, 0, (seL4_Word)w->ipc,
                             keel_image_frame_cap(w->ipc));
    if (err != seL4_NoError) {
        return fail("Configure", err);
    }
    if ((err = seL4_TCB_SetPriority(w->tcb, seL4_CapInitThreadTCB, prio)) != seL4_NoError) {
        return fail("SetPriority", err);
    }
    char name[16];
    snprintf(name, sizeof(name), "worker%d", i);
    seL4_DebugNameThread(w->tcb, name);     /* kernel fault reports name it */
    memset(&uc, 0, sizeof(uc));
    keel_arch_init_context(&uc, (seL4_Word)trampoline, (seL4_Word)(stacks[i] + STACK_SIZE), (seL4_Word)w,
                           keel_tls_init(w->tls, sizeof(w->tls)));
    if ((err = seL4_TCB_WriteRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc)) != seL4_NoError) {
        return fail("WriteRegisters", err);
    }
    return w;
}

worker *worker_start(int i, seL4_Word prio, seL4_CPtr fault_ep, worker_fn fn, seL4_CPtr cap, seL4_Word arg)
{
    worker *w = worker_create(i, prio, fault_ep, fn, cap, arg);
    seL4_Error err;

    if (w != NULL && (err = seL4_TCB_Resume(w->tcb)) != seL4_NoError) {
        return fail("Resume", err);
    }
    return w;
}

void yield_n(int n)
{
    for (int i = 0; i < n; i++) {
        seL4_Yield();
    }
}

seL4_CPtr new_notification(void)
{
    return new_object(seL4_NotificationObject, 0);
}

seL4_CPtr mint_cap(seL4_CPtr src, seL4_CapRights_t rights, seL4_Word badge)
{
    seL4_CPtr slot = slot_alloc();

    if (slot == 0 || seL4_CNode_Mint(ROOT, slot, ROOT_DEPTH, ROOT, src, ROOT_DEPTH, rights, badge) != seL4_NoError) {
        return 0;
    }
    return slot;
}

/* Above every worker first, so that none runs while its objects go. */
void workers_cleanup(void)
{
    seL4_Error err = root_priority(seL4_MaxPrio);

    if (err != seL4_NoError) {
        test_cleanup_fail("the root's priority back to the maximum gave %s", error_name(err));
    }
    caps_cleanup();
}

seL4_CPtr fault_ep_new(seL4_CPtr *ep)
{
    *ep = new_endpoint();
    return *ep == 0 ? 0 : mint_cap(*ep, seL4_AllRights, FAULT_BADGE);
}

const char *take_fault(seL4_CPtr ep, seL4_MessageInfo_t *tag)
{
    seL4_Word badge = 0;

    *tag = seL4_NBRecv(ep, &badge);
    CHECK(badge == FAULT_BADGE, "no fault message on the fault endpoint (badge %lx)", badge);
    return NULL;
}

const char *expect_cap_fault(seL4_CPtr ep, seL4_Word addr, seL4_Word in_recv, seL4_Word lookup_type)
{
    seL4_MessageInfo_t tag;

    TRY(take_fault(ep, &tag));
    CHECK(seL4_MessageInfo_get_label(tag) == seL4_Fault_CapFault, "fault label %lu, want CapFault",
          (seL4_Word)seL4_MessageInfo_get_label(tag));
    CHECK(seL4_GetMR(seL4_CapFault_Addr) == addr, "CapFault Addr %lx, want %lx", seL4_GetMR(seL4_CapFault_Addr),
          addr);
    CHECK(seL4_GetMR(seL4_CapFault_InRecvPhase) == in_recv, "CapFault InRecvPhase %lu, want %lu",
          seL4_GetMR(seL4_CapFault_InRecvPhase), in_recv);
    CHECK(seL4_GetMR(seL4_CapFault_LookupFailureType) == lookup_type, "CapFault lookup failure %lu, want %lu",
          seL4_GetMR(seL4_CapFault_LookupFailureType), lookup_type);
    return NULL;
}
