/*
 * The ARM generic timer (ARMv7-A with the virtualization extensions and
 * ARMv8-A), shared by the ARM ports. The counter ticks at CNTFRQ; the timer
 * raises its (per-CPU) interrupt while the counter is at or past the
 * compare value and the timer is enabled and unmasked. The level drops when
 * a later compare value is written, so the tick needs no acknowledgement.
 * The port supplies the register accessors in "arm_timer_regs.h" (system
 * registers on aarch64, coprocessor registers on aarch32).
 */
#pragma once

#include <core/types.h>

/* Start the tick: 'period_us' between interrupts; returns the counter's
 * frequency (0 if the firmware left CNTFRQ unset, then 'fallback_hz' is used). */
uint64_t arm_timer_init(uint64_t period_us, uint64_t fallback_hz);
void arm_timer_next(void);              /* the next interrupt, one period from now */
bool arm_timer_fired(void);             /* the interrupt condition holds */
