/*
 * Region sets (see regions.h). Small arrays and linear scans: they are used
 * only at boot, on a few dozen ranges.
 */
#include <core/regions.h>

static void remove_at(struct region_set *s, unsigned i)
{
    for (; i + 1 < s->n; i++)
        s->r[i] = s->r[i + 1];
    s->n--;
}

static bool insert_at(struct region_set *s, unsigned i, paddr_t start, paddr_t end)
{
    if (s->n == REGION_SET_MAX)
        return false;
    for (unsigned j = s->n; j > i; j--)
        s->r[j] = s->r[j - 1];
    s->r[i].start = start;
    s->r[i].end = end;
    s->n++;
    return true;
}

bool regions_add(struct region_set *s, paddr_t start, paddr_t end)
{
    if (start >= end)
        return true;
    unsigned i = 0;
    while (i < s->n && s->r[i].end < start)
        i++;
    /* Absorb every range that overlaps or touches [start, end). */
    while (i < s->n && s->r[i].start <= end) {
        start = MIN(start, s->r[i].start);
        end = MAX(end, s->r[i].end);
        remove_at(s, i);
    }
    return insert_at(s, i, start, end);
}

bool regions_remove(struct region_set *s, paddr_t start, paddr_t end)
{
    if (start >= end)
        return true;
    for (unsigned i = 0; i < s->n; i++) {
        struct phys_region r = s->r[i];
        if (r.end <= start || r.start >= end)
            continue;
        if (r.start < start && r.end > end) {
            if (s->n == REGION_SET_MAX)
                return false;   /* refuse before changing anything */
            s->r[i].end = start;
            return insert_at(s, i + 1, end, r.end);
        }
        if (r.start < start) {
            s->r[i].end = start;
        } else if (r.end > end) {
            s->r[i].start = end;
        } else {
            remove_at(s, i);
            i--;
        }
    }
    return true;
}

bool regions_remove_set(struct region_set *s, const struct region_set *other)
{
    for (unsigned i = 0; i < other->n; i++)
        if (!regions_remove(s, other->r[i].start, other->r[i].end))
            return false;
    return true;
}

bool regions_add_intersection(struct region_set *dst, const struct region_set *src,
                              paddr_t start, paddr_t end)
{
    for (unsigned i = 0; i < src->n; i++) {
        paddr_t a = MAX(start, src->r[i].start);
        paddr_t b = MIN(end, src->r[i].end);
        if (a < b && !regions_add(dst, a, b))
            return false;
    }
    return true;
}

paddr_t regions_total(const struct region_set *s)
{
    paddr_t sum = 0;
    for (unsigned i = 0; i < s->n; i++)
        sum += s->r[i].end - s->r[i].start;
    return sum;
}

/* How big an aligned block may end at 'end': its number of low zero bits. */
static unsigned end_alignment(paddr_t end)
{
    return end ? (unsigned)__builtin_ctzll(end) : 64;
}

/* Boot objects come from the top of the range whose end is least aligned:
 * a range that ends at a big power-of-two boundary is the tail of a big
 * aligned block (a big Untyped, a 1 GiB page) that a small allocation would
 * break; alignment gaps left by earlier allocations are filled first. */
bool regions_alloc(struct region_set *s, unsigned size_bits, paddr_t *out)
{
    paddr_t size = (paddr_t)1 << size_bits;
    unsigned best = s->n;
    for (unsigned i = s->n; i-- > 0;) {
        struct phys_region r = s->r[i];
        if (r.end - r.start < size || ((r.end - size) & ~(size - 1)) < r.start)
            continue;
        if (best == s->n || end_alignment(r.end) < end_alignment(s->r[best].end))
            best = i;
    }
    if (best == s->n)
        return false;
    paddr_t base = (s->r[best].end - size) & ~(size - 1);
    if (!regions_remove(s, base, base + size))
        return false;
    *out = base;
    return true;
}
