/*
 * ELF64 reader (see elf.h). The image may be unaligned in memory, so every
 * field is read through memcpy.
 */
#include <core/elf.h>
#include <core/string.h>

#define PT_LOAD 1
#define ET_EXEC 2

struct ehdr {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

_Static_assert(sizeof(struct ehdr) == 64, "ELF64 header");
_Static_assert(sizeof(struct phdr) == 56, "ELF64 program header");

static struct ehdr read_ehdr(const void *image)
{
    struct ehdr e;
    memcpy(&e, image, sizeof e);
    return e;
}

static struct phdr read_phdr(const void *image, unsigned i)
{
    struct ehdr e = read_ehdr(image);
    struct phdr p;
    memcpy(&p, (const uint8_t *)image + e.phoff + (uint64_t)i * sizeof p, sizeof p);
    return p;
}

static bool header_ok(const struct ehdr *e, size_t size, uint16_t machine)
{
    static const uint8_t magic[4] = { 0x7f, 'E', 'L', 'F' };
    if (memcmp(e->ident, magic, 4) != 0 || e->ident[4] != 2 /* 64-bit */ ||
        e->ident[5] != 1 /* little endian */ || e->type != ET_EXEC || e->machine != machine)
        return false;
    if (e->phentsize != sizeof(struct phdr) || e->phnum == 0 || e->phoff > size)
        return false;
    return (uint64_t)e->phnum * sizeof(struct phdr) <= size - e->phoff;
}

static bool segment_ok(const struct phdr *p, size_t size, uint64_t user_top)
{
    if (p->filesz > p->memsz || p->offset > size || p->filesz > size - p->offset)
        return false;
    return p->vaddr < user_top && p->memsz <= user_top - p->vaddr;
}

bool elf_check(const void *image, size_t size, uint16_t machine, uint64_t user_top)
{
    if (size < sizeof(struct ehdr))
        return false;
    struct ehdr e = read_ehdr(image);
    if (!header_ok(&e, size, machine))
        return false;
    unsigned loads = 0;
    for (unsigned i = 0; i < e.phnum; i++) {
        struct phdr p = read_phdr(image, i);
        if (p.type != PT_LOAD)
            continue;
        if (!segment_ok(&p, size, user_top))
            return false;
        loads++;
    }
    return loads > 0 && e.entry < user_top;
}

uint64_t elf_entry(const void *image)
{
    return read_ehdr(image).entry;
}

unsigned elf_num_segments(const void *image)
{
    struct ehdr e = read_ehdr(image);
    unsigned n = 0;
    for (unsigned i = 0; i < e.phnum; i++)
        n += read_phdr(image, i).type == PT_LOAD;
    return n;
}

bool elf_segment(const void *image, unsigned n, struct elf_segment *seg)
{
    struct ehdr e = read_ehdr(image);
    for (unsigned i = 0; i < e.phnum; i++) {
        struct phdr p = read_phdr(image, i);
        if (p.type != PT_LOAD || n-- != 0)
            continue;
        seg->vaddr = p.vaddr;
        seg->memsz = p.memsz;
        seg->offset = p.offset;
        seg->filesz = p.filesz;
        seg->flags = p.flags;
        return true;
    }
    return false;
}

void elf_bounds(const void *image, uint64_t *lo, uint64_t *hi)
{
    struct elf_segment s;
    *lo = UINT64_MAX;
    *hi = 0;
    for (unsigned i = 0; elf_segment(image, i, &s); i++) {
        if (s.memsz == 0)
            continue;
        if (s.vaddr < *lo)
            *lo = s.vaddr;
        if (s.vaddr + s.memsz > *hi)
            *hi = s.vaddr + s.memsz;
    }
}
