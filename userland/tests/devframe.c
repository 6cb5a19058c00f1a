/*
 * FRAME: frames of device memory (from the bootinfo's device Untypeds)
 * mapped with each of the port's attributes and rights, and what seL4 says
 * about them: device memory is never cleared (a device frame shows the
 * device), it holds frames and Untypeds only, and a device frame cannot be
 * an IPC buffer. Page_Map refuses no attribute or rights combination: it
 * ignores attribute bits it does not define and masks rights.
 *
 * The device is one whose registers read the same every time and have no
 * side effects when read (32-bit reads only; a refused write never reaches
 * it): riscv64 and aarch64, QEMU virt's first virtio-mmio transport, which answers its
 * magic value and QEMU's vendor ID even with no device behind it; x86_64,
 * the HPET of QEMU's q35 and pc machines (its capabilities register).
 */
#include "vm_tests.h"

#if defined(__riscv)
#define DEV_PADDR 0x10001000ul
#define DEV_NAME "virtio-mmio transport"
#define ID_OFFSET 0x0           /* MagicValue */
#define ID_VALUE 0x74726976u    /* "virt" */
#define ID2_OFFSET 0xc          /* VendorID */
#define ID2_VALUE 0x554d4551u   /* "QEMU" */
static const seL4_Word port_attrs[] = { seL4_RISCV_Default_VMAttributes, seL4_RISCV_ExecuteNever };
#elif defined(__aarch64__)
#define DEV_PADDR 0x0a000000ul  /* the first of QEMU virt's virtio-mmio transports */
#define DEV_NAME "virtio-mmio transport"
#define ID_OFFSET 0x0           /* MagicValue */
#define ID_VALUE 0x74726976u    /* "virt" */
#define ID2_OFFSET 0xc          /* VendorID */
#define ID2_VALUE 0x554d4551u   /* "QEMU" */
static const seL4_Word port_attrs[] = { seL4_ARM_Default_VMAttributes, seL4_ARM_ExecuteNever, 0,
                                        seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever };
#elif TEST_X86
#define DEV_PADDR 0xfed00000ul
#define DEV_NAME "HPET"
#define ID_OFFSET 0x0           /* capabilities, low half: vendor ID in bits 16..31 */
#define ID_SHIFT 16
#define ID_VALUE 0x8086u
#define ID2_OFFSET 0x4          /* capabilities, high half: the counter period in fs */
#define PERIOD_MAX 100000000u   /* the HPET specification's bound: 100 ns */
static const seL4_Word port_attrs[] = { seL4_X86_Default_VMAttributes, seL4_X86_CacheDisabled,
                                        seL4_X86_ExecuteNever, seL4_X86_CacheDisabled | seL4_X86_ExecuteNever };
#endif

#define NUM_ATTRS (sizeof(port_attrs) / sizeof(port_attrs[0]))
/* Bits no port's seL4_*_VMAttributes defines (RISC-V's are bit 0; x86's
 * caching bits 0..2 and Keel's execute-never bit 8). */
#define UNDEFINED_ATTRS 0xf0ul

static seL4_Uint32 reg32(seL4_Word va, seL4_Word offset)
{
    return *(volatile seL4_Uint32 *)(va + offset);
}

/* The device's identification registers read right through va. */
static const char *expect_device(seL4_Word va, const char *how)
{
    seL4_Uint32 id = reg32(va, ID_OFFSET), id2 = reg32(va, ID2_OFFSET);

#if !TEST_X86
    CHECK(id == ID_VALUE && id2 == ID2_VALUE, "%s: the " DEV_NAME " reads %x %x, want %x %x", how, id, id2, ID_VALUE,
          ID2_VALUE);
#else
    CHECK(id >> ID_SHIFT == ID_VALUE && id2 != 0 && id2 <= PERIOD_MAX, "%s: the " DEV_NAME " reads %x %x", how, id,
          id2);
#endif
    return NULL;
}

/* A frame of the device in *f, mapped at VM_BASE with rights and attr. */
static const char *device_mapped(seL4_CPtr *f, seL4_CapRights_t rights, seL4_Word attr)
{
    TRY(device_frame_at(DEV_PADDR, f));
    return expect_ok(vm_map(*f, VSPACE, VM_BASE, rights, attr), "mapping the device frame");
}

static const char *device_frame_shows_device(void)
{
    seL4_CPtr f;

    TRY(device_mapped(&f, RIGHTS_ALL, VM_ATTR_DEFAULT));
    CHECK(frame_paddr(f) == DEV_PADDR, "GetAddress of the device frame is %lx, want %lx", frame_paddr(f), DEV_PADDR);
    return expect_device(VM_BASE, "mapped with the default attributes");
}

/* Each attribute maps, and so does a change of attributes in place. */
static const char *device_frame_each_attr(void)
{
    seL4_CPtr f;
    char how[64];

    TRY(device_mapped(&f, RIGHTS_ALL, VM_ATTR_DEFAULT));
    for (seL4_Word i = 0; i < NUM_ATTRS; i++) {
        snprintf(how, sizeof(how), "remapped with attributes %lx", port_attrs[i]);
        TRY(expect_ok(page_map(f, VSPACE, VM_BASE, RIGHTS_ALL, port_attrs[i]), how));
        TRY(expect_device(VM_BASE, how));
    }
    for (seL4_Word i = 0; i < NUM_ATTRS; i++) {
        snprintf(how, sizeof(how), "unmapped, then mapped with attributes %lx", port_attrs[i]);
        TRY(expect_ok(page_unmap(f), "Page_Unmap"));
        TRY(expect_ok(page_map(f, VSPACE, VM_BASE + PAGE, RIGHTS_ALL, port_attrs[i]), how));
        TRY(expect_device(VM_BASE + PAGE, how));
    }
    return NULL;
}

static const char *device_frame_read_only(void)
{
    seL4_CPtr f, fep;

    TRY(device_mapped(&f, RIGHTS_RO, VM_ATTR_DEFAULT));
    TRY(expect_device(VM_BASE, "mapped read-only"));
    START(t, 0, OP_WRITE, VM_BASE + ID_OFFSET, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE + ID_OFFSET, 0, FSR_WRITE_DENIED));
    CHECK(t->r[1] == 0, "the write to a read-only device mapping went through");
    return NULL;
}

/* seL4's Page_Map has no error for attributes or rights: undefined
 * attribute bits are ignored, and rights are masked (no read right leaves
 * a mapping the user cannot touch). */
static const char *device_frame_odd_attrs_rights(void)
{
    seL4_CPtr f, fep;

    TRY(device_mapped(&f, RIGHTS_ALL, UNDEFINED_ATTRS));
    TRY(expect_device(VM_BASE, "mapped with undefined attribute bits"));
    TRY(expect_ok(page_unmap(f), "Page_Unmap"));
    TRY(expect_ok(page_map(f, VSPACE, VM_BASE, seL4_CapRights_new(0, 0, 0, 1), VM_ATTR_DEFAULT),
                  "mapping the device frame write-only"));
    START(t, 0, OP_READ, VM_BASE, 0, fep);
    TRY(expect_vm_fault(fep, VM_BASE, 0, FSR_READ_DENIED));
    CHECK(t->r[1] == 0, "a device mapping without the read right could be read");
    return NULL;
}

/* seL4's checkValidIPCBuffer: only a RAM frame can be an IPC buffer. */
static const char *device_frame_not_ipc_buffer(void)
{
    seL4_CPtr dev, ram = new_frame(), tcb = new_object(seL4_TCBObject, 0);

    CHECK(ram != 0 && tcb != 0, "no frame or TCB");
    TRY(device_frame_at(DEV_PADDR, &dev));
    TRY(EXPECT_PLAIN_ERROR(seL4_TCB_SetIPCBuffer(tcb, VM_BASE, dev), seL4_IllegalOperation,
                           "SetIPCBuffer with a device frame"));
    TRY(EXPECT_PLAIN_ERROR(seL4_TCB_Configure(tcb, 0, ROOT, 0, VSPACE, 0, VM_BASE, dev), seL4_IllegalOperation,
                           "Configure with a device frame as IPC buffer"));
    return expect_ok(seL4_TCB_SetIPCBuffer(tcb, VM_BASE, ram), "SetIPCBuffer with a RAM frame");
}

/* A device Untyped is reset without clearing: a frame made again from it,
 * after the first was deleted, is the device still. */
static const char *device_frame_made_again(void)
{
    seL4_CPtr ut, f = slot_alloc();

    CHECK(f != 0, "out of scratch slots");
    TRY(device_untyped_at(DEV_PADDR, &ut));
    for (int round = 0; round < 2; round++) {
        TRY(expect_ok(retype_one(ut, VM_FRAME_OBJECT, 0, f), "Retype of the device frame"));
        TRY(expect_ok(vm_map(f, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping it"));
        TRY(expect_device(VM_BASE, round == 0 ? "the first frame" : "the frame made again"));
        TRY(expect_ok(seL4_CNode_Delete(ROOT, f, ROOT_DEPTH), "deleting it"));
    }
    return NULL;
}

static const char *device_untyped_child(void)
{
    seL4_CPtr ut, child = slot_alloc(), obj = slot_alloc();

    CHECK(child != 0 && obj != 0, "out of scratch slots");
    TRY(device_untyped_at(DEV_PADDR, &ut));
    TRY(expect_ok(retype_one(ut, seL4_UntypedObject, seL4_PageBits, child), "a child Untyped of device memory"));
    TRY(EXPECT_ERROR(retype_one(child, TEST_PT_OBJECT, 0, obj), seL4_InvalidArgument,
                     "a page table from the child", 1));
    TRY(EXPECT_ERROR(retype_one(child, seL4_TCBObject, 0, obj), seL4_InvalidArgument, "a TCB from the child", 1));
    TRY(expect_ok(retype_one(child, VM_FRAME_OBJECT, 0, obj), "a frame from the child"));
    TRY(expect_ok(vm_map(obj, VSPACE, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping it"));
    return expect_device(VM_BASE, "a frame from the child Untyped");
}

static const struct test tests[] = {
    { "FRAME0032 a device frame: GetAddress is the device's, and mapped it shows the device, not zeroes",
      device_frame_shows_device },
    { "FRAME0033 a device frame maps with each of the port's attributes, also remapped in place",
      device_frame_each_attr },
    { "FRAME0034 a read-only device mapping reads the device; a write is a VMFault", device_frame_read_only },
    { "FRAME0035 Page_Map of a device frame ignores undefined attribute bits; without read it gives no access",
      device_frame_odd_attrs_rights },
    { "FRAME0036 a device frame cannot be an IPC buffer: SetIPCBuffer and Configure are IllegalOperation",
      device_frame_not_ipc_buffer },
    { "FRAME0037 a frame made again from the same device Untyped is the device still (never cleared)",
      device_frame_made_again },
    { "FRAME0038 a device Untyped's child is device memory: no page table or TCB, frames of the device",
      device_untyped_child },
};

TEST_SUITE_AFTER_EACH(devframe_suite, tests, vm_cleanup);
