/*
 * The kernel tick on ARM: the generic timer's virtual timer (a per-CPU
 * interrupt, ARCH_IRQ_TIMER), programmed through drivers/arm_timer.c.
 */
#include <core/printk.h>
#include <drivers/arm_timer.h>
#include <drivers/gicv2.h>
#include "arm.h"

#define FALLBACK_HZ     62500000u       /* QEMU virt's counter, if CNTFRQ is unset */

void arm_timer_setup(void)
{
    uint64_t hz = arm_timer_init(KEEL_TICK_US, FALLBACK_HZ);
    gicv2_enable(ARCH_IRQ_TIMER);
    kprintf("arm: generic timer at %lu Hz, tick %u us\n", (word_t)hz, KEEL_TICK_US);
}

void arch_timer_reset(void)
{
    arm_timer_next();
}

bool arch_timer_pending(void)
{
    return arm_timer_fired();
}
