/*
 * The guest's instruction counter, readable in user mode. Under QEMU with
 * -icount shift=0 both riscv's instret and x86's TSC advance by one per
 * retired instruction.
 */
#pragma once

#include <sel4/sel4.h>
#include <keel/counter_arch.h>

static inline seL4_Word keel_counter(void)
{
    return keel_arch_counter();
}
