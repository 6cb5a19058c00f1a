/*
 * The demo's memory plan. The processes' pool is the first 2^POOL_BITS
 * bytes of the largest RAM Untyped; everything else the root task does not
 * use itself is "lendable": the rest of that Untyped, cut into naturally
 * aligned Untypeds, and every other boot Untyped whole. A subsystem (the
 * test suite, the bench) gets a child of each lendable Untyped for as long
 * as it runs; revoking the lendable caps takes all of it back.
 */
#include "memory.h"

struct lendable lendable[MAX_LENDABLE];
unsigned n_lendable;

static seL4_CPtr retype_untyped(seL4_CPtr parent, seL4_Word bits, seL4_CPtr slot)
{
    if (seL4_Untyped_Retype(parent, seL4_UntypedObject, bits, seL4_CapInitThreadCNode, 0, 0, slot, 1) !=
        seL4_NoError) {
        return 0;
    }
    return slot;
}

static void lend(seL4_CPtr cap, seL4_Word paddr, seL4_Uint8 bits, seL4_Uint8 is_device)
{
    lendable[n_lendable++] = (struct lendable){cap, paddr, bits, is_device};
}

static int largest_ram_untyped(const seL4_BootInfo *bi)
{
    int best = -1;

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (!d->isDevice && (best < 0 || d->sizeBits > bi->untypedList[best].sizeBits)) {
            best = (int)i;
        }
    }
    return best;
}

/* Untyped_Retype places each child at the next multiple of its size: after
 * the pool at offset 0, children of 2^POOL_BITS, 2^(POOL_BITS+1) ... in
 * turn fill the parent exactly. */
static const char *split_rest(seL4_CPtr parent, const seL4_UntypedDesc *d, seL4_CPtr (*slots)(seL4_Word))
{
    for (seL4_Word bits = POOL_BITS; bits < d->sizeBits; bits++) {
        seL4_CPtr cap = retype_untyped(parent, bits, slots(1));
        if (cap == 0) {
            return "cannot split the largest Untyped";
        }
        lend(cap, d->paddr + (1ul << bits), (seL4_Uint8)bits, 0);
    }
    return NULL;
}

const char *memory_init(seL4_CPtr (*slots)(seL4_Word), int kept, seL4_CPtr *pool)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    int big = largest_ram_untyped(bi);

    if (big < 0 || bi->untypedList[big].sizeBits < POOL_BITS) {
        return "no RAM Untyped big enough for the processes";
    }
    if (bi->untyped.end - bi->untyped.start + 64 > MAX_LENDABLE) {
        return "too many boot Untypeds";
    }
    seL4_CPtr big_cap = bi->untyped.start + (seL4_Word)big;
    if ((*pool = retype_untyped(big_cap, POOL_BITS, slots(1))) == 0) {
        return "cannot make the process pool";
    }
    const char *why = split_rest(big_cap, &bi->untypedList[big], slots);
    for (seL4_Word i = 0; why == NULL && i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if ((int)i != big && (int)i != kept) {
            lend(bi->untyped.start + i, d->paddr, d->sizeBits, d->isDevice);
        }
    }
    return why;
}

void memory_reclaim(void)
{
    for (unsigned i = 0; i < n_lendable; i++) {
        seL4_CNode_Revoke(seL4_CapInitThreadCNode, lendable[i].cap, seL4_WordBits);
    }
}
