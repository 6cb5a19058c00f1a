/*
 * The ARM PL011 UART, shared by the ARM ports: polled output for the
 * kernel's debug console. Receive interrupts belong to a user-level driver.
 */
#pragma once

#include <core/types.h>

void pl011_init(uintptr_t base);        /* MMIO virtual address; 0: no console */
void pl011_putc(int c);
bool pl011_present(void);
