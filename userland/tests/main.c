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
        for (unsigned t = 0; t < suites[s]->count; t++) {
            const struct test *test = &suites[s]->tests[t];
            const char *reason = test->run();
            tap_result(reason == NULL, test->name, reason);
        }
    }
    tap_diag("%u of %u tests failed", tap_failures(), count_tests());
    return tap_failures() == 0 ? 0 : 1;
}
