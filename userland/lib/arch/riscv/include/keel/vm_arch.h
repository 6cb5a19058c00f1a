/* riscv64 (Sv39): one PageTable object type serves every level. */
#pragma once

#include <sel4/sel4.h>

#define KEEL_VSPACE_OBJECT seL4_RISCV_PageTableObject
#define KEEL_FRAME_OBJECT seL4_RISCV_4K_Page           /* a 4 KiB page */
#define KEEL_PT_OBJECT seL4_RISCV_PageTableObject      /* the lowest-level page table */
#define KEEL_VM_ATTR_DEFAULT seL4_RISCV_Default_VMAttributes
#define KEEL_VM(name) seL4_RISCV_##name       /* libsel4's per-arch VM names */

static inline seL4_Word keel_table_for_bits(seL4_Word bits_left)
{
    (void)bits_left;
    return seL4_RISCV_PageTableObject;
}
