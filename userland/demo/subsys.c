/*
 * Subsystems: another program (the test suite, the bench) started from an
 * ELF image embedded in the demo, as the root task of a system of its own.
 * It finds what the kernel gives the first root task, in seL4's layout: a
 * 2^12-slot CNode with the initial capabilities (copies of the demo's), its
 * image mapped with the IPC buffer and the bootinfo frame above it, and an
 * Untyped for every piece of memory the demo can lend (memory.c). One Keel
 * extension (sel4/keel.h) differs: the extra bootinfo holds a keel_parent
 * chunk naming an endpoint to the demo, through which main()'s return
 * status comes back (and the initial thread's faults: it is also the fault
 * endpoint). The subsystem's own objects come from its process table
 * entry's Untyped; ending it revokes that and the lent memory.
 */
#include "subsys.h"
#include "demo_vm.h"
#include "memory.h"
#include "proc.h"
#include <core/elf.h>
#include <keel/thread.h>

#define CHILD_CNODE_BITS CONFIG_ROOT_CNODE_SIZE_BITS
#define MAX_IMAGE_PAGES 200
#define BI_SCRATCH_VA (SCRATCH_VA + PAGE)      /* the bootinfo frame while the root fills it */
#define EXTRA_SCRATCH_VA (SCRATCH_VA + 2 * PAGE)
#if defined(__riscv)
#define ELF_MACHINE 243
#elif defined(__aarch64__)
#define ELF_MACHINE 183
#elif defined(__i386__)
#define ELF_MACHINE 3
#else
#define ELF_MACHINE 62
#endif
#if defined(__i386__)
#define USER_TOP seL4_UserTop                   /* below ia32's kernel window */
#else
#define USER_TOP 0x0000800000000000ul           /* below every 64-bit port's kernel half */
#endif

/* The embedded images (images.S). */
extern const unsigned char demo_image_tests[], demo_image_tests_end[];
extern const unsigned char demo_image_bench[], demo_image_bench_end[];

static const struct {
    const char *name;
    const unsigned char *start, *end;
} images[] = {
    {"tests", demo_image_tests, demo_image_tests_end},
    {"bench", demo_image_bench, demo_image_bench_end},
};

/* Everything a start needs, in the root's CSpace unless said otherwise. */
struct builder {
    struct proc *p;
    const unsigned char *elf;
    seL4_CPtr cnode, vspace, ipc, bootinfo, extra;
    seL4_CPtr bi_view, extra_view;      /* copies of bootinfo and extra, mapped in the root */
    seL4_Word lo, hi;                   /* the image's pages */
    struct slot_log tables;
    seL4_CPtr frames[MAX_IMAGE_PAGES];
    seL4_Word n_frames;
    seL4_Word next;                     /* the child's next free slot */
    seL4_Word exit_slot;                /* the child's keel_parent endpoint */
    seL4_BootInfo *bi;                  /* at BI_SCRATCH_VA while building */
};

#define TRY(expr, what)                   \
    do {                                  \
        if ((expr) != seL4_NoError) {     \
            return (what);                \
        }                                 \
    } while (0)

static seL4_Error new_object(struct builder *b, seL4_CPtr *slot, seL4_Word type, seL4_Word bits)
{
    *slot = proc_alloc(b->p, type, bits);
    return *slot == 0 ? seL4_NotEnoughMemory : seL4_NoError;
}

static seL4_Error map_scratch(struct builder *b, seL4_CPtr frame, seL4_Word va)
{
    return proc_map_logged(b->p, frame, seL4_CapInitThreadVSpace, va, NULL);
}

/* One page of the image: zeros, with the file bytes of every segment that
 * overlaps it. */
static const char *load_page(struct builder *b, seL4_Word va)
{
    struct elf_segment s;
    seL4_CPtr frame;

    if (b->n_frames == MAX_IMAGE_PAGES) {
        return "the image has too many pages";
    }
    TRY(new_object(b, &frame, FRAME_OBJECT, 0), "no memory for the image");
    TRY(map_scratch(b, frame, SCRATCH_VA), "cannot map the scratch page");
    for (unsigned i = 0; elf_segment(b->elf, i, &s); i++) {
        seL4_Word from = s.vaddr > va ? s.vaddr : va;
        seL4_Word to = s.vaddr + s.filesz < va + PAGE ? s.vaddr + s.filesz : va + PAGE;
        if (from < to) {
            memcpy((char *)SCRATCH_VA + (from - va), b->elf + s.offset + (from - s.vaddr), to - from);
        }
    }
    page_unmap(frame);
    TRY(proc_map_logged(b->p, frame, b->vspace, va, &b->tables), "cannot map the image");
    b->frames[b->n_frames++] = frame;
    return NULL;
}

/* The image, then (as the kernel lays out the first root task) the IPC
 * buffer, the bootinfo frame and one page of extra bootinfo above it. */
static const char *load_image(struct builder *b, seL4_Word size)
{
    const char *why = NULL;
    uint64_t lo, hi;

    if (!elf_check(b->elf, size, seL4_WordBits, ELF_MACHINE, USER_TOP)) {
        return "not an ELF executable for this machine";
    }
    elf_bounds(b->elf, &lo, &hi);
    b->lo = lo & ~(PAGE - 1);
    b->hi = (hi + PAGE - 1) & ~(PAGE - 1);
    for (seL4_Word va = b->lo; va < b->hi && why == NULL; va += PAGE) {
        why = load_page(b, va);
    }
    if (why != NULL) {
        return why;
    }
    TRY(new_object(b, &b->ipc, FRAME_OBJECT, 0), "no IPC buffer");
    TRY(new_object(b, &b->bootinfo, FRAME_OBJECT, 0), "no bootinfo frame");
    TRY(new_object(b, &b->extra, FRAME_OBJECT, 0), "no extra bootinfo frame");
    const seL4_CPtr frames[] = {b->ipc, b->bootinfo, b->extra};
    for (seL4_Word i = 0; i < 3; i++) {
        TRY(proc_map_logged(b->p, frames[i], b->vspace, b->hi + i * PAGE, &b->tables), "cannot map bootinfo");
    }
    return NULL;
}

/* The root fills the bootinfo frames through unmapped copies of their
 * capabilities (a frame capability maps once). */
static const char *map_views(struct builder *b)
{
    b->bi_view = b->p->next;
    b->extra_view = b->p->next + 1;
    b->p->next += 2;
    TRY(seL4_CNode_Copy(ROOT, b->bi_view, seL4_WordBits, ROOT, b->bootinfo, seL4_WordBits, seL4_AllRights),
        "no view of the bootinfo");
    TRY(seL4_CNode_Copy(ROOT, b->extra_view, seL4_WordBits, ROOT, b->extra, seL4_WordBits, seL4_AllRights),
        "no view of the extra bootinfo");
    TRY(map_scratch(b, b->bi_view, BI_SCRATCH_VA), "cannot map the bootinfo frame");
    TRY(map_scratch(b, b->extra_view, EXTRA_SCRATCH_VA), "cannot map the extra bootinfo frame");
    b->bi = (seL4_BootInfo *)BI_SCRATCH_VA;
    return NULL;
}

static seL4_Error copy_to(struct builder *b, seL4_Word slot, seL4_CPtr src)
{
    return seL4_CNode_Copy(b->cnode, slot, CHILD_CNODE_BITS, ROOT, src, seL4_WordBits, seL4_AllRights);
}

static seL4_Error move_to(struct builder *b, seL4_Word slot, seL4_CPtr src)
{
    return seL4_CNode_Move(b->cnode, slot, CHILD_CNODE_BITS, ROOT, src, seL4_WordBits);
}

static seL4_Word guard_word(void)
{
    return seL4_CNode_CapData_new(0, seL4_WordBits - CHILD_CNODE_BITS).words[0];
}

/* Slots 1..15: seL4's initial capabilities, copies of the demo's own.
 * IRQControl and IOPortControl stay null: they cannot be copied (as in
 * seL4), and the devices are the demo's. */
static const char *fixed_caps(struct builder *b)
{
    TRY(seL4_CNode_Mint(b->cnode, seL4_CapInitThreadCNode, CHILD_CNODE_BITS, ROOT, b->cnode, seL4_WordBits,
                        seL4_AllRights, guard_word()),
        "its own CNode");
    TRY(copy_to(b, seL4_CapInitThreadTCB, b->p->tcb), "its TCB");
    TRY(copy_to(b, seL4_CapInitThreadVSpace, b->vspace), "its VSpace");
    TRY(copy_to(b, seL4_CapASIDControl, seL4_CapASIDControl), "ASIDControl");
    TRY(copy_to(b, seL4_CapDomain, seL4_CapDomain), "the domain capability");
    TRY(copy_to(b, seL4_CapInitThreadASIDPool, seL4_CapInitThreadASIDPool), "the ASID pool");
    TRY(copy_to(b, seL4_CapInitThreadIPCBuffer, b->ipc), "its IPC buffer");
    TRY(move_to(b, seL4_CapBootInfoFrame, b->bootinfo), "its bootinfo frame");
    return NULL;
}

/* A run of slots from b->next, filled by move_to from srcs. */
static const char *move_run(struct builder *b, const seL4_CPtr *srcs, seL4_Word n, seL4_SlotRegion *r)
{
    r->start = b->next;
    for (seL4_Word i = 0; i < n; i++) {
        TRY(move_to(b, b->next++, srcs[i]), "moving the image's capabilities");
    }
    r->end = b->next;
    return NULL;
}

/* A child of every lendable Untyped, made straight into the child's CNode. */
static const char *lend_memory(struct builder *b)
{
    seL4_BootInfo *bi = b->bi;

    bi->untyped.start = b->next;
    for (unsigned i = 0; i < n_lendable && i < CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS; i++) {
        const struct lendable *l = &lendable[i];
        TRY(seL4_Untyped_Retype(l->cap, seL4_UntypedObject, l->bits, b->cnode, 0, 0, b->next, 1),
            "lending memory");
        bi->untypedList[b->next - bi->untyped.start] = (seL4_UntypedDesc){l->paddr, l->bits, l->is_device, {0}};
        b->next++;
    }
    bi->untyped.end = b->next;
    return NULL;
}

/* The keel_parent chunk, then padding to the end of the page. */
static void fill_extra(struct builder *b, seL4_Word exit_slot)
{
    keel_parent *parent = (keel_parent *)EXTRA_SCRATCH_VA;
    seL4_BootInfoHeader *pad = (seL4_BootInfoHeader *)(parent + 1);

    *parent = (keel_parent){{KEEL_BOOTINFO_HEADER_PARENT, sizeof(*parent)}, exit_slot};
    *pad = (seL4_BootInfoHeader){SEL4_BOOTINFO_HEADER_PADDING, PAGE - sizeof(*parent)};
    b->bi->extraLen = PAGE;
}

/* Slots from 16 on, in the kernel's order: paging, image frames, extra
 * bootinfo, untyped; then the keel_parent endpoint; the rest is empty. */
static const char *cspace(struct builder *b, seL4_CPtr root_ep, int id)
{
    seL4_BootInfo *bi = b->bi;
    const char *why;
    seL4_SlotRegion extra;

    b->next = seL4_NumInitialCaps;
    if ((why = move_run(b, b->tables.slot, b->tables.n, &bi->userImagePaging)) != NULL ||
        (why = move_run(b, b->frames, b->n_frames, &bi->userImageFrames)) != NULL ||
        (why = fixed_caps(b)) != NULL) {
        return why;
    }
    if ((why = move_run(b, &b->extra, 1, &extra)) != NULL || (why = lend_memory(b)) != NULL) {
        return why;
    }
    bi->extraBIPages = extra;
    seL4_Word exit_slot = b->exit_slot = b->next++;
    TRY(seL4_CNode_Mint(b->cnode, exit_slot, CHILD_CNODE_BITS, ROOT, root_ep, seL4_WordBits, seL4_AllRights,
                        FAULT_BADGE | (seL4_Word)id),
        "the exit endpoint");
    bi->empty = (seL4_SlotRegion){b->next, 1ul << CHILD_CNODE_BITS};
    fill_extra(b, exit_slot);
    return NULL;
}

/* The thread: fault endpoint = the exit endpoint, seL4_MaxPrio as the
 * kernel's root task has, started at the ELF entry with the bootinfo's
 * address as its argument (the crt0 contract, keel/runtime.h). */
static const char *thread(struct builder *b, seL4_Word exit_slot)
{
    seL4_UserContext uc;

    TRY(seL4_TCB_Configure(b->p->tcb, exit_slot, b->cnode, guard_word(), b->vspace, 0, b->hi, b->ipc),
        "TCB_Configure");
    TRY(seL4_TCB_SetSchedParams(b->p->tcb, seL4_CapInitThreadTCB, seL4_MaxPrio, seL4_MaxPrio), "priority");
    memset(&uc, 0, sizeof(uc));
    keel_arch_init_context(&uc, (seL4_Word)elf_entry(b->elf), 0, b->hi + PAGE, 0);
#if defined(__i386__)
    /* Not through this image's thread start stub: another image's crt0
     * takes the bootinfo in ebx, which keel_arch_init_context set. */
    uc.eip = (seL4_Word)elf_entry(b->elf);
#endif
    TRY(seL4_TCB_WriteRegisters(b->p->tcb, 0, 0, sizeof(uc) / sizeof(seL4_Word), &uc), "WriteRegisters");
    return NULL;
}

static void fill_bootinfo(struct builder *b)
{
    seL4_BootInfo *bi = b->bi;

    bi->nodeID = 0;
    bi->numNodes = 1;
    bi->ipcBuffer = (seL4_IPCBuffer *)b->hi;
    bi->initThreadCNodeSizeBits = CHILD_CNODE_BITS;
    bi->initThreadDomain = 0;
}

static const char *build(struct builder *b, seL4_Word size, seL4_CPtr root_ep, int id)
{
    const char *why;

    TRY(new_object(b, &b->cnode, seL4_CapTableObject, CHILD_CNODE_BITS), "no CNode");
    TRY(new_object(b, &b->vspace, ROOT_OBJECT, 0), "no VSpace");
    TRY(asid_assign(seL4_CapInitThreadASIDPool, b->vspace), "no ASID");
    b->p->tcb = 0;
    TRY(new_object(b, &b->p->tcb, seL4_TCBObject, 0), "no TCB");
    if ((why = load_image(b, size)) != NULL || (why = map_views(b)) != NULL ||
        (why = cspace(b, root_ep, id)) != NULL) {
        return why;
    }
    fill_bootinfo(b);
    page_unmap(b->bi_view);
    page_unmap(b->extra_view);
    if ((why = thread(b, b->exit_slot)) != NULL) {
        return why;
    }
    TRY(seL4_TCB_Resume(b->p->tcb), "Resume");
    return NULL;
}

int subsys_start(const char *name, seL4_CPtr root_ep, const char **why)
{
    unsigned i = 0;

    while (i < sizeof(images) / sizeof(images[0]) && strcmp(images[i].name, name) != 0) {
        i++;
    }
    if (i == sizeof(images) / sizeof(images[0])) {
        *why = "no such image";
        return -1;
    }
    int id = proc_claim(name, ROLE_SUBSYS, seL4_MaxPrio, why);
    if (id < 0) {
        return -1;
    }
    static struct builder b;
    b = (struct builder){.p = &procs[id], .elf = images[i].start};
    if ((*why = build(&b, (seL4_Word)(images[i].end - images[i].start), root_ep, id)) != NULL) {
        subsys_end(id);
        return -1;
    }
    procs[id].state = PROC_RUNNING;
    return id;
}

void subsys_end(int id)
{
    memory_reclaim();
    proc_kill(id);
}
