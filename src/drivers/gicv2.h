/*
 * The ARM Generic Interrupt Controller v2 (GIC-400 and QEMU's model),
 * shared by the ARM ports: a distributor (per-line enable, priority, target
 * CPU) and one CPU interface per CPU (acknowledge, end of interrupt).
 * Interrupt IDs: 0..15 software (SGI), 16..31 per-CPU (PPI), 32.. device
 * lines (SPI), 1020..1023 special (1023: nothing pending).
 */
#pragma once

#include <core/types.h>

#define GIC_SPURIOUS    1023u
#define GIC_FIRST_SPI   32u

/* MMIO virtual addresses of the distributor and the CPU interface. Every
 * line starts disabled and routed to this CPU. */
void gicv2_init(uintptr_t dist, uintptr_t cpu);
unsigned gicv2_num_lines(void);         /* IDs 0 .. this - 1 exist */
unsigned gicv2_acknowledge(void);       /* the highest pending ID, now active; or GIC_SPURIOUS */
void gicv2_end(unsigned id);            /* end of interrupt: priority drop and deactivate */
void gicv2_enable(unsigned id);
void gicv2_disable(unsigned id);
bool gicv2_pending(unsigned id);
