/*
 * What the two x86 ports (x86_64, ia32) share beyond the drivers in
 * src/drivers/x86: the COM1 console and QEMU exit (console.c), interrupt
 * controllers and the LAPIC timer (timer.c), I/O port capabilities and
 * IRQControl_GetIOAPIC (devices.c), the vector each IOAPIC pin is on (irq_vector.c), trap dispatch (trap.c), the boot_info
 * (boot_info.c), CR3 and TLB (mmu.c). Each port supplies the functions declared "from the port".
 */
#pragma once

#include <core/hal.h>
#include "vectors.h"

/* console.c */
void x86_console_init(void);

/* timer.c: interrupt controllers and the LAPIC timer. */
void x86_irq_init(void);
paddr_t x86_lapic_paddr(void);
word_t x86_cpu_id(void);
/* The IRQ the current interrupt entry is for, read by arch_irq_get_active(). */
extern word_t x86_active_irq;

/* irq_vector.c: the vector (offset from VEC_IRQ_BASE) each IOAPIC pin is on. */
word_t x86_irq_vector_max(void);
bool x86_irq_vector_taken(word_t vector, word_t pin);   /* another pin's */
void x86_irq_route(word_t pin, word_t vector);
word_t x86_vector_irq(word_t vector);                   /* -> the pin's IRQ */

/* trap.c: what both ports' trap entries do alike. */
extern struct arch_context *x86_cur_ctx;        /* saved at the next entry */
extern const char *const x86_exception_names[32];
_Noreturn void x86_user_exception(word_t vector, word_t error);
/* A trap from user mode the port does not handle itself: exception,
 * spurious vector or interrupt. */
_Noreturn void x86_user_trap_dispatch(word_t vector, word_t error);
/* A trap in ring 0 other than #DB, at ip: true if it is to be ignored (a
 * spurious vector); an interrupt of the idle loop is handled (no return);
 * false for anything else, a kernel bug the port reports. */
bool x86_kernel_trap_dispatch(word_t vector, word_t ip);
struct arch_context *x86_bad_state_fault(struct arch_context *ctx);

/* The FPU, switched eagerly: the entries save the FXSAVE image unless
 * x86_fpu_off (the port's trap.S), every exit loads it with x86_fpu_load();
 * a thread with seL4_TCBFlag_fpuDisabled runs with CR0.TS set. */
extern uint8_t x86_fpu_off;     /* CR0.TS is set: the current thread's FPU is disabled */
void x86_fpu_load(struct arch_context *ctx);

/* mmu.c: CR3 switches and TLB flushes (the HAL's arch_vspace_activate ...). */
extern paddr_t x86_active_root;         /* what CR3 holds */

/* boot_info.c: the boot_info from GRUB's parsed hand-over (either protocol). */
struct mb_info;
void x86_boot_info_check(const struct mb_info *mb);     /* panics without map or module */
void x86_boot_info_fill(const struct mb_info *mb, struct boot_info *bi);

/* From the port: map a device page (uncached) into the kernel's space; make
 * RAM up to `end` reachable through the kernel window; the kernel image's
 * physical start and virtual end (linker script). */
uintptr_t x86_vspace_map_device(paddr_t pa);
void x86_vspace_map_ram(paddr_t end);
extern char __kernel_phys_start[], __kernel_virt_end[];
/* The idle loop (the port's trap.S): interrupts are taken only there. */
extern char x86_idle[], x86_idle_end[];

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
