/*
 * The 8254 programmable interval timer, used only as a known clock to
 * calibrate the local APIC timer at boot.
 */
#pragma once

#include <core/types.h>

#define PIT_HZ 1193182u

/* Busy-wait for about `us` microseconds (at most ~54 ms) on PIT channel 2. */
void pit_busy_wait_us(unsigned us);
