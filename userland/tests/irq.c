/*
 * IRQ: interrupts for user-level drivers. IRQControl_Get and its errors, the
 * life of an IRQHandler capability (copies, delete, revoke of IRQControl),
 * SetNotification/Ack/Clear, and real interrupts from the 16550 UART: its
 * "transmitter holding register empty" interrupt (IER bit 1) fires as soon as
 * it is enabled while the transmitter is idle, so a test can raise it at will
 * without serial input. riscv64: the UART at 0x10000000 (PLIC source 10 on
 * QEMU virt), mapped from a device Untyped; x86_64: COM1 (ISA IRQ 4 = IOAPIC
 * pin 4) through an I/O port capability.
 */
#include "caps.h"

#define UART_IER 1              /* interrupt enable */
#define UART_IIR 2              /* interrupt identification (read) */
#define IER_THRI 0x02           /* transmitter holding register empty */
#define IIR_ID_MASK 0x0f
#define IIR_THRI 0x02
#if !defined(__aarch64__)
#define UART_TX_ID IIR_THRI     /* what uart_quiet reports */
#endif
#define TEST_BADGE 0x2a

#if defined(__riscv)
#define TEST_IRQ 10             /* the ns16550 on QEMU virt */
#define TEST_IRQ_MAX 96         /* QEMU virt's PLIC: riscv,ndev = 96 */
#define TEST_IRQ_TIMER 1024     /* the kernel's own, never a user IRQ */
#define UART_PADDR 0x10000000ul
#define UART_TABLES 2           /* Sv39's two lower levels */
#elif defined(__aarch64__)
#define TEST_IRQ 33             /* the PL011 on QEMU virt: SPI 1 */
#define TEST_IRQ_MAX 287        /* QEMU virt's GICv2: 288 interrupt IDs */
#define TEST_IRQ_TIMER 27       /* the kernel's virtual timer (PPI 11), never a user IRQ */
#define UART_PADDR 0x09000000ul
#define UART_TABLES 2           /* levels 2 and 3: the image's level-1 table covers it */
#endif

#if defined(__riscv) || defined(__aarch64__)
#define UART_VADDR 0x3000000000ul   /* a free part of the root task's VSpace */

static volatile seL4_Uint8 *uart;

/* A frame at paddr from the device Untyped that covers it: halve the Untyped
 * until one starts at paddr, then retype its first page. */
static seL4_CPtr device_frame(seL4_Word paddr)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr ut = 0;
    seL4_Word base = 0, bits = 0;

    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (d->isDevice && d->paddr <= paddr && paddr - d->paddr < (1ul << d->sizeBits)) {
            ut = bi->untyped.start + i;
            base = d->paddr;
            bits = d->sizeBits;
        }
    }
    while (ut != 0 && base != paddr) {
        seL4_CPtr halves = slots_alloc(2);
        bits--;
        if (halves == 0 || seL4_Untyped_Retype(ut, seL4_UntypedObject, bits, ROOT, 0, 0, halves, 2) != seL4_NoError) {
            return 0;
        }
        seL4_Word upper = (paddr - base) >> bits;     /* 0 or 1: which half holds paddr */
        ut = halves + upper;
        base += upper << bits;
    }
    seL4_CPtr frame = slot_alloc();
    return ut != 0 && frame != 0 && retype_one(ut, TEST_FRAME_OBJECT, 0, frame) == seL4_NoError ? frame : 0;
}

/* The kernel's VM invocations, called directly (MR0 va, then rights and
 * attributes; extra cap 0 the VSpace). */
static seL4_Error vm_map(seL4_CPtr cap, seL4_Word label, seL4_Word va, seL4_Word length)
{
    seL4_SetCap(0, seL4_CapInitThreadVSpace);
    seL4_SetMR(0, va);
    seL4_SetMR(1, label == KEEL_LABEL_PAGE_MAP ? seL4_ReadWrite.words[0] : 0);
    seL4_SetMR(2, 0);
    return keel_invoke(cap, label, 1, length);
}

/* Map the UART page: the page tables below the root, then the frame. */
static const char *uart_open(void)
{
    seL4_CPtr frame = device_frame(UART_PADDR);

    CHECK(frame != 0, "no frame for the UART at %lx from a device Untyped", UART_PADDR);
    for (int i = 0; i < UART_TABLES; i++) {
        seL4_CPtr pt = new_object(TEST_PT_OBJECT, 0);
        CHECK(pt != 0, "no page table");
        TRY(expect_ok(vm_map(pt, KEEL_LABEL_TABLE_MAP, UART_VADDR, 2), "PageTable_Map for the UART"));
    }
    TRY(expect_ok(vm_map(frame, KEEL_LABEL_PAGE_MAP, UART_VADDR, 3), "Page_Map of the UART"));
    uart = (volatile seL4_Uint8 *)UART_VADDR;
    return NULL;
}

#endif

#if defined(__riscv)
static void uart_out(unsigned reg, seL4_Uint8 v) { uart[reg] = v; }
static seL4_Uint8 uart_in(unsigned reg) { return uart[reg]; }

#elif TEST_X86
#define TEST_IRQ 4              /* COM1: ISA IRQ 4, IOAPIC pin 4 */
#define TEST_IRQ_MAX 23         /* a 24-pin IOAPIC */
#define TEST_IRQ_TIMER 176      /* the LAPIC timer: not an IOAPIC pin */
#define COM1 0x3f8

static seL4_CPtr com1;

static const char *uart_open(void)
{
    com1 = slot_alloc();
    return expect_ok(seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, COM1, COM1 + 7, ROOT, com1, ROOT_DEPTH),
                     "IOPortControl_Issue for COM1");
}

static void uart_out(unsigned reg, seL4_Uint8 v) { seL4_X86_IOPort_Out8(com1, COM1 + reg, v); }
static seL4_Uint8 uart_in(unsigned reg) { return seL4_X86_IOPort_In8(com1, (seL4_Uint16)(COM1 + reg)).result; }
#endif


static seL4_CPtr handler_for(seL4_Word irq)
{
    seL4_CPtr slot = slot_alloc();

    if (slot == 0 || seL4_IRQControl_Get(seL4_CapIRQControl, irq, ROOT, slot, ROOT_DEPTH) != seL4_NoError) {
        return 0;
    }
    return slot;
}

/* A new notification, or a badged copy of one (badge != 0). */
static seL4_CPtr notification(seL4_Word badge)
{
    seL4_CPtr n = new_object(seL4_NotificationObject, 0), b = slot_alloc();

    if (n == 0 || badge == 0) {
        return n;
    }
    return seL4_CNode_Mint(ROOT, b, ROOT_DEPTH, ROOT, n, ROOT_DEPTH, seL4_AllRights, badge) == seL4_NoError ? b : 0;
}

static seL4_Word poll(seL4_CPtr n)
{
    seL4_Word badge = 0;

    seL4_Poll(n, &badge);
    return badge;
}

#if defined(__aarch64__)
/* The PL011's transmit interrupt: QEMU raises it when a character has been
 * sent, so raising it writes one (a newline, harmless between TAP lines);
 * the masked interrupt status (MIS) says which condition holds, and a write
 * to ICR clears it. */
#define PL011_DR 0x00
#define PL011_IMSC 0x38
#define PL011_MIS 0x40
#define PL011_ICR 0x44
#define PL011_TXI 0x20
#define UART_TX_ID PL011_TXI        /* what uart_quiet reports */

static void pl011_out(unsigned reg, seL4_Uint32 v) { *(volatile seL4_Uint32 *)(uart + reg) = v; }
static seL4_Uint32 pl011_in(unsigned reg) { return *(volatile seL4_Uint32 *)(uart + reg); }

static void uart_raise(void)
{
    pl011_out(PL011_IMSC, PL011_TXI);
    pl011_out(PL011_DR, '\n');
}

static seL4_Uint8 uart_quiet(void)
{
    seL4_Uint8 id = (seL4_Uint8)(pl011_in(PL011_MIS) & PL011_TXI);

    pl011_out(PL011_ICR, PL011_TXI);
    pl011_out(PL011_IMSC, 0);
    return id;
}
#else
/* Raise the UART's interrupt line: THRI goes from off to on while the
 * transmitter is idle (a rising edge, as x86's edge-triggered ISA pin needs). */
static void uart_raise(void)
{
    uart_out(UART_IER, 0);
    uart_out(UART_IER, IER_THRI);
}

/* What a driver does after an interrupt: read IIR (which clears the THRE
 * condition) and lower the line. Returns the IIR interrupt id. */
static seL4_Uint8 uart_quiet(void)
{
    seL4_Uint8 id = uart_in(UART_IIR) & IIR_ID_MASK;

    uart_out(UART_IER, 0);
    return id;
}

#endif

/* A UART whose interrupt signals `n` through a new handler, line unmasked. */
static const char *uart_irq_setup(seL4_CPtr *handler, seL4_CPtr n)
{
    TRY(uart_open());
    uart_quiet();
    *handler = handler_for(TEST_IRQ);
    CHECK(*handler != 0, "IRQControl_Get(%d) failed", TEST_IRQ);
    TRY(expect_ok(seL4_IRQHandler_SetNotification(*handler, n), "SetNotification"));
    return expect_ok(seL4_IRQHandler_Ack(*handler), "Ack");
}

/* ---- IRQControl_Get ---- */

static const char *irq_get_truncated(void)
{
    seL4_SetCap(0, ROOT);
    seL4_SetMR(0, TEST_IRQ);
    seL4_SetMR(1, slot_alloc());
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(seL4_CapIRQControl, IRQIssueIRQHandler, 1, 2), seL4_TruncatedMessage,
                           "IRQControl_Get with 2 words"));
    seL4_SetMR(2, ROOT_DEPTH);
    return EXPECT_PLAIN_ERROR(keel_invoke(seL4_CapIRQControl, IRQIssueIRQHandler, 0, 3), seL4_TruncatedMessage,
                              "IRQControl_Get without a root CNode");
}

static const char *irq_get_range(void)
{
    static const seL4_Word bad[] = { 0, TEST_IRQ_MAX + 1, TEST_IRQ_TIMER, 100000, ~0ul };

    for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        seL4_Error err = seL4_IRQControl_Get(seL4_CapIRQControl, bad[i], ROOT, slot_alloc(), ROOT_DEPTH);
        TRY(EXPECT_ERROR(err, seL4_RangeError, "IRQControl_Get of a missing IRQ", 0, TEST_IRQ_MAX));
    }
    return NULL;
}

static const char *irq_get_makes_handler(void)
{
    seL4_CPtr a = handler_for(TEST_IRQ), b = handler_for(TEST_IRQ_MAX);

    CHECK(a != 0 && b != 0, "IRQControl_Get of IRQs %d and %d failed", TEST_IRQ, TEST_IRQ_MAX);
    TRY(expect_type(a, KEEL_CAP_IRQ_HANDLER, "IRQControl_Get's result"));
    return expect_type(b, KEEL_CAP_IRQ_HANDLER, "IRQControl_Get's result for the highest IRQ");
}

/* seL4 checks the IRQ before the destination: an occupied slot still gets
 * RevokeFirst when the IRQ is taken. */
static const char *irq_get_twice(void)
{
    seL4_CPtr h = handler_for(TEST_IRQ);

    CHECK(h != 0, "IRQControl_Get failed");
    TRY(EXPECT_PLAIN_ERROR(seL4_IRQControl_Get(seL4_CapIRQControl, TEST_IRQ, ROOT, slot_alloc(), ROOT_DEPTH),
                           seL4_RevokeFirst, "a second handler for the IRQ"));
    return EXPECT_PLAIN_ERROR(seL4_IRQControl_Get(seL4_CapIRQControl, TEST_IRQ, ROOT, h, ROOT_DEPTH),
                              seL4_RevokeFirst, "a second handler, into an occupied slot");
}

static const char *irq_get_occupied(void)
{
    seL4_CPtr n = notification(0);

    TRY(EXPECT_PLAIN_ERROR(seL4_IRQControl_Get(seL4_CapIRQControl, TEST_IRQ, ROOT, n, ROOT_DEPTH),
                           seL4_DeleteFirst, "IRQControl_Get into an occupied slot"));
    return expect_type(n, KEEL_CAP_NOTIFICATION, "the occupied slot");
}

static const char *irq_get_bad_dest(void)
{
    seL4_CPtr n = notification(0);

    TRY(EXPECT_ERROR(seL4_IRQControl_Get(seL4_CapIRQControl, TEST_IRQ, n, 0, ROOT_DEPTH), seL4_FailedLookup,
                     "IRQControl_Get under a notification as root", 0, seL4_InvalidRoot));
    TRY(EXPECT_ERROR(seL4_IRQControl_Get(seL4_CapIRQControl, TEST_IRQ, ROOT, slot_alloc(), 0), seL4_RangeError,
                     "IRQControl_Get with depth 0", 1, seL4_WordBits));
    /* Nothing was issued: the IRQ is still free. */
    CHECK(handler_for(TEST_IRQ) != 0, "the failed Gets left the IRQ taken");
    return NULL;
}

/* ---- the life of an IRQHandler capability ---- */

static const char *irq_delete_frees(void)
{
    seL4_CPtr h = handler_for(TEST_IRQ), c = copy_cap(h, seL4_AllRights);

    CHECK(h != 0 && c != 0, "handler or its copy missing");
    TRY(expect_ok(seL4_CNode_Delete(ROOT, h, ROOT_DEPTH), "deleting the handler"));
    TRY(EXPECT_PLAIN_ERROR(seL4_IRQControl_Get(seL4_CapIRQControl, TEST_IRQ, ROOT, slot_alloc(), ROOT_DEPTH),
                           seL4_RevokeFirst, "Get while a copy of the handler is left"));
    TRY(expect_ok(seL4_IRQHandler_Ack(c), "Ack through the copy"));
    TRY(expect_ok(seL4_CNode_Delete(ROOT, c, ROOT_DEPTH), "deleting the last handler"));
    CHECK(handler_for(TEST_IRQ) != 0, "the IRQ is still taken after its last handler went");
    return NULL;
}

static const char *irq_revoke_control(void)
{
    seL4_CPtr a = handler_for(TEST_IRQ), b = handler_for(TEST_IRQ_MAX);

    CHECK(a != 0 && b != 0, "IRQControl_Get failed");
    TRY(expect_ok(seL4_CNode_Revoke(ROOT, seL4_CapIRQControl, ROOT_DEPTH), "revoking IRQControl"));
    TRY(expect_type(a, KEEL_CAP_NULL, "a handler after the revoke"));
    TRY(expect_type(b, KEEL_CAP_NULL, "a handler after the revoke"));
    TRY(expect_type(seL4_CapIRQControl, KEEL_CAP_IRQ_CONTROL, "IRQControl after its revoke"));
    CHECK(handler_for(TEST_IRQ) != 0 && handler_for(TEST_IRQ_MAX) != 0, "the IRQs stayed taken after the revoke");
    return NULL;
}

static const char *irq_cycles(void)
{
    seL4_CPtr n = notification(TEST_BADGE);

    for (int i = 0; i < 4; i++) {
        seL4_CPtr h = handler_for(TEST_IRQ);
        CHECK(h != 0, "IRQControl_Get failed in round %d", i);
        TRY(expect_ok(seL4_IRQHandler_SetNotification(h, n), "SetNotification"));
        TRY(expect_ok(seL4_IRQHandler_Ack(h), "Ack"));
        TRY(expect_ok(seL4_IRQHandler_Clear(h), "Clear"));
        TRY(expect_ok(seL4_IRQHandler_SetNotification(h, n), "SetNotification again"));
        TRY(expect_ok(seL4_CNode_Delete(ROOT, h, ROOT_DEPTH), "deleting the handler"));
    }
    return expect_type(n, KEEL_CAP_NOTIFICATION, "the notification after its handlers went");
}

/* ---- IRQHandler invocations ---- */

static const char *irq_set_notification_errors(void)
{
    seL4_CPtr h = handler_for(TEST_IRQ), n = notification(0);
    seL4_CPtr ro = copy_cap(n, seL4_CanRead), ep = new_endpoint();

    CHECK(h != 0 && ro != 0 && ep != 0, "setting up failed");
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(h, IRQSetIRQHandler, 0, 0), seL4_TruncatedMessage,
                           "SetNotification without a capability"));
    TRY(EXPECT_ERROR(seL4_IRQHandler_SetNotification(h, ep), seL4_InvalidCapability, "SetNotification(endpoint)", 1));
    TRY(EXPECT_ERROR(seL4_IRQHandler_SetNotification(h, ro), seL4_InvalidCapability,
                     "SetNotification(read-only notification)", 1));
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(h, UntypedRetype, 0, 0), seL4_IllegalOperation, "an unknown IRQHandler label"));
    return expect_ok(seL4_IRQHandler_SetNotification(h, n), "SetNotification(notification)");
}

/* ---- real interrupts ---- */

static const char *irq_uart_signals(void)
{
    seL4_CPtr h, n = notification(TEST_BADGE);
    seL4_Word badge = 0;

    TRY(uart_irq_setup(&h, n));
    uart_raise();
    seL4_Wait(n, &badge);
    seL4_Uint8 id = uart_quiet();
    CHECK(badge == TEST_BADGE, "Wait after the UART interrupt gave badge %lx, want %x", badge, TEST_BADGE);
    CHECK(id == UART_TX_ID, "the UART reports interrupt id %x, not THRE", id);
    return NULL;
}

static const char *irq_masked_until_ack(void)
{
    seL4_CPtr h, n = notification(TEST_BADGE);
    seL4_Word badge = 0;

    TRY(uart_irq_setup(&h, n));
    uart_raise();
    seL4_Wait(n, &badge);
    CHECK(badge == TEST_BADGE, "first interrupt: badge %lx", badge);
    uart_quiet();
    uart_raise();                       /* the line is masked: nothing comes */
    badge = poll(n);
    uart_quiet();
    CHECK(badge == 0, "an interrupt was delivered before the Ack (badge %lx)", badge);
    TRY(expect_ok(seL4_IRQHandler_Ack(h), "Ack"));
    uart_raise();
    seL4_Wait(n, &badge);
    uart_quiet();
    CHECK(badge == TEST_BADGE, "second interrupt after the Ack: badge %lx", badge);
    return NULL;
}

static const char *irq_set_replaces(void)
{
    seL4_CPtr h, old = notification(0x1), n = notification(0x2);
    seL4_Word badge = 0;

    TRY(uart_irq_setup(&h, old));
    TRY(expect_ok(seL4_IRQHandler_SetNotification(h, n), "SetNotification of a second notification"));
    uart_raise();
    seL4_Wait(n, &badge);
    uart_quiet();
    CHECK(badge == 0x2, "the new notification got badge %lx", badge);
    CHECK(poll(old) == 0, "the replaced notification was signalled too");
    return NULL;
}

static const char *irq_clear_silences(void)
{
    seL4_CPtr h, n = notification(TEST_BADGE);

    TRY(uart_irq_setup(&h, n));
    TRY(expect_ok(seL4_IRQHandler_Clear(h), "Clear"));
    uart_raise();
    seL4_Word badge = poll(n);
    uart_quiet();
    CHECK(badge == 0, "an interrupt after Clear signalled %lx", badge);
    TRY(expect_ok(seL4_IRQHandler_Clear(h), "Clear with nothing set"));
    return NULL;
}

/* ---- per-architecture variants ---- */

#if TEST_X86
static const char *irq_ioport_errors(void)
{
    seL4_CPtr p = slot_alloc(), q = slot_alloc();

    TRY(EXPECT_ERROR(seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, 0x80, 0x7f, ROOT, p, ROOT_DEPTH),
                     seL4_InvalidArgument, "Issue with last < first", 1));
    TRY(expect_ok(seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, COM1, COM1 + 7, ROOT, p, ROOT_DEPTH),
                  "Issue of COM1"));
    TRY(EXPECT_PLAIN_ERROR(seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, COM1 + 7, COM1 + 9, ROOT, q,
                                                        ROOT_DEPTH),
                           seL4_RevokeFirst, "Issue of an overlapping range"));
    TRY(EXPECT_PLAIN_ERROR(seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, 0x2f8, 0x2ff, ROOT, p, ROOT_DEPTH),
                           seL4_DeleteFirst, "Issue into an occupied slot"));
    TRY(EXPECT_PLAIN_ERROR(seL4_X86_IOPort_In8(p, COM1 + 8).error, seL4_IllegalOperation, "In8 past the range"));
    TRY(EXPECT_PLAIN_ERROR(seL4_X86_IOPort_In16(p, COM1 + 7).error, seL4_IllegalOperation, "In16 across the end"));
    TRY(expect_ok(seL4_X86_IOPort_Out8(p, COM1 + 7, 0x5a), "Out8 to the scratch register"));
    seL4_X86_IOPort_In8_t r = seL4_X86_IOPort_In8(p, COM1 + 7);
    CHECK(r.error == seL4_NoError && r.result == 0x5a, "scratch register read back %x (error %d)", r.result, r.error);
    TRY(expect_ok(seL4_CNode_Delete(ROOT, p, ROOT_DEPTH), "deleting the I/O port capability"));
    return expect_ok(seL4_X86_IOPortControl_Issue(seL4_CapIOPortControl, COM1 + 7, COM1 + 9, ROOT, q, ROOT_DEPTH),
                     "Issue after the range was freed");
}

static const char *irq_get_ioapic(void)
{
    seL4_CPtr s = slot_alloc();

    TRY(EXPECT_ERROR(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, s, ROOT_DEPTH, 1, 4, 0, 0, 0),
                     seL4_RangeError, "GetIOAPIC of IOAPIC 1", 0, 0));
    TRY(EXPECT_ERROR(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, s, ROOT_DEPTH, 0, 24, 0, 0, 0),
                     seL4_RangeError, "GetIOAPIC of pin 24", 0, TEST_IRQ_MAX));
    TRY(EXPECT_ERROR(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, s, ROOT_DEPTH, 0, 4, 2, 0, 0),
                     seL4_InvalidArgument, "GetIOAPIC with level 2", 4));
    TRY(EXPECT_ERROR(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, s, ROOT_DEPTH, 0, 4, 0, 2, 0),
                     seL4_InvalidArgument, "GetIOAPIC with polarity 2", 5));
    TRY(EXPECT_ERROR(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, s, ROOT_DEPTH, 1, 4, 0, 0, 176),
                     seL4_RangeError, "GetIOAPIC with vector 176 (checked first)", 0, 175));
    TRY(EXPECT_PLAIN_ERROR(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, s, ROOT_DEPTH, 0, 4, 0, 0, 5),
                           seL4_RevokeFirst, "GetIOAPIC onto pin 5's vector"));
    TRY(expect_ok(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, s, ROOT_DEPTH, 0, 4, 0, 0, 0x30),
                  "GetIOAPIC of pin 4, edge, active high"));
    return EXPECT_PLAIN_ERROR(seL4_IRQControl_Get(seL4_CapIRQControl, 4, ROOT, slot_alloc(), ROOT_DEPTH),
                              seL4_RevokeFirst, "IRQControl_Get of the pin GetIOAPIC took");
}
/* The pin's interrupts arrive on the vector GetIOAPIC named and still
 * signal the pin's handler: the kernel really routed it there. */
static const char *irq_ioapic_vector_delivers(void)
{
    seL4_CPtr h = slot_alloc(), n = notification(TEST_BADGE);
    seL4_Word badge = 0;

    TRY(uart_open());
    uart_quiet();
    TRY(expect_ok(seL4_IRQControl_GetIOAPIC(seL4_CapIRQControl, ROOT, h, ROOT_DEPTH, 0, TEST_IRQ, 0, 0, 0x41),
                  "GetIOAPIC of COM1's pin on vector 0x41"));
    TRY(expect_ok(seL4_IRQHandler_SetNotification(h, n), "SetNotification"));
    TRY(expect_ok(seL4_IRQHandler_Ack(h), "Ack"));
    uart_raise();
    for (int i = 0; i < 100000 && badge == 0; i++) {
        seL4_Poll(n, &badge);
        seL4_Yield();
    }
    uart_quiet();
    TRY(expect_ok(seL4_CNode_Delete(ROOT, h, ROOT_DEPTH), "deleting the handler"));
    CHECK(badge == TEST_BADGE, "no interrupt through vector 0x41 (badge %lx)", badge);
    return NULL;
}
#else
static const char *irq_ioapic_vector_delivers(void)
{
    return test_skip("no IOAPIC on this architecture");
}

static const char *irq_ioport_errors(void)
{
    return test_skip("no I/O port space on this architecture");
}

static const char *irq_get_ioapic(void)
{
    seL4_SetCap(0, ROOT);
    /* x86_64 numbers GetIOAPIC 49: past this architecture's labels here. */
    return EXPECT_PLAIN_ERROR(keel_invoke(seL4_CapIRQControl, 49, 1, 7),
                              seL4_IllegalOperation, "x86_64's GetIOAPIC label on this architecture");
}
#endif

static const struct test tests[] = {
    { "IRQ0001 IRQControl_Get with a short message or no root is TruncatedMessage", irq_get_truncated },
    { "IRQ0002 IRQControl_Get of an IRQ the board lacks is RangeError 0..max", irq_get_range },
    { "IRQ0003 IRQControl_Get makes an IRQHandler capability", irq_get_makes_handler },
    { "IRQ0004 a second IRQControl_Get for an IRQ is RevokeFirst", irq_get_twice },
    { "IRQ0005 IRQControl_Get into an occupied slot is DeleteFirst", irq_get_occupied },
    { "IRQ0006 IRQControl_Get with a bad destination fails and issues nothing", irq_get_bad_dest },
    { "IRQ0007 deleting the last IRQHandler capability frees the IRQ", irq_delete_frees },
    { "IRQ0008 revoking IRQControl deletes every IRQHandler", irq_revoke_control },
    { "IRQ0009 get, set, ack, clear, delete and get again", irq_cycles },
    { "IRQ0010 SetNotification needs a notification with Write", irq_set_notification_errors },
    { "IRQ0011 a UART interrupt signals the notification's badge", irq_uart_signals },
    { "IRQ0012 the line stays masked until Ack, then interrupts again", irq_masked_until_ack },
    { "IRQ0013 SetNotification replaces the notification", irq_set_replaces },
    { "IRQ0014 after Clear an interrupt signals nothing", irq_clear_silences },
    { "IRQ0015 I/O port capabilities: ranges, overlaps, In/Out", irq_ioport_errors },
    { "IRQ0016 IRQControl_GetIOAPIC checks and issues (elsewhere: IllegalOperation)", irq_get_ioapic },
    { "IRQ0017 GetIOAPIC's vector carries the pin's interrupts", irq_ioapic_vector_delivers },
};

/* Under the demo the UART, its registers and its interrupt belong to the
 * demo's driver: this suite would fight it for them. */
static const char *irq_unavailable(void)
{
    return test_in_subsystem() ? "run by the demo: the UART and its IRQ belong to the demo's driver" : NULL;
}

TEST_SUITE_AFTER_EACH_IF(irq_suite, tests, caps_cleanup, irq_unavailable);
