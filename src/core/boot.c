/*
 * core_main: from the port's boot_info to the root task running in user mode.
 *
 * The root task gets what seL4 gives it: its image mapped at the ELF's
 * addresses, the IPC buffer in the page after the image, the bootinfo frame
 * after that and the extra bootinfo pages after that; a 2^12-slot CNode with
 * seL4's fixed slots, then caps to its page tables, its image frames and one
 * Untyped per aligned block of free RAM; the rest of the CNode empty.
 */
#include <core/bootmem.h>
#include <core/cdt.h>
#include <core/entry.h>
#include <core/elf.h>
#include <core/ipc.h>
#include <core/objects.h>
#include <core/printk.h>
#include <core/sched.h>
#include <core/string.h>
#include <core/vspace.h>
#include <sel4/bootinfo_types.h>
#include <sel4/constants.h>

#define ROOT_ASID 1
#define EXTRA_BI_PAGES 1
_Static_assert(sizeof(keel_meminfo) + sizeof(seL4_BootInfoHeader) <= EXTRA_BI_PAGES * PAGE_SIZE,
               "meminfo and a padding header fit");

struct root_builder {
    struct cte *cnode;
    seL4_SlotPos next_slot;
    pte_t *vspace;
    seL4_BootInfo *bi;
    const void *elf;
    uint64_t img_lo, img_hi;    /* page-aligned image bounds */
};

static struct cte *new_slot(struct root_builder *rb, cap_t cap)
{
    if (rb->next_slot >= BIT(CONFIG_ROOT_CNODE_SIZE_BITS))
        panic("boot: the root CNode is full");
    struct cte *s = &rb->cnode[rb->next_slot++];
    cdt_link_after(&cdt_head, s, cap, true, true);
    return s;
}

/* Boot capabilities are originals: each heads its own subtree of the CDT. */
static void put_fixed(struct root_builder *rb, seL4_SlotPos slot, cap_t cap)
{
    cdt_link_after(&cdt_head, &rb->cnode[slot], cap, true, true);
}

/* Page tables covering [lo, hi), each with a capability in userImagePaging. */
static void make_paging(struct root_builder *rb, vaddr_t lo, vaddr_t hi)
{
    rb->bi->userImagePaging.start = rb->next_slot;
    for (unsigned level = 1; level < PT_LEVELS; level++) {
        word_t span = BIT(pt_level_shift(level - 1));
        for (vaddr_t va = ALIGN_DOWN(lo, span); va < hi; va += span) {
            pte_t *entry = vspace_walk(rb->vspace, va, level - 1, NULL);
            if (pte_present(*entry))
                continue;
            void *table = bootmem_alloc(pt_level_size_bits(level));
            vspace_map_table(rb->vspace, va, level - 1, kptr_to_paddr(table));
            new_slot(rb, cap_page_table(table, level, CAP_VM_MAPPED, va, ROOT_ASID));
        }
    }
    rb->bi->userImagePaging.end = rb->next_slot;
}

static unsigned vm_of_flags(uint32_t elf_flags)
{
    unsigned vm = VM_USER;
    if (elf_flags & ELF_PF_R) vm |= VM_READ;
    if (elf_flags & ELF_PF_W) vm |= VM_WRITE | VM_READ;
    if (elf_flags & ELF_PF_X) vm |= VM_EXEC;
    return vm;
}

static cap_t map_user_frame(struct root_builder *rb, void *frame, vaddr_t va, unsigned vm)
{
    unsigned leaf = PT_LEVELS - 1;
    if (!vspace_map_page(rb->vspace, va, kptr_to_paddr(frame), leaf, vm))
        panic("boot: cannot map root task page %lx", va);
    unsigned flags = CAP_VM_MAPPED | CAP_VM_READ | ((vm & VM_WRITE) ? CAP_VM_WRITE : 0);
    return cap_frame(frame, leaf, flags, va, ROOT_ASID);
}

/* Copy the file bytes of every segment that touches the page at 'va'. */
static unsigned fill_image_page(struct root_builder *rb, uint8_t *page, vaddr_t va)
{
    struct elf_segment s;
    unsigned vm = VM_USER;
    for (unsigned i = 0; elf_segment(rb->elf, i, &s); i++) {
        if (s.vaddr >= va + PAGE_SIZE || s.vaddr + s.memsz <= va)
            continue;
        vm |= vm_of_flags(s.flags);
        uint64_t from = MAX(s.vaddr, va), to = MIN(s.vaddr + s.filesz, va + PAGE_SIZE);
        if (from < to)
            memcpy(page + (from - va), (const uint8_t *)rb->elf + s.offset + (from - s.vaddr),
                   to - from);
    }
    return vm;
}

static void load_image(struct root_builder *rb)
{
    rb->bi->userImageFrames.start = rb->next_slot;
    for (vaddr_t va = rb->img_lo; va < rb->img_hi; va += PAGE_SIZE) {
        uint8_t *page = bootmem_alloc(PAGE_BITS);
        unsigned vm = fill_image_page(rb, page, va);
        new_slot(rb, map_user_frame(rb, page, va, vm));
    }
    rb->bi->userImageFrames.end = rb->next_slot;
}

struct untyped_count {
    word_t n;                   /* entries in untypedList */
    word_t lost;                /* bytes that did not fit in it */
};

/* One Untyped per aligned power-of-two block of 'regions'. */
static void add_untypeds(struct root_builder *rb, const struct region_set *regions, bool device,
                         struct untyped_count *uc)
{
    for (unsigned i = 0; i < regions->n; i++) {
        for (paddr_t a = regions->r[i].start; a < regions->r[i].end;) {
            paddr_t left = regions->r[i].end - a;
            unsigned bits = a ? (unsigned)__builtin_ctzll(a) : seL4_MaxUntypedBits;
            bits = MIN(bits, 63u - (unsigned)__builtin_clzll(left));
            bits = MIN(bits, (unsigned)seL4_MaxUntypedBits);
            if (uc->n < CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS && bits >= seL4_MinUntypedBits) {
                /* RAM: free index at the top, so the first retype clears it
                 * (untyped.c); device memory is never cleared. */
                new_slot(rb, cap_untyped(paddr_to_kptr(a), bits, device, device ? 0 : BIT(bits)));
                invariants_add_boot_untyped((word_t)paddr_to_kptr(a), BIT(bits));
                rb->bi->untypedList[uc->n].paddr = a;
                rb->bi->untypedList[uc->n].sizeBits = (seL4_Uint8)bits;
                rb->bi->untypedList[uc->n].isDevice = device;
                uc->n++;
            } else {
                uc->lost += BIT(bits);
            }
            a += BIT(bits);
        }
    }
}

static void make_untypeds(struct root_builder *rb, const struct boot_info *info)
{
    struct untyped_count uc = { 0, 0 };
    struct region_set devices;
    rb->bi->untyped.start = rb->next_slot;
    add_untypeds(rb, bootmem_free(), false, &uc);
    word_t ram_lost = uc.lost;
    bootmem_device_regions(info, &devices);
    add_untypeds(rb, &devices, true, &uc);
    rb->bi->untyped.end = rb->next_slot;
    if (uc.lost)
        kprintf("keel: WARNING: bootinfo has room for %d untypeds; %lu bytes of free RAM and %lu of "
                "device memory not handed out\n", CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS, ram_lost,
                uc.lost - ram_lost);
    kprintf("keel: %lu untypeds cover %lu KiB of free RAM and the device space\n", uc.n,
            (word_t)(regions_total(bootmem_free()) / 1024));
}

static vaddr_t map_new_frame(struct root_builder *rb, vaddr_t va, seL4_SlotPos slot, void **out)
{
    void *frame = bootmem_alloc(PAGE_BITS);
    cap_t c = map_user_frame(rb, frame, va, VM_USER | VM_READ | VM_WRITE);
    if (slot)
        put_fixed(rb, slot, c);
    else
        new_slot(rb, c);
    *out = frame;
    return va;
}

static struct tcb *make_root_tcb(struct root_builder *rb, vaddr_t ipcbuf, vaddr_t bi_va)
{
    _Static_assert(sizeof(struct tcb) <= BIT(seL4_TCBBits), "TCB fits its object");
    struct tcb *t = bootmem_alloc(seL4_TCBBits);
    tcb_init(t, "rootserver");
    t->priority = t->mcp = seL4_MaxPrio;
    t->ipc_buffer = ipcbuf;
    arch_context_init(&t->ctx, elf_entry(rb->elf), 0, bi_va);
    put_fixed(rb, seL4_CapInitThreadTCB, cap_thread(t));
    tcb_setup_reply_master(t);
    cte_insert(rb->cnode[seL4_CapInitThreadCNode].cap, &rb->cnode[seL4_CapInitThreadCNode],
               &t->slots[TCB_CTABLE]);
    cte_insert(rb->cnode[seL4_CapInitThreadVSpace].cap, &rb->cnode[seL4_CapInitThreadVSpace],
               &t->slots[TCB_VTABLE]);
    /* The TCB keeps an unmapped copy: deleting the TCB must not unmap the
     * buffer from the address space. */
    int error;
    struct cte *buf = &rb->cnode[seL4_CapInitThreadIPCBuffer];
    cte_insert(cap_derive(buf, buf->cap, &error), buf, &t->slots[TCB_BUFFER]);
    return t;
}

static void make_fixed_caps(struct root_builder *rb)
{
    unsigned radix = CONFIG_ROOT_CNODE_SIZE_BITS;
    put_fixed(rb, seL4_CapInitThreadCNode, cap_cnode(rb->cnode, radix, WORD_BITS - radix, 0));
    put_fixed(rb, seL4_CapInitThreadVSpace,
              cap_page_table(rb->vspace, 0, CAP_VM_MAPPED, 0, ROOT_ASID));
    put_fixed(rb, seL4_CapIRQControl, cap_singleton(CAP_IRQ_CONTROL));
    put_fixed(rb, seL4_CapASIDControl, cap_singleton(CAP_ASID_CONTROL));
    put_fixed(rb, seL4_CapDomain, cap_singleton(CAP_DOMAIN));
    pte_t **pool = bootmem_alloc(seL4_ASIDPoolBits);
    pool[ROOT_ASID] = rb->vspace;
    asid_register_pool(0, pool);
    put_fixed(rb, seL4_CapInitThreadASIDPool, cap_asid_pool(pool, 0));
    if (ARCH_HAS_IO_PORTS)
        put_fixed(rb, seL4_CapIOPortControl, cap_singleton(CAP_IO_PORT_CONTROL));
    rb->next_slot = seL4_NumInitialCaps;
}

static void make_kernel_only_vspace(void)
{
    pte_t *root = bootmem_alloc(pt_level_size_bits(0));
    arch_vspace_init_root(root);
    vspace_set_kernel_root(root);
}

/* The extra bootinfo pages: Keel's memory report, then (as seL4 does) a
 * padding chunk to the end so that extraLen bytes of chunks follow. */
static void fill_extra_bootinfo(void *extra)
{
    bootmem_fill_meminfo(extra);
    seL4_BootInfoHeader *pad = (seL4_BootInfoHeader *)((char *)extra + sizeof(keel_meminfo));
    pad->id = SEL4_BOOTINFO_HEADER_PADDING;
    pad->len = EXTRA_BI_PAGES * PAGE_SIZE - sizeof(keel_meminfo);
}

static struct tcb *build_root_task(const struct boot_info *info)
{
    struct root_builder rb = { 0 };
    rb.elf = paddr_to_kptr(info->roottask.start);
    size_t size = info->roottask.end - info->roottask.start;
    if (!elf_check(rb.elf, size, WORD_BITS, ARCH_ELF_MACHINE, ARCH_USER_TOP))
        panic("boot: the root task is not a valid ELF executable for this machine");
    elf_bounds(rb.elf, &rb.img_lo, &rb.img_hi);
    rb.img_lo = ALIGN_DOWN(rb.img_lo, PAGE_SIZE);
    rb.img_hi = ALIGN_UP(rb.img_hi, PAGE_SIZE);
    vaddr_t ipcbuf = rb.img_hi, bi_va = ipcbuf + PAGE_SIZE, extra = bi_va + PAGE_SIZE;
    vaddr_t end = extra + EXTRA_BI_PAGES * PAGE_SIZE;

    make_kernel_only_vspace();
    rb.cnode = bootmem_alloc(CONFIG_ROOT_CNODE_SIZE_BITS + CTE_SIZE_BITS);
    rb.vspace = bootmem_alloc(pt_level_size_bits(0));
    arch_vspace_init_root(rb.vspace);
    rb.bi = bootmem_alloc(seL4_BootInfoFrameBits);
    make_fixed_caps(&rb);
    make_paging(&rb, rb.img_lo, end);
    load_image(&rb);

    void *ipc_frame, *extra_frame;
    map_new_frame(&rb, ipcbuf, seL4_CapInitThreadIPCBuffer, &ipc_frame);
    put_fixed(&rb, seL4_CapBootInfoFrame,
              map_user_frame(&rb, rb.bi, bi_va, VM_USER | VM_READ | VM_WRITE));
    rb.bi->extraBIPages.start = rb.next_slot;
    map_new_frame(&rb, extra, 0, &extra_frame);
    rb.bi->extraBIPages.end = rb.next_slot;
    rb.bi->extraLen = EXTRA_BI_PAGES * PAGE_SIZE;

    struct tcb *t = make_root_tcb(&rb, ipcbuf, bi_va);
    kprintf("keel: root task entry %lx, image %lx-%lx, bootinfo at %lx\n",
            (word_t)elf_entry(rb.elf), (word_t)rb.img_lo, (word_t)rb.img_hi, bi_va);
    /* From here on every boot allocation is done: what is free is final. */
    bootmem_release_roottask(info);
    make_untypeds(&rb, info);
    fill_extra_bootinfo(extra_frame);

    rb.bi->nodeID = 0;
    rb.bi->numNodes = 1;
    rb.bi->ipcBuffer = (seL4_IPCBuffer *)ipcbuf;
    rb.bi->initThreadCNodeSizeBits = CONFIG_ROOT_CNODE_SIZE_BITS;
    rb.bi->empty.start = rb.next_slot;
    rb.bi->empty.end = BIT(CONFIG_ROOT_CNODE_SIZE_BITS);
    return t;
}

_Noreturn void core_main(const struct boot_info *info)
{
    kprintf("\nKeel microkernel booting on cpu %lu\n", info->cpu_id);
    bootmem_init(info);
    struct tcb *root = build_root_task(info);
    root->state = THREAD_RUNNING;
    sched_make_runnable(root);
    arch_timer_reset();
    arch_restore_user(kernel_exit());
}
