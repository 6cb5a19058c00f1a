/*
 * What the VSPACE, FRAME, PAGEFAULT and ISOL tests share: their macros and
 * two object helpers.
 */
#pragma once

#include "vm.h"

#define VSPACE seL4_CapInitThreadVSpace
#define WORD(va) (*(volatile seL4_Word *)(va))
#define PATTERN ((seL4_Word)0x5eed0000c0ffee00ull)      /* its low half on 32-bit words */

/* A thread starting op on addr in the root's space; fep its fault endpoint. */
#define START(t, i, op, addr, value, fep)                               \
    vm_thread *t = vm_thread_start((i), (op), (addr), (value), &(fep)); \
    CHECK(t != NULL, "%s", vm_error())

/* The first error after a FailedLookup with a missing capability: was the
 * destination, MissingCapability, bits left. */
#define EXPECT_MISSING(err, what, bits) EXPECT_ERROR((err), seL4_FailedLookup, (what), 0, seL4_MissingCapability, (bits))

/* A frame mapped at va in the root's space, or fail the test. */
#define MAPPED(f, va)               \
    seL4_CPtr f = mapped_frame(va); \
    CHECK(f != 0, "no frame mapped at %lx", (seL4_Word)(va))

/* A table of the lowest level (4 KiB pages go in it). */
seL4_CPtr new_pt(void);
/* A 2 MiB page in a new slot, from memory outside the pool (0 if none). */
seL4_CPtr new_large_frame(void);
/* A new ASID pool in a new slot (VSPACE and ISOL tests). */
const char *make_pool(seL4_CPtr *pool);
