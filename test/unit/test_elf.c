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

/* Check a copy in a heap buffer of exactly 'size' bytes so ASan sees overreads. */
static int check_copy(const struct image *im, size_t size)
{
    void *buf = malloc(size);
    memcpy(buf, im, size);
    int ok = elf_check(buf, size, 243, TOP);
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
    return check_done();
}
