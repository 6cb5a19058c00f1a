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

#define MAX_UNTYPED_DEPTH 64
#define MAX_CDT_NODES (1ul << 24)

/* Objects must lie below the free index of the nearest Untyped they came
 * from; Untyped ancestors are kept on a stack while walking in preorder. */
static void check_against_untyped(const struct cte *n, const struct cte **stack, unsigned *depth)
{
    while (*depth && !(cdt_revocable(stack[*depth - 1]) && cap_region_contains(stack[*depth - 1]->cap, n->cap)))
        (*depth)--;
    word_t base, size;
    bool copy = *depth && cap_type(n->cap) == CAP_UNTYPED && !cdt_first_badged(n) &&
                cap_ptr(n->cap) == cap_ptr(stack[*depth - 1]->cap);
    if (*depth && !copy && cap_region(n->cap, &base, &size)) {
        cap_t u = stack[*depth - 1]->cap;
        /* Offsets from the Untyped's base: base + size may wrap at the top
         * of a 32-bit address space. cap_region_contains() put base inside it. */
        if (base - cap_untyped_base(u) + size > cap_untyped_free_index(u))
            panic("invariant: object %lx above the free index of its Untyped %lx", base, cap_untyped_base(u));
    }
    if (cap_type(n->cap) == CAP_UNTYPED) {
        if (cap_untyped_free_index(n->cap) > BIT(cap_untyped_size_bits(n->cap)))
            panic("invariant: Untyped %lx free index past its end", cap_untyped_base(n->cap));
        if (*depth < MAX_UNTYPED_DEPTH)
            stack[(*depth)++] = n;
    }
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

static void check_cdt(void)
{
    const struct cte *stack[MAX_UNTYPED_DEPTH];
    unsigned depth = 0;
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
        check_against_untyped(n, stack, &depth);
        check_object(n->cap);
    }
}

void invariants_check(void)
{
    if (!sched_queues_consistent())
        panic("invariant: ready queues or priority bitmap inconsistent");
    if (cur_thread != &idle_thread && !thread_runnable(cur_thread))
        panic("invariant: the current thread '%s' is not runnable", cur_thread->name);
    check_cdt();
    if (!irq_state_consistent())
        panic("invariant: an IRQ slot holds a capability its IRQ cannot use");
}
