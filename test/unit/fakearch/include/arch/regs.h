/* Fake register file for the host unit tests. */
#pragma once

#include <arch/types.h>

enum { REG_PC = 0, REG_SP, REG_A0, REG_A1, REG_A2, REG_A3, REG_A4, REG_A5, REG_TP, ARCH_NUM_REGS };

struct arch_context {
    word_t regs[ARCH_NUM_REGS];
};

/* A thread's FP registers (hal.h): a few words are enough for the host. */
struct arch_fpu_state {
    word_t f[4];
};

#define REG_ARG0 REG_A0
#define REG_ARG1 REG_A1
#define REG_CAP REG_A0
#define REG_BADGE REG_A0
#define REG_MSGINFO REG_A1
#define REG_TLS REG_TP
#define ARCH_NUM_MSG_REGS 4
#define ARCH_SYSCALL_INSN_LEN 4
static const unsigned char arch_msg_regs[ARCH_NUM_MSG_REGS] = { REG_A2, REG_A3, REG_A4, REG_A5 };

static inline word_t arch_context_get(const struct arch_context *c, unsigned r) { return c->regs[r]; }
static inline void arch_context_set(struct arch_context *c, unsigned r, word_t v) { c->regs[r] = v; }

static const unsigned char arch_syscall_fault_regs[] = { REG_PC, REG_SP, REG_A0, REG_A1 };
static const unsigned char arch_exception_fault_regs[] = { REG_PC, REG_SP };
/* The first ARCH_NUM_FRAME_REGS of seL4_UserContext are the "frame"
 * registers of TCB_CopyRegisters, the rest the "integer" ones. */
#define ARCH_NUM_FRAME_REGS 2
static const unsigned char arch_user_context_regs[] = { REG_PC, REG_SP, REG_A0, REG_A1, REG_A2, REG_A3, REG_A4, REG_A5, REG_TP };
