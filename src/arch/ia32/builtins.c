/*
 * Compiler support routines: a 32-bit CPU has no 64-bit divide or
 * count-trailing-zeros instruction, so GCC and Clang compile 64-bit `/`,
 * `%` and __builtin_ctzll into calls to libgcc's (compiler-rt's) helpers.
 * Neither the kernel nor the user runtime links a runtime library, so this
 * file provides the few they use to both (physical addresses, the timer
 * calibration, printf's 64-bit numbers): userland/lib builds it too.
 */
#include <stdint.h>

int __ctzdi2(uint64_t x);
uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem);

/* The result for 0 is undefined for the builtin; here it is 64. */
int __ctzdi2(uint64_t x)
{
    uint32_t lo = (uint32_t)x, hi = (uint32_t)(x >> 32);
    if (lo)
        return __builtin_ctz(lo);
    return hi ? 32 + __builtin_ctz(hi) : 64;
}

/* Shift-and-subtract long division, one quotient bit per step. Division by
 * zero is the caller's bug (the kernel never divides by a variable that
 * can be zero); it returns all ones rather than trapping. */
uint64_t __udivmoddi4(uint64_t n, uint64_t d, uint64_t *rem)
{
    uint64_t q = 0, r = 0;
    if (d == 0) {
        if (rem)
            *rem = n;
        return ~0ull;
    }
    for (int i = 63; i >= 0; i--) {
        r = r << 1 | ((n >> i) & 1);
        if (r >= d) {
            r -= d;
            q |= 1ull << i;
        }
    }
    if (rem)
        *rem = r;
    return q;
}

uint64_t __udivdi3(uint64_t n, uint64_t d)
{
    return __udivmoddi4(n, d, 0);
}

uint64_t __umoddi3(uint64_t n, uint64_t d)
{
    uint64_t r;
    __udivmoddi4(n, d, &r);
    return r;
}
