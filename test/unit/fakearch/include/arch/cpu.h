/* Fake CPU helpers for the host unit tests. */
#pragma once

static inline void arch_pt_store_barrier(void) {}
