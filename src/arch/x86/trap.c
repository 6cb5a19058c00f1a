/*
 * Trap handling both x86 ports share: exceptions from user mode become core
 * faults, interrupt vectors become IRQ numbers for core_interrupt(). The
 * ports' trap.c files keep what depends on the mode (frames, the way back).
 */
#include <core/printk.h>
#include "x86.h"

#define PF_ERR_FETCH    (1u << 4)
#define PF_ERR_FSR_MASK 0x1fu
#define FXSAVE_FCW      0               /* byte offsets in the FXSAVE image */
#define FXSAVE_MXCSR    24
#define FCW_DEFAULT     0x037f          /* x87: all exceptions masked, 64-bit precision */
#define MXCSR_DEFAULT   0x1f80          /* SSE: all exceptions masked */
#define X86_CR0_TS      0x8ul           /* FP/SSE instructions raise #NM */
#define FLAGS_IF        0x200           /* rflags and eflags alike */
#define FLAGS_FIXED     0x2             /* the reserved bit 1 */

struct arch_context *x86_cur_ctx;

const char *const x86_exception_names[32] = {
    "divide error", "debug", "NMI", "breakpoint", "overflow", "bound range",
    "invalid opcode", "device not available", "double fault", "coprocessor overrun",
    "invalid TSS", "segment not present", "stack fault", "general protection",
    "page fault", "reserved 15", "x87 floating point", "alignment check",
    "machine check", "SIMD floating point", "virtualization", "control protection",
    "reserved 22", "reserved 23", "reserved 24", "reserved 25", "reserved 26",
    "reserved 27", "hypervisor injection", "VMM communication", "security",
    "reserved 31",
};

_Noreturn void x86_user_exception(word_t vector, word_t error)
{
    struct user_fault f = {
        .kind = USER_FAULT_EXCEPTION, .addr = x86_cur_ctx->regs[REG_PC],
        .code = vector, .subcode = error, .cause = x86_exception_names[vector],
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
static _Noreturn void x86_interrupt(word_t vector)
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

static bool x86_spurious(word_t vector)
{
    return vector == VEC_SPURIOUS || (vector >= VEC_PIC_BASE && vector < VEC_PIC_BASE + 16);
}

_Noreturn void x86_user_trap_dispatch(word_t vector, word_t error)
{
    if (vector == 2 || vector == 18)
        panic("x86: %s while in user mode", x86_exception_names[vector]);
    if (vector < 32)
        x86_user_exception(vector, error);
    if (x86_spurious(vector))           /* no EOI for the spurious vector */
        arch_restore_user(x86_cur_ctx);
    x86_interrupt(vector);
}

/* Interrupts are enabled in ring 0 only in the idle loop. */
bool x86_kernel_trap_dispatch(word_t vector, word_t ip)
{
    bool idle = ip >= (word_t)x86_idle && ip < (word_t)x86_idle_end;
    if (vector >= 32 && x86_spurious(vector))
        return true;
    if (vector >= 32 && idle)
        x86_interrupt(vector);
    return false;
}

/* A context that the CPU would refuse on the way back (inside the kernel)
 * becomes a general-protection fault of the thread instead. */
struct arch_context *x86_bad_state_fault(struct arch_context *ctx)
{
    struct user_fault f = {
        .kind = USER_FAULT_EXCEPTION, .addr = ctx->regs[REG_PC], .code = 13,
        .subcode = 0, .cause = "general protection (bad register state)",
    };
    x86_cur_ctx = ctx;
    return core_fault(&f);
}

/* Every context starts with valid FPU control words; afterwards only
 * FXSAVE writes the image, so it can always be restored as it is. */
static void x86_fpu_init_image(uint8_t *fpu)
{
    fpu[FXSAVE_FCW] = FCW_DEFAULT & 0xff;
    fpu[FXSAVE_FCW + 1] = FCW_DEFAULT >> 8;
    fpu[FXSAVE_MXCSR] = MXCSR_DEFAULT & 0xff;
    fpu[FXSAVE_MXCSR + 1] = MXCSR_DEFAULT >> 8;
}

/* The segment selectors are not part of the context: every return to user
 * mode uses the port's fixed user selectors. */
/* Every context starts from arch_context_init(), with valid FPU control
 * words, and afterwards only fxsave writes the image: it can be restored as
 * it is. A thread with seL4_TCBFlag_fpuDisabled runs with CR0.TS set, so
 * its FP/SSE instructions raise #NM, its UserException 7; while TS is set
 * the entries skip fxsave (it would fault; the thread cannot have changed
 * its registers). x86_64's trap.S has the same for sysretq
 * (x86_fpu_load_rdi). */
void x86_fpu_load(struct arch_context *ctx)
{
    if (x86_fpu_off) {
        __asm__ volatile("clts");
        x86_fpu_off = 0;
    }
#if __SIZEOF_POINTER__ == 8
    __asm__ volatile("fxrstor64 %0" : : "m"(*(const uint8_t(*)[ARCH_FPU_SIZE])ctx->fpu));
#else
    __asm__ volatile("fxrstor %0" : : "m"(*(const uint8_t(*)[ARCH_FPU_SIZE])ctx->fpu));
#endif
    if (!core_fpu_allowed(ctx)) {
        word_t cr0;
        __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
        __asm__ volatile("mov %0, %%cr0" : : "r"(cr0 | X86_CR0_TS) : "memory");
        x86_fpu_off = 1;
    }
}

/* The FP registers are saved on every entry: nothing to give up. */
void arch_fpu_release(struct arch_context *ctx)
{
    (void)ctx;
}

void arch_context_init(struct arch_context *ctx, word_t pc, word_t sp, word_t arg0)
{
    uint8_t *b = (uint8_t *)ctx;
    for (size_t i = 0; i < sizeof(*ctx); i++)
        b[i] = 0;
    ctx->regs[REG_PC] = pc;
    ctx->regs[REG_SP] = sp;
    ctx->regs[REG_ARG0] = arg0;
    ctx->regs[REG_FLAGS] = FLAGS_IF | FLAGS_FIXED;
    x86_fpu_init_image(ctx->fpu);
}
