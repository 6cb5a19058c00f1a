/*
 * The debug-build invariant checker, run after every system call when
 * KEEL_INVARIANTS is set. A broken invariant is a kernel bug: panic, so the
 * test run fails loudly at the call that broke it. The invariants themselves
 * are stated next to the code that keeps them (cdt.h, tcb.h, untyped.c).
 */
#include <core/cdt.h>
#include <core/entry.h>
#include <core/ipc.h>
#include <core/irq.h>
#include <core/objects.h>
#include <core/printk.h>
#include <core/sched.h>
#include <sel4/bootinfo_types.h>

#define MAX_CDT_NODES (1ul << 24)

/* ---- memory: no two live objects overlap, no two Untypeds can allocate
 * the same bytes (the rule of untyped.c) ----
 *
 * The CDT list is in preorder, so while walking it the Untypeds that
 * contain the current capability form a stack. Untypeds with exactly the
 * same region (a copy, or a child retyped at the full size) share one
 * entry, so the stack holds strictly nested regions only: each is at
 * least one size bit smaller than the one below, and the stack can never
 * be deeper than the number of size bits, however long a chain of copies
 * or nested Untypeds a user builds. */
#define REGION_STACK_DEPTH (WORD_BITS + 1)

struct region_frame {
    word_t base, size;
    word_t limit;               /* lowest free index of the Untypeds sharing this region */
    word_t floor;               /* base of the last child object seen: the next one ends below */
    bool shared;                /* more than one Untyped has this region */
};

struct region_walk {
    struct region_frame stack[REGION_STACK_DEPTH];
    unsigned depth;
    int run;                    /* the boot Untyped whose memory the walk is in, or -1 */
};

/* The Untypeds handed out at boot, sorted by base: every object made from
 * Untyped memory lies in exactly one, and (the CDT being in preorder) all
 * capabilities to memory of one boot Untyped are consecutive on the list,
 * whatever was copied, moved or deleted since. */
static struct { word_t base, size; bool seen; } boot_untypeds[CONFIG_MAX_NUM_BOOTINFO_UNTYPED_CAPS];
static unsigned num_boot_untypeds;

void invariants_add_boot_untyped(word_t base, word_t size)
{
    unsigned i = num_boot_untypeds;
    if (i == ARRAY_SIZE(boot_untypeds))
        panic("invariant: more boot Untypeds than bootinfo can list");
    for (; i > 0 && boot_untypeds[i - 1].base > base; i--)
        boot_untypeds[i] = boot_untypeds[i - 1];
    boot_untypeds[i].base = base;
    boot_untypeds[i].size = size;
    num_boot_untypeds++;
}

/* The boot Untyped that holds [base, base+size), or -1 when the memory is
 * outside all of them (objects the kernel made at boot). Straddling the
 * edge of one is a broken invariant. */
static int boot_untyped_of(word_t base, word_t size)
{
    unsigned lo = 0, hi = num_boot_untypeds;
    while (lo < hi) {
        unsigned mid = (lo + hi) / 2;
        if (boot_untypeds[mid].base <= base)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (unsigned i = lo ? lo - 1 : 0; i < num_boot_untypeds && boot_untypeds[i].base < base + size; i++) {
        word_t ub = boot_untypeds[i].base, ue = ub + boot_untypeds[i].size;
        if (ub <= base && base + size <= ue)
            return (int)i;
        if (base < ue && ub < base + size)
            panic("invariant: object %lx+%lx straddles boot Untyped %lx", base, size, ub);
    }
    return -1;
}

/* All capabilities to one boot Untyped's memory are consecutive. */
static void check_run(struct region_walk *w, word_t base, word_t size)
{
    int r = boot_untyped_of(base, size);
    if (r < 0 || r == w->run)
        return;
    if (boot_untypeds[r].seen)
        panic("invariant: object %lx is apart from the rest of its Untyped's memory on the CDT", base);
    boot_untypeds[r].seen = true;
    w->run = r;
}

static bool region_inside(const struct region_frame *f, word_t base, word_t size)
{
    return f->base <= base && base + size <= f->base + f->size;
}

/* Another capability to the object before it on the list (copies sit next
 * to their source) is not a new object: it is checked once. */
static bool same_object_as_prev(const struct cte *n)
{
    const struct cte *p = cdt_prev(n);
    return p && cap_type(p->cap) != CAP_UNTYPED && cap_same_object(p->cap, n->cap);
}

/* An object (or a smaller Untyped) inside the region on top of the stack:
 * it lies below the free index of every Untyped of that region, and below
 * the previous child, since retype inserts newer (higher) objects first. */
static void check_child(struct region_frame *top, word_t base, word_t size, const struct cte *n)
{
    if (base + size > top->base + top->limit)
        panic("invariant: object %lx above the free index of its Untyped %lx", base, top->base);
    if (same_object_as_prev(n))
        return;
    if (base + size > top->floor)
        panic("invariant: objects %lx and %lx overlap", base, top->floor);
    top->floor = base;
}

/* An Untyped with the same region as the top of the stack: seL4's rule
 * leaves only the newest of them able to allocate, so the older ones must
 * be full. */
static void merge_same_region(struct region_frame *top, cap_t u)
{
    if (top->limit != top->size)
        panic("invariant: two Untypeds can allocate in %lx (the older one is not full)", top->base);
    top->limit = cap_untyped_free_index(u);
    top->shared = true;
}

static void push_untyped(struct region_walk *w, word_t base, word_t size, cap_t u)
{
    if (w->depth == REGION_STACK_DEPTH)
        panic("invariant: Untypeds nested deeper than their sizes allow at %lx", base);
    struct region_frame *f = &w->stack[w->depth++];
    f->base = base;
    f->size = size;
    f->limit = cap_untyped_free_index(u);
    f->floor = base + size;
    f->shared = false;
    if (f->limit > size)
        panic("invariant: Untyped %lx free index past its end", base);
}

static void check_memory(struct region_walk *w, const struct cte *n)
{
    word_t base, size;
    if (!cap_region(n->cap, &base, &size))
        return;
    check_run(w, base, size);
    while (w->depth && !region_inside(&w->stack[w->depth - 1], base, size))
        w->depth--;
    struct region_frame *top = w->depth ? &w->stack[w->depth - 1] : NULL;
    bool untyped = cap_type(n->cap) == CAP_UNTYPED;
    if (top && untyped && top->base == base && top->size == size) {
        merge_same_region(top, n->cap);
        return;
    }
    if (top)
        check_child(top, base, size, n);
    if (untyped)
        push_untyped(w, base, size, n->cap);
}

/* An endpoint or notification queue: states agree, links are consistent,
 * every waiter is blocked on this object in the matching state. */
static void check_queue(const void *obj, word_t state, const struct tcb *head, bool ntfn)
{
    bool waiting = ntfn ? state == NTFN_WAITING : state != EP_IDLE;
    if (waiting != (head != NULL))
        panic("invariant: object %p state %lu disagrees with its queue", obj, state);
    if (!head)
        return;
    enum thread_state want = ntfn ? THREAD_BLOCKED_NTFN
                                  : state == EP_SEND ? THREAD_BLOCKED_SEND : THREAD_BLOCKED_RECV;
    const struct tcb *prev = head->ep_prev;     /* the tail */
    unsigned n = 0;
    for (const struct tcb *t = head; t; prev = t, t = t->ep_next) {
        if (t->state != want || t->blocked_on != obj)
            panic("invariant: thread '%s' queued on %p in the wrong state", t->name, obj);
        if (t != head && t->ep_prev != prev)
            panic("invariant: broken queue links on %p", obj);
        if (++n > 1u << 20)
            panic("invariant: queue on %p does not end", obj);
    }
    if (head->ep_prev != prev)
        panic("invariant: queue tail of %p is wrong", obj);
}

static void check_object(cap_t c)
{
    if (cap_type(c) == CAP_ENDPOINT) {
        const struct endpoint *ep = cap_ptr(c);
        check_queue(ep, ep->state, ep->head, false);
    } else if (cap_type(c) == CAP_NOTIFICATION) {
        const struct notification *n = cap_ptr(c);
        check_queue(n, n->state, n->head, true);
        if (n->bound && n->bound->bound_ntfn != n)
            panic("invariant: notification %p and its bound thread disagree", (const void *)n);
    } else if (cap_type(c) == CAP_THREAD) {
        const struct tcb *t = cap_ptr(c);
        if (t->bound_ntfn && t->bound_ntfn->bound != t)
            panic("invariant: thread '%s' and its bound notification disagree", t->name);
    }
}

void invariants_check_cdt(void)
{
    static struct region_walk w;     /* too big for the kernel stack */
    w.depth = 0;
    w.run = -1;
    for (unsigned i = 0; i < num_boot_untypeds; i++)
        boot_untypeds[i].seen = false;
    word_t count = 0;
    const struct cte *prev = &cdt_head;
    if (cdt_prev(&cdt_head) || !cap_is_null(cdt_head.cap))
        panic("invariant: the CDT head is not a sentinel");
    for (const struct cte *n = cdt_next(&cdt_head); n; prev = n, n = cdt_next(n)) {
        if (cdt_prev(n) != prev)
            panic("invariant: CDT back link broken at slot %p", (const void *)n);
        if (cap_is_null(n->cap))
            panic("invariant: empty slot %p on the CDT list", (const void *)n);
        if (++count > MAX_CDT_NODES)
            panic("invariant: CDT list does not end");
        check_memory(&w, n);
        check_object(n->cap);
    }
}

void invariants_check(void)
{
    if (!sched_queues_consistent())
        panic("invariant: ready queues or priority bitmap inconsistent");
    if (cur_thread != &idle_thread && !thread_runnable(cur_thread))
        panic("invariant: the current thread '%s' is not runnable", cur_thread->name);
    invariants_check_cdt();
    if (!irq_state_consistent())
        panic("invariant: an IRQ slot holds a capability its IRQ cannot use");
}
