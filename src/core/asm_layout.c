/*
 * The checks behind core/asm_layout.h: each number a port's assembly may use
 * is compared here with the C definition it stands for. The file has no
 * code; it exists so that these asserts are compiled for every port.
 */
#include <core/asm_layout.h>
#include <core/ipc.h>
#include <core/tcb.h>
#include <sel4/syscall_numbers.h>

_Static_assert(ASM_SYS_CALL == seL4_SysCall, "syscall number");
_Static_assert(ASM_SYS_REPLY_RECV == seL4_SysReplyRecv, "syscall number");

_Static_assert(ASM_CTE_SIZE == sizeof(struct cte), "cte size");
_Static_assert(ASM_CTE_SIZE == 1u << ASM_CTE_SIZE_BITS, "cte size bits");
_Static_assert(ASM_CTE_CAP_W0 == offsetof(struct cte, cap.w0), "cte cap word 0");
_Static_assert(ASM_CTE_CAP_W1 == offsetof(struct cte, cap.w1), "cte cap word 1");
_Static_assert(ASM_CTE_CDT_PREV == offsetof(struct cte, cdt_prev), "cte prev link");
_Static_assert(ASM_CTE_CDT_NEXT == offsetof(struct cte, cdt_next), "cte next link");
_Static_assert(ASM_CDT_FLAG == CDT_REVOCABLE && ASM_CDT_FLAG == CDT_FIRST_BADGED &&
               (word_t)~ASM_CDT_FLAG == CDT_LINK_MASK, "cdt link flags");

_Static_assert(ASM_CAP_TYPE_SHIFT == CAP_TYPE_SHIFT, "cap type shift");
#if WORD_BITS == 64
_Static_assert(ASM_CAP_FIELD_SHIFT == CAP_FIELD_SHIFT, "cap field shift");
#else
_Static_assert(ASM_CAP_EP_FIELD_BITS == CAP_EP_FIELD_BITS && ASM_CAP_CNODE_FIELD_BITS == CAP_CNODE_FIELD_BITS &&
               ASM_CAP_REPLY_FIELD_BITS == CAP_REPLY_FIELD_BITS, "cap fields in word 1");
#endif
_Static_assert(WORD_BITS == 8 * __SIZEOF_POINTER__, "asm_layout.h picks the layout by pointer size");
_Static_assert(ASM_CAP_PTR_BITS == CAP_PTR_BITS, "cap pointer bits");
_Static_assert(ASM_CAP_ENDPOINT == CAP_ENDPOINT, "endpoint cap type");
_Static_assert(ASM_CAP_REPLY == CAP_REPLY, "reply cap type");
_Static_assert(ASM_CAP_CNODE == CAP_CNODE, "cnode cap type");
_Static_assert(ASM_RIGHT_WRITE == RIGHT_WRITE && ASM_RIGHT_READ == RIGHT_READ &&
               ASM_RIGHT_GRANT == RIGHT_GRANT && ASM_RIGHT_GRANT_REPLY == RIGHT_GRANT_REPLY,
               "endpoint rights");

_Static_assert(ASM_CNODE_RADIX_BITS == CAP_CNODE_RADIX_BITS, "cnode fields");
_Static_assert(RIGHTS_ALL == 0xf, "endpoint fields: rights [3:0]");
_Static_assert(ASM_REPLY_MASTER == CAP_REPLY_MASTER && ASM_REPLY_CAN_GRANT == CAP_REPLY_CAN_GRANT,
               "reply fields");

_Static_assert(ASM_TCB_CTX == offsetof(struct tcb, ctx), "tcb ctx");
_Static_assert(ASM_TCB_SLOTS == offsetof(struct tcb, slots), "tcb slots");
_Static_assert(ASM_TCB_CTABLE == offsetof(struct tcb, slots[TCB_CTABLE]), "tcb ctable slot");
_Static_assert(ASM_TCB_REPLY == offsetof(struct tcb, slots[TCB_REPLY]), "tcb reply slot");
_Static_assert(ASM_TCB_CALLER == offsetof(struct tcb, slots[TCB_CALLER]), "tcb caller slot");
_Static_assert(ASM_TCB_STATE_U32 == offsetof(struct tcb, state) && sizeof(enum thread_state) == 4,
               "tcb state");
_Static_assert(ASM_TCB_PRIORITY_U8 == offsetof(struct tcb, priority) &&
               sizeof(((struct tcb *)0)->priority) == 1, "tcb priority");
_Static_assert(ASM_TCB_BLOCKED_ON == offsetof(struct tcb, blocked_on), "tcb blocked_on");
_Static_assert(ASM_TCB_EP_NEXT == offsetof(struct tcb, ep_next), "tcb ep_next");
_Static_assert(ASM_TCB_EP_PREV == offsetof(struct tcb, ep_prev), "tcb ep_prev");
_Static_assert(ASM_TCB_CAN_GRANT_U8 == offsetof(struct tcb, ipc_can_grant) && sizeof(bool) == 1,
               "tcb ipc_can_grant");
_Static_assert(ASM_TCB_BOUND_NTFN == offsetof(struct tcb, bound_ntfn), "tcb bound_ntfn");
_Static_assert(ASM_TCB_VSPACE_EPOCH == offsetof(struct tcb, vspace_epoch), "tcb vspace_epoch");
_Static_assert(ASM_TCB_VSPACE_ROOT == offsetof(struct tcb, vspace_root) && sizeof(paddr_t) == 8,
               "tcb vspace_root");
_Static_assert(ASM_TCB_VSPACE_ASID == offsetof(struct tcb, vspace_asid), "tcb vspace_asid");
_Static_assert(ASM_TCB_PC_EXACT_U8 == offsetof(struct tcb, pc_exact), "tcb pc_exact");
_Static_assert(ASM_TCB_FLAGS == offsetof(struct tcb, flags) && ASM_TCB_FLAG_FPU_DISABLED == seL4_TCBFlag_fpuDisabled,
               "tcb flags");
_Static_assert(ASM_TCB_FAULT_TYPE == offsetof(struct tcb, fault.type), "tcb fault type");
_Static_assert(ASM_THREAD_RUNNING == THREAD_RUNNING && ASM_THREAD_BLOCKED_RECV == THREAD_BLOCKED_RECV &&
               ASM_THREAD_BLOCKED_REPLY == THREAD_BLOCKED_REPLY, "thread states");

_Static_assert(ASM_EP_STATE == offsetof(struct endpoint, state) &&
               sizeof(((struct endpoint *)0)->state) == sizeof(word_t), "endpoint state");
_Static_assert(ASM_EP_HEAD == offsetof(struct endpoint, head), "endpoint head");
_Static_assert(ASM_EP_IDLE == EP_IDLE && ASM_EP_SEND == EP_SEND && ASM_EP_RECV == EP_RECV, "ep states");
_Static_assert(ASM_NTFN_STATE == offsetof(struct notification, state) &&
               sizeof(((struct notification *)0)->state) == sizeof(word_t), "notification state");
_Static_assert(ASM_NTFN_ACTIVE == NTFN_ACTIVE, "notification active");

_Static_assert(ASM_MI_LENGTH_MASK == 0x7f && SEL4_MI_EXTRA_SHIFT == 7 && SEL4_MI_UNWRAP_SHIFT == 9 &&
               SEL4_MI_LABEL_SHIFT == 12, "message info layout");
_Static_assert(ASM_MI_FAST_MASK == ((3u << SEL4_MI_EXTRA_SHIFT) | ASM_MI_LENGTH_MASK), "fast mask");
_Static_assert(ASM_MI_UNWRAPPED_MASK == 7u << SEL4_MI_UNWRAP_SHIFT, "capsUnwrapped mask");
