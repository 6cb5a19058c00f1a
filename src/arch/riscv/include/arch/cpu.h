/*
 * Small riscv64 helpers the core may inline: memory barriers for the
 * page-table walker.
 */
#pragma once

/* Make page-table stores visible to the hardware walker before use. */
static inline void arch_pt_store_barrier(void)
{
    __asm__ volatile("fence rw, rw" ::: "memory");
}
