/*
 * Word-size types of this architecture (64-bit).
 */
#pragma once

typedef unsigned long seL4_Word;
typedef long seL4_SWord;
#define seL4_WordBits 64
#define seL4_WordSizeBits 3
