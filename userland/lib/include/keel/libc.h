/*
 * The little C library a Keel root task gets from libkeel_user: console
 * output over seL4_DebugPutChar and the memory functions compilers call on
 * their own. Not <stdio.h>/<string.h>: a hosted compiler would find its own
 * headers of those names first.
 */
#pragma once

#include <stdarg.h>
#include <stddef.h>

/* printf-style formatting: %c %s %d %i %u %x %X %p %%, with the length
 * modifiers l, ll, z, a field width, and the flags 0 (zero pad) and - (left). */
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap) __attribute__((format(printf, 3, 0)));
int putchar(int c);
int puts(const char *s);

void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
