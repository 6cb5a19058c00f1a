/*
 * An x86_64 thread's saved user state. The trap and syscall entries (trap.S)
 * store the general registers at regs[] in the order below, then rip, rflags
 * and the FS base (a pseudo-register: the TLS pointer); the FPU/SSE state
 * follows as an FXSAVE image. The byte offsets are shared with assembly
 * (ctx_offsets.h) and checked there.
 */
#pragma once

/* sizeof(struct arch_context), for assembly (core/asm_layout.h places the
 * TCB fields after it); checked below. */
#define ARCH_CONTEXT_SIZE (160 + 512)

#ifndef __ASSEMBLER__

#include <core/types.h>
#include <arch/types.h>

enum {
    REG_RAX = 0, REG_RBX, REG_RCX, REG_RDX, REG_RSI, REG_RDI, REG_RBP, REG_RSP,
    REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
    REG_PC,                     /* rip */
    REG_FLAGS,                  /* rflags */
    REG_FS_BASE,                /* FS base: the thread's TLS pointer */
    ARCH_NUM_REGS
};

#define ARCH_FPU_SIZE   512     /* FXSAVE image; 16-byte aligned */

struct arch_context {
    word_t regs[ARCH_NUM_REGS];
    _Alignas(16) uint8_t fpu[ARCH_FPU_SIZE];
};

/* x86_64 switches the FPU eagerly: the FXSAVE image above is saved on every
 * entry and loaded on every exit, so the TCB's arch_fpu_state (hal.h) has
 * nothing to hold. */
struct arch_fpu_state {
    uint8_t unused;
};

/* Syscall ABI (as seL4 on x86_64): rdx = syscall number, rdi = capability /
 * badge, rsi = message info, r10, r8, r9, r15 = the first four message
 * registers. `syscall` itself overwrites rcx (return rip) and r11 (rflags). */
#define REG_SP          REG_RSP
#define REG_ARG0        REG_RDI
#define REG_ARG1        REG_RSI
#define REG_CAP         REG_RDI
#define REG_BADGE       REG_RDI
#define REG_MSGINFO     REG_RSI
#define REG_TLS         REG_FS_BASE
#define ARCH_NUM_MSG_REGS 4
#define ARCH_SYSCALL_INSN_LEN 2     /* syscall (0f 05): REG_PC - 2 re-executes it */
static const unsigned char arch_msg_regs[ARCH_NUM_MSG_REGS] = { REG_R10, REG_R8, REG_R9, REG_R15 };

_Static_assert(sizeof(struct arch_context) == ARCH_CONTEXT_SIZE, "trap.S frame layout");

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
    REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_RSI, REG_RDI, REG_RBP, REG_R8, REG_R9, REG_R10,
    REG_R11, REG_R12, REG_R13, REG_R14, REG_R15, REG_PC, REG_RSP, REG_FLAGS,
};
static const unsigned char arch_exception_fault_regs[] = { REG_PC, REG_RSP, REG_FLAGS };
/* The first ARCH_NUM_FRAME_REGS of seL4_UserContext are the "frame"
 * registers of TCB_CopyRegisters, the rest the "integer" ones. */
#define ARCH_NUM_FRAME_REGS 18
static const unsigned char arch_user_context_regs[] = {
    REG_PC, REG_RSP, REG_FLAGS, REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_RSI, REG_RDI, REG_RBP,
    REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15, REG_FS_BASE,
};

#endif /* !__ASSEMBLER__ */
