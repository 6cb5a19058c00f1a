/*
 * Keel extensions to the seL4 API. Nothing here exists in seL4; programs that
 * must stay portable to seL4 use it only behind their own checks.
 */
#pragma once

#include <sel4/bootinfo_types.h>

/* Extra boot information chunk: how the kernel accounted for physical memory.
 * The root task can check that untypedList covers exactly the free RAM:
 * sum(untyped sizes) + sum(used sizes) == sum(ram sizes). */
#define KEEL_BOOTINFO_HEADER_MEMINFO 0x4b4d ///< 'KM'
#define KEEL_MEMINFO_MAX_REGIONS 32

typedef enum {
    KEEL_MEM_KERNEL = 1,        /* the kernel image */
    KEEL_MEM_FIRMWARE = 2,      /* reserved by firmware / the loader (incl. DTB) */
    KEEL_MEM_ROOTSERVER = 3,    /* objects the kernel made for the root task at boot */
} keel_mem_kind;

typedef struct keel_mem_region {
    seL4_Word start;            /* physical, inclusive */
    seL4_Word end;              /* physical, exclusive */
    seL4_Word kind;             /* keel_mem_kind, 0 for RAM entries */
} keel_mem_region;

typedef struct keel_meminfo {
    seL4_BootInfoHeader header; /* id = KEEL_BOOTINFO_HEADER_MEMINFO */
    seL4_Word num_ram;
    seL4_Word num_used;
    keel_mem_region ram[KEEL_MEMINFO_MAX_REGIONS];   /* sorted, disjoint */
    keel_mem_region used[KEEL_MEMINFO_MAX_REGIONS];  /* sorted, disjoint, inside RAM */
} keel_meminfo;

/* Extra boot information chunk: this root task was started by another task,
 * not by the kernel (a subsystem: Keel's demo runs the test suite this way).
 * Its bootinfo describes what the parent gave it, in seL4's layout; the
 * kernel's own account of memory (keel_meminfo) is absent, and so may be
 * IRQControl and IOPortControl (they cannot be copied). When main()
 * returns, the runtime reports the status to the parent instead of halting
 * the machine: seL4_Send(exit_endpoint, label KEEL_EXIT_LABEL, MR0 = status). */
#define KEEL_BOOTINFO_HEADER_PARENT 0x4b50 ///< 'KP'
#define KEEL_EXIT_LABEL 0x4b45

typedef struct keel_parent {
    seL4_BootInfoHeader header; /* id = KEEL_BOOTINFO_HEADER_PARENT */
    seL4_Word exit_endpoint;    /* a cptr in the task's own CSpace */
} keel_parent;

/* The first extra-bootinfo chunk with the given id, or NULL. */
static inline const seL4_BootInfoHeader *keel_bootinfo_chunk(const seL4_BootInfo *bi, seL4_Word id)
{
    const char *extra = (const char *)bi + (1ul << seL4_BootInfoFrameBits);

    for (seL4_Word off = 0; off + sizeof(seL4_BootInfoHeader) <= bi->extraLen;) {
        const seL4_BootInfoHeader *h = (const seL4_BootInfoHeader *)(extra + off);
        if (h->len < sizeof(*h)) {
            return (const seL4_BootInfoHeader *)0;
        }
        if (h->id == id) {
            return h;
        }
        off += h->len;
    }
    return (const seL4_BootInfoHeader *)0;
}

/* Halt the machine with a status: 0 means the run passed. */
#define KEEL_HALT_PASS 0

/* Capability types as seL4_DebugCapIdentify reports them (seL4's internal
 * numbering for the common types; Keel's own for the rest). */
typedef enum {
    KEEL_CAP_NULL = 0,
    KEEL_CAP_FRAME = 1,
    KEEL_CAP_UNTYPED = 2,
    KEEL_CAP_PAGE_TABLE = 3,    /* any level of the page-table tree, the root included */
    KEEL_CAP_ENDPOINT = 4,
    KEEL_CAP_NOTIFICATION = 6,
    KEEL_CAP_REPLY = 8,
    KEEL_CAP_CNODE = 10,
    KEEL_CAP_ASID_CONTROL = 11,
    KEEL_CAP_THREAD = 12,
    KEEL_CAP_ASID_POOL = 13,
    KEEL_CAP_IRQ_CONTROL = 14,
    KEEL_CAP_IRQ_HANDLER = 16,
    KEEL_CAP_ZOMBIE = 18,
    KEEL_CAP_IO_PORT = 19,
    KEEL_CAP_DOMAIN = 20,
    KEEL_CAP_IO_PORT_CONTROL = 31,
} keel_cap_type;
