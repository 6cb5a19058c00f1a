/*
 * aarch64 (4 KiB granule, 48-bit VA) object sizes and types, as libsel4
 * defines them (non-hypervisor build, no SMMU).
 */
#pragma once

#define seL4_PageBits 12
#define seL4_LargePageBits 21
#define seL4_HugePageBits 30
#define seL4_PageTableBits 12
#define seL4_PageTableEntryBits 3
#define seL4_PageTableIndexBits 9
#define seL4_VSpaceBits 12
#define seL4_VSpaceIndexBits 9
#define seL4_TCBBits 11
#define seL4_ASIDPoolBits 12
#define seL4_NumASIDPoolsBits 7
#define seL4_ASIDPoolIndexBits 9
#define seL4_MaxUntypedBits 47
#define seL4_UserTop 0x00007ffffffff000ul

enum {
    seL4_ARM_HugePageObject = 5,        /* = seL4_NonArchObjectTypeCount */
    seL4_ARM_VSpaceObject,
    seL4_ModeObjectTypeCount,
};
enum {
    seL4_ARM_SmallPageObject = seL4_ModeObjectTypeCount,
    seL4_ARM_LargePageObject,
    seL4_ARM_PageTableObject,
    seL4_ObjectTypeCount,
};
/* The names of seL4 before 12.0, when each level had its own type. */
#define seL4_ARM_PageGlobalDirectoryObject seL4_ARM_VSpaceObject
#define seL4_ARM_PageUpperDirectoryObject seL4_ARM_PageTableObject
#define seL4_ARM_PageDirectoryObject seL4_ARM_PageTableObject

/* Fault messages of this architecture (message register indices), in the
 * order the kernel writes them (src/arch/arm/64/include/arch/regs.h). */
typedef enum {
    seL4_UnknownSyscall_X0 = 0,
    seL4_UnknownSyscall_X1,
    seL4_UnknownSyscall_X2,
    seL4_UnknownSyscall_X3,
    seL4_UnknownSyscall_X4,
    seL4_UnknownSyscall_X5,
    seL4_UnknownSyscall_X6,
    seL4_UnknownSyscall_X7,
    seL4_UnknownSyscall_FaultIP,
    seL4_UnknownSyscall_SP,
    seL4_UnknownSyscall_LR,
    seL4_UnknownSyscall_SPSR,
    seL4_UnknownSyscall_Syscall,
    seL4_UnknownSyscall_Length,
} seL4_UnknownSyscall_Msg;

typedef enum {
    seL4_UserException_FaultIP = 0,
    seL4_UserException_SP,
    seL4_UserException_SPSR,
    seL4_UserException_Number,
    seL4_UserException_Code,
    seL4_UserException_Length,
} seL4_UserException_Msg;

/* Keel: bytes of the system-call instruction (svc #0), for fault handlers
 * that step a thread past a faulting system call. */
#define KEEL_SYSCALL_INSN_LEN 4

/* Mapping attributes of seL4_ARM_Page_Map and seL4_ARM_PageTable_Map, as in
 * seL4; Keel honours ExecuteNever and maps device frames uncached whatever
 * PageCacheable says (docs/api.md). */
typedef enum {
    seL4_ARM_PageCacheable = 0x01,
    seL4_ARM_ParityEnabled = 0x02,
    seL4_ARM_Default_VMAttributes = 0x03,
    seL4_ARM_ExecuteNever = 0x04,
} seL4_ARM_VMAttributes;

/* seL4 < 12 names of the paging structures (one PageTable type since). */
#define seL4_ARM_PageUpperDirectory seL4_ARM_PageTable
#define seL4_ARM_PageGlobalDirectory seL4_ARM_VSpace
#define seL4_ARM_PageDirectory seL4_ARM_PageTable
