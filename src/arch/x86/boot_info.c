/*
 * The struct boot_info of both x86 ports, from GRUB's hand-over once its
 * parser (multiboot2 on x86_64, multiboot v1 on ia32) has read it: RAM from
 * the memory map (clipped to the kernel window), the low 1 MiB reserved, the
 * kernel image, the root task module, the interrupt controllers kept from
 * device Untypeds.
 */
#include <core/printk.h>
#include <drivers/multiboot.h>
#include <drivers/x86/ioapic.h>
#include "x86.h"

#define LOW_MEMORY_END  0x100000ul      /* BIOS data, EBDA, real-mode area */

static void add_region(struct phys_region *r, unsigned *n, paddr_t start, paddr_t end)
{
    if (start >= end)
        return;
    if (*n == BOOT_MAX_REGIONS) {
        kprintf("x86: too many regions, dropped [0x%llx, 0x%llx)\n",
                (unsigned long long)start, (unsigned long long)end);
        return;
    }
    r[*n].start = start;
    r[*n].end = end;
    (*n)++;
}

/* RAM beyond the kernel window cannot be used: say so, and clip it. */
static void collect_ram(const struct mb_info *mb, struct boot_info *bi)
{
    paddr_t top = 0;
    for (unsigned i = 0; i < mb->num_ram; i++) {
        paddr_t start = mb->ram[i].start, end = mb->ram[i].end;
        if (end > KERNEL_WINDOW_SIZE) {
            kprintf("x86: RAM [0x%llx, 0x%llx) beyond the kernel window: not used\n",
                    (unsigned long long)MAX(start, (paddr_t)KERNEL_WINDOW_SIZE), (unsigned long long)end);
            end = KERNEL_WINDOW_SIZE;
        }
        add_region(bi->ram, &bi->num_ram, start, end);
        add_region(bi->reserved, &bi->num_reserved, start, MIN(end, LOW_MEMORY_END));
        top = MAX(top, end);
    }
    x86_vspace_map_ram(top);
}

static void print_boot_info(const struct boot_info *bi)
{
    for (unsigned i = 0; i < bi->num_ram; i++)
        kprintf("x86: RAM      [0x%09llx, 0x%09llx)\n", (unsigned long long)bi->ram[i].start,
                (unsigned long long)bi->ram[i].end);
    for (unsigned i = 0; i < bi->num_reserved; i++)
        kprintf("x86: reserved [0x%09llx, 0x%09llx)\n", (unsigned long long)bi->reserved[i].start,
                (unsigned long long)bi->reserved[i].end);
    kprintf("x86: kernel   [0x%09llx, 0x%09llx)\n", (unsigned long long)bi->kernel.start,
            (unsigned long long)bi->kernel.end);
    kprintf("x86: roottask [0x%09llx, 0x%09llx)\n", (unsigned long long)bi->roottask.start,
            (unsigned long long)bi->roottask.end);
}

/* What both protocols' parsed information must have. */
void x86_boot_info_check(const struct mb_info *mb)
{
    if (!mb->have_mmap)
        panic("x86: the boot information has no memory map");
    if (mb->num_ram_dropped || mb->num_bad_entries)
        kprintf("x86: memory map: %u RAM entries dropped, %u malformed\n",
                mb->num_ram_dropped, mb->num_bad_entries);
    if (mb->num_modules == 0)
        panic("x86: no root task: GRUB passed no module");
    if (mb->num_modules > 1)
        kprintf("x86: %u modules, only the first (the root task) is used\n", mb->num_modules);
}

void x86_boot_info_fill(const struct mb_info *mb, struct boot_info *bi)
{
    collect_ram(mb, bi);
    bi->kernel.start = (paddr_t)(uintptr_t)__kernel_phys_start;
    bi->kernel.end = kptr_to_paddr(__kernel_virt_end);
    bi->roottask.start = ALIGN_DOWN(mb->module.start, PAGE_SIZE);
    bi->roottask.end = ALIGN_UP(mb->module.end, PAGE_SIZE);
    bi->cpu_id = x86_cpu_id();
    /* Interrupt controllers stay the kernel's: no device Untyped covers them. */
    paddr_t lapic = x86_lapic_paddr();
    add_region(bi->kernel_devices, &bi->num_kernel_devices, lapic, lapic + PAGE_SIZE);
    add_region(bi->kernel_devices, &bi->num_kernel_devices, IOAPIC_DEFAULT_PADDR,
               IOAPIC_DEFAULT_PADDR + PAGE_SIZE);
    print_boot_info(bi);
}
