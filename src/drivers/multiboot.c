/*
 * Multiboot v1 boot information parser (see multiboot.h), and the helpers
 * it shares with the multiboot2 parser.
 *
 * The v1 structure: u32 flags, then fields valid only when their flag bit is
 * set; bit 2: cmdline (physical address of a C string); bit 3: mods_count,
 * mods_addr (16-byte entries: start, end, string, reserved); bit 6:
 * mmap_length, mmap_addr (entries {u32 size, u64 base, u64 length, u32 type},
 * the next one size + 4 bytes further). Everything is read through the
 * caller's map function, so a hostile address or length is refused, never
 * followed.
 */
#include <drivers/multiboot.h>

#define MB1_INFO_SIZE       52u     /* up to and including mmap_addr */
#define MB1_FLAG_CMDLINE    (1u << 2)
#define MB1_FLAG_MODS       (1u << 3)
#define MB1_FLAG_MMAP       (1u << 6)
#define MB1_MMAP_ENTRY_MIN  20u     /* base, length, type after the size field */
#define MB1_MODULE_SIZE     16u
#define MB1_MAX_MODULES     64u
#define MB_MMAP_RAM         1u

void mb_clear_info(struct mb_info *out)
{
    uint8_t *b = (uint8_t *)out;
    for (size_t i = 0; i < sizeof(*out); i++)
        b[i] = 0;
}

void mb_add_ram(struct mb_info *out, uint64_t base, uint64_t len)
{
    if (len == 0)
        return;
    if (base > UINT64_MAX - len) {
        out->num_bad_entries++;
        return;
    }
    if (out->num_ram == MB_MAX_RAM) {
        out->num_ram_dropped++;
        return;
    }
    out->ram[out->num_ram].start = base;
    out->ram[out->num_ram].end = base + len;
    out->num_ram++;
}

void mb_copy_cmdline(const uint8_t *s, uint32_t len, struct mb_info *out)
{
    uint32_t i = 0;
    while (i < len && i < MB_CMDLINE_MAX - 1 && s[i] != 0) {
        out->cmdline[i] = (char)s[i];
        i++;
    }
    out->cmdline[i] = 0;
}

/* Entries are walked by their own size field; one that claims to reach past
 * mmap_length, or is too short to hold an entry, makes the map malformed. */
static enum mb1_status parse_mmap(uint32_t addr, uint32_t length, mb1_map_fn map, struct mb_info *out)
{
    const uint8_t *m = length ? map(addr, length) : NULL;
    if (!m)
        return MB1_ERR_MMAP;
    uint32_t off = 0;
    while (off < length) {
        if (length - off < 4)
            return MB1_ERR_MMAP;
        uint32_t size = mb_rd32(m + off);
        if (size < MB1_MMAP_ENTRY_MIN || size > length - off - 4)
            return MB1_ERR_MMAP;
        if (mb_rd32(m + off + 20) == MB_MMAP_RAM)
            mb_add_ram(out, mb_rd64(m + off + 4), mb_rd64(m + off + 12));
        off += size + 4;
    }
    out->have_mmap = true;
    return MB1_OK;
}

static enum mb1_status parse_modules(uint32_t addr, uint32_t count, mb1_map_fn map, struct mb_info *out)
{
    if (count == 0)
        return MB1_OK;
    if (count > MB1_MAX_MODULES)
        return MB1_ERR_MODULE;
    const uint8_t *m = map(addr, count * MB1_MODULE_SIZE);
    if (!m)
        return MB1_ERR_MODULE;
    uint32_t start = mb_rd32(m), end = mb_rd32(m + 4);
    if (end < start)
        return MB1_ERR_MODULE;
    out->num_modules = count;
    out->module.start = start;
    out->module.end = end;
    return MB1_OK;
}

/* The command line has no length: read it in what the map grants, byte by
 * byte, up to the buffer's size. */
static void parse_cmdline(uint32_t addr, mb1_map_fn map, struct mb_info *out)
{
    uint32_t len = MB_CMDLINE_MAX;
    const uint8_t *s = NULL;
    while (len > 0 && !(s = map(addr, len)))
        len /= 2;
    if (s)
        mb_copy_cmdline(s, len, out);
}

enum mb1_status mb1_parse(uint64_t info_pa, mb1_map_fn map, struct mb_info *out)
{
    mb_clear_info(out);
    const uint8_t *p = map(info_pa, MB1_INFO_SIZE);
    if (!p)
        return MB1_ERR_INFO;
    out->total_size = MB1_INFO_SIZE;
    uint32_t flags = mb_rd32(p);
    if (!(flags & MB1_FLAG_MMAP))
        return MB1_ERR_MMAP;
    enum mb1_status s = parse_mmap(mb_rd32(p + 48), mb_rd32(p + 44), map, out);
    if (s == MB1_OK && (flags & MB1_FLAG_MODS))
        s = parse_modules(mb_rd32(p + 24), mb_rd32(p + 20), map, out);
    if (s == MB1_OK && (flags & MB1_FLAG_CMDLINE))
        parse_cmdline(mb_rd32(p + 16), map, out);
    return s;
}

const char *mb1_strerror(enum mb1_status s)
{
    switch (s) {
    case MB1_OK: return "ok";
    case MB1_ERR_INFO: return "info structure not readable";
    case MB1_ERR_MMAP: return "no or bad memory map";
    case MB1_ERR_MODULE: return "bad module list";
    }
    return "unknown error";
}
