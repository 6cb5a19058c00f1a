/*
 * Interrupts for user-level drivers, as in seL4 (non-MCS): IRQControl makes
 * one IRQHandler capability per IRQ; the handler names the notification the
 * interrupt signals, and the driver acknowledges each interrupt.
 *
 * Per-IRQ state: inactive (no handler capability exists; the line is
 * masked), or active with the line masked or unmasked. The notification an
 * active IRQ signals lives in a kernel-owned slot, irq_slots[irq] in irq.c:
 * a copy of the driver's capability (badge included), on the CDT like any
 * other copy, so deleting or revoking the notification empties it too.
 * Invariants: an inactive IRQ is masked and its slot is empty; a non-empty
 * slot holds a notification capability with the Write right.
 */
#pragma once

#include <core/cnode.h>

/* IRQControl_Get's RangeError maximum: the highest IRQ arch_irq_valid accepts. */
word_t irq_max_valid(void);
bool irq_is_active(word_t irq);

/* The invoke steps of the IRQ invocations (irq_inv.c decodes them). */
void irq_issue_handler(word_t irq, struct cte *control, struct cte *dest);
void irq_set_notification(word_t irq, struct cte *ntfn_slot);
void irq_clear_notification(word_t irq);
void irq_ack(word_t irq);

/* The last IRQHandler capability of 'irq' is being deleted (finalise.c). */
void irq_handler_deleted(word_t irq);

/* A device interrupt arrived (entry.c): signal, mask until Ack, ack. */
void irq_deliver(word_t irq);

/* Could an interrupt still wake a thread (an unmasked IRQ with a
 * notification)? The scheduler must not halt an idle machine then. */
bool irq_can_wake(void);

/* The invariants above hold (for the invariant checker). */
bool irq_state_consistent(void);
