/*
 * Trap dispatch in C, called by trap.S on the kernel stack. A trap from user
 * mode has already saved the thread's registers into its arch_context; it is
 * turned into exactly one core entry (syscall, fault or interrupt) whose
 * result trap.S restores. A trap from S-mode is either the timer waking the
 * idle loop or a kernel bug.
 */
#include <core/printk.h>
#include <core/string.h>
#include <sel4/syscall_numbers.h>
#include "riscv.h"

_Static_assert(offsetof(struct arch_context, regs[REG_RA]) == CTX_REG(1), "x1 offset");
_Static_assert(offsetof(struct arch_context, regs[REG_A0]) == CTX_A0, "a0 offset");
_Static_assert(offsetof(struct arch_context, regs[REG_A7]) == CTX_REG(17), "a7 offset");
_Static_assert(offsetof(struct arch_context, regs[REG_T6]) == CTX_REG(31), "x31 offset");
_Static_assert(offsetof(struct arch_context, regs[REG_PC]) == CTX_PC, "sepc offset");
_Static_assert(offsetof(struct arch_context, regs[REG_STATUS]) == CTX_STATUS, "sstatus offset");

_Static_assert(RISCV_PAGE_BITS == PAGE_BITS, "page size");

/* Exception numbers in scause (privileged spec, table "Supervisor cause"). */
enum {
    EXC_INSN_MISALIGNED = 0, EXC_INSN_ACCESS = 1, EXC_ILLEGAL_INSN = 2,
    EXC_BREAKPOINT = 3, EXC_LOAD_MISALIGNED = 4, EXC_LOAD_ACCESS = 5,
    EXC_STORE_MISALIGNED = 6, EXC_STORE_ACCESS = 7, EXC_ECALL_U = SCAUSE_ECALL_U,
    EXC_ECALL_S = 9, EXC_INSN_PAGE = 12, EXC_LOAD_PAGE = 13, EXC_STORE_PAGE = 15,
};

static const char *const exception_names[] = {
    [EXC_INSN_MISALIGNED] = "instruction address misaligned",
    [EXC_INSN_ACCESS] = "instruction access fault",
    [EXC_ILLEGAL_INSN] = "illegal instruction",
    [EXC_BREAKPOINT] = "breakpoint",
    [EXC_LOAD_MISALIGNED] = "load address misaligned",
    [EXC_LOAD_ACCESS] = "load access fault",
    [EXC_STORE_MISALIGNED] = "store address misaligned",
    [EXC_STORE_ACCESS] = "store access fault",
    [EXC_ECALL_U] = "ecall from user mode",
    [EXC_ECALL_S] = "ecall from supervisor mode",
    [EXC_INSN_PAGE] = "instruction page fault",
    [EXC_LOAD_PAGE] = "load page fault",
    [EXC_STORE_PAGE] = "store page fault",
};

static const char *exception_name(word_t cause)
{
    if (cause < ARRAY_SIZE(exception_names) && exception_names[cause])
        return exception_names[cause];
    return "unknown exception";
}

/* Page faults and access faults are VM faults (stval = the address); every
 * other exception is a UserException with scause as its number and, as in
 * seL4 on RISC-V, code 0. */
static struct arch_context *user_exception(word_t cause, word_t stval)
{
    struct user_fault f = {
        .kind = USER_FAULT_EXCEPTION, .addr = stval, .code = cause, .subcode = 0,
        .cause = exception_name(cause),
    };
    /* seL4 (handleVMFault) reports a page fault and an access fault alike,
     * with the access-fault cause as the FSR: 1 fetch, 5 load, 7 store. */
    switch (cause) {
    case EXC_INSN_PAGE: case EXC_INSN_ACCESS:
        f.kind = USER_FAULT_VM;
        f.instruction = true;
        f.code = EXC_INSN_ACCESS;
        break;
    case EXC_LOAD_PAGE: case EXC_LOAD_ACCESS:
        f.kind = USER_FAULT_VM;
        f.code = EXC_LOAD_ACCESS;
        break;
    case EXC_STORE_PAGE: case EXC_STORE_ACCESS:
        f.kind = USER_FAULT_VM;
        f.code = EXC_STORE_ACCESS;
        break;
    default:
        break;
    }
    return core_fault(&f);
}

/* Interrupts and exceptions from U-mode; trap.S dispatches system calls
 * (ecall) itself, to core_syscall() or the IPC fastpath. */
struct arch_context *riscv_trap_user(struct arch_context *ctx)
{
    word_t cause = csr_read(scause);
    /* sscratch pointed at ctx, but the trap came from S-mode: a fault in
     * the few instructions of arch_restore_user before sret. */
    if (ctx->regs[REG_STATUS] & SSTATUS_SPP)
        panic("riscv: S-mode trap with a user context: scause %lx sepc %lx stval %lx",
              cause, ctx->regs[REG_PC], csr_read(stval));
    if (cause & SCAUSE_INTERRUPT)
        return core_interrupt();
    if (cause == EXC_ILLEGAL_INSN && riscv_fpu_trap(ctx))
        return ctx;
    return user_exception(cause, csr_read(stval));
}

/* The kernel runs with interrupts off; only the idle loop enables them. */
struct arch_context *riscv_trap_kernel(word_t sp)
{
    word_t cause = csr_read(scause), sepc = csr_read(sepc);
    bool idle = sepc >= (word_t)riscv_idle_loop && sepc < (word_t)riscv_idle_loop_end;
    if ((cause & SCAUSE_INTERRUPT) && idle)
        return core_interrupt();
    panic("riscv: kernel trap: scause %lx (%s%s) sepc %lx stval %lx sp %lx",
          cause, cause & SCAUSE_INTERRUPT ? "interrupt " : "",
          cause & SCAUSE_INTERRUPT ? "" : exception_name(cause), sepc, csr_read(stval), sp);
}

/* A fresh user context: only pc, sp and the first argument are set. sstatus
 * is rebuilt by arch_restore_user anyway; SPIE records what user mode gets. */
void arch_context_init(struct arch_context *ctx, word_t pc, word_t sp, word_t arg0)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->regs[REG_PC] = pc;
    ctx->regs[REG_SP] = sp;
    ctx->regs[REG_A0] = arg0;
    ctx->regs[REG_STATUS] = SSTATUS_SPIE;
}
