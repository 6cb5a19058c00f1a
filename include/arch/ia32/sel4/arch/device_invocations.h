/*
 * ia32 device invocations: I/O port capabilities and IRQControl_GetIOAPIC,
 * exactly as on x86_64 (one header for both).
 */
#pragma once

#include "../../../x86_64/sel4/arch/device_invocations.h"
