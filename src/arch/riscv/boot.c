/*
 * riscv64 boot in C: called by boot.S on the kernel stack with the MMU on and
 * the kernel running in the upper half. Finishes the CPU setup, reads the
 * device tree OpenSBI handed over, and turns it into the core's boot_info.
 */
#include <core/printk.h>
#include <drivers/fdt.h>
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

static void add_region(struct phys_region *set, unsigned *n, paddr_t start, paddr_t end,
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
static void add_ram(struct fdt_range r)
{
    paddr_t start = ALIGN_UP(r.start, PAGE_SIZE), end = r.start + r.size;
    if (start < r.start)                /* wrapped: nothing of it is reachable */
        start = end = ~(paddr_t)0;
    if (end < r.start)
        end = ~(paddr_t)0;
    end = ALIGN_DOWN(end, PAGE_SIZE);
    if (end > KERNEL_WINDOW_SIZE) {
        kprintf("riscv: RAM %lx-%lx is beyond the kernel window, not used\n",
                (word_t)MAX(start, KERNEL_WINDOW_SIZE), (word_t)end);
        end = KERNEL_WINDOW_SIZE;
    }
    add_region(bi.ram, &bi.num_ram, start, end, "RAM");
}

static void add_reserved(paddr_t start, uint64_t size)
{
    paddr_t end = start + size < start ? ~(paddr_t)0 : start + size;
    add_region(bi.reserved, &bi.num_reserved, ALIGN_DOWN(start, PAGE_SIZE),
               ALIGN_UP(end, PAGE_SIZE), "reserved");
}

static void find_memory(const struct fdt *f, paddr_t dtb)
{
    struct fdt_range r[BOOT_MAX_REGIONS];
    unsigned n = fdt_memory(f, r, BOOT_MAX_REGIONS);
    if (n > BOOT_MAX_REGIONS)
        kprintf("riscv: %u RAM ranges, only the first %d are used\n", n, BOOT_MAX_REGIONS);
    for (unsigned i = 0; i < MIN(n, (unsigned)BOOT_MAX_REGIONS); i++)
        add_ram(r[i]);
    if (bi.num_ram == 0)
        panic("boot: the device tree lists no usable RAM");

    n = fdt_reserved(f, r, BOOT_MAX_REGIONS);
    if (n > BOOT_MAX_REGIONS - 2)
        panic("boot: %u reserved ranges in the device tree", n);
    for (unsigned i = 0; i < n; i++)
        add_reserved(r[i].start, r[i].size);
    add_reserved(dtb, f->size);
}

/* The kernel image: code, data, bss and stacks, then the root task ELF last
 * (kernel.ld). Below the image, in the same RAM bank, lives the firmware. */
static void find_image(void)
{
    paddr_t kstart = kptr_to_paddr(__kernel_start);
    bi.kernel = (struct phys_region){ kstart, kptr_to_paddr(__roottask_start) };
    bi.roottask = (struct phys_region){ kptr_to_paddr(__roottask_start),
                                        kptr_to_paddr(__roottask_end) };
    for (unsigned i = 0; i < bi.num_ram; i++) {
        if (bi.ram[i].start <= kstart && kstart < bi.ram[i].end)
            add_reserved(bi.ram[i].start, kstart - bi.ram[i].start);
    }
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
    add_region(bi.kernel_devices, &bi.num_kernel_devices, ALIGN_DOWN(r.start, PAGE_SIZE),
               ALIGN_DOWN(r.start, PAGE_SIZE) + PAGE_SIZE, "kernel device");
    kprintf("riscv: timebase %lu Hz, uart %lx, test finisher %lx\n",
            (word_t)timebase, (word_t)uart, (word_t)r.start);
    /* The interrupt controller is the kernel's too: no device Untyped may
     * let user space reprogram it. */
    r = riscv_irq_init(f, hart);
    add_region(bi.kernel_devices, &bi.num_kernel_devices, ALIGN_DOWN(r.start, PAGE_SIZE),
               ALIGN_UP(r.start + r.size, PAGE_SIZE), "kernel device");
}

static void print_boot_info(void)
{
    for (unsigned i = 0; i < bi.num_ram; i++)
        kprintf("riscv: RAM      %lx-%lx\n", (word_t)bi.ram[i].start, (word_t)bi.ram[i].end);
    for (unsigned i = 0; i < bi.num_reserved; i++)
        kprintf("riscv: reserved %lx-%lx\n", (word_t)bi.reserved[i].start,
                (word_t)bi.reserved[i].end);
    kprintf("riscv: kernel   %lx-%lx, root task %lx-%lx\n", (word_t)bi.kernel.start,
            (word_t)bi.kernel.end, (word_t)bi.roottask.start, (word_t)bi.roottask.end);
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
    find_memory(&f, dtb);
    find_image();
    print_boot_info();
    core_main(&bi);
}
