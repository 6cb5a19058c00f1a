/*
 * An ia32 thread's saved user state. The trap and sysenter entries (trap.S)
 * store the general registers at regs[] in the order below, then eip,
 * eflags and the FS and GS segment bases (pseudo-registers: the TLS
 * pointers, loaded through GDT descriptors on every return to user mode);
 * the FPU/SSE state follows as an FXSAVE image. The byte offsets are shared
 * with assembly (ctx_offsets.h) and checked there.
 */
#pragma once

/* sizeof(struct arch_context), for assembly (core/asm_layout.h). */
#define ARCH_CONTEXT_SIZE (48 + 512)

#ifndef __ASSEMBLER__

#include <core/types.h>
#include <arch/types.h>

enum {
    REG_EAX = 0, REG_EBX, REG_ECX, REG_EDX, REG_ESI, REG_EDI, REG_EBP, REG_ESP,
    REG_PC,                     /* eip */
    REG_FLAGS,                  /* eflags */
    REG_FS_BASE,                /* FS segment base */
    REG_GS_BASE,                /* GS segment base: the thread's TLS pointer */
    ARCH_NUM_REGS
};

#define ARCH_FPU_SIZE   512     /* FXSAVE image; 16-byte aligned */

struct arch_context {
    word_t regs[ARCH_NUM_REGS];
    _Alignas(16) uint8_t fpu[ARCH_FPU_SIZE];
};

/* ia32 switches the FPU eagerly as x86_64 does (src/arch/x86/trap.c): the
 * FXSAVE image above is the state, the TCB's arch_fpu_state (hal.h) has
 * nothing to hold. */
struct arch_fpu_state {
    uint8_t unused;
};

/* Syscall ABI (as seL4 on ia32): eax = syscall number, ebx = capability /
 * badge, esi = message info, edi and ebp = the two message registers in
 * registers; `sysenter` takes the user stack pointer in ecx and the return
 * address in edx. The root task gets the bootinfo pointer in ebx. */
#define REG_SP          REG_ESP
#define REG_ARG0        REG_EBX
#define REG_ARG1        REG_ESI
#define REG_CAP         REG_EBX
#define REG_BADGE       REG_EBX
#define REG_MSGINFO     REG_ESI
#define REG_TLS         REG_GS_BASE
#define ARCH_NUM_MSG_REGS 2
#define ARCH_SYSCALL_INSN_LEN 2     /* sysenter (0f 34) and int $0x80 (cd 80) */
static const unsigned char arch_msg_regs[ARCH_NUM_MSG_REGS] = { REG_EDI, REG_EBP };

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
    REG_EAX, REG_EBX, REG_ECX, REG_EDX, REG_ESI, REG_EDI, REG_EBP, REG_PC, REG_ESP, REG_FLAGS,
};
static const unsigned char arch_exception_fault_regs[] = { REG_PC, REG_ESP, REG_FLAGS };
/* The first ARCH_NUM_FRAME_REGS of seL4_UserContext are the "frame"
 * registers of TCB_CopyRegisters, the rest the "integer" ones. */
#define ARCH_NUM_FRAME_REGS 10
static const unsigned char arch_user_context_regs[] = {
    REG_PC, REG_ESP, REG_FLAGS, REG_EAX, REG_EBX, REG_ECX, REG_EDX, REG_ESI, REG_EDI, REG_EBP,
    REG_FS_BASE, REG_GS_BASE,
};

#endif /* !__ASSEMBLER__ */
