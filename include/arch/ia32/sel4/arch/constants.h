/*
 * ia32 object sizes and types, as libsel4 defines them (non-PAE, two-level
 * paging: 4 KiB pages in PageTables, 4 MiB large pages in the PageDirectory).
 */
#pragma once

#define seL4_PageBits 12
#define seL4_LargePageBits 22
#define seL4_PageTableBits 12
#define seL4_PageTableEntryBits 2
#define seL4_PageTableIndexBits 10
#define seL4_PageDirBits 12
#define seL4_PageDirEntryBits 2
#define seL4_PageDirIndexBits 10
#define seL4_VSpaceBits seL4_PageDirBits
#define seL4_TCBBits 11
#define seL4_ASIDPoolBits 12
#define seL4_NumASIDPoolsBits 2
#define seL4_ASIDPoolIndexBits 10
#define seL4_MaxUntypedBits 29
#define seL4_UserTop 0xe0000000ul

/* No mode-specific object types on ia32. */
enum {
    seL4_ModeObjectTypeCount = 5,       /* = seL4_NonArchObjectTypeCount */
};
enum {
    seL4_X86_4K = seL4_ModeObjectTypeCount,
    seL4_X86_LargePageObject,
    seL4_X86_PageTableObject,
    seL4_X86_PageDirectoryObject,
    seL4_ObjectTypeCount,
};

/* Fault messages of this architecture (message register indices), in the
 * order the kernel writes them (src/arch/ia32/include/arch/regs.h). */
typedef enum {
    seL4_UnknownSyscall_EAX = 0,
    seL4_UnknownSyscall_EBX,
    seL4_UnknownSyscall_ECX,
    seL4_UnknownSyscall_EDX,
    seL4_UnknownSyscall_ESI,
    seL4_UnknownSyscall_EDI,
    seL4_UnknownSyscall_EBP,
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

/* Keel: bytes of the system-call instruction (sysenter), for fault handlers
 * that step a thread past a faulting system call. */
#define KEEL_SYSCALL_INSN_LEN 2

#include "../../../x86/sel4/vm_attributes.h"
