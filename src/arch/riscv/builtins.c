/*
 * Compiler support routines. rv64imac has no count-leading/trailing-zeros
 * instruction (that is the Zbb extension), so GCC compiles __builtin_clz*
 * and __builtin_ctz* into calls to libgcc's helpers; the kernel links no
 * libgcc (with zicsr in -march GCC would even pick the hard-float one), so
 * it provides them. Results for 0 are undefined for the builtins; here they
 * are the word width.
 */
#include <core/types.h>

int __clzdi2(uint64_t x);
int __ctzdi2(uint64_t x);
int __clzsi2(uint32_t x);
int __ctzsi2(uint32_t x);

/* Binary search: halve the window that holds the highest set bit. */
int __clzdi2(uint64_t x)
{
    int n = 0;
    if (x == 0)
        return 64;
    for (unsigned shift = 32; shift; shift >>= 1) {
        if ((x >> (64 - shift)) == 0) {
            n += (int)shift;
            x <<= shift;
        }
    }
    return n;
}

int __ctzdi2(uint64_t x)
{
    int n = 0;
    if (x == 0)
        return 64;
    for (unsigned shift = 32; shift; shift >>= 1) {
        if ((x & ((1ull << shift) - 1)) == 0) {
            n += (int)shift;
            x >>= shift;
        }
    }
    return n;
}

int __clzsi2(uint32_t x)
{
    return x ? __clzdi2(x) - 32 : 32;
}

int __ctzsi2(uint32_t x)
{
    return x ? __ctzdi2(x) : 32;
}
