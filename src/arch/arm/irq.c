/*
 * Interrupts on ARM: a GICv2 found in the device tree. Device lines are the
 * GIC's SPIs (IDs 32 and up), which user-level drivers claim by ID; the
 * kernel's timer is a PPI of its own (ARCH_IRQ_TIMER).
 *
 * The timer is reported first and without acknowledging it at the GIC: its
 * line is a level that the next deadline (arch_timer_reset) lowers, after
 * which the GIC no longer has it pending. A device line is acknowledged
 * (it becomes active) and arch_irq_ack ends it.
 */
#include <core/printk.h>
#include <drivers/gicv2.h>
#include "arm.h"

#define DEFAULT_GICD    0x08000000ul    /* QEMU virt, if the DTB has none */
#define DEFAULT_GICC    0x08010000ul
#define GIC_REGION      0x10000ul

static bool fdt_gic(const struct fdt *f, struct fdt_range *dist, struct fdt_range *cpu)
{
    static const char *const compat[] = { "arm,cortex-a15-gic", "arm,gic-400", "arm,cortex-a9-gic" };
    for (unsigned i = 0; i < ARRAY_SIZE(compat); i++) {
        int n = fdt_find_compatible(f, -1, compat[i]);
        if (n >= 0 && fdt_reg(f, n, 0, dist) && fdt_reg(f, n, 1, cpu))
            return true;
    }
    return false;
}

/* Returns the distributor's registers and, in *cpu_if, the CPU interface's:
 * both are the kernel's alone. */
struct fdt_range arm_irq_init(const struct fdt *f, struct fdt_range *cpu_if)
{
    struct fdt_range dist = { DEFAULT_GICD, GIC_REGION };
    *cpu_if = (struct fdt_range){ DEFAULT_GICC, GIC_REGION };
    if (!fdt_gic(f, &dist, cpu_if)) {
        kprintf("arm: no GICv2 in the device tree, assuming QEMU virt's\n");
        dist = (struct fdt_range){ DEFAULT_GICD, GIC_REGION };
        *cpu_if = (struct fdt_range){ DEFAULT_GICC, GIC_REGION };
    }
    gicv2_init((uintptr_t)paddr_to_kptr(dist.start), (uintptr_t)paddr_to_kptr(cpu_if->start));
    kprintf("arm: GICv2 distributor %lx, CPU interface %lx, %u lines\n",
            (word_t)dist.start, (word_t)cpu_if->start, gicv2_num_lines());
    return dist;
}

bool arch_irq_valid(word_t irq)
{
    return irq >= GIC_FIRST_SPI && irq < gicv2_num_lines() && irq < ARCH_NUM_IRQS;
}

word_t arch_irq_get_active(void)
{
    if (arch_timer_pending())
        return ARCH_IRQ_TIMER;
    unsigned id = gicv2_acknowledge();
    if (id == GIC_SPURIOUS)
        return ARCH_IRQ_NONE;
    if (!arch_irq_valid(id)) {
        /* Not a line anyone can own (an SGI, or the timer's level already
         * gone): end it, and report nothing. */
        gicv2_end(id);
        return ARCH_IRQ_NONE;
    }
    return id;
}

void arch_irq_ack(word_t irq)
{
    if (arch_irq_valid(irq))
        gicv2_end((unsigned)irq);
}

void arch_irq_mask(word_t irq)
{
    if (arch_irq_valid(irq))
        gicv2_disable((unsigned)irq);
}

void arch_irq_unmask(word_t irq)
{
    if (arch_irq_valid(irq))
        gicv2_enable((unsigned)irq);
}
