/*
 * The x86_64 IPC fastpath: seL4_Call and seL4_ReplyRecv in their common
 * case, in assembly. core/fastpath.c is the reference: the checks and the
 * effects below are exactly its, step by step, and its comments say which
 * part of the slow path each one stands for. Layouts come from
 * core/asm_layout.h.
 *
 * Entered from x86_syscall_entry with the whole user context (FXSAVE image
 * included) saved in x86_cur_ctx, the current thread's, rsp at the top of
 * the kernel stack, DF as the user left it (cleared before every C call
 * here; nothing else depends on it), and these user registers still live: rdi = the
 * capability, rsi = the message info, r10, r8, r9, r15 = the message
 * registers. Every check comes before any change; a failed check enters
 * the slow path (core_syscall), which reads the saved context, so nothing
 * here needs undoing.
 *
 * Register use: rbx = the current thread, rbp = the endpoint capability's
 * slot, r12 = that capability's word 0, r13 = the endpoint, r14 = the
 * thread switched to (all callee-saved: they survive the C calls); rax,
 * rcx, rdx, r11 are scratch. After a C call the live user registers are
 * loaded again from the context (r15 is callee-saved and survives).
 */
#include "ctx_offsets.h"
#include <core/asm_layout.h>

#define MSG_REGS 4              /* ARCH_NUM_MSG_REGS: r10, r8, r9, r15 */

.macro reload_user
    movq CTX_RDI(%rbx), %rdi
    movq CTX_RSI(%rbx), %rsi
    movq CTX_R10(%rbx), %r10
    movq CTX_R8(%rbx), %r8
    movq CTX_R9(%rbx), %r9
.endm

/* rbx = the current thread; checking builds make sure that it is the
 * context the entry saved into. */
.macro load_current
    movq x86_cur_ctx(%rip), %rbx
#ifdef KEEL_INVARIANTS
    cmpq cur_thread(%rip), %rbx
    je 1f
    cld
    leaq .Lnot_current(%rip), %rdi
    call panic
1:
#endif
.endm

/* fast_message(): no capabilities, at most MSG_REGS words, no fault of the
 * sender's to deliver instead. */
.macro check_message slow
    movl %esi, %eax
    andl $ASM_MI_FAST_MASK, %eax
    cmpl $MSG_REGS, %eax
    ja \slow
    cmpq $0, ASM_TCB_FAULT_TYPE(%rbx)
    jne \slow
.endm

/* fast_lookup() + endpoint_cap(): rbp = the slot rdi names in rbx's CSpace,
 * r12 = its capability's word 0, r13 = the endpoint; the capability must be
 * an endpoint with the right 'right' and (if 'any' is not 0) one of 'any'.
 * A CSpace that is not one CNode taking the whole cptr goes to 'general'
 * (lookup_general, out of line), which comes back to 'back'. */
.macro lookup_endpoint right, any, slow, general, back
    movq ASM_TCB_CTABLE + ASM_CTE_CAP_W0(%rbx), %rax
    movq %rax, %rdx
    shrq $ASM_CAP_FIELD_SHIFT, %rdx
    movl %edx, %ecx
    andl $(1 << ASM_CNODE_RADIX_BITS) - 1, %ecx             /* radix */
    shrl $ASM_CNODE_RADIX_BITS, %edx
    movl %edx, %r11d
    andl $(1 << ASM_CNODE_RADIX_BITS) - 1, %r11d            /* guard size */
    shrl $(ASM_CAP_TYPE_SHIFT - ASM_CAP_FIELD_SHIFT - ASM_CNODE_RADIX_BITS), %edx
    cmpl $ASM_CAP_CNODE, %edx
    jne \general
    leal (%rcx, %r11), %edx
    cmpl $64, %edx
    jne \general
    /* One CNode takes the whole cptr: guard above, index below; the guard
     * size is at least 1, so both shift counts are below 64. */
    movq %rdi, %rdx
    shrq %cl, %rdx
    cmpq ASM_TCB_CTABLE + ASM_CTE_CAP_W1(%rbx), %rdx
    jne \slow
    movl %r11d, %ecx
    movq %rdi, %rdx
    shlq %cl, %rdx
    shrq %cl, %rdx
    shlq $ASM_CTE_SIZE_BITS, %rdx
    shlq $64 - ASM_CAP_PTR_BITS, %rax                       /* cap_ptr() */
    sarq $64 - ASM_CAP_PTR_BITS - 4, %rax
    leaq (%rax, %rdx), %rbp
\back:
    /* Type and the one right in one compare: bits 19..15 of word 0 >> 44
     * are the type, bits 14..0 the fields. */
    movq ASM_CTE_CAP_W0(%rbp), %r12
    movq %r12, %rax
    shrq $ASM_CAP_FIELD_SHIFT, %rax
    movl %eax, %edx
    andl $(0x1f << (ASM_CAP_TYPE_SHIFT - ASM_CAP_FIELD_SHIFT)) | \right, %edx
    cmpl $(ASM_CAP_ENDPOINT << (ASM_CAP_TYPE_SHIFT - ASM_CAP_FIELD_SHIFT)) | \right, %edx
    jne \slow
    .if \any
    testl $\any, %eax
    jz \slow
    .endif
    movq %r12, %r13
    shlq $64 - ASM_CAP_PTR_BITS, %r13
    sarq $64 - ASM_CAP_PTR_BITS - 4, %r13
.endm

/* The general lookup, out of line: rbp = the slot or the slow path. */
.macro lookup_general slow, back
    movq %rdi, %rsi
    movq %rbx, %rdi
    cld
    call fastpath_lookup_general
    testq %rax, %rax
    jz \slow
    movq %rax, %rbp
    reload_user
    jmp \back
.endm

/* fast_switch_ok(r14): its address-space memo is current, and seL4's
 * direct-switch rule lets it run now. */
.macro check_switch slow
    movq ASM_TCB_VSPACE_EPOCH(%r14), %rax
    cmpq vspace_epoch(%rip), %rax
    jne \slow
    movzbl ASM_TCB_PRIORITY_U8(%r14), %eax
    cmpb ASM_TCB_PRIORITY_U8(%rbx), %al
    jae 1f
    movl %eax, %edi
    cld
    call sched_is_highest
    testb %al, %al
    jz \slow
    reload_user
1:
.endm

/* ipc_transfer_regs(rbx -> dst, badge): the first length words (rsi's
 * length field, at most MSG_REGS), the message info without capsUnwrapped
 * or extraCaps (already 0), and the badge in rdi. */
.macro transfer dst, badge
    movl %esi, %eax
    andl $ASM_MI_LENGTH_MASK, %eax
    jz 1f
    movq %r10, CTX_R10(\dst)
    cmpl $1, %eax
    je 1f
    movq %r8, CTX_R8(\dst)
    cmpl $2, %eax
    je 1f
    movq %r9, CTX_R9(\dst)
    cmpl $3, %eax
    je 1f
    movq %r15, CTX_R15(\dst)
1:  movq %rsi, %rax
    andq $~ASM_MI_UNWRAPPED_MASK, %rax
    movq %rax, CTX_RSI(\dst)
    movq \badge, CTX_RDI(\dst)
.endm

/* switch_to(r14): it becomes the current thread; its page tables go live
 * unless they already are (the memo is current: checked before); the
 * invariant checker runs in checking builds; then the fast exit. */
.macro switch_to_r14
#ifdef KEEL_DEBUG_SYSCALLS
    incq fastpath_hits(%rip)            /* the tests' proof that the fast case ran */
#endif
    movq %r14, cur_thread(%rip)
    movq ASM_TCB_VSPACE_ROOT(%r14), %rax
    movq ASM_TCB_VSPACE_ASID(%r14), %rdx
    cmpq vspace_active_root(%rip), %rax
    jne 1f
    cmpq vspace_active_asid(%rip), %rdx
    je 2f
    /* vspace_activate_slow's record, then arch_vspace_activate(). */
1:  movq %rax, vspace_active_root(%rip)
    movq %rdx, vspace_active_asid(%rip)
    cmpq x86_active_root(%rip), %rax
    je 2f
    movq %rax, x86_active_root(%rip)
    movq %rax, %cr3
2:
#ifdef KEEL_INVARIANTS
    cld
    call invariants_check
#endif
    jmp x86_fastpath_exit_r14
.endm

    .text

/* seL4_Call on an endpoint with a receiver waiting (fastpath_call). */
    .globl x86_fastpath_call
x86_fastpath_call:
    load_current
    check_message .Lslow_call
    lookup_endpoint ASM_RIGHT_WRITE, (ASM_RIGHT_GRANT | ASM_RIGHT_GRANT_REPLY), .Lslow_call, \
        .Lgeneral_call, .Lslot_call
    cmpq $ASM_EP_RECV, ASM_EP_STATE(%r13)
    jne .Lslow_call
    movq ASM_EP_HEAD(%r13), %r14
    check_switch .Lslow_call

    /* Dequeue the head (r14). */
    movq ASM_TCB_EP_NEXT(%r14), %rax
    movq %rax, ASM_EP_HEAD(%r13)
    testq %rax, %rax
    jz 1f
    movq ASM_TCB_EP_PREV(%r14), %rdx
    movq %rdx, ASM_TCB_EP_PREV(%rax)
    jmp 2f
1:  movq $ASM_EP_IDLE, ASM_EP_STATE(%r13)
2:  xorl %eax, %eax
    movq %rax, ASM_TCB_EP_NEXT(%r14)
    movq %rax, ASM_TCB_EP_PREV(%r14)
    movq %rax, ASM_TCB_BLOCKED_ON(%r14)
    movq ASM_CTE_CAP_W1(%rbp), %rcx                         /* the badge */
    transfer %r14, %rcx
    movl $ASM_THREAD_RUNNING, ASM_TCB_STATE_U32(%r14)
    movl $ASM_THREAD_BLOCKED_REPLY, ASM_TCB_STATE_U32(%rbx)
    movb $0, ASM_TCB_PC_EXACT_U8(%rbx)                      /* core_syscall */

    /* setup_caller_cap: a reply capability to rbx in r14's caller slot, put
     * on the CDT right after rbx's reply master (cdt_link_after, neither
     * revocable nor first badged). */
    leaq ASM_TCB_REPLY(%rbx), %rcx                          /* prev */
    leaq ASM_TCB_CALLER(%r14), %rdx                         /* dest */
    movzbl ASM_TCB_CAN_GRANT_U8(%r14), %eax                 /* 0 or 1 */
    shlq $ASM_CAP_FIELD_SHIFT + 1, %rax                     /* ASM_REPLY_CAN_GRANT */
    movq %rbx, %r11
    shlq $64 - ASM_CAP_PTR_BITS - 4, %r11                   /* (rbx >> 4), 44 bits */
    shrq $64 - ASM_CAP_PTR_BITS, %r11
    orq %r11, %rax
    movabsq $ASM_CAP_REPLY << ASM_CAP_TYPE_SHIFT, %r11
    orq %r11, %rax
    movq %rax, ASM_CTE_CAP_W0(%rdx)
    movq $0, ASM_CTE_CAP_W1(%rdx)
    movq %rcx, ASM_CTE_CDT_PREV(%rdx)
    movq ASM_CTE_CDT_NEXT(%rcx), %r11
    andq $~ASM_CDT_FLAG, %r11                               /* next */
    movq %r11, ASM_CTE_CDT_NEXT(%rdx)
    /* The links keep their flag bit: and it out, or the new slot in. */
    andq $ASM_CDT_FLAG, ASM_CTE_CDT_NEXT(%rcx)
    orq %rdx, ASM_CTE_CDT_NEXT(%rcx)
    testq %r11, %r11
    jz 3f
    andq $ASM_CDT_FLAG, ASM_CTE_CDT_PREV(%r11)
    orq %rdx, ASM_CTE_CDT_PREV(%r11)
3:  switch_to_r14

.Lgeneral_call:
    lookup_general .Lslow_call, .Lslot_call
.Lslow_call:
    movq $ASM_SYS_CALL, %rdi
    jmp .Lslow

/* seL4_ReplyRecv where the receive blocks (fastpath_reply_recv). */
    .globl x86_fastpath_reply_recv
x86_fastpath_reply_recv:
    load_current
    check_message .Lslow_reply_recv
    /* fast_reply_target: r14 = the caller that rbx's reply capability
     * names, waiting for its reply and not for a fault's answer. */
    movq ASM_TCB_CALLER + ASM_CTE_CAP_W0(%rbx), %rax
    movq %rax, %rdx
    shrq $ASM_CAP_TYPE_SHIFT, %rdx
    cmpl $ASM_CAP_REPLY, %edx
    jne .Lslow_reply_recv
    btq $ASM_CAP_FIELD_SHIFT, %rax                          /* ASM_REPLY_MASTER */
    jc .Lslow_reply_recv
    movq %rax, %r14
    shlq $64 - ASM_CAP_PTR_BITS, %r14
    sarq $64 - ASM_CAP_PTR_BITS - 4, %r14
    cmpl $ASM_THREAD_BLOCKED_REPLY, ASM_TCB_STATE_U32(%r14)
    jne .Lslow_reply_recv
    cmpq $0, ASM_TCB_FAULT_TYPE(%r14)
    jne .Lslow_reply_recv
    lookup_endpoint ASM_RIGHT_READ, 0, .Lslow_reply_recv, .Lgeneral_reply_recv, .Lslot_reply_recv
    cmpq $ASM_EP_SEND, ASM_EP_STATE(%r13)
    je .Lslow_reply_recv
    movq ASM_TCB_BOUND_NTFN(%rbx), %rax
    testq %rax, %rax
    jz 1f
    cmpq $ASM_NTFN_ACTIVE, ASM_NTFN_STATE(%rax)
    je .Lslow_reply_recv
1:  check_switch .Lslow_reply_recv

    xorl %ecx, %ecx
    transfer %r14, %rcx
    /* cte_delete_reply(rbx's caller slot): unlink it from the CDT, passing
     * its first-badged flag on to the next slot, and empty it. */
    leaq ASM_TCB_CALLER(%rbx), %rcx
    movq ASM_CTE_CDT_PREV(%rcx), %rdx
    andq $~ASM_CDT_FLAG, %rdx                               /* prev */
    movq ASM_CTE_CDT_NEXT(%rcx), %r11
    andq $~ASM_CDT_FLAG, %r11                               /* next */
    /* The neighbours' links keep their flag bits: and out, or in. */
    testq %rdx, %rdx
    jz 2f
    andq $ASM_CDT_FLAG, ASM_CTE_CDT_NEXT(%rdx)
    orq %r11, ASM_CTE_CDT_NEXT(%rdx)
2:  testq %r11, %r11
    jz 3f
    andq $ASM_CDT_FLAG, ASM_CTE_CDT_PREV(%r11)
    orq %rdx, ASM_CTE_CDT_PREV(%r11)
    movq ASM_CTE_CDT_NEXT(%rcx), %rax
    andl $ASM_CDT_FLAG, %eax                                /* first badged */
    orq %rax, ASM_CTE_CDT_NEXT(%r11)
3:  xorl %eax, %eax
    movq %rax, ASM_CTE_CAP_W0(%rcx)
    movq %rax, ASM_CTE_CAP_W1(%rcx)
    movq %rax, ASM_CTE_CDT_PREV(%rcx)
    movq %rax, ASM_CTE_CDT_NEXT(%rcx)
    movl $ASM_THREAD_RUNNING, ASM_TCB_STATE_U32(%r14)

    /* ep_receive blocks rbx on the endpoint (block_on, tqueue_append). */
    btq $ASM_CAP_FIELD_SHIFT + 2, %r12                      /* ASM_RIGHT_GRANT */
    setc ASM_TCB_CAN_GRANT_U8(%rbx)
    movl $ASM_THREAD_BLOCKED_RECV, ASM_TCB_STATE_U32(%rbx)
    movb $0, ASM_TCB_PC_EXACT_U8(%rbx)                      /* core_syscall */
    movq %r13, ASM_TCB_BLOCKED_ON(%rbx)
    movq $0, ASM_TCB_EP_NEXT(%rbx)
    movq ASM_EP_HEAD(%r13), %rax
    testq %rax, %rax
    jnz 4f
    movq %rbx, ASM_EP_HEAD(%r13)
    movq %rbx, ASM_TCB_EP_PREV(%rbx)
    jmp 5f
4:  movq ASM_TCB_EP_PREV(%rax), %rdx                        /* the tail */
    movq %rbx, ASM_TCB_EP_NEXT(%rdx)
    movq %rdx, ASM_TCB_EP_PREV(%rbx)
    movq %rbx, ASM_TCB_EP_PREV(%rax)
5:  movq $ASM_EP_RECV, ASM_EP_STATE(%r13)
    switch_to_r14

.Lgeneral_reply_recv:
    lookup_general .Lslow_reply_recv, .Lslot_reply_recv
.Lslow_reply_recv:
    movq $ASM_SYS_REPLY_RECV, %rdi
/* The slow path, with the context as the entry saved it. */
.Lslow:
    cld
    xorl %ebp, %ebp
    call core_syscall
    movq %rax, %rdi
    call arch_restore_user
    ud2

/* arch_fastpath_exit(r14's context) in assembly: a rip sysretq would fault
 * on in ring 0 (not below the user top) or an FS base wrmsr would refuse
 * (not canonical) goes through arch_restore_user, which makes it a fault;
 * otherwise x86_sysret_to_user loads the FS base and returns. */
x86_fastpath_exit_r14:
    movq %r14, %rdi
    movabsq $X86_USER_TOP, %rax
    cmpq %rax, CTX_RIP(%rdi)
    jae .Lrefuse
    movq CTX_FS_BASE(%rdi), %rax
    movq %rax, %rdx
    shlq $16, %rdx
    sarq $16, %rdx
    cmpq %rax, %rdx
    jne .Lrefuse
    movq %rdi, x86_cur_ctx(%rip)
    jmp x86_sysret_to_user
.Lrefuse:
    cld
    call arch_restore_user
    ud2

#ifdef KEEL_INVARIANTS
    .section .rodata
.Lnot_current:
    .asciz "x86_64 fastpath: the saved context is not cur_thread's"
#endif

    .section .note.GNU-stack, "", @progbits
