/*
 * Trap dispatch (called from trap.S on the kernel stack) and the way back to
 * user mode. Exceptions from ring 3 become core faults, the timer becomes
 * core_interrupt(); anything unexpected in ring 0 is a kernel bug.
 */
#include <core/printk.h>
#include <drivers/x86/msr.h>
#include <sel4/syscall_numbers.h>
#include "x86_64.h"

_Static_assert(offsetof(struct arch_context, regs[REG_RAX]) == CTX_RAX, "ctx rax");
_Static_assert(offsetof(struct arch_context, regs[REG_RBX]) == CTX_RBX, "ctx rbx");
_Static_assert(offsetof(struct arch_context, regs[REG_RCX]) == CTX_RCX, "ctx rcx");
_Static_assert(offsetof(struct arch_context, regs[REG_RDX]) == CTX_RDX, "ctx rdx");
_Static_assert(offsetof(struct arch_context, regs[REG_RSI]) == CTX_RSI, "ctx rsi");
_Static_assert(offsetof(struct arch_context, regs[REG_RDI]) == CTX_RDI, "ctx rdi");
_Static_assert(offsetof(struct arch_context, regs[REG_RBP]) == CTX_RBP, "ctx rbp");
_Static_assert(offsetof(struct arch_context, regs[REG_RSP]) == CTX_RSP, "ctx rsp");
_Static_assert(offsetof(struct arch_context, regs[REG_R8]) == CTX_R8, "ctx r8");
_Static_assert(offsetof(struct arch_context, regs[REG_R15]) == CTX_R15, "ctx r15");
_Static_assert(offsetof(struct arch_context, regs[REG_PC]) == CTX_RIP, "ctx rip");
_Static_assert(offsetof(struct arch_context, regs[REG_FLAGS]) == CTX_RFLAGS, "ctx rflags");
_Static_assert(offsetof(struct arch_context, regs[REG_FS_BASE]) == CTX_FS_BASE, "ctx fs");
_Static_assert(offsetof(struct arch_context, fpu) == CTX_FPU, "ctx fpu");
_Static_assert(X86_USER_TOP == ARCH_USER_TOP && X86_MSR_FS_BASE == MSR_FS_BASE, "fastpath exit constants");

/* What trap_from_kernel pushes, lowest address first. */
struct x86_kernel_frame {
    word_t r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax;
    word_t vector, error, rip, cs, rflags, rsp, ss;
};

_Noreturn void x86_user_trap(word_t vector, word_t error);
_Noreturn void x86_user_trap(word_t vector, word_t error)
{
    x86_user_trap_dispatch(vector, error);
}

static _Noreturn void kernel_bug(const struct x86_kernel_frame *f)
{
    const char *name = f->vector < 32 ? x86_exception_names[f->vector] : "interrupt";
    kprintf("\nx86: kernel trap %lu (%s) error 0x%lx\n", f->vector, name, f->error);
    kprintf("  rip %016lx cs %lx rflags %016lx rsp %016lx cr2 %016lx\n",
            f->rip, f->cs, f->rflags, f->rsp, x86_read_cr2());
    kprintf("  rax %016lx rbx %016lx rcx %016lx rdx %016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
    kprintf("  rsi %016lx rdi %016lx rbp %016lx r8  %016lx\n", f->rsi, f->rdi, f->rbp, f->r8);
    panic("kernel exception %lu at 0x%lx", f->vector, f->rip);
}

/* A trap in ring 0. A #DB can only come from a user who single-stepped
 * into `syscall` (harmless: the kernel's TF is already clear, so just go
 * on). Returns to the trapped code. */
void x86_kernel_trap(struct x86_kernel_frame *f);
void x86_kernel_trap(struct x86_kernel_frame *f)
{
    if (f->vector != 1 && !x86_kernel_trap_dispatch(f->vector, f->rip))
        kernel_bug(f);
}

static bool canonical(word_t va)
{
    return va < 0x0000800000000000ul || va >= 0xffff800000000000ul;
}

/* A context the CPU would refuse in iretq/wrmsr (inside the kernel) becomes a
 * general-protection fault of the thread instead. */
static bool user_state_ok(const struct arch_context *ctx)
{
    return ctx->regs[REG_PC] < ARCH_USER_TOP && canonical(ctx->regs[REG_RSP]) &&
           canonical(ctx->regs[REG_FS_BASE]);
}

_Noreturn void arch_restore_user(struct arch_context *ctx)
{
    while (ctx && !user_state_ok(ctx))
        ctx = x86_bad_state_fault(ctx);
    if (!ctx)
        x86_idle_loop();
    x86_cur_ctx = ctx;
    ctx->regs[REG_FLAGS] = (ctx->regs[REG_FLAGS] & RFLAGS_USER) | RFLAGS_IF | RFLAGS_FIXED;
    x86_fpu_load(ctx);                  /* x86_return_to_user loads the segments */
    x86_return_to_user(ctx);
}

/* After the IPC fastpath: ctx entered through `syscall`, so it may leave
 * through sysretq (which loads rip and rflags from rcx and r11). */
_Noreturn void arch_fastpath_exit(struct arch_context *ctx)
{
    /* sysretq would fault in ring 0 on a non-canonical rip, and wrmsr on a
     * non-canonical FS base; a bad rsp only faults once in user mode. */
    if (ctx->regs[REG_PC] >= ARCH_USER_TOP || !canonical(ctx->regs[REG_FS_BASE]))
        arch_restore_user(ctx);         /* turns it into a fault */
    x86_cur_ctx = ctx;
    x86_sysret_to_user(ctx);            /* loads the segments, makes rflags safe */
}
