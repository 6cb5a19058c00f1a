/*
 * Message registers: the first ARCH_NUM_MSG_REGS live in machine registers
 * (arch_msg_regs[]), the rest in the thread's IPC buffer. Without a buffer
 * only the register part exists.
 */
#pragma once

#include <core/tcb.h>
#include <sel4/shared_types.h>

static inline word_t mr_get(struct tcb *t, const seL4_IPCBuffer *buf, unsigned i)
{
    if (i < ARCH_NUM_MSG_REGS)
        return arch_context_get(&t->ctx, arch_msg_regs[i]);
    return buf ? buf->msg[i] : 0;
}

static inline void mr_set(struct tcb *t, seL4_IPCBuffer *buf, unsigned i, word_t v)
{
    if (i < ARCH_NUM_MSG_REGS)
        arch_context_set(&t->ctx, arch_msg_regs[i], v);
    else if (buf && i < seL4_MsgMaxLength)
        buf->msg[i] = v;
}

static inline seL4_MessageInfo_t msginfo_get(struct tcb *t)
{
    seL4_MessageInfo_t m = { { arch_context_get(&t->ctx, REG_MSGINFO) } };
    return m;
}

static inline void msginfo_set(struct tcb *t, seL4_MessageInfo_t m)
{
    arch_context_set(&t->ctx, REG_MSGINFO, m.words[0]);
}

/* ipc_transfer() (transfer.c) of a message that fits the message registers
 * (len <= ARCH_NUM_MSG_REGS) and carries no capabilities: the common case,
 * and all that the fastpath handles. No IPC buffer is touched; the result
 * is what the general transfer would produce. */
static inline void ipc_transfer_regs(struct tcb *sender, seL4_MessageInfo_t tag, unsigned len,
                                     word_t badge, struct tcb *receiver)
{
    /* A constant bound, so that the compiler unrolls it into direct moves. */
    for (unsigned i = 0; i < ARCH_NUM_MSG_REGS; i++)
        if (i < len)
            arch_context_set(&receiver->ctx, arch_msg_regs[i],
                             arch_context_get(&sender->ctx, arch_msg_regs[i]));
    tag = seL4_MessageInfo_set_capsUnwrapped(seL4_MessageInfo_set_extraCaps(tag, 0), 0);
    msginfo_set(receiver, seL4_MessageInfo_set_length(tag, len));
    arch_context_set(&receiver->ctx, REG_BADGE, badge);
}
