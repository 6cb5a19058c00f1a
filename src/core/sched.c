/*
 * Ready queues, the O(1) priority bitmap, and the one decision point at the
 * end of every kernel entry. The current thread is never in a ready queue
 * (Benno scheduling); it is put back only when another thread is chosen.
 */
#include <core/sched.h>
#include <core/irq.h>
#include <core/printk.h>
#include <core/vspace.h>

#define NUM_PRIOS 256
#define L2_WORDS (NUM_PRIOS / WORD_BITS)

struct ready_queue {
    struct tcb *head;
    struct tcb *tail;
};

static struct ready_queue ready[NUM_PRIOS];
static word_t bitmap_l1;                /* bit i: bitmap_l2[i] != 0 */
static word_t bitmap_l2[L2_WORDS];      /* bit p % WORD_BITS: queue p non-empty */
/* The decision of this kernel entry, as in seL4: resume the current thread,
 * switch straight to one thread woken by IPC (the candidate), or choose. */
static bool choose_new;
static struct tcb *candidate;
static bool append_current;           /* current used up its turn: queue it last */

struct tcb *cur_thread = &idle_thread;
struct tcb idle_thread = { .state = THREAD_IDLE, .name = "idle" };

static void bitmap_set(unsigned p)
{
    bitmap_l2[p / WORD_BITS] |= BIT(p % WORD_BITS);
    bitmap_l1 |= BIT(p / WORD_BITS);
}

static void bitmap_clear(unsigned p)
{
    bitmap_l2[p / WORD_BITS] &= ~BIT(p % WORD_BITS);
    if (!bitmap_l2[p / WORD_BITS])
        bitmap_l1 &= ~BIT(p / WORD_BITS);
}

/* The port's find-first-set: one instruction on x86_64, a short branchy
 * search where the ISA has none (riscv64 without Zbb). */
static unsigned highest_bit(word_t w)
{
    return arch_highest_bit(w);
}

void sched_enqueue(struct tcb *t)
{
    struct ready_queue *q = &ready[t->priority];
    t->sched_next = NULL;
    t->sched_prev = q->tail;
    if (q->tail)
        q->tail->sched_next = t;
    else
        q->head = t;
    q->tail = t;
    bitmap_set(t->priority);
}

void sched_enqueue_head(struct tcb *t)
{
    struct ready_queue *q = &ready[t->priority];
    t->sched_prev = NULL;
    t->sched_next = q->head;
    if (q->head)
        q->head->sched_prev = t;
    else
        q->tail = t;
    q->head = t;
    bitmap_set(t->priority);
}

void sched_dequeue(struct tcb *t)
{
    if (t == candidate) {               /* chosen this entry, not queued */
        candidate = NULL;
        return;
    }
    struct ready_queue *q = &ready[t->priority];
    if (t->sched_prev)
        t->sched_prev->sched_next = t->sched_next;
    else
        q->head = t->sched_next;
    if (t->sched_next)
        t->sched_next->sched_prev = t->sched_prev;
    else
        q->tail = t->sched_prev;
    t->sched_next = t->sched_prev = NULL;
    if (!q->head)
        bitmap_clear(t->priority);
}

/* The highest priority with a ready thread; only when bitmap_l1 != 0. */
static unsigned top_priority(void)
{
    unsigned hi = highest_bit(bitmap_l1);
    return hi * WORD_BITS + highest_bit(bitmap_l2[hi]);
}

struct tcb *sched_highest(void)
{
    return bitmap_l1 ? ready[top_priority()].head : NULL;
}

void sched_request_choose(void)
{
    choose_new = true;
}

void sched_thread_blocked(struct tcb *t)
{
    if (t == cur_thread && !candidate)
        choose_new = true;
}

void sched_make_runnable(struct tcb *t)
{
    if (t == cur_thread)
        return;
    if (candidate || choose_new) {
        if (candidate)
            sched_enqueue(candidate);
        candidate = NULL;
        sched_enqueue(t);
        choose_new = true;
        return;
    }
    candidate = t;
}

void sched_tick(void)
{
    if (cur_thread == &idle_thread)
        return;
    if (cur_thread->timeslice > 1) {
        cur_thread->timeslice--;
        return;
    }
    cur_thread->timeslice = TIMESLICE_TICKS;
    choose_new = true;
    append_current = true;
}

void sched_yield(void)
{
    cur_thread->timeslice = TIMESLICE_TICKS;
    choose_new = true;
    append_current = true;
}

/* No thread is runnable. Unless an interrupt can still signal a waiting
 * driver, nothing will ever wake a blocked thread again, so in test builds
 * that is the end of the run, reported, rather than a silent hang. */
static void idle_or_halt(void)
{
#ifdef KEEL_HALT_WHEN_IDLE
    if (irq_can_wake())
        return;
    kprintf("keel: no runnable threads, halting\n");
    arch_poweroff(3);
#endif
}

static void switch_to(struct tcb *next)
{
    cur_thread = next;
}

bool sched_is_highest(unsigned prio)
{
    return !bitmap_l1 || top_priority() <= prio;
}

static void requeue_current(void)
{
    struct tcb *cur = cur_thread;
    /* A preempted thread keeps its place at the head of its queue; one that
     * yielded or used up its timeslice goes to the back. */
    if (cur != &idle_thread && thread_runnable(cur)) {
        if (append_current)
            sched_enqueue(cur);
        else
            sched_enqueue_head(cur);
    }
    append_current = false;
}

/* seL4's rule for a thread woken by IPC: run it at once if it is at least as
 * urgent as everything else, but behind an equal-priority current thread. */
static struct tcb *decide_candidate(struct tcb *cand)
{
    struct tcb *cur = cur_thread;
    bool was_runnable = cur != &idle_thread && thread_runnable(cur);
    bool fastfail = cur == &idle_thread || cand->priority < cur->priority;
    requeue_current();
    if ((fastfail && !sched_is_highest(cand->priority)) ||
        (was_runnable && cand->priority == cur->priority)) {
        sched_enqueue(cand);
        return NULL;
    }
    return cand;
}

static struct tcb *choose(void)
{
    struct tcb *next = sched_highest();
    if (next) {
        sched_dequeue(next);
        return next;
    }
    idle_or_halt();
    return &idle_thread;
}

/* Would choose() pick the current thread again? Then it need not go
 * through its ready queue: it keeps running unless a thread of higher
 * priority (or, after a yield or an expired timeslice, of equal priority)
 * is ready. */
static bool current_keeps_cpu(void)
{
    struct tcb *cur = cur_thread;
    if (cur == &idle_thread || !thread_runnable(cur))
        return false;
    if (!bitmap_l1)
        return true;
    return append_current ? top_priority() < cur->priority : top_priority() <= cur->priority;
}

struct arch_context *sched_exit(void)
{
    struct tcb *next = NULL;
    if (candidate) {
        next = decide_candidate(candidate);
        candidate = NULL;
        if (!next)
            next = choose();
    } else if (choose_new) {
        if (current_keeps_cpu())
            append_current = false;
        else {
            requeue_current();
            next = choose();
        }
    }
    choose_new = false;
    if (next)
        switch_to(next);
    if (cur_thread == &idle_thread)
        return NULL;
    /* Always, not only on a switch: the current thread's own VSpace may have
     * changed (SetSpace, a deleted root). vspace.c makes the common case,
     * nothing changed, a few loads. */
    vspace_activate_thread(cur_thread);
    return &cur_thread->ctx;
}

static const char *state_name(enum thread_state s)
{
    static const char *const names[] = { "inactive", "running", "blocked-send",
                                         "blocked-recv", "blocked-reply", "blocked-ntfn", "idle" };
    return (unsigned)s < ARRAY_SIZE(names) ? names[s] : "?";
}

void sched_dump(void)
{
    kprintf("keel: current '%s' prio %u %s\n", cur_thread->name, cur_thread->priority,
            state_name(cur_thread->state));
    for (int p = NUM_PRIOS - 1; p >= 0; p--)
        for (struct tcb *t = ready[p].head; t; t = t->sched_next)
            kprintf("keel: ready '%s' prio %d %s\n", t->name, p, state_name(t->state));
}

bool sched_queues_consistent(void)
{
    for (unsigned p = 0; p < NUM_PRIOS; p++) {
        bool bit = bitmap_l2[p / WORD_BITS] & BIT(p % WORD_BITS);
        if (bit != (ready[p].head != NULL))
            return false;
        struct tcb *prev = NULL;
        for (struct tcb *t = ready[p].head; t; prev = t, t = t->sched_next)
            if (t->priority != p || t->sched_prev != prev || !thread_runnable(t) || t == cur_thread)
                return false;
        if (ready[p].tail != prev)
            return false;
    }
    for (unsigned i = 0; i < L2_WORDS; i++)
        if (((bitmap_l1 >> i) & 1) != (bitmap_l2[i] != 0))
            return false;
    return true;
}
