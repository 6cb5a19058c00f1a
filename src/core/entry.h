/*
 * The way out of the kernel, shared by every entry point: check invariants
 * (test builds), carry out the scheduling decision, pick the context to restore.
 */
#pragma once

#include <core/hal.h>

/* How a kernel operation ended. */
enum exception {
    EXC_NONE = 0,
    EXC_SYSCALL_ERROR,          /* decode failed: the error is in current_error */
    EXC_PREEMPTED,              /* a timer tick is due: the syscall restarts */
    EXC_FAULT,                  /* the thread faulted (e.g. capability fault) */
};

struct arch_context *kernel_exit(void);
void invariants_check(void);
void invariants_check_cdt(void);        /* the memory and CDT part alone */
/* Boot tells the checker which Untypeds it handed out (their memory). */
void invariants_add_boot_untyped(word_t base, word_t size);

/* Long operations call this between units of work: true means stop here,
 * with everything consistent, and let the syscall restart later. */
bool preemption_point(void);
extern word_t fastpath_hits;            /* debug kernels: fast cases completed */
bool preemption_point_work(unsigned units);
bool preemption_point_now(void);           /* a large unit: poll the timer now */
/* Service a pending interrupt from inside a preempted syscall. */
void handle_pending_interrupt(void);
