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

#define PF_ERR_FETCH    (1ul << 4)
#define PF_ERR_FSR_MASK 0x1ful
#define FXSAVE_FCW      0               /* byte offsets in the FXSAVE image */
#define FXSAVE_MXCSR    24
#define FCW_DEFAULT     0x037f          /* x87: all exceptions masked, 64-bit precision */
#define MXCSR_DEFAULT   0x1f80          /* SSE: all exceptions masked */

struct arch_context *x86_cur_ctx;

static const char *const exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
    "invalid opcode", "device not available", "double fault", "coprocessor overrun",
    "invalid TSS", "segment not present", "stack fault", "general protection",
    "page fault", "reserved 15", "x87 floating point", "alignment check",
    "machine check", "SIMD floating point", "virtualization", "control protection",
    "reserved 22", "reserved 23", "reserved 24", "reserved 25", "reserved 26",
    "reserved 27", "hypervisor injection", "VMM communication", "security",
    "reserved 31",
};

static _Noreturn void user_exception(word_t vector, word_t error)
{
    struct user_fault f = {
        .kind = USER_FAULT_EXCEPTION, .addr = x86_cur_ctx->regs[REG_PC],
        .code = vector, .subcode = error, .cause = exception_names[vector],
    };
    if (vector == VEC_PF) {
        f.kind = USER_FAULT_VM;
        f.addr = x86_read_cr2();
        f.code = error & PF_ERR_FSR_MASK;   /* seL4's FSR field is 5 bits: P, W, U, RSVD, I */
        f.subcode = 0;
        f.instruction = (error & PF_ERR_FETCH) != 0;
    }
    arch_restore_user(core_fault(&f));
}

/* An interrupt vector, from user mode or from the idle loop. */
static _Noreturn void interrupt(word_t vector)
{
    if (vector == VEC_TIMER)
        x86_active_irq = ARCH_IRQ_TIMER;
    else if (vector >= VEC_IRQ_BASE && vector < VEC_IRQ_BASE + ARCH_IRQ_TIMER)
        x86_active_irq = x86_vector_irq(vector - VEC_IRQ_BASE);
    else {
        x86_active_irq = ARCH_IRQ_NONE;
        arch_irq_ack(ARCH_IRQ_NONE);    /* a vector nobody programmed: just EOI it */
    }
    arch_restore_user(core_interrupt());
}

static bool spurious(word_t vector)
{
    return vector == VEC_SPURIOUS || (vector >= VEC_PIC_BASE && vector < VEC_PIC_BASE + 16);
}

_Noreturn void x86_user_trap(word_t vector, word_t error);
_Noreturn void x86_user_trap(word_t vector, word_t error)
{
    if (vector == 2 || vector == 18)
        panic("x86: %s while in user mode", exception_names[vector]);
    if (vector < 32)
        user_exception(vector, error);
    if (spurious(vector))               /* no EOI for the spurious vector */
        arch_restore_user(x86_cur_ctx);
    interrupt(vector);
}

static _Noreturn void kernel_bug(const struct x86_kernel_frame *f)
{
    const char *name = f->vector < 32 ? exception_names[f->vector] : "interrupt";
    kprintf("\nx86: kernel trap %lu (%s) error 0x%lx\n", f->vector, name, f->error);
    kprintf("  rip %016lx cs %lx rflags %016lx rsp %016lx cr2 %016lx\n",
            f->rip, f->cs, f->rflags, f->rsp, x86_read_cr2());
    kprintf("  rax %016lx rbx %016lx rcx %016lx rdx %016lx\n", f->rax, f->rbx, f->rcx, f->rdx);
    kprintf("  rsi %016lx rdi %016lx rbp %016lx r8  %016lx\n", f->rsi, f->rdi, f->rbp, f->r8);
    panic("kernel exception %lu at 0x%lx", f->vector, f->rip);
}

/* A trap in ring 0. Interrupts are enabled only in the idle loop; a #DB can
 * only come from a user who single-stepped into `syscall` (harmless: the
 * kernel's TF is already clear, so just go on). Returns to the trapped code. */
void x86_kernel_trap(struct x86_kernel_frame *f);
void x86_kernel_trap(struct x86_kernel_frame *f)
{
    bool idle = f->rip >= (word_t)x86_idle && f->rip < (word_t)x86_idle_end;
    if (f->vector == 1)
        return;
    if (f->vector >= 32 && spurious(f->vector))
        return;
    if (f->vector >= 32 && idle)
        interrupt(f->vector);
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

static struct arch_context *bad_state_fault(struct arch_context *ctx)
{
    struct user_fault f = {
        .kind = USER_FAULT_EXCEPTION, .addr = ctx->regs[REG_PC], .code = 13,
        .subcode = 0, .cause = "general protection (bad register state)",
    };
    return core_fault(&f);
}

/* Every context starts from arch_context_init() (tcb_init calls it), with
 * valid FPU control words, and afterwards only fxsave64 writes the image:
 * it can be restored as it is. The FPU is switched eagerly: the entries
 * save the image (trap.S), every exit loads it. A thread with
 * seL4_TCBFlag_fpuDisabled runs with CR0.TS set, so its FP/SSE instructions
 * raise #NM, its UserException 7 (trap.S's x86_fpu_load_rdi does the same
 * for sysretq). */
static void fpu_load(struct arch_context *ctx)
{
    if (x86_fpu_off) {
        __asm__ volatile("clts");
        x86_fpu_off = 0;
    }
    __asm__ volatile("fxrstor64 %0" : : "m"(*(const uint8_t(*)[ARCH_FPU_SIZE])ctx->fpu));
    if (!core_fpu_allowed(ctx)) {
        word_t cr0;
        __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
        __asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | CR0_TS) : "memory");
        x86_fpu_off = 1;
    }
}

/* The FP registers are saved on every entry: nothing to give up. */
void arch_fpu_release(struct arch_context *ctx)
{
    (void)ctx;
}

_Noreturn void arch_restore_user(struct arch_context *ctx)
{
    while (ctx && !user_state_ok(ctx)) {
        x86_cur_ctx = ctx;
        ctx = bad_state_fault(ctx);
    }
    if (!ctx)
        x86_idle_loop();
    x86_cur_ctx = ctx;
    ctx->regs[REG_FLAGS] = (ctx->regs[REG_FLAGS] & RFLAGS_USER) | RFLAGS_IF | RFLAGS_FIXED;
    fpu_load(ctx);                      /* x86_return_to_user loads the segments */
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
    x86_sysret_to_user(ctx);            /* loads the segments, makes rflags safe */            /* makes rflags safe itself */
}

/* The segment selectors are not part of the context: every return to user
 * mode uses the fixed user CS and SS. */
void arch_context_init(struct arch_context *ctx, word_t pc, word_t sp, word_t arg0)
{
    uint8_t *b = (uint8_t *)ctx;
    for (size_t i = 0; i < sizeof(*ctx); i++)
        b[i] = 0;
    ctx->regs[REG_PC] = pc;
    ctx->regs[REG_RSP] = sp;
    ctx->regs[REG_RDI] = arg0;
    ctx->regs[REG_FLAGS] = RFLAGS_IF | RFLAGS_FIXED;
    ctx->fpu[FXSAVE_FCW] = FCW_DEFAULT & 0xff;
    ctx->fpu[FXSAVE_FCW + 1] = FCW_DEFAULT >> 8;
    ctx->fpu[FXSAVE_MXCSR] = MXCSR_DEFAULT & 0xff;
    ctx->fpu[FXSAVE_MXCSR + 1] = MXCSR_DEFAULT >> 8;
}
