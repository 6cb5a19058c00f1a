/*
 * The x86_64 boot path in C, entered from head.S in long mode on the kernel
 * stack with the boot page tables: set up the CPU tables, switch to the final
 * page tables, turn the multiboot2 information into a struct boot_info, start
 * the timer and hand over to the core.
 */
#include <core/printk.h>
#include <drivers/multiboot2.h>
#include <drivers/x86/ioapic.h>
#include "x86_64.h"

#define LOW_MEMORY_END  0x100000ul      /* BIOS data, EBDA, real-mode area */
#define MB2_INFO_MAX    (1ul << 20)     /* a sane bound for the info structure */
#define FOUR_GIB        (4ul << 30)

static struct mb2_info mb2;             /* too large for the boot stack */
static struct boot_info bi;

static void add_region(struct phys_region *r, unsigned *n, paddr_t start, paddr_t end)
{
    if (start >= end)
        return;
    if (*n == BOOT_MAX_REGIONS) {
        kprintf("x86: too many regions, dropped [0x%lx, 0x%lx)\n", start, end);
        return;
    }
    r[*n].start = start;
    r[*n].end = end;
    (*n)++;
}

/* The info structure lies below 4 GiB (GRUB runs in 32-bit mode), which the
 * kernel window always maps. */
static void parse_multiboot2(uint32_t magic, uint32_t info_pa)
{
    if (magic != MB2_BOOTLOADER_MAGIC)
        panic("x86: not booted by multiboot2 (magic 0x%x)", magic);
    size_t avail = MIN(MB2_INFO_MAX, FOUR_GIB - info_pa);
    enum mb2_status s = mb2_parse(paddr_to_kptr(info_pa), avail, &mb2);
    if (s != MB2_OK)
        panic("x86: multiboot2 info at 0x%x: %s", info_pa, mb2_strerror(s));
    if (!mb2.have_mmap)
        panic("x86: multiboot2 info has no memory map");
    if (mb2.num_ram_dropped || mb2.num_bad_entries)
        kprintf("x86: memory map: %u RAM entries dropped, %u malformed\n",
                mb2.num_ram_dropped, mb2.num_bad_entries);
    if (mb2.num_modules == 0)
        panic("x86: no root task: GRUB passed no module");
    if (mb2.num_modules > 1)
        kprintf("x86: %u modules, only the first (the root task) is used\n", mb2.num_modules);
}

/* RAM beyond the kernel window cannot be used: say so, and clip it. */
static void collect_ram(void)
{
    paddr_t top = 0;
    for (unsigned i = 0; i < mb2.num_ram; i++) {
        paddr_t start = mb2.ram[i].start, end = mb2.ram[i].end;
        if (end > KERNEL_WINDOW_SIZE) {
            kprintf("x86: RAM [0x%lx, 0x%lx) beyond the kernel window: not used\n",
                    MAX(start, (paddr_t)KERNEL_WINDOW_SIZE), end);
            end = KERNEL_WINDOW_SIZE;
        }
        add_region(bi.ram, &bi.num_ram, start, end);
        add_region(bi.reserved, &bi.num_reserved, start, MIN(end, LOW_MEMORY_END));
        top = MAX(top, end);
    }
    x86_vspace_map_ram(top);
}

static void fill_boot_info(void)
{
    collect_ram();
    bi.kernel.start = (paddr_t)(uintptr_t)__kernel_phys_start;
    bi.kernel.end = kptr_to_paddr(__kernel_virt_end);
    bi.roottask.start = ALIGN_DOWN(mb2.module.start, PAGE_SIZE);
    bi.roottask.end = ALIGN_UP(mb2.module.end, PAGE_SIZE);
    bi.cpu_id = x86_cpu_id();
    /* Interrupt controllers stay the kernel's: no device Untyped covers them. */
    paddr_t lapic = x86_lapic_paddr();
    add_region(bi.kernel_devices, &bi.num_kernel_devices, lapic, lapic + PAGE_SIZE);
    add_region(bi.kernel_devices, &bi.num_kernel_devices, IOAPIC_DEFAULT_PADDR,
               IOAPIC_DEFAULT_PADDR + PAGE_SIZE);
}

static void print_boot_info(void)
{
    for (unsigned i = 0; i < bi.num_ram; i++)
        kprintf("x86: RAM      [0x%09lx, 0x%09lx)\n", bi.ram[i].start, bi.ram[i].end);
    for (unsigned i = 0; i < bi.num_reserved; i++)
        kprintf("x86: reserved [0x%09lx, 0x%09lx)\n", bi.reserved[i].start, bi.reserved[i].end);
    kprintf("x86: kernel   [0x%09lx, 0x%09lx)\n", bi.kernel.start, bi.kernel.end);
    kprintf("x86: roottask [0x%09lx, 0x%09lx)\n", bi.roottask.start, bi.roottask.end);
}

_Noreturn void x86_boot_main(uint32_t magic, uint32_t info_pa)
{
    x86_console_init();
    kprintf("\nKeel x86_64\n");
    x86_cpu_init();
    x86_vspace_init();
    parse_multiboot2(magic, info_pa);
    x86_irq_init();
    fill_boot_info();
    print_boot_info();
    core_main(&bi);
}
