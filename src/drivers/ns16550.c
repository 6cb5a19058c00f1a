/*
 * 16550 UART polled output. The kernel only prints (debug console); receive
 * interrupts belong to the user-level driver.
 */
#include <drivers/ns16550.h>

enum {
    UART_THR = 0,               /* transmit holding (write) */
    UART_IER = 1,               /* interrupt enable */
    UART_FCR = 2,               /* FIFO control (write) */
    UART_LCR = 3,               /* line control */
    UART_MCR = 4,               /* modem control */
    UART_LSR = 5,               /* line status */
    UART_DLL = 0,               /* divisor latch, when LCR.DLAB */
    UART_DLM = 1,
};
#define LSR_THR_EMPTY 0x20
#define LCR_DLAB      0x80
#define LCR_8N1       0x03

void ns16550_init(const struct ns16550 *u)
{
    u->write(u, UART_IER, 0);           /* polled: no interrupts from the kernel */
    u->write(u, UART_LCR, LCR_DLAB);
    u->write(u, UART_DLL, 1);           /* 115200 baud from a 1.8432 MHz clock */
    u->write(u, UART_DLM, 0);
    u->write(u, UART_LCR, LCR_8N1);
    u->write(u, UART_FCR, 0x07);        /* enable and clear the FIFOs */
    u->write(u, UART_MCR, 0x03);        /* DTR, RTS */
}

void ns16550_putc(const struct ns16550 *u, int c)
{
    if (c == '\n')
        ns16550_putc(u, '\r');
    while (!(u->read(u, UART_LSR) & LSR_THR_EMPTY))
        ;
    u->write(u, UART_THR, (uint8_t)c);
}

uint8_t ns16550_mmio_read(const struct ns16550 *u, unsigned reg)
{
    return *(volatile uint8_t *)(u->base + ((uintptr_t)reg << u->reg_shift));
}

void ns16550_mmio_write(const struct ns16550 *u, unsigned reg, uint8_t v)
{
    *(volatile uint8_t *)(u->base + ((uintptr_t)reg << u->reg_shift)) = v;
}
