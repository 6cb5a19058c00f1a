/*
 * The fake HAL: the port functions the core calls, recorded so that tests can
 * check what the core asked of the machine.
 */
#include <stdio.h>
#include <stdlib.h>
#include "fake_hal.h"

struct fake_hal fake;
bool fake_level1_pages = true;

void arch_putchar(int c) { putchar(c); }
void arch_poweroff(int status) { printf("# poweroff(%d)\n", status); exit(status); }
jmp_buf *fake_panic_jmp;
/* A test that expects a panic catches it (fake_panic_jmp); any other aborts. */
void arch_panic_halt(void)
{
    printf("# panic\n");
    if (fake_panic_jmp)
        longjmp(*fake_panic_jmp, 1);
    abort();
}
void arch_restore_user(struct arch_context *ctx) { (void)ctx; abort(); }
void arch_context_init(struct arch_context *ctx, word_t pc, word_t sp, word_t arg0)
{
    *ctx = (struct arch_context){ 0 };
    ctx->regs[REG_PC] = pc;
    ctx->regs[REG_SP] = sp;
    ctx->regs[REG_ARG0] = arg0;
}
void arch_vspace_init_root(pte_t *root) { (void)root; fake.roots_initialised++; }
void arch_vspace_activate(paddr_t root, word_t asid) { fake.active_root = root; fake.active_asid = asid; }
void arch_tlb_flush_page(vaddr_t va, word_t asid) { (void)va; (void)asid; fake.tlb_flushes++; }
void arch_tlb_flush_all(void) { fake.tlb_flushes++; }
void arch_timer_reset(void) { fake.timer_resets++; }
bool arch_timer_pending(void) { return fake.timer_pending; }
word_t arch_irq_get_active(void) { return fake.active_irq; }
void arch_irq_ack(word_t irq) { (void)irq; fake.irq_acks++; }
void arch_irq_mask(word_t irq) { (void)irq; fake.irq_masks++; }
void arch_irq_unmask(word_t irq) { (void)irq; fake.irq_unmasks++; }
bool arch_irq_valid(word_t irq) { return irq >= 1 && irq < ARCH_IRQ_TIMER; }
void arch_finalise_cap(cap_t cap, bool final) { (void)cap; (void)final; }
void arch_fpu_release(struct arch_context *ctx) { (void)ctx; }
