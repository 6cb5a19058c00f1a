/*
 * ELF reader (see elf.h), for ELF64 and ELF32 files. The image may be unaligned in memory, so every
 * field is read through memcpy.
 */
#include <core/elf.h>
#include <core/string.h>

#define PT_LOAD 1
#define ET_EXEC 2

#define ELFCLASS32 1
#define ELFCLASS64 2

/* The file's headers, in either class. */
struct ehdr64 {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr64 {
    uint32_t type, flags;
    uint64_t offset, vaddr, paddr, filesz, memsz, align;
};

struct ehdr32 {
    uint8_t ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct phdr32 {
    uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

_Static_assert(sizeof(struct ehdr64) == 64, "ELF64 header");
_Static_assert(sizeof(struct phdr64) == 56, "ELF64 program header");
_Static_assert(sizeof(struct ehdr32) == 52, "ELF32 header");
_Static_assert(sizeof(struct phdr32) == 32, "ELF32 program header");

/* What the loader uses, widened from either class. */
struct ehdr {
    uint8_t ident[16];
    uint16_t type, machine, phentsize, phnum;
    uint64_t entry, phoff;
};

struct phdr {
    uint32_t type, flags;
    uint64_t offset, vaddr, filesz, memsz;
};

static bool is_elf64(const void *image)
{
    return ((const uint8_t *)image)[4] == ELFCLASS64;
}

static struct ehdr read_ehdr(const void *image)
{
    struct ehdr e;
    if (is_elf64(image)) {
        struct ehdr64 h;
        memcpy(&h, image, sizeof h);
        e = (struct ehdr){ .type = h.type, .machine = h.machine, .phentsize = h.phentsize,
                           .phnum = h.phnum, .entry = h.entry, .phoff = h.phoff };
    } else {
        struct ehdr32 h;
        memcpy(&h, image, sizeof h);
        e = (struct ehdr){ .type = h.type, .machine = h.machine, .phentsize = h.phentsize,
                           .phnum = h.phnum, .entry = h.entry, .phoff = h.phoff };
    }
    memcpy(e.ident, image, sizeof e.ident);
    return e;
}

static struct phdr read_phdr(const void *image, unsigned i)
{
    struct ehdr e = read_ehdr(image);
    const uint8_t *at = (const uint8_t *)image + e.phoff + (uint64_t)i * e.phentsize;
    if (is_elf64(image)) {
        struct phdr64 p;
        memcpy(&p, at, sizeof p);
        return (struct phdr){ p.type, p.flags, p.offset, p.vaddr, p.filesz, p.memsz };
    }
    struct phdr32 p;
    memcpy(&p, at, sizeof p);
    return (struct phdr){ p.type, p.flags, p.offset, p.vaddr, p.filesz, p.memsz };
}

static size_t ehdr_size(unsigned word_bits)
{
    return word_bits == 64 ? sizeof(struct ehdr64) : sizeof(struct ehdr32);
}

static bool header_ok(const struct ehdr *e, size_t size, unsigned word_bits, uint16_t machine)
{
    static const uint8_t magic[4] = { 0x7f, 'E', 'L', 'F' };
    unsigned cls = word_bits == 64 ? ELFCLASS64 : ELFCLASS32;
    size_t phsize = word_bits == 64 ? sizeof(struct phdr64) : sizeof(struct phdr32);
    if (memcmp(e->ident, magic, 4) != 0 || e->ident[4] != cls ||
        e->ident[5] != 1 /* little endian */ || e->type != ET_EXEC || e->machine != machine)
        return false;
    if (e->phentsize != phsize || e->phnum == 0 || e->phoff > size)
        return false;
    return (uint64_t)e->phnum * phsize <= size - e->phoff;
}

static bool segment_ok(const struct phdr *p, size_t size, uint64_t user_top)
{
    if (p->filesz > p->memsz || p->offset > size || p->filesz > size - p->offset)
        return false;
    return p->vaddr < user_top && p->memsz <= user_top - p->vaddr;
}

bool elf_check(const void *image, size_t size, unsigned word_bits, uint16_t machine, uint64_t user_top)
{
    /* The class byte decides how read_ehdr() reads the rest, so check it
     * against the size of the class the caller expects first. */
    if (size < ehdr_size(word_bits) || ((const uint8_t *)image)[4] != (word_bits == 64 ? ELFCLASS64 : ELFCLASS32))
        return false;
    struct ehdr e = read_ehdr(image);
    if (!header_ok(&e, size, word_bits, machine))
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
