/*
 * IRQControl and IRQHandler invocations, decoded in seL4's order (see
 * irq.h for the state they change). A port with IRQControl variants of its
 * own (x86: GetIOAPIC) decodes those in arch_decode_invocation and shares
 * the destination checks and the invoke step from here.
 */
#include <core/cdt.h>
#include <core/invocation.h>
#include <core/irq.h>
#include <sel4/errors.h>
#include <sel4/invocation.h>

int irq_control_check(word_t irq, cap_t root, word_t index, word_t depth, struct cte **dest)
{
    if (irq_is_active(irq))
        return err_simple(seL4_RevokeFirst);
    int status = lookup_target_slot(root, index, depth, false, dest);
    if (status != EXC_NONE)
        return status;
    if (!cap_is_null((*dest)->cap))
        return err_simple(seL4_DeleteFirst);
    return EXC_NONE;
}

/* IRQIssueIRQHandler: MR0 irq, MR1 index, MR2 depth, extra cap 0 the root CNode. */
static int irq_control_get(struct invocation *inv)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t irq = inv_arg(inv, 0), index = inv_arg(inv, 1), depth = inv_arg(inv, 2);
    if (!arch_irq_valid(irq))
        return err_range(0, irq_max_valid());
    struct cte *dest;
    int status = irq_control_check(irq, inv->extra[0]->cap, index, depth, &dest);
    if (status != EXC_NONE)
        return status;
    irq_issue_handler(irq, inv->slot, dest);
    return EXC_NONE;
}

int decode_irq_control(struct invocation *inv)
{
    if (inv->label != IRQIssueIRQHandler)
        return arch_decode_invocation(inv);
    return irq_control_get(inv);
}

/* SetNotification: extra cap 0 must be a notification the driver may signal. */
static int set_notification(struct invocation *inv, word_t irq)
{
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    cap_t n = inv->extra[0]->cap;
    if (cap_type(n) != CAP_NOTIFICATION || !(cap_rights(n) & RIGHT_WRITE))
        return err_invalid_capability(1);
    irq_set_notification(irq, inv->extra[0]);
    return EXC_NONE;
}

int decode_irq_handler(struct invocation *inv)
{
    word_t irq = cap_irq_handler_irq(inv->cap);
    switch (inv->label) {
    case IRQAckIRQ:
        irq_ack(irq);
        return EXC_NONE;
    case IRQSetIRQHandler:
        return set_notification(inv, irq);
    case IRQClearIRQHandler:
        irq_clear_notification(irq);
        return EXC_NONE;
    default:
        return err_simple(seL4_IllegalOperation);
    }
}
