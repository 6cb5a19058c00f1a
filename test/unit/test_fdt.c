/*
 * Host test of the device-tree reader (src/drivers/fdt.c), run under ASan and
 * UBSan. argv[1] is QEMU's riscv64 virt DTB dumped with -m 128M; an optional
 * argv[2] is the -smp 2 -m 2G dump. Real values are checked on both, a blob
 * built here checks reservations and odd cell sizes, and truncated or
 * corrupted copies must be rejected or parsed without reading out of bounds
 * (every copy sits in a malloc block of exactly its size, so ASan would see it).
 */
#include <stdlib.h>
#include <string.h>
#include <drivers/fdt.h>
#include "check.h"

static uint8_t *load(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    uint8_t *buf = malloc(1 << 20);
    *size = fread(buf, 1, 1 << 20, fp);
    fclose(fp);
    return buf;
}

static int count_device_type(const struct fdt *f, const char *type)
{
    int depth, n = 0;
    for (int node = fdt_next_node(f, -1, &depth); node >= 0; node = fdt_next_node(f, node, &depth))
        n += fdt_prop_is(f, node, "device_type", type);
    return n;
}

static void check_virt(const uint8_t *blob, size_t size, uint64_t ram, int cpus)
{
    struct fdt f;
    struct fdt_range r[4];
    uint64_t tb = 0;
    CHECK(fdt_init(&f, blob, size), "real blob accepted (%zu bytes)", size);
    CHECK(fdt_memory(&f, r, 4) == 1 && r[0].start == 0x80000000u && r[0].size == ram,
          "one memory range at 0x80000000 of %llu MiB", (unsigned long long)(ram >> 20));
    CHECK(fdt_reserved(&f, r, 4) == 0, "no reservations in QEMU's own blob");
    CHECK(fdt_prop_u64(&f, fdt_path(&f, "/cpus"), "timebase-frequency", &tb) && tb == 10000000,
          "/cpus timebase-frequency is 10 MHz");
    CHECK(count_device_type(&f, "cpu") == cpus, "%d cpu node(s)", cpus);
    CHECK(fdt_compatible_reg(&f, "ns16550a", &r[0]) && r[0].start == 0x10000000u &&
          r[0].size == 0x100, "ns16550a at 0x10000000, 0x100 bytes");
    CHECK(fdt_compatible_reg(&f, "sifive,test0", &r[0]) && r[0].start == 0x100000u,
          "test finisher at 0x100000");
    int uart = fdt_path(&f, "/soc/serial@10000000");
    CHECK(uart >= 0 && uart == fdt_path(&f, "/soc/serial") && uart == fdt_path(&f, "//soc//serial/"),
          "path lookup with and without unit address");
    CHECK(fdt_parent(&f, uart) == fdt_path(&f, "/soc"), "parent of the uart is /soc");
    CHECK(fdt_path(&f, "/soc/nothing") < 0 && fdt_path(&f, "/so") < 0 && fdt_path(&f, "soc") < 0,
          "missing paths are not found");
    CHECK(fdt_path(&f, "/") == 0 && fdt_node_name(&f, 0)[0] == '\0', "root is at offset 0");
    CHECK(fdt_reg(&f, fdt_path(&f, "/flash"), 1, &r[0]) && r[0].start == 0x22000000u &&
          !fdt_reg(&f, fdt_path(&f, "/flash"), 2, &r[0]), "second reg range of /flash");
    CHECK(fdt_prop_has_string(&f, fdt_path(&f, "/soc/test"), "compatible", "syscon") &&
          !fdt_prop_has_string(&f, fdt_path(&f, "/soc/test"), "compatible", "sifive"),
          "string lists match whole entries only");
    CHECK(fdt_prop_is(&f, fdt_path(&f, "/chosen"), "stdout-path", "/soc/serial@10000000"),
          "/chosen stdout-path");
}

/* ---- a tiny blob writer, for trees QEMU does not produce ---- */

struct builder {
    uint8_t st[2048], str[512], out[4096];
    uint32_t st_len, str_len;
};

static void put32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24); p[1] = (uint8_t)(v >> 16); p[2] = (uint8_t)(v >> 8); p[3] = (uint8_t)v;
}

static void emit(struct builder *b, const void *data, uint32_t len)
{
    memcpy(b->st + b->st_len, data, len);
    b->st_len += len;
    while (b->st_len & 3)
        b->st[b->st_len++] = 0;
}

static void tok(struct builder *b, uint32_t t)
{
    uint8_t w[4];
    put32(w, t);
    emit(b, w, 4);
}

static void begin(struct builder *b, const char *name)
{
    tok(b, 1);
    emit(b, name, (uint32_t)strlen(name) + 1);
}

static void prop(struct builder *b, const char *name, const void *val, uint32_t len)
{
    uint8_t w[8];
    put32(w, len);
    put32(w + 4, b->str_len);
    memcpy(b->str + b->str_len, name, strlen(name) + 1);
    b->str_len += (uint32_t)strlen(name) + 1;
    tok(b, 3);
    emit(b, w, 8);
    emit(b, val, len);
}

static void prop_cells(struct builder *b, const char *name, const uint32_t *cells, unsigned n)
{
    uint8_t v[64];
    for (unsigned i = 0; i < n; i++)
        put32(v + 4 * i, cells[i]);
    prop(b, name, v, 4 * n);
}

static void prop_str(struct builder *b, const char *name, const char *s)
{
    prop(b, name, s, (uint32_t)strlen(s) + 1);
}

/* Header, one memreserve entry, structure and strings blocks. */
static uint32_t finish(struct builder *b)
{
    uint32_t rsv = 40, st = rsv + 32, strs = st + b->st_len, total = strs + b->str_len;
    uint32_t hdr[10] = { FDT_MAGIC, total, st, strs, rsv, 17, 16, 0, b->str_len, b->st_len };
    memset(b->out, 0, sizeof(b->out));
    for (int i = 0; i < 10; i++)
        put32(b->out + 4 * i, hdr[i]);
    put32(b->out + rsv + 0, 0); put32(b->out + rsv + 4, 0x9000000);
    put32(b->out + rsv + 8, 0); put32(b->out + rsv + 12, 0x1000);
    memcpy(b->out + st, b->st, b->st_len);
    memcpy(b->out + strs, b->str, b->str_len);
    return total;
}

static uint32_t build_synthetic(struct builder *b)
{
    static const uint32_t two = 2, one = 1, zero = 0;
    static const uint32_t mem0[] = { 0, 0x80000000, 0, 0x1000000, 1, 0, 0, 0x2000000 };
    static const uint32_t mem1[] = { 2, 0, 0, 0x100000 };
    static const uint32_t rsv[] = { 0x80000000, 0x40000 }, tb[] = { 0, 24000000 };
    begin(b, "");
    prop_cells(b, "#address-cells", &two, 1);
    prop_cells(b, "#size-cells", &two, 1);
    begin(b, "memory@80000000"); prop_str(b, "device_type", "memory");
    prop_cells(b, "reg", mem0, 8); tok(b, 2);
    tok(b, 4);                                  /* a NOP between nodes */
    begin(b, "memory@200000000"); prop_str(b, "device_type", "memory");
    prop_cells(b, "reg", mem1, 4); tok(b, 2);
    begin(b, "memory@300000000"); prop_str(b, "device_type", "memory");
    prop_str(b, "status", "disabled"); prop_cells(b, "reg", mem1, 4); tok(b, 2);
    begin(b, "cpus"); prop_cells(b, "timebase-frequency", tb, 2);
    prop_cells(b, "#size-cells", &zero, 1); tok(b, 2);
    begin(b, "reserved-memory");
    prop_cells(b, "#address-cells", &one, 1); prop_cells(b, "#size-cells", &one, 1);
    begin(b, "mmode_resv0@80000000"); prop_cells(b, "reg", rsv, 2); tok(b, 2);
    begin(b, "dynamic"); prop_cells(b, "size", &rsv[1], 1); tok(b, 2);
    tok(b, 2);
    tok(b, 2);
    tok(b, 9);
    return finish(b);
}

static void check_synthetic(void)
{
    static struct builder b;
    struct fdt f;
    struct fdt_range r[8];
    uint64_t tb;
    uint32_t size = build_synthetic(&b);
    CHECK(fdt_init(&f, b.out, size), "synthetic blob accepted");
    unsigned n = fdt_memory(&f, r, 8);
    CHECK(n == 3 && r[0].start == 0x80000000u && r[0].size == 0x1000000 &&
          r[1].start == 0x100000000ull && r[1].size == 0x2000000 &&
          r[2].start == 0x200000000ull && r[2].size == 0x100000,
          "memory: two ranges in one reg, one more node, disabled node skipped (got %u)", n);
    CHECK(fdt_memory(&f, r, 1) == 3 && r[0].start == 0x80000000u, "memory overflow is counted");
    n = fdt_reserved(&f, r, 8);
    CHECK(n == 2 && r[0].start == 0x9000000 && r[0].size == 0x1000 &&
          r[1].start == 0x80000000u && r[1].size == 0x40000,
          "reserved: memreserve entry, then a one-cell reserved-memory child (got %u)", n);
    CHECK(fdt_prop_u64(&f, fdt_path(&f, "/cpus"), "timebase-frequency", &tb) && tb == 24000000,
          "two-cell timebase-frequency");
    CHECK(!fdt_compatible_reg(&f, "ns16550a", &r[0]), "no uart in this tree");
}

/* ---- hostile input ---- */

/* Run every query; only ASan/UBSan can fail here. */
static void exercise(const uint8_t *blob, size_t size)
{
    struct fdt f;
    struct fdt_range r[4];
    uint64_t v;
    int depth;
    if (!fdt_init(&f, blob, size))
        return;
    fdt_memory(&f, r, 4);
    fdt_reserved(&f, r, 4);
    fdt_compatible_reg(&f, "ns16550a", r);
    fdt_prop_u64(&f, fdt_path(&f, "/cpus"), "timebase-frequency", &v);
    for (int n = fdt_next_node(&f, -1, &depth); n >= 0; n = fdt_next_node(&f, n, &depth)) {
        fdt_reg(&f, n, 0, r);
        fdt_prop_is(&f, n, "device_type", "memory");
    }
}

static uint8_t *copy(const uint8_t *src, size_t len)
{
    uint8_t *p = malloc(len ? len : 1);
    memcpy(p, src, len);
    return p;
}

static void check_truncated(const uint8_t *blob, size_t size)
{
    int accepted = 0;
    for (size_t len = 0; len < size; len++) {
        uint8_t *p = copy(blob, len);
        struct fdt f;
        accepted += fdt_init(&f, p, len);
        if (len >= 8) {
            put32(p + 4, (uint32_t)len);       /* lie about the size too */
            exercise(p, len);
        }
        free(p);
    }
    CHECK(accepted == 0, "every truncated blob is rejected");
}

static uint32_t rng_state = 12345;
static uint32_t rng(void)
{
    rng_state = rng_state * 1103515245u + 12345u;
    return rng_state >> 8;
}

static void check_corrupted(const uint8_t *blob, size_t size)
{
    uint8_t *p = copy(blob, size);
    for (size_t i = 0; i < size; i++) {        /* every byte, one at a time */
        uint8_t old = p[i];
        p[i] ^= 0xff;
        exercise(p, size);
        p[i] = old;
    }
    for (int round = 0; round < 3000; round++) {  /* a few random bytes at once */
        memcpy(p, blob, size);
        for (int k = 0; k < 4; k++)
            p[rng() % size] = (uint8_t)rng();
        exercise(p, size);
    }
    uint32_t bad[] = { 0, 0xffffffffu, 0x7ffffff0u, (uint32_t)size, (uint32_t)size - 1 };
    for (int field = 1; field < 10; field++) {  /* every header field at the edges */
        for (size_t k = 0; k < ARRAY_SIZE(bad); k++) {
            memcpy(p, blob, size);
            put32(p + 4 * field, bad[k]);
            exercise(p, size);
        }
    }
    /* The size and offset fields (totalsize, off_dt_struct, off_dt_strings,
     * size_dt_strings, size_dt_struct) pointing far past the blob must be
     * refused by fdt_init itself, not only survived. */
    static const int far_fields[] = { 1, 2, 3, 8, 9 };
    int refused = 0, tried = 0;
    for (size_t i = 0; i < ARRAY_SIZE(far_fields); i++) {
        for (size_t k = 1; k <= 2; k++, tried++) {
            struct fdt f;
            memcpy(p, blob, size);
            put32(p + 4 * far_fields[i], bad[k]);
            refused += !fdt_init(&f, p, size);
        }
    }
    free(p);
    CHECK(refused == tried, "fdt_init refuses %d of %d headers whose sizes or offsets point past the blob",
          refused, tried);
    struct fdt f;
    CHECK(!fdt_init(&f, NULL, 100) && !fdt_init(&f, blob, 39), "NULL and short blobs rejected");
}

int main(int argc, char **argv)
{
    size_t size = 0, size2 = 0;
    uint8_t *blob = argc > 1 ? load(argv[1], &size) : NULL;
    CHECK(blob != NULL && size > 40, "read %s", argc > 1 ? argv[1] : "(no DTB given)");
    if (!blob)
        return check_done();
    uint8_t *exact = copy(blob, size);
    check_virt(exact, size, 128u << 20, 1);
    if (argc > 2) {
        uint8_t *blob2 = load(argv[2], &size2);
        CHECK(blob2 != NULL, "read %s", argv[2]);
        if (blob2)
            check_virt(blob2, size2, 2048ull << 20, 2);
        free(blob2);
    }
    check_synthetic();
    check_truncated(exact, size);
    check_corrupted(exact, size);
    free(exact);
    free(blob);
    return check_done();
}
