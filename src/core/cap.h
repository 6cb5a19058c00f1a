/*
 * Capabilities: two machine words with hand-written accessors.
 *
 *   word 0: [63:59] type  [58:44] type-specific fields  [43:0] object pointer >> 4
 *   word 1: type-specific (badge, guard, free index, mapping, ...)
 *
 * Object pointers are kernel-window addresses; every kernel object is at least
 * 16-byte aligned, so the low 4 bits are dropped and the top bits restored by
 * sign extension from bit 47 (both 64-bit ports keep the kernel window in the
 * canonical upper half).
 */
#pragma once

#include <core/types.h>
#include <arch/types.h>
#include <sel4/keel.h>

typedef struct cap {
    word_t w0;
    word_t w1;
} cap_t;

_Static_assert(sizeof(cap_t) == 2 * sizeof(word_t), "a capability is two words");

enum cap_type {
    CAP_NULL = KEEL_CAP_NULL,
    CAP_FRAME = KEEL_CAP_FRAME,
    CAP_UNTYPED = KEEL_CAP_UNTYPED,
    CAP_PAGE_TABLE = KEEL_CAP_PAGE_TABLE,
    CAP_ENDPOINT = KEEL_CAP_ENDPOINT,
    CAP_NOTIFICATION = KEEL_CAP_NOTIFICATION,
    CAP_REPLY = KEEL_CAP_REPLY,
    CAP_CNODE = KEEL_CAP_CNODE,
    CAP_ASID_CONTROL = KEEL_CAP_ASID_CONTROL,
    CAP_THREAD = KEEL_CAP_THREAD,
    CAP_ASID_POOL = KEEL_CAP_ASID_POOL,
    CAP_IRQ_CONTROL = KEEL_CAP_IRQ_CONTROL,
    CAP_IRQ_HANDLER = KEEL_CAP_IRQ_HANDLER,
    CAP_ZOMBIE = KEEL_CAP_ZOMBIE,
    CAP_IO_PORT = KEEL_CAP_IO_PORT,
    CAP_DOMAIN = KEEL_CAP_DOMAIN,
    CAP_IO_PORT_CONTROL = KEEL_CAP_IO_PORT_CONTROL,
};

#define CAP_TYPE_SHIFT  59
#define CAP_FIELD_SHIFT 44
#define CAP_PTR_BITS    44

/* Endpoint/notification rights, in seL4_CapRights_t bit order. */
enum cap_rights {
    RIGHT_WRITE = 1u << 0,
    RIGHT_READ = 1u << 1,
    RIGHT_GRANT = 1u << 2,
    RIGHT_GRANT_REPLY = 1u << 3,
    RIGHTS_ALL = 0xf,
};

static inline enum cap_type cap_type(cap_t c) { return (enum cap_type)(c.w0 >> CAP_TYPE_SHIFT); }
static inline bool cap_is_null(cap_t c) { return cap_type(c) == CAP_NULL; }

/* The pointer field's top bit (address bit 47) goes to bit 63 and an
 * arithmetic shift brings it back, copied into the bits above: two
 * instructions on a hot path (GCC and Clang shift signed values
 * arithmetically). */
static inline void *cap_ptr(cap_t c)
{
    return (void *)(word_t)((sword_t)(c.w0 << (WORD_BITS - CAP_PTR_BITS)) >> (WORD_BITS - CAP_PTR_BITS - 4));
}

static inline word_t cap_fields(cap_t c) { return (c.w0 >> CAP_FIELD_SHIFT) & MASK(15); }

static inline cap_t cap_make(enum cap_type t, const void *ptr, word_t fields, word_t w1)
{
    cap_t c;
    c.w0 = ((word_t)t << CAP_TYPE_SHIFT) | ((fields & MASK(15)) << CAP_FIELD_SHIFT) |
           (((word_t)ptr >> 4) & MASK(CAP_PTR_BITS));
    c.w1 = w1;
    return c;
}

static inline cap_t cap_null(void) { return (cap_t){ 0, 0 }; }

/* Untyped: fields = size_bits [5:0] | is_device [6]; w1 = free index in bytes. */
static inline cap_t cap_untyped(void *base, unsigned size_bits, bool device, word_t free_index)
{
    return cap_make(CAP_UNTYPED, base, size_bits | ((word_t)device << 6), free_index);
}
static inline unsigned cap_untyped_size_bits(cap_t c) { return cap_fields(c) & 0x3f; }
static inline bool cap_untyped_is_device(cap_t c) { return (cap_fields(c) >> 6) & 1; }
static inline word_t cap_untyped_free_index(cap_t c) { return c.w1; }

/* CNode: fields = radix [5:0] | guard_size [11:6]; w1 = guard. */
#define CAP_CNODE_RADIX_BITS 6
static inline cap_t cap_cnode(void *slots, unsigned radix, unsigned guard_size, word_t guard)
{
    return cap_make(CAP_CNODE, slots, radix | ((word_t)guard_size << CAP_CNODE_RADIX_BITS), guard);
}
static inline unsigned cap_cnode_radix(cap_t c) { return cap_fields(c) & MASK(CAP_CNODE_RADIX_BITS); }
static inline unsigned cap_cnode_guard_size(cap_t c)
{
    return (cap_fields(c) >> CAP_CNODE_RADIX_BITS) & MASK(CAP_CNODE_RADIX_BITS);
}
static inline word_t cap_cnode_guard(cap_t c) { return c.w1; }

/* Endpoint and notification: fields = rights [3:0]; w1 = badge. */
static inline cap_t cap_endpoint(enum cap_type t, void *obj, unsigned rights, word_t badge)
{
    return cap_make(t, obj, rights & RIGHTS_ALL, badge);
}
static inline unsigned cap_rights(cap_t c) { return cap_fields(c) & RIGHTS_ALL; }
static inline word_t cap_badge(cap_t c) { return c.w1; }

/* Frames and page tables: fields = level [2:0] | vm rights R [3] W [4] | device [5]
 * | mapped [6]; w1 = mapped virtual page number << 16 | ASID. A page table
 * whose level is fixed only when it is mapped (riscv) has level PT_LEVEL_ANY. */
#define CAP_VM_READ   (1u << 3)
#define CAP_VM_WRITE  (1u << 4)
#define CAP_VM_DEVICE (1u << 5)
#define CAP_VM_MAPPED (1u << 6)
#define CAP_VM_ANY    (1u << 7)     /* a table that may serve any level (riscv) */
#define PT_LEVEL_ANY  7u

static inline cap_t cap_frame(void *frame, unsigned level, unsigned flags, vaddr_t va, word_t asid)
{
    return cap_make(CAP_FRAME, frame, level | flags, ((va >> PAGE_BITS) << 16) | (asid & 0xffff));
}
static inline cap_t cap_page_table(void *table, unsigned level, unsigned flags, vaddr_t va, word_t asid)
{
    return cap_make(CAP_PAGE_TABLE, table, level | flags, ((va >> PAGE_BITS) << 16) | (asid & 0xffff));
}
static inline unsigned cap_vm_level(cap_t c) { return cap_fields(c) & 7; }
static inline unsigned cap_vm_flags(cap_t c) { return cap_fields(c) & ~7u; }
static inline vaddr_t cap_vm_mapped_va(cap_t c) { return (c.w1 >> 16) << PAGE_BITS; }
static inline word_t cap_vm_asid(cap_t c) { return c.w1 & 0xffff; }

/* ASID pool: w1 = the first ASID the pool serves. */
static inline cap_t cap_asid_pool(void *pool, word_t asid_base)
{
    return cap_make(CAP_ASID_POOL, pool, 0, asid_base);
}

/* Reply: the caller's TCB; fields = master [0] | can_grant [1]. */
#define CAP_REPLY_MASTER    1u
#define CAP_REPLY_CAN_GRANT 2u
static inline cap_t cap_reply(void *tcb, bool master, bool can_grant)
{
    return cap_make(CAP_REPLY, tcb, (master ? CAP_REPLY_MASTER : 0) | (can_grant ? CAP_REPLY_CAN_GRANT : 0), 0);
}
static inline bool cap_reply_master(cap_t c) { return cap_fields(c) & CAP_REPLY_MASTER; }
static inline bool cap_reply_can_grant(cap_t c) { return cap_fields(c) & CAP_REPLY_CAN_GRANT; }

/* Thread: the TCB. */
static inline cap_t cap_thread(void *tcb) { return cap_make(CAP_THREAD, tcb, 0, 0); }

/* IRQ handler: w1 = the IRQ number (cap_same_region compares it). */
static inline cap_t cap_irq_handler(word_t irq) { return cap_make(CAP_IRQ_HANDLER, NULL, 0, irq); }
static inline word_t cap_irq_handler_irq(cap_t c) { return c.w1; }

/* Capabilities that name no memory. */
static inline cap_t cap_singleton(enum cap_type t) { return cap_make(t, NULL, 0, 0); }

/* Zombie: a dying CNode or TCB whose slots are being emptied.
 * ptr = the CNode's first slot or the TCB; fields = radix [5:0] | is_tcb [14];
 * w1 = slots left. Every capability pointer must be 16-byte aligned. */
#define ZOMBIE_TCB BIT(14)
static inline cap_t cap_zombie(void *first_slot, word_t fields, word_t remaining)
{
    return cap_make(CAP_ZOMBIE, first_slot, fields, remaining);
}
static inline word_t cap_zombie_remaining(cap_t c) { return c.w1; }

/* Where an object capability's memory lies, for region checks; size 0 for
 * capabilities that name no memory. */
static inline word_t cap_untyped_base(cap_t c) { return (word_t)cap_ptr(c); }
