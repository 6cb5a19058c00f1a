/*
 * What the shared ARM code (the .c files of src/arch/arm) needs from the aarch64 mode:
 * system-register access and the two firmware/emulator calls (PSCI, which
 * the hypervisor or secure firmware answers, and semihosting, which QEMU
 * answers with -semihosting).
 */
#pragma once

#include <core/types.h>
#include "asm.h"

#define sysreg_read(r) ({ word_t v_; __asm__ volatile("mrs %0, " #r : "=r"(v_) :: "memory"); v_; })
#define sysreg_write(r, v) __asm__ volatile("msr " #r ", %0" :: "r"((word_t)(v)) : "memory")
#define isb() __asm__ volatile("isb" ::: "memory")

/* PSCI (ARM DEN 0022), SMC calling convention: function id in x0, the
 * result comes back in x0. 'smc' selects the conduit the device tree names. */
static inline word_t arm_psci_call(bool smc, word_t fn, word_t a1, word_t a2, word_t a3)
{
    register word_t x0 __asm__("x0") = fn;
    register word_t x1 __asm__("x1") = a1;
    register word_t x2 __asm__("x2") = a2;
    register word_t x3 __asm__("x3") = a3;
    if (smc)
        __asm__ volatile("smc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "memory");
    else
        __asm__ volatile("hvc #0" : "+r"(x0), "+r"(x1), "+r"(x2), "+r"(x3) :: "memory");
    return x0;
}

/* A semihosting call (ARM DUI 0471 / the semihosting spec): operation in
 * x0, parameter block pointer in x1, trapped by `hlt #0xf000` on A64. */
static inline word_t arm_semihost_call(word_t op, const void *arg)
{
    register word_t x0 __asm__("x0") = op;
    register word_t x1 __asm__("x1") = (word_t)arg;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

/* The semihosting exit call that carries a status on this mode: A64's
 * SYS_EXIT takes a block { reason, subcode }. */
#define ARM_SEMIHOST_EXIT 0x18

static inline void arm_wait_for_interrupt(void)
{
    __asm__ volatile("wfi" ::: "memory");
}
