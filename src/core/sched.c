/*
 * Ready queues, the O(1) priority bitmap, and the one decision point at the
 * end of every kernel entry. The current thread is never in a ready queue
 * (Benno scheduling); it is put back only when another thread is chosen.
 */
#include <core/sched.h>
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
static bool choose_new;
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

static unsigned highest_bit(word_t w)
{
    return WORD_BITS - 1 - (unsigned)__builtin_clzl(w);
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

struct tcb *sched_highest(void)
{
    if (!bitmap_l1)
        return NULL;
    unsigned hi = highest_bit(bitmap_l1);
    unsigned p = hi * WORD_BITS + highest_bit(bitmap_l2[hi]);
    return ready[p].head;
}

void sched_request_choose(void)
{
    choose_new = true;
}

void sched_thread_blocked(struct tcb *t)
{
    if (t == cur_thread)
        choose_new = true;
}

void sched_make_runnable(struct tcb *t)
{
    if (t != cur_thread) {
        sched_enqueue(t);
        if (t->priority > cur_thread->priority || cur_thread == &idle_thread)
            choose_new = true;
    }
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

/* No thread is runnable. Until user-level interrupt handlers exist nothing
 * can wake a blocked thread any more, so in test builds that is the end of
 * the run, reported, rather than a silent hang. */
static void idle_or_halt(void)
{
#ifdef KEEL_HALT_WHEN_IDLE
    kprintf("keel: no runnable threads, halting\n");
    arch_poweroff(3);
#endif
}

static void switch_to(struct tcb *next)
{
    if (next != &idle_thread && next != cur_thread)
        vspace_activate_thread(next);
    cur_thread = next;
}

struct arch_context *sched_exit(void)
{
    if (choose_new) {
        choose_new = false;
        struct tcb *cur = cur_thread;
        /* A preempted thread keeps its place at the head of its queue; one
         * that yielded or used up its timeslice goes to the back. */
        if (cur != &idle_thread && thread_runnable(cur)) {
            if (append_current)
                sched_enqueue(cur);
            else
                sched_enqueue_head(cur);
        }
        append_current = false;
        struct tcb *next = sched_highest();
        if (next) {
            sched_dequeue(next);
        } else {
            next = &idle_thread;
            idle_or_halt();
        }
        switch_to(next);
    }
    return cur_thread == &idle_thread ? NULL : &cur_thread->ctx;
}

static const char *state_name(enum thread_state s)
{
    static const char *const names[] = { "inactive", "running", "restart", "blocked-send",
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
