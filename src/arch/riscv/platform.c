/*
 * The two devices the kernel itself drives besides the timer: the debug
 * console (the virt board's ns16550 UART) and the power-off path (the SiFive
 * test finisher, a QEMU device whose register ends the emulation with a status).
 * Both are reached through the kernel window, so they work from any address space.
 */
#include <drivers/ns16550.h>
#include "riscv.h"

#define FINISHER_EXIT   0x3333          /* QEMU exits with status (value >> 16) */

static struct ns16550 uart = {
    .read = ns16550_mmio_read,
    .write = ns16550_mmio_write,
    .reg_shift = 0,
};
static volatile uint32_t *finisher;

void riscv_console_init(paddr_t base)
{
    uart.base = (uintptr_t)paddr_to_kptr(base);
    ns16550_init(&uart);
}

/* Before the UART is known (a panic while parsing the DTB) the firmware prints. */
void arch_putchar(int c)
{
    if (uart.base)
        ns16550_putc(&uart, c);
    else
        sbi_legacy_putchar(c);
}

void riscv_power_init(paddr_t base)
{
    finisher = paddr_to_kptr(base);
}

_Noreturn void arch_poweroff(int status)
{
    if (finisher)
        *finisher = FINISHER_EXIT | (uint32_t)qemu_exit_status(status) << 16;
    /* No finisher (not QEMU): SBI system reset can still power off, though
     * OpenSBI v1.1 reports every reason as a clean exit. */
    sbi_shutdown(status != 0);
}

_Noreturn void arch_panic_halt(void)
{
    arch_poweroff(120);
}
