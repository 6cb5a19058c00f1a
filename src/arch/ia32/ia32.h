/*
 * Declarations shared between the files of the ia32 port (not part of the
 * HAL): boot steps, assembly symbols. What x86_64 shares is in src/arch/x86.
 */
#pragma once

#include <core/hal.h>
#include <arch/x86/x86.h>
#include "ctx_offsets.h"

/* Assembly (head.S, trap.S) symbols. */
extern char x86_vector_stubs[];
extern char x86_sysenter_entry[];
extern char x86_kernel_stack_top[];
_Noreturn void x86_return_to_user(struct arch_context *ctx);
_Noreturn void x86_sysexit_to_user(struct arch_context *ctx);
_Noreturn void x86_idle_loop(void) __asm__("x86_idle");

/* cpu.c: GDT, TSS, IDT, sysenter MSRs, control registers. */
void x86_cpu_init(void);
/* Load a thread's FS and GS bases into the two TLS descriptors (the
 * selectors are reloaded by every return to user mode). */
void ia32_tls_load(word_t fs_base, word_t gs_base);
/* Does the CPU have sysenter/sysexit? Without, `int $0x80` enters. */
extern bool ia32_has_sysenter;

/* vspace.c: the kernel's page directory. */
void x86_vspace_init(void);

/* C entry from head.S. */
_Noreturn void x86_boot_main(uint32_t magic, uint32_t info_pa);
