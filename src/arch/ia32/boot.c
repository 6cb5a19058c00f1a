/*
 * The ia32 boot path in C, entered from head.S with paging on (the boot
 * page directory) on the kernel stack: set up the CPU tables, switch to the
 * final page directory, parse the multiboot v1 information, start the timer
 * and hand over to the core (src/arch/x86/boot_info.c builds the struct
 * boot_info).
 */
#include <core/printk.h>
#include <drivers/multiboot.h>
#include "ia32.h"

static struct mb_info mb;
static struct boot_info bi;

/* The information and everything it points to must lie in the window. */
static const uint8_t *map_window(uint64_t pa, uint32_t len)
{
    if (pa >= KERNEL_WINDOW_SIZE || len > KERNEL_WINDOW_SIZE - pa)
        return NULL;
    return paddr_to_kptr(pa);
}

static void parse_multiboot(uint32_t magic, uint32_t info_pa)
{
    if (magic != MB1_BOOTLOADER_MAGIC)
        panic("ia32: not booted by multiboot (magic 0x%x)", magic);
    enum mb1_status s = mb1_parse(info_pa, map_window, &mb);
    if (s != MB1_OK)
        panic("ia32: multiboot info at 0x%x: %s", info_pa, mb1_strerror(s));
    x86_boot_info_check(&mb);
}

_Noreturn void x86_boot_main(uint32_t magic, uint32_t info_pa)
{
    x86_console_init();
    kprintf("\nKeel ia32\n");
    x86_cpu_init();
    x86_vspace_init();
    parse_multiboot(magic, info_pa);
    x86_irq_init();
    x86_boot_info_fill(&mb, &bi);
    core_main(&bi);
}
