/*
 * The FPU, switched lazily (hal.h): the FP/SIMD registers hold the state of
 * one thread, arm_fpu_owner. The way back to user mode (trap.S) sets
 * CPACR_EL1.FPEN on only for the owner, so another thread's first FP/SIMD
 * instruction traps (EC 0x07); arm_fpu_trap then saves the owner's
 * registers into its TCB, loads the thread's, makes it the owner, and the
 * instruction runs again. A thread with seL4_TCBFlag_fpuDisabled never
 * becomes the owner: its FP instructions are UserExceptions (ESR as the
 * number, as seL4).
 */
#include "../arm.h"

_Static_assert(offsetof(struct arch_fpu_state, q[62]) == FPU_Q(31), "fpu.S: q registers");
_Static_assert(offsetof(struct arch_fpu_state, fpsr) == FPU_FPSR &&
               offsetof(struct arch_fpu_state, fpcr) == FPU_FPSR + 8, "fpu.S: fpsr, fpcr");

/* The thread whose state the FP registers hold; NULL: nobody's (trap.S
 * compares it with the context it restores). */
struct arch_context *arm_fpu_owner;

void arm_fpu_save(struct arch_fpu_state *s);
void arm_fpu_load(const struct arch_fpu_state *s);

void arch_fpu_release(struct arch_context *ctx)
{
    if (arm_fpu_owner != ctx)
        return;
    arm_fpu_save(core_fpu_state(ctx));
    arm_fpu_owner = NULL;
}

bool arm_fpu_trap(struct arch_context *ctx)
{
    if (!core_fpu_allowed(ctx))
        return false;
    if (arm_fpu_owner)
        arm_fpu_save(core_fpu_state(arm_fpu_owner));
    arm_fpu_load(core_fpu_state(ctx));
    arm_fpu_owner = ctx;
    return true;
}
