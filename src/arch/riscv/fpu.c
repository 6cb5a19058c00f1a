/*
 * The FPU, switched lazily by the core (core/fpu_lazy.c): the way back to
 * user mode (trap.S) turns sstatus.FS on only for fpu_owner, so another
 * thread's first FP instruction traps as an illegal instruction with
 * FS = Off, which riscv_fpu_trap tells from a real one. fpu.S saves and
 * loads the registers.
 */
#include <core/hal.h>
#include "asm.h"
#include "riscv.h"

_Static_assert(offsetof(struct arch_fpu_state, f[31]) == FPU_F(31), "fpu.S: f registers");
_Static_assert(offsetof(struct arch_fpu_state, fcsr) == FPU_FCSR, "fpu.S: fcsr");

bool riscv_fpu_trap(struct arch_context *ctx)
{
    if ((ctx->regs[REG_STATUS] & SSTATUS_FS) != 0)
        return false;           /* the FPU was on: a real illegal instruction */
    return fpu_lazy_claim(ctx);
}
