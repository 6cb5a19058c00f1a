/*
 * -Dbench_trace: how long the kernel runs without a preemption point. Every
 * kernel entry starts a stretch; a preemption point that polls the timer, or
 * the exit, ends it (and a poll starts the next). The longest stretch since
 * seL4_BenchmarkResetLog is what seL4_BenchmarkFinalizeLog returns, in
 * arch_counter() units (instructions under QEMU -icount). Without the option
 * every hook is an empty inline: the normal kernel pays nothing.
 */
#pragma once

#include <arch/types.h>

#ifdef KEEL_BENCH_TRACE
void trace_entry(void);
void trace_point(void);
void trace_reset(void);
word_t trace_longest(void);
#else
static inline void trace_entry(void)
{
}

static inline void trace_point(void)
{
}
#endif
