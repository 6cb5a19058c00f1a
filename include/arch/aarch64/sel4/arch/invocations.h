/*
 * aarch64 virtual-memory invocations with libsel4's names, parameter lists
 * and return types: Page Map/Unmap/GetAddress, PageTable Map/Unmap,
 * ASIDControl MakePool, ASIDPool Assign. Same recipe as sel4/invocations.h:
 * arguments in message registers in seL4's order, capability arguments as
 * extra caps, the reply label as the result. The labels are Keel's one set
 * of VM labels (enum keel_vm_invocation_label), shared by every port.
 */
#pragma once

#include <sel4/vm_invocations.h>

typedef seL4_CPtr seL4_ARM_Page;
typedef seL4_CPtr seL4_ARM_PageTable;
typedef seL4_CPtr seL4_ARM_VSpace;
typedef seL4_CPtr seL4_ARM_PageUpperDirectory;      /* seL4 < 12 names */
typedef seL4_CPtr seL4_ARM_PageGlobalDirectory;
typedef seL4_CPtr seL4_ARM_PageDirectory;
typedef seL4_CPtr seL4_ARM_ASIDControl;
typedef seL4_CPtr seL4_ARM_ASIDPool;

/* As in seL4; Keel honours ExecuteNever and maps device frames uncached
 * whatever PageCacheable says (docs/api.md). */
typedef enum {
    seL4_ARM_PageCacheable = 0x01,
    seL4_ARM_ParityEnabled = 0x02,
    seL4_ARM_Default_VMAttributes = 0x03,
    seL4_ARM_ExecuteNever = 0x04,
} seL4_ARM_VMAttributes;

typedef struct seL4_ARM_Page_GetAddress {
    int error;
    seL4_Word paddr;
} seL4_ARM_Page_GetAddress_t;

/* Map the frame at vaddr in the address space whose root is vspace, with
 * the frame capability's rights masked by `rights`. */
static inline seL4_Error seL4_ARM_Page_Map(seL4_ARM_Page _service, seL4_ARM_VSpace vspace, seL4_Word vaddr,
                                           seL4_CapRights_t rights, seL4_ARM_VMAttributes attr)
{
    return keel_page_map(_service, vspace, vaddr, rights, (seL4_Word)attr);
}

static inline seL4_Error seL4_ARM_Page_Unmap(seL4_ARM_Page _service)
{
    return keel_vm_unmap(_service, KeelPageUnmap);
}

/* The frame's physical address (reply MR0). */
static inline seL4_ARM_Page_GetAddress_t seL4_ARM_Page_GetAddress(seL4_ARM_Page _service)
{
    seL4_ARM_Page_GetAddress_t r;
    r.error = keel_page_get_address(_service, &r.paddr);
    return r;
}

/* Put the page table into the address space vspace, at the first level of
 * the walk towards vaddr that has no table yet. */
static inline seL4_Error seL4_ARM_PageTable_Map(seL4_ARM_PageTable _service, seL4_ARM_VSpace vspace,
                                                seL4_Word vaddr, seL4_ARM_VMAttributes attr)
{
    return keel_table_map(_service, vspace, vaddr, (seL4_Word)attr);
}

static inline seL4_Error seL4_ARM_PageTable_Unmap(seL4_ARM_PageTable _service)
{
    return keel_vm_unmap(_service, KeelPageTableUnmap);
}

/* Turn the Untyped (exactly seL4_ASIDPoolBits, no children) into a new ASID
 * pool, its capability in the slot index/depth of root. */
static inline seL4_Error seL4_ARM_ASIDControl_MakePool(seL4_ARM_ASIDControl _service, seL4_Untyped untyped,
                                                       seL4_CNode root, seL4_Word index, seL4_Uint8 depth)
{
    return keel_asid_make_pool(_service, untyped, root, index, depth);
}

/* Give the (unmapped) page table vspace an ASID from the pool: it becomes a
 * VSpace root. */
static inline seL4_Error seL4_ARM_ASIDPool_Assign(seL4_ARM_ASIDPool _service, seL4_CPtr vspace)
{
    return keel_asid_assign(_service, vspace);
}
