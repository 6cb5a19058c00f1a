/*
 * Lazy FPU switching, for ports that can turn the FPU off for user mode
 * (their meson.build sets arch_fpu_lazy; riscv64: sstatus.FS, aarch64:
 * CPACR_EL1.FPEN). The FP registers hold the state of one thread,
 * fpu_owner; every exit to user mode enables the FPU for the owner only
 * (the port's exit path compares the context it restores with fpu_owner),
 * so another thread's first FP instruction traps, and the port's trap
 * handler calls fpu_lazy_claim: the owner's registers go to its TCB, the
 * thread's come in, it becomes the owner and the instruction runs again. A
 * thread with seL4_TCBFlag_fpuDisabled never becomes the owner, so its FP
 * instructions stay faults (a UserException, as in seL4). A thread that
 * never uses the FPU costs nothing.
 *
 * A thread that has had the registers once gets them at every switch to it
 * (fpu_lazy_switch, from the kernel's exits), not through a trap: user code
 * built for an FPU touches it in nearly every function (aarch64 compilers
 * copy 16-byte structures through q registers, libsel4's stubs included),
 * and a trap per switch would double the cost of an IPC round trip. An
 * assembly fastpath that does not call fpu_lazy_switch stays correct: the
 * thread then traps as before.
 */
#include <core/hal.h>
#include <core/tcb.h>

struct arch_context *fpu_owner;

/* hal.h: the thread gives the registers up (SetFlags fpuDisabled, deletion). */
void arch_fpu_release(struct arch_context *ctx)
{
    if (fpu_owner != ctx)
        return;
    arch_fpu_save(core_fpu_state(ctx));
    fpu_owner = NULL;
}

bool fpu_lazy_claim(struct arch_context *ctx)
{
    if (!core_fpu_allowed(ctx))
        return false;
    if (fpu_owner)
        arch_fpu_save(core_fpu_state(fpu_owner));
    arch_fpu_load(core_fpu_state(ctx));
    fpu_owner = ctx;
    tcb_from_ctx(ctx)->fpu_used = true;
    return true;
}

void fpu_lazy_switch(struct arch_context *next)
{
    if (next && next != fpu_owner && tcb_from_ctx(next)->fpu_used)
        (void)fpu_lazy_claim(next);
}
