/*
 * A small reader for flattened device trees (DTB, devicetree spec v0.3,
 * version 17 blobs), as handed over by OpenSBI, U-Boot or QEMU.
 *
 * Every read is checked against the blob's bounds: the blob may come from
 * firmware we do not trust to be well-formed (and the unit test feeds it
 * garbage). A node is named by the offset of its BEGIN_NODE token inside the
 * structure block; functions returning a node return -1 for "none".
 * Addresses are uint64_t so the reader builds unchanged for 32-bit ports and
 * for the host.
 */
#pragma once

#include <core/types.h>

struct fdt {
    const uint8_t *blob;
    uint32_t size;              /* totalsize from the header, checked */
    uint32_t struct_off, struct_size;
    uint32_t strings_off, strings_size;
    uint32_t rsvmap_off;
};

struct fdt_range {
    uint64_t start;
    uint64_t size;
};

#define FDT_MAGIC       0xd00dfeedu
#define FDT_HEADER_SIZE 40u

/* Validate the header of the blob at 'blob'; at most 'avail' bytes may be read. */
bool fdt_init(struct fdt *f, const void *blob, size_t avail);

/* Node walk. fdt_next_node(f, -1, &depth) is the root (depth 0); from there
 * it returns every node in document order, updating depth, and -1 at the end. */
int fdt_next_node(const struct fdt *f, int node, int *depth);
int fdt_parent(const struct fdt *f, int node);
int fdt_subnode(const struct fdt *f, int parent, const char *name);
int fdt_path(const struct fdt *f, const char *path);
const char *fdt_node_name(const struct fdt *f, int node);

/* The first node after 'after' (-1: from the start) whose "compatible"
 * list contains 'compat'. */
int fdt_find_compatible(const struct fdt *f, int after, const char *compat);

/* Properties. fdt_prop returns NULL if absent or malformed. */
const void *fdt_prop(const struct fdt *f, int node, const char *name, uint32_t *len);
bool fdt_prop_u32(const struct fdt *f, int node, const char *name, uint32_t *out);
bool fdt_prop_u64(const struct fdt *f, int node, const char *name, uint64_t *out);
bool fdt_prop_is(const struct fdt *f, int node, const char *name, const char *value);
bool fdt_prop_has_string(const struct fdt *f, int node, const char *name, const char *s);

/* The index'th (address, size) pair of the node's "reg", decoded with the
 * parent's #address-cells / #size-cells (1 or 2 address cells). */
bool fdt_reg(const struct fdt *f, int node, unsigned index, struct fdt_range *out);

/* Collections used at boot. Each returns the number of ranges found; only
 * the first 'max' are stored, so a result above 'max' means some were lost. */
unsigned fdt_memory(const struct fdt *f, struct fdt_range *out, unsigned max);
unsigned fdt_reserved(const struct fdt *f, struct fdt_range *out, unsigned max);

/* Convenience: reg[0] of the first node compatible with 'compat'. */
bool fdt_compatible_reg(const struct fdt *f, const char *compat, struct fdt_range *out);
