/*
 * Basic types and helpers shared by the whole kernel. Only freestanding C11
 * headers are used; word sizes come from the port's <arch/types.h>.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BIT(n)          ((word_t)1 << (n))
#define MASK(n)         (BIT(n) - 1)
#define ALIGN_DOWN(x, a) ((x) & ~((a) - 1))
#define ALIGN_UP(x, a)   (((x) + (a) - 1) & ~((a) - 1))
#define IS_ALIGNED(x, bits) (((x) & MASK(bits)) == 0)
#define ARRAY_SIZE(a)   (sizeof(a) / sizeof((a)[0]))
#define UNUSED          __attribute__((unused))
#define NORETURN        _Noreturn
#define likely(x)       __builtin_expect(!!(x), 1)
#define unlikely(x)     __builtin_expect(!!(x), 0)
#define MIN(a, b)       ((a) < (b) ? (a) : (b))
#define MAX(a, b)       ((a) > (b) ? (a) : (b))

/* Mapping permissions handed from the core's page-table walker to the port's
 * PTE encoder (<arch/pte.h>). */
enum vm_flags {
    VM_READ   = 1u << 0,
    VM_WRITE  = 1u << 1,
    VM_EXEC   = 1u << 2,
    VM_USER   = 1u << 3,
    VM_DEVICE = 1u << 4,        /* device memory (a frame from a device Untyped) */
    VM_GLOBAL = 1u << 5,        /* in every address space: kernel mappings only */
    VM_UNCACHED = 1u << 6,      /* RAM the mapping's attributes ask to be uncached */
};
