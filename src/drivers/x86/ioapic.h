/*
 * The I/O APIC: routes device interrupt pins (ISA IRQs and PCI interrupt
 * lines) to local APIC vectors. Shared by the x86_64 and ia32 ports; the port
 * maps the register page uncached and passes its virtual address.
 */
#pragma once

#include <core/types.h>

#define IOAPIC_DEFAULT_PADDR 0xfec00000u

/* Pin p is routed to vector vector_base + p on the CPU with APIC id dest,
 * masked; pins below 16 (ISA) edge-triggered active-high, the others (PCI)
 * level-triggered active-low. */
void ioapic_init(uintptr_t regs_va, uint8_t vector_base, uint32_t dest_apic_id);
unsigned ioapic_num_pins(void);
void ioapic_set_mode(unsigned pin, bool level, bool active_low);

/* Deliver the pin's interrupts on CPU vector `vector` (mask and mode kept). */
void ioapic_set_vector(unsigned pin, uint8_t vector);
void ioapic_mask(unsigned pin);
void ioapic_unmask(unsigned pin);
