/*
 * The kernel tick and the interrupt HAL. The tick comes from the SBI timer:
 * the firmware compares the platform timer (the "time" CSR, counting at the
 * device tree's timebase-frequency) with the deadline we give it and raises
 * the supervisor timer interrupt (sip.STIP). External interrupts (PLIC) are
 * not wired yet, so the timer is the only interrupt the kernel can see.
 */
#include "riscv.h"

static uint64_t ticks_per_tick;

void riscv_timer_init(uint64_t timebase_hz)
{
    sbi_init();
    ticks_per_tick = timebase_hz * KEEL_TICK_US / 1000000u;
    if (ticks_per_tick == 0)
        ticks_per_tick = 1;
    csr_set(sie, SIE_STIE);
}

void arch_timer_reset(void)
{
    sbi_set_timer(csr_read(time) + ticks_per_tick);
}

bool arch_timer_pending(void)
{
    return (csr_read(sip) & SIP_STIP) != 0;
}

word_t arch_irq_get_active(void)
{
    return arch_timer_pending() ? ARCH_IRQ_TIMER : ARCH_IRQ_NONE;
}

/* Programming the next deadline (arch_timer_reset) is what clears STIP, so
 * the timer needs no acknowledgement. Other numbers would be PLIC sources,
 * which are never enabled yet: masking, unmasking or acknowledging one is a
 * harmless no-op until the PLIC driver exists. */
void arch_irq_ack(word_t irq)
{
    (void)irq;
}

void arch_irq_mask(word_t irq)
{
    (void)irq;
}

void arch_irq_unmask(word_t irq)
{
    (void)irq;
}
