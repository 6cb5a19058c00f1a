/*
 * x86_64 object sizes and types, as libsel4 defines them.
 */
#pragma once

#define seL4_PageBits 12
#define seL4_LargePageBits 21
#define seL4_HugePageBits 30
#define seL4_PageTableBits 12
#define seL4_PageTableEntryBits 3
#define seL4_PageTableIndexBits 9
#define seL4_PageDirBits 12
#define seL4_PDPTBits 12
#define seL4_PML4Bits 12
#define seL4_VSpaceBits seL4_PML4Bits
#define seL4_TCBBits 11
#define seL4_ASIDPoolBits 12
#define seL4_NumASIDPoolsBits 3
#define seL4_ASIDPoolIndexBits 9
#define seL4_MaxUntypedBits 47
#define seL4_UserTop 0x00007ffffffff000ul

enum {
    seL4_X86_PDPTObject = 5,            /* = seL4_NonArchObjectTypeCount */
    seL4_X64_PML4Object,
    seL4_X64_HugePageObject,
    seL4_ModeObjectTypeCount,
};
enum {
    seL4_X86_4K = seL4_ModeObjectTypeCount,
    seL4_X86_LargePageObject,
    seL4_X86_PageTableObject,
    seL4_X86_PageDirectoryObject,
    seL4_ObjectTypeCount,
};
