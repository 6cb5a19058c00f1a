/*
 * Architecture-specific device invocations (included by sel4/irq_invocations.h).
 * aarch64 has none: no I/O port space, and IRQControl_Get covers the GIC's
 * device lines (seL4's trigger-mode variant is not offered, docs/api.md).
 */
#pragma once
