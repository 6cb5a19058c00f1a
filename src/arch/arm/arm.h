/*
 * Declarations shared between the files of the ARM ports (not part of the
 * HAL): the boot steps, the platform devices and the entries from assembly.
 * The mode (64/ or 32/) provides arm_mode.h and the functions marked
 * "mode" below.
 */
#pragma once

#include <core/hal.h>
#include <drivers/fdt.h>
#include <arm_mode.h>

/* Linker-script and assembly symbols (kernel.ld, boot.S, trap.S). */
extern char __kernel_start[], __roottask_start[], __roottask_end[];
extern char arm_vectors[], arm_idle_loop[], arm_idle_loop_end[];
extern char arm_kernel_stack_top[];

/* platform.c: console and power, found in the device tree. */
void arm_console_init(paddr_t uart);
void arm_power_init(bool psci_smc);
/* timer.c, irq.c. */
void arm_timer_setup(void);
struct fdt_range arm_irq_init(const struct fdt *f, struct fdt_range *cpu_if);
/* boot.c: the shared boot path, called by the mode's entry. */
_Noreturn void arm_boot(paddr_t dtb);

/* mode: CPU set-up after the MMU is on, and the boot mapping's end. */
void arm_cpu_init(void);
void arm_drop_identity_map(void);

/* C entries from assembly. */
_Noreturn void arm_boot_main(paddr_t loader_x0);
struct arch_context *arm_trap_user(struct arch_context *ctx);
struct arch_context *arm_trap_user_other(struct arch_context *ctx);
struct arch_context *arm_trap_kernel_irq(word_t sp);
_Noreturn void arm_trap_kernel(word_t sp);
