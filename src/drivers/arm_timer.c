/*
 * The ARM generic timer as the kernel's tick (see arm_timer.h).
 */
#include <drivers/arm_timer.h>
#include "arm_timer_regs.h"

#define CTL_ENABLE      (1u << 0)
#define CTL_IMASK       (1u << 1)
#define CTL_ISTATUS     (1u << 2)       /* read-only: the condition holds */

static uint64_t period;

uint64_t arm_timer_init(uint64_t period_us, uint64_t fallback_hz)
{
    uint64_t hz = arm_timer_read_frequency() & 0xffffffffu;
    if (hz == 0)
        hz = fallback_hz;
    period = hz * period_us / 1000000u;
    if (period == 0)
        period = 1;
    arm_timer_write_control(CTL_IMASK);
    return hz;
}

/* An absolute deadline (compare value) rather than a countdown: the tick
 * stays one period after "now", whatever the kernel did before asking. */
void arm_timer_next(void)
{
    arm_timer_write_compare(arm_timer_read_counter() + period);
    arm_timer_write_control(CTL_ENABLE);
}

bool arm_timer_fired(void)
{
    uint32_t c = arm_timer_read_control();
    return (c & (CTL_ENABLE | CTL_ISTATUS)) == (CTL_ENABLE | CTL_ISTATUS);
}
