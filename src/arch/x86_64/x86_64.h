/*
 * Declarations shared between the files of the x86_64 port (not part of the
 * HAL): boot steps, assembly symbols, control-register helpers.
 */
#pragma once

#include <core/hal.h>
#include "ctx_offsets.h"

/* Assembly (head.S, trap.S) and linker-script symbols. */
extern char x86_vector_stubs[];
extern char x86_syscall_entry[];
extern char x86_idle[], x86_idle_end[];
extern char x86_kernel_stack_top[], x86_ist_fatal_top[], x86_ist_debug_top[];
extern char __kernel_phys_start[], __kernel_virt_end[];
_Noreturn void x86_return_to_user(struct arch_context *ctx);
_Noreturn void x86_sysret_to_user(struct arch_context *ctx);
_Noreturn void x86_idle_loop(void) __asm__("x86_idle");

/* The context saved at the next kernel entry (trap.S reads it). */
extern struct arch_context *x86_cur_ctx;
/* State fastpath.S reads and writes as the C exits do: CR3's root
 * (vspace.c). */
extern paddr_t x86_active_root;
extern uint8_t x86_fpu_off;     /* CR0.TS is set: the current thread's FPU is disabled */
/* The IRQ the current interrupt entry is for, read by arch_irq_get_active(). */
extern word_t x86_active_irq;

/* irq_vector.c: the vector (offset from VEC_IRQ_BASE) each IOAPIC pin is on. */
word_t x86_irq_vector_max(void);
bool x86_irq_vector_taken(word_t vector, word_t pin);   /* another pin's */
void x86_irq_route(word_t pin, word_t vector);
word_t x86_vector_irq(word_t vector);                   /* -> the pin's IRQ */

/* cpu.c: GDT, TSS, IDT, syscall MSRs, control registers. */
void x86_cpu_init(void);

/* vspace.c: the kernel's page tables. */
void x86_vspace_init(void);
void x86_vspace_map_ram(paddr_t end);
uintptr_t x86_vspace_map_device(paddr_t pa);

/* timer.c: interrupt controllers and the LAPIC timer. */
void x86_irq_init(void);
paddr_t x86_lapic_paddr(void);
word_t x86_cpu_id(void);

/* console.c */
void x86_console_init(void);

/* C entry from head.S. */
_Noreturn void x86_boot_main(uint32_t magic, uint32_t info_pa);

static inline word_t x86_read_cr2(void)
{
    word_t v;
    __asm__ volatile("mov %%cr2, %0" : "=r"(v));
    return v;
}

static inline word_t x86_read_cr3(void)
{
    word_t v;
    __asm__ volatile("mov %%cr3, %0" : "=r"(v));
    return v;
}

static inline void x86_write_cr3(word_t v)
{
    __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}
