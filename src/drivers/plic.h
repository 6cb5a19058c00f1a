/*
 * The RISC-V platform-level interrupt controller (SiFive PLIC, "riscv,plic0"):
 * device interrupt sources 1..ndev, each with a priority, routed to one hart
 * context (a hart in one privilege mode) through per-context enable bits, a
 * priority threshold and a claim/complete register. The kernel uses a single
 * context: the boot hart's S-mode one.
 */
#pragma once

#include <core/types.h>

/* base: the virtual address of the register block; context: the hart
 * context to use. Every source starts masked. */
void plic_init(uintptr_t base, unsigned ndev, unsigned context);
unsigned plic_num_sources(void);

/* The highest-priority pending source, now in flight; 0 if none. */
unsigned plic_claim(void);
/* End the in-flight source: the gateway forwards its next request. */
void plic_complete(unsigned source);
void plic_mask(unsigned source);
void plic_unmask(unsigned source);
