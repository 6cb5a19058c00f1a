/*
 * Thread control blocks: initialisation. The TCB invocations arrive with the
 * thread-management work; the boot path only needs a clean TCB.
 */
#include <core/tcb.h>
#include <core/string.h>
#include <sel4/constants.h>
#include <sel4/shared_types.h>

void tcb_init(struct tcb *t, const char *name)
{
    memset(t, 0, sizeof(*t));
    /* A context the port can restore as it is (x86_64: valid FPU control
     * words), even before anything sets its registers. */
    arch_context_init(&t->ctx, 0, 0, 0);
    t->state = THREAD_INACTIVE;
    t->timeslice = TIMESLICE_TICKS;
    size_t n = strlen(name);
    if (n >= TCB_NAME_LEN)
        n = TCB_NAME_LEN - 1;
    memcpy(t->name, name, n);
}

struct arch_fpu_state *core_fpu_state(struct arch_context *ctx)
{
    return &tcb_from_ctx(ctx)->fpu;
}

bool core_fpu_allowed(const struct arch_context *ctx)
{
    return !(((const struct tcb *)ctx)->flags & seL4_TCBFlag_fpuDisabled);
}

/* Only a frame the thread may both read and write serves as its buffer
 * (SetIPCBuffer refuses others; this keeps the rule wherever the kernel
 * resolves the buffer, whatever put the capability in the slot). */
struct seL4_IPCBuffer_ *tcb_ipc_buffer(struct tcb *t)
{
    cap_t c = t->slots[TCB_BUFFER].cap;
    if (cap_type(c) != CAP_FRAME ||
        (cap_vm_flags(c) & (CAP_VM_READ | CAP_VM_WRITE | CAP_VM_DEVICE)) != (CAP_VM_READ | CAP_VM_WRITE))
        return NULL;
    word_t offset = t->ipc_buffer & MASK(pt_level_shift(cap_vm_level(c)));
    return (struct seL4_IPCBuffer_ *)((uint8_t *)cap_ptr(c) + offset);
}
