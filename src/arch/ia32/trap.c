/*
 * ia32 trap dispatch (called from trap.S on the kernel stack) and the way
 * back to user mode. Exceptions from ring 3 become core faults, the timer
 * becomes core_interrupt() (src/arch/x86/trap.c); `int $0x80` is the system
 * call on a CPU without sysenter; anything unexpected in ring 0 is a kernel
 * bug.
 */
#include <core/printk.h>
#include <sel4/syscall_numbers.h>
#include "ia32.h"

_Static_assert(offsetof(struct arch_context, regs[REG_EAX]) == CTX_EAX, "ctx eax");
_Static_assert(offsetof(struct arch_context, regs[REG_EBX]) == CTX_EBX, "ctx ebx");
_Static_assert(offsetof(struct arch_context, regs[REG_ECX]) == CTX_ECX, "ctx ecx");
_Static_assert(offsetof(struct arch_context, regs[REG_EDX]) == CTX_EDX, "ctx edx");
_Static_assert(offsetof(struct arch_context, regs[REG_ESI]) == CTX_ESI, "ctx esi");
_Static_assert(offsetof(struct arch_context, regs[REG_EDI]) == CTX_EDI, "ctx edi");
_Static_assert(offsetof(struct arch_context, regs[REG_EBP]) == CTX_EBP, "ctx ebp");
_Static_assert(offsetof(struct arch_context, regs[REG_ESP]) == CTX_ESP, "ctx esp");
_Static_assert(offsetof(struct arch_context, regs[REG_PC]) == CTX_EIP, "ctx eip");
_Static_assert(offsetof(struct arch_context, regs[REG_FLAGS]) == CTX_EFLAGS, "ctx eflags");
_Static_assert(offsetof(struct arch_context, regs[REG_FS_BASE]) == CTX_FS_BASE, "ctx fs");
_Static_assert(offsetof(struct arch_context, regs[REG_GS_BASE]) == CTX_GS_BASE, "ctx gs");
_Static_assert(offsetof(struct arch_context, fpu) == CTX_FPU, "ctx fpu");

/* What trap_from_kernel pushes (pushal, then the stub's and the CPU's
 * words), lowest address first. */
struct x86_kernel_frame {
    word_t edi, esi, ebp, esp, ebx, edx, ecx, eax;
    word_t vector, error, eip, cs, eflags;
};

#define EFLAGS_TF       0x100

/* The software-interrupt system call: the whole context is saved already. */
static _Noreturn void int80_syscall(void)
{
    word_t sysno = x86_cur_ctx->regs[REG_EAX];
#if KEEL_FASTPATH
    if ((sword_t)sysno == seL4_SysCall)
        fastpath_call(x86_cur_ctx->regs[REG_EBX], x86_cur_ctx->regs[REG_ESI]);
    if ((sword_t)sysno == seL4_SysReplyRecv)
        fastpath_reply_recv(x86_cur_ctx->regs[REG_EBX], x86_cur_ctx->regs[REG_ESI]);
#endif
    arch_restore_user(core_syscall((sword_t)sysno));
}

#define PF_ERR_FETCH    (1u << 4)

_Noreturn void x86_user_trap(word_t vector, word_t error);
_Noreturn void x86_user_trap(word_t vector, word_t error)
{
    /* Without NX (non-PAE paging) the CPU leaves the page-fault error code's
     * instruction-fetch bit clear; a fault at the address being executed is
     * a fetch, so set it as a CPU with NX would. */
    if (vector == VEC_PF && x86_read_cr2() == x86_cur_ctx->regs[REG_PC])
        error |= PF_ERR_FETCH;
    if (vector == VEC_SYSCALL && !ia32_has_sysenter)
        int80_syscall();
    x86_user_trap_dispatch(vector, error);
}

static _Noreturn void kernel_bug(const struct x86_kernel_frame *f)
{
    word_t cr2 = x86_read_cr2();
    const char *name = f->vector < 32 ? x86_exception_names[f->vector] : "interrupt";
    kprintf("\nx86: kernel trap %lu (%s) error 0x%lx\n", f->vector, name, f->error);
    kprintf("  eip %08lx cs %lx eflags %08lx cr2 %08lx\n", f->eip, f->cs, f->eflags, cr2);
    kprintf("  eax %08lx ebx %08lx ecx %08lx edx %08lx\n", f->eax, f->ebx, f->ecx, f->edx);
    kprintf("  esi %08lx edi %08lx ebp %08lx esp %08lx\n", f->esi, f->edi, f->ebp, f->esp);
    panic("kernel exception %lu at 0x%lx", f->vector, f->eip);
}

/* A trap in ring 0. sysenter keeps TF: a user who single-steps into it
 * gets a #DB on the kernel's first instruction (its eflags, TF included,
 * are saved by then), so clear TF and go on. Returns to the trapped code. */
void x86_kernel_trap(struct x86_kernel_frame *f);
void x86_kernel_trap(struct x86_kernel_frame *f)
{
    if (f->vector == 1)
        f->eflags &= ~(word_t)EFLAGS_TF;
    else if (!x86_kernel_trap_dispatch(f->vector, f->eip))
        kernel_bug(f);
}

/* iret to a kernel address would run user state in ring 3 there (paging
 * stops it, but the fault would name a kernel address): refuse it first. */
static bool user_state_ok(const struct arch_context *ctx)
{
    return ctx->regs[REG_PC] < ARCH_USER_TOP;
}

/* The per-thread state a return to user mode must (re)establish whatever
 * user mode did before: sane eflags, and the TLS descriptors of this
 * thread (the selectors themselves are reloaded by the exit code). */
static void user_state_load(struct arch_context *ctx)
{
    x86_cur_ctx = ctx;
    ctx->regs[REG_FLAGS] = (ctx->regs[REG_FLAGS] & EFLAGS_USER) | EFLAGS_IF | EFLAGS_FIXED;
    ia32_tls_load(ctx->regs[REG_FS_BASE], ctx->regs[REG_GS_BASE]);
}

_Noreturn void arch_restore_user(struct arch_context *ctx)
{
    while (ctx && !user_state_ok(ctx))
        ctx = x86_bad_state_fault(ctx);
    if (!ctx)
        x86_idle_loop();
    user_state_load(ctx);
    x86_fpu_load(ctx);
    x86_return_to_user(ctx);
}

/* After the IPC fastpath: ctx entered through a system call, so it may
 * leave through sysexit (which loads eip and esp from edx and ecx). */
_Noreturn void arch_fastpath_exit(struct arch_context *ctx)
{
    if (!ia32_has_sysenter || !user_state_ok(ctx))
        arch_restore_user(ctx);
    user_state_load(ctx);
    x86_fpu_load(ctx);
    x86_sysexit_to_user(ctx);
}
