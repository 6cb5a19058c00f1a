/*
 * TAP output (see keel/tap.h). Reasons and diagnostics are printed on one
 * line each, since a TAP reader takes every line on its own.
 */
#include <keel/libc.h>
#include <keel/tap.h>

static unsigned next_number = 1;
static unsigned failed;

void tap_plan(unsigned count)
{
    printf("1..%u\n", count);
}

/* Print s with line breaks turned into spaces. */
static void print_one_line(const char *s)
{
    for (; *s != '\0'; s++) {
        putchar(*s == '\n' || *s == '\r' ? ' ' : *s);
    }
}

bool tap_result(bool ok, const char *name, const char *reason)
{
    printf("%sok %u - ", ok ? "" : "not ", next_number++);
    print_one_line(name);
    if (!ok && reason != NULL && reason[0] != '\0') {
        printf(" # ");
        print_one_line(reason);
    }
    putchar('\n');
    if (!ok) {
        failed++;
    }
    return ok;
}

void tap_diag(const char *fmt, ...)
{
    char line[160];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    printf("# ");
    print_one_line(line);
    putchar('\n');
}

unsigned tap_failures(void)
{
    return failed;
}
