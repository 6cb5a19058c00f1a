/*
 * Interrupt state and delivery (see irq.h): the per-IRQ state table, the
 * kernel's slots holding the notification each IRQ signals, and what an
 * interrupt does. The IRQ invocations are decoded in irq_inv.c.
 *
 * seL4 behaviour: a delivered interrupt leaves its line masked until the
 * driver acknowledges it, so a level-triggered device that still asserts its
 * line cannot keep the CPU in the kernel while its driver has not run yet.
 */
#include <core/cdt.h>
#include <core/ipc.h>
#include <core/irq.h>
#include <core/printk.h>

enum irq_state {
    IRQ_INACTIVE = 0,           /* no handler capability: masked */
    IRQ_MASKED,                 /* a handler exists; the line is masked */
    IRQ_UNMASKED,               /* a handler exists; the driver acknowledged */
};

static uint8_t irq_state[ARCH_NUM_IRQS];
/* One slot per IRQ, owned by the kernel; slots are 32-byte aligned (cnode.h). */
static struct cte irq_slots[ARCH_NUM_IRQS] __attribute__((aligned(32)));

word_t irq_max_valid(void)
{
    static word_t max = ARCH_IRQ_NONE;
    if (max == ARCH_IRQ_NONE) {
        max = 0;
        for (word_t i = ARCH_NUM_IRQS; i-- > 0;) {
            if (arch_irq_valid(i)) {
                max = i;
                break;
            }
        }
    }
    return max;
}

bool irq_is_active(word_t irq)
{
    return irq < ARCH_NUM_IRQS && irq_state[irq] != IRQ_INACTIVE;
}

/* The new handler is a child of the IRQControl capability (revocable: an
 * original, cap_is_revocable). The line stays masked until the first Ack. */
void irq_issue_handler(word_t irq, struct cte *control, struct cte *dest)
{
    irq_state[irq] = IRQ_MASKED;
    cte_insert(cap_irq_handler(irq), control, dest);
}

void irq_clear_notification(word_t irq)
{
    cte_delete_one(&irq_slots[irq]);
}

/* The kernel's slot gets a copy of the driver's capability, next to it on
 * the CDT: same badge, same rights, and it goes when the notification does. */
void irq_set_notification(word_t irq, struct cte *ntfn_slot)
{
    irq_clear_notification(irq);
    cte_insert(ntfn_slot->cap, ntfn_slot, &irq_slots[irq]);
}

void irq_ack(word_t irq)
{
    irq_state[irq] = IRQ_UNMASKED;
    arch_irq_unmask(irq);
}

void irq_handler_deleted(word_t irq)
{
    if (irq >= ARCH_NUM_IRQS)
        return;
    irq_clear_notification(irq);
    arch_irq_mask(irq);
    irq_state[irq] = IRQ_INACTIVE;
}

void irq_deliver(word_t irq)
{
    if (irq >= ARCH_NUM_IRQS)
        return;
    if (irq_state[irq] == IRQ_INACTIVE) {
        /* Nobody can handle it: silence the line rather than let it fire forever. */
        kprintf("keel: unexpected interrupt %lu masked\n", irq);
    } else {
        cap_t c = irq_slots[irq].cap;
        if (cap_type(c) == CAP_NOTIFICATION)
            ntfn_signal(cap_ptr(c), cap_badge(c));
        irq_state[irq] = IRQ_MASKED;
    }
    arch_irq_mask(irq);
    arch_irq_ack(irq);
}

/* Only idle test builds ask, so a scan is cheap enough. A slot's capability
 * can vanish without irq.c noticing (its notification's Untyped revoked),
 * which is why the slots themselves are looked at, not a counter. */
bool irq_can_wake(void)
{
    for (word_t i = 0; i < ARCH_NUM_IRQS; i++)
        if (irq_state[i] == IRQ_UNMASKED && !cap_is_null(irq_slots[i].cap))
            return true;
    return false;
}

/* The invariants of irq.h, for the checker (invariants.c). */
bool irq_state_consistent(void)
{
    for (word_t i = 0; i < ARCH_NUM_IRQS; i++) {
        cap_t c = irq_slots[i].cap;
        if (cap_is_null(c))
            continue;
        if (irq_state[i] == IRQ_INACTIVE || cap_type(c) != CAP_NOTIFICATION || !(cap_rights(c) & RIGHT_WRITE))
            return false;
    }
    return true;
}
