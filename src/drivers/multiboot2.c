/*
 * Multiboot2 boot information parser. The structure is a u32 total_size, a
 * reserved u32, then tags {u32 type, u32 size, payload} each starting on an
 * 8-byte boundary, ending with a tag of type 0 and size 8. Fields are read
 * byte by byte (little-endian), so a hostile structure can cause neither an
 * unaligned access nor a read outside [info, info + total_size).
 */
#include <drivers/multiboot2.h>

enum {
    MB2_TAG_END = 0,
    MB2_TAG_CMDLINE = 1,
    MB2_TAG_MODULE = 3,
    MB2_TAG_MMAP = 6,
};
#define MB2_MMAP_RAM        1u
#define MB2_TAG_HDR         8u
#define MB2_MMAP_HDR        16u     /* tag header + entry_size + entry_version */
#define MB2_MMAP_ENTRY_MIN  24u     /* base u64, length u64, type u32, reserved u32 */
#define MB2_MODULE_HDR      16u     /* tag header + mod_start + mod_end */

static enum mb2_status parse_mmap(const uint8_t *tag, uint32_t size, struct mb_info *out)
{
    if (size < MB2_MMAP_HDR)
        return MB2_ERR_MMAP;
    uint32_t entry_size = mb_rd32(tag + 8);
    if (entry_size < MB2_MMAP_ENTRY_MIN)
        return MB2_ERR_MMAP;
    uint32_t count = (size - MB2_MMAP_HDR) / entry_size;
    for (uint32_t i = 0; i < count; i++) {
        const uint8_t *e = tag + MB2_MMAP_HDR + (size_t)i * entry_size;
        if (mb_rd32(e + 16) == MB2_MMAP_RAM)
            mb_add_ram(out, mb_rd64(e), mb_rd64(e + 8));
    }
    out->have_mmap = true;
    return MB2_OK;
}

static enum mb2_status parse_module(const uint8_t *tag, uint32_t size, struct mb_info *out)
{
    if (size < MB2_MODULE_HDR)
        return MB2_ERR_MODULE;
    uint32_t start = mb_rd32(tag + 8), end = mb_rd32(tag + 12);
    if (end < start)
        return MB2_ERR_MODULE;
    if (out->num_modules++ == 0) {
        out->module.start = start;
        out->module.end = end;
    }
    return MB2_OK;
}

static enum mb2_status parse_tag(const uint8_t *tag, uint32_t type, uint32_t size,
                                 struct mb_info *out)
{
    switch (type) {
    case MB2_TAG_MMAP:
        return parse_mmap(tag, size, out);
    case MB2_TAG_MODULE:
        return parse_module(tag, size, out);
    case MB2_TAG_CMDLINE:
        mb_copy_cmdline(tag + MB2_TAG_HDR, size - MB2_TAG_HDR, out);
        return MB2_OK;
    default:
        return MB2_OK;          /* tags Keel does not need */
    }
}

enum mb2_status mb2_parse(const void *info, size_t avail, struct mb_info *out)
{
    const uint8_t *p = info;
    mb_clear_info(out);
    if ((uintptr_t)p % 8 != 0)
        return MB2_ERR_ALIGN;
    if (avail < 2 * MB2_TAG_HDR)
        return MB2_ERR_SIZE;
    uint32_t total = mb_rd32(p);
    if (total < 2 * MB2_TAG_HDR || total > avail)
        return MB2_ERR_SIZE;
    out->total_size = total;

    uint64_t off = MB2_TAG_HDR;                 /* skip total_size and reserved */
    while (off + MB2_TAG_HDR <= total) {
        uint32_t type = mb_rd32(p + off), size = mb_rd32(p + off + 4);
        if (size < MB2_TAG_HDR || size > total - off)
            return MB2_ERR_TAG;
        if (type == MB2_TAG_END)
            return size == MB2_TAG_HDR ? MB2_OK : MB2_ERR_TAG;
        enum mb2_status s = parse_tag(p + off, type, size, out);
        if (s != MB2_OK)
            return s;
        off += ((uint64_t)size + 7) & ~(uint64_t)7;
    }
    return MB2_ERR_NO_END;
}

const char *mb2_strerror(enum mb2_status s)
{
    switch (s) {
    case MB2_OK: return "ok";
    case MB2_ERR_ALIGN: return "info not 8-byte aligned";
    case MB2_ERR_SIZE: return "bad total_size";
    case MB2_ERR_TAG: return "bad tag size";
    case MB2_ERR_NO_END: return "no end tag";
    case MB2_ERR_MMAP: return "bad memory map tag";
    case MB2_ERR_MODULE: return "bad module tag";
    }
    return "unknown error";
}
