/*
 * The message recipes of the virtual-memory invocations, written once: the
 * kernel implements them in its core with one set of labels, and each
 * architecture's <sel4/arch/invocations.h> only gives them libsel4's names
 * and types.
 */
#pragma once

#include <sel4/invocations.h>

/* Page_Map: MR0 vaddr, MR1 rights, MR2 attributes, extra cap 0 the VSpace. */
static inline seL4_Error keel_page_map(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr,
                                       seL4_CapRights_t rights, seL4_Word attr)
{
    seL4_SetCap(0, vspace);
    seL4_SetMR(0, vaddr);
    seL4_SetMR(1, rights.words[0]);
    seL4_SetMR(2, attr);
    return keel_invoke(frame, KeelPageMap, 1, 3);
}

/* The frame's physical address (reply MR0), 0 on error. */
static inline int keel_page_get_address(seL4_CPtr frame, seL4_Word *paddr)
{
    int error = (int)keel_invoke(frame, KeelPageGetAddress, 0, 0);
    *paddr = error == seL4_NoError ? seL4_GetMR(0) : 0;
    return error;
}

/* PageTable_Map (any paging structure): MR0 vaddr, MR1 attributes, extra
 * cap 0 the VSpace root. */
static inline seL4_Error keel_table_map(seL4_CPtr table, seL4_CPtr vspace, seL4_Word vaddr, seL4_Word attr)
{
    seL4_SetCap(0, vspace);
    seL4_SetMR(0, vaddr);
    seL4_SetMR(1, attr);
    return keel_invoke(table, KeelPageTableMap, 1, 2);
}

/* Page_Unmap and PageTable_Unmap take no arguments. */
static inline seL4_Error keel_vm_unmap(seL4_CPtr cap, seL4_Word label)
{
    return keel_invoke(cap, label, 0, 0);
}

/* ASIDControl_MakePool: extra caps untyped, root; MR0 index, MR1 depth. */
static inline seL4_Error keel_asid_make_pool(seL4_CPtr control, seL4_CPtr untyped, seL4_CPtr root,
                                             seL4_Word index, seL4_Uint8 depth)
{
    seL4_SetCap(0, untyped);
    seL4_SetCap(1, root);
    seL4_SetMR(0, index);
    seL4_SetMR(1, depth & 0xfful);
    return keel_invoke(control, KeelASIDControlMakePool, 2, 2);
}

/* ASIDPool_Assign: extra cap 0 the (unmapped) VSpace root. */
static inline seL4_Error keel_asid_assign(seL4_CPtr pool, seL4_CPtr vspace)
{
    seL4_SetCap(0, vspace);
    return keel_invoke(pool, KeelASIDPoolAssign, 1, 0);
}
