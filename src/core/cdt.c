/*
 * The capability derivation tree (see cdt.h): list surgery, parenthood, and
 * seL4's preemptible deletion with Zombies.
 */
#include <core/cdt.h>
#include <core/entry.h>
#include <core/finalise.h>
#include <core/objects.h>
#include <core/printk.h>
#include <core/tcb.h>

struct cte cdt_head;


bool cdt_is_parent_of(const struct cte *a, const struct cte *b)
{
    if (!cdt_revocable(a) || !cap_same_region(a->cap, b->cap))
        return false;
    enum cap_type t = cap_type(a->cap);
    if (t == CAP_ENDPOINT || t == CAP_NOTIFICATION) {
        /* A badged original is the parent only of copies with its badge
         * that were not themselves minted as a new badged original. */
        word_t badge = cap_badge(a->cap);
        return badge == 0 || (badge == cap_badge(b->cap) && !cdt_first_badged(b));
    }
    return true;
}

bool cdt_has_children(const struct cte *s)
{
    const struct cte *n = cdt_next(s);
    return n && cdt_is_parent_of(s, n);
}

/* seL4's cteInsert. The 'first badged' bit means only what it means in
 * seL4 (a badged endpoint or notification original). A copy of an Untyped
 * makes its source full (free index at the end): only the newest copy can
 * allocate, which is half of the rule in untyped.c (untyped_claim_check). */
void cte_insert(cap_t new_cap, struct cte *src, struct cte *dest)
{
    bool revocable = cap_is_revocable(new_cap, src->cap);
    if (cap_type(src->cap) == CAP_UNTYPED && cap_type(new_cap) == CAP_UNTYPED)
        cap_untyped_set_free_index(&src->cap, BIT(cap_untyped_size_bits(src->cap)));
    cdt_link_after(src, dest, new_cap, revocable, revocable);
}

void cte_insert_new(struct cte *parent, struct cte *dest, cap_t cap)
{
    cdt_link_after(parent, dest, cap, true, true);
}

void cte_move(cap_t new_cap, struct cte *src, struct cte *dest)
{
    struct cte *prev = cdt_prev(src), *next = cdt_next(src);
    dest->cap = new_cap;
    dest->cdt_prev = src->cdt_prev;
    dest->cdt_next = src->cdt_next;
    src->cap = cap_null();
    src->cdt_prev = src->cdt_next = 0;
    if (prev)
        cdt_set_next(prev, dest);
    if (next)
        cdt_set_prev(next, dest);
}

/* Links are re-read after the first half is updated so that swapping two
 * neighbours on the list comes out right. */
void cte_swap(cap_t c1, struct cte *s1, cap_t c2, struct cte *s2)
{
    s1->cap = c2;
    s2->cap = c1;
    word_t p1 = s1->cdt_prev, n1 = s1->cdt_next;
    if (cdt_prev(s1))
        cdt_set_next(cdt_prev(s1), s2);
    if (cdt_next(s1))
        cdt_set_prev(cdt_next(s1), s2);
    word_t p2 = s2->cdt_prev, n2 = s2->cdt_next;
    s1->cdt_prev = p2;
    s1->cdt_next = n2;
    s2->cdt_prev = p1;
    s2->cdt_next = n1;
    if (cdt_prev(s1))
        cdt_set_next(cdt_prev(s1), s1);
    if (cdt_next(s1))
        cdt_set_prev(cdt_next(s1), s1);
}

bool cte_is_final(const struct cte *slot)
{
    const struct cte *p = cdt_prev(slot), *n = cdt_next(slot);
    return !(p && cap_same_object(p->cap, slot->cap)) && !(n && cap_same_object(slot->cap, n->cap));
}

/* A CNode zombie points at the CNode's slots; a TCB zombie at the TCB,
 * whose slots need not be 16-byte aligned as capability pointers are. */
static struct cte *zombie_slots(cap_t z)
{
    if (cap_zombie_is_tcb(z))
        return ((struct tcb *)cap_ptr(z))->slots;
    return cap_ptr(z);
}

static struct cte *zombie_end(cap_t z)
{
    return &zombie_slots(z)[cap_zombie_remaining(z) - 1];
}

static void zombie_shrink(struct cte *slot)
{
    cap_zombie_shrink(&slot->cap);
}

/* A slot whose capability, when deleted, starts the teardown of a whole
 * CNode or TCB (it becomes a Zombie) rather than simply going away. */
static bool needs_zombie(const struct cte *s)
{
    enum cap_type t = cap_type(s->cap);
    return t == CAP_ZOMBIE || ((t == CAP_CNODE || t == CAP_THREAD) && cte_is_final(s));
}

/* Zombies nest: a dying CNode's last slot may hold the last capability to
 * another CNode. Follow that chain from 'top' to the zombie whose last slot
 * can be emptied directly, turning final CNode/TCB capabilities met on the
 * way into zombies. The chain can loop (two dead CNodes holding each
 * other's last capability); Brent's cycle check finds that, and the loop is
 * broken by skipping one edge: the skipped zombie stays on the CDT inside
 * dead memory and goes when its Untyped is revoked, exactly as an
 * unreachable cycle does in seL4. Returns the zombie's slot; *skip says the
 * edge must be dropped rather than deleted. The chain is as long as a user
 * made it, so the walk is a preemption point every step: NULL means
 * preempted (what it turned into zombies stays so; the walk restarts). */
static struct cte *deepest_zombie(struct cte *top, bool *skip)
{
    struct cte *cur = top, *tortoise = top;
    word_t power = 1, steps = 0;
    *skip = false;
    for (;;) {
        struct cte *e = zombie_end(cur->cap);
        if (e == cur || e == tortoise) {
            *skip = true;
            return cur;
        }
        if (cap_is_null(e->cap) || !needs_zombie(e))
            return cur;
        if (cap_type(e->cap) != CAP_ZOMBIE)
            e->cap = finalise_cap(e->cap, true);
        if (cap_zombie_remaining(e->cap) == 0)
            return cur;
        if (++steps == power) {
            tortoise = e;
            power *= 2;
            steps = 0;
        }
        cur = e;
        if (preemption_point())
            return NULL;
    }
}

/* One unit of a zombie's teardown: empty (or skip) one slot somewhere in
 * the chain below 'top'. */
static int zombie_step(struct cte *top)
{
    bool skip;
    struct cte *z = deepest_zombie(top, &skip);
    if (!z)
        return EXC_PREEMPTED;
    struct cte *e = zombie_end(z->cap);
    if (!skip && !cap_is_null(e->cap)) {
        finalise_cap(e->cap, cte_is_final(e));
        cdt_unlink(e);
    }
    zombie_shrink(z);
    return EXC_NONE;
}

void cte_delete_one(struct cte *slot)
{
    if (cap_is_null(slot->cap))
        return;
    finalise_cap(slot->cap, cte_is_final(slot));
    cdt_unlink(slot);
}

int cte_delete(struct cte *slot, bool exposed)
{
    (void)exposed;
    if (cap_is_null(slot->cap))
        return EXC_NONE;
    if (cap_type(slot->cap) != CAP_ZOMBIE) {
        cap_t rest = finalise_cap(slot->cap, cte_is_final(slot));
        if (cap_is_null(rest)) {
            cdt_unlink(slot);
            return EXC_NONE;
        }
        slot->cap = rest;
    }
    while (cap_zombie_remaining(slot->cap) > 0) {
        if (zombie_step(slot) != EXC_NONE || preemption_point())
            return EXC_PREEMPTED;
    }
    cdt_unlink(slot);
    return EXC_NONE;
}

int cte_revoke(struct cte *slot)
{
    for (struct cte *n = cdt_next(slot); n && cdt_is_parent_of(slot, n); n = cdt_next(slot)) {
        int status = cte_delete(n, true);
        if (status != EXC_NONE)
            return status;
        if (preemption_point())
            return EXC_PREEMPTED;
    }
    return EXC_NONE;
}
