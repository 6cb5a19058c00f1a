/* riscv64 (Sv39): one PageTable object type serves every level. */
#pragma once

#include <sel4/sel4.h>

#define KEEL_VSPACE_OBJECT seL4_RISCV_PageTableObject

static inline seL4_Word keel_table_for_bits(seL4_Word bits_left)
{
    (void)bits_left;
    return seL4_RISCV_PageTableObject;
}
