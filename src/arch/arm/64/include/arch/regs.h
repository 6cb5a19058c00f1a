/*
 * An aarch64 thread's saved user registers. The exception entry (trap.S)
 * stores x0..x30 at regs[0..30], then SP_EL0, ELR_EL1 (the pc), SPSR_EL1 and
 * the two EL0 thread-ID registers; the byte offsets are shared with assembly
 * (asm.h) and checked in trap.c.
 */
#pragma once

/* sizeof(struct arch_context), for assembly (core/asm_layout.h). */
#define ARCH_CONTEXT_SIZE (36 * 8)

#include <arch/types.h>

enum {
    REG_X0 = 0, REG_X1, REG_X2, REG_X3, REG_X4, REG_X5, REG_X6, REG_X7, REG_X8, REG_X9,
    REG_X10, REG_X11, REG_X12, REG_X13, REG_X14, REG_X15, REG_X16, REG_X17, REG_X18,
    REG_X19, REG_X20, REG_X21, REG_X22, REG_X23, REG_X24, REG_X25, REG_X26, REG_X27,
    REG_X28, REG_X29, REG_X30,
    REG_SP,                     /* SP_EL0 */
    REG_PC,                     /* ELR_EL1 */
    REG_SPSR,                   /* SPSR_EL1: only NZCV survive a restore */
    REG_TPIDR,                  /* TPIDR_EL0: the TLS pointer, user-writable */
    REG_TPIDRRO,                /* TPIDRRO_EL0: read-only to user mode */
    ARCH_NUM_REGS
};

struct arch_context {
    word_t regs[ARCH_NUM_REGS];
};

/* A thread's FP/SIMD state while another thread holds the registers
 * (fpu.S: q0..q31 at 16n, FPSR and FPCR after them). */
struct arch_fpu_state {
    _Alignas(16) uint64_t q[64];
    uint64_t fpsr, fpcr;
};

/* Syscall ABI (as libsel4 on aarch64): x7 = syscall number, x0 = capability /
 * badge, x1 = message info, x2..x5 = the first four message registers. */
#define REG_ARG0        REG_X0
#define REG_ARG1        REG_X1
#define REG_CAP         REG_X0
#define REG_BADGE       REG_X0
#define REG_MSGINFO     REG_X1
#define REG_TLS         REG_TPIDR
#define ARCH_NUM_MSG_REGS 4
#define ARCH_SYSCALL_INSN_LEN 4     /* svc #0: ELR points past it */
static const unsigned char arch_msg_regs[ARCH_NUM_MSG_REGS] = { REG_X2, REG_X3, REG_X4, REG_X5 };

/* A multiple of 16 bytes: the entry code points sp at the context. */
_Static_assert(sizeof(struct arch_context) == ARCH_CONTEXT_SIZE, "trap.S frame layout");

static inline word_t arch_context_get(const struct arch_context *c, unsigned r)
{
    return c->regs[r];
}

static inline void arch_context_set(struct arch_context *c, unsigned r, word_t v)
{
    c->regs[r] = v;
}

/* Registers as seL4 lays them out in messages on aarch64: the UnknownSyscall
 * fault (followed by the syscall number), the UserException fault (followed
 * by number and code) and seL4_UserContext (TCB Read/WriteRegisters). */
static const unsigned char arch_syscall_fault_regs[] = {
    REG_X0, REG_X1, REG_X2, REG_X3, REG_X4, REG_X5, REG_X6, REG_X7,
    REG_PC, REG_SP, REG_X30, REG_SPSR,
};
static const unsigned char arch_exception_fault_regs[] = { REG_PC, REG_SP, REG_SPSR };
/* The first ARCH_NUM_FRAME_REGS of seL4_UserContext are the "frame"
 * registers of TCB_CopyRegisters, the rest the "integer" ones. */
#define ARCH_NUM_FRAME_REGS 17
static const unsigned char arch_user_context_regs[] = {
    REG_PC, REG_SP, REG_SPSR, REG_X0, REG_X1, REG_X2, REG_X3, REG_X4, REG_X5, REG_X6,
    REG_X7, REG_X8, REG_X16, REG_X17, REG_X18, REG_X29, REG_X30,
    REG_X9, REG_X10, REG_X11, REG_X12, REG_X13, REG_X14, REG_X15, REG_X19, REG_X20,
    REG_X21, REG_X22, REG_X23, REG_X24, REG_X25, REG_X26, REG_X27, REG_X28,
    REG_TPIDR, REG_TPIDRRO,
};
