/*
 * The debug-build invariant checker, run after every system call when
 * KEEL_INVARIANTS is set. A broken invariant is a kernel bug: panic, so the
 * test run fails loudly at the call that broke it. The invariants themselves
 * are stated next to the code that keeps them (cdt.h, tcb.h, untyped.c).
 */
#include <core/cdt.h>
#include <core/entry.h>
#include <core/objects.h>
#include <core/printk.h>
#include <core/sched.h>

#define MAX_UNTYPED_DEPTH 64
#define MAX_CDT_NODES (1ul << 24)

static bool contains(cap_t outer, cap_t c)
{
    word_t ob, os, b, sz;
    return cap_region(outer, &ob, &os) && cap_region(c, &b, &sz) && ob <= b && b + sz <= ob + os;
}

/* Objects must lie below the free index of the nearest Untyped they came
 * from; Untyped ancestors are kept on a stack while walking in preorder. */
static void check_against_untyped(const struct cte *n, const struct cte **stack, unsigned *depth)
{
    while (*depth && !(cdt_revocable(stack[*depth - 1]) && contains(stack[*depth - 1]->cap, n->cap)))
        (*depth)--;
    word_t base, size;
    if (*depth && cap_region(n->cap, &base, &size)) {
        cap_t u = stack[*depth - 1]->cap;
        if (base + size > cap_untyped_base(u) + cap_untyped_free_index(u))
            panic("invariant: object %lx above the free index of its Untyped %lx", base, cap_untyped_base(u));
    }
    if (cap_type(n->cap) == CAP_UNTYPED) {
        if (cap_untyped_free_index(n->cap) > BIT(cap_untyped_size_bits(n->cap)))
            panic("invariant: Untyped %lx free index past its end", cap_untyped_base(n->cap));
        if (*depth < MAX_UNTYPED_DEPTH)
            stack[(*depth)++] = n;
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
    }
}

void invariants_check(void)
{
    if (!sched_queues_consistent())
        panic("invariant: ready queues or priority bitmap inconsistent");
    if (cur_thread != &idle_thread && !thread_runnable(cur_thread))
        panic("invariant: the current thread '%s' is not runnable", cur_thread->name);
    check_cdt();
}
