/*
 * Local APIC driver (xAPIC, memory-mapped registers at 16-byte strides).
 * The kernel uses it for the timer, end-of-interrupt and to read the CPU's
 * APIC id. Interrupts are accepted with TPR = 0; the APIC must be
 * software-enabled in the spurious-vector register before it delivers anything.
 */
#include <drivers/x86/lapic.h>
#include <drivers/x86/pit.h>

enum {
    LAPIC_ID = 0x020,
    LAPIC_TPR = 0x080,
    LAPIC_EOI = 0x0b0,
    LAPIC_SVR = 0x0f0,
    LAPIC_IRR = 0x200,          /* 8 registers of 32 bits, one per 32 vectors */
    LAPIC_ESR = 0x280,
    LAPIC_LVT_TIMER = 0x320,
    LAPIC_LVT_ERROR = 0x370,
    LAPIC_TIMER_INIT = 0x380,
    LAPIC_TIMER_CUR = 0x390,
    LAPIC_TIMER_DIV = 0x3e0,
};
#define SVR_ENABLE          (1u << 8)
#define LVT_MASKED          (1u << 16)
#define LVT_TIMER_PERIODIC  (1u << 17)
#define TIMER_DIV_16        0x3u

static uintptr_t lapic_base;

static uint32_t lapic_read(unsigned reg)
{
    return *(volatile uint32_t *)(lapic_base + reg);
}

static void lapic_write(unsigned reg, uint32_t v)
{
    *(volatile uint32_t *)(lapic_base + reg) = v;
}

void lapic_init(uintptr_t regs_va, uint8_t spurious_vector)
{
    lapic_base = regs_va;
    lapic_write(LAPIC_TPR, 0);                  /* accept every priority class */
    lapic_write(LAPIC_LVT_ERROR, LVT_MASKED);
    lapic_write(LAPIC_ESR, 0);                  /* ESR is cleared by a write */
    lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);
    lapic_write(LAPIC_SVR, SVR_ENABLE | spurious_vector);
    lapic_eoi();                                /* drop anything left in service */
}

uint32_t lapic_id(void)
{
    return lapic_read(LAPIC_ID) >> 24;
}

void lapic_eoi(void)
{
    lapic_write(LAPIC_EOI, 0);
}

bool lapic_irr_pending(uint8_t vector)
{
    uint32_t word = lapic_read(LAPIC_IRR + 0x10u * (vector / 32u));
    return (word >> (vector % 32u)) & 1u;
}

uint32_t lapic_timer_calibrate(unsigned us)
{
    lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
    lapic_write(LAPIC_LVT_TIMER, LVT_MASKED);   /* one-shot, no interrupt */
    lapic_write(LAPIC_TIMER_INIT, 0xffffffffu);
    pit_busy_wait_us(us);
    uint32_t elapsed = 0xffffffffu - lapic_read(LAPIC_TIMER_CUR);
    lapic_write(LAPIC_TIMER_INIT, 0);           /* stop it */
    return elapsed;
}

void lapic_timer_start_periodic(uint8_t vector, uint32_t count)
{
    lapic_write(LAPIC_TIMER_DIV, TIMER_DIV_16);
    lapic_write(LAPIC_LVT_TIMER, LVT_TIMER_PERIODIC | vector);
    lapic_write(LAPIC_TIMER_INIT, count ? count : 1);
}
