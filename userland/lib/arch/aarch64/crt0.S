/*
 * aarch64 user start-up: the kernel enters _start with x0 = the
 * seL4_BootInfo pointer and an undefined sp. Switch to a static 64 KiB
 * stack, call keel_main_start(bi); if it returns, halt the system with a
 * failure status through the DebugHalt syscall, forever.
 */
#define SYS_DEBUG_HALT  (-11)           /* seL4_SysDebugHalt */
#define STACK_SIZE      65536

    .section .text.start, "ax", %progbits
    .globl _start
    .type _start, %function
_start:
    adrp x9, __keel_stack_top
    add x9, x9, :lo12:__keel_stack_top
    mov sp, x9                          /* 16-byte aligned, as the ABI wants */
    mov x29, xzr                        /* end of the frame-pointer chain */
    mov x30, xzr
    bl keel_main_start
1:  mov x0, #1                          /* keel_main_start must not return */
    mov x7, #SYS_DEBUG_HALT
    svc #0
    b 1b
    .size _start, . - _start

    .bss
    .balign 16
    .globl __keel_stack_top
__keel_stack:
    .skip STACK_SIZE
__keel_stack_top:

    .section .note.GNU-stack, "", %progbits
