/*
 * Capabilities: two machine words with hand-written accessors.
 *
 * 64-bit words (riscv64, x86_64, aarch64):
 *   word 0: [63:59] type  [58:44] type-specific fields  [43:0] object pointer >> 4
 *   word 1: the type-specific value (badge, guard, free index, mapping, ...)
 * Object pointers are kernel-window addresses; every kernel object is at least
 * 16-byte aligned, so the low 4 bits are dropped and the top bits restored by
 * sign extension from bit 47 (the 64-bit ports keep the kernel window in the
 * canonical upper half).
 *
 * 32-bit words (ia32, aarch32): a word has no room for type, fields and
 * pointer together, so, like seL4's 32-bit capabilities, the layout depends
 * on the type:
 *   word 0: [31:27] type  [26:0] object pointer >> 4, sign-extended from
 *           bit 26 (so kernel objects lie in the top GiB, or the bottom one);
 *           frames and page tables are 4 KiB-aligned and keep their fields
 *           in the pointer's low bits [7:0] instead;
 *   word 1: [31:n] the value  [n-1:0] the fields, n = cap_w1_field_bits(type).
 * The values are narrower there, as on seL4: badges have 28 bits, guards 18,
 * an Untyped's free index counts 16-byte units, a mapping's ASID has 12 bits.
 *
 * Code outside this file reads and writes capabilities only through these
 * accessors (the assembly fastpaths use core/asm_layout.h).
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

#if WORD_BITS == 64
#define CAP_TYPE_SHIFT  59
#define CAP_FIELD_SHIFT 44
#define CAP_PTR_BITS    44
#define CAP_UNTYPED_SIZE_WIDTH 6        /* Untyped fields: size_bits [5:0] | is_device [6] */
#define CAP_UNTYPED_FREE_SHIFT 0        /* the free index is kept in bytes */
#define CAP_VM_ASID_BITS 16
#define CAP_BADGE_MASK  (~(word_t)0)
#elif WORD_BITS == 32
#define CAP_TYPE_SHIFT  27
#define CAP_PTR_BITS    27
#define CAP_UNTYPED_SIZE_WIDTH 5        /* Untyped fields: size_bits [4:0] | is_device [5] */
#define CAP_UNTYPED_FREE_SHIFT 4        /* the free index is kept in 16-byte units */
#define CAP_VM_ASID_BITS 12
#define CAP_VM_FIELD_BITS 8             /* frame/page-table fields in word 0 */
#define CAP_EP_FIELD_BITS 4             /* the other types' fields in word 1 */
#define CAP_CNODE_FIELD_BITS 12
#define CAP_REPLY_FIELD_BITS 2
#define CAP_ZOMBIE_FIELD_BITS 7
#define CAP_BADGE_MASK  MASK(28)
#else
#error "capabilities are laid out for 32- and 64-bit words"
#endif

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

/* The pointer field's top bit (address bit 47, or 30) goes to the word's
 * top bit and an arithmetic shift brings it back, copied into the bits
 * above: two instructions on a hot path (GCC and Clang shift signed values
 * arithmetically). */
static inline word_t cap_ptr_word(word_t w0)
{
    return (word_t)((sword_t)(w0 << (WORD_BITS - CAP_PTR_BITS)) >> (WORD_BITS - CAP_PTR_BITS - 4));
}

#if WORD_BITS == 64
static inline void *cap_ptr(cap_t c) { return (void *)cap_ptr_word(c.w0); }
static inline word_t cap_fields(cap_t c) { return (c.w0 >> CAP_FIELD_SHIFT) & MASK(15); }
static inline word_t cap_value(cap_t c) { return c.w1; }

static inline cap_t cap_make(enum cap_type t, const void *ptr, word_t fields, word_t value)
{
    cap_t c;
    c.w0 = ((word_t)t << CAP_TYPE_SHIFT) | ((fields & MASK(15)) << CAP_FIELD_SHIFT) |
           (((word_t)ptr >> 4) & MASK(CAP_PTR_BITS));
    c.w1 = value;
    return c;
}
#else
/* Frames and page tables: fields in word 0 (below the 4 KiB-aligned pointer). */
static inline bool cap_fields_in_w0(enum cap_type t) { return t == CAP_FRAME || t == CAP_PAGE_TABLE; }

/* How many low bits of word 1 hold the fields of a capability of type t. */
static inline unsigned cap_w1_field_bits(enum cap_type t)
{
    switch (t) {
    case CAP_UNTYPED: return CAP_UNTYPED_SIZE_WIDTH + 1;
    case CAP_CNODE: return CAP_CNODE_FIELD_BITS;
    case CAP_ENDPOINT: case CAP_NOTIFICATION: return CAP_EP_FIELD_BITS;
    case CAP_REPLY: return CAP_REPLY_FIELD_BITS;
    case CAP_ZOMBIE: return CAP_ZOMBIE_FIELD_BITS;
    default: return 0;
    }
}

static inline void *cap_ptr(cap_t c)
{
    word_t p = cap_ptr_word(c.w0);
    return (void *)(cap_fields_in_w0(cap_type(c)) ? p & ~MASK(CAP_VM_FIELD_BITS + 4) : p);
}

static inline word_t cap_fields(cap_t c)
{
    enum cap_type t = cap_type(c);
    return cap_fields_in_w0(t) ? c.w0 & MASK(CAP_VM_FIELD_BITS) : c.w1 & MASK(cap_w1_field_bits(t));
}

static inline word_t cap_value(cap_t c)
{
    enum cap_type t = cap_type(c);
    return cap_fields_in_w0(t) ? c.w1 : c.w1 >> cap_w1_field_bits(t);
}

static inline cap_t cap_make(enum cap_type t, const void *ptr, word_t fields, word_t value)
{
    cap_t c;
    c.w0 = ((word_t)t << CAP_TYPE_SHIFT) | (((word_t)ptr >> 4) & MASK(CAP_PTR_BITS));
    if (cap_fields_in_w0(t)) {
        c.w0 |= fields & MASK(CAP_VM_FIELD_BITS);
        c.w1 = value;
    } else {
        unsigned n = cap_w1_field_bits(t);
        c.w1 = (value << n) | (fields & MASK(n));
    }
    return c;
}
#endif

static inline cap_t cap_null(void) { return (cap_t){ 0, 0 }; }

/* Untyped: fields = size_bits | is_device (CAP_UNTYPED_SIZE_WIDTH); value = free
 * index (bytes >> CAP_UNTYPED_FREE_SHIFT: always a multiple of 16). */
static inline cap_t cap_untyped(void *base, unsigned size_bits, bool device, word_t free_index)
{
    return cap_make(CAP_UNTYPED, base, size_bits | ((word_t)device << CAP_UNTYPED_SIZE_WIDTH),
                    free_index >> CAP_UNTYPED_FREE_SHIFT);
}
static inline unsigned cap_untyped_size_bits(cap_t c) { return cap_fields(c) & MASK(CAP_UNTYPED_SIZE_WIDTH); }
static inline bool cap_untyped_is_device(cap_t c) { return (cap_fields(c) >> CAP_UNTYPED_SIZE_WIDTH) & 1; }
static inline word_t cap_untyped_free_index(cap_t c) { return cap_value(c) << CAP_UNTYPED_FREE_SHIFT; }
static inline void cap_untyped_set_free_index(cap_t *c, word_t free_index)
{
    *c = cap_untyped(cap_ptr(*c), cap_untyped_size_bits(*c), cap_untyped_is_device(*c), free_index);
}

/* CNode: fields = radix [5:0] | guard_size [11:6]; value = guard. */
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
static inline word_t cap_cnode_guard(cap_t c) { return cap_value(c); }

/* Endpoint and notification: fields = rights [3:0]; value = badge (CAP_BADGE_MASK). */
static inline cap_t cap_endpoint(enum cap_type t, void *obj, unsigned rights, word_t badge)
{
    return cap_make(t, obj, rights & RIGHTS_ALL, badge);
}
static inline unsigned cap_rights(cap_t c) { return cap_fields(c) & RIGHTS_ALL; }
static inline word_t cap_badge(cap_t c) { return cap_value(c); }

/* Frames and page tables: fields = level [2:0] | vm rights R [3] W [4] | device [5]
 * | mapped [6]; value = mapped virtual page number << CAP_VM_ASID_BITS | ASID. A page table
 * whose level is fixed only when it is mapped (riscv) has level PT_LEVEL_ANY. */
#define CAP_VM_READ   (1u << 3)
#define CAP_VM_WRITE  (1u << 4)
#define CAP_VM_DEVICE (1u << 5)
#define CAP_VM_MAPPED (1u << 6)
#define CAP_VM_ANY    (1u << 7)     /* a table that may serve any level (riscv) */
#define PT_LEVEL_ANY  7u

static inline cap_t cap_frame(void *frame, unsigned level, unsigned flags, vaddr_t va, word_t asid)
{
    return cap_make(CAP_FRAME, frame, level | flags, ((va >> PAGE_BITS) << CAP_VM_ASID_BITS) | (asid & MASK(CAP_VM_ASID_BITS)));
}
static inline cap_t cap_page_table(void *table, unsigned level, unsigned flags, vaddr_t va, word_t asid)
{
    return cap_make(CAP_PAGE_TABLE, table, level | flags, ((va >> PAGE_BITS) << CAP_VM_ASID_BITS) | (asid & MASK(CAP_VM_ASID_BITS)));
}
static inline unsigned cap_vm_level(cap_t c) { return cap_fields(c) & 7; }
static inline unsigned cap_vm_flags(cap_t c) { return cap_fields(c) & ~7u; }
static inline vaddr_t cap_vm_mapped_va(cap_t c) { return (cap_value(c) >> CAP_VM_ASID_BITS) << PAGE_BITS; }
static inline word_t cap_vm_asid(cap_t c) { return cap_value(c) & MASK(CAP_VM_ASID_BITS); }
/* The same frame with other fields (rights), keeping its mapping. */
static inline cap_t cap_frame_with_fields(cap_t c, unsigned fields)
{
    return cap_make(CAP_FRAME, cap_ptr(c), fields, cap_value(c));
}

/* ASID pool: value = the first ASID the pool serves. */
static inline cap_t cap_asid_pool(void *pool, word_t asid_base)
{
    return cap_make(CAP_ASID_POOL, pool, 0, asid_base);
}
static inline word_t cap_asid_pool_base(cap_t c) { return cap_value(c); }

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

/* IRQ handler: value = the IRQ number (cap_same_region compares it). */
static inline cap_t cap_irq_handler(word_t irq) { return cap_make(CAP_IRQ_HANDLER, NULL, 0, irq); }
static inline word_t cap_irq_handler_irq(cap_t c) { return cap_value(c); }

/* Capabilities that name no memory. */
static inline cap_t cap_singleton(enum cap_type t) { return cap_make(t, NULL, 0, 0); }

/* Zombie: a dying CNode or TCB whose slots are being emptied.
 * ptr = the CNode's first slot or the TCB; fields = radix [5:0] | is_tcb [14]
 * (64-bit) or [6] (32-bit); value = slots left. Every capability pointer must
 * be 16-byte aligned. */
#define ZOMBIE_TCB (WORD_BITS == 64 ? BIT(14) : BIT(6))
static inline cap_t cap_zombie(void *first_slot, word_t fields, word_t remaining)
{
    return cap_make(CAP_ZOMBIE, first_slot, fields, remaining);
}
static inline word_t cap_zombie_remaining(cap_t c) { return cap_value(c); }
static inline bool cap_zombie_is_tcb(cap_t c) { return cap_fields(c) & ZOMBIE_TCB; }
static inline unsigned cap_zombie_radix(cap_t c) { return cap_fields(c) & MASK(CAP_CNODE_RADIX_BITS); }
static inline void cap_zombie_shrink(cap_t *c)
{
    *c = cap_zombie(cap_ptr(*c), cap_fields(*c), cap_zombie_remaining(*c) - 1);
}

/* Where an object capability's memory lies, for region checks; size 0 for
 * capabilities that name no memory. */
static inline word_t cap_untyped_base(cap_t c) { return (word_t)cap_ptr(c); }
