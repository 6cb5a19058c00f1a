/*
 * Constants shared by the riscv64 port's assembly and C: the kernel layout,
 * CSR bits and the byte offsets of struct arch_context (arch/regs.h). Plain
 * #defines only, so the .S files can include it; the C side checks each value
 * against its C definition with _Static_assert (trap.c, boot.c).
 */
#pragma once

/* Kernel window (arch/types.h) and how boot.S maps it: 1 GiB leaves. */
#define RISCV_WINDOW_BASE       0xffffffc000000000
#define RISCV_WINDOW_GIBS       64
#define RISCV_WINDOW_FIRST_SLOT 256             /* root index of RISCV_WINDOW_BASE */
#define RISCV_KSTACK_SIZE       16384
#define RISCV_PAGE_BITS         12              /* PAGE_BITS, for satp's PPN */

/* A global, kernel-only RWX leaf, accessed and dirty (V R W X G A D). */
#define RISCV_PTE_KERNEL_LEAF   0xef

/* satp: MODE in bits 63..60 (8 = Sv39), ASID in 59..44, root PPN below. */
#define RISCV_SATP_MODE_SV39    8
#define RISCV_SATP_MODE_SHIFT   60
#define RISCV_SATP_ASID_SHIFT   44

/* sstatus bits. */
#define SSTATUS_SIE             (1 << 1)        /* S-mode interrupts on */
#define SSTATUS_SPIE            (1 << 5)        /* SIE after sret */
#define SSTATUS_SPP             (1 << 8)        /* trap came from S-mode / sret to S */
#define SSTATUS_FS              (3 << 13)       /* FPU state; 0 = off, FP insns trap */
#define SSTATUS_SUM             (1 << 18)       /* S-mode may touch U pages */
#define SSTATUS_FS_DIRTY        (3 << 13)       /* FS = Dirty: FP instructions run */

/* struct arch_fpu_state (arch/regs.h). */
#define FPU_F(n)                ((n) * 8)
#define FPU_FCSR                (32 * 8)

/* sie / sip bits. */
#define SIE_STIE                (1 << 5)        /* supervisor timer interrupt */
#define SIP_STIP                (1 << 5)
#define SIE_SEIE                (1 << 9)        /* supervisor external interrupt (PLIC) */
#define SIP_SEIP                (1 << 9)

/* scause of an ecall from U-mode. */
#define SCAUSE_ECALL_U          8

/* struct arch_context: x1..x31 at regs[0..30], then sepc and sstatus. */
#define CTX_REG(x)              (((x) - 1) * 8)
#define CTX_A0                  CTX_REG(10)
#define CTX_PC                  (31 * 8)
#define CTX_STATUS              (32 * 8)
