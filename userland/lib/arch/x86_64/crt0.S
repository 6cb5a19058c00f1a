/*
 * x86_64 user start-up: the kernel enters _start with rdi = the seL4_BootInfo
 * pointer (the first SysV argument register) and an undefined rsp. Switch to
 * a static 64 KiB stack, call keel_main_start(bi); if it returns, halt the
 * system through the DebugHalt syscall forever.
 */
#define SYS_DEBUG_HALT  (-11)           /* seL4_SysDebugHalt */
#define STACK_SIZE      65536

    .text
    .globl _start
    .type _start, @function
_start:
    leaq crt0_stack_top(%rip), %rsp     /* 16-byte aligned before the call */
    xorl %ebp, %ebp                     /* end of the frame-pointer chain */
    call keel_main_start
1:  movq $SYS_DEBUG_HALT, %rdx
    syscall
    jmp 1b
    .size _start, . - _start

    .bss
    .balign 16
crt0_stack:
    .skip STACK_SIZE
crt0_stack_top:

    .section .note.GNU-stack, "", @progbits
