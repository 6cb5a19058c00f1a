/*
 * Multiboot2 boot information parser (GRUB's hand-over to the x86 kernels).
 * It reads only the tags Keel needs, checks every length against the info
 * structure's own bounds, and copies the results, so no pointer into the
 * loader's memory survives. Fixed-width types only: the host unit tests
 * (test/unit/test_multiboot2.c) build it too.
 */
#pragma once

#include <drivers/multiboot.h>

#define MB2_BOOTLOADER_MAGIC    0x36d76289u   /* in eax at the kernel entry */

enum mb2_status {
    MB2_OK = 0,
    MB2_ERR_ALIGN,              /* the info structure is not 8-byte aligned */
    MB2_ERR_SIZE,               /* total_size is too small or exceeds the buffer */
    MB2_ERR_TAG,                /* a tag's size is below 8 or runs past the end */
    MB2_ERR_NO_END,             /* no end tag before total_size */
    MB2_ERR_MMAP,               /* malformed memory map tag */
    MB2_ERR_MODULE,             /* malformed module tag */
};

/* Parse the info structure at `info`, of which `avail` bytes may be read. */
enum mb2_status mb2_parse(const void *info, size_t avail, struct mb_info *out);
const char *mb2_strerror(enum mb2_status s);
