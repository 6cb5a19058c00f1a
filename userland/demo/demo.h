/*
 * The demo system: a root task that starts a user-level UART driver, a
 * shell and small demo processes, each in its own address space (copies of
 * the image's pages at the same addresses, so every process runs this same
 * program from its own entry function) with its own small CSpace.
 *
 * This header is the contract between them: the slots of a process's
 * CNode, the message labels of the driver's and the root's endpoints, and
 * the addresses of a process's own stack and IPC buffer.
 */
#pragma once

#include <stdbool.h>
#include <sel4/sel4.h>
#include <keel/libc.h>

/* ---- a process's CSpace: a CNode of 2^PROC_CNODE_BITS slots ---- */
#define PROC_CNODE_BITS 4
#define SLOT_DRIVER 1           /* the driver's endpoint (driver: to receive on; others: badged, to Call) */
#define SLOT_ROOT 2             /* the root task's endpoint (badged with the process's id) */
#define SLOT_FAULT 3            /* the fault endpoint: the root's, badged FAULT_BADGE | id */
#define SLOT_REPLY 4            /* driver: where a waiting getc's reply capability is saved */
#define SLOT_CNODE 5            /* the process's own CNode (the driver saves replies into it) */
#define SLOT_IRQ 6              /* driver: the IRQHandler of the UART's interrupt */
#define SLOT_IOPORT 7           /* driver, x86_64: the I/O port capability for COM1 */

/* ---- a process's own memory (outside the image) ---- */
#define PROC_STACK_VA 0x30000000ul
#define PROC_STACK_PAGES 4
#define PROC_IPC_VA 0x30010000ul
#define UART_VA 0x30020000ul    /* the driver's mapping of the UART registers */

/* ---- the driver's endpoint ---- */
enum drv_label {
    DRV_PUTC = 1,               /* MR0: a character */
    DRV_WRITE,                  /* MR0: length (<= DRV_WRITE_MAX), MR1...: the bytes, 8 per word */
    DRV_GETC,                   /* reply MR0: a character (once typed), or DRV_NO_INPUT if a getc already waits */
};
#define DRV_WRITE_MAX 64
#define DRV_NO_INPUT ((seL4_Word)-1)
#define IRQ_BADGE 0x10000ul     /* the driver's bound notification: an interrupt (clients' badges are ids + 1) */

/* ---- the root task's endpoint ---- */
enum root_label {
    ROOT_BOOTINFO = 10,         /* reply: untyped count, RAM bytes, device untyped count */
    ROOT_PS,                    /* MR0: index; reply label 1 + MR0 prio, MR1 state, MR2.. name; label 0: no more */
    ROOT_SPAWN,                 /* reply MR0: 0 ok, else an error; MR1.. the name */
    ROOT_KILL,                  /* MR0..: the name (packed); reply MR0: 0 ok, 1 unknown, 2 not allowed */
    ROOT_EXIT,                  /* the caller is done (no reply) */
    ROOT_HALT,                  /* power off with status MR0 */
    ROOT_RUN,                   /* MR0..: an image's name (packed); reply once it ended: MR0 its status,
                                   MR1 a run_result */
};
enum run_result { RUN_EXITED, RUN_NOT_STARTED, RUN_FAULTED };
#define FAULT_BADGE 0x100ul     /* | process id: a fault message */
#define NAME_MAX_LEN 15         /* process names fit two words */

/* Process states as ps shows them. */
enum proc_state { PROC_FREE, PROC_RUNNING, PROC_STOPPED, PROC_FAULTED };

/* What a process runs: the entry function of each kind. */
enum proc_role { ROLE_UART = 1, ROLE_SHELL, ROLE_TICK, ROLE_SUBSYS };
void uart_main(void);
void shell_main(void);
void tick_main(void);

/* Pack a short string into words / unpack it (NAME_MAX_LEN chars max). */
void name_pack(const char *s, seL4_Word *w);
void name_unpack(const seL4_Word *w, char *s);

/* ---- console output of a process, through the driver (conio.c) ---- */
void con_putc(char c);
void con_write(const char *s, seL4_Word n);
int con_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
seL4_Word con_getc(void);
