/*
 * Multiboot2 boot information parser (GRUB's hand-over to the x86 kernels).
 * It reads only the tags Keel needs, checks every length against the info
 * structure's own bounds, and copies the results, so no pointer into the
 * loader's memory survives. Fixed-width types only: the host unit tests
 * (test/unit/test_multiboot2.c) build it too.
 */
#pragma once

#include <core/types.h>

#define MB2_BOOTLOADER_MAGIC    0x36d76289u   /* in eax at the kernel entry */
#define MB2_MAX_RAM             32
#define MB2_CMDLINE_MAX         128

struct mb2_range {
    uint64_t start;             /* inclusive */
    uint64_t end;               /* exclusive */
};

struct mb2_info {
    uint32_t total_size;        /* bytes of the info structure */
    bool have_mmap;
    struct mb2_range ram[MB2_MAX_RAM];  /* type-1 memory map entries, in order */
    unsigned num_ram;
    unsigned num_ram_dropped;   /* RAM entries that did not fit in ram[] */
    unsigned num_bad_entries;   /* entries whose range wraps around: skipped */
    unsigned num_modules;
    struct mb2_range module;    /* the first module (the root task) */
    char cmdline[MB2_CMDLINE_MAX];      /* "" if absent; truncated to fit */
};

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
enum mb2_status mb2_parse(const void *info, size_t avail, struct mb2_info *out);
const char *mb2_strerror(enum mb2_status s);
