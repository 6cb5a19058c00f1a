/*
 * The test suite's registry types. Each category file (boot.c, cnode.c ...)
 * defines one `struct test_suite` listing its tests; main.c runs the suites
 * of its table in order and prints TAP.
 *
 * A test is a function returning NULL when it passed, or the reason it failed
 * (from test_fail). Test names are "<CATEGORY><4 digits> <what it shows>",
 * e.g. "BOOT0017 untyped regions are disjoint"; a number is never reused.
 */
#pragma once

#include <stdbool.h>
#include <sel4/sel4.h>
#include <keel/libc.h>

/* The two x86 ports (x86_64, ia32) share most of what the tests see: the
 * x86 object names, I/O ports, the IOAPIC. */
#if defined(__x86_64__) || defined(__i386__)
#define TEST_X86 1
#else
#define TEST_X86 0
#endif

struct test {
    const char *name;
    const char *(*run)(void);
};

struct test_suite {
    const struct test *tests;
    unsigned count;
    void (*after_each)(void);   /* run after every test of the suite, or NULL */
    const char *(*unavailable)(void);  /* why this run cannot test the category (each test skips), or NULL */
};

#define TEST_SUITE(var, array) \
    const struct test_suite var = { array, sizeof(array) / sizeof(array[0]), NULL, NULL }

/* A suite whose tests leave state behind that `after` clears (caps.c). */
#define TEST_SUITE_AFTER_EACH(var, array, after) \
    const struct test_suite var = { array, sizeof(array) / sizeof(array[0]), after, NULL }

/* The same, for a category that some runs cannot test: unavailable() says why. */
#define TEST_SUITE_AFTER_EACH_IF(var, array, after, unavailable) \
    const struct test_suite var = { array, sizeof(array) / sizeof(array[0]), after, unavailable }

/* Format a failure reason into a static buffer and return it. */
const char *test_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* True when a parent task, not the kernel, started this suite (the
 * keel_parent extra-bootinfo chunk): the demo's shell runs it that way. */
bool test_in_subsystem(void);

/* True when a parent task left an initial slot null that the kernel fills:
 * IRQControl and IOPortControl cannot be copied to a subsystem. */
bool test_cap_withheld(seL4_CPtr slot);

/* Called by an after-each hook whose cleanup failed: the test it cleaned
 * up after is reported as failed, with this reason. */
void test_cleanup_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Skip the current test (TAP "# SKIP"), saying why: return its result. */
const char *test_skip(const char *why);

/* Fail the current test with a formatted reason unless cond holds. */
#define CHECK(cond, ...)                      \
    do {                                      \
        if (!(cond)) {                        \
            return test_fail(__VA_ARGS__);    \
        }                                     \
    } while (0)

/* The suites, one per category file. */
extern const struct test_suite boot_suite;
extern const struct test_suite abi_suite;
extern const struct test_suite untyped_suite;
extern const struct test_suite cnode_suite;
extern const struct test_suite cdt_suite;
extern const struct test_suite revoke_suite;
extern const struct test_suite tcb_suite, ipc_suite, ipc_more_suite, ipc_fast_suite, ntfn_suite, bind_suite, sched_suite, fault_suite;
extern const struct test_suite vspace_suite, frame_suite, isol_suite, fpu_suite;
extern const struct test_suite hugepage_suite, devframe_suite;
extern const struct test_suite stress_suite;
extern const struct test_suite irq_suite;
extern const struct test_suite attack_suite;
