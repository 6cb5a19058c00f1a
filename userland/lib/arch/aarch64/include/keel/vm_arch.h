/* aarch64: the VSpace (level 0) has its own object type; one PageTable
 * object type serves levels 1..3. */
#pragma once

#include <sel4/sel4.h>

#define KEEL_VSPACE_OBJECT seL4_ARM_VSpaceObject
#define KEEL_FRAME_OBJECT seL4_ARM_SmallPageObject           /* a 4 KiB page */
#define KEEL_PT_OBJECT seL4_ARM_PageTableObject      /* the lowest-level page table */
#define KEEL_VM_ATTR_DEFAULT seL4_ARM_Default_VMAttributes
#define KEEL_VM(name) seL4_ARM_##name       /* libsel4's per-arch VM names */

static inline seL4_Word keel_table_for_bits(seL4_Word bits_left)
{
    (void)bits_left;
    return seL4_ARM_PageTableObject;
}
