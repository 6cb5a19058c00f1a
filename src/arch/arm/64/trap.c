/*
 * Exception dispatch in C, called by trap.S on the kernel stack. An
 * exception from EL0 has already saved the thread's registers into its
 * arch_context; it is turned into exactly one core entry (fault or
 * interrupt; trap.S dispatches system calls itself) whose result trap.S
 * restores. An exception at EL1 is either an interrupt waking the idle loop
 * or a kernel bug.
 */
#include <core/printk.h>
#include <core/string.h>
#include <sel4/syscall_numbers.h>
#include "../arm.h"

_Static_assert(offsetof(struct arch_context, regs[REG_X0]) == CTX_REG(0), "x0 offset");
_Static_assert(offsetof(struct arch_context, regs[REG_X30]) == CTX_REG(30), "x30 offset");
_Static_assert(offsetof(struct arch_context, regs[REG_SP]) == CTX_SP, "sp offset");
_Static_assert(offsetof(struct arch_context, regs[REG_PC]) == CTX_PC, "pc offset");
_Static_assert(offsetof(struct arch_context, regs[REG_SPSR]) == CTX_SPSR, "spsr offset");
_Static_assert(offsetof(struct arch_context, regs[REG_TPIDR]) == CTX_TPIDR, "tpidr offset");
_Static_assert(offsetof(struct arch_context, regs[REG_TPIDRRO]) == CTX_TPIDRRO, "tpidrro offset");
_Static_assert(sizeof(struct arch_context) == CTX_SIZE, "context size");
_Static_assert(CTX_SP + 8 == CTX_PC && CTX_PC + 8 == CTX_SPSR && CTX_TPIDR + 8 == CTX_TPIDRRO,
               "trap.S moves these in pairs");
_Static_assert(SYS_CALL == seL4_SysCall && SYS_REPLY_RECV == seL4_SysReplyRecv, "fastpath numbers");

/* Exception classes (ESR_EL1.EC, ARM ARM D17.2.37) the kernel tells apart. */
enum {
    EC_UNKNOWN = 0x00, EC_WFX = 0x01, EC_FP = 0x07, EC_ILLEGAL_STATE = 0x0e,
    EC_SVC64 = ESR_EC_SVC64, EC_SYSREG = 0x18, EC_IABT_LOWER = 0x20, EC_IABT_SAME = 0x21,
    EC_PC_ALIGN = 0x22, EC_DABT_LOWER = 0x24, EC_DABT_SAME = 0x25, EC_SP_ALIGN = 0x26,
    EC_SERROR = 0x2f, EC_BRK64 = 0x3c,
};

static const char *exception_name(word_t ec)
{
    switch (ec) {
    case EC_UNKNOWN: return "undefined instruction";
    case EC_WFX: return "wfi/wfe";
    case EC_FP: return "FP/SIMD access";
    case EC_ILLEGAL_STATE: return "illegal execution state";
    case EC_SVC64: return "svc";
    case EC_SYSREG: return "system register access";
    case EC_IABT_LOWER: case EC_IABT_SAME: return "instruction abort";
    case EC_PC_ALIGN: return "pc alignment";
    case EC_DABT_LOWER: case EC_DABT_SAME: return "data abort";
    case EC_SP_ALIGN: return "sp alignment";
    case EC_SERROR: return "SError";
    case EC_BRK64: return "brk";
    default: return "unknown exception";
    }
}

static word_t esr_class(word_t esr)
{
    return (esr >> ESR_EC_SHIFT) & 0x3f;
}

/* Aborts are VM faults (FAR = the address, ESR = seL4's FSR word, an
 * instruction abort is a prefetch fault); every other exception is a
 * UserException with the whole ESR as its number and code 0, as seL4. */
struct arch_context *arm_trap_user(struct arch_context *ctx)
{
    word_t esr = sysreg_read(esr_el1), ec = esr_class(esr);
    struct user_fault f = {
        .kind = USER_FAULT_EXCEPTION, .addr = sysreg_read(far_el1), .code = esr, .subcode = 0,
        .cause = exception_name(ec),
    };
    if (ec == EC_FP && fpu_lazy_claim(ctx))
        return ctx;             /* the thread has the FPU now: run it again */
    if (ec == EC_IABT_LOWER || ec == EC_DABT_LOWER) {
        f.kind = USER_FAULT_VM;
        f.instruction = ec == EC_IABT_LOWER;
        /* seL4 reports a prefetch abort at the thread's pc (FAR holds the
         * same address for a fetch). */
        if (f.instruction)
            f.addr = arch_context_get(ctx, REG_PC);
    }
    return core_fault(&f);
}

/* FIQ, SError or an AArch32 exception from EL0: none of these can happen
 * to a well-behaved thread, so they are exceptions of the thread. */
struct arch_context *arm_trap_user_other(struct arch_context *ctx)
{
    (void)ctx;
    word_t esr = sysreg_read(esr_el1);
    struct user_fault f = {
        .kind = USER_FAULT_EXCEPTION, .addr = 0, .code = esr, .subcode = 0,
        .cause = "asynchronous or AArch32 exception",
    };
    return core_fault(&f);
}

/* The kernel runs with interrupts masked; only the idle loop unmasks them. */
struct arch_context *arm_trap_kernel_irq(word_t sp)
{
    word_t elr = sysreg_read(elr_el1);
    if (elr >= (word_t)arm_idle_loop && elr < (word_t)arm_idle_loop_end)
        return core_interrupt();
    panic("arm: kernel interrupt outside the idle loop: elr %lx sp %lx", elr, sp);
}

_Noreturn void arm_trap_kernel(word_t sp)
{
    word_t esr = sysreg_read(esr_el1);
    panic("arm: kernel exception: esr %lx (%s) elr %lx far %lx sp %lx", esr,
          exception_name(esr_class(esr)), sysreg_read(elr_el1), sysreg_read(far_el1), sp);
}

/* A fresh user context: pc, sp and the first argument; SPSR 0 is EL0t
 * with interrupts unmasked, the only state arch_restore_user produces. */
void arch_context_init(struct arch_context *ctx, word_t pc, word_t sp, word_t arg0)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->regs[REG_PC] = pc;
    ctx->regs[REG_SP] = sp;
    ctx->regs[REG_X0] = arg0;
}
