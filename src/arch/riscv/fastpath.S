/*
 * The riscv64 IPC fastpath: seL4_Call and seL4_ReplyRecv in their common
 * case, in assembly. core/fastpath.c is the reference: the checks and the
 * effects below are exactly its, step by step, and its comments say which
 * part of the slow path each one stands for. Layouts come from
 * core/asm_layout.h.
 *
 * Entered from trap.S's ecall path with the whole user context saved in the
 * current thread's TCB, s0 = that TCB (its context is at offset 0: trap.S
 * saved into it), sscratch = 0, and these user registers still live:
 * a0 = the capability, a1 = the message info, a2..a5 = the message
 * registers. Every check comes before any change; a failed check
 * enters the slow path (core_syscall), which reads the saved context, so
 * nothing here needs undoing. The saved context of the thread that blocks
 * is complete (trap.S stored every register), which TCB_ReadRegisters and
 * any later restore rely on.
 *
 * Register use: s0 = the current thread, s1 = the endpoint capability's
 * slot, s2 = that capability's word 0, s3 = the endpoint, s4 = the thread
 * switched to; t0..t6, a6, a7 are scratch. The user's values of all of them
 * are in the saved context, and the s registers survive the C calls
 * (fastpath_lookup_general, sched_is_highest, invariants_check).
 */
#include "asm.h"
#include <core/asm_layout.h>

    .option norelax

#define MSG_REGS 4              /* ARCH_NUM_MSG_REGS: a2..a5 */

/* The C calls need the kernel stack; trap.S leaves sp alone on this route. */
.macro call_c fn
    la sp, riscv_kernel_stack_top
    call \fn
.endm

/* After a C call: the live user registers this file reads again. */
.macro reload_user
    ld a0, CTX_A0(s0)
    ld a1, CTX_REG(11)(s0)
    ld a2, CTX_REG(12)(s0)
    ld a3, CTX_REG(13)(s0)
    ld a4, CTX_REG(14)(s0)
    ld a5, CTX_REG(15)(s0)
.endm

/* s0, the context trap.S saved into, is the current thread's: every exit
 * restores cur_thread's context. Checking builds make sure. */
.macro check_current
#ifdef KEEL_INVARIANTS
    ld t1, cur_thread
    beq t1, s0, 1f
    la a0, .Lnot_current
    call_c panic
1:
#endif
.endm

/* fast_message(): no capabilities, at most MSG_REGS words, no fault of the
 * sender's to deliver instead. */
.macro check_message slow
    andi t1, a1, ASM_MI_FAST_MASK
    sltiu t1, t1, MSG_REGS + 1
    beqz t1, \slow
    ld t1, ASM_TCB_FAULT_TYPE(s0)
    bnez t1, \slow
.endm

/* fast_lookup() + endpoint_cap(): s1 = the slot a0 names in s0's CSpace,
 * s2 = its capability's word 0, s3 = the endpoint; the capability must be
 * an endpoint with the right 'right' and (if 'any' is not 0) one of 'any'.
 * A CSpace that is not one CNode taking the whole cptr goes to 'general'
 * (lookup_general, out of line), which comes back to 'back'. */
.macro lookup_endpoint right, any, slow, general, back
    ld t3, ASM_TCB_CTABLE + ASM_CTE_CAP_W0(s0)
    srli t4, t3, ASM_CAP_TYPE_SHIFT
    li t5, ASM_CAP_CNODE
    bne t4, t5, \general
    srli t4, t3, ASM_CAP_FIELD_SHIFT
    andi t5, t4, (1 << ASM_CNODE_RADIX_BITS) - 1            /* radix */
    srli t4, t4, ASM_CNODE_RADIX_BITS
    andi t4, t4, (1 << ASM_CNODE_RADIX_BITS) - 1            /* guard size */
    add t6, t4, t5
    li t0, 64
    bne t6, t0, \general
    /* One CNode takes the whole cptr: guard above, index below; the guard
     * size is at least 1, so both shift counts are below 64. */
    ld t6, ASM_TCB_CTABLE + ASM_CTE_CAP_W1(s0)
    srl t0, a0, t5
    bne t0, t6, \slow
    sll t0, a0, t4
    srl t0, t0, t4
    slli t0, t0, ASM_CTE_SIZE_BITS
    slli t3, t3, 64 - ASM_CAP_PTR_BITS                      /* cap_ptr() */
    srai t3, t3, 64 - ASM_CAP_PTR_BITS - 4
    add s1, t3, t0
\back:
    ld s2, ASM_CTE_CAP_W0(s1)
    srli t1, s2, ASM_CAP_TYPE_SHIFT
    li t2, ASM_CAP_ENDPOINT
    bne t1, t2, \slow
    srli t1, s2, ASM_CAP_FIELD_SHIFT
    andi t2, t1, \right
    beqz t2, \slow
    .if \any
    andi t2, t1, \any
    beqz t2, \slow
    .endif
    slli s3, s2, 64 - ASM_CAP_PTR_BITS
    srai s3, s3, 64 - ASM_CAP_PTR_BITS - 4
.endm

/* The general lookup, out of line: s1 = the slot or the slow path. */
.macro lookup_general slow, back
    mv a1, a0
    mv a0, s0
    call_c fastpath_lookup_general
    beqz a0, \slow
    mv s1, a0
    reload_user
    j \back
.endm

/* fast_switch_ok(s4): its address-space memo is current, and seL4's
 * direct-switch rule lets it run now. */
.macro check_switch slow
    ld t1, ASM_TCB_VSPACE_EPOCH(s4)
    ld t2, vspace_epoch
    bne t1, t2, \slow
    lbu a0, ASM_TCB_PRIORITY_U8(s4)
    lbu t2, ASM_TCB_PRIORITY_U8(s0)
    bgeu a0, t2, 1f
    call_c sched_is_highest
    beqz a0, \slow
    reload_user
1:
.endm

/* ipc_transfer_regs(s0 -> dst, badge): the first length words (a1's length
 * field, at most MSG_REGS), the message info without capsUnwrapped or
 * extraCaps (already 0), and the badge in a0. */
.macro transfer dst, badge
    andi t1, a1, ASM_MI_LENGTH_MASK
    beqz t1, 1f
    sd a2, CTX_REG(12)(\dst)
    li t2, 1
    beq t1, t2, 1f
    sd a3, CTX_REG(13)(\dst)
    li t2, 2
    beq t1, t2, 1f
    sd a4, CTX_REG(14)(\dst)
    li t2, 3
    beq t1, t2, 1f
    sd a5, CTX_REG(15)(\dst)
1:  li t2, ~ASM_MI_UNWRAPPED_MASK
    and t2, a1, t2
    sd t2, CTX_REG(11)(\dst)
    sd \badge, CTX_A0(\dst)
.endm

/* switch_to(s4): it becomes the current thread; its page tables go live
 * unless they already are (the memo is current: checked before); the
 * invariant checker runs in checking builds; then the fast exit. */
.macro switch_to_s4
#ifdef KEEL_DEBUG_SYSCALLS
    ld t1, fastpath_hits                /* the tests' proof that the fast case ran */
    addi t1, t1, 1
    sd t1, fastpath_hits, t2
#endif
    sd s4, cur_thread, t1
    ld t1, ASM_TCB_VSPACE_ROOT(s4)
    ld t2, ASM_TCB_VSPACE_ASID(s4)
    ld t3, vspace_active_root
    ld t4, vspace_active_asid
    bne t1, t3, 1f
    beq t2, t4, 2f
    /* arch_vspace_activate(root, asid), with vspace_activate_slow's record. */
1:  sd t1, vspace_active_root, t3
    sd t2, vspace_active_asid, t3
    srli t1, t1, RISCV_PAGE_BITS
    slli t3, t2, 64 - 16                /* (asid & 0xffff) << RISCV_SATP_ASID_SHIFT */
    srli t3, t3, 64 - 16 - RISCV_SATP_ASID_SHIFT
    or t1, t1, t3
    li t3, RISCV_SATP_MODE_SV39 << RISCV_SATP_MODE_SHIFT
    or t1, t1, t3
    csrw satp, t1
    sfence.vma zero, t2
2:
#ifdef KEEL_INVARIANTS
    call_c invariants_check
#endif
    mv a0, s4
    j arch_fastpath_exit
.endm

    .text

/* seL4_Call on an endpoint with a receiver waiting (fastpath_call). */
    .globl riscv_fastpath_call
riscv_fastpath_call:
    check_current
    check_message .Lslow_call
    lookup_endpoint ASM_RIGHT_WRITE, (ASM_RIGHT_GRANT | ASM_RIGHT_GRANT_REPLY), .Lslow_call, \
        .Lgeneral_call, .Lslot_call
    ld t1, ASM_EP_STATE(s3)
    li t2, ASM_EP_RECV
    bne t1, t2, .Lslow_call
    ld s4, ASM_EP_HEAD(s3)
    check_switch .Lslow_call

    /* Dequeue the head (s4). */
    ld t1, ASM_TCB_EP_NEXT(s4)
    sd t1, ASM_EP_HEAD(s3)
    beqz t1, 1f
    ld t2, ASM_TCB_EP_PREV(s4)
    sd t2, ASM_TCB_EP_PREV(t1)
    j 2f
1:  sd zero, ASM_EP_STATE(s3)                               /* EP_IDLE */
2:  sd zero, ASM_TCB_EP_NEXT(s4)
    sd zero, ASM_TCB_EP_PREV(s4)
    sd zero, ASM_TCB_BLOCKED_ON(s4)
    ld t6, ASM_CTE_CAP_W1(s1)                               /* the badge */
    transfer s4, t6
    li t1, ASM_THREAD_RUNNING
    sw t1, ASM_TCB_STATE_U32(s4)
    li t1, ASM_THREAD_BLOCKED_REPLY
    sw t1, ASM_TCB_STATE_U32(s0)
    sb zero, ASM_TCB_PC_EXACT_U8(s0)                        /* core_syscall */

    /* setup_caller_cap: a reply capability to s0 in s4's caller slot, put
     * on the CDT right after s0's reply master (cdt_link_after, neither
     * revocable nor first badged). */
    addi t1, s0, ASM_TCB_REPLY                              /* prev */
    addi t2, s4, ASM_TCB_CALLER                             /* dest */
    ld t3, ASM_CTE_CDT_NEXT(t1)
    andi t4, t3, ~ASM_CDT_FLAG                              /* next */
    lbu t5, ASM_TCB_CAN_GRANT_U8(s4)                        /* 0 or 1 */
    slli t5, t5, ASM_CAP_FIELD_SHIFT + 1                    /* ASM_REPLY_CAN_GRANT */
    li t6, ASM_CAP_REPLY << ASM_CAP_TYPE_SHIFT
    or t5, t5, t6
    slli t6, s0, 64 - ASM_CAP_PTR_BITS - 4                  /* (s0 >> 4), 44 bits */
    srli t6, t6, 64 - ASM_CAP_PTR_BITS
    or t5, t5, t6
    sd t5, ASM_CTE_CAP_W0(t2)
    sd zero, ASM_CTE_CAP_W1(t2)
    sd t1, ASM_CTE_CDT_PREV(t2)
    sd t4, ASM_CTE_CDT_NEXT(t2)
    andi t3, t3, ASM_CDT_FLAG
    or t3, t3, t2
    sd t3, ASM_CTE_CDT_NEXT(t1)
    beqz t4, 3f
    ld t5, ASM_CTE_CDT_PREV(t4)
    andi t5, t5, ASM_CDT_FLAG
    or t5, t5, t2
    sd t5, ASM_CTE_CDT_PREV(t4)
3:  switch_to_s4

.Lgeneral_call:
    lookup_general .Lslow_call, .Lslot_call
.Lslow_call:
    li a0, ASM_SYS_CALL
    j .Lslow

/* seL4_ReplyRecv where the receive blocks (fastpath_reply_recv). */
    .globl riscv_fastpath_reply_recv
riscv_fastpath_reply_recv:
    check_current
    check_message .Lslow_reply_recv
    /* fast_reply_target: s4 = the caller that s0's reply capability names,
     * waiting for its reply and not for a fault's answer. */
    ld t1, ASM_TCB_CALLER + ASM_CTE_CAP_W0(s0)
    srli t2, t1, ASM_CAP_TYPE_SHIFT
    li t3, ASM_CAP_REPLY
    bne t2, t3, .Lslow_reply_recv
    srli t2, t1, ASM_CAP_FIELD_SHIFT
    andi t2, t2, ASM_REPLY_MASTER
    bnez t2, .Lslow_reply_recv
    slli s4, t1, 64 - ASM_CAP_PTR_BITS
    srai s4, s4, 64 - ASM_CAP_PTR_BITS - 4
    lw t1, ASM_TCB_STATE_U32(s4)
    li t2, ASM_THREAD_BLOCKED_REPLY
    bne t1, t2, .Lslow_reply_recv
    ld t1, ASM_TCB_FAULT_TYPE(s4)
    bnez t1, .Lslow_reply_recv
    lookup_endpoint ASM_RIGHT_READ, 0, .Lslow_reply_recv, .Lgeneral_reply_recv, .Lslot_reply_recv
    ld t1, ASM_EP_STATE(s3)
    li t2, ASM_EP_SEND
    beq t1, t2, .Lslow_reply_recv
    ld t1, ASM_TCB_BOUND_NTFN(s0)
    beqz t1, 1f
    ld t1, ASM_NTFN_STATE(t1)
    li t2, ASM_NTFN_ACTIVE
    beq t1, t2, .Lslow_reply_recv
1:  check_switch .Lslow_reply_recv

    transfer s4, zero
    /* cte_delete_reply(s0's caller slot): unlink it from the CDT, passing
     * its first-badged flag on to the next slot, and empty it. */
    addi t1, s0, ASM_TCB_CALLER
    ld t2, ASM_CTE_CDT_PREV(t1)
    andi t2, t2, ~ASM_CDT_FLAG                              /* prev */
    ld t3, ASM_CTE_CDT_NEXT(t1)
    andi t4, t3, ~ASM_CDT_FLAG                              /* next */
    andi t3, t3, ASM_CDT_FLAG                               /* first badged */
    beqz t2, 2f
    ld t5, ASM_CTE_CDT_NEXT(t2)
    andi t5, t5, ASM_CDT_FLAG
    or t5, t5, t4
    sd t5, ASM_CTE_CDT_NEXT(t2)
2:  beqz t4, 3f
    ld t5, ASM_CTE_CDT_PREV(t4)
    andi t5, t5, ASM_CDT_FLAG
    or t5, t5, t2
    sd t5, ASM_CTE_CDT_PREV(t4)
    ld t5, ASM_CTE_CDT_NEXT(t4)
    or t5, t5, t3
    sd t5, ASM_CTE_CDT_NEXT(t4)
3:  sd zero, ASM_CTE_CAP_W0(t1)
    sd zero, ASM_CTE_CAP_W1(t1)
    sd zero, ASM_CTE_CDT_PREV(t1)
    sd zero, ASM_CTE_CDT_NEXT(t1)
    li t1, ASM_THREAD_RUNNING
    sw t1, ASM_TCB_STATE_U32(s4)

    /* ep_receive blocks s0 on the endpoint (block_on, tqueue_append). */
    srli t1, s2, ASM_CAP_FIELD_SHIFT + 2                    /* ASM_RIGHT_GRANT */
    andi t1, t1, 1
    sb t1, ASM_TCB_CAN_GRANT_U8(s0)
    li t1, ASM_THREAD_BLOCKED_RECV
    sw t1, ASM_TCB_STATE_U32(s0)
    sb zero, ASM_TCB_PC_EXACT_U8(s0)                        /* core_syscall */
    sd s3, ASM_TCB_BLOCKED_ON(s0)
    sd zero, ASM_TCB_EP_NEXT(s0)
    ld t1, ASM_EP_HEAD(s3)
    bnez t1, 4f
    sd s0, ASM_EP_HEAD(s3)
    sd s0, ASM_TCB_EP_PREV(s0)
    j 5f
4:  ld t2, ASM_TCB_EP_PREV(t1)                              /* the tail */
    sd s0, ASM_TCB_EP_NEXT(t2)
    sd t2, ASM_TCB_EP_PREV(s0)
    sd s0, ASM_TCB_EP_PREV(t1)
5:  li t1, ASM_EP_RECV
    sd t1, ASM_EP_STATE(s3)
    switch_to_s4

.Lgeneral_reply_recv:
    lookup_general .Lslow_reply_recv, .Lslot_reply_recv
.Lslow_reply_recv:
    li a0, ASM_SYS_REPLY_RECV
/* The slow path, with the context as trap.S saved it. */
.Lslow:
    call_c core_syscall
    j arch_restore_user

#ifdef KEEL_INVARIANTS
    .section .rodata
.Lnot_current:
    .asciz "riscv fastpath: the saved context is not cur_thread's"
#endif

    .section .note.GNU-stack, "", @progbits
