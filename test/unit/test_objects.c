/*
 * Unit tests of object sizes and capability encodings (core/objects.c,
 * core/cap.h): seL4's size rules behind Untyped_Retype's arithmetic, and
 * that every capability field survives its two-word encoding.
 */
#include <stdlib.h>
#include <arch/pte.h>
#include <core/objects.h>
#include <sel4/constants.h>
#include "check.h"

int main(void)
{
    CHECK(object_size_bits(seL4_UntypedObject, 12) == 12, "Untyped: the user size");
    CHECK(object_size_bits(seL4_TCBObject, 0) == seL4_TCBBits, "TCB: seL4_TCBBits");
    CHECK(object_size_bits(seL4_EndpointObject, 0) == 4, "endpoint: 16 bytes");
    CHECK(object_size_bits(seL4_NotificationObject, 0) == 5, "notification: 32 bytes");
    CHECK(object_size_bits(seL4_CapTableObject, 10) == 15, "CNode: 2^radix slots of 32 bytes");
    CHECK(object_size_bits(8, 0) == 12 && object_type_is_frame(8), "4 KiB frame (fake arch type 8)");
    CHECK(object_size_bits(7, 0) == 30 && object_type_is_frame(7), "1 GiB frame (fake arch type 7)");
    CHECK(object_size_bits(10, 0) == 12 && !object_type_is_frame(10), "page table: one page");
    CHECK(object_size_bits(99, 0) == 0, "unknown type has no size");
    CHECK(object_type_offered(seL4_TCBObject) && object_type_offered(7) && !object_type_offered(99),
          "every type of the table is offered, an unknown one is not");
    fake_level1_pages = false;
    CHECK(!object_type_offered(7) && object_size_bits(7, 0) == 0 && !object_type_is_frame(7),
          "a frame type whose level holds no pages on this machine is not offered");
    CHECK(object_type_offered(5), "a table of that level still is");
    fake_level1_pages = true;

    void *mem = aligned_alloc(1 << 16, 1 << 16);
    cap_t u = cap_untyped(mem, 16, true, 0x1230);
    CHECK(cap_type(u) == CAP_UNTYPED && cap_ptr(u) == mem && cap_untyped_size_bits(u) == 16 &&
          cap_untyped_is_device(u) && cap_untyped_free_index(u) == 0x1230, "Untyped fields round-trip");
    cap_t c = cap_cnode(mem, 12, 52, 0xabc);
    CHECK(cap_cnode_radix(c) == 12 && cap_cnode_guard_size(c) == 52 && cap_cnode_guard(c) == 0xabc,
          "CNode radix, guard size and guard round-trip");
    cap_t e = cap_endpoint(CAP_ENDPOINT, mem, RIGHT_READ | RIGHT_GRANT, ~0ul);
    CHECK(cap_rights(e) == (RIGHT_READ | RIGHT_GRANT) && cap_badge(e) == ~0ul, "a 64-bit badge fits");
    cap_t f = cap_frame(mem, 3, CAP_VM_READ | CAP_VM_MAPPED, 0x7ffffffff000ul, 0xffff);
    CHECK(cap_vm_level(f) == 3 && cap_vm_mapped_va(f) == 0x7ffffffff000ul && cap_vm_asid(f) == 0xffff &&
          (cap_vm_flags(f) & CAP_VM_MAPPED) && !(cap_vm_flags(f) & CAP_VM_WRITE), "frame mapping fields");
    cap_t hi = cap_thread((void *)0xffffffc080200400ul);
    CHECK(cap_ptr(hi) == (void *)0xffffffc080200400ul, "upper-half pointers are sign-extended back");

    word_t base, size;
    CHECK(cap_region(c, &base, &size) && base == (word_t)mem && size == 1ul << 17, "CNode region");
    CHECK(cap_same_region(u, e) && !cap_same_region(e, u), "an Untyped covers the objects inside it");
    CHECK(!cap_same_object(u, u), "Untypeds are never 'the same object' (seL4)");
    free(mem);
    return check_done();
}
