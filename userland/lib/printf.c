/*
 * printf and snprintf for root tasks. One formatter writes through a sink:
 * the kernel console (seL4_DebugPutChar) or a caller's buffer. No floating
 * point: user code is built without FPU registers.
 */
#include <stdbool.h>
#include <sel4/sel4.h>
#include <keel/libc.h>

struct sink {
    void (*put)(struct sink *s, char c);
    char *buf;                  /* snprintf only */
    size_t size;
    size_t count;               /* characters produced so far */
};

struct spec {
    size_t width;
    bool zero;                  /* pad numbers with zeros after the sign/prefix */
    bool left;                  /* pad on the right */
    int longs;                  /* 0: int, 1: long or size_t, 2: long long */
};

static void emit(struct sink *s, char c)
{
    s->put(s, c);
    s->count++;
}

static void emit_repeat(struct sink *s, char c, size_t n)
{
    while (n-- > 0) {
        emit(s, c);
    }
}

static void emit_field(struct sink *s, const struct spec *sp, const char *prefix,
                       const char *body, size_t n)
{
    size_t plen = strlen(prefix);
    size_t pad = sp->width > plen + n ? sp->width - plen - n : 0;

    if (!sp->left && !sp->zero) {
        emit_repeat(s, ' ', pad);
    }
    for (size_t i = 0; i < plen; i++) {
        emit(s, prefix[i]);
    }
    if (!sp->left && sp->zero) {
        emit_repeat(s, '0', pad);
    }
    for (size_t i = 0; i < n; i++) {
        emit(s, body[i]);
    }
    if (sp->left) {
        emit_repeat(s, ' ', pad);
    }
}

static void emit_unsigned(struct sink *s, const struct spec *sp, unsigned long long v,
                          unsigned base, bool upper, const char *prefix)
{
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char digits[24];
    size_t i = sizeof(digits);

    do {
        digits[--i] = set[v % base];
        v /= base;
    } while (v != 0);
    emit_field(s, sp, prefix, digits + i, sizeof(digits) - i);
}

static void emit_signed(struct sink *s, const struct spec *sp, long long v)
{
    unsigned long long mag = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;

    emit_unsigned(s, sp, mag, 10, false, v < 0 ? "-" : "");
}

/* Parse flags, width and length modifiers after a '%'; return the conversion. */
static const char *parse_spec(const char *f, struct spec *sp)
{
    for (;; f++) {
        if (*f == '0') {
            sp->zero = true;
        } else if (*f == '-') {
            sp->left = true;
        } else {
            break;
        }
    }
    for (; *f >= '0' && *f <= '9'; f++) {
        sp->width = sp->width * 10 + (size_t)(*f - '0');
    }
    for (; *f == 'l' || *f == 'z'; f++) {
        sp->longs += (*f == 'l' || sp->longs == 0) ? 1 : 0;
    }
    return f;
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
    for (; *fmt != '\0'; fmt++) {
        if (*fmt != '%') {
            emit(s, *fmt);
            continue;
        }
        struct spec sp = {0};
        fmt = parse_spec(fmt + 1, &sp);
        char c = *fmt;
        if (c == 'd' || c == 'i') {
            emit_signed(s, &sp, sp.longs == 0 ? va_arg(ap, int) : sp.longs == 1 ? va_arg(ap, long) : va_arg(ap, long long));
        } else if (c == 'u' || c == 'x' || c == 'X') {
            unsigned long long v = sp.longs == 0 ? va_arg(ap, unsigned) :
                                   sp.longs == 1 ? va_arg(ap, unsigned long) : va_arg(ap, unsigned long long);
            emit_unsigned(s, &sp, v, c == 'u' ? 10 : 16, c == 'X', "");
        } else if (c == 'p') {
            emit_unsigned(s, &sp, (unsigned long long)(seL4_Word)va_arg(ap, void *), 16, false, "0x");
        } else if (c == 's') {
            const char *str = va_arg(ap, const char *);
            str = str != seL4_Null ? str : "(null)";
            sp.zero = false;
            emit_field(s, &sp, "", str, strlen(str));
        } else if (c == 'c') {
            char ch = (char)va_arg(ap, int);
            sp.zero = false;
            emit_field(s, &sp, "", &ch, 1);
        } else if (c == '%') {
            emit(s, '%');
        } else {
            if (c == '\0') {
                return;     /* a lone '%' at the end */
            }
            emit(s, '%');   /* unknown conversion: print it as written */
            emit(s, c);
        }
    }
}

static void put_console(struct sink *s, char c)
{
    (void)s;
    seL4_DebugPutChar(c);
}

static void put_buffer(struct sink *s, char c)
{
    if (s->count + 1 < s->size) {
        s->buf[s->count] = c;
    }
}

int vprintf(const char *fmt, va_list ap)
{
    struct sink s = { .put = put_console };

    format(&s, fmt, ap);
    return (int)s.count;
}

int printf(const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = { .put = put_buffer, .buf = buf, .size = size };

    format(&s, fmt, ap);
    if (size > 0) {
        buf[s.count < size ? s.count : size - 1] = '\0';
    }
    return (int)s.count;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}

int putchar(int c)
{
    seL4_DebugPutChar((char)c);
    return (unsigned char)c;
}

/* Like the C library's: the string and a newline. */
int puts(const char *s)
{
    while (*s != '\0') {
        seL4_DebugPutChar(*s++);
    }
    seL4_DebugPutChar('\n');
    return 0;
}
