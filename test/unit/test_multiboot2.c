/*
 * Host unit test of the multiboot2 parser (src/drivers/multiboot2.c): builds
 * valid and hostile info structures in memory and checks what the parser
 * extracts or why it refuses. Runs under ASan and UBSan: any read outside a
 * blob or any misaligned access fails the test. One TAP line per check
 * (check.h); exit status 0 only if all pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <drivers/multiboot2.h>
#include "check.h"

/* ---- a small builder for info structures ---- */
struct blob {
    _Alignas(8) uint8_t b[1024];
    size_t len;
};

static void put32(struct blob *x, size_t off, uint32_t v)
{
    memcpy(x->b + off, &v, 4);
}

static void put64(struct blob *x, size_t off, uint64_t v)
{
    memcpy(x->b + off, &v, 8);
}

static void blob_start(struct blob *x)
{
    memset(x->b, 0xa5, sizeof(x->b));   /* garbage beyond what is written */
    x->len = 8;
}

/* Append a tag header; returns the tag's offset. The caller fills the payload. */
static size_t tag_start(struct blob *x, uint32_t type, uint32_t size)
{
    size_t off = x->len;
    put32(x, off, type);
    put32(x, off + 4, size);
    x->len = off + ((size + 7) & ~(size_t)7);
    return off;
}

static void blob_end(struct blob *x)
{
    tag_start(x, 0, 8);
    put32(x, 0, (uint32_t)x->len);
    put32(x, 4, 0);
}

static void add_mmap(struct blob *x, const uint64_t (*e)[3], unsigned n)
{
    size_t off = tag_start(x, 6, 16 + 24 * n);
    put32(x, off + 8, 24);
    put32(x, off + 12, 0);
    for (unsigned i = 0; i < n; i++) {
        put64(x, off + 16 + 24 * i, e[i][0]);
        put64(x, off + 24 + 24 * i, e[i][1]);
        put32(x, off + 32 + 24 * i, (uint32_t)e[i][2]);
        put32(x, off + 36 + 24 * i, 0);
    }
}

static void add_module(struct blob *x, uint32_t start, uint32_t end, const char *name)
{
    size_t n = strlen(name) + 1;
    size_t off = tag_start(x, 3, (uint32_t)(16 + n));
    put32(x, off + 8, start);
    put32(x, off + 12, end);
    memcpy(x->b + off + 16, name, n);
}

static void add_cmdline(struct blob *x, const char *s)
{
    size_t n = strlen(s) + 1;
    size_t off = tag_start(x, 1, (uint32_t)(8 + n));
    memcpy(x->b + off + 8, s, n);
}

static const uint64_t qemu_map[][3] = {
    { 0x0, 0x9fc00, 1 },
    { 0x9fc00, 0x400, 2 },
    { 0xf0000, 0x10000, 2 },
    { 0x100000, 0x7ee0000, 1 },
    { 0x7fe0000, 0x20000, 2 },
    { 0xfffc0000, 0x40000, 2 },
    { 0x100000000, 0x40000000, 1 },
    { 0x200000000, 0, 1 },              /* empty: skipped */
};

static void build_valid(struct blob *x)
{
    blob_start(x);
    add_cmdline(x, "keel debug");
    tag_start(x, 2, 8 + 5);             /* boot loader name, ignored */
    memcpy(x->b + x->len - 8, "GRUB", 5);
    add_mmap(x, qemu_map, 8);
    add_module(x, 0x123000, 0x1456f0, "roottask");
    add_module(x, 0x200000, 0x201000, "second");
    blob_end(x);
}

static void test_valid(void)
{
    struct blob x;
    struct mb_info mi;
    build_valid(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_OK, "valid info parses");
    CHECK(mi.have_mmap && mi.num_ram == 3, "three RAM entries, reserved and empty ones skipped");
    CHECK(mi.ram[0].start == 0 && mi.ram[0].end == 0x9fc00, "low RAM range");
    CHECK(mi.ram[1].start == 0x100000 && mi.ram[1].end == 0x7fe0000, "main RAM range");
    CHECK(mi.ram[2].start == 0x100000000 && mi.ram[2].end == 0x140000000, "RAM above 4 GiB");
    CHECK(mi.num_modules == 2, "two modules counted");
    CHECK(mi.module.start == 0x123000 && mi.module.end == 0x1456f0, "first module is the root task");
    CHECK(strcmp(mi.cmdline, "keel debug") == 0, "command line copied");
    CHECK(mi.total_size == x.len, "total size recorded");
    CHECK(mb2_parse(x.b, x.len + 100, &mi) == MB2_OK, "a larger buffer is fine");
}

static void test_minimal(void)
{
    struct blob x;
    struct mb_info mi;
    blob_start(&x);
    blob_end(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_OK, "empty info (end tag only) parses");
    CHECK(!mi.have_mmap && mi.num_modules == 0 && mi.cmdline[0] == 0, "empty info yields nothing");
}

static void test_sizes(void)
{
    struct blob x;
    struct mb_info mi;
    build_valid(&x);
    CHECK(mb2_parse(x.b, x.len - 1, &mi) == MB2_ERR_SIZE, "total_size beyond the buffer");
    CHECK(mb2_parse(x.b, 4, &mi) == MB2_ERR_SIZE, "buffer shorter than the header");
    put32(&x, 0, 8);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_SIZE, "total_size too small for an end tag");
    put32(&x, 0, 0xffffffffu);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_SIZE, "total_size lies (huge)");
    build_valid(&x);
    put32(&x, 0, (uint32_t)x.len - 8);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_NO_END, "total_size cuts off the end tag");
}

static void test_truncated(void)
{
    struct blob x;
    struct mb_info mi;
    build_valid(&x);
    /* Copy just the first 40 bytes to a buffer of exactly that size, so ASan
     * catches any read past it, and claim that as the total size. */
    uint64_t *t = malloc(40);
    memcpy(t, x.b, 40);
    uint32_t forty = 40;
    memcpy(t, &forty, 4);
    enum mb2_status s = mb2_parse(t, 40, &mi);
    CHECK(s == MB2_ERR_TAG || s == MB2_ERR_NO_END, "truncated info refused");
    free(t);
}

static void test_tag_sizes(void)
{
    struct blob x;
    struct mb_info mi;
    build_valid(&x);
    put32(&x, 8 + 4, 0);                /* first tag: size 0 would loop forever */
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_TAG, "zero-size tag refused");
    put32(&x, 8 + 4, 4);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_TAG, "tag smaller than its header refused");
    put32(&x, 8 + 4, 0xfffffff8u);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_TAG, "tag size overflowing the info refused");
    build_valid(&x);
    put32(&x, x.len - 4, 16);           /* end tag claims 16 bytes */
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_TAG, "end tag with a wrong size refused");
}

static void test_alignment(void)
{
    static _Alignas(8) uint8_t raw[1032];
    struct blob x;
    struct mb_info mi;
    build_valid(&x);
    memcpy(raw + 4, x.b, x.len);
    CHECK(mb2_parse(raw + 4, x.len, &mi) == MB2_ERR_ALIGN, "misaligned info refused");
}

static void test_bad_mmap(void)
{
    struct blob x;
    struct mb_info mi;
    static const uint64_t wrap[][3] = { { 0xfffffffffffff000ull, 0x2000, 1 }, { 0x1000, 0x1000, 1 } };
    blob_start(&x);
    add_mmap(&x, wrap, 2);
    blob_end(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_OK && mi.num_bad_entries == 1 && mi.num_ram == 1,
          "wrapping RAM entry skipped and counted");
    put32(&x, 8 + 8, 8);                /* entry_size below 24 */
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_MMAP, "memory map with tiny entries refused");
    put32(&x, 8 + 8, 0);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_MMAP, "memory map with zero entry size refused");
}

static void test_many_ram(void)
{
    static uint64_t many[MB_MAX_RAM + 3][3];
    struct blob x;
    struct mb_info mi;
    for (unsigned i = 0; i < MB_MAX_RAM + 3; i++) {
        many[i][0] = (uint64_t)i << 20;
        many[i][1] = 0x1000;
        many[i][2] = 1;
    }
    blob_start(&x);
    add_mmap(&x, (const uint64_t (*)[3])many, MB_MAX_RAM + 3);
    blob_end(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_OK && mi.num_ram == MB_MAX_RAM &&
          mi.num_ram_dropped == 3, "RAM entries beyond the table are counted, not lost silently");
}

static void test_bad_module_and_cmdline(void)
{
    struct blob x;
    struct mb_info mi;
    blob_start(&x);
    add_module(&x, 0x5000, 0x4000, "backwards");
    blob_end(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_MODULE, "module ending before it starts refused");
    blob_start(&x);
    size_t off = tag_start(&x, 3, 12);  /* too short for mod_start/mod_end */
    put32(&x, off + 8, 0);
    blob_end(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_ERR_MODULE, "short module tag refused");

    char longline[300];
    memset(longline, 'x', sizeof(longline) - 1);
    longline[sizeof(longline) - 1] = 0;
    blob_start(&x);
    add_cmdline(&x, longline);
    blob_end(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_OK && strlen(mi.cmdline) == MB_CMDLINE_MAX - 1,
          "long command line truncated");
    blob_start(&x);
    off = tag_start(&x, 1, 8 + 3);      /* no NUL inside the tag */
    memcpy(x.b + off + 8, "abc", 3);
    blob_end(&x);
    CHECK(mb2_parse(x.b, x.len, &mi) == MB2_OK && strcmp(mi.cmdline, "abc") == 0,
          "unterminated command line stops at the tag's end");
}

/* Random garbage must never crash or read out of bounds. */
static void test_garbage(void)
{
    struct mb_info mi;
    unsigned seed = 12345;
    bool survived = true;
    for (int round = 0; round < 2000; round++) {
        size_t n = 16 + (size_t)(round % 200);
        uint64_t *buf = malloc((n + 7) & ~(size_t)7);
        uint8_t *b = (uint8_t *)buf;
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            b[i] = (uint8_t)(seed >> 16);
        }
        uint32_t total = (uint32_t)n - (uint32_t)(round % 3) * 4;
        memcpy(b, &total, 4);           /* plausible sizes get past the header */
        enum mb2_status s = mb2_parse(b, n, &mi);
        survived = survived && s <= MB2_ERR_MODULE;
        free(buf);
    }
    CHECK(survived, "2000 random blobs parsed without a crash");
}

int main(void)
{
    test_valid();
    test_minimal();
    test_sizes();
    test_truncated();
    test_tag_sizes();
    test_alignment();
    test_bad_mmap();
    test_many_ram();
    test_bad_module_and_cmdline();
    test_garbage();
    CHECK(strcmp(mb2_strerror(MB2_ERR_TAG), "bad tag size") == 0, "error strings");
    return check_done();
}
