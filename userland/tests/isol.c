/*
 * ISOL: a thread in a second address space, and the kernel's memory seen
 *   from user mode.
 *
 * Memory that a test expects to be unreachable is touched only by a
 * vm_thread (vm.h), whose fault reaches the root as a message.
 */
#include <stdbool.h>
#include "vm_tests.h"


/* ================= ISOL ================= */

static volatile seL4_Word shared_word;

#define ISOL_BADGE 0x150ul

/* The endpoint a second-space thread Calls (a badged copy in *thread_cap). */
static seL4_CPtr isol_endpoint(seL4_CPtr *thread_cap)
{
    seL4_CPtr ep = new_endpoint();

    *thread_cap = slot_alloc();
    if (ep == 0 || *thread_cap == 0 ||
        seL4_CNode_Mint(ROOT, *thread_cap, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights, ISOL_BADGE) != seL4_NoError) {
        return 0;
    }
    return ep;
}

/* Take the thread's Call: its MR0 in *value. */
static const char *isol_take(seL4_CPtr ep, seL4_Word *value)
{
    seL4_Word badge = 0;

    seL4_NBRecv(ep, &badge);
    CHECK(badge == ISOL_BADGE, "no message from the thread in the second space (badge %lx)", badge);
    *value = seL4_GetMR(0);
    return NULL;
}

/* Reply to the thread: read `next` (0: stop). */
static void isol_reply(seL4_Word next)
{
    seL4_SetMR(0, next);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
}

/* A second space and its thread, which reads first (an address of the
 * image unless a test says otherwise) and Calls ep. */
#define ISOL_START(s, t, first, ep, fep)                                            \
    struct vm_space s;                                                              \
    seL4_CPtr tcap_, fep;                                                           \
    seL4_CPtr ep = isol_endpoint(&tcap_);                                           \
    CHECK(ep != 0, "no endpoint");                                                  \
    TRY(vm_space_new(&s));                                                          \
    vm_thread *t = vm_space_thread(&s, 0, OP_ISOL, (first), tcap_, &fep);           \
    CHECK(t != NULL, "%s", vm_error())

static const char *isol_runs_and_calls(void)
{
    seL4_Word v;

    shared_word = PATTERN;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(expect_no_fault(fep));
    TRY(isol_take(ep, &v));
    CHECK(v == PATTERN, "the thread sent %lx, want %lx", v, PATTERN);
    isol_reply(0);
    CHECK(t->done == 1, "the thread did not finish after the reply");
    return NULL;
}

static const char *isol_root_frame_invisible(void)
{
    MAPPED(f, VM_BASE);
    seL4_Word v;

    WORD(VM_BASE) = PATTERN;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(expect_vm_fault(fep, VM_BASE, 0, FSR_READ));
    CHECK(t->r[1] == 1, "the thread read the root's frame (%lu reads)", t->r[1]);
    return NULL;
}

static const char *isol_same_va_different_frames(void)
{
    MAPPED(f, VM_BASE);
    seL4_Word v;

    WORD(VM_BASE) = 0xaaaa;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    seL4_CPtr g = new_frame();
    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, s.root, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the second space"));
    seL4_CPtr gcopy = copy_cap(g, seL4_AllRights);
    CHECK(gcopy != 0, "no copy");
    TRY(expect_ok(page_map(gcopy, VSPACE, VM_BASE + PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "an alias for the root"));
    WORD(VM_BASE + PAGE) = 0xbbbb;
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));
    CHECK(v == 0xbbbb, "the second space reads %lx at %lx, want its own frame's bbbb", v, VM_BASE);
    CHECK(WORD(VM_BASE) == 0xaaaa, "the root reads %lx at %lx", WORD(VM_BASE), VM_BASE);
    isol_reply(0);
    return NULL;
}

static const char *isol_shares_image(void)
{
    seL4_Word v;

    shared_word = 1;
    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(isol_take(ep, &v));
    CHECK(v == 1, "first read %lx", v);
    shared_word = PATTERN;
    isol_reply((seL4_Word)&shared_word);
    TRY(isol_take(ep, &v));
    CHECK(v == PATTERN, "the thread read %lx after the root wrote %lx", v, PATTERN);
    isol_reply(0);
    return NULL;
}

static const char *isol_second_frames_invisible(void)
{
    seL4_Word v;
    seL4_CPtr fep2;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    seL4_CPtr g = new_frame();
    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, s.root, VM_BASE + 2 * PAGE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the second space"));
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE + 2 * PAGE);
    TRY(isol_take(ep, &v));             /* the second space can read it */
    isol_reply(0);
    vm_thread *r = vm_thread_start(1, OP_READ, VM_BASE + 2 * PAGE, 0, &fep2);
    CHECK(r != NULL, "%s", vm_error());
    return expect_vm_fault(fep2, VM_BASE + 2 * PAGE, 0, FSR_READ);
}

static const char *isol_unmap_while_inactive(void)
{
    seL4_Word v;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    seL4_CPtr g = new_frame();
    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, s.root, VM_BASE, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the second space"));
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));             /* read once: cached in the TLB */
    TRY(expect_ok(page_unmap(g), "Page_Unmap while the root's space is active"));
    isol_reply(VM_BASE);
    TRY(expect_vm_fault(fep, VM_BASE, 0, FSR_READ));
    CHECK(t->r[1] == 2, "the thread read the unmapped frame (%lu reads)", t->r[1]);
    return NULL;
}

static const char *isol_kernel_window(void)
{
    MAPPED(f, VM_BASE);
    seL4_Word pa = frame_paddr(f), fep;

    CHECK(pa != ~0ul, "no address");
    WORD(VM_BASE) = PATTERN;
    START(t, 0, OP_READ, KERNEL_WINDOW + pa, 0, fep);
    TRY(expect_vm_fault(fep, KERNEL_WINDOW + pa, 0, FSR_READ_DENIED));
    CHECK(t->r[1] == 0, "user mode read the kernel window (%lx)", t->r[0]);
    return NULL;
}

static const char *isol_kernel_image_write(void)
{
    seL4_CPtr fep;

    START(t, 0, OP_WRITE, KERNEL_IMAGE, 0, fep);
    TRY(expect_vm_fault(fep, KERNEL_IMAGE, 0, FSR_WRITE_DENIED));
    CHECK(t->r[1] == 0, "user mode wrote the kernel image");
    return NULL;
}

static const char *isol_kernel_from_second_space(void)
{
    seL4_Word v;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(isol_take(ep, &v));
    isol_reply(KERNEL_IMAGE);
    TRY(expect_vm_fault(fep, KERNEL_IMAGE, 0, FSR_READ_DENIED));
    CHECK(t->r[1] == 1, "the second space read kernel memory");
    return NULL;
}

/* A frame mapped at va in space root, holding value (written through an
 * alias the root maps at alias_va). */
static const char *frame_in(seL4_CPtr root, seL4_Word va, seL4_Word alias_va, seL4_Word value)
{
    seL4_CPtr g = new_frame(), c;

    CHECK(g != 0, "no frame");
    TRY(expect_ok(vm_map(g, root, va, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping in the other space"));
    c = copy_cap(g, seL4_AllRights);
    CHECK(c != 0, "no copy");
    TRY(expect_ok(vm_map(c, VSPACE, alias_va, RIGHTS_ALL, VM_ATTR_DEFAULT), "mapping an alias for the root"));
    WORD(alias_va) = value;
    return NULL;
}

static const char *isol_move_self(void)
{
    MAPPED(f, VM_BASE);
    struct vm_space s;
    seL4_CPtr fep;

    WORD(VM_BASE) = 0xaaaa;
    TRY(vm_space_new(&s));
    TRY(frame_in(s.root, VM_BASE, VM_BASE + PAGE, 0xbbbb));
    START(t, 0, OP_MOVE, VM_BASE, s.root, fep);
    TRY(expect_no_fault(fep));
    CHECK(t->r[2] == seL4_NoError, "SetSpace on itself gave %s", error_name((seL4_Error)t->r[2]));
    CHECK(t->r[1] == 1 && t->r[0] == 0xbbbb,
          "after SetSpace to the second space the thread read %lx at %lx (aaaa: still in the old space)", t->r[0],
          VM_BASE);
    return NULL;
}

static const char *isol_set_space_blocked(void)
{
    struct vm_space s2;
    seL4_Word v;

    ISOL_START(s, t, (seL4_Word)&shared_word, ep, fep);
    TRY(frame_in(s.root, VM_BASE, VM_BASE + PAGE, 0x1111));
    TRY(vm_space_make(&s2, seL4_CapInitThreadASIDPool, &s));
    TRY(frame_in(s2.root, VM_BASE, VM_BASE + 2 * PAGE, 0x2222));
    TRY(isol_take(ep, &v));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));
    CHECK(v == 0x1111, "in the first space the thread read %lx", v);
    TRY(expect_ok(seL4_TCB_SetSpace(t->tcb, t->fault_cap, ROOT, 0, s2.root, 0), "SetSpace"));
    isol_reply(VM_BASE);
    TRY(isol_take(ep, &v));
    CHECK(v == 0x2222, "after SetSpace the thread read %lx, want the new space's 2222", v);
    isol_reply(0);
    return NULL;
}

static const char *isol_pool_deleted(void)
{
    struct vm_space s;
    seL4_CPtr pool, tcap, fep, badge = 0;
    seL4_CPtr ep = isol_endpoint(&tcap);
    seL4_Word v;

    CHECK(ep != 0, "no endpoint");
    TRY(make_pool(&pool));
    TRY(vm_space_make(&s, pool, NULL));
    vm_thread *t = vm_space_thread(&s, 0, OP_ISOL, (seL4_Word)&shared_word, tcap, &fep);
    CHECK(t != NULL, "%s", vm_error());
    TRY(isol_take(ep, &v));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, pool, ROOT_DEPTH), "deleting the pool"));
    isol_reply((seL4_Word)&shared_word);
    seL4_MessageInfo_t tag = seL4_NBRecv(fep, &badge);
    CHECK(badge == FAULT_EP_BADGE && seL4_MessageInfo_get_label(tag) == seL4_Fault_VMFault,
          "no VMFault (badge %lx label %lu; reads %lu): the thread ran without its address space", badge,
          (seL4_Word)seL4_MessageInfo_get_label(tag), t->r[1]);
    CHECK(seL4_GetMR(seL4_VMFault_PrefetchFault) == 1, "PrefetchFault %lu at %lx, want an instruction fetch fault",
          seL4_GetMR(seL4_VMFault_PrefetchFault), seL4_GetMR(seL4_VMFault_Addr));
    return NULL;
}

static const struct test tests[] = {
    { "ISOL0001 a thread in a second address space runs and Calls the root", isol_runs_and_calls },
    { "ISOL0002 it cannot read a frame mapped only in the root's space", isol_root_frame_invisible },
    { "ISOL0003 one address maps different frames in the two spaces", isol_same_va_different_frames },
    { "ISOL0004 the two spaces share the image frames", isol_shares_image },
    { "ISOL0005 the root's space cannot read the second space's frame", isol_second_frames_invisible },
    { "ISOL0006 an unmap in an inactive space takes effect", isol_unmap_while_inactive },
    { "ISOL0007 user mode cannot read a frame through the kernel window", isol_kernel_window },
    { "ISOL0008 user mode cannot write the kernel image", isol_kernel_image_write },
    { "ISOL0009 the second space cannot read the kernel image", isol_kernel_from_second_space },
    { "ISOL0010 a thread that moves itself to another space runs there at once", isol_move_self },
    { "ISOL0011 SetSpace moves a blocked thread to another space", isol_set_space_blocked },
    { "ISOL0012 a thread whose ASID pool was deleted faults on its next fetch", isol_pool_deleted },
};

TEST_SUITE_AFTER_EACH(isol_suite, tests, vm_cleanup);
