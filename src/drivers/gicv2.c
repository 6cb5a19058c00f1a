/*
 * GICv2 driver (ARM IHI 0048B). The kernel runs with interrupts masked at
 * the CPU, so no priorities or preemption are used: every line has the same
 * priority, above the CPU interface's mask, and is level-sensitive as the
 * device tree of QEMU virt describes its devices.
 */
#include <drivers/gicv2.h>

/* Distributor registers (byte offsets). */
#define GICD_CTLR       0x000
#define GICD_TYPER      0x004
#define GICD_ISENABLER  0x100           /* one bit per ID, write 1 to enable */
#define GICD_ICENABLER  0x180           /* one bit per ID, write 1 to disable */
#define GICD_ISPENDR    0x200
#define GICD_IPRIORITYR 0x400           /* one byte per ID */
#define GICD_ITARGETSR  0x800           /* one byte per ID: CPU bit mask */
/* CPU interface registers. */
#define GICC_CTLR       0x000
#define GICC_PMR        0x004           /* priority mask: lines below it pass */
#define GICC_BPR        0x008
#define GICC_IAR        0x00c           /* acknowledge */
#define GICC_EOIR       0x010

#define LINE_PRIORITY   0xa0
#define PRIORITY_MASK   0xf0

static uintptr_t gicd, gicc;
static unsigned lines;

static inline uint32_t rd(uintptr_t base, unsigned off)
{
    return *(volatile uint32_t *)(base + off);
}

static inline void wr(uintptr_t base, unsigned off, uint32_t v)
{
    *(volatile uint32_t *)(base + off) = v;
}

void gicv2_init(uintptr_t dist, uintptr_t cpu)
{
    gicd = dist;
    gicc = cpu;
    wr(gicd, GICD_CTLR, 0);
    lines = 32 * ((rd(gicd, GICD_TYPER) & 0x1f) + 1);
    if (lines > GIC_SPURIOUS - 3)
        lines = GIC_SPURIOUS - 3;
    for (unsigned i = 0; i < lines; i += 32)
        wr(gicd, GICD_ICENABLER + i / 8, 0xffffffffu);
    for (unsigned i = 0; i < lines; i += 4)
        wr(gicd, GICD_IPRIORITYR + i, LINE_PRIORITY * 0x01010101u);
    /* SPIs go to CPU interface 0; the bytes of IDs below 32 are read-only. */
    for (unsigned i = GIC_FIRST_SPI; i < lines; i += 4)
        wr(gicd, GICD_ITARGETSR + i, 0x01010101u);
    wr(gicd, GICD_CTLR, 1);
    wr(gicc, GICC_PMR, PRIORITY_MASK);
    wr(gicc, GICC_BPR, 0);
    wr(gicc, GICC_CTLR, 1);
}

unsigned gicv2_num_lines(void)
{
    return lines;
}

unsigned gicv2_acknowledge(void)
{
    unsigned id = rd(gicc, GICC_IAR) & 0x3ff;
    return id >= lines ? GIC_SPURIOUS : id;
}

void gicv2_end(unsigned id)
{
    wr(gicc, GICC_EOIR, id);
}

void gicv2_enable(unsigned id)
{
    wr(gicd, GICD_ISENABLER + (id / 32) * 4, 1u << (id % 32));
}

void gicv2_disable(unsigned id)
{
    wr(gicd, GICD_ICENABLER + (id / 32) * 4, 1u << (id % 32));
}

bool gicv2_pending(unsigned id)
{
    return (rd(gicd, GICD_ISPENDR + (id / 32) * 4) >> (id % 32)) & 1;
}
