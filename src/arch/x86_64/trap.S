/*
 * x86_64 kernel entries and the exit to user mode.
 *
 * One kernel stack, single CPU. A user thread enters through
 *  - `syscall` (LSTAR): rsp is still the user's, IF is cleared by SFMASK;
 *  - an IDT gate (exception or interrupt): the CPU switches to TSS.rsp0 (the
 *    top of the kernel stack) and pushes ss, rsp, rflags, cs, rip (+ error).
 * Either way the user registers are stored into x86_cur_ctx, the
 * struct arch_context last passed to arch_restore_user(), and C is called on
 * a fresh kernel stack. Nothing is ever returned through: each C handler ends
 * in arch_restore_user() or panics.
 *
 * SMP will need per-CPU x86_cur_ctx, scratch and stacks, reached with swapgs.
 */
#include "ctx_offsets.h"
#include <core/asm_layout.h>

/* The 256 IDT stubs (src/arch/x86/vector_stubs.S) push an error code
 * (a dummy where the CPU pushes none) and the vector, and come here. */
    .text
    .globl x86_trap_common
/* Stack here: 0 vector, 8 error, 16 rip, 24 cs, 32 rflags, 40 rsp, 48 ss. */
x86_trap_common:
    cld                                 /* C expects DF = 0; user may have set it */
    testb $3, 24(%rsp)
    jz trap_from_kernel
    pushq %rax
    movq x86_cur_ctx(%rip), %rax
    movq %rbx, CTX_RBX(%rax)
    movq %rcx, CTX_RCX(%rax)
    movq %rdx, CTX_RDX(%rax)
    movq %rsi, CTX_RSI(%rax)
    movq %rdi, CTX_RDI(%rax)
    movq %rbp, CTX_RBP(%rax)
    movq %r8, CTX_R8(%rax)
    movq %r9, CTX_R9(%rax)
    movq %r10, CTX_R10(%rax)
    movq %r11, CTX_R11(%rax)
    movq %r12, CTX_R12(%rax)
    movq %r13, CTX_R13(%rax)
    movq %r14, CTX_R14(%rax)
    movq %r15, CTX_R15(%rax)
    popq %rbx                           /* the user's rax */
    movq %rbx, CTX_RAX(%rax)
    movq 16(%rsp), %rbx
    movq %rbx, CTX_RIP(%rax)
    movq 32(%rsp), %rbx
    movq %rbx, CTX_RFLAGS(%rax)
    movq 40(%rsp), %rbx
    movq %rbx, CTX_RSP(%rax)
    cmpb $0, x86_fpu_off(%rip)          /* CR0.TS set: the image is current */
    jne 1f
    fxsave64 CTX_FPU(%rax)
1:
    movq (%rsp), %rdi                   /* vector */
    movq 8(%rsp), %rsi                  /* error code */
    leaq x86_kernel_stack_top(%rip), %rsp
    xorl %ebp, %ebp
    call x86_user_trap
    ud2

/* A trap taken in ring 0: the idle loop's interrupts, or a kernel bug (the
 * C side panics). Save everything on the stack as struct x86_kernel_frame;
 * if the handler returns, resume the interrupted code. */
trap_from_kernel:
    pushq %rax
    pushq %rbx
    pushq %rcx
    pushq %rdx
    pushq %rsi
    pushq %rdi
    pushq %rbp
    pushq %r8
    pushq %r9
    pushq %r10
    pushq %r11
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, %rdi
    call x86_kernel_trap
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %r11
    popq %r10
    popq %r9
    popq %r8
    popq %rbp
    popq %rdi
    popq %rsi
    popq %rdx
    popq %rcx
    popq %rbx
    popq %rax
    addq $16, %rsp                      /* vector and error code */
    iretq

/* ---- `syscall`: rcx = user rip, r11 = user rflags, rsp = user rsp. The
 * context itself is used as the save area, so rsp is free to point at it. */
    .globl x86_syscall_entry
x86_syscall_entry:
    movq %rsp, x86_syscall_scratch(%rip)
    movq x86_cur_ctx(%rip), %rsp
    movq %rax, CTX_RAX(%rsp)
    movq %rbx, CTX_RBX(%rsp)
    movq %rcx, CTX_RCX(%rsp)
    movq %rdx, CTX_RDX(%rsp)
    movq %rsi, CTX_RSI(%rsp)
    movq %rdi, CTX_RDI(%rsp)
    movq %rbp, CTX_RBP(%rsp)
    movq %r8, CTX_R8(%rsp)
    movq %r9, CTX_R9(%rsp)
    movq %r10, CTX_R10(%rsp)
    movq %r11, CTX_R11(%rsp)
    movq %r12, CTX_R12(%rsp)
    movq %r13, CTX_R13(%rsp)
    movq %r14, CTX_R14(%rsp)
    movq %r15, CTX_R15(%rsp)
    movq %rcx, CTX_RIP(%rsp)
    movq %r11, CTX_RFLAGS(%rsp)
    cmpb $0, x86_fpu_off(%rip)          /* CR0.TS set: the image is current */
    jne 1f
    fxsave64 CTX_FPU(%rsp)
1:
    movq x86_syscall_scratch(%rip), %rax
    movq %rax, CTX_RSP(%rsp)
    leaq x86_kernel_stack_top(%rip), %rsp
#if KEEL_FASTPATH && KEEL_ARCH_FASTPATH
/* The IPC fastpath (fastpath.S) finds the capability, the message info and
 * the message registers live; it clears DF itself before it calls C. It
 * never returns. */
    cmpq $ASM_SYS_CALL, %rdx
    je x86_fastpath_call
    cmpq $ASM_SYS_REPLY_RECV, %rdx
    je x86_fastpath_reply_recv
#endif
    cld                                 /* C expects DF = 0; user may have set it */
    xorl %ebp, %ebp
#if KEEL_FASTPATH && !KEEL_ARCH_FASTPATH
/* The portable fastpath (core/fastpath.c): rdi (capability) and rsi
 * (message info) still hold the user's values, its two arguments. */
    cmpq $ASM_SYS_CALL, %rdx
    je .Lfast_call
    cmpq $ASM_SYS_REPLY_RECV, %rdx
    je .Lfast_reply_recv
#endif
    movq %rdx, %rdi                     /* the syscall number */
    call core_syscall
    movq %rax, %rdi
    call arch_restore_user
    ud2
#if KEEL_FASTPATH && !KEEL_ARCH_FASTPATH
.Lfast_call:
    call fastpath_call
    ud2
.Lfast_reply_recv:
    call fastpath_reply_recv
    ud2
#endif

/* ---- every exit: the user's data segment registers and FS base are
 * exactly the thread's own, whatever a thread that ran before did. User
 * mode can load a selector into DS/ES/FS/GS (which also resets the FS or
 * GS base), so neither the selectors nor the FS base MSR can be trusted
 * to still hold what the kernel wrote: the selectors become null and the
 * FS base is written, on every exit. The GS base needs no write: the
 * kernel never changes it from 0, and every descriptor ring 3 may load
 * has base 0 (CR4.FSGSBASE is off, swapgs is privileged). Clobbers rax,
 * rcx, rdx. */
.macro user_segments
    xorl %eax, %eax
    movl %eax, %ds
    movl %eax, %es
    movl %eax, %fs
    movl %eax, %gs
    movl $X86_MSR_FS_BASE, %ecx
    movl CTX_FS_BASE(%rdi), %eax
    movl CTX_FS_BASE+4(%rdi), %edx
    wrmsr
.endm

/* The FPU image of the thread in rdi into the registers (what trap.c's
 * fpu_load() does): CR0.TS cleared first if it was set, and set again for a
 * thread with seL4_TCBFlag_fpuDisabled, whose FP/SSE instructions then
 * raise #NM (its UserException). While TS is set (x86_fpu_off) the entries
 * skip fxsave64, which would fault: that thread cannot have changed its
 * registers. Uses rax. */
.macro x86_fpu_load_rdi
    cmpb $0, x86_fpu_off(%rip)
    je 1f
    clts
    movb $0, x86_fpu_off(%rip)
1:  fxrstor64 CTX_FPU(%rdi)
    testq $ASM_TCB_FLAG_FPU_DISABLED, ASM_TCB_FLAGS(%rdi)
    jz 2f
    movq %cr0, %rax
    orq $CR0_TS, %rax
    movq %rax, %cr0
    movb $1, x86_fpu_off(%rip)
2:
.endm

/* ---- x86_sysret_to_user(ctx): the fastpath's exit, for a thread that
 * entered through `syscall`. rip and the FS base are already checked (canonical). sysretq takes rip from rcx and rflags from r11, which the
 * syscall ABI gives up anyway; interrupts stay off until it, so the user
 * rsp is safe to load first. */
    .globl x86_sysret_to_user
x86_sysret_to_user:
    x86_fpu_load_rdi
    user_segments
    movq CTX_RIP(%rdi), %rcx
    movq CTX_RFLAGS(%rdi), %r11
    andl $RFLAGS_USER, %r11d            /* as arch_restore_user does */
    orl $(RFLAGS_IF | RFLAGS_FIXED), %r11d
    movq CTX_RAX(%rdi), %rax
    movq CTX_RBX(%rdi), %rbx
    movq CTX_RDX(%rdi), %rdx
    movq CTX_RSI(%rdi), %rsi
    movq CTX_RBP(%rdi), %rbp
    movq CTX_R8(%rdi), %r8
    movq CTX_R9(%rdi), %r9
    movq CTX_R10(%rdi), %r10
    movq CTX_R12(%rdi), %r12
    movq CTX_R13(%rdi), %r13
    movq CTX_R14(%rdi), %r14
    movq CTX_R15(%rdi), %r15
    movq CTX_RSP(%rdi), %rsp
    movq CTX_RDI(%rdi), %rdi
    sysretq

/* ---- x86_return_to_user(ctx): rflags and FS base are already checked. The
 * iretq frame is built at the top of the kernel stack. */
    .globl x86_return_to_user
x86_return_to_user:
    user_segments
    leaq x86_kernel_stack_top(%rip), %rsp
    pushq $SEL_USER_SS
    pushq CTX_RSP(%rdi)
    pushq CTX_RFLAGS(%rdi)
    pushq $SEL_USER_CS
    pushq CTX_RIP(%rdi)
    movq CTX_RAX(%rdi), %rax
    movq CTX_RBX(%rdi), %rbx
    movq CTX_RCX(%rdi), %rcx
    movq CTX_RDX(%rdi), %rdx
    movq CTX_RSI(%rdi), %rsi
    movq CTX_RBP(%rdi), %rbp
    movq CTX_R8(%rdi), %r8
    movq CTX_R9(%rdi), %r9
    movq CTX_R10(%rdi), %r10
    movq CTX_R11(%rdi), %r11
    movq CTX_R12(%rdi), %r12
    movq CTX_R13(%rdi), %r13
    movq CTX_R14(%rdi), %r14
    movq CTX_R15(%rdi), %r15
    movq CTX_RDI(%rdi), %rdi
    iretq

/* ---- idle: nothing to run. Wait for an interrupt on a fresh kernel stack;
 * the timer's trap_from_kernel path leaves through arch_restore_user(). */
    .globl x86_idle, x86_idle_end
x86_idle:
    leaq x86_kernel_stack_top(%rip), %rsp
    sti
1:  hlt
    jmp 1b
x86_idle_end:

/* ---- stacks ---- */
    .bss
    .balign 16
x86_syscall_scratch:
    .quad 0
    .globl x86_fpu_off
x86_fpu_off:                            /* CR0.TS is set (see x86_fpu_load_rdi) */
    .byte 0
    .balign 16
    .globl x86_kernel_stack, x86_kernel_stack_top
x86_kernel_stack:
    .skip KSTACK_SIZE
x86_kernel_stack_top:
    .globl x86_ist_fatal_top, x86_ist_debug_top
    .skip 4096
x86_ist_fatal_top:                      /* NMI, #DF, #MC: known-good stack */
    .skip 4096
x86_ist_debug_top:                      /* #DB: may hit on the syscall entry */

    .section .note.GNU-stack, "", @progbits
