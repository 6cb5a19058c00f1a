/*
 * I/O APIC driver (see ioapic.h). Two memory-mapped registers give access to
 * the rest: write a register number to IOREGSEL, then read or write IOWIN.
 * Register 1 holds the number of pins minus one in bits 16-23; each pin p
 * has a 64-bit redirection entry in registers 0x10 + 2p (low) and + 1 (high):
 * vector [7:0], delivery mode fixed [10:8] = 0, physical destination [11] = 0,
 * polarity [13] (1 = active low), trigger [15] (1 = level), mask [16];
 * destination APIC id in the high word's [31:24].
 */
#include <drivers/x86/ioapic.h>

#define IOREGSEL        0x00
#define IOWIN           0x10
#define IOAPIC_VER      0x01
#define REDTBL(p)       (0x10u + 2u * (p))
#define RTE_POLARITY_LOW (1u << 13)
#define RTE_LEVEL       (1u << 15)
#define RTE_MASKED      (1u << 16)
#define ISA_PINS        16u

static uintptr_t ioapic_base;
static unsigned ioapic_pins;

static uint32_t ioapic_read(unsigned reg)
{
    *(volatile uint32_t *)(ioapic_base + IOREGSEL) = reg;
    return *(volatile uint32_t *)(ioapic_base + IOWIN);
}

static void ioapic_write(unsigned reg, uint32_t v)
{
    *(volatile uint32_t *)(ioapic_base + IOREGSEL) = reg;
    *(volatile uint32_t *)(ioapic_base + IOWIN) = v;
}

void ioapic_init(uintptr_t regs_va, uint8_t vector_base, uint32_t dest_apic_id)
{
    ioapic_base = regs_va;
    ioapic_pins = ((ioapic_read(IOAPIC_VER) >> 16) & 0xffu) + 1u;
    for (unsigned p = 0; p < ioapic_pins; p++) {
        uint32_t mode = p < ISA_PINS ? 0 : RTE_LEVEL | RTE_POLARITY_LOW;
        ioapic_write(REDTBL(p), RTE_MASKED | mode | ((vector_base + p) & 0xffu));
        ioapic_write(REDTBL(p) + 1, dest_apic_id << 24);
    }
}

unsigned ioapic_num_pins(void)
{
    return ioapic_pins;
}

void ioapic_set_mode(unsigned pin, bool level, bool active_low)
{
    if (pin >= ioapic_pins)
        return;
    uint32_t low = ioapic_read(REDTBL(pin)) & ~(RTE_LEVEL | RTE_POLARITY_LOW);
    low |= (level ? RTE_LEVEL : 0) | (active_low ? RTE_POLARITY_LOW : 0);
    ioapic_write(REDTBL(pin), low);
}

void ioapic_set_vector(unsigned pin, uint8_t vector)
{
    if (pin < ioapic_pins)
        ioapic_write(REDTBL(pin), (ioapic_read(REDTBL(pin)) & ~0xffu) | vector);
}

void ioapic_mask(unsigned pin)
{
    if (pin < ioapic_pins)
        ioapic_write(REDTBL(pin), ioapic_read(REDTBL(pin)) | RTE_MASKED);
}

void ioapic_unmask(unsigned pin)
{
    if (pin < ioapic_pins)
        ioapic_write(REDTBL(pin), ioapic_read(REDTBL(pin)) & ~RTE_MASKED);
}
