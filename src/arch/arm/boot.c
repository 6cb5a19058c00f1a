/*
 * ARM boot in C, shared by both modes: called (arm_boot) by the mode's entry
 * on the kernel stack with the MMU on and the kernel running in the upper
 * half. Reads the device tree and turns it into the core's boot_info.
 *
 * QEMU's -kernel loader passes no DTB pointer with an ELF image, but copies
 * the DTB to the start of RAM when the image leaves room there (kernel.ld
 * links the kernel 2 MiB above RAM's start for this). A boot loader that
 * does pass one (U-Boot's bootelf, a raw image) is used first.
 */
#include <core/printk.h>
#include <drivers/fdt_boot.h>
#include "arm.h"

#define DTB_MAX_SIZE        (2ul << 20)     /* the room below the kernel */
#define DEFAULT_UART        0x09000000ul    /* QEMU virt, if the DTB has none */
#define QEMU_DTB_ADDR       0x40000000ul    /* RAM start on QEMU virt */

static struct boot_info bi;

/* PSCI's conduit: "hvc" when the kernel runs at EL1 under a hypervisor (or
 * QEMU's built-in PSCI), "smc" under secure firmware. */
static bool psci_uses_smc(const struct fdt *f)
{
    int n = fdt_find_compatible(f, -1, "arm,psci-1.0");
    if (n < 0)
        n = fdt_find_compatible(f, -1, "arm,psci-0.2");
    if (n < 0)
        n = fdt_find_compatible(f, -1, "arm,psci");
    return n >= 0 && fdt_prop_is(f, n, "method", "smc");
}

static void init_devices(const struct fdt *f)
{
    struct fdt_range r, cpu_if;
    paddr_t uart = fdt_compatible_reg(f, "arm,pl011", &r) ? r.start : DEFAULT_UART;
    arm_console_init(uart);
    arm_power_init(psci_uses_smc(f));
    kprintf("arm: uart %lx, PSCI via %s\n", (word_t)uart, psci_uses_smc(f) ? "smc" : "hvc");
    /* The interrupt controller is the kernel's: no device Untyped may let
     * user space reprogram it. The UART stays available to user drivers. */
    r = arm_irq_init(f, &cpu_if);
    boot_add_region(bi.kernel_devices, &bi.num_kernel_devices, ALIGN_DOWN(r.start, PAGE_SIZE),
               ALIGN_UP(r.start + r.size, PAGE_SIZE), "kernel device");
    boot_add_region(bi.kernel_devices, &bi.num_kernel_devices, ALIGN_DOWN(cpu_if.start, PAGE_SIZE),
               ALIGN_UP(cpu_if.start + cpu_if.size, PAGE_SIZE), "kernel device");
    arm_timer_setup();
}

static bool fdt_at(struct fdt *f, paddr_t pa)
{
    return pa && pa < KERNEL_WINDOW_SIZE && fdt_init(f, paddr_to_kptr(pa), DTB_MAX_SIZE);
}

_Noreturn void arm_boot(paddr_t dtb)
{
    struct fdt f;
    arm_cpu_init();
    arm_drop_identity_map();
    if (!fdt_at(&f, dtb)) {
        dtb = QEMU_DTB_ADDR;
        if (!fdt_at(&f, dtb)) {
            arm_console_init(DEFAULT_UART);
            panic("boot: no valid device tree (tried %lx)", (word_t)dtb);
        }
    }
    init_devices(&f);
    bi.cpu_id = 0;
    boot_fdt_memory(&bi, &f, dtb);
    boot_embedded_image(&bi, kptr_to_paddr(__kernel_start), kptr_to_paddr(__roottask_start),
                        kptr_to_paddr(__roottask_end));
    boot_print(&bi);
    core_main(&bi);
}
