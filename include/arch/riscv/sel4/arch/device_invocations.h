/*
 * Architecture-specific device invocations (included by sel4/irq_invocations.h).
 * riscv64 has none: no I/O port space, and IRQControl_Get covers the PLIC.
 */
#pragma once
