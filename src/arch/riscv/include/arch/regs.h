/*
 * A riscv64 thread's saved user registers. The trap entry (trap.S) stores x1..x31
 * at regs[0..30] in that order, then the pc (sepc) and sstatus; the offsets are
 * shared with assembly and checked below.
 */
#pragma once

/* sizeof(struct arch_context), for assembly (core/asm_layout.h places the
 * TCB fields after it); checked below. */
#define ARCH_CONTEXT_SIZE (33 * 8)

#ifndef __ASSEMBLER__

#include <arch/types.h>

enum {
    REG_RA = 0, REG_SP, REG_GP, REG_TP, REG_T0, REG_T1, REG_T2, REG_S0, REG_S1,
    REG_A0, REG_A1, REG_A2, REG_A3, REG_A4, REG_A5, REG_A6, REG_A7,
    REG_S2, REG_S3, REG_S4, REG_S5, REG_S6, REG_S7, REG_S8, REG_S9, REG_S10, REG_S11,
    REG_T3, REG_T4, REG_T5, REG_T6,
    REG_PC,                     /* sepc */
    REG_STATUS,                 /* sstatus as it was at the trap */
    ARCH_NUM_REGS
};

struct arch_context {
    word_t regs[ARCH_NUM_REGS];
};

/* Syscall ABI (as libsel4 on RISC-V): a7 = syscall number, a0 = capability /
 * badge, a1 = message info, a2..a5 = the first four message registers. */
#define REG_ARG0        REG_A0
#define REG_ARG1        REG_A1
#define REG_CAP         REG_A0
#define REG_BADGE       REG_A0
#define REG_MSGINFO     REG_A1
#define REG_TLS         REG_TP
#define ARCH_NUM_MSG_REGS 4
#define ARCH_SYSCALL_INSN_LEN 4     /* ecall: a restarted syscall re-executes it */
static const unsigned char arch_msg_regs[ARCH_NUM_MSG_REGS] = { REG_A2, REG_A3, REG_A4, REG_A5 };

_Static_assert(sizeof(struct arch_context) == ARCH_CONTEXT_SIZE, "trap.S frame layout");

/* A thread's F/D state while another thread holds the FP registers
 * (fpu.S saves and loads it; offsets: f[n] at 8n, fcsr at 256). */
struct arch_fpu_state {
    uint64_t f[32];
    word_t fcsr;
};

static inline word_t arch_context_get(const struct arch_context *c, unsigned r)
{
    return c->regs[r];
}

static inline void arch_context_set(struct arch_context *c, unsigned r, word_t v)
{
    c->regs[r] = v;
}

/* Registers as seL4 lays them out in messages: the UnknownSyscall fault
 * (followed by the syscall number), the UserException fault (followed by
 * number and code) and seL4_UserContext (TCB Read/WriteRegisters). */
static const unsigned char arch_syscall_fault_regs[] = {
    REG_PC, REG_SP, REG_RA, REG_A0, REG_A1, REG_A2, REG_A3, REG_A4, REG_A5, REG_A6,
};
static const unsigned char arch_exception_fault_regs[] = { REG_PC, REG_SP };
/* The first ARCH_NUM_FRAME_REGS of seL4_UserContext are the "frame"
 * registers of TCB_CopyRegisters, the rest the "integer" ones. */
#define ARCH_NUM_FRAME_REGS 16
static const unsigned char arch_user_context_regs[] = {
    REG_PC, REG_RA, REG_SP, REG_GP, REG_S0, REG_S1, REG_S2, REG_S3, REG_S4, REG_S5, REG_S6,
    REG_S7, REG_S8, REG_S9, REG_S10, REG_S11, REG_A0, REG_A1, REG_A2, REG_A3, REG_A4, REG_A5,
    REG_A6, REG_A7, REG_T0, REG_T1, REG_T2, REG_T3, REG_T4, REG_T5, REG_T6, REG_TP,
};

#endif /* !__ASSEMBLER__ */
