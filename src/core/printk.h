/*
 * The kernel's debug console output: a small printf over arch_putchar().
 * Supports %c %s %d %i %u %x %p %%, the l/ll/z length modifiers, a field
 * width and the 0 flag (e.g. %016lx).
 */
#pragma once

#include <core/types.h>

void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
