/*
 * Host unit test of the multiboot v1 parser (src/drivers/multiboot.c, the
 * ia32 boot hand-over): a fake physical memory holds the info structure, the
 * memory map, the module list and the command line; the parser reads it
 * only through map_fake(), which refuses anything outside, as the kernel's
 * does outside its window. Valid and hostile inputs; ASan and UBSan watch
 * every read.
 */
#include <stdlib.h>
#include <string.h>

#include <drivers/multiboot.h>
#include "check.h"

#define PHYS_SIZE   4096u
#define INFO        0x100u
#define MMAP        0x400u
#define MODS        0x800u
#define CMDLINE     0xc00u

static uint8_t *phys;           /* heap: ASan sees reads past its end */

static const uint8_t *map_fake(uint64_t pa, uint32_t len)
{
    if (pa > PHYS_SIZE || len > PHYS_SIZE - pa)
        return NULL;
    return phys + pa;
}

static void put32(uint32_t pa, uint32_t v) { memcpy(phys + pa, &v, 4); }
static void put64(uint32_t pa, uint64_t v) { memcpy(phys + pa, &v, 8); }

/* One memory map entry at pa with the given size field; returns the next. */
static uint32_t mmap_entry(uint32_t pa, uint32_t size, uint64_t base, uint64_t len, uint32_t type)
{
    put32(pa, size);
    put64(pa + 4, base);
    put64(pa + 12, len);
    put32(pa + 20, type);
    return pa + size + 4;
}

/* A valid structure like GRUB's: two RAM ranges around a reserved one, one
 * module, a command line. */
static void build(void)
{
    memset(phys, 0xa5, PHYS_SIZE);
    put32(INFO, (1u << 2) | (1u << 3) | (1u << 6));
    uint32_t e = mmap_entry(MMAP, 20, 0, 0x9fc00, 1);
    e = mmap_entry(e, 20, 0xf0000, 0x10000, 2);
    e = mmap_entry(e, 20, 0x100000, 0x7ee0000, 1);
    put32(INFO + 44, e - MMAP);             /* mmap_length */
    put32(INFO + 48, MMAP);                 /* mmap_addr */
    put32(INFO + 20, 1);                    /* mods_count */
    put32(INFO + 24, MODS);                 /* mods_addr */
    put32(MODS, 0x200000);
    put32(MODS + 4, 0x234567);
    put32(INFO + 16, CMDLINE);
    memcpy(phys + CMDLINE, "keel.elf", 9);
}

static enum mb1_status parse(struct mb_info *mb)
{
    return mb1_parse(INFO, map_fake, mb);
}

static void test_valid(struct mb_info *mb)
{
    build();
    CHECK(parse(mb) == MB1_OK, "valid info parsed");
    CHECK(mb->have_mmap && mb->num_ram == 2, "two RAM ranges, the reserved one skipped");
    CHECK(mb->ram[0].start == 0 && mb->ram[0].end == 0x9fc00 && mb->ram[1].start == 0x100000 &&
          mb->ram[1].end == 0x7fe0000, "RAM ranges read");
    CHECK(mb->num_modules == 1 && mb->module.start == 0x200000 && mb->module.end == 0x234567,
          "the module read");
    CHECK(strcmp(mb->cmdline, "keel.elf") == 0, "command line read");

    build();
    put32(MMAP, 28);                        /* a larger entry: the size field says how much */
    memmove(phys + MMAP + 32, phys + MMAP + 24, 48);
    put32(INFO + 44, 32 + 48);
    CHECK(parse(mb) == MB1_OK && mb->num_ram == 2 && mb->ram[1].start == 0x100000,
          "entries of a larger size are stepped over by their size field");

    build();
    put32(INFO, 1u << 6);                   /* no modules, no command line */
    CHECK(parse(mb) == MB1_OK && mb->num_modules == 0 && mb->cmdline[0] == 0,
          "modules and command line are optional");
}

static void test_hostile(struct mb_info *mb)
{
    CHECK(mb1_parse(PHYS_SIZE - 20, map_fake, mb) == MB1_ERR_INFO, "info past readable memory refused");
    build(); put32(INFO, 1u << 3);
    CHECK(parse(mb) == MB1_ERR_MMAP, "no memory map refused");
    build(); put32(INFO + 48, PHYS_SIZE - 8);
    CHECK(parse(mb) == MB1_ERR_MMAP, "memory map past readable memory refused");
    build(); put32(INFO + 44, 0);
    CHECK(parse(mb) == MB1_ERR_MMAP, "empty memory map refused");
    build(); put32(MMAP, 8);
    CHECK(parse(mb) == MB1_ERR_MMAP, "entry too short for base, length, type refused");
    build(); put32(MMAP + 48, 0xfffffff0u);
    CHECK(parse(mb) == MB1_ERR_MMAP, "entry size running past mmap_length refused");
    build(); put32(INFO + 44, 24 * 3 - 2);
    CHECK(parse(mb) == MB1_ERR_MMAP, "a truncated last entry refused");
    build(); put64(MMAP + 4, UINT64_MAX - 10);
    CHECK(parse(mb) == MB1_OK && mb->num_bad_entries == 1 && mb->num_ram == 1,
          "a RAM range that wraps is counted bad and skipped");
    build(); put32(MODS + 4, 0x100000);
    CHECK(parse(mb) == MB1_ERR_MODULE, "module ending before its start refused");
    build(); put32(INFO + 24, PHYS_SIZE - 4);
    CHECK(parse(mb) == MB1_ERR_MODULE, "module list past readable memory refused");
    build(); put32(INFO + 20, 0x10000000);
    CHECK(parse(mb) == MB1_ERR_MODULE, "absurd module count refused (no overflow)");
    build(); put32(INFO + 16, PHYS_SIZE - 3); memcpy(phys + PHYS_SIZE - 3, "abc", 3);
    CHECK(parse(mb) == MB1_OK && strlen(mb->cmdline) < 3, "unterminated command line at the end: no overread");
    build(); put32(INFO + 16, PHYS_SIZE + 100);
    CHECK(parse(mb) == MB1_OK && mb->cmdline[0] == 0, "unreadable command line ignored");
}

static void test_full_map(struct mb_info *mb)
{
    build();
    uint32_t e = MMAP;
    for (unsigned i = 0; i < MB_MAX_RAM + 3; i++)
        e = mmap_entry(e, 20, (uint64_t)i << 24, 0x1000, 1);
    put32(INFO + 44, e - MMAP);
    CHECK(parse(mb) == MB1_OK && mb->num_ram == MB_MAX_RAM && mb->num_ram_dropped == 3,
          "RAM entries beyond MB_MAX_RAM are counted as dropped");
}

int main(void)
{
    phys = malloc(PHYS_SIZE);
    struct mb_info *mb = malloc(sizeof *mb);
    test_valid(mb);
    test_hostile(mb);
    test_full_map(mb);
    free(mb);
    free(phys);
    return check_done();
}
