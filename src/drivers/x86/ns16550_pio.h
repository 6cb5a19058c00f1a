/*
 * Port-I/O register accessors for the shared 16550 driver (drivers/ns16550.h):
 * the PC's COM ports sit in the I/O space (COM1 at 0x3f8), one register per port.
 */
#pragma once

#include <drivers/ns16550.h>

#define X86_COM1_PORT 0x3f8

uint8_t ns16550_pio_read(const struct ns16550 *u, unsigned reg);
void ns16550_pio_write(const struct ns16550 *u, unsigned reg, uint8_t v);
