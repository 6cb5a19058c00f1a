/* What the fake HAL recorded (see fake_hal.c). */
#pragma once

#include <setjmp.h>
#include <core/hal.h>

struct fake_hal {
    int roots_initialised;
    paddr_t active_root;
    word_t active_asid;
    int tlb_flushes;
    int timer_resets;
    bool timer_pending;
    word_t active_irq;
    int irq_acks, irq_masks, irq_unmasks;
};

extern struct fake_hal fake;

/* Set by a test that expects the core to panic: arch_panic_halt jumps here. */
extern jmp_buf *fake_panic_jmp;
