/*
 * The ARM generic timer's registers as aarch64 reaches them (system
 * registers); the shared driver (drivers/arm_timer.c) uses only these. The
 * kernel uses the EL1 virtual timer: EL1 may always program it, whatever
 * EL2 allows for the physical one.
 */
#pragma once

#include <core/types.h>

static inline uint64_t arm_timer_read_counter(void)
{
    uint64_t v;
    __asm__ volatile("isb; mrs %0, cntvct_el0" : "=r"(v) :: "memory");
    return v;
}

static inline uint64_t arm_timer_read_frequency(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, cntfrq_el0" : "=r"(v));
    return v;
}

static inline uint32_t arm_timer_read_control(void)
{
    uint64_t v;
    __asm__ volatile("mrs %0, cntv_ctl_el0" : "=r"(v) :: "memory");
    return (uint32_t)v;
}

static inline void arm_timer_write_control(uint32_t v)
{
    __asm__ volatile("msr cntv_ctl_el0, %0; isb" :: "r"((uint64_t)v) : "memory");
}

static inline void arm_timer_write_compare(uint64_t v)
{
    __asm__ volatile("msr cntv_cval_el0, %0; isb" :: "r"(v) : "memory");
}
