/*
 * ia32 user start-up: the kernel enters _start with ebx = the seL4_BootInfo
 * pointer (seL4's capRegister on ia32) and an undefined esp. Switch to a
 * static 64 KiB stack, call keel_main_start(bi); if it returns, halt the
 * system through the DebugHalt syscall forever.
 */
#define SYS_DEBUG_HALT  (-11)           /* seL4_SysDebugHalt */
#define STACK_SIZE      65536

    .text
    .globl _start
    .type _start, @function
_start:
    movl $crt0_stack_top, %esp
    xorl %ebp, %ebp                     /* end of the frame-pointer chain */
    subl $12, %esp                      /* 16-byte aligned at the call */
    pushl %ebx
    call keel_main_start
1:  movl $SYS_DEBUG_HALT, %eax
    movl %esp, %ecx
    leal 2f, %edx
2:  sysenter
    jmp 1b
    .size _start, . - _start

/* A new thread's first instructions (thread_arch.c): call esi(ebx) as
 * cdecl wants it, on the thread's own stack. */
    .globl keel_ia32_thread_start
keel_ia32_thread_start:
    pushl %ebx
    pushl $0
    jmp *%esi

    .bss
    .balign 16
crt0_stack:
    .skip STACK_SIZE
crt0_stack_top:

    .section .note.GNU-stack, "", @progbits
