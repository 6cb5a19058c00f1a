/*
 * Faults of user threads: recorded in the TCB and sent as a message to the
 * thread's fault endpoint (seL4's layouts, transfer.c). A thread without a
 * usable fault endpoint is stopped and a report goes to the console.
 */
#pragma once

#include <core/cnode.h>
#include <core/tcb.h>

void fault_handle(struct tcb *t);
void fault_cap(struct tcb *t, word_t cptr, bool in_recv_phase, const struct lookup_fault *lf);
void fault_unknown_syscall(struct tcb *t, sword_t sysno);
