/*
 * The demo's memory plan (memory.c): the processes' pool, and the memory a
 * subsystem borrows while it runs.
 */
#pragma once

#include <stddef.h>
#include <sel4/sel4.h>

#define POOL_BITS 24            /* the processes' pool: 16 MiB */
#define MAX_LENDABLE (CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS + 64)

struct lendable {
    seL4_CPtr cap;              /* an Untyped in the root CNode, no children while lent out */
    seL4_Word paddr;
    seL4_Uint8 bits;
    seL4_Uint8 is_device;
};

extern struct lendable lendable[MAX_LENDABLE];
extern unsigned n_lendable;

/* Carve the pool out of the largest RAM Untyped (into *pool) and list the
 * rest of memory as lendable, except boot Untyped number `kept` (-1: none),
 * which the root uses itself. Root slots come from slots(n). NULL or what
 * failed. */
const char *memory_init(seL4_CPtr (*slots)(seL4_Word), int kept, seL4_CPtr *pool);

/* Take back everything made from lendable memory. */
void memory_reclaim(void);
