/*
 * The kernel tick and the interrupt HAL. The tick comes from the SBI timer:
 * the firmware compares the platform timer (the "time" CSR, counting at the
 * device tree's timebase-frequency) with the deadline we give it and raises
 * the supervisor timer interrupt (sip.STIP). Device interrupts (the PLIC)
 * and the rest of the interrupt HAL are in irq.c.
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
