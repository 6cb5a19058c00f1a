/*
 * The devices the kernel itself drives besides the timer and the GIC: the
 * debug console (the board's PL011 UART) and the power-off path. Both ARM
 * modes share this file.
 *
 * Power off with a status: QEMU ends with status 0 on PSCI SYSTEM_OFF, which
 * carries no status, so a pass (0) goes that way and every other status
 * through semihosting's exit call, which QEMU turns into its own exit status
 * (it needs -semihosting on QEMU's command line). Without semihosting the
 * call traps; the kernel then stops instead, so a failure never looks like
 * a pass (the test runner's timeout reports it).
 */
#include <drivers/pl011.h>
#include "arm.h"

#define PSCI_SYSTEM_OFF         0x84000008u
#define ADP_STOPPED_APP_EXIT    0x20026u    /* semihosting: the application exited */

static bool psci_smc;
static volatile bool powering_off;

void arm_console_init(paddr_t base)
{
    pl011_init((uintptr_t)paddr_to_kptr(base));
}

void arch_putchar(int c)
{
    pl011_putc(c);
}

void arm_power_init(bool smc)
{
    psci_smc = smc;
}

static _Noreturn void stop(void)
{
    for (;;)
        arm_wait_for_interrupt();
}

/* Semihosting carries the status (QEMU with -semihosting); without it the
 * call traps and comes back here through panic(), and PSCI powers off with
 * no status to give. */
_Noreturn void arch_poweroff(int status)
{
    if (!powering_off) {
        static word_t block[2];
        powering_off = true;
        block[0] = ADP_STOPPED_APP_EXIT;
        block[1] = (word_t)qemu_exit_status(status);
        arm_semihost_call(ARM_SEMIHOST_EXIT, block);
    }
    arm_psci_call(psci_smc, PSCI_SYSTEM_OFF, 0, 0, 0);
    stop();
}

_Noreturn void arch_panic_halt(void)
{
    arch_poweroff(120);
}
