/*
 * The `tests` root task: runs every registered suite and prints TAP; the
 * machine halts with status 0 when all tests passed and 1 otherwise.
 */
#include <stdarg.h>
#include <keel/tap.h>
#include "test.h"

/* The one registry: add a category's suite here. */
static const struct test_suite *const suites[] = {
    &boot_suite,
    &abi_suite,
    &untyped_suite,
    &cnode_suite,
    &cdt_suite,
    &revoke_suite,
    &tcb_suite, &ipc_suite, &ipc_more_suite, &ipc_fast_suite, &ntfn_suite, &bind_suite, &sched_suite, &fault_suite,
    &vspace_suite,
    &frame_suite,
    &hugepage_suite,
    &devframe_suite,
    &isol_suite,
    &fpu_suite,
    &irq_suite,
    &stress_suite,
    &attack_suite,
};

#define NUM_SUITES (sizeof(suites) / sizeof(suites[0]))

const char *test_fail(const char *fmt, ...)
{
    static char reason[200];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(reason, sizeof(reason), fmt, ap);
    va_end(ap);
    return reason;
}

/* A reason starting with this character means "skipped" (no real reason
 * starts with a control character). */
#define SKIP_MARK '\001'

const char *test_skip(const char *why)
{
    return test_fail("%c%s", SKIP_MARK, why);
}

/* Report one test: a skip is an "ok" with TAP's SKIP directive. */
static void report(const char *name, const char *reason)
{
    static char line[200];

    if (reason != NULL && reason[0] == SKIP_MARK) {
        snprintf(line, sizeof(line), "%s # SKIP %s", name, reason + 1);
        tap_result(true, line, NULL);
    } else {
        tap_result(reason == NULL, name, reason);
    }
}

bool test_in_subsystem(void)
{
    return keel_bootinfo_chunk(seL4_GetBootInfo(), KEEL_BOOTINFO_HEADER_PARENT) != NULL;
}

bool test_cap_withheld(seL4_CPtr slot)
{
    return test_in_subsystem() && seL4_DebugCapIdentify(slot) == KEEL_CAP_NULL;
}

/* A cleanup that fails (test_cleanup_fail) fails the test it cleaned up
 * after: whatever the test left behind that could not be taken back is its
 * fault, and would otherwise pass silently into the next test. */
static char cleanup_reason[200];

void test_cleanup_fail(const char *fmt, ...)
{
    va_list ap;

    if (cleanup_reason[0] != '\0') {
        return;                 /* the first failure says the most */
    }
    va_start(ap, fmt);
    vsnprintf(cleanup_reason, sizeof(cleanup_reason), fmt, ap);
    va_end(ap);
}

static const char *cleanup_verdict(const char *reason)
{
    static char both[200];

    if (cleanup_reason[0] == '\0') {
        return reason;
    }
    snprintf(both, sizeof(both), "cleanup: %s", cleanup_reason);
    cleanup_reason[0] = '\0';
    return both;
}

static unsigned count_tests(void)
{
    unsigned n = 0;

    for (unsigned s = 0; s < NUM_SUITES; s++) {
        n += suites[s]->count;
    }
    return n;
}

int main(void)
{
    tap_plan(count_tests());
    for (unsigned s = 0; s < NUM_SUITES; s++) {
        const char *unavailable = suites[s]->unavailable != NULL ? suites[s]->unavailable() : NULL;
        for (unsigned t = 0; t < suites[s]->count; t++) {
            const struct test *test = &suites[s]->tests[t];
            if (unavailable != NULL) {
                report(test->name, test_skip(unavailable));
                continue;
            }
            const char *reason = test->run();
            if (suites[s]->after_each != NULL) {
                suites[s]->after_each();
            }
            report(test->name, cleanup_verdict(reason));
        }
    }
    tap_diag("%u of %u tests failed", tap_failures(), count_tests());
    return tap_failures() == 0 ? 0 : 1;
}
