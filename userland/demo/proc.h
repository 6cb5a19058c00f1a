/*
 * The root task's processes: each gets an Untyped of its own that all of
 * its objects come from (VSpace root and page tables, copies of the image
 * pages, stack, IPC buffer, CNode, TCB), and a block of root CNode slots
 * for their capabilities. Killing a process suspends it and revokes that
 * Untyped: every object goes, and the memory is free for the next one.
 */
#pragma once

#include "demo.h"

#define MAX_PROCS 8

struct proc {
    char name[NAME_MAX_LEN + 1];
    enum proc_state state;
    enum proc_role role;
    seL4_Word prio;
    seL4_CPtr ut;               /* the process's memory (kept across kills) */
    seL4_CPtr base, next;       /* its block of root slots; the next free one */
    seL4_CPtr tcb;
};

extern struct proc procs[MAX_PROCS];

/* Prepare: pick the boot Untyped the processes' memory comes from, make
 * the root's and the driver's endpoints in the slots ep and driver_ep and
 * the driver's notification in ntfn; process blocks of slots start at
 * first_slot. NULL or what failed. */
const char *procs_init(seL4_CPtr first_slot, seL4_CPtr ep, seL4_CPtr driver_ep, seL4_CPtr ntfn);

/* What the root task gives the UART driver (root slots; 0: none). */
struct uart_caps {
    seL4_CPtr frame;            /* riscv64: the UART's registers, mapped at UART_VA */
    seL4_CPtr ioport;           /* x86_64: COM1's ports, to SLOT_IOPORT */
    seL4_CPtr irq;              /* the IRQHandler, to SLOT_IRQ */
    seL4_CPtr ntfn;             /* the notification it signals, bound to the driver's TCB */
};

/* Start a process in a free table entry: role's entry function at priority
 * prio, with the driver's endpoint (driver_ep: the driver's own, unbadged,
 * for ROLE_UART) and, for ROLE_UART, the UART's capabilities (NULL for the
 * others). Returns its id (index) or -1, with *why set. */
int proc_start(const char *name, enum proc_role role, seL4_Word prio, seL4_CPtr driver_ep,
               const struct uart_caps *uart, const char **why);

/* Suspend the process and destroy its objects. */
void proc_kill(int id);

/* The process named name, or -1. */
int proc_find(const char *name);
