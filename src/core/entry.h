/*
 * The way out of the kernel, shared by every entry point: check invariants
 * (test builds), carry out the scheduling decision, pick the context to restore.
 */
#pragma once

#include <core/hal.h>

struct arch_context *kernel_exit(void);
void invariants_check(void);
