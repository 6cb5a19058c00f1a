/*
 * libsel4's assertion macros. As in libsel4 they call __assert_fail, which
 * the C library provides; Keel's runtime (userland/lib/runtime.c) prints the
 * failed expression and halts the machine with a failure status.
 */
#pragma once

void __assert_fail(const char *str, const char *file, int line, const char *function);

#define seL4_Fail(s) __assert_fail(s, __FILE__, __LINE__, __func__)

#define seL4_Assert(expr)                                                \
    do {                                                                 \
        if (!(expr)) {                                                   \
            __assert_fail(#expr, __FILE__, __LINE__, __func__);          \
        }                                                                \
    } while (0)

/* User code is built the same for debug and release kernels: the debug
 * assertions stay (define NDEBUG-style switches in your own build if needed). */
#define seL4_DebugAssert(expr) seL4_Assert(expr)

#define SEL4_COMPILE_ASSERT(name, expr) _Static_assert(expr, #name);
#define seL4_CompileTimeAssert(expr) _Static_assert(expr, #expr)
