/*
 * kprintf: formatted output on the kernel debug console. Only what kernel
 * messages need: %c %s %d %i %u %x %p %%, l/ll/z modifiers, width and 0 flag.
 */
#include <stdarg.h>
#include <core/hal.h>
#include <core/printk.h>

static void put_unsigned(unsigned long long v, unsigned base, int width, char pad)
{
    char buf[24];
    int n = 0;
    do {
        buf[n++] = "0123456789abcdef"[v % base];
        v /= base;
    } while (v);
    while (width-- > n)
        arch_putchar(pad);
    while (n--)
        arch_putchar(buf[n]);
}

static void put_string(const char *s, int width)
{
    if (!s)
        s = "(null)";
    int n = 0;
    while (s[n])
        n++;
    while (width-- > n)
        arch_putchar(' ');
    while (*s)
        arch_putchar(*s++);
}

/* Reads one integer argument of the given length class. */
static unsigned long long get_arg(va_list *ap, int longs, bool is_signed, bool *neg)
{
    long long s;
    if (!is_signed) {
        if (longs >= 2) return va_arg(*ap, unsigned long long);
        if (longs == 1) return va_arg(*ap, unsigned long);
        return va_arg(*ap, unsigned int);
    }
    if (longs >= 2) s = va_arg(*ap, long long);
    else if (longs == 1) s = va_arg(*ap, long);
    else s = va_arg(*ap, int);
    *neg = s < 0;
    return *neg ? 0ull - (unsigned long long)s : (unsigned long long)s;
}

static void vkprintf(const char *fmt, va_list ap_in)
{
    va_list ap;
    va_copy(ap, ap_in);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            arch_putchar(*fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0, longs = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        while (*fmt == 'l' || *fmt == 'z') {
            longs++;
            fmt++;
        }
        bool neg = false;
        unsigned long long v;
        switch (*fmt) {
        case 'c': arch_putchar(va_arg(ap, int)); break;
        case 's': put_string(va_arg(ap, const char *), width); break;
        case 'd': case 'i':
            v = get_arg(&ap, longs, true, &neg);
            if (neg) {
                arch_putchar('-');
                width--;
            }
            put_unsigned(v, 10, width, pad);
            break;
        case 'u': put_unsigned(get_arg(&ap, longs, false, &neg), 10, width, pad); break;
        case 'x': put_unsigned(get_arg(&ap, longs, false, &neg), 16, width, pad); break;
        case 'p':
            arch_putchar('0');
            arch_putchar('x');
            put_unsigned((uintptr_t)va_arg(ap, void *), 16, width, pad);
            break;
        case '%': arch_putchar('%'); break;
        case '\0': va_end(ap); return;
        default: arch_putchar('%'); arch_putchar(*fmt); break;
        }
    }
    va_end(ap);
}

void kprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vkprintf(fmt, ap);
    va_end(ap);
}

void panic(const char *fmt, ...)
{
    va_list ap;
    kprintf("\nkeel: PANIC: ");
    va_start(ap, fmt);
    vkprintf(fmt, ap);
    va_end(ap);
    kprintf("\n");
    arch_panic_halt();
}
