/*
 * The stretch meter of -Dbench_trace (bench_trace.h). One CPU and
 * interrupts off in the kernel, so two words of state suffice. Compiled only
 * with -Dbench_trace (core/meson.build).
 */
#include <core/bench_trace.h>
#include <core/hal.h>

static word_t stretch_start;
static word_t longest;

void trace_entry(void)
{
    stretch_start = arch_counter();
}

void trace_point(void)
{
    word_t now = arch_counter();
    if (now - stretch_start > longest)
        longest = now - stretch_start;
    stretch_start = now;
}

void trace_reset(void)
{
    longest = 0;
}

word_t trace_longest(void)
{
    return longest;
}
