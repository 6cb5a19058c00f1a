/*
 * The mapping attributes of seL4_X86_Page_Map and the paging structures'
 * Map, the same on x86_64 and ia32 (included by each one's
 * <sel4/arch/constants.h>). seL4_X86_CacheDisabled is the one caching
 * attribute Keel interprets (PCD|PWT); seL4_X86_ExecuteNever is a Keel
 * extension (docs/api.md), without effect on ia32, whose non-PAE paging has
 * no NX bit.
 */
#pragma once

typedef enum {
    seL4_X86_WriteBack = 0,
    seL4_X86_CacheDisabled = 2,
    seL4_X86_ExecuteNever = 0x100,
    seL4_X86_Default_VMAttributes = 0,
} seL4_X86_VMAttributes;
