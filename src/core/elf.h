/*
 * A minimal, bounds-checked ELF reader (ELF64, or ELF32 on a 32-bit port) for loading the root task: header
 * validation and the PT_LOAD segments. Every field is checked against the
 * image size before use, because the image comes from outside the kernel.
 */
#pragma once

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct elf_segment {
    uint64_t vaddr;
    uint64_t memsz;
    uint64_t offset;            /* of the file bytes inside the image */
    uint64_t filesz;
    uint32_t flags;             /* ELF_PF_* */
};

#define ELF_PF_X 1u
#define ELF_PF_W 2u
#define ELF_PF_R 4u

/* Checks the header and every PT_LOAD segment: the class of the port's word
 * size (word_bits 64: ELF64, 32: ELF32), little endian, executable, the
 * expected machine, segments inside the image, memsz >= filesz, no address
 * overflow, every segment below user_top. The other functions read an image
 * that passed this check. */
bool elf_check(const void *image, size_t size, unsigned word_bits, uint16_t machine, uint64_t user_top);
uint64_t elf_entry(const void *image);
unsigned elf_num_segments(const void *image);           /* PT_LOAD segments */
bool elf_segment(const void *image, unsigned n, struct elf_segment *seg);
/* Lowest and highest (exclusive) virtual address of all PT_LOAD segments. */
void elf_bounds(const void *image, uint64_t *lo, uint64_t *hi);
