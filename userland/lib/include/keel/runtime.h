/*
 * The contract between crt0 (per architecture) and the generic runtime.
 *
 * The kernel starts the root task at its ELF entry point (_start) with the
 * address of the seL4_BootInfo frame in the first argument register (a0 on
 * riscv64, rdi on x86_64) and NO stack. crt0 points the stack pointer at a
 * 64 KiB stack in .bss (the kernel zero-fills .bss, as the ELF file asks),
 * sets up what the ABI needs (gp on riscv64) and calls keel_main_start(bi).
 */
#pragma once

#include <sel4/bootinfo_types.h>

/* Record the boot information and IPC buffer, run main(), halt the machine
 * with main's return value as the status (0 = pass). Never returns. */
_Noreturn void keel_main_start(seL4_BootInfo *bi);

/* The program's entry point. */
int main(void);
