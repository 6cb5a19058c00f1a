/*
 * The 16550 UART, shared by every port that has one: MMIO on riscv's virt board,
 * port I/O (COM1) on PCs. The port supplies the register accessors.
 */
#pragma once

#include <core/types.h>

struct ns16550 {
    uint8_t (*read)(const struct ns16550 *u, unsigned reg);
    void (*write)(const struct ns16550 *u, unsigned reg, uint8_t v);
    uintptr_t base;             /* MMIO virtual address or I/O port base */
    unsigned reg_shift;         /* register stride: 1 << reg_shift bytes */
};

void ns16550_init(const struct ns16550 *u);
void ns16550_putc(const struct ns16550 *u, int c);

/* Accessors for the two common wirings. */
uint8_t ns16550_mmio_read(const struct ns16550 *u, unsigned reg);
void ns16550_mmio_write(const struct ns16550 *u, unsigned reg, uint8_t v);
