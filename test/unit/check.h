/*
 * A tiny TAP producer for the host unit tests: CHECK(cond, name) prints one
 * test point; check_done() prints the plan and returns the exit status.
 */
#pragma once

#include <stdio.h>

static int check_count, check_failed;

/* Unbuffered, so a hang or crash still shows the last test point. */
__attribute__((constructor)) static void check_unbuffered(void) { setvbuf(stdout, NULL, _IONBF, 0); }

#define CHECK(cond, ...) do {                                           \
        int ok_ = !!(cond);                                             \
        check_count++;                                                  \
        if (!ok_) check_failed++;                                       \
        printf("%s %d - ", ok_ ? "ok" : "not ok", check_count);         \
        printf(__VA_ARGS__);                                            \
        if (!ok_) printf(" # %s:%d: %s", __FILE__, __LINE__, #cond);    \
        printf("\n");                                                   \
    } while (0)

static inline int check_done(void)
{
    printf("1..%d\n", check_count);
    return check_failed ? 1 : 0;
}
