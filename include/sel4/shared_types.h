/*
 * Layouts shared by the kernel and user space: the message info word, the
 * IPC buffer, capability rights and CNode cap data. Hand-written accessors
 * (no generator); the field widths are seL4's 64-bit ones.
 */
#pragma once

#include <sel4/types.h>
#include <sel4/constants.h>

/* Message info: label (52 bits) | capsUnwrapped (3) | extraCaps (2) | length (7). */
typedef struct seL4_MessageInfo {
    seL4_Word words[1];
} seL4_MessageInfo_t;

#define SEL4_MI_LENGTH_SHIFT 0
#define SEL4_MI_EXTRA_SHIFT 7
#define SEL4_MI_UNWRAP_SHIFT 9
#define SEL4_MI_LABEL_SHIFT 12

static inline seL4_MessageInfo_t seL4_MessageInfo_new(seL4_Word label, seL4_Word capsUnwrapped,
                                                      seL4_Word extraCaps, seL4_Word length)
{
    seL4_MessageInfo_t m;
    m.words[0] = (label << SEL4_MI_LABEL_SHIFT) | ((capsUnwrapped & 7) << SEL4_MI_UNWRAP_SHIFT) |
                 ((extraCaps & 3) << SEL4_MI_EXTRA_SHIFT) | (length & 0x7f);
    return m;
}

static inline seL4_Word seL4_MessageInfo_get_label(seL4_MessageInfo_t m) { return m.words[0] >> SEL4_MI_LABEL_SHIFT; }
static inline seL4_Word seL4_MessageInfo_get_capsUnwrapped(seL4_MessageInfo_t m) { return (m.words[0] >> SEL4_MI_UNWRAP_SHIFT) & 7; }
static inline seL4_Word seL4_MessageInfo_get_extraCaps(seL4_MessageInfo_t m) { return (m.words[0] >> SEL4_MI_EXTRA_SHIFT) & 3; }
static inline seL4_Word seL4_MessageInfo_get_length(seL4_MessageInfo_t m) { return m.words[0] & 0x7f; }

static inline seL4_MessageInfo_t seL4_MessageInfo_set_label(seL4_MessageInfo_t m, seL4_Word v)
{
    m.words[0] = (m.words[0] & ((1ul << SEL4_MI_LABEL_SHIFT) - 1)) | (v << SEL4_MI_LABEL_SHIFT);
    return m;
}
static inline seL4_MessageInfo_t seL4_MessageInfo_set_capsUnwrapped(seL4_MessageInfo_t m, seL4_Word v)
{
    m.words[0] = (m.words[0] & ~(7ul << SEL4_MI_UNWRAP_SHIFT)) | ((v & 7) << SEL4_MI_UNWRAP_SHIFT);
    return m;
}
static inline seL4_MessageInfo_t seL4_MessageInfo_set_extraCaps(seL4_MessageInfo_t m, seL4_Word v)
{
    m.words[0] = (m.words[0] & ~(3ul << SEL4_MI_EXTRA_SHIFT)) | ((v & 3) << SEL4_MI_EXTRA_SHIFT);
    return m;
}
static inline seL4_MessageInfo_t seL4_MessageInfo_set_length(seL4_MessageInfo_t m, seL4_Word v)
{
    m.words[0] = (m.words[0] & ~0x7ful) | (v & 0x7f);
    return m;
}

/* Capability rights: grantReply (bit 3) | grant (2) | read (1) | write (0). */
typedef struct seL4_CapRights {
    seL4_Word words[1];
} seL4_CapRights_t;

static inline seL4_CapRights_t seL4_CapRights_new(seL4_Word grantReply, seL4_Word grant,
                                                  seL4_Word read, seL4_Word write)
{
    seL4_CapRights_t r;
    r.words[0] = ((grantReply & 1) << 3) | ((grant & 1) << 2) | ((read & 1) << 1) | (write & 1);
    return r;
}
static inline seL4_Word seL4_CapRights_get_capAllowGrantReply(seL4_CapRights_t r) { return (r.words[0] >> 3) & 1; }
static inline seL4_Word seL4_CapRights_get_capAllowGrant(seL4_CapRights_t r) { return (r.words[0] >> 2) & 1; }
static inline seL4_Word seL4_CapRights_get_capAllowRead(seL4_CapRights_t r) { return (r.words[0] >> 1) & 1; }
static inline seL4_Word seL4_CapRights_get_capAllowWrite(seL4_CapRights_t r) { return r.words[0] & 1; }

#define seL4_AllRights   seL4_CapRights_new(1, 1, 1, 1)
#define seL4_CanRead     seL4_CapRights_new(0, 0, 1, 0)
#define seL4_CanWrite    seL4_CapRights_new(0, 0, 0, 1)
#define seL4_CanGrant    seL4_CapRights_new(0, 1, 0, 0)
#define seL4_CanGrantReply seL4_CapRights_new(1, 0, 0, 0)
#define seL4_NoWrite     seL4_CapRights_new(1, 1, 1, 0)
#define seL4_NoRead      seL4_CapRights_new(1, 1, 0, 1)
#define seL4_NoRights    seL4_CapRights_new(0, 0, 0, 0)
#define seL4_ReadWrite   seL4_CapRights_new(0, 0, 1, 1)

/* CNode cap data (for Mint/Mutate of a CNode cap): guard (58 bits) | guardSize (6). */
typedef struct seL4_CNode_CapData {
    seL4_Word words[1];
} seL4_CNode_CapData_t;

static inline seL4_CNode_CapData_t seL4_CNode_CapData_new(seL4_Word guard, seL4_Word guardSize)
{
    seL4_CNode_CapData_t d;
    d.words[0] = (guard << seL4_GuardSizeBits) | (guardSize & ((1ul << seL4_GuardSizeBits) - 1));
    return d;
}
static inline seL4_Word seL4_CNode_CapData_get_guard(seL4_CNode_CapData_t d) { return d.words[0] >> seL4_GuardSizeBits; }
static inline seL4_Word seL4_CNode_CapData_get_guardSize(seL4_CNode_CapData_t d) { return d.words[0] & ((1ul << seL4_GuardSizeBits) - 1); }

/* The IPC buffer: one per thread, 2^seL4_IPCBufferSizeBits bytes, aligned to its size. */
typedef struct seL4_IPCBuffer_ {
    seL4_MessageInfo_t tag;
    seL4_Word msg[seL4_MsgMaxLength];
    seL4_Word userData;
    seL4_Word caps_or_badges[seL4_MsgMaxExtraCaps];
    seL4_CPtr receiveCNode;
    seL4_CPtr receiveIndex;
    seL4_Word receiveDepth;
} seL4_IPCBuffer __attribute__((__aligned__(sizeof(struct seL4_IPCBuffer_))));

_Static_assert(sizeof(seL4_IPCBuffer) == (1u << seL4_IPCBufferSizeBits), "IPC buffer size");
