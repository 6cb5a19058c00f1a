/*
 * PL011 polled output (ARM PrimeCell UART PL011 TRM). The firmware or QEMU
 * has set the line up already; the kernel only waits for room in the
 * transmit FIFO and writes. Nothing else is touched, so a user-level driver
 * can own the receive side and its interrupt.
 */
#include <drivers/pl011.h>

#define UART_DR         0x00            /* data */
#define UART_FR         0x18            /* flags */
#define FR_TXFF         (1u << 5)       /* transmit FIFO full */

static volatile uint32_t *uart;

void pl011_init(uintptr_t base)
{
    uart = (volatile uint32_t *)base;
}

bool pl011_present(void)
{
    return uart != NULL;
}

void pl011_putc(int c)
{
    if (!uart)
        return;
    if (c == '\n')
        pl011_putc('\r');
    while (uart[UART_FR / 4] & FR_TXFF)
        ;
    uart[UART_DR / 4] = (uint32_t)(uint8_t)c;
}
