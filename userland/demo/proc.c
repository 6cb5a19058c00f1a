/*
 * Processes of the demo system (see proc.h).
 */
#include "proc.h"
#include "demo_vm.h"
#include <keel/thread.h>


#define PROC_UT_BITS 21                 /* 2 MiB per process */
#define PROC_SLOTS 256

extern char __keel_image_start[];

struct proc procs[MAX_PROCS];
static seL4_CPtr mem_ut, slot_base, root_ep;
static _Alignas(16) unsigned char child_tls[KEEL_TLS_AREA];     /* each process's copy is its own */

/* Every process starts here, in its own address space. */
static void child_entry(seL4_Word role)
{
    seL4_SetIPCBuffer((seL4_IPCBuffer *)PROC_IPC_VA);
    if (role == ROLE_UART) {
        uart_main();
    } else if (role == ROLE_SHELL) {
        shell_main();
    } else {
        tick_main();
    }
    seL4_Call(SLOT_ROOT, seL4_MessageInfo_new(ROOT_EXIT, 0, 0, 0));
    for (;;) {
        seL4_Yield();
    }
}

const char *procs_init(seL4_CPtr first_slot, seL4_CPtr pool, seL4_CPtr ep, seL4_CPtr driver_ep, seL4_CPtr ntfn)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    if (first_slot + MAX_PROCS * PROC_SLOTS > bi->empty.end) {
        return "not enough free root slots";
    }
    /* The pool's first 2^PROC_UT_BITS bytes hold these; the processes' Untypeds follow. */
    if (seL4_Untyped_Retype(pool, seL4_EndpointObject, 0, ROOT, 0, 0, ep, 1) != seL4_NoError ||
        seL4_Untyped_Retype(pool, seL4_EndpointObject, 0, ROOT, 0, 0, driver_ep, 1) != seL4_NoError ||
        seL4_Untyped_Retype(pool, seL4_NotificationObject, 0, ROOT, 0, 0, ntfn, 1) != seL4_NoError) {
        return "no endpoints or notification";
    }
    mem_ut = pool;
    slot_base = first_slot;
    root_ep = ep;
    return NULL;
}

/* The bytes an object takes from its Untyped (the frames and page tables
 * the demo makes are all one page). */
static seL4_Word object_bytes(seL4_Word type, seL4_Word bits)
{
    switch (type) {
    case seL4_UntypedObject: return ((seL4_Word)1 << (bits));
    case seL4_CapTableObject: return ((seL4_Word)1 << (bits + seL4_SlotBits));
    case seL4_TCBObject: return ((seL4_Word)1 << (seL4_TCBBits));
    case seL4_EndpointObject: return ((seL4_Word)1 << (seL4_EndpointBits));
    case seL4_NotificationObject: return ((seL4_Word)1 << (seL4_NotificationBits));
    default: return ((seL4_Word)1 << (seL4_PageBits));
    }
}

seL4_CPtr proc_alloc(struct proc *p, seL4_Word type, seL4_Word bits)
{
    seL4_CPtr slot = p->next;

    if (slot >= p->base + PROC_SLOTS || seL4_Untyped_Retype(p->ut, type, bits, ROOT, 0, 0, slot, 1) != seL4_NoError) {
        return 0;
    }
    p->next++;
    p->mem += object_bytes(type, bits);
    return slot;
}

static seL4_Word table_type(seL4_Word bits_left)
{
#if defined(__i386__)
    (void)bits_left;
    return seL4_X86_PageTableObject;
#elif defined(__x86_64__)
    return bits_left == 39 ? seL4_X86_PDPTObject : bits_left == 30 ? seL4_X86_PageDirectoryObject
                                                                  : seL4_X86_PageTableObject;
#elif defined(__aarch64__)
    (void)bits_left;
    return seL4_ARM_PageTableObject;
#else
    (void)bits_left;
    return seL4_RISCV_PageTableObject;
#endif
}

seL4_Error proc_map_logged(struct proc *p, seL4_CPtr frame, seL4_CPtr vspace, seL4_Word va, struct slot_log *tables)
{
    seL4_Error err = seL4_NoError;

    for (int tries = 0; tries < 5; tries++) {
        err = page_map(frame, vspace, va);
        if (err != seL4_FailedLookup) {
            return err;
        }
        seL4_CPtr table = proc_alloc(p, table_type(seL4_GetMR(2)), 0);
        if (table == 0 || (tables != NULL && tables->n == SLOT_LOG_MAX)) {
            return seL4_NotEnoughMemory;
        }
        if ((err = table_map(table, vspace, va)) != seL4_NoError) {
            return err;
        }
        if (tables != NULL) {
            tables->slot[tables->n++] = table;
        }
    }
    return err;
}

/* Map frame at va in vspace, making missing page tables from p's memory. */
static seL4_Error map(struct proc *p, seL4_CPtr frame, seL4_CPtr vspace, seL4_Word va)
{
    return proc_map_logged(p, frame, vspace, va, NULL);
}

/* A new frame mapped at va in vspace, holding a copy of src (NULL: zeros). */
static seL4_Error copy_page(struct proc *p, seL4_CPtr vspace, seL4_Word va, const void *src)
{
    seL4_CPtr f = proc_alloc(p, FRAME_OBJECT, 0);
    seL4_Error err;

    if (f == 0) {
        return seL4_NotEnoughMemory;
    }
    if (src != NULL) {
        if ((err = map(p, f, seL4_CapInitThreadVSpace, SCRATCH_VA)) != seL4_NoError) {
            return err;
        }
        memcpy((void *)SCRATCH_VA, src, PAGE);
        page_unmap(f);
    }
    return map(p, f, vspace, va);
}

static seL4_Error mint(seL4_CPtr cnode, seL4_Word index, seL4_CPtr src, seL4_Word badge)
{
    return seL4_CNode_Mint(cnode, index, PROC_CNODE_BITS, ROOT, src, seL4_WordBits, seL4_AllRights, badge);
}

#define STEP(expr, what)                  \
    do {                                  \
        if ((expr) != seL4_NoError) {     \
            *why = (what);                \
            return -1;                    \
        }                                 \
    } while (0)

/* Hand the driver its devices: the registers' mapping or port capability,
 * the IRQHandler, and the notification bound to its TCB (so its endpoint
 * receive also wakes for an interrupt). */
static int give_uart(struct proc *p, seL4_CPtr vspace, seL4_CPtr cnode, const struct uart_caps *uart,
                     const char **why)
{
    if (uart->frame != 0) {
        STEP(map(p, uart->frame, vspace, UART_VA), "UART registers");
    }
    if (uart->ioport != 0) {
        STEP(mint(cnode, SLOT_IOPORT, uart->ioport, 0), "UART I/O ports");
    }
    STEP(mint(cnode, SLOT_IRQ, uart->irq, 0), "UART IRQHandler");
    STEP(seL4_TCB_BindNotification(p->tcb, uart->ntfn), "BindNotification");
    return 0;
}

static int build(int id, struct proc *p, seL4_CPtr driver_ep, const struct uart_caps *uart, const char **why)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Word pages = bi->userImageFrames.end - bi->userImageFrames.start;
    seL4_CPtr vspace, cnode, ipc;
    seL4_UserContext uc;

    vspace = proc_alloc(p, ROOT_OBJECT, 0);
    STEP(vspace == 0 ? seL4_NotEnoughMemory : asid_assign(seL4_CapInitThreadASIDPool, vspace), "VSpace");
    seL4_Word tp = keel_tls_init(child_tls, sizeof(child_tls));      /* before the copy */
    for (seL4_Word i = 0; i < pages; i++) {
        const char *va = __keel_image_start + i * PAGE;
        STEP(copy_page(p, vspace, (seL4_Word)va, va), "copying the image");
    }
    for (seL4_Word i = 0; i < PROC_STACK_PAGES; i++) {
        STEP(copy_page(p, vspace, PROC_STACK_VA + i * PAGE, NULL), "stack");
    }
    ipc = proc_alloc(p, FRAME_OBJECT, 0);
    STEP(ipc == 0 ? seL4_NotEnoughMemory : map(p, ipc, vspace, PROC_IPC_VA), "IPC buffer");
    cnode = proc_alloc(p, seL4_CapTableObject, PROC_CNODE_BITS);
    STEP(cnode == 0 ? seL4_NotEnoughMemory : seL4_NoError, "CNode");
    STEP(mint(cnode, SLOT_DRIVER, driver_ep, p->role == ROLE_UART ? 0 : (seL4_Word)id + 1), "driver endpoint");
    STEP(mint(cnode, SLOT_ROOT, root_ep, (seL4_Word)id + 1), "root endpoint");
    STEP(mint(cnode, SLOT_FAULT, root_ep, FAULT_BADGE | (seL4_Word)id), "fault endpoint");
    seL4_Word guard = seL4_CNode_CapData_new(0, seL4_WordBits - PROC_CNODE_BITS).words[0];
    STEP(mint(cnode, SLOT_CNODE, cnode, guard), "own CNode");
    p->tcb = proc_alloc(p, seL4_TCBObject, 0);
    STEP(p->tcb == 0 ? seL4_NotEnoughMemory : seL4_NoError, "TCB");
    STEP(seL4_TCB_Configure(p->tcb, SLOT_FAULT, cnode, guard, vspace, 0, PROC_IPC_VA, ipc), "Configure");
    STEP(seL4_TCB_SetPriority(p->tcb, seL4_CapInitThreadTCB, p->prio), "SetPriority");
    if (uart != NULL && give_uart(p, vspace, cnode, uart, why) < 0) {
        return -1;
    }
    memset(&uc, 0, sizeof(uc));
    keel_arch_init_context(&uc, (seL4_Word)child_entry, PROC_STACK_VA + PROC_STACK_PAGES * PAGE, p->role, tp);
    STEP(seL4_TCB_WriteRegisters(p->tcb, 1, 0, sizeof(uc) / sizeof(seL4_Word), &uc), "WriteRegisters");
    return id;
}

int proc_claim(const char *name, enum proc_role role, seL4_Word prio, const char **why)
{
    int id = 0;

    while (id < MAX_PROCS && procs[id].state != PROC_FREE) {
        id++;
    }
    if (id == MAX_PROCS) {
        *why = "the process table is full";
        return -1;
    }
    struct proc *p = &procs[id];
    p->base = slot_base + (seL4_CPtr)id * PROC_SLOTS;
    if (p->ut == 0) {
        p->ut = p->base;
        if (seL4_Untyped_Retype(mem_ut, seL4_UntypedObject, PROC_UT_BITS, ROOT, 0, 0, p->ut, 1) != seL4_NoError) {
            p->ut = 0;
            *why = "no memory for a process";
            return -1;
        }
    }
    memset(p->name, 0, sizeof(p->name));
    memcpy(p->name, name, strlen(name) < NAME_MAX_LEN ? strlen(name) : NAME_MAX_LEN);
    p->role = role;
    p->prio = prio;
    p->next = p->base + 1;
    return id;
}

int proc_start(const char *name, enum proc_role role, seL4_Word prio, seL4_CPtr driver_ep,
               const struct uart_caps *uart, const char **why)
{
    int id = proc_claim(name, role, prio, why);

    if (id < 0) {
        return -1;
    }
    if (build(id, &procs[id], driver_ep, uart, why) < 0) {
        seL4_CNode_Revoke(ROOT, procs[id].ut, seL4_WordBits);
        procs[id].mem = 0;
        return -1;
    }
    procs[id].state = PROC_RUNNING;
    return id;
}

void proc_kill(int id)
{
    struct proc *p = &procs[id];

    seL4_TCB_Suspend(p->tcb);
    seL4_CNode_Revoke(ROOT, p->ut, seL4_WordBits);      /* every object of the process */
    p->mem = 0;
    p->state = PROC_FREE;
}

int proc_find(const char *name)
{
    for (int i = 0; i < MAX_PROCS; i++) {
        if (procs[i].state != PROC_FREE && strcmp(procs[i].name, name) == 0) {
            return i;
        }
    }
    return -1;
}
