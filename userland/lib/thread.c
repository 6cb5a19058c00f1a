/*
 * Starting threads in the root task's address space (see keel/thread.h).
 */
#include <keel/libc.h>
#include <keel/thread.h>

extern char __keel_image_start[];

seL4_CPtr keel_image_frame_cap(const void *page)
{
    seL4_Word index = ((seL4_Word)page - (seL4_Word)__keel_image_start) >> seL4_PageBits;
    return seL4_GetBootInfo()->userImageFrames.start + index;
}

static void trampoline(keel_thread *t)
{
    seL4_SetIPCBuffer(t->ipc);
    t->fn(t->arg);
    seL4_TCB_Suspend(t->tcb);
    for (;;)
        seL4_Yield();
}

seL4_Error keel_thread_start(keel_thread *t, seL4_CPtr untyped, seL4_CPtr slot, seL4_IPCBuffer *ipc,
                             void *stack_top, seL4_Word prio, void (*fn)(void *), void *arg)
{
    t->tcb = slot;
    t->ipc = ipc;
    t->fn = fn;
    t->arg = arg;
    seL4_Error err = seL4_Untyped_Retype(untyped, seL4_TCBObject, 0, seL4_CapInitThreadCNode, 0, 0, slot, 1);
    if (err == seL4_NoError)
        err = seL4_TCB_Configure(slot, 0, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0,
                                 (seL4_Word)ipc, keel_image_frame_cap(ipc));
    if (err == seL4_NoError)
        err = seL4_TCB_SetPriority(slot, seL4_CapInitThreadTCB, prio);
    if (err != seL4_NoError)
        return err;
    seL4_UserContext uc;
    memset(&uc, 0, sizeof(uc));
    seL4_Word tp = keel_tls_init(t->tls, sizeof(t->tls));
    keel_arch_init_context(&uc, (seL4_Word)trampoline, (seL4_Word)stack_top, (seL4_Word)t, tp);
    return seL4_TCB_WriteRegisters(slot, 1, 0, sizeof(uc) / sizeof(seL4_Word), &uc);
}
