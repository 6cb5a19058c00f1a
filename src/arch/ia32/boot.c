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

/* A capability keeps an object's window address sign-extended from bit 30
 * (core/cap.h), which reaches the window and physical [0, 1.5 GiB) and
 * [3.5 GiB, 4 GiB) through its wrap-around. No device Untyped may cover the
 * physical addresses between: they are withheld like the kernel's own
 * devices. (A PC's devices lie in the top 512 MiB, its RAM at the bottom.) */
#define CAP_PADDR_GAP_START 0x60000000ull
#define CAP_PADDR_GAP_END   0xe0000000ull

static void withhold_unrepresentable(void)
{
    _Static_assert((word_t)(CAP_PADDR_GAP_START + KERNEL_WINDOW_BASE) == 0x40000000ul &&
                   (word_t)(CAP_PADDR_GAP_END + KERNEL_WINDOW_BASE) == 0xc0000000ul,
                   "the gap is where window addresses have bits 31 and 30 apart");
    if (bi.num_kernel_devices == BOOT_MAX_REGIONS)
        panic("ia32: no room to withhold the unrepresentable device range");
    bi.kernel_devices[bi.num_kernel_devices].start = CAP_PADDR_GAP_START;
    bi.kernel_devices[bi.num_kernel_devices].end = CAP_PADDR_GAP_END;
    bi.num_kernel_devices++;
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
    withhold_unrepresentable();
    core_main(&bi);
}
