/*
 * riscv64 (Sv39) object sizes and types, as libsel4 defines them.
 */
#pragma once

#define seL4_PageBits 12
#define seL4_LargePageBits 21
#define seL4_HugePageBits 30
#define seL4_PageTableBits 12
#define seL4_PageTableEntryBits 3
#define seL4_PageTableIndexBits 9
#define seL4_VSpaceBits seL4_PageTableBits
#define seL4_TCBBits 10
#define seL4_ASIDPoolBits 12
#define seL4_NumASIDPoolsBits 7
#define seL4_ASIDPoolIndexBits 9
#define seL4_MaxUntypedBits 38
#define seL4_UserTop 0x0000003ffffff000ul

enum {
    seL4_RISCV_Giga_Page = 5,           /* = seL4_NonArchObjectTypeCount */
    seL4_ModeObjectTypeCount,
};
enum {
    seL4_RISCV_4K_Page = seL4_ModeObjectTypeCount,
    seL4_RISCV_Mega_Page,
    seL4_RISCV_PageTableObject,
    seL4_ObjectTypeCount,
};

/* Fault messages of this architecture (message register indices), in the
 * order the kernel writes them (src/arch/riscv/include/arch/regs.h). */
typedef enum {
    seL4_UnknownSyscall_FaultIP = 0,
    seL4_UnknownSyscall_SP,
    seL4_UnknownSyscall_RA,
    seL4_UnknownSyscall_A0,
    seL4_UnknownSyscall_A1,
    seL4_UnknownSyscall_A2,
    seL4_UnknownSyscall_A3,
    seL4_UnknownSyscall_A4,
    seL4_UnknownSyscall_A5,
    seL4_UnknownSyscall_A6,
    seL4_UnknownSyscall_Syscall,
    seL4_UnknownSyscall_Length,
} seL4_UnknownSyscall_Msg;

typedef enum {
    seL4_UserException_FaultIP = 0,
    seL4_UserException_SP,
    seL4_UserException_Number,
    seL4_UserException_Code,
    seL4_UserException_Length,
} seL4_UserException_Msg;

/* Keel: bytes of the system-call instruction (ecall), for fault handlers
 * that step a thread past a faulting system call. */
#define KEEL_SYSCALL_INSN_LEN 4

/* Mapping attributes of seL4_RISCV_Page_Map and seL4_RISCV_PageTable_Map. */
typedef enum {
    seL4_RISCV_Default_VMAttributes = 0,
    seL4_RISCV_ExecuteNever = 0x1,
} seL4_RISCV_VMAttributes;
