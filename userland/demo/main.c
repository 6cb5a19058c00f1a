/*
 * The demo system's root task: gives the UART driver its device (riscv64:
 * the UART's frame; x86_64: COM1's I/O ports) and its receive interrupt,
 * makes the driver's and its own endpoint, starts the driver and the shell,
 * then serves the processes' requests (bootinfo, ps, spawn, kill, exit,
 * halt) and their faults.
 */
#include "memory.h"
#include "proc.h"
#include "subsys.h"
#include "demo_vm.h"

#define ROOT seL4_CapInitThreadCNode
#define PRIO 100                /* every process, the driver too: it sleeps until a request or an interrupt */
#if defined(__riscv)
#define UART_PADDR 0x10000000ul
#define UART_IRQ 10             /* the ns16550's PLIC source on QEMU virt */
#elif defined(__aarch64__)
#define UART_PADDR 0x09000000ul
#define UART_IRQ 33             /* the PL011's GIC interrupt (SPI 1) on QEMU virt */
#else
#define COM1 0x3f8
#define UART_IRQ 4              /* COM1: ISA IRQ 4, IOAPIC pin 4 */
#endif

static seL4_CPtr next_slot;
static seL4_Word n_untyped, ram_bytes, n_device;
static unsigned n_spawned;
static int kept_untyped = -1;       /* the boot Untyped the root cut the UART's frame from */
static seL4_CPtr run_reply;         /* where the reply to a waiting ROOT_RUN is saved */

static seL4_CPtr slots(seL4_Word n)
{
    seL4_CPtr s = next_slot;
    next_slot += n;
    return s;
}

#if !defined(__x86_64__) && !defined(__i386__)
/* The frame of the device Untyped that covers paddr: halve the Untyped
 * down to one page, keeping the half that holds paddr. 0 if none. */
static seL4_CPtr device_frame(seL4_Word paddr)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (!d->isDevice || paddr < d->paddr || paddr - d->paddr >= (1ul << d->sizeBits)) {
            continue;
        }
        seL4_CPtr ut = bi->untyped.start + i, frame = slots(1);
        kept_untyped = (int)i;
        seL4_Word base = d->paddr;
        for (seL4_Word bits = d->sizeBits; bits > 12; bits--) {
            seL4_CPtr halves = slots(2);
            if (seL4_Untyped_Retype(ut, seL4_UntypedObject, bits - 1, ROOT, 0, 0, halves, 2) != seL4_NoError) {
                return 0;
            }
            int upper = paddr >= base + (1ul << (bits - 1));
            ut = halves + (seL4_CPtr)upper;
            base += upper ? 1ul << (bits - 1) : 0;
        }
        if (seL4_Untyped_Retype(ut, FRAME_OBJECT, 0, ROOT, 0, 0, frame, 1) == seL4_NoError) {
            return frame;
        }
        return 0;
    }
    return 0;
}
#endif

/* The UART's registers: riscv64 and aarch64 map a frame, x86_64 and ia32
 * issue COM1's ports. */
static const char *uart_regs(struct uart_caps *uart)
{
#if !defined(__x86_64__) && !defined(__i386__)
    uart->frame = device_frame(UART_PADDR);
    return uart->frame == 0 ? "no frame for the UART from a device Untyped" : NULL;
#else
    uart->ioport = slots(1);
    seL4_Error err = seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, COM1, COM1 + 7, ROOT, uart->ioport,
                                                  seL4_WordBits);
    return err != seL4_NoError ? "no I/O port capability for COM1" : NULL;
#endif
}

/* The UART's IRQHandler in uart->irq, signalling uart->ntfn (made by
 * procs_init) through a copy badged IRQ_BADGE in slot badged: the
 * notification is bound to the driver, and the badge is how it tells an
 * interrupt from a client. The line stays masked until the driver's first
 * Ack. */
static const char *uart_irq(const struct uart_caps *uart, seL4_CPtr badged)
{
    if (seL4_CNode_Mint(ROOT, badged, seL4_WordBits, ROOT, uart->ntfn, seL4_WordBits, seL4_AllRights, IRQ_BADGE) !=
            seL4_NoError ||
        seL4_IRQControl_Get(seL4_CapIRQControl, UART_IRQ, ROOT, uart->irq, seL4_WordBits) != seL4_NoError ||
        seL4_IRQHandler_SetNotification(uart->irq, badged) != seL4_NoError) {
        return "no IRQHandler for the UART";
    }
    return NULL;
}

static void count_untypeds(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();

    n_untyped = bi->untyped.end - bi->untyped.start;
    for (seL4_Word i = 0; i < n_untyped; i++) {
        if (bi->untypedList[i].isDevice) {
            n_device++;
        } else {
            ram_bytes += 1ul << bi->untypedList[i].sizeBits;
        }
    }
}

static seL4_Word handle_ps(void)
{
    seL4_Word want = seL4_GetMR(0), seen = 0, w[2];

    for (int i = 0; i < MAX_PROCS; i++) {
        if (procs[i].state == PROC_FREE || seen++ != want) {
            continue;
        }
        name_pack(procs[i].name, w);
        seL4_SetMR(0, (seL4_Word)i);
        seL4_SetMR(1, procs[i].prio);
        seL4_SetMR(2, procs[i].state);
        seL4_SetMR(3, w[0]);
        seL4_SetMR(4, w[1]);
        seL4_SetMR(5, procs[i].mem);
        return 6;
    }
    return 0;
}

static void handle_spawn(seL4_CPtr driver_ep)
{
    char name[NAME_MAX_LEN + 1];
    const char *why = NULL;
    seL4_Word w[2];

    snprintf(name, sizeof(name), "tick%u", ++n_spawned);
    if (proc_start(name, ROLE_TICK, PRIO, driver_ep, NULL, &why) < 0) {
        printf("demo: spawn failed: %s\n", why);
        seL4_SetMR(0, 1);
        return;
    }
    name_pack(name, w);
    seL4_SetMR(0, 0);
    seL4_SetMR(1, w[0]);
    seL4_SetMR(2, w[1]);
}

static seL4_Word handle_kill(void)
{
    char name[NAME_MAX_LEN + 1];
    seL4_Word w[2] = {seL4_GetMR(0), seL4_GetMR(1)};

    name_unpack(w, name);
    int id = proc_find(name);
    if (id < 0) {
        return 1;
    }
    if (procs[id].role != ROLE_TICK) {
        return 2;
    }
    proc_kill(id);
    return 0;
}

static void run_done(seL4_Word status, enum run_result result)
{
    seL4_SetMR(0, status);
    seL4_SetMR(1, result);
    seL4_Send(run_reply, seL4_MessageInfo_new(0, 0, 0, 2));
}

/* Start a subsystem; the caller's reply waits in run_reply until it ends. */
static void handle_run(seL4_CPtr ep)
{
    char name[NAME_MAX_LEN + 1];
    seL4_Word w[2] = {seL4_GetMR(0), seL4_GetMR(1)};
    const char *why = NULL;

    name_unpack(w, name);
    seL4_CNode_SaveCaller(ROOT, run_reply, seL4_WordBits);
    if (subsys_start(name, ep, &why) < 0) {
        printf("demo: cannot start %s: %s\n", name, why);
        run_done(0, RUN_NOT_STARTED);
    }
}

/* A message on a process's fault endpoint: a fault, or a subsystem's exit. */
static void handle_fault_ep(int id, seL4_Word label)
{
    if (procs[id].role == ROLE_SUBSYS) {
        bool exited = label == KEEL_EXIT_LABEL;
        seL4_Word status = seL4_GetMR(0);
        if (!exited) {
            printf("demo: subsystem %s faulted (fault label %lu)\n", procs[id].name, label);
        }
        subsys_end(id);
        run_done(exited ? status : 0, exited ? RUN_EXITED : RUN_FAULTED);
        return;
    }
    printf("demo: process %s faulted (fault label %lu); it stays stopped\n", procs[id].name, label);
    procs[id].state = PROC_FAULTED;
}

static _Noreturn void serve(seL4_CPtr ep, seL4_CPtr driver_ep)
{
    for (;;) {
        seL4_Word badge = 0, len = 1;
        seL4_MessageInfo_t tag = seL4_Recv(ep, &badge);
        seL4_Word label = seL4_MessageInfo_get_label(tag), reply = 0;
        if (badge & FAULT_BADGE) {
            handle_fault_ep((int)(badge & ~FAULT_BADGE), label);
            continue;
        }
        int id = (int)badge - 1;
        switch (label) {
        case ROOT_BOOTINFO:
            seL4_SetMR(0, n_untyped);
            seL4_SetMR(1, ram_bytes);
            seL4_SetMR(2, n_device);
            len = 3;
            break;
        case ROOT_PS:
            len = handle_ps();
            reply = len != 0;
            break;
        case ROOT_SPAWN:
            handle_spawn(driver_ep);
            len = 3;
            break;
        case ROOT_KILL:
            seL4_SetMR(0, handle_kill());
            break;
        case ROOT_RUN:
            handle_run(ep);
            continue;
        case ROOT_EXIT:
            if (id >= 0 && id < MAX_PROCS) {
                seL4_TCB_Suspend(procs[id].tcb);
                procs[id].state = PROC_STOPPED;
            }
            continue;
        case ROOT_HALT:
            keel_DebugHaltStatus(seL4_GetMR(0));
            break;
        default:
            len = 0;
        }
        seL4_Reply(seL4_MessageInfo_new(reply, 0, 0, len));
    }
}

int main(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    struct uart_caps uart = {0};
    seL4_CPtr ep, driver_ep, badged, pool;
    const char *why = NULL;

    printf("demo: root task: starting the UART driver and the shell\n");
    count_untypeds();
    next_slot = bi->empty.start;
    ep = slots(1);
    driver_ep = slots(1);
    uart.ntfn = slots(1);
    uart.irq = slots(1);
    badged = slots(1);
    run_reply = slots(1);
    if ((why = uart_regs(&uart)) != NULL || (why = memory_init(slots, kept_untyped, &pool)) != NULL ||
        (why = procs_init(slots(0) + 16, pool, ep, driver_ep, uart.ntfn)) != NULL ||    /* after the last slots() */
        (why = uart_irq(&uart, badged)) != NULL ||
        proc_start("uart", ROLE_UART, PRIO, driver_ep, &uart, &why) < 0 ||
        proc_start("shell", ROLE_SHELL, PRIO, driver_ep, NULL, &why) < 0) {
        printf("demo: %s\n", why);
        return 1;
    }
    serve(ep, driver_ep);
}
