/*
 * The local APIC: the per-CPU interrupt controller and timer (xAPIC MMIO mode).
 * Shared by the x86_64 and ia32 ports; the port maps the 4 KiB register page
 * uncached and passes its virtual address.
 */
#pragma once

#include <core/types.h>

#define LAPIC_DEFAULT_PADDR 0xfee00000u

void lapic_init(uintptr_t regs_va, uint8_t spurious_vector);
uint32_t lapic_id(void);
void lapic_eoi(void);
bool lapic_irr_pending(uint8_t vector);     /* the vector waits to be delivered */

/* Timer ticks (after the divider) that elapse in `us` microseconds, measured
 * once against the PIT. */
uint32_t lapic_timer_calibrate(unsigned us);
void lapic_timer_start_periodic(uint8_t vector, uint32_t count);
