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

/* Fault messages of this architecture (message register indices), in the
 * order the kernel writes them (src/arch/x86_64/include/arch/regs.h). */
typedef enum {
    seL4_UnknownSyscall_RAX = 0,
    seL4_UnknownSyscall_RBX,
    seL4_UnknownSyscall_RCX,
    seL4_UnknownSyscall_RDX,
    seL4_UnknownSyscall_RSI,
    seL4_UnknownSyscall_RDI,
    seL4_UnknownSyscall_RBP,
    seL4_UnknownSyscall_R8,
    seL4_UnknownSyscall_R9,
    seL4_UnknownSyscall_R10,
    seL4_UnknownSyscall_R11,
    seL4_UnknownSyscall_R12,
    seL4_UnknownSyscall_R13,
    seL4_UnknownSyscall_R14,
    seL4_UnknownSyscall_R15,
    seL4_UnknownSyscall_FaultIP,
    seL4_UnknownSyscall_SP,
    seL4_UnknownSyscall_FLAGS,
    seL4_UnknownSyscall_Syscall,
    seL4_UnknownSyscall_Length,
} seL4_UnknownSyscall_Msg;

typedef enum {
    seL4_UserException_FaultIP = 0,
    seL4_UserException_SP,
    seL4_UserException_FLAGS,
    seL4_UserException_Number,
    seL4_UserException_Code,
    seL4_UserException_Length,
} seL4_UserException_Msg;

/* Keel: bytes of the system-call instruction (syscall), for fault handlers
 * that step a thread past a faulting system call. */
#define KEEL_SYSCALL_INSN_LEN 2

#include "../../../x86/sel4/vm_attributes.h"
