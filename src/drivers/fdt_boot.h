/*
 * Building the core's boot_info from a device tree, for every port whose
 * loader hands one over (riscv64 via OpenSBI, the ARM ports via QEMU or
 * U-Boot): RAM, reserved ranges, the kernel image's extent.
 */
#pragma once

#include <core/hal.h>
#include <drivers/fdt.h>

/* Append [start, end) to a region set (ignored when empty; panics when full). */
void boot_add_region(struct phys_region *set, unsigned *n, paddr_t start, paddr_t end,
                     const char *what);
/* Reserve the pages covering [start, start + size). */
void boot_add_reserved(struct boot_info *bi, paddr_t start, uint64_t size);
/* The device tree's RAM (clipped to the kernel window, loudly), its reserved
 * ranges and the blob itself at physical 'dtb'. */
void boot_fdt_memory(struct boot_info *bi, const struct fdt *f, paddr_t dtb);
/* The image [kernel_start, roottask_start) and the embedded root task
 * [roottask_start, roottask_end), physical; RAM below the image (firmware,
 * the DTB) is reserved. */
void boot_embedded_image(struct boot_info *bi, paddr_t kernel_start, paddr_t roottask_start,
                         paddr_t roottask_end);
void boot_print(const struct boot_info *bi);
