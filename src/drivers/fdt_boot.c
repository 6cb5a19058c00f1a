/*
 * boot_info from a device tree (see fdt_boot.h). Shared by the ports that
 * boot with one, so RAM is found, clipped and reserved the same way on each.
 */
#include <core/printk.h>
#include <drivers/fdt_boot.h>

void boot_add_region(struct phys_region *set, unsigned *n, paddr_t start, paddr_t end,
                     const char *what)
{
    if (start >= end)
        return;
    if (*n >= BOOT_MAX_REGIONS)
        panic("boot: more than %d %s regions", BOOT_MAX_REGIONS, what);
    set[*n] = (struct phys_region){ start, end };
    (*n)++;
}

/* RAM the kernel window cannot reach is not used; say so, never silently. */
static void add_ram(struct boot_info *bi, struct fdt_range r)
{
    paddr_t start = ALIGN_UP(r.start, PAGE_SIZE), end = r.start + r.size;
    if (start < r.start)                /* wrapped: nothing of it is reachable */
        start = end = ~(paddr_t)0;
    if (end < r.start)
        end = ~(paddr_t)0;
    end = ALIGN_DOWN(end, PAGE_SIZE);
    if (end > KERNEL_WINDOW_SIZE) {
        kprintf("boot: RAM %lx-%lx is beyond the kernel window, not used\n",
                (word_t)MAX(start, KERNEL_WINDOW_SIZE), (word_t)end);
        end = KERNEL_WINDOW_SIZE;
    }
    boot_add_region(bi->ram, &bi->num_ram, start, end, "RAM");
}

void boot_add_reserved(struct boot_info *bi, paddr_t start, uint64_t size)
{
    paddr_t end = start + size < start ? ~(paddr_t)0 : start + size;
    boot_add_region(bi->reserved, &bi->num_reserved, ALIGN_DOWN(start, PAGE_SIZE),
                    ALIGN_UP(end, PAGE_SIZE), "reserved");
}

void boot_fdt_memory(struct boot_info *bi, const struct fdt *f, paddr_t dtb)
{
    struct fdt_range r[BOOT_MAX_REGIONS];
    unsigned n = fdt_memory(f, r, BOOT_MAX_REGIONS);
    if (n > BOOT_MAX_REGIONS)
        kprintf("boot: %u RAM ranges, only the first %d are used\n", n, BOOT_MAX_REGIONS);
    for (unsigned i = 0; i < MIN(n, (unsigned)BOOT_MAX_REGIONS); i++)
        add_ram(bi, r[i]);
    if (bi->num_ram == 0)
        panic("boot: the device tree lists no usable RAM");

    n = fdt_reserved(f, r, BOOT_MAX_REGIONS);
    if (n > BOOT_MAX_REGIONS - 2)
        panic("boot: %u reserved ranges in the device tree", n);
    for (unsigned i = 0; i < n; i++)
        boot_add_reserved(bi, r[i].start, r[i].size);
    boot_add_reserved(bi, dtb, f->size);
}

void boot_embedded_image(struct boot_info *bi, paddr_t kstart, paddr_t rt_start, paddr_t rt_end)
{
    bi->kernel = (struct phys_region){ kstart, rt_start };
    bi->roottask = (struct phys_region){ rt_start, rt_end };
    for (unsigned i = 0; i < bi->num_ram; i++) {
        if (bi->ram[i].start <= kstart && kstart < bi->ram[i].end)
            boot_add_reserved(bi, bi->ram[i].start, kstart - bi->ram[i].start);
    }
}

void boot_print(const struct boot_info *bi)
{
    for (unsigned i = 0; i < bi->num_ram; i++)
        kprintf("boot: RAM      %lx-%lx\n", (word_t)bi->ram[i].start, (word_t)bi->ram[i].end);
    for (unsigned i = 0; i < bi->num_reserved; i++)
        kprintf("boot: reserved %lx-%lx\n", (word_t)bi->reserved[i].start,
                (word_t)bi->reserved[i].end);
    kprintf("boot: kernel   %lx-%lx, root task %lx-%lx\n", (word_t)bi->kernel.start,
            (word_t)bi->kernel.end, (word_t)bi->roottask.start, (word_t)bi->roottask.end);
}
