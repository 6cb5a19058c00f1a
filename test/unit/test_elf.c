/*
 * Unit tests of the ELF loader's checks (core/elf.c): a valid image is
 * accepted and read correctly; every kind of malformed image is rejected
 * without reading outside the buffer (ASan watches).
 */
#include <stdlib.h>
#include <string.h>
#include <core/elf.h>
#include "check.h"

#define TOP 0x4000000000ull

struct image {
    unsigned char ident[16];
    uint16_t type, machine;
    uint32_t version;
    uint64_t entry, phoff, shoff;
    uint32_t flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
    struct {
        uint32_t type, flags;
        uint64_t offset, vaddr, paddr, filesz, memsz, align;
    } ph[3];
    unsigned char data[64];
};

static struct image make(void)
{
    struct image im;
    memset(&im, 0, sizeof im);
    memcpy(im.ident, "\x7f" "ELF", 4);
    im.ident[4] = 2;
    im.ident[5] = 1;
    im.type = 2;
    im.machine = 243;
    im.entry = 0x400010;
    im.phoff = offsetof(struct image, ph);
    im.ehsize = 64;
    im.phentsize = 56;
    im.phnum = 3;
    im.ph[0].type = 1; im.ph[0].flags = 5; im.ph[0].offset = offsetof(struct image, data);
    im.ph[0].vaddr = 0x400000; im.ph[0].filesz = 32; im.ph[0].memsz = 32;
    im.ph[1].type = 4;                 /* PT_NOTE: ignored */
    im.ph[2].type = 1; im.ph[2].flags = 6; im.ph[2].offset = offsetof(struct image, data) + 32;
    im.ph[2].vaddr = 0x401000; im.ph[2].filesz = 16; im.ph[2].memsz = 0x2000;
    return im;
}

/* The same image as an ELF32 file (ia32, EM_386), for 32-bit ports. */
#define TOP32 0xc0000000u
struct image32 {
    unsigned char ident[16];
    uint16_t type, machine;
    uint32_t version, entry, phoff, shoff, flags;
    uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
    struct {
        uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
    } ph[3];
    unsigned char data[64];
};

static struct image32 make32(void)
{
    struct image32 im;
    memset(&im, 0, sizeof im);
    memcpy(im.ident, "\x7f" "ELF", 4);
    im.ident[4] = 1;
    im.ident[5] = 1;
    im.type = 2;
    im.machine = 3;
    im.entry = 0x400010;
    im.phoff = offsetof(struct image32, ph);
    im.ehsize = 52;
    im.phentsize = 32;
    im.phnum = 3;
    im.ph[0].type = 1; im.ph[0].flags = 5; im.ph[0].offset = offsetof(struct image32, data);
    im.ph[0].vaddr = 0x400000; im.ph[0].filesz = 32; im.ph[0].memsz = 32;
    im.ph[1].type = 4;
    im.ph[2].type = 1; im.ph[2].flags = 6; im.ph[2].offset = offsetof(struct image32, data) + 32;
    im.ph[2].vaddr = 0x401000; im.ph[2].filesz = 16; im.ph[2].memsz = 0x2000;
    return im;
}

static int check_copy32(const void *im, size_t size)
{
    void *buf = malloc(size);
    memcpy(buf, im, size);
    int ok = elf_check(buf, size, 32, 3, TOP32);
    free(buf);
    return ok;
}

static void test_elf32(void)
{
    struct image32 im = make32();
    CHECK(check_copy32(&im, sizeof im), "ELF32: valid image accepted on a 32-bit port");
    CHECK(elf_entry(&im) == 0x400010, "ELF32: entry read");
    CHECK(elf_num_segments(&im) == 2, "ELF32: two PT_LOAD segments counted");
    struct elf_segment s;
    CHECK(elf_segment(&im, 1, &s) && s.vaddr == 0x401000 && s.memsz == 0x2000 && s.filesz == 16 &&
          s.offset == offsetof(struct image32, data) + 32 && s.flags == 6, "ELF32: second segment read");
    uint64_t lo, hi;
    elf_bounds(&im, &lo, &hi);
    CHECK(lo == 0x400000 && hi == 0x403000, "ELF32: bounds cover all segments");
    CHECK(!check_copy32(&im, 40), "ELF32: truncated header rejected");
    CHECK(!check_copy32(&im, offsetof(struct image32, ph) + 40), "ELF32: truncated program headers rejected");
    CHECK(!elf_check(&im, sizeof im, 64, 3, TOP), "ELF32 rejected where ELF64 is expected");
    struct image im64 = make();
    im64.machine = 3;
    CHECK(!check_copy32(&im64, sizeof im64), "ELF64 rejected where ELF32 is expected");
    struct image32 bad = make32(); bad.phentsize = 56;
    CHECK(!check_copy32(&bad, sizeof bad), "ELF32: odd program header size rejected");
    bad = make32(); bad.ph[0].filesz = 4096;
    CHECK(!check_copy32(&bad, sizeof bad), "ELF32: segment file bytes past the end rejected");
    bad = make32(); bad.ph[0].offset = UINT32_MAX;
    CHECK(!check_copy32(&bad, sizeof bad), "ELF32: segment offset overflow rejected");
    bad = make32(); bad.ph[2].vaddr = UINT32_MAX - 0x100;
    CHECK(!check_copy32(&bad, sizeof bad), "ELF32: segment past the user top (in the kernel) rejected");
    bad = make32(); bad.entry = TOP32;
    CHECK(!check_copy32(&bad, sizeof bad), "ELF32: kernel entry point rejected");
    bad = make32(); bad.phoff = UINT32_MAX - 8;
    CHECK(!check_copy32(&bad, sizeof bad), "ELF32: program headers past the end rejected");
}

/* Check a copy in a heap buffer of exactly 'size' bytes so ASan sees overreads. */
static int check_copy(const struct image *im, size_t size)
{
    void *buf = malloc(size);
    memcpy(buf, im, size);
    int ok = elf_check(buf, size, 64, 243, TOP);
    free(buf);
    return ok;
}

int main(void)
{
    struct image im = make();
    CHECK(check_copy(&im, sizeof im), "valid image accepted");
    CHECK(elf_entry(&im) == 0x400010, "entry read");
    CHECK(elf_num_segments(&im) == 2, "two PT_LOAD segments counted, PT_NOTE skipped");
    struct elf_segment s;
    CHECK(elf_segment(&im, 1, &s) && s.vaddr == 0x401000 && s.memsz == 0x2000 && s.filesz == 16 &&
          s.flags == 6, "second segment read");
    CHECK(!elf_segment(&im, 2, &s), "no third segment");
    uint64_t lo, hi;
    elf_bounds(&im, &lo, &hi);
    CHECK(lo == 0x400000 && hi == 0x403000, "bounds cover all segments");

    CHECK(!check_copy(&im, 10), "truncated header rejected");
    CHECK(!check_copy(&im, offsetof(struct image, ph) + 60), "truncated program headers rejected");
    struct image bad = make(); bad.ident[1] = 'X';
    CHECK(!check_copy(&bad, sizeof bad), "bad magic rejected");
    bad = make(); bad.ident[4] = 1;
    CHECK(!check_copy(&bad, sizeof bad), "32-bit class rejected");
    bad = make(); bad.machine = 62;
    CHECK(!check_copy(&bad, sizeof bad), "wrong machine rejected");
    bad = make(); bad.type = 3;
    CHECK(!check_copy(&bad, sizeof bad), "shared object rejected");
    bad = make(); bad.phoff = UINT64_MAX - 8;
    CHECK(!check_copy(&bad, sizeof bad), "program headers past the end rejected");
    bad = make(); bad.phentsize = 32;
    CHECK(!check_copy(&bad, sizeof bad), "odd program header size rejected");
    bad = make(); bad.ph[0].filesz = 4096;
    CHECK(!check_copy(&bad, sizeof bad), "segment file bytes past the end rejected");
    bad = make(); bad.ph[0].offset = UINT64_MAX;
    CHECK(!check_copy(&bad, sizeof bad), "segment offset overflow rejected");
    bad = make(); bad.ph[2].memsz = 8;
    CHECK(!check_copy(&bad, sizeof bad), "memsz smaller than filesz rejected");
    bad = make(); bad.ph[2].vaddr = TOP - 0x1000;
    CHECK(!check_copy(&bad, sizeof bad), "segment reaching past user top rejected");
    bad = make(); bad.ph[2].vaddr = UINT64_MAX - 0x100;
    CHECK(!check_copy(&bad, sizeof bad), "address overflow rejected");
    bad = make(); bad.entry = TOP;
    CHECK(!check_copy(&bad, sizeof bad), "kernel entry point rejected");
    bad = make(); bad.ph[0].type = 4; bad.ph[2].type = 4;
    CHECK(!check_copy(&bad, sizeof bad), "image without loadable segments rejected");
    test_elf32();
    return check_done();
}
