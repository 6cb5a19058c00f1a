/*
 * libsel4-compatible basic types. Shared by user programs and the kernel, so
 * the two agree on every layout that crosses the boundary.
 */
#pragma once

#include <sel4/arch/types.h>

typedef signed char seL4_Int8;
typedef unsigned char seL4_Uint8;
typedef signed short seL4_Int16;
typedef unsigned short seL4_Uint16;
typedef signed int seL4_Int32;
typedef unsigned int seL4_Uint32;
typedef signed long long seL4_Int64;
typedef unsigned long long seL4_Uint64;

typedef seL4_Int8 seL4_Bool;
#define seL4_True  1
#define seL4_False 0

typedef seL4_Word seL4_CPtr;
typedef seL4_Word seL4_NodeId;
typedef seL4_Word seL4_PAddr;
typedef seL4_Word seL4_Domain;
typedef seL4_Word seL4_SlotPos;
typedef seL4_CPtr seL4_CNode;
typedef seL4_CPtr seL4_IRQHandler;
typedef seL4_CPtr seL4_IRQControl;
typedef seL4_CPtr seL4_TCB;
typedef seL4_CPtr seL4_Untyped;
typedef seL4_CPtr seL4_DomainSet;

#define seL4_Null ((void *)0)
#define LIBSEL4_INLINE_FUNC static inline
#define LIBSEL4_INLINE static inline
#define LIBSEL4_UNUSED __attribute__((unused))
#define LIBSEL4_WEAK __attribute__((weak))
#define LIBSEL4_NOINLINE __attribute__((noinline))
#define LIBSEL4_BIT(n) (1ul << (n))
#define SEL4_PACKED __attribute__((packed))
#define SEL4_DEPRECATED(x) __attribute__((deprecated(x)))
#define SEL4_OFFSETOF(type, member) __builtin_offsetof(type, member)

/* libsel4's two storage modes for the IPC buffer pointer: thread-local
 * (CONFIG_LIB_SEL4_USE_THREAD_LOCALS, libsel4's LibSel4UseThreadLocals, on
 * by default) or one plain global for programs without TLS (build with
 * -DCONFIG_LIB_SEL4_USE_THREAD_LOCALS=0, the runtime library too). */
#ifndef CONFIG_LIB_SEL4_USE_THREAD_LOCALS
#define CONFIG_LIB_SEL4_USE_THREAD_LOCALS 1
#endif
#if CONFIG_LIB_SEL4_USE_THREAD_LOCALS
#define LIBSEL4_THREAD_LOCAL __thread
#else
#define LIBSEL4_THREAD_LOCAL
#endif
