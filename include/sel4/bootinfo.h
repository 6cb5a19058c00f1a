/*
 * Access to the boot information frame, as libsel4's <sel4/bootinfo.h>.
 * The runtime (userland/lib/runtime.c) records the pointer the kernel passed
 * to the root task before main() runs.
 */
#pragma once

#include <sel4/bootinfo_types.h>

/* Record bi as the boot information; the runtime calls it at start-up. */
void seL4_InitBootInfo(seL4_BootInfo *bi);

/* The boot information of this root task (NULL before seL4_InitBootInfo). */
seL4_BootInfo *seL4_GetBootInfo(void);
