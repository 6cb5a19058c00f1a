/*
 * Object types (see objects.h): seL4's size rules, creation of an object's
 * capability from zeroed Untyped memory, and the capability comparisons the
 * CDT relies on (seL4's sameRegionAs / sameObjectAs / deriveCap).
 */
#include <core/cdt.h>
#include <core/objects.h>
#include <core/tcb.h>
#include <sel4/constants.h>
#include <sel4/errors.h>

struct vm_object_type {
    word_t type;
    bool frame;
    unsigned level;             /* frames: the level that maps them; tables: their level */
};

static const struct vm_object_type vm_types[] = { ARCH_VM_OBJECT_TYPES };

/* A frame type whose level cannot hold a page on this machine (x86_64's
 * 1 GiB pages without CPU support) is not offered, as if the kernel had been
 * built without it. */
static const struct vm_object_type *vm_type(word_t type)
{
    for (unsigned i = 0; i < ARRAY_SIZE(vm_types); i++)
        if (vm_types[i].type == type)
            return vm_types[i].frame && !pt_level_has_pages(vm_types[i].level) ? NULL : &vm_types[i];
    return NULL;
}

static unsigned vm_object_bits(const struct vm_object_type *v)
{
    return v->frame ? pt_level_shift(v->level) : pt_level_size_bits(v->level == PT_LEVEL_ANY ? 0 : v->level);
}

unsigned object_size_bits(word_t type, word_t user_bits)
{
    switch (type) {
    case seL4_UntypedObject: return (unsigned)user_bits;
    case seL4_TCBObject: return seL4_TCBBits;
    case seL4_EndpointObject: return seL4_EndpointBits;
    case seL4_NotificationObject: return seL4_NotificationBits;
    case seL4_CapTableObject: return seL4_SlotBits + (unsigned)user_bits;
    default: break;
    }
    const struct vm_object_type *v = vm_type(type);
    return v ? vm_object_bits(v) : 0;
}

bool object_type_offered(word_t type)
{
    return type < seL4_NonArchObjectTypeCount || vm_type(type) != NULL;
}

bool object_type_is_frame(word_t type)
{
    const struct vm_object_type *v = vm_type(type);
    return v && v->frame;
}

cap_t object_create(word_t type, word_t user_bits, void *obj, bool device)
{
    switch (type) {
    case seL4_UntypedObject: return cap_untyped(obj, (unsigned)user_bits, device, 0);
    case seL4_TCBObject:
        tcb_init(obj, "");
        return cap_thread(obj);
    case seL4_EndpointObject: return cap_endpoint(CAP_ENDPOINT, obj, RIGHTS_ALL, 0);
    case seL4_NotificationObject: return cap_endpoint(CAP_NOTIFICATION, obj, RIGHTS_ALL, 0);
    case seL4_CapTableObject: return cap_cnode(obj, (unsigned)user_bits, 0, 0);
    default: break;
    }
    const struct vm_object_type *v = vm_type(type);
    if (v->frame)
        return cap_frame(obj, v->level, CAP_VM_READ | CAP_VM_WRITE | (device ? CAP_VM_DEVICE : 0), 0, 0);
    return cap_page_table(obj, v->level, v->level == PT_LEVEL_ANY ? CAP_VM_ANY : 0, 0, 0);
}

bool cap_region(cap_t c, word_t *base, word_t *size)
{
    unsigned bits;
    switch (cap_type(c)) {
    case CAP_UNTYPED: bits = cap_untyped_size_bits(c); break;
    case CAP_CNODE: bits = cap_cnode_radix(c) + CTE_SIZE_BITS; break;
    case CAP_THREAD: bits = seL4_TCBBits; break;
    case CAP_ENDPOINT: bits = seL4_EndpointBits; break;
    case CAP_NOTIFICATION: bits = seL4_NotificationBits; break;
    case CAP_FRAME: bits = pt_level_shift(cap_vm_level(c)); break;
    case CAP_PAGE_TABLE:
        bits = pt_level_size_bits(cap_vm_level(c) == PT_LEVEL_ANY ? 0 : cap_vm_level(c));
        break;
    case CAP_ASID_POOL: bits = seL4_ASIDPoolBits; break;
    case CAP_ZOMBIE:
        if (cap_zombie_is_tcb(c)) {
            bits = seL4_TCBBits;
            break;
        }
        bits = cap_zombie_radix(c) + CTE_SIZE_BITS;
        break;
    default: return false;
    }
    *base = (word_t)cap_ptr(c);
    *size = BIT(bits);
    return true;
}

bool cap_region_contains(cap_t outer, cap_t inner)
{
    word_t ob, os, ib, is;
    if (!cap_region(outer, &ob, &os) || !cap_region(inner, &ib, &is))
        return false;
    /* Without base + size, which wraps for a region that ends at the top of
     * a 32-bit address space (a device Untyped in ia32's window). */
    return ob <= ib && is <= os && ib - ob <= os - is;
}

bool cap_same_region(cap_t a, cap_t b)
{
    enum cap_type ta = cap_type(a), tb = cap_type(b);
    switch (ta) {
    case CAP_UNTYPED: return cap_region_contains(a, b);
    case CAP_FRAME: return tb == CAP_FRAME && cap_region_contains(a, b);
    case CAP_CNODE: return tb == CAP_CNODE && cap_ptr(a) == cap_ptr(b) && cap_cnode_radix(a) == cap_cnode_radix(b);
    case CAP_ENDPOINT: case CAP_NOTIFICATION: case CAP_THREAD: case CAP_PAGE_TABLE:
    case CAP_ASID_POOL: case CAP_REPLY:
        return tb == ta && cap_ptr(a) == cap_ptr(b);
    case CAP_IRQ_CONTROL: return tb == CAP_IRQ_CONTROL || tb == CAP_IRQ_HANDLER;
    case CAP_IRQ_HANDLER: return tb == CAP_IRQ_HANDLER && cap_value(a) == cap_value(b);
    case CAP_IO_PORT_CONTROL: return tb == CAP_IO_PORT_CONTROL || tb == CAP_IO_PORT;
    case CAP_IO_PORT: return tb == CAP_IO_PORT && cap_value(a) == cap_value(b);
    case CAP_ASID_CONTROL: case CAP_DOMAIN: return tb == ta;
    default: return false;
    }
}

bool cap_same_object(cap_t a, cap_t b)
{
    enum cap_type ta = cap_type(a), tb = cap_type(b);
    if (ta == CAP_UNTYPED)
        return false;
    if ((ta == CAP_IRQ_CONTROL && tb == CAP_IRQ_HANDLER) ||
        (ta == CAP_IO_PORT_CONTROL && tb == CAP_IO_PORT))
        return false;
    if (ta == CAP_FRAME && tb == CAP_FRAME)
        return cap_ptr(a) == cap_ptr(b) && cap_vm_level(a) == cap_vm_level(b);
    return cap_same_region(a, b);
}

cap_t cap_derive(const struct cte *src, cap_t c, int *error)
{
    *error = seL4_NoError;
    switch (cap_type(c)) {
    case CAP_ZOMBIE: case CAP_IRQ_CONTROL: case CAP_REPLY: case CAP_IO_PORT_CONTROL:
        return cap_null();
    case CAP_UNTYPED:
        if (cdt_has_children(src)) {
            *error = seL4_RevokeFirst;
            return cap_null();
        }
        return c;
    case CAP_PAGE_TABLE:
        if (!(cap_vm_flags(c) & CAP_VM_MAPPED)) {
            *error = seL4_IllegalOperation;
            return cap_null();
        }
        return c;
    case CAP_FRAME:
        /* A copy of a frame capability is a new, unmapped mapping right. */
        return cap_frame(cap_ptr(c), cap_vm_level(c), cap_vm_flags(c) & ~CAP_VM_MAPPED, 0, 0);
    default:
        return c;
    }
}

cap_t cap_mask_rights(cap_t c, word_t rights)
{
    switch (cap_type(c)) {
    case CAP_ENDPOINT: case CAP_NOTIFICATION:
        return cap_endpoint(cap_type(c), cap_ptr(c), cap_rights(c) & (unsigned)rights, cap_badge(c));
    case CAP_FRAME: {
        unsigned f = cap_vm_flags(c);
        if (!(rights & RIGHT_WRITE))
            f &= ~CAP_VM_WRITE;
        if (!(rights & RIGHT_READ))
            f &= ~(CAP_VM_READ | CAP_VM_WRITE);
        return cap_frame_with_fields(c, cap_vm_level(c) | f);
    }
    default:
        return c;
    }
}

cap_t cap_update_data(bool preserve, word_t data, cap_t c)
{
    switch (cap_type(c)) {
    case CAP_ENDPOINT: case CAP_NOTIFICATION:
        /* A badge can be set once, by Mint, on an unbadged capability. */
        if (preserve || cap_badge(c) != 0)
            return cap_null();
        return cap_endpoint(cap_type(c), cap_ptr(c), cap_rights(c), data & CAP_BADGE_MASK);
    case CAP_CNODE: {
        word_t gsize = data & MASK(seL4_GuardSizeBits);
        if (gsize + cap_cnode_radix(c) > WORD_BITS)
            return cap_null();
        word_t guard = gsize ? (data >> seL4_GuardSizeBits) & MASK(gsize) & MASK(seL4_GuardBits) : 0;
        return cap_cnode(cap_ptr(c), cap_cnode_radix(c), (unsigned)gsize, guard);
    }
    default:
        return c;
    }
}

bool cap_is_revocable(cap_t new_cap, cap_t src_cap)
{
    switch (cap_type(new_cap)) {
    case CAP_ENDPOINT: case CAP_NOTIFICATION: return cap_badge(new_cap) != cap_badge(src_cap);
    case CAP_IRQ_HANDLER: return cap_type(src_cap) == CAP_IRQ_CONTROL;
    case CAP_IO_PORT: return cap_type(src_cap) == CAP_IO_PORT_CONTROL;
    case CAP_UNTYPED: return true;
    default: return false;
    }
}
