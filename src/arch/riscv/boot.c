/*
 * riscv64 boot in C: called by boot.S on the kernel stack with the MMU on and
 * the kernel running in the upper half. Finishes the CPU setup, reads the
 * device tree OpenSBI handed over, and turns it into the core's boot_info.
 */
#include <core/printk.h>
#include <drivers/fdt_boot.h>
#include "riscv.h"

_Static_assert(RISCV_WINDOW_BASE == KERNEL_WINDOW_BASE, "asm.h agrees with arch/types.h");
_Static_assert((word_t)RISCV_WINDOW_GIBS << 30 == KERNEL_WINDOW_SIZE, "window size");
_Static_assert(RISCV_WINDOW_FIRST_SLOT == ((KERNEL_WINDOW_BASE >> 30) & 511), "window slot");

#define DTB_MAX_SIZE        (4ul << 20)     /* we read no more of a blob than this */
#define DEFAULT_UART        0x10000000ul    /* QEMU virt, if the DTB has none */
#define DEFAULT_FINISHER    0x100000ul
#define DEFAULT_TIMEBASE    10000000ul

static struct boot_info bi;

/* Turn off what OpenSBI may have left on and take over the trap vector.
 * The FPU stays off: the kernel saves no FP state, so an FP instruction in
 * user mode must trap (illegal instruction) rather than share registers. */
static void cpu_init(void)
{
    csr_write(stvec, riscv_trap_entry);
    csr_write(sscratch, 0);             /* trap.S: 0 means "trap from the kernel" */
    csr_clear(sstatus, SSTATUS_SIE | SSTATUS_SUM | SSTATUS_FS);
    csr_write(sie, 0);
    /* User mode may read cycle, time and instret (rdcycle/rdtime/rdinstret):
     * the benchmarks count instructions with them under QEMU -icount. */
    csr_write(scounteren, 7);
}

/* boot.S identity-mapped the GiB it ran in; user space must see no kernel
 * mappings in the lower half, so the whole lower half goes. */
static void drop_identity_map(void)
{
    for (unsigned i = 0; i < RISCV_WINDOW_FIRST_SLOT; i++)
        riscv_boot_root[i] = 0;
    __asm__ volatile("sfence.vma" ::: "memory");
}

static void init_devices(const struct fdt *f, word_t hart)
{
    struct fdt_range r;
    paddr_t uart = fdt_compatible_reg(f, "ns16550a", &r) ? r.start : DEFAULT_UART;
    uint64_t timebase;
    riscv_console_init(uart);
    if (!fdt_prop_u64(f, fdt_path(f, "/cpus"), "timebase-frequency", &timebase) || !timebase) {
        kprintf("riscv: no timebase-frequency, assuming %lu Hz\n", DEFAULT_TIMEBASE);
        timebase = DEFAULT_TIMEBASE;
    }
    riscv_timer_init(timebase);
    if (!fdt_compatible_reg(f, "sifive,test0", &r) && !fdt_compatible_reg(f, "syscon", &r))
        r.start = DEFAULT_FINISHER;
    riscv_power_init(r.start);
    /* The power-off register is the kernel's; the UART stays available to a
     * user-level driver (the kernel only prints debug output on it). */
    boot_add_region(bi.kernel_devices, &bi.num_kernel_devices, ALIGN_DOWN(r.start, PAGE_SIZE),
               ALIGN_DOWN(r.start, PAGE_SIZE) + PAGE_SIZE, "kernel device");
    kprintf("riscv: timebase %lu Hz, uart %lx, test finisher %lx\n",
            (word_t)timebase, (word_t)uart, (word_t)r.start);
    /* The interrupt controller is the kernel's too: no device Untyped may
     * let user space reprogram it. */
    r = riscv_irq_init(f, hart);
    boot_add_region(bi.kernel_devices, &bi.num_kernel_devices, ALIGN_DOWN(r.start, PAGE_SIZE),
               ALIGN_UP(r.start + r.size, PAGE_SIZE), "kernel device");
}

_Noreturn void riscv_boot_main(word_t hart, paddr_t dtb)
{
    struct fdt f;
    cpu_init();
    drop_identity_map();
    if (!dtb || dtb >= KERNEL_WINDOW_SIZE || !fdt_init(&f, paddr_to_kptr(dtb), DTB_MAX_SIZE)) {
        riscv_console_init(DEFAULT_UART);
        panic("boot: no valid device tree at %lx (hart %lu)", (word_t)dtb, hart);
    }
    init_devices(&f, hart);
    bi.cpu_id = hart;
    boot_fdt_memory(&bi, &f, dtb);
    boot_embedded_image(&bi, kptr_to_paddr(__kernel_start), kptr_to_paddr(__roottask_start),
                        kptr_to_paddr(__roottask_end));
    boot_print(&bi);
    core_main(&bi);
}
