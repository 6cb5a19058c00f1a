/*
 * What deleting a capability does to its object (seL4's finaliseCap): the
 * last capability to an object tears it down; a capability to a mapped frame
 * or table unmaps it whether or not it is the last. Returns what is left in
 * the slot: the null capability, or a Zombie still to be emptied.
 */
#pragma once

#include <core/cap.h>

cap_t finalise_cap(cap_t cap, bool final);

struct tcb;
/* Stop a thread: out of any wait (its syscall set to restart), off the run queue. */
void thread_suspend(struct tcb *t);
