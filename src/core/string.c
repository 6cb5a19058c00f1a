/*
 * Freestanding memory helpers. Byte loops are enough: the hot paths (IPC)
 * copy a few words with explicit loops and never call these.
 */
#include <core/string.h>
#include <stdint.h>

/* Word-at-a-time once aligned: resetting an Untyped clears megabytes. */
typedef unsigned long __attribute__((may_alias)) word_alias_t;

void *memset(void *dst, int c, size_t n)
{
    unsigned char *d = dst;
    while (n && ((uintptr_t)d & (sizeof(word_alias_t) - 1))) {
        *d++ = (unsigned char)c;
        n--;
    }
    word_alias_t w = (unsigned char)c;
    w |= w << 8;
    w |= w << 16;
    w |= (w << 16) << 16;
    for (; n >= sizeof(w); n -= sizeof(w), d += sizeof(w))
        *(word_alias_t *)d = w;
    while (n--)
        *d++ = (unsigned char)c;
    return dst;
}

void *memcpy(void *restrict dst, const void *restrict src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    while (n--)
        *d++ = *s++;
    return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
    unsigned char *d = dst;
    const unsigned char *s = src;
    if (d < s) {
        while (n--)
            *d++ = *s++;
    } else {
        while (n--)
            d[n] = s[n];
    }
    return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const unsigned char *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
