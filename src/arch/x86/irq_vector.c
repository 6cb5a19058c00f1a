/*
 * Which IOAPIC pin each interrupt vector belongs to. Keel's IRQ number on
 * x86 is the pin; a pin starts on vector VEC_IRQ_BASE + pin, and
 * seL4_IRQControl_GetIOAPIC may move it to the vector the caller names
 * (seL4 lets user level choose the vector). The trap path turns a vector
 * back into the pin's IRQ with this table.
 */
#include <drivers/x86/ioapic.h>
#include "x86.h"

#define NUM_VECTORS (VEC_PIC_BASE - VEC_IRQ_BASE)

/* vector offset -> pin + 1 for a moved pin; 0: the offset's own pin, if
 * that pin has not moved away. */
static uint8_t vector_pin[NUM_VECTORS];

word_t x86_irq_vector_max(void)
{
    return NUM_VECTORS - 1;
}

/* The vector offset the pin is routed to now. */
static word_t pin_vector(word_t pin)
{
    for (word_t v = 0; v < NUM_VECTORS; v++)
        if (vector_pin[v] == pin + 1)
            return v;
    return pin;
}

/* The pin whose interrupts arrive on vector offset v, or NUM_VECTORS. */
static word_t vector_owner(word_t v)
{
    if (vector_pin[v] != 0)
        return vector_pin[v] - 1u;
    return v < ioapic_num_pins() && pin_vector(v) == v ? v : NUM_VECTORS;
}

bool x86_irq_vector_taken(word_t vector, word_t pin)
{
    word_t owner = vector_owner(vector);
    return owner != NUM_VECTORS && owner != pin;
}

void x86_irq_route(word_t pin, word_t vector)
{
    word_t old = pin_vector(pin);
    if (old != pin)
        vector_pin[old] = 0;
    if (vector != pin)
        vector_pin[vector] = (uint8_t)(pin + 1);
    ioapic_set_vector((unsigned)pin, (uint8_t)(VEC_IRQ_BASE + vector));
}

word_t x86_vector_irq(word_t vector)
{
    word_t owner = vector_owner(vector);
    return owner == NUM_VECTORS ? vector : owner;
}
