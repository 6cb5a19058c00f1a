/*
 * Device interrupts on riscv64: the PLIC, found in the device tree, routes
 * sources 1..ndev to the boot hart's S-mode context, which raises the
 * supervisor external interrupt (sip.SEIP). The timer (sip.STIP) is not a
 * PLIC source: it has the number ARCH_IRQ_TIMER of its own.
 */
#include <core/printk.h>
#include <drivers/plic.h>
#include "riscv.h"

#define DEFAULT_PLIC        0x0c000000ul    /* QEMU virt, if the DTB has none */
#define DEFAULT_PLIC_SIZE   0x600000ul
#define DEFAULT_PLIC_NDEV   96u
#define IRQ_S_EXTERNAL      9               /* the hart-local interrupt a context raises */

/* The phandle of the interrupt controller of the cpu node with reg == hart. */
static bool hart_intc_phandle(const struct fdt *f, word_t hart, uint32_t *phandle)
{
    int depth = 0, cpus = fdt_path(f, "/cpus");
    if (cpus < 0)
        return false;
    for (int n = fdt_next_node(f, cpus, &depth); n >= 0 && depth > 0; n = fdt_next_node(f, n, &depth)) {
        uint32_t reg;
        if (depth != 1 || !fdt_prop_is(f, n, "device_type", "cpu") ||
            !fdt_prop_u32(f, n, "reg", &reg) || reg != hart)
            continue;
        int intc = fdt_subnode(f, n, "interrupt-controller");
        return intc >= 0 && fdt_prop_u32(f, intc, "phandle", phandle);
    }
    return false;
}

/* The PLIC's interrupts-extended lists its contexts in order, each as
 * <hart intc phandle, hart-local interrupt>; riscv,cpu-intc nodes have
 * #interrupt-cells = 1, so every entry is two cells. The S-mode context of
 * the boot hart is the entry <its intc, 9>. */
static bool find_context(const struct fdt *f, int plic, word_t hart, unsigned *context)
{
    uint32_t len, phandle;
    const uint8_t *p = fdt_prop(f, plic, "interrupts-extended", &len);
    if (!p || !hart_intc_phandle(f, hart, &phandle))
        return false;
    for (uint32_t i = 0; (i + 1) * 8 <= len; i++) {
        const uint8_t *e = p + i * 8;
        uint32_t ph = (uint32_t)e[0] << 24 | e[1] << 16 | e[2] << 8 | e[3];
        uint32_t irq = (uint32_t)e[4] << 24 | e[5] << 16 | e[6] << 8 | e[7];
        if (ph == phandle && irq == IRQ_S_EXTERNAL) {
            *context = i;
            return true;
        }
    }
    return false;
}

/* Returns the PLIC's register block, which the kernel keeps for itself. */
struct fdt_range riscv_irq_init(const struct fdt *f, word_t hart)
{
    struct fdt_range r = { DEFAULT_PLIC, DEFAULT_PLIC_SIZE };
    uint32_t ndev = DEFAULT_PLIC_NDEV;
    unsigned context = 2 * (unsigned)hart + 1;  /* QEMU virt: M then S per hart */
    int plic = fdt_find_compatible(f, -1, "riscv,plic0");
    if (plic < 0)
        plic = fdt_find_compatible(f, -1, "sifive,plic-1.0.0");
    if (plic < 0 || !fdt_reg(f, plic, 0, &r) || !fdt_prop_u32(f, plic, "riscv,ndev", &ndev))
        kprintf("riscv: no PLIC in the device tree, assuming QEMU virt's\n");
    if (plic < 0 || !find_context(f, plic, hart, &context))
        kprintf("riscv: PLIC context of hart %lu not found, assuming %u\n", hart, context);
    plic_init((uintptr_t)paddr_to_kptr(r.start), ndev, context);
    csr_set(sie, SIE_SEIE);
    kprintf("riscv: PLIC %lx, %u sources, context %u\n", (word_t)r.start, plic_num_sources(), context);
    return r;
}

bool arch_irq_valid(word_t irq)
{
    return irq >= 1 && irq <= plic_num_sources();
}

/* The timer first: it drives preemption. Claiming makes the source in flight
 * until arch_irq_ack completes it. */
word_t arch_irq_get_active(void)
{
    if (arch_timer_pending())
        return ARCH_IRQ_TIMER;
    if (!(csr_read(sip) & SIP_SEIP))
        return ARCH_IRQ_NONE;
    unsigned source = plic_claim();
    return source ? source : ARCH_IRQ_NONE;
}

/* Programming the next deadline (arch_timer_reset) is what clears STIP, so
 * the timer needs no acknowledgement; a PLIC source is completed. */
void arch_irq_ack(word_t irq)
{
    if (arch_irq_valid(irq))
        plic_complete((unsigned)irq);
}

void arch_irq_mask(word_t irq)
{
    if (arch_irq_valid(irq))
        plic_mask((unsigned)irq);
}

void arch_irq_unmask(word_t irq)
{
    if (arch_irq_valid(irq))
        plic_unmask((unsigned)irq);
}
