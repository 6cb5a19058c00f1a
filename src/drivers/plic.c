/*
 * PLIC driver (see plic.h). Register layout of the RISC-V PLIC specification,
 * all registers 32 bits wide:
 *   base + 4 * s                       priority of source s (0 = never)
 *   base + 0x2000 + 0x80 * c           enable bits of context c, bit s
 *   base + 0x200000 + 0x1000 * c       priority threshold of context c
 *   base + 0x200004 + 0x1000 * c       claim (read) / complete (write)
 * A source interrupts context c when it is pending, enabled for c and its
 * priority is above c's threshold. Masking clears the enable bit; priority 1
 * is given on unmask, so a source nobody asked for never interrupts.
 */
#include <drivers/plic.h>

#define PLIC_MAX_SOURCES    1023u
#define PLIC_PRIORITY(s)    (4u * (s))
#define PLIC_ENABLE(c, s)   (0x2000u + 0x80u * (c) + 4u * ((s) / 32u))
#define PLIC_THRESHOLD(c)   (0x200000u + 0x1000u * (c))
#define PLIC_CLAIM(c)       (0x200004u + 0x1000u * (c))

static uintptr_t plic_base;
static unsigned plic_ndev, plic_ctx;

static uint32_t rd(uintptr_t off)
{
    return *(volatile uint32_t *)(plic_base + off);
}

static void wr(uintptr_t off, uint32_t v)
{
    *(volatile uint32_t *)(plic_base + off) = v;
}

static bool enabled(unsigned s)
{
    return (rd(PLIC_ENABLE(plic_ctx, s)) >> (s % 32u)) & 1u;
}

static void set_enable(unsigned s, bool on)
{
    uint32_t bit = 1u << (s % 32u), w = rd(PLIC_ENABLE(plic_ctx, s));
    wr(PLIC_ENABLE(plic_ctx, s), on ? w | bit : w & ~bit);
}

void plic_init(uintptr_t base, unsigned ndev, unsigned context)
{
    plic_base = base;
    plic_ndev = ndev > PLIC_MAX_SOURCES ? PLIC_MAX_SOURCES : ndev;
    plic_ctx = context;
    for (unsigned s = 1; s <= plic_ndev; s++) {
        set_enable(s, false);
        wr(PLIC_PRIORITY(s), 0);
    }
    wr(PLIC_THRESHOLD(plic_ctx), 0);
}

unsigned plic_num_sources(void)
{
    return plic_ndev;
}

unsigned plic_claim(void)
{
    return rd(PLIC_CLAIM(plic_ctx));
}

/* The specification lets a PLIC ignore the completion of a source that is
 * not enabled for the context, which would leave it in flight for good; the
 * kernel masks a source before completing it, so enable it for the write. */
void plic_complete(unsigned s)
{
    if (s == 0 || s > plic_ndev)
        return;
    bool was_enabled = enabled(s);
    if (!was_enabled)
        set_enable(s, true);
    wr(PLIC_CLAIM(plic_ctx), s);
    if (!was_enabled)
        set_enable(s, false);
}

void plic_mask(unsigned s)
{
    if (s >= 1 && s <= plic_ndev)
        set_enable(s, false);
}

void plic_unmask(unsigned s)
{
    if (s < 1 || s > plic_ndev)
        return;
    wr(PLIC_PRIORITY(s), 1);
    set_enable(s, true);
}
