/*
 * Debug console on COM1 (the shared 16550 driver over port I/O) and power-off
 * through QEMU's isa-debug-exit device (iobase 0xf4): writing v makes QEMU
 * exit with status (v << 1) | 1, so status 0 is written as 0x10 (rc 33).
 */
#include <core/hal.h>
#include <drivers/ns16550.h>
#include <drivers/x86/io.h>
#include <drivers/x86/ns16550_pio.h>
#include "x86.h"

#define DEBUG_EXIT_PORT 0xf4
#define DEBUG_EXIT_PASS 0x10

static const struct ns16550 com1 = {
    .read = ns16550_pio_read,
    .write = ns16550_pio_write,
    .base = X86_COM1_PORT,
    .reg_shift = 0,
};

void x86_console_init(void)
{
    ns16550_init(&com1);
}

void arch_putchar(int c)
{
    ns16550_putc(&com1, c);
}

static _Noreturn void x86_halt_forever(void)
{
    for (;;)
        __asm__ volatile("cli; hlt");
}

/* status 0 -> 0x10 (rc 33); status s -> 0x10 + s (rc ((0x10 + s) << 1) | 1). */
_Noreturn void arch_poweroff(int status)
{
    outb(DEBUG_EXIT_PORT, (uint8_t)(DEBUG_EXIT_PASS + (status & 0x7f)));
    x86_halt_forever();         /* no debug-exit device: just stop */
}

_Noreturn void arch_panic_halt(void)
{
    arch_poweroff(120);
}
