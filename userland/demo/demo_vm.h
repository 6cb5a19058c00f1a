/*
 * The virtual-memory calls the root task uses to build address spaces,
 * under one name on every architecture.
 */
#pragma once

#include <sel4/sel4.h>

#if defined(__riscv)
#define FRAME_OBJECT seL4_RISCV_4K_Page
#define ROOT_OBJECT seL4_RISCV_PageTableObject
#define ATTR seL4_RISCV_Default_VMAttributes
#define page_map(f, vs, va) seL4_RISCV_Page_Map((f), (vs), (va), seL4_AllRights, ATTR)
#define page_unmap seL4_RISCV_Page_Unmap
#define table_map(t, vs, va) seL4_RISCV_PageTable_Map((t), (vs), (va), ATTR)
#define asid_assign seL4_RISCV_ASIDPool_Assign
#elif defined(__aarch64__)
#define FRAME_OBJECT seL4_ARM_SmallPageObject
#define ROOT_OBJECT seL4_ARM_VSpaceObject
#define ATTR seL4_ARM_Default_VMAttributes
#define page_map(f, vs, va) seL4_ARM_Page_Map((f), (vs), (va), seL4_AllRights, ATTR)
#define page_unmap seL4_ARM_Page_Unmap
#define table_map(t, vs, va) seL4_ARM_PageTable_Map((t), (vs), (va), ATTR)
#define asid_assign seL4_ARM_ASIDPool_Assign
#else
#define FRAME_OBJECT seL4_X86_4K
#if defined(__i386__)
#define ROOT_OBJECT seL4_X86_PageDirectoryObject
#else
#define ROOT_OBJECT seL4_X64_PML4Object
#endif
#define ATTR seL4_X86_Default_VMAttributes
#define page_map(f, vs, va) seL4_X86_Page_Map((f), (vs), (va), seL4_AllRights, ATTR)
#define page_unmap seL4_X86_Page_Unmap
#define table_map(t, vs, va) seL4_X86_PageTable_Map((t), (vs), (va), ATTR)
#define asid_assign seL4_X86_ASIDPool_Assign
#endif

#define ROOT seL4_CapInitThreadCNode
#define PAGE 4096ul
#define SCRATCH_VA 0x20000000ul         /* where the root fills a process's pages */
