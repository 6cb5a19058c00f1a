/*
 * Unit tests of interrupt delivery (core/irq.c): a handler issued under
 * IRQControl, the kernel's copy of the notification capability on the CDT,
 * signal-then-mask on delivery, unmask on Ack, the copy outliving the
 * driver's capability and going with a revoke, and the IRQ freed with its
 * last handler.
 */
#include <stdlib.h>
#include <string.h>
#include <core/cdt.h>
#include <core/entry.h>
#include <core/ipc.h>
#include <core/irq.h>
#include <core/objects.h>
#include <sel4/constants.h>
#include "check.h"
#include "fake_hal.h"

#define IRQ 10

static struct cte *cnode;
static struct notification ntfn __attribute__((aligned(32)));

int main(void)
{
    cnode = aligned_alloc(64 * 32, 64 * 32);
    memset(cnode, 0, 64 * 32);
    struct notification *n = &ntfn;
    cdt_link_after(&cdt_head, &cnode[1], cap_singleton(CAP_IRQ_CONTROL), true, true);
    cdt_link_after(&cnode[1], &cnode[2], cap_endpoint(CAP_NOTIFICATION, n, RIGHTS_ALL, 0), true, true);
    cte_insert(cap_endpoint(CAP_NOTIFICATION, n, RIGHTS_ALL, 0x5), &cnode[2], &cnode[3]);

    CHECK(irq_max_valid() == ARCH_IRQ_TIMER - 1, "the highest valid IRQ comes from arch_irq_valid");
    irq_issue_handler(IRQ, &cnode[1], &cnode[4]);
    CHECK(irq_is_active(IRQ) && cap_type(cnode[4].cap) == CAP_IRQ_HANDLER, "a handler makes the IRQ active");
    CHECK(cdt_is_parent_of(&cnode[1], &cnode[4]), "the handler is a child of IRQControl");

    irq_set_notification(IRQ, &cnode[3]);
    CHECK(!irq_can_wake() && irq_state_consistent(), "a notification on a masked line cannot wake anyone");
    irq_ack(IRQ);
    CHECK(fake.irq_unmasks == 1 && irq_can_wake(), "Ack unmasks; now an interrupt can wake a thread");

    irq_deliver(IRQ);
    CHECK(n->state == NTFN_ACTIVE && n->badge == 0x5, "delivery signals with the capability's badge");
    CHECK(fake.irq_masks == 1 && fake.irq_acks == 1 && !irq_can_wake(), "the line is masked until the next Ack");

    n->state = NTFN_IDLE;
    n->badge = 0;
    cte_delete_one(&cnode[3]);
    irq_ack(IRQ);
    irq_deliver(IRQ);
    CHECK(n->badge == 0x5, "the kernel's copy outlives the driver's badged capability");

    n->state = NTFN_IDLE;
    n->badge = 0;
    CHECK(cte_revoke(&cnode[2]) == EXC_NONE && !irq_can_wake(), "revoking the notification takes the kernel's copy");
    irq_ack(IRQ);
    irq_deliver(IRQ);
    CHECK(n->state == NTFN_IDLE && irq_state_consistent(), "an IRQ without a notification signals nothing");

    int masks = fake.irq_masks;
    cte_delete_one(&cnode[4]);
    CHECK(!irq_is_active(IRQ) && fake.irq_masks == masks + 1, "deleting the last handler masks and frees the IRQ");
    irq_deliver(IRQ + 1);
    CHECK(fake.irq_masks == masks + 2 && fake.irq_acks == 4, "an unhandled interrupt is masked and acknowledged");
    return check_done();
}
