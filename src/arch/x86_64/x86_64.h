/*
 * Declarations shared between the files of the x86_64 port (not part of the
 * HAL): boot steps, assembly symbols. What ia32 shares is in src/arch/x86.
 */
#pragma once

#include <core/hal.h>
#include <arch/x86/x86.h>
#include "ctx_offsets.h"

/* Assembly (head.S, trap.S) and linker-script symbols. */
extern char x86_vector_stubs[];
extern char x86_syscall_entry[];
extern char x86_kernel_stack_top[], x86_ist_fatal_top[], x86_ist_debug_top[];
_Noreturn void x86_return_to_user(struct arch_context *ctx);
_Noreturn void x86_sysret_to_user(struct arch_context *ctx);
_Noreturn void x86_idle_loop(void) __asm__("x86_idle");

/* cpu.c: GDT, TSS, IDT, syscall MSRs, control registers. */
void x86_cpu_init(void);

/* vspace.c: the kernel's page tables. */
void x86_vspace_init(void);

/* C entry from head.S. */
_Noreturn void x86_boot_main(uint32_t magic, uint32_t info_pa);
