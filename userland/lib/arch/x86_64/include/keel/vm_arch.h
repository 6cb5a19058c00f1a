/* x86_64: the table missing at a level has that level's own type. */
#pragma once

#include <sel4/sel4.h>

#define KEEL_VSPACE_OBJECT seL4_X64_PML4Object
#define KEEL_FRAME_OBJECT seL4_X86_4K           /* a 4 KiB page */
#define KEEL_PT_OBJECT seL4_X86_PageTableObject      /* the lowest-level page table */
#define KEEL_VM_ATTR_DEFAULT seL4_X86_Default_VMAttributes
#define KEEL_VM(name) seL4_X86_##name       /* libsel4's per-arch VM names */

/* bits_left: what a FailedLookup from Page_Map reports. */
static inline seL4_Word keel_table_for_bits(seL4_Word bits_left)
{
    return bits_left > 30 ? seL4_X86_PDPTObject : bits_left > 21 ? seL4_X86_PageDirectoryObject
                                                                  : seL4_X86_PageTableObject;
}
