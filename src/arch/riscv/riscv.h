/*
 * Declarations shared between the files of the riscv64 port (not part of the
 * HAL): CSR access, SBI calls, assembly and linker-script symbols, boot steps.
 */
#pragma once

#include <core/hal.h>
#include <drivers/fdt.h>
#include "asm.h"

#define csr_read(csr) ({ word_t v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "r"((word_t)(v)) : "memory")
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "r"((word_t)(v)) : "memory")
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" :: "r"((word_t)(v)) : "memory")

/* scause: the top bit says interrupt; the rest is the cause number. */
#define SCAUSE_INTERRUPT        (1ul << 63)
#define IRQ_S_TIMER             5

/* Linker-script and assembly symbols (kernel.ld, boot.S, trap.S). */
extern char __kernel_start[], __roottask_start[], __roottask_end[];
extern char riscv_trap_entry[], riscv_idle_loop[], riscv_idle_loop_end[];
extern char riscv_kernel_stack_top[];
extern pte_t riscv_boot_root[512];

/* SBI (sbi.c): the firmware calls the kernel needs. */
struct sbi_ret {
    long error;
    long value;
};
void sbi_init(void);
struct sbi_ret sbi_call(word_t eid, word_t fid, word_t a0, word_t a1, word_t a2);
void sbi_legacy_putchar(int c);
void sbi_set_timer(uint64_t when);
_Noreturn void sbi_shutdown(bool failure);

/* The lazy FPU (fpu.c): an illegal instruction with FS = Off from a thread
 * that may use the FPU gives it the FP registers (true: run it again). */
bool riscv_fpu_trap(struct arch_context *ctx);

/* Platform devices found in the device tree (boot.c). */
void riscv_console_init(paddr_t uart);
void riscv_timer_init(uint64_t timebase_hz);
void riscv_power_init(paddr_t finisher);
/* irq.c: find and set up the PLIC; returns its register block. */
struct fdt_range riscv_irq_init(const struct fdt *f, word_t hart);

/* C entries from assembly. */
_Noreturn void riscv_boot_main(word_t hart, paddr_t dtb);
struct arch_context *riscv_trap_user(struct arch_context *ctx);
struct arch_context *riscv_trap_kernel(word_t sp);
