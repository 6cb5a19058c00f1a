/*
 * The virtual-memory invocations under one set of names for code that runs
 * on every port (the fuzzer, the bench): each is libsel4's per-arch call
 * (seL4_RISCV_Page_Map, seL4_X86_Page_Map, seL4_ARM_Page_Map ...), named
 * through KEEL_VM() of <keel/vm_arch.h>.
 */
#pragma once

#include <keel/vm_arch.h>

static inline seL4_Error keel_page_map(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word vaddr, seL4_CapRights_t rights,
                                       seL4_Word attr)
{
    return KEEL_VM(Page_Map)(frame, vspace, vaddr, rights, (KEEL_VM(VMAttributes))attr);
}

static inline seL4_Error keel_table_map(seL4_CPtr table, seL4_CPtr vspace, seL4_Word vaddr, seL4_Word attr)
{
    return KEEL_VM(PageTable_Map)(table, vspace, vaddr, (KEEL_VM(VMAttributes))attr);
}

static inline seL4_Error keel_page_unmap(seL4_CPtr frame)
{
    return KEEL_VM(Page_Unmap)(frame);
}

static inline seL4_Error keel_table_unmap(seL4_CPtr table)
{
    return KEEL_VM(PageTable_Unmap)(table);
}

/* The frame's physical address in *paddr; the error as an int. */
static inline int keel_page_get_address(seL4_CPtr frame, seL4_Word *paddr)
{
    KEEL_VM(Page_GetAddress_t) r = KEEL_VM(Page_GetAddress)(frame);
    *paddr = r.paddr;
    return r.error;
}

static inline seL4_Error keel_asid_make_pool(seL4_CPtr control, seL4_CPtr untyped, seL4_CPtr root, seL4_Word index,
                                             seL4_Uint8 depth)
{
    return KEEL_VM(ASIDControl_MakePool)(control, untyped, root, index, depth);
}

static inline seL4_Error keel_asid_assign(seL4_CPtr pool, seL4_CPtr vspace)
{
    return KEEL_VM(ASIDPool_Assign)(pool, vspace);
}
