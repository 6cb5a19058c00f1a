/*
 * Interrupt controllers and the timer on x86 (x86_64 and ia32): the legacy
 * 8259s are moved out of the way and masked, the local APIC delivers a
 * periodic timer interrupt every KEEL_TICK_US, calibrated once against the
 * PIT, and the IOAPIC routes device pin p (IRQ p) to vector VEC_IRQ_BASE + p.
 *
 * IRQ numbers are IOAPIC pins. On a PC (QEMU pc and q35) ISA IRQ n is pin n
 * for n = 1 and 3..15; ISA IRQ 0 (the PIT) is pin 2, and pin 0 is the 8259's
 * output, which no driver may claim. Keel does not read the ACPI MADT: one
 * IOAPIC at its usual address with the usual wiring is assumed.
 */
#include <core/printk.h>
#include <drivers/x86/ioapic.h>
#include <drivers/x86/lapic.h>
#include <drivers/x86/msr.h>
#include <drivers/x86/pic8259.h>
#include "x86.h"

#define APIC_BASE_ADDR_MASK 0x000ffffffffff000ull
#define CALIBRATE_US        10000u

word_t x86_active_irq = ARCH_IRQ_NONE;

static uint32_t timer_ticks_per_period(void)
{
    uint32_t per_cal = lapic_timer_calibrate(CALIBRATE_US);
    uint64_t count = (uint64_t)per_cal * KEEL_TICK_US / CALIBRATE_US;
    if (count == 0 || count > 0xffffffffu)
        panic("x86: LAPIC timer calibration failed (%u ticks in %u us)", per_cal, CALIBRATE_US);
    return (uint32_t)count;
}

paddr_t x86_lapic_paddr(void)
{
    return rdmsr(MSR_APIC_BASE) & APIC_BASE_ADDR_MASK;
}

void x86_irq_init(void)
{
    pic8259_remap_and_mask(VEC_PIC_BASE);
    paddr_t base = x86_lapic_paddr();
    lapic_init(x86_vspace_map_device(base), VEC_SPURIOUS);
    uint32_t count = timer_ticks_per_period();
    kprintf("x86: LAPIC at 0x%lx, id %u, timer %u ticks per %u us\n",
            (unsigned long)base, lapic_id(), count, KEEL_TICK_US);
    lapic_timer_start_periodic(VEC_TIMER, count);
    ioapic_init(x86_vspace_map_device(IOAPIC_DEFAULT_PADDR), VEC_IRQ_BASE, lapic_id());
    kprintf("x86: IOAPIC at 0x%x, %u pins\n", IOAPIC_DEFAULT_PADDR, ioapic_num_pins());
}

/* Pin 0 carries the masked 8259s; the LAPIC timer is not an IOAPIC pin. */
bool arch_irq_valid(word_t irq)
{
    return irq >= 1 && irq < ioapic_num_pins() && VEC_IRQ_BASE + irq < VEC_PIC_BASE;
}

word_t x86_cpu_id(void)
{
    return lapic_id();
}

/* The timer is periodic: the next tick is already on its way, nothing to re-arm. */
void arch_timer_reset(void)
{
}

/* A tick is due when the timer vector waits in the LAPIC's request register
 * (the kernel runs with interrupts off, so it cannot have been delivered). */
bool arch_timer_pending(void)
{
    return lapic_irr_pending(VEC_TIMER);
}

/* The IRQ of the interrupt being handled, once; then ARCH_IRQ_NONE. */
word_t arch_irq_get_active(void)
{
    word_t irq = x86_active_irq;
    x86_active_irq = ARCH_IRQ_NONE;
    return irq;
}

/* Every interrupt Keel takes comes through the LAPIC, which wants an EOI
 * (for a level-triggered pin the EOI also reaches the IOAPIC). */
void arch_irq_ack(word_t irq)
{
    (void)irq;
    lapic_eoi();
}

/* The timer is never masked; device IRQs are IOAPIC pins. */
void arch_irq_mask(word_t irq)
{
    if (arch_irq_valid(irq))
        ioapic_mask((unsigned)irq);
}

void arch_irq_unmask(word_t irq)
{
    if (arch_irq_valid(irq))
        ioapic_unmask((unsigned)irq);
}
