/*
 * Constants shared by the aarch64 port's assembly and C: the kernel layout,
 * system-register values and the byte offsets of struct arch_context
 * (arch/regs.h). Plain #defines only, so the .S files can include it; the C
 * side checks each value against its C definition with _Static_assert
 * (trap.c, boot.c).
 */
#pragma once

/* Kernel window (arch/types.h) and how boot.S maps it: 1 GiB blocks from
 * one level-1 table, reached from entry ARM_WINDOW_L0_SLOT of the TTBR1
 * level-0 table (and from entry 0 for the boot identity mapping). */
#define ARM_WINDOW_BASE         0xffff800000000000
#define ARM_WINDOW_L0_SLOT      256
#define ARM_WINDOW_GIBS         64
#define ARM_KSTACK_SIZE         16384

/* Level-1 block descriptors of the window: valid block, access flag, inner
 * shareable, EL1 read/write, no EL0 access, never executable at EL0 (UXN).
 * GiB 0 holds QEMU virt's devices (GIC, UART, ...): Device-nGnRnE (MAIR
 * slot 1) and never executable; RAM starts at GiB 1: normal memory (slot 0). */
#define ARM_BLOCK_NORMAL        0x0040000000000701
#define ARM_BLOCK_DEVICE        0x0060000000000705
#define ARM_TABLE_DESC          0x3

/* MAIR_EL1: slot 0 normal write-back RW-allocate (0xff), slot 1
 * Device-nGnRnE (0x00), slot 2 normal non-cacheable (0x44); arch/pte.h
 * names the slots. */
#define ARM_MAIR_VALUE          0x4400ff

/* TCR_EL1: T0SZ = T1SZ = 16 (48-bit halves), 4 KiB granules (TG0 = 0,
 * TG1 = 2), walks write-back cacheable and inner shareable in both halves,
 * 16-bit ASIDs from TTBR0 (AS = 1, A1 = 0). IPS is filled in from
 * ID_AA64MMFR0_EL1.PARange at boot. */
#define ARM_TCR_VALUE           0x00000010b5103510
#define ARM_TCR_IPS_SHIFT       32
#define ARM_TCR_AS              (1 << 36)   /* cleared on a CPU with 8-bit ASIDs */

/* SCTLR_EL1: the RES1 bits of ARMv8.0, the MMU (M), data and instruction
 * caches (C, I), stack alignment checks at EL1 and EL0 (SA, SA0), EL0 may
 * use DC ZVA (DZE), read CTR_EL0 (UCT) and clean / invalidate caches by
 * address (UCI: code that writes code needs dc cvau and ic ivau). Alignment
 * checking (A) is off: normal memory allows unaligned accesses. */
#define ARM_SCTLR_VALUE         0x34d0d81d

/* Leaving EL2 at boot: HCR_EL2.RW (EL1 is AArch64; nothing else: no
 * stage 2, no traps), CPTR_EL2 with only its RES1 bits (no FP traps),
 * CNTHCTL_EL2.EL1PCTEN|EL1PCEN (EL1 owns the counters and timers), and the
 * SPSR of EL1h with D, A, I, F masked. */
#define ARM_HCR_EL2_RW          0x80000000
#define ARM_CPTR_EL2_RES1       0x33ff
#define ARM_CNTHCTL_EL1_ACCESS  0x3
#define ARM_SPSR_EL1H_MASKED    0x3c5

/* SPSR_EL1 for a return to EL0 (AArch64, EL0t, interrupts on): only the
 * condition flags NZCV come from the saved context. */
#define ARM_SPSR_USER_MASK      0xf0000000

/* ESR_EL1.EC of an SVC from AArch64 state, and the two system calls
 * (seL4_Syscall_ID) the entry hands to the IPC fastpath. */
#define ESR_EC_SHIFT            26
#define ESR_EC_SVC64            0x15
#define SYS_CALL                -1
#define SYS_REPLY_RECV          -2

/* struct arch_context: x0..x30 at regs[0..30], then SP_EL0, ELR, SPSR,
 * TPIDR_EL0, TPIDRRO_EL0. */
#define CTX_REG(n)              ((n) * 8)
#define CTX_SP                  (31 * 8)
#define CTX_PC                  (32 * 8)
#define CTX_SPSR                (33 * 8)
#define CTX_TPIDR               (34 * 8)
#define CTX_TPIDRRO             (35 * 8)
#define CTX_SIZE                (36 * 8)

/* CPACR_EL1.FPEN: 3 = FP/SIMD run at EL0 and EL1; 0 = they trap (EC 0x07). */
#define CPACR_FPEN_ON           (3 << 20)
/* struct arch_fpu_state (arch/regs.h). */
#define FPU_Q(n)                ((n) * 16)
#define FPU_FPSR                (32 * 16)
