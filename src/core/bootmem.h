/*
 * Physical memory at boot: which bytes of RAM are free, which the kernel
 * image and the firmware hold, and which the kernel allocated while building
 * the root task. What is free when the root task starts becomes its Untyped.
 */
#pragma once

#include <core/regions.h>
#include <sel4/keel.h>

void bootmem_init(const struct boot_info *bi);
/* A zeroed, size-aligned block of 2^size_bits bytes; panics if RAM is short
 * (a boot-configuration error, never a user action). Returns a kernel pointer. */
void *bootmem_alloc(unsigned size_bits);
/* Hand the root task's ELF file back to the free pool once it is loaded. */
void bootmem_release_roottask(const struct boot_info *bi);
const struct region_set *bootmem_free(void);
void bootmem_fill_meminfo(keel_meminfo *mi);
/* Physical address space below ARCH_PADDR_TOP that is neither RAM nor a
 * device the kernel drives: handed out as device Untyped. */
void bootmem_device_regions(const struct boot_info *bi, struct region_set *out);
