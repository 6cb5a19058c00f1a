/*
 * ia32 kernel entries and the exit to user mode.
 *
 * One kernel stack, single CPU. A user thread enters through
 *  - `sysenter`: esp = IA32_SYSENTER_ESP (the kernel stack top), IF cleared,
 *    the user's esp in ecx and return address in edx (the syscall ABI);
 *  - an IDT gate (exception, interrupt, or `int $0x80` on a CPU without
 *    sysenter): the CPU switches to TSS.esp0 (the kernel stack top) and
 *    pushes ss, esp, eflags, cs, eip (+ error).
 * Either way the user registers are stored into x86_cur_ctx, the
 * struct arch_context last passed to arch_restore_user(), and C is called on
 * a fresh kernel stack. ds and es are reloaded first: user mode may have
 * loaded any of its selectors there, the TLS ones (whose base is not 0)
 * included. Nothing is ever returned through: each C handler ends in
 * arch_restore_user() or panics.
 */
#include "ctx_offsets.h"
#include <core/asm_layout.h>

/* The 256 IDT stubs (src/arch/x86/vector_stubs.S) push an error code
 * (a dummy where the CPU pushes none) and the vector, and come here. */
    .text
    .globl x86_trap_common
/* Stack here: 0 vector, 4 error, 8 eip, 12 cs, 16 eflags, 20 esp, 24 ss. */
x86_trap_common:
    cld                                 /* C expects DF = 0; user may have set it */
    testb $3, 12(%esp)
    jz trap_from_kernel
    pushl %eax                          /* now: 4 vector, 8 error, 12 eip ... */
    movl $SEL_KDATA, %eax
    movl %eax, %ds
    movl %eax, %es
    movl x86_cur_ctx, %eax
    movl %ebx, CTX_EBX(%eax)
    movl %ecx, CTX_ECX(%eax)
    movl %edx, CTX_EDX(%eax)
    movl %esi, CTX_ESI(%eax)
    movl %edi, CTX_EDI(%eax)
    movl %ebp, CTX_EBP(%eax)
    popl %ebx                           /* the user's eax */
    movl %ebx, CTX_EAX(%eax)
    movl 8(%esp), %ebx
    movl %ebx, CTX_EIP(%eax)
    movl 16(%esp), %ebx
    movl %ebx, CTX_EFLAGS(%eax)
    movl 20(%esp), %ebx
    movl %ebx, CTX_ESP(%eax)
    cmpb $0, x86_fpu_off                /* CR0.TS set: the image is current */
    jne 1f
    fxsave CTX_FPU(%eax)
1:
    movl (%esp), %ecx                   /* vector */
    movl 4(%esp), %edx                  /* error code */
    movl $x86_kernel_stack_top, %esp
    xorl %ebp, %ebp
    pushl %edx
    pushl %ecx
    call x86_user_trap
    ud2

/* A trap taken in ring 0: the idle loop's interrupts, a #DB right after a
 * sysenter with TF set, or a kernel bug (the C side panics). pushal saves
 * the registers as struct x86_kernel_frame; if the handler returns, resume
 * the interrupted code. */
trap_from_kernel:
    pushal
    pushl %esp
    call x86_kernel_trap
    addl $4, %esp
    popal
    addl $8, %esp                       /* vector and error code */
    iret

/* ---- `sysenter`: eax = syscall number, ebx = capability, esi = message
 * info, edi and ebp = message registers, ecx = user esp, edx = the address
 * of the sysenter instruction (seL4's stubs: `leal 1f, %edx; 1: sysenter`),
 * so the thread resumes 2 bytes further. eflags are the user's but for IF. */
    .globl x86_sysenter_entry
x86_sysenter_entry:
    pushfl
    pushl %eax
    movl $SEL_KDATA, %eax
    movl %eax, %ds
    movl %eax, %es
    movl x86_cur_ctx, %eax
    movl %ebx, CTX_EBX(%eax)
    movl %ecx, CTX_ECX(%eax)
    movl %edx, CTX_EDX(%eax)
    movl %esi, CTX_ESI(%eax)
    movl %edi, CTX_EDI(%eax)
    movl %ebp, CTX_EBP(%eax)
    movl %ecx, CTX_ESP(%eax)
    leal 2(%edx), %ecx                  /* as seL4: edx is the sysenter itself */
    movl %ecx, CTX_EIP(%eax)
    popl %edx                           /* the user's eax: the syscall number */
    movl %edx, CTX_EAX(%eax)
    popl %ecx
    orl $EFLAGS_IF, %ecx                /* user mode always runs with IF */
    movl %ecx, CTX_EFLAGS(%eax)
    cmpb $0, x86_fpu_off                /* CR0.TS set: the image is current */
    jne 1f
    fxsave CTX_FPU(%eax)
1:
    movl $x86_kernel_stack_top, %esp
    cld
    xorl %ebp, %ebp
#if KEEL_FASTPATH
/* The portable fastpath (core/fastpath.c) takes the capability and the
 * message info, still in ebx and esi. */
    cmpl $ASM_SYS_CALL, %edx
    je .Lfast_call
    cmpl $ASM_SYS_REPLY_RECV, %edx
    je .Lfast_reply_recv
#endif
    pushl %edx
    call core_syscall
    pushl %eax
    call arch_restore_user
    ud2
#if KEEL_FASTPATH
.Lfast_call:
    pushl %esi
    pushl %ebx
    call fastpath_call
    ud2
.Lfast_reply_recv:
    pushl %esi
    pushl %ebx
    call fastpath_reply_recv
    ud2
#endif

/* ---- x86_sysexit_to_user(ctx): the exit for a thread that entered
 * through sysenter: sysexit takes eip from edx and esp from ecx,
 * which the syscall ABI gives up. eflags (checked) come back through popfl
 * with IF still clear; `sti` enables interrupts only after the next
 * instruction, sysexit itself. */
    .globl x86_sysexit_to_user
x86_sysexit_to_user:
    movl 4(%esp), %eax
    movl CTX_EFLAGS(%eax), %ecx
    andl $~EFLAGS_IF, %ecx
    pushl %ecx
    popfl
    movl $SEL_USER_FS, %ecx
    movl %ecx, %fs
    movl $SEL_USER_GS, %ecx
    movl %ecx, %gs
    movl $SEL_USER_DS, %ecx
    movl CTX_EBX(%eax), %ebx
    movl CTX_ESI(%eax), %esi
    movl CTX_EDI(%eax), %edi
    movl CTX_EBP(%eax), %ebp
    movl CTX_EIP(%eax), %edx
    movl %ecx, %ds                      /* the last kernel data access is below */
    movl %ecx, %es
    movl %ss:CTX_ESP(%eax), %ecx
    movl %ss:CTX_EAX(%eax), %eax
    sti
    sysexit

/* ---- x86_return_to_user(ctx): eflags and the TLS descriptors are already
 * set. The iret frame is built at the top of the kernel stack. */
    .globl x86_return_to_user
x86_return_to_user:
    movl 4(%esp), %eax
    movl $x86_kernel_stack_top, %esp
    pushl $SEL_USER_DS
    pushl CTX_ESP(%eax)
    pushl CTX_EFLAGS(%eax)
    pushl $SEL_USER_CS
    pushl CTX_EIP(%eax)
    movl $SEL_USER_FS, %ebx
    movl %ebx, %fs
    movl $SEL_USER_GS, %ebx
    movl %ebx, %gs
    movl CTX_EBX(%eax), %ebx
    movl CTX_ECX(%eax), %ecx
    movl CTX_EDX(%eax), %edx
    movl CTX_ESI(%eax), %esi
    movl CTX_EDI(%eax), %edi
    movl CTX_EBP(%eax), %ebp
    pushl CTX_EAX(%eax)
    movl $SEL_USER_DS, %eax
    movl %eax, %ds
    movl %eax, %es
    popl %eax
    iret

/* ---- idle: nothing to run. Wait for an interrupt on a fresh kernel stack;
 * the timer's trap_from_kernel path leaves through arch_restore_user(). */
    .globl x86_idle, x86_idle_end
x86_idle:
    movl $x86_kernel_stack_top, %esp
    sti
1:  hlt
    jmp 1b
x86_idle_end:

/* ---- the kernel stack ---- */
    .bss
    .globl x86_fpu_off
x86_fpu_off:                            /* CR0.TS is set (src/arch/x86/trap.c) */
    .byte 0
    .balign 16
    .globl x86_kernel_stack, x86_kernel_stack_top
x86_kernel_stack:
    .skip KSTACK_SIZE
x86_kernel_stack_top:

    .section .note.GNU-stack, "", @progbits
