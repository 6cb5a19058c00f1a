/*
 * The FPU, switched lazily by the core (core/fpu_lazy.c): the way back to
 * user mode (trap.S) sets CPACR_EL1.FPEN on only for fpu_owner, so another
 * thread's first FP/SIMD instruction traps (EC 0x07) and trap.c calls
 * fpu_lazy_claim; a refused thread gets a UserException (ESR as the number,
 * as seL4). fpu.S saves and loads the registers; this file checks its
 * offsets.
 */
#include "../arm.h"

_Static_assert(offsetof(struct arch_fpu_state, q[62]) == FPU_Q(31), "fpu.S: q registers");
_Static_assert(offsetof(struct arch_fpu_state, fpsr) == FPU_FPSR &&
               offsetof(struct arch_fpu_state, fpcr) == FPU_FPSR + 8, "fpu.S: fpsr, fpcr");

