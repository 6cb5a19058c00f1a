/*
 * Port-I/O register accessors for the shared 16550 driver. u->base is the
 * I/O port of register 0; registers are consecutive ports (reg_shift 0).
 */
#include <drivers/x86/ns16550_pio.h>
#include <drivers/x86/io.h>

uint8_t ns16550_pio_read(const struct ns16550 *u, unsigned reg)
{
    return inb((uint16_t)(u->base + ((uintptr_t)reg << u->reg_shift)));
}

void ns16550_pio_write(const struct ns16550 *u, unsigned reg, uint8_t v)
{
    outb((uint16_t)(u->base + ((uintptr_t)reg << u->reg_shift)), v);
}
