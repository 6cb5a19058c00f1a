/*
 * The FPU, switched lazily (hal.h): the FP registers hold the state of one
 * thread, riscv_fpu_owner. The way back to user mode (trap.S) turns FS on
 * only for the owner, so another thread's first FP instruction traps as an
 * illegal instruction with FS = Off; riscv_fpu_trap then saves the owner's
 * registers into its TCB, loads the thread's and makes it the owner, and the
 * instruction runs again. A thread with seL4_TCBFlag_fpuDisabled never
 * becomes the owner: its FP instructions stay illegal (a UserException, as
 * seL4 with FS off). A thread that never uses the FPU costs nothing.
 */
#include <core/hal.h>
#include "asm.h"
#include "riscv.h"

_Static_assert(offsetof(struct arch_fpu_state, f[31]) == FPU_F(31), "fpu.S: f registers");
_Static_assert(offsetof(struct arch_fpu_state, fcsr) == FPU_FCSR, "fpu.S: fcsr");

/* The thread whose state the FP registers hold; NULL: nobody's (trap.S
 * compares it with the context it restores). */
struct arch_context *riscv_fpu_owner;

void riscv_fpu_save(struct arch_fpu_state *s);
void riscv_fpu_load(const struct arch_fpu_state *s);

void arch_fpu_release(struct arch_context *ctx)
{
    if (riscv_fpu_owner != ctx)
        return;
    riscv_fpu_save(core_fpu_state(ctx));
    riscv_fpu_owner = NULL;
}

bool riscv_fpu_trap(struct arch_context *ctx)
{
    if ((ctx->regs[REG_STATUS] & SSTATUS_FS) != 0 || !core_fpu_allowed(ctx))
        return false;           /* a real illegal instruction, or no FPU for it */
    if (riscv_fpu_owner)
        riscv_fpu_save(core_fpu_state(riscv_fpu_owner));
    riscv_fpu_load(core_fpu_state(ctx));
    riscv_fpu_owner = ctx;
    return true;
}
