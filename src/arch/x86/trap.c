/*
 * Trap handling both x86 ports share: exceptions from user mode become core
 * faults, interrupt vectors become IRQ numbers for core_interrupt(). The
 * ports' trap.c files keep what depends on the mode (frames, the way back).
 */
#include <core/printk.h>
#include "x86.h"

#define PF_ERR_FETCH    (1u << 4)
#define FXSAVE_FCW      0               /* byte offsets in the FXSAVE image */
#define FXSAVE_MXCSR    24
#define FCW_DEFAULT     0x037f          /* x87: all exceptions masked, 64-bit precision */
#define MXCSR_DEFAULT   0x1f80          /* SSE: all exceptions masked */

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
        f.code = error;
        f.subcode = 0;
        f.instruction = (error & PF_ERR_FETCH) != 0;
    }
    arch_restore_user(core_fault(&f));
}

/* An interrupt vector, from user mode or from the idle loop. */
_Noreturn void x86_interrupt(word_t vector)
{
    if (vector == VEC_TIMER)
        x86_active_irq = ARCH_IRQ_TIMER;
    else if (vector >= VEC_IRQ_BASE && vector < VEC_IRQ_BASE + ARCH_IRQ_TIMER)
        x86_active_irq = vector - VEC_IRQ_BASE;
    else {
        x86_active_irq = ARCH_IRQ_NONE;
        arch_irq_ack(ARCH_IRQ_NONE);    /* a vector nobody programmed: just EOI it */
    }
    arch_restore_user(core_interrupt());
}

bool x86_spurious(word_t vector)
{
    return vector == VEC_SPURIOUS || (vector >= VEC_PIC_BASE && vector < VEC_PIC_BASE + 16);
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
void x86_fpu_init_image(uint8_t *fpu)
{
    fpu[FXSAVE_FCW] = FCW_DEFAULT & 0xff;
    fpu[FXSAVE_FCW + 1] = FCW_DEFAULT >> 8;
    fpu[FXSAVE_MXCSR] = MXCSR_DEFAULT & 0xff;
    fpu[FXSAVE_MXCSR + 1] = MXCSR_DEFAULT >> 8;
}
