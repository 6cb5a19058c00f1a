/*
 * The x86_64 boot path in C, entered from head.S in long mode on the kernel
 * stack with the boot page tables: set up the CPU tables, switch to the final
 * page tables, parse the multiboot2 information, start the timer and hand
 * over to the core (src/arch/x86/boot_info.c builds the struct boot_info).
 */
#include <core/printk.h>
#include <drivers/multiboot2.h>
#include "x86_64.h"

#define MB2_INFO_MAX    (1ul << 20)     /* a sane bound for the info structure */
#define FOUR_GIB        (4ul << 30)

static struct mb_info mb2;              /* too large for the boot stack */
static struct boot_info bi;

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
    x86_boot_info_check(&mb2);
}

_Noreturn void x86_boot_main(uint32_t magic, uint32_t info_pa)
{
    x86_console_init();
    kprintf("\nKeel x86_64\n");
    x86_cpu_init();
    x86_vspace_init();
    parse_multiboot2(magic, info_pa);
    x86_irq_init();
    x86_boot_info_fill(&mb2, &bi);
    core_main(&bi);
}
