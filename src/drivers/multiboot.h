/*
 * What GRUB hands over to the x86 kernels, parsed: the RAM ranges of the
 * memory map, the first module (the root task) and the command line. Both
 * protocols fill the same struct mb_info: multiboot2 (x86_64,
 * multiboot2.c) and multiboot v1 (ia32, below and multiboot.c). The parsers
 * check every length and address, copy what they keep, and use fixed-width
 * types only, so the host unit tests build them too.
 */
#pragma once

#include <core/types.h>

#define MB_MAX_RAM              32
#define MB_CMDLINE_MAX          128

struct mb_range {
    uint64_t start;             /* inclusive */
    uint64_t end;               /* exclusive */
};

struct mb_info {
    uint32_t total_size;        /* bytes of the info structure */
    bool have_mmap;
    struct mb_range ram[MB_MAX_RAM];    /* type-1 memory map entries, in order */
    unsigned num_ram;
    unsigned num_ram_dropped;   /* RAM entries that did not fit in ram[] */
    unsigned num_bad_entries;   /* entries whose range wraps around: skipped */
    unsigned num_modules;
    struct mb_range module;     /* the first module (the root task) */
    char cmdline[MB_CMDLINE_MAX];       /* "" if absent; truncated to fit */
};

/* ---- helpers both parsers use (multiboot.c) ---- */

/* Little-endian loads byte by byte: no unaligned access, whatever the input. */
static inline uint32_t mb_rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t mb_rd64(const uint8_t *p)
{
    return (uint64_t)mb_rd32(p) | (uint64_t)mb_rd32(p + 4) << 32;
}

void mb_clear_info(struct mb_info *out);
/* Record RAM [base, base + len): counted as bad if it wraps, dropped if full. */
void mb_add_ram(struct mb_info *out, uint64_t base, uint64_t len);
/* Copy the NUL-terminated string in [s, s + len), truncating to fit. */
void mb_copy_cmdline(const uint8_t *s, uint32_t len, struct mb_info *out);

/* ---- multiboot v1 ---- */

#define MB1_BOOTLOADER_MAGIC    0x2badb002u   /* in eax at the kernel entry */

/* The v1 info structure points at its memory map, modules and command line
 * by physical address. The caller says what it can read: mb1_map returns a
 * pointer to [pa, pa + len) or NULL if that range is not readable. */
typedef const uint8_t *(*mb1_map_fn)(uint64_t pa, uint32_t len);

enum mb1_status {
    MB1_OK = 0,
    MB1_ERR_INFO,               /* the info structure itself is not readable */
    MB1_ERR_MMAP,               /* memory map missing, unreadable or malformed */
    MB1_ERR_MODULE,             /* module list unreadable or a module malformed */
};

enum mb1_status mb1_parse(uint64_t info_pa, mb1_map_fn map, struct mb_info *out);
const char *mb1_strerror(enum mb1_status s);
