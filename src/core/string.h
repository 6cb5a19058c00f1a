/*
 * The few memory helpers the kernel needs; compilers also emit calls to
 * memset/memcpy/memmove/memcmp on their own, so these names are fixed.
 */
#pragma once

#include <stddef.h>

void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
