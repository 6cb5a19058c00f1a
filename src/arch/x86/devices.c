/*
 * x86-only invocations (the core's arch_decode_invocation hook), decoded in
 * seL4's order: I/O port capabilities (IOPortControl_Issue, IOPort In/Out)
 * and IRQControl_GetIOAPIC.
 *
 * An I/O port capability names the range [first, last] in its value (first in bits
 * 0-15, last in 16-31). A range is issued once: a bitmap of the ports that
 * some capability covers refuses overlaps (RevokeFirst) until the last
 * capability to the range is deleted.
 */
#include <core/cdt.h>
#include <core/invocation.h>
#include <core/irq.h>
#include <drivers/x86/io.h>
#include <drivers/x86/ioapic.h>
#include <sel4/errors.h>
#include <sel4/invocation.h>
#include "x86.h"

#define NUM_PORTS 65536u

static word_t ports_issued[NUM_PORTS / WORD_BITS];

static cap_t cap_io_port(word_t first, word_t last)
{
    return cap_make(CAP_IO_PORT, NULL, 0, first | last << 16);
}
static word_t io_port_first(cap_t c) { return cap_value(c) & 0xffff; }
static word_t io_port_last(cap_t c) { return (cap_value(c) >> 16) & 0xffff; }

static bool port_issued(word_t p) { return (ports_issued[p / WORD_BITS] >> (p % WORD_BITS)) & 1; }

static void mark_ports(word_t first, word_t last, bool issued)
{
    for (word_t p = first; p <= last; p++) {
        if (issued)
            ports_issued[p / WORD_BITS] |= BIT(p % WORD_BITS);
        else
            ports_issued[p / WORD_BITS] &= ~BIT(p % WORD_BITS);
    }
}

static bool range_free(word_t first, word_t last)
{
    for (word_t p = first; p <= last; p++)
        if (port_issued(p))
            return false;
    return true;
}

/* IOPortControl_Issue: MR0 first, MR1 last, MR2 index, MR3 depth, extra cap 0 root. */
static int port_control_issue(struct invocation *inv)
{
    if (inv->label != X86IOPortControlIssue)
        return err_simple(seL4_IllegalOperation);
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t first = inv_arg(inv, 0) & 0xffff, last = inv_arg(inv, 1) & 0xffff;
    if (last < first)
        return err_invalid_argument(1);
    if (!range_free(first, last))
        return err_simple(seL4_RevokeFirst);
    struct cte *dest;
    int status = lookup_target_slot(inv->extra[0]->cap, inv_arg(inv, 2), inv_arg(inv, 3), false, &dest);
    if (status != EXC_NONE)
        return status;
    if (!cap_is_null(dest->cap))
        return err_simple(seL4_DeleteFirst);
    mark_ports(first, last, true);
    cte_insert(cap_io_port(first, last), inv->slot, dest);
    return EXC_NONE;
}

static word_t port_in(word_t port, unsigned size)
{
    switch (size) {
    case 1: return inb((uint16_t)port);
    case 2: return inw((uint16_t)port);
    default: return inl((uint16_t)port);
    }
}

static void port_out(word_t port, unsigned size, word_t v)
{
    switch (size) {
    case 1: outb((uint16_t)port, (uint8_t)v); break;
    case 2: outw((uint16_t)port, (uint16_t)v); break;
    default: outl((uint16_t)port, (uint32_t)v); break;
    }
}

/* In: MR0 port, the value comes back in MR0. Out: MR0 port, MR1 value. The
 * whole access (size bytes from port) must lie in the capability's range. */
static int io_port_invoke(struct invocation *inv)
{
    static const unsigned sizes[] = { 1, 2, 4, 1, 2, 4 };
    if (inv->label < X86IOPortIn8 || inv->label > X86IOPortOut32)
        return err_simple(seL4_IllegalOperation);
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    bool out = inv->label >= X86IOPortOut8;
    unsigned size = sizes[inv->label - X86IOPortIn8];
    word_t port = inv_arg(inv, 0) & 0xffff;
    if (port < io_port_first(inv->cap) || port + size - 1 > io_port_last(inv->cap))
        return err_simple(seL4_IllegalOperation);
    if (!out) {
        inv_set_reply(inv, 0, port_in(port, size));
        return EXC_NONE;
    }
    port_out(port, size, inv_arg(inv, 1));
    return EXC_NONE;
}

/* GetIOAPIC: MR0 index, MR1 depth, MR2 ioapic, MR3 pin, MR4 level, MR5
 * polarity, MR6 vector, extra cap 0 root. The IRQ is the pin; its
 * interrupts arrive on CPU vector VEC_IRQ_BASE + vector (irq_vector.c).
 * As in seL4 the vector is range-checked first; one another pin is on is
 * RevokeFirst. */
static int irq_control_get_ioapic(struct invocation *inv)
{
    if (inv->label != X86IRQIssueIRQHandlerIOAPIC)
        return err_simple(seL4_IllegalOperation);
    if (inv_truncated(inv))
        return err_simple(seL4_TruncatedMessage);
    word_t ioapic = inv_arg(inv, 2), pin = inv_arg(inv, 3);
    word_t level = inv_arg(inv, 4), polarity = inv_arg(inv, 5), vector = inv_arg(inv, 6);
    if (vector > x86_irq_vector_max())
        return err_range(0, x86_irq_vector_max());
    if (ioapic != 0)
        return err_range(0, 0);
    if (!arch_irq_valid(pin))
        return err_range(0, ioapic_num_pins() - 1);
    struct cte *dest;
    int status = irq_control_check(pin, inv->extra[0]->cap, inv_arg(inv, 0), inv_arg(inv, 1), &dest);
    if (status != EXC_NONE)
        return status;
    if (level > 1)
        return err_invalid_argument(4);
    if (polarity > 1)
        return err_invalid_argument(5);
    if (x86_irq_vector_taken(vector, pin))
        return err_simple(seL4_RevokeFirst);
    ioapic_set_mode((unsigned)pin, level, polarity);
    x86_irq_route(pin, vector);
    irq_issue_handler(pin, inv->slot, dest);
    return EXC_NONE;
}

int arch_decode_invocation(struct invocation *inv)
{
    switch (cap_type(inv->cap)) {
    case CAP_IO_PORT_CONTROL: return port_control_issue(inv);
    case CAP_IO_PORT: return io_port_invoke(inv);
    case CAP_IRQ_CONTROL: return irq_control_get_ioapic(inv);
    default: return err_simple(seL4_IllegalOperation);
    }
}

void arch_finalise_cap(cap_t cap, bool final)
{
    if (cap_type(cap) == CAP_IO_PORT && final)
        mark_ports(io_port_first(cap), io_port_last(cap), false);
}
