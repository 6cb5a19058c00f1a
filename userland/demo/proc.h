/*
 * The root task's processes: each gets an Untyped of its own that all of
 * its objects come from (VSpace root and page tables, copies of the image
 * pages, stack, IPC buffer, CNode, TCB), and a block of root CNode slots
 * for their capabilities. Killing a process suspends it and revokes that
 * Untyped: every object goes, and the memory is free for the next one.
 */
#pragma once

#include "demo.h"

#define MAX_PROCS 7             /* 2 MiB each, after 2 MiB of the root's own objects, fill the 16 MiB pool */

struct proc {
    char name[NAME_MAX_LEN + 1];
    enum proc_state state;
    enum proc_role role;
    seL4_Word prio;
    seL4_CPtr ut;               /* the process's memory (kept across kills) */
    seL4_Word mem;              /* bytes of kernel objects made from it (ps) */
    seL4_CPtr base, next;       /* its block of root slots; the next free one */
    seL4_CPtr tcb;
};

extern struct proc procs[MAX_PROCS];

/* Prepare: make the root's and the driver's endpoints in the slots ep and
 * driver_ep and the driver's notification in ntfn, from pool, the Untyped
 * all processes' memory comes from; process blocks of slots start at
 * first_slot. NULL or what failed. */
const char *procs_init(seL4_CPtr first_slot, seL4_CPtr pool, seL4_CPtr ep, seL4_CPtr driver_ep, seL4_CPtr ntfn);

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

/* Take a free table entry for a process built by the caller: its Untyped
 * is ready and its slot block empty; the entry stays PROC_FREE until the
 * caller sets its state. Returns the id or -1, with *why set. */
int proc_claim(const char *name, enum proc_role role, seL4_Word prio, const char **why);

/* A new object from p's Untyped in p's next slot (0 if none). */
seL4_CPtr proc_alloc(struct proc *p, seL4_Word type, seL4_Word bits);

/* Page tables proc_map_logged made, in order. */
#define SLOT_LOG_MAX 16
struct slot_log {
    seL4_CPtr slot[SLOT_LOG_MAX];
    unsigned n;
};

/* Map frame at va in vspace, making missing page tables from p's memory
 * and recording them in tables (if not NULL). */
seL4_Error proc_map_logged(struct proc *p, seL4_CPtr frame, seL4_CPtr vspace, seL4_Word va, struct slot_log *tables);

/* Suspend the process and destroy its objects. */
void proc_kill(int id);

/* The process named name, or -1. */
int proc_find(const char *name);
