/* ia32: two levels; the table missing below a 4 MiB slot is a PageTable. */
#pragma once

#include <sel4/sel4.h>

#define KEEL_VSPACE_OBJECT seL4_X86_PageDirectoryObject

/* bits_left: what a FailedLookup from Page_Map reports. */
static inline seL4_Word keel_table_for_bits(seL4_Word bits_left)
{
    (void)bits_left;
    return seL4_X86_PageTableObject;
}
