/*
 * Flattened device tree reader (see fdt.h). The blob is big-endian; it is
 * read a byte at a time, so neither alignment nor host endianness matters.
 * Layout: a 40-byte header, the memory-reservation block (pairs of u64 ending
 * with 0,0), the structure block (a stream of 32-bit tokens: BEGIN_NODE name,
 * PROP len nameoff value, END_NODE, NOP, END, each padded to 4 bytes) and the
 * strings block holding property names.
 */
#include <drivers/fdt.h>

enum {
    TOK_BEGIN_NODE = 1,
    TOK_END_NODE = 2,
    TOK_PROP = 3,
    TOK_NOP = 4,
    TOK_END = 9,
};

#define FDT_VERSION     17u
#define FDT_MAX_DEPTH   32
#define FDT_MAX_SIZE    0x7ffffff0u     /* node offsets are ints */

static uint32_t be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t be64(const uint8_t *p)
{
    return (uint64_t)be32(p) << 32 | be32(p + 4);
}

static uint32_t align4(uint32_t n)
{
    return (n + 3u) & ~3u;
}

/* Length of the NUL-terminated string at p, if it ends within max bytes. */
static bool bounded_strlen(const uint8_t *p, uint32_t max, uint32_t *len)
{
    for (uint32_t i = 0; i < max; i++) {
        if (p[i] == 0) {
            *len = i;
            return true;
        }
    }
    return false;
}

static bool str_eq(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/* True if [off, off + len) lies inside [0, size). */
static bool in_bounds(uint64_t off, uint64_t len, uint64_t size)
{
    return off <= size && len <= size - off;
}

static bool rsvmap_terminated(const struct fdt *f)
{
    for (uint64_t off = f->rsvmap_off; in_bounds(off, 16, f->size); off += 16) {
        if (be64(f->blob + off) == 0 && be64(f->blob + off + 8) == 0)
            return true;
    }
    return false;
}

bool fdt_init(struct fdt *f, const void *blob, size_t avail)
{
    const uint8_t *b = blob;
    if (!b || avail < FDT_HEADER_SIZE || be32(b) != FDT_MAGIC)
        return false;
    uint32_t total = be32(b + 4);
    if (total < FDT_HEADER_SIZE || total > avail || total > FDT_MAX_SIZE)
        return false;
    if (be32(b + 20) < FDT_VERSION || be32(b + 24) > FDT_VERSION)
        return false;
    f->blob = b;
    f->size = total;
    f->struct_off = be32(b + 8);
    f->strings_off = be32(b + 12);
    f->rsvmap_off = be32(b + 16);
    f->strings_size = be32(b + 32);
    f->struct_size = be32(b + 36);
    if (!in_bounds(f->struct_off, f->struct_size, total) || (f->struct_off & 3) ||
        !in_bounds(f->strings_off, f->strings_size, total) ||
        f->rsvmap_off < FDT_HEADER_SIZE || (f->rsvmap_off & 7))
        return false;
    return rsvmap_terminated(f);
}

/* Decode the structure-block token at 'off': its tag and where the next
 * token starts. Fails on anything that would leave the structure block. */
static bool token(const struct fdt *f, int off, uint32_t *tag, int *next)
{
    if (off < 0 || !in_bounds((uint32_t)off, 4, f->struct_size))
        return false;
    const uint8_t *p = f->blob + f->struct_off + (uint32_t)off;
    uint32_t rest = f->struct_size - (uint32_t)off - 4, step = 4, len;
    *tag = be32(p);
    switch (*tag) {
    case TOK_BEGIN_NODE:
        if (!bounded_strlen(p + 4, rest, &len))
            return false;
        step += align4(len + 1);
        break;
    case TOK_PROP:
        if (rest < 8 || be32(p + 4) > rest - 8)
            return false;
        step += 8 + align4(be32(p + 4));
        break;
    case TOK_END_NODE: case TOK_NOP: case TOK_END:
        break;
    default:
        return false;
    }
    /* 'next' may point past the block; the next token() call rejects it. */
    *next = off + (int)step;
    return true;
}

int fdt_next_node(const struct fdt *f, int node, int *depth)
{
    uint32_t tag;
    int off = 0, next, open = -1;
    if (node >= 0) {
        if (!token(f, node, &tag, &off) || tag != TOK_BEGIN_NODE)
            return -1;
        open = *depth;
    }
    for (; token(f, off, &tag, &next); off = next) {
        if (tag == TOK_BEGIN_NODE) {
            *depth = open + 1;
            return off;
        }
        if (tag == TOK_END || (tag == TOK_END_NODE && --open < 0))
            return -1;
    }
    return -1;
}

const char *fdt_node_name(const struct fdt *f, int node)
{
    uint32_t tag;
    int next;
    if (!token(f, node, &tag, &next) || tag != TOK_BEGIN_NODE)
        return NULL;
    return (const char *)f->blob + f->struct_off + (uint32_t)node + 4;
}

int fdt_parent(const struct fdt *f, int node)
{
    int stack[FDT_MAX_DEPTH], depth = 0;
    for (int n = fdt_next_node(f, -1, &depth); n >= 0; n = fdt_next_node(f, n, &depth)) {
        if (depth >= FDT_MAX_DEPTH)
            return -1;
        stack[depth] = n;
        if (n == node)
            return depth > 0 ? stack[depth - 1] : -1;
    }
    return -1;
}

/* Does a node called 'name' match the path component comp[0..len)? A
 * component without a unit address also matches "comp@anything". */
static bool name_matches(const char *name, const char *comp, size_t len)
{
    size_t i = 0;
    bool has_unit = false;
    for (; i < len; i++) {
        if (name[i] != comp[i])
            return false;
        has_unit |= comp[i] == '@';
    }
    return name[i] == '\0' || (!has_unit && name[i] == '@');
}

static int subnode_n(const struct fdt *f, int parent, const char *comp, size_t len)
{
    int depth = 0;
    for (int n = fdt_next_node(f, parent, &depth); n >= 0 && depth > 0;
         n = fdt_next_node(f, n, &depth)) {
        if (depth == 1 && name_matches(fdt_node_name(f, n), comp, len))
            return n;
    }
    return -1;
}

int fdt_subnode(const struct fdt *f, int parent, const char *name)
{
    size_t len = 0;
    while (name[len])
        len++;
    return subnode_n(f, parent, name, len);
}

int fdt_path(const struct fdt *f, const char *path)
{
    int depth, node = fdt_next_node(f, -1, &depth);
    if (*path != '/')
        return -1;
    while (node >= 0 && *path) {
        while (*path == '/')
            path++;
        size_t len = 0;
        while (path[len] && path[len] != '/')
            len++;
        if (len)
            node = subnode_n(f, node, path, len);
        path += len;
    }
    return node;
}

/* The property name at 'nameoff' in the strings block, if NUL-terminated there. */
static const char *prop_name(const struct fdt *f, uint32_t nameoff)
{
    uint32_t len;
    if (nameoff >= f->strings_size)
        return NULL;
    const uint8_t *s = f->blob + f->strings_off + nameoff;
    return bounded_strlen(s, f->strings_size - nameoff, &len) ? (const char *)s : NULL;
}

const void *fdt_prop(const struct fdt *f, int node, const char *name, uint32_t *len)
{
    uint32_t tag;
    int off, next;
    if (!token(f, node, &tag, &off) || tag != TOK_BEGIN_NODE)
        return NULL;
    /* A node's properties come before its children. */
    for (; token(f, off, &tag, &next); off = next) {
        if (tag == TOK_NOP)
            continue;
        if (tag != TOK_PROP)
            break;
        const uint8_t *p = f->blob + f->struct_off + (uint32_t)off;
        const char *pname = prop_name(f, be32(p + 8));
        if (pname && str_eq(pname, name)) {
            if (len)
                *len = be32(p + 4);
            return p + 12;
        }
    }
    return NULL;
}

bool fdt_prop_u32(const struct fdt *f, int node, const char *name, uint32_t *out)
{
    uint32_t len;
    const uint8_t *p = fdt_prop(f, node, name, &len);
    if (!p || len != 4)
        return false;
    *out = be32(p);
    return true;
}

/* A 64-bit quantity stored as one or two cells. */
bool fdt_prop_u64(const struct fdt *f, int node, const char *name, uint64_t *out)
{
    uint32_t len;
    const uint8_t *p = fdt_prop(f, node, name, &len);
    if (!p || (len != 4 && len != 8))
        return false;
    *out = len == 4 ? be32(p) : be64(p);
    return true;
}

bool fdt_prop_has_string(const struct fdt *f, int node, const char *name, const char *s)
{
    uint32_t len, slen;
    const uint8_t *p = fdt_prop(f, node, name, &len);
    for (uint32_t i = 0; p && i < len; i += slen + 1) {
        if (!bounded_strlen(p + i, len - i, &slen))
            return false;
        if (str_eq((const char *)p + i, s))
            return true;
    }
    return false;
}

bool fdt_prop_is(const struct fdt *f, int node, const char *name, const char *value)
{
    uint32_t len, slen;
    const uint8_t *p = fdt_prop(f, node, name, &len);
    return p && bounded_strlen(p, len, &slen) && slen + 1 == len && str_eq((const char *)p, value);
}

int fdt_find_compatible(const struct fdt *f, int after, const char *compat)
{
    int depth;
    /* Offsets grow in document order: "after" means a larger offset. */
    for (int n = fdt_next_node(f, -1, &depth); n >= 0; n = fdt_next_node(f, n, &depth)) {
        if (n > after && fdt_prop_has_string(f, n, "compatible", compat))
            return n;
    }
    return -1;
}

/* #address-cells / #size-cells that apply to the children of 'bus'. The
 * spec's defaults are 2 and 1; more than two cells do not fit a uint64_t. */
static bool bus_cells(const struct fdt *f, int bus, uint32_t *ac, uint32_t *sc)
{
    *ac = 2;
    *sc = 1;
    if (bus >= 0) {
        fdt_prop_u32(f, bus, "#address-cells", ac);
        fdt_prop_u32(f, bus, "#size-cells", sc);
    }
    return *ac >= 1 && *ac <= 2 && *sc <= 2;
}

static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
    return cells == 2 ? be64(p) : cells == 1 ? be32(p) : 0;
}

/* reg[index] of a node whose bus (parent) is already known. */
static bool reg_on_bus(const struct fdt *f, int bus, int node, unsigned index,
                       struct fdt_range *out)
{
    uint32_t ac, sc, len;
    if (!bus_cells(f, bus, &ac, &sc))
        return false;
    const uint8_t *p = fdt_prop(f, node, "reg", &len);
    uint32_t stride = (ac + sc) * 4;
    if (!p || index >= len / stride)
        return false;
    p += index * stride;
    out->start = read_cells(p, ac);
    out->size = read_cells(p + ac * 4, sc);
    return true;
}

bool fdt_reg(const struct fdt *f, int node, unsigned index, struct fdt_range *out)
{
    return reg_on_bus(f, fdt_parent(f, node), node, index, out);
}

static bool node_enabled(const struct fdt *f, int node)
{
    uint32_t len;
    return !fdt_prop(f, node, "status", &len) || fdt_prop_is(f, node, "status", "okay") ||
           fdt_prop_is(f, node, "status", "ok");
}

/* Append r to out[] (if there is room) and count it; empty ranges are dropped. */
static void add_range(struct fdt_range *out, unsigned max, unsigned *n, struct fdt_range r)
{
    if (r.size == 0)
        return;
    if (*n < max)
        out[*n] = r;
    (*n)++;
}

static void add_all_regs(const struct fdt *f, int bus, int node, struct fdt_range *out,
                         unsigned max, unsigned *n)
{
    struct fdt_range r;
    for (unsigned i = 0; reg_on_bus(f, bus, node, i, &r); i++)
        add_range(out, max, n, r);
}

unsigned fdt_memory(const struct fdt *f, struct fdt_range *out, unsigned max)
{
    int stack[FDT_MAX_DEPTH], depth = 0;
    unsigned n = 0;
    for (int node = fdt_next_node(f, -1, &depth); node >= 0 && depth < FDT_MAX_DEPTH;
         node = fdt_next_node(f, node, &depth)) {
        stack[depth] = node;
        if (depth > 0 && fdt_prop_is(f, node, "device_type", "memory") && node_enabled(f, node))
            add_all_regs(f, stack[depth - 1], node, out, max, &n);
    }
    return n;
}

/* The memory-reservation block, then every child of /reserved-memory that
 * has a fixed place (children with only "size" are for the OS to place). */
unsigned fdt_reserved(const struct fdt *f, struct fdt_range *out, unsigned max)
{
    unsigned n = 0;
    for (uint32_t off = f->rsvmap_off; in_bounds(off, 16, f->size); off += 16) {
        struct fdt_range r = { be64(f->blob + off), be64(f->blob + off + 8) };
        if (r.start == 0 && r.size == 0)
            break;
        add_range(out, max, &n, r);
    }
    int depth = 0, bus = fdt_path(f, "/reserved-memory");
    if (bus < 0)
        return n;
    for (int node = fdt_next_node(f, bus, &depth); node >= 0 && depth > 0;
         node = fdt_next_node(f, node, &depth)) {
        if (depth == 1)
            add_all_regs(f, bus, node, out, max, &n);
    }
    return n;
}

bool fdt_compatible_reg(const struct fdt *f, const char *compat, struct fdt_range *out)
{
    int node = -1;
    while ((node = fdt_find_compatible(f, node, compat)) >= 0) {
        if (node_enabled(f, node) && fdt_reg(f, node, 0, out))
            return true;
    }
    return false;
}
