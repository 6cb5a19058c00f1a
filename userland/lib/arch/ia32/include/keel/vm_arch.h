/* ia32: two levels; the table missing below a 4 MiB slot is a PageTable. */
#pragma once

#include <sel4/sel4.h>

#define KEEL_VSPACE_OBJECT seL4_X86_PageDirectoryObject
#define KEEL_FRAME_OBJECT seL4_X86_4K           /* a 4 KiB page */
#define KEEL_PT_OBJECT seL4_X86_PageTableObject      /* the lowest-level page table */
#define KEEL_VM_ATTR_DEFAULT seL4_X86_Default_VMAttributes
#define KEEL_VM(name) seL4_X86_##name       /* libsel4's per-arch VM names, as x86_64 */

/* bits_left: what a FailedLookup from Page_Map reports. */
static inline seL4_Word keel_table_for_bits(seL4_Word bits_left)
{
    (void)bits_left;
    return seL4_X86_PageTableObject;
}
