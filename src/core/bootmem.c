/*
 * Boot-time accounting of every byte of RAM (see bootmem.h). The four sets
 * kept here are disjoint and their union is exactly the RAM the port found:
 *   free ∪ kernel ∪ firmware ∪ rootserver == ram   (except, until
 *   bootmem_release_roottask, the root task's ELF file, which is in none).
 */
#include <core/bootmem.h>
#include <core/printk.h>
#include <core/string.h>

static struct region_set ram, free_mem, kernel_mem, firmware_mem, boot_objects;

static void check(bool ok)
{
    if (!ok)
        panic("boot: more than %d separate memory ranges", REGION_SET_MAX);
}

void bootmem_init(const struct boot_info *bi)
{
    for (unsigned i = 0; i < bi->num_ram; i++)
        check(regions_add(&ram, bi->ram[i].start, bi->ram[i].end));
    free_mem = ram;
    check(regions_add_intersection(&kernel_mem, &ram, bi->kernel.start, bi->kernel.end));
    for (unsigned i = 0; i < bi->num_reserved; i++)
        check(regions_add_intersection(&firmware_mem, &ram, bi->reserved[i].start,
                                       bi->reserved[i].end));
    check(regions_remove_set(&firmware_mem, &kernel_mem));
    check(regions_remove_set(&free_mem, &kernel_mem));
    check(regions_remove_set(&free_mem, &firmware_mem));
    check(regions_remove(&free_mem, bi->roottask.start, bi->roottask.end));
}

void *bootmem_alloc(unsigned size_bits)
{
    paddr_t pa;
    if (!regions_alloc(&free_mem, size_bits, &pa))
        panic("boot: out of memory allocating 2^%u bytes", size_bits);
    check(regions_add(&boot_objects, pa, pa + ((paddr_t)1 << size_bits)));
    void *p = paddr_to_kptr(pa);
    memset(p, 0, (size_t)1 << size_bits);
    return p;
}

void bootmem_release_roottask(const struct boot_info *bi)
{
    struct region_set file = { 0 };
    check(regions_add_intersection(&file, &ram, bi->roottask.start, bi->roottask.end));
    check(regions_remove_set(&file, &kernel_mem));
    check(regions_remove_set(&file, &firmware_mem));
    check(regions_remove_set(&file, &boot_objects));
    for (unsigned i = 0; i < file.n; i++)
        check(regions_add(&free_mem, file.r[i].start, file.r[i].end));
}

const struct region_set *bootmem_free(void)
{
    return &free_mem;
}

/* Merge the three used sets, each tagged with its kind, in address order. */
static unsigned fill_used(keel_mem_region *out, unsigned max)
{
    const struct region_set *sets[] = { &kernel_mem, &firmware_mem, &boot_objects };
    const word_t kinds[] = { KEEL_MEM_KERNEL, KEEL_MEM_FIRMWARE, KEEL_MEM_ROOTSERVER };
    unsigned idx[3] = { 0, 0, 0 }, n = 0;
    for (;;) {
        int best = -1;
        for (int s = 0; s < 3; s++)
            if (idx[s] < sets[s]->n &&
                (best < 0 || sets[s]->r[idx[s]].start < sets[best]->r[idx[best]].start))
                best = s;
        if (best < 0)
            return n;
        if (n == max) {
            kprintf("keel: warning: more than %u used memory ranges; meminfo truncated\n", max);
            return n;
        }
        out[n].start = sets[best]->r[idx[best]].start;
        out[n].end = sets[best]->r[idx[best]].end;
        out[n].kind = kinds[best];
        idx[best]++;
        n++;
    }
}

void bootmem_fill_meminfo(keel_meminfo *mi)
{
    mi->header.id = KEEL_BOOTINFO_HEADER_MEMINFO;
    mi->header.len = sizeof(*mi);
    mi->num_ram = MIN(ram.n, (unsigned)KEEL_MEMINFO_MAX_REGIONS);
    for (unsigned i = 0; i < mi->num_ram; i++) {
        mi->ram[i].start = ram.r[i].start;
        mi->ram[i].end = ram.r[i].end;
        mi->ram[i].kind = 0;
    }
    mi->num_used = fill_used(mi->used, KEEL_MEMINFO_MAX_REGIONS);
}

void bootmem_device_regions(const struct boot_info *bi, struct region_set *out)
{
    *out = (struct region_set){ 0 };
    check(regions_add(out, 0, ARCH_PADDR_TOP));
    check(regions_remove_set(out, &ram));
    for (unsigned i = 0; i < bi->num_kernel_devices; i++)
        check(regions_remove(out, bi->kernel_devices[i].start, bi->kernel_devices[i].end));
}
