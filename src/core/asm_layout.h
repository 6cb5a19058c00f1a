/*
 * The core's structure layouts and constants, for a port's assembly (the IPC
 * fastpath): plain #defines that a .S file can include. Nothing here is
 * generated; every value is checked against the C definition it mirrors by
 * a _Static_assert in core/asm_layout.c, so a change to a structure that
 * forgets this header fails the build instead of corrupting memory. Ports
 * include this header and never write these numbers themselves.
 *
 * Offsets inside a TCB follow its struct arch_context, whose size the port
 * gives as ARCH_CONTEXT_SIZE in <arch/regs.h> (usable from assembly too).
 * Where a field is narrower than a word the name says so (_U8, _U32), so
 * that the assembly picks the right load and store width.
 */
#pragma once

#include <arch/regs.h>

/* ---- system calls the fastpath handles (seL4_Syscall_ID) ---- */
#define ASM_SYS_CALL            (-1)
#define ASM_SYS_REPLY_RECV      (-2)

/* Word-size dependent layouts: __SIZEOF_POINTER__ is predefined by GCC and
 * Clang for C and assembly alike. */
#if __SIZEOF_POINTER__ == 8
/* ---- struct cte: a capability (two words) and its two CDT links ---- */
#define ASM_CTE_SIZE            32
#define ASM_CTE_SIZE_BITS       5
#define ASM_CTE_CAP_W0          0
#define ASM_CTE_CAP_W1          8
#define ASM_CTE_CDT_PREV        16
#define ASM_CTE_CDT_NEXT        24

/* ---- capability word 0: type [63:59], fields [58:44], pointer >> 4 [43:0] ---- */
#define ASM_CAP_TYPE_SHIFT      59
#define ASM_CAP_FIELD_SHIFT     44
#define ASM_CAP_PTR_BITS        44
#else
#define ASM_CTE_SIZE            16
#define ASM_CTE_SIZE_BITS       4
#define ASM_CTE_CAP_W0          0
#define ASM_CTE_CAP_W1          4
#define ASM_CTE_CDT_PREV        8
#define ASM_CTE_CDT_NEXT        12

/* ---- capability word 0: type [31:27], pointer >> 4 [26:0]; the fields
 * are in word 1's low bits (core/cap.h: cap_w1_field_bits) ---- */
#define ASM_CAP_TYPE_SHIFT      27
#define ASM_CAP_PTR_BITS        27
#define ASM_CAP_EP_FIELD_BITS   4       /* endpoint word 1: badge << 4 | rights */
#define ASM_CAP_CNODE_FIELD_BITS 12     /* CNode word 1: guard << 12 | guard size, radix */
#define ASM_CAP_REPLY_FIELD_BITS 2      /* reply word 1: master, can_grant */
#endif
#define ASM_CDT_FLAG            1       /* CDT_REVOCABLE / CDT_FIRST_BADGED (low link bit) */

#define ASM_CAP_ENDPOINT        4       /* enum cap_type */
#define ASM_CAP_REPLY           8
#define ASM_CAP_CNODE           10
#define ASM_CNODE_RADIX_BITS    6       /* CNode fields: radix [5:0], guard size [11:6] */
#define ASM_RIGHT_WRITE         1       /* endpoint fields: rights [3:0] */
#define ASM_RIGHT_READ          2
#define ASM_RIGHT_GRANT         4
#define ASM_RIGHT_GRANT_REPLY   8
#define ASM_REPLY_MASTER        1       /* reply fields: master [0], can_grant [1] */
#define ASM_REPLY_CAN_GRANT     2

/* ---- struct tcb ---- */
#define ASM_TCB_CTX             0
#define ASM_TCB_SLOTS           ARCH_CONTEXT_SIZE
#define ASM_TCB_CTABLE          (ASM_TCB_SLOTS + 0 * ASM_CTE_SIZE)     /* slots[TCB_CTABLE] */
#define ASM_TCB_REPLY           (ASM_TCB_SLOTS + 2 * ASM_CTE_SIZE)     /* slots[TCB_REPLY] */
#define ASM_TCB_CALLER          (ASM_TCB_SLOTS + 3 * ASM_CTE_SIZE)     /* slots[TCB_CALLER] */
#if __SIZEOF_POINTER__ == 8
#define ASM_TCB_STATE_U32       (ASM_TCB_SLOTS + 160)
#define ASM_TCB_PRIORITY_U8     (ASM_TCB_SLOTS + 164)
#define ASM_TCB_BLOCKED_ON      (ASM_TCB_SLOTS + 200)
#define ASM_TCB_EP_NEXT         (ASM_TCB_SLOTS + 208)
#define ASM_TCB_EP_PREV         (ASM_TCB_SLOTS + 216)
#define ASM_TCB_CAN_GRANT_U8    (ASM_TCB_SLOTS + 232)
#define ASM_TCB_PC_EXACT_U8     (ASM_TCB_SLOTS + 235)
#define ASM_TCB_BOUND_NTFN      (ASM_TCB_SLOTS + 240)
#define ASM_TCB_VSPACE_EPOCH    (ASM_TCB_SLOTS + 248)
#define ASM_TCB_VSPACE_ROOT     (ASM_TCB_SLOTS + 256)
#define ASM_TCB_VSPACE_ASID     (ASM_TCB_SLOTS + 264)
#define ASM_TCB_FAULT_TYPE      (ASM_TCB_SLOTS + 272)
#define ASM_TCB_FLAGS           (ASM_TCB_SLOTS + 328)
#else
#define ASM_TCB_STATE_U32       (ASM_TCB_SLOTS + 80)
#define ASM_TCB_PRIORITY_U8     (ASM_TCB_SLOTS + 84)
#define ASM_TCB_BLOCKED_ON      (ASM_TCB_SLOTS + 104)
#define ASM_TCB_EP_NEXT         (ASM_TCB_SLOTS + 108)
#define ASM_TCB_EP_PREV         (ASM_TCB_SLOTS + 112)
#define ASM_TCB_CAN_GRANT_U8    (ASM_TCB_SLOTS + 120)
#define ASM_TCB_PC_EXACT_U8     (ASM_TCB_SLOTS + 123)
#define ASM_TCB_BOUND_NTFN      (ASM_TCB_SLOTS + 128)
#define ASM_TCB_VSPACE_EPOCH    (ASM_TCB_SLOTS + 132)
#define ASM_TCB_VSPACE_ROOT     (ASM_TCB_SLOTS + 136)      /* a 64-bit paddr_t */
#define ASM_TCB_VSPACE_ASID     (ASM_TCB_SLOTS + 144)
#define ASM_TCB_FAULT_TYPE      (ASM_TCB_SLOTS + 148)
#define ASM_TCB_FLAGS           (ASM_TCB_SLOTS + 176)
#endif
#define ASM_TCB_FLAG_FPU_DISABLED 1     /* seL4_TCBFlag_fpuDisabled */

/* enum thread_state */
#define ASM_THREAD_RUNNING      1
#define ASM_THREAD_BLOCKED_RECV 3
#define ASM_THREAD_BLOCKED_REPLY 4

/* ---- struct endpoint and struct notification ---- */
#define ASM_EP_STATE            0       /* a word */
#define ASM_EP_HEAD             (__SIZEOF_POINTER__)
#define ASM_EP_IDLE             0
#define ASM_EP_SEND             1
#define ASM_EP_RECV             2
#define ASM_NTFN_STATE          0
#define ASM_NTFN_ACTIVE         2

/* ---- the message info word (seL4_MessageInfo_t) ----
 * extraCaps sits right above length, so "no capabilities and at most
 * ARCH_NUM_MSG_REGS words" is one compare: (info & ASM_MI_FAST_MASK) <= n. */
#define ASM_MI_FAST_MASK        0x1ff   /* extraCaps [8:7], length [6:0] */
#define ASM_MI_LENGTH_MASK      0x7f
#define ASM_MI_UNWRAPPED_MASK   0xe00   /* capsUnwrapped [11:9] */
