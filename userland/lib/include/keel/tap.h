/*
 * Test Anything Protocol output on the console, as `meson test` with
 * protocol 'tap' reads it: a plan line "1..N", one "ok N - name" or
 * "not ok N - name # reason" per test, and diagnostics as "# ..." lines.
 */
#pragma once

#include <stdbool.h>

void tap_plan(unsigned count);

/* Report the next test point; returns ok. reason may be NULL. */
bool tap_result(bool ok, const char *name, const char *reason);

/* A diagnostic line: "# " followed by the formatted text and a newline. */
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* How many test points failed so far. */
unsigned tap_failures(void);
