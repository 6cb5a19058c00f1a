/*
 * Helpers of the capability tests (see caps.h).
 *
 * Memory: one boot Untyped of at least 2 MiB, the pool, gives every test its
 * Untypeds as children. Revoking the pool after each test destroys all that
 * the test made, wherever its capabilities went; the next retype from the
 * pool resets it and clears only the part that was used.
 *
 * Slots: the first slot of bootinfo's empty region is the probe slot of
 * slot_type; the rest are handed out in order and emptied after each test.
 */
#include <keel/tap.h>
#include "caps.h"

#define POOL_MIN_BITS 21
#define OBJECT_UT_BITS 18

static seL4_CPtr next_slot;         /* 0 until the first allocation */
static seL4_CPtr pool;              /* 0 until chosen */
static seL4_CPtr object_ut;         /* this test's object Untyped, or 0 */

static seL4_CPtr probe_slot(void)
{
    return seL4_GetBootInfo()->empty.start;
}

seL4_CPtr slots_alloc(seL4_Word n)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    if (next_slot == 0) {
        next_slot = bi->empty.start + 1;
    }
    if (next_slot + n > bi->empty.end) {
        return 0;
    }
    next_slot += n;
    return next_slot - n;
}

seL4_CPtr slot_alloc(void)
{
    return slots_alloc(1);
}

/* The smallest non-device boot Untyped of at least 2^POOL_MIN_BITS bytes. */
seL4_CPtr pool_cap(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Uint8 best = 0;

    if (pool != 0) {
        return pool;
    }
    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (!d->isDevice && d->sizeBits >= POOL_MIN_BITS && (best == 0 || d->sizeBits < best)) {
            best = d->sizeBits;
            pool = bi->untyped.start + i;
        }
    }
    return pool;
}

seL4_Error retype_one(seL4_CPtr ut, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot)
{
    return seL4_Untyped_Retype(ut, type, size_bits, ROOT, 0, 0, slot, 1);
}

seL4_CPtr ut_alloc(unsigned bits)
{
    seL4_CPtr slot = slot_alloc();

    if (slot == 0 || pool_cap() == 0 || retype_one(pool_cap(), seL4_UntypedObject, bits, slot) != seL4_NoError) {
        return 0;
    }
    return slot;
}

seL4_CPtr new_object(seL4_Word type, seL4_Word size_bits)
{
    seL4_CPtr slot;

    if (object_ut == 0) {
        object_ut = ut_alloc(OBJECT_UT_BITS);
    }
    slot = slot_alloc();
    if (object_ut == 0 || slot == 0 || retype_one(object_ut, type, size_bits, slot) != seL4_NoError) {
        return 0;
    }
    return slot;
}

seL4_CPtr new_endpoint(void)
{
    return new_object(seL4_EndpointObject, 0);
}

seL4_CPtr new_cnode(unsigned radix)
{
    return new_object(seL4_CapTableObject, radix);
}

seL4_CPtr copy_cap(seL4_CPtr src, seL4_CapRights_t rights)
{
    seL4_CPtr slot = slot_alloc();

    if (slot == 0 || seL4_CNode_Copy(ROOT, slot, ROOT_DEPTH, ROOT, src, ROOT_DEPTH, rights) != seL4_NoError) {
        return 0;
    }
    return slot;
}

seL4_Uint32 slot_type(seL4_CNode cnode, seL4_Word index, seL4_Uint8 depth)
{
    seL4_Error err = seL4_CNode_Move(ROOT, probe_slot(), ROOT_DEPTH, cnode, index, depth);
    seL4_Uint32 type;

    if (err == seL4_FailedLookup && seL4_GetMR(0) == 1 && seL4_GetMR(1) == seL4_MissingCapability) {
        return KEEL_CAP_NULL;
    }
    if (err != seL4_NoError) {
        return SLOT_TYPE_ERROR;
    }
    type = seL4_DebugCapIdentify(probe_slot());
    if (seL4_CNode_Move(cnode, index, depth, ROOT, probe_slot(), ROOT_DEPTH) != seL4_NoError) {
        return SLOT_TYPE_ERROR;
    }
    return type;
}

const char *expect_slots_hold(seL4_CNode cnode, unsigned radix, seL4_Word first, seL4_Word n, seL4_Uint32 type)
{
    for (seL4_Word i = first; i < first + n; i++) {
        seL4_Uint32 got = slot_type(cnode, i, (seL4_Uint8)radix);
        CHECK(got == type, "slot %lu of the CNode at %lu holds cap type %d, not %u", i, cnode, (int)got, type);
    }
    return NULL;
}

const char *expect_type(seL4_CPtr slot, seL4_Uint32 type, const char *what)
{
    seL4_Uint32 got = seL4_DebugCapIdentify(slot);

    CHECK(got == type, "%s: slot %lu holds cap type %u, not %u", what, slot, got, type);
    return NULL;
}

const char *expect_whole(seL4_CPtr ut, unsigned bits, const char *what)
{
    seL4_CPtr slot = slot_alloc();
    seL4_Error err;

    CHECK(slot != 0, "%s: out of scratch slots", what);
    err = retype_one(ut, seL4_UntypedObject, bits, slot);
    TRY(expect_ok(err, what));
    return expect_ok(seL4_CNode_Delete(ROOT, slot, ROOT_DEPTH), "deleting the whole-size child again");
}

const char *error_name(seL4_Error e)
{
    static const char *const names[] = {
        "seL4_NoError", "seL4_InvalidArgument", "seL4_InvalidCapability", "seL4_IllegalOperation",
        "seL4_RangeError", "seL4_AlignmentError", "seL4_FailedLookup", "seL4_TruncatedMessage",
        "seL4_DeleteFirst", "seL4_RevokeFirst", "seL4_NotEnoughMemory",
    };

    return (unsigned)e < sizeof(names) / sizeof(names[0]) ? names[e] : "(not an seL4_Error)";
}

/* The first message registers, for a failure reason. */
static const char *mrs(void)
{
    static char buf[100];

    snprintf(buf, sizeof(buf), "MRs %lu %lu %lu %lu %lu", seL4_GetMR(0), seL4_GetMR(1), seL4_GetMR(2),
             seL4_GetMR(3), seL4_GetMR(4));
    return buf;
}

const char *expect_ok(seL4_Error got, const char *what)
{
    CHECK(got == seL4_NoError, "%s: got %s (%s)", what, error_name(got), mrs());
    return NULL;
}

const char *expect_error(seL4_Error got, seL4_Error want, const char *what, const seL4_Word *detail, unsigned n)
{
    CHECK(got == want, "%s: got %s, want %s (%s)", what, error_name(got), error_name(want), mrs());
    for (unsigned i = 0; i < n; i++) {
        CHECK(seL4_GetMR((int)i) == detail[i], "%s: %s with MR%u = %lu, want %lu (%s)", what, error_name(got), i,
              seL4_GetMR((int)i), detail[i], mrs());
    }
    return NULL;
}

void caps_cleanup(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Error err;

    if (pool_cap() != 0 && (err = seL4_CNode_Revoke(ROOT, pool_cap(), ROOT_DEPTH)) != seL4_NoError) {
        test_cleanup_fail("revoking the pool gave %s", error_name(err));
    }
    for (seL4_CPtr s = bi->empty.start; next_slot != 0 && s < next_slot; s++) {
        if ((err = seL4_CNode_Delete(ROOT, s, ROOT_DEPTH)) != seL4_NoError) {
            test_cleanup_fail("deleting slot %lu gave %s", s, error_name(err));
        }
    }
    next_slot = 0;
    object_ut = 0;
}
