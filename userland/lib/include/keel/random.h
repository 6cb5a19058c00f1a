/*
 * A small deterministic pseudo-random generator (xorshift64) for the
 * programs that issue random system calls (STRESS, the fuzzer): the same
 * seed gives the same sequence on every target.
 */
#pragma once

#include <sel4/sel4.h>

/* The next number of the sequence in *state (never 0; a 0 seed is bumped). */
static inline seL4_Word keel_random_next(seL4_Word *state)
{
    seL4_Word x = *state ? *state : (seL4_Word)0x9e3779b97f4a7c15ull;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return x;
}

/* Mostly small numbers (valid slots, labels, lengths), sometimes any word:
 * what random system-call arguments should look like to get past decoding. */
static inline seL4_Word keel_random_arg(seL4_Word *state)
{
    seL4_Word r = keel_random_next(state);
    switch (r & 3) {
    case 0: return r >> (seL4_WordBits - 8);
    case 1: return (r >> 8) & 0xfff;
    case 2: return r >> (seL4_WordBits - 2);
    default: return r;
    }
}
