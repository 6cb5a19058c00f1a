/*
 * Interrupt invocations with libsel4's (non-MCS) names and parameter lists,
 * on the recipe of sel4/invocations.h. A driver gets an IRQHandler
 * capability from IRQControl, names the notification the interrupt signals
 * (its badge is what seL4_Wait returns), and acknowledges every interrupt:
 * the kernel keeps the line masked from delivery until the Ack.
 */
#pragma once

#include <sel4/invocations.h>

/* An IRQHandler capability for `irq` in slot index/depth under root. Errors:
 * RangeError (no such IRQ on this board: MR0 0, MR1 the highest IRQ),
 * RevokeFirst (a handler for the IRQ exists), FailedLookup / DeleteFirst
 * (the destination). On x86_64 the IRQ is an IOAPIC pin. */
static inline seL4_Error seL4_IRQControl_Get(seL4_IRQControl _service, seL4_Word irq, seL4_CNode root,
                                             seL4_Word index, seL4_Uint8 depth)
{
    seL4_SetCap(0, root);
    seL4_SetMR(0, irq);
    seL4_SetMR(1, index);
    seL4_SetMR(2, depth & 0xfful);
    return keel_invoke(_service, IRQIssueIRQHandler, 1, 3);
}

/* Unmask the line: the next interrupt will be delivered. */
static inline seL4_Error seL4_IRQHandler_Ack(seL4_IRQHandler _service)
{
    return keel_invoke(_service, IRQAckIRQ, 0, 0);
}

/* Signal `notification` (a capability with the Write right, its badge kept)
 * on every interrupt, instead of any notification set before. */
static inline seL4_Error seL4_IRQHandler_SetNotification(seL4_IRQHandler _service, seL4_CPtr notification)
{
    seL4_SetCap(0, notification);
    return keel_invoke(_service, IRQSetIRQHandler, 1, 0);
}

/* Signal nothing any more. */
static inline seL4_Error seL4_IRQHandler_Clear(seL4_IRQHandler _service)
{
    return keel_invoke(_service, IRQClearIRQHandler, 0, 0);
}

#include <sel4/arch/device_invocations.h>
