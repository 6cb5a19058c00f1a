/*
 * riscv64 user start-up: the kernel enters _start with a0 = the seL4_BootInfo
 * pointer and an undefined sp. Switch to a static 64 KiB stack, point gp at
 * the small-data area the linker chose (__global_pointer$, if the linker
 * script defines one), call keel_main_start(bi); if it returns, halt the
 * system with a failure status through the DebugHalt syscall, forever.
 */
#define SYS_DEBUG_HALT  (-11)           /* seL4_SysDebugHalt */
#define STACK_SIZE      65536

    .section .text.start, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    /* Without norelax, GNU ld would "relax" this very la into a gp-relative
     * address computed from the gp we are about to set. */
    .option push
    .option norelax
    lla gp, .Lgp_value
    ld gp, 0(gp)                        /* 0 if no __global_pointer$ */
    .option pop
    lla sp, __keel_stack_top            /* 16-byte aligned, as the ABI wants */
    mv fp, zero                         /* end of the frame-pointer chain */
    call keel_main_start
1:  li a0, 1                            /* keel_main_start must not return */
    li a7, SYS_DEBUG_HALT
    ecall
    j 1b
    .size _start, . - _start

    .section .rodata, "a", @progbits
    .balign 8
    .weak __global_pointer$
.Lgp_value:
    .dword __global_pointer$

    .bss
    .balign 16
    .globl __keel_stack_top
__keel_stack:
    .skip STACK_SIZE
__keel_stack_top:

    .section .note.GNU-stack, "", @progbits
