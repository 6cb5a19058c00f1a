/*
 * The UART driver process: it owns the UART (riscv64: the ns16550 of the
 * virt machine, its registers mapped at UART_VA by the root task; aarch64:
 * the virt machine's PL011, mapped the same way; x86_64: the 16550 COM1
 * through the I/O port capability in SLOT_IOPORT) and its receive
 * interrupt (the IRQHandler in SLOT_IRQ). The interrupt signals a
 * notification bound to this thread, so one seL4_Recv on the endpoint
 * waits for both clients and the UART; the badge IRQ_BADGE tells which.
 *
 * putc and write are answered at once; a getc with no character buffered
 * has its reply capability saved (SaveCaller) and is answered when the
 * interrupt brings one, while other clients keep being served.
 */
#include "demo.h"

#define THR 0
#define RBR 0
#define IER 1
#define MCR 4
#define LSR 5
#define IER_RDI 0x01            /* interrupt when received data is available */
#define MCR_OUT2 0x08           /* PCs gate the UART's IRQ line with OUT2 */
#define MCR_DTR_RTS 0x03
#define LSR_DR 0x01             /* a received byte is waiting */
#define LSR_THRE 0x20           /* the transmit holding register is empty */
#define RX_SIZE 64              /* typed-ahead bytes kept while no getc waits */

#if defined(__aarch64__)
/* PL011: data register, flags (FIFO full / empty), interrupt mask. */
#define PL011_DR 0x00
#define PL011_FR 0x18
#define PL011_IMSC 0x38
#define FR_RXFE 0x10            /* receive FIFO empty */
#define FR_TXFF 0x20            /* transmit FIFO full */
#define IM_RX 0x10              /* receive interrupt */
#define IM_RT 0x40              /* receive timeout: a byte waits below the FIFO level */

static unsigned reg_in(unsigned reg)
{
    return *(volatile seL4_Uint32 *)(UART_VA + reg);
}

static void reg_out(unsigned reg, unsigned v)
{
    *(volatile seL4_Uint32 *)(UART_VA + reg) = v;
}

static int tx_ready(void) { return (reg_in(PL011_FR) & FR_TXFF) == 0; }
static void tx(unsigned char c) { reg_out(PL011_DR, c); }
static int rx_ready(void) { return (reg_in(PL011_FR) & FR_RXFE) == 0; }
static unsigned char rx_byte(void) { return (unsigned char)reg_in(PL011_DR); }
static void rx_interrupt_on(void) { reg_out(PL011_IMSC, IM_RX | IM_RT); }
#elif defined(__riscv)
static unsigned char reg_in(unsigned reg)
{
    return *(volatile unsigned char *)(UART_VA + reg);
}

static void reg_out(unsigned reg, unsigned char v)
{
    *(volatile unsigned char *)(UART_VA + reg) = v;
}
#else
#define COM1 0x3f8

static unsigned char reg_in(unsigned reg)
{
    return seL4_X86_IOPort_In8(SLOT_IOPORT, (seL4_Uint16)(COM1 + reg)).result;
}

static void reg_out(unsigned reg, unsigned char v)
{
    seL4_X86_IOPort_Out8(SLOT_IOPORT, COM1 + reg, v);
}
#endif

#if !defined(__aarch64__)
static int tx_ready(void) { return (reg_in(LSR) & LSR_THRE) != 0; }
static void tx(unsigned char c) { reg_out(THR, c); }
static int rx_ready(void) { return (reg_in(LSR) & LSR_DR) != 0; }
static unsigned char rx_byte(void) { return reg_in(RBR); }

static void rx_interrupt_on(void)
{
    reg_out(MCR, MCR_DTR_RTS | MCR_OUT2);
    reg_out(IER, IER_RDI);
}
#endif

static unsigned char rx[RX_SIZE];
static unsigned rx_head, rx_tail;       /* free-running; rx_tail - rx_head bytes buffered */

static void out(char c)
{
    if (c == '\n') {
        out('\r');
    }
    while (!tx_ready()) {
    }
    tx((unsigned char)c);
}

/* Move every received byte into rx: the receive interrupt stays raised
 * while one is left (and on an edge-triggered pin no new edge would come).
 * Bytes past a full buffer are dropped. */
static void drain(void)
{
    while (rx_ready()) {
        unsigned char c = rx_byte();
        if (rx_tail - rx_head < RX_SIZE) {
            rx[rx_tail++ % RX_SIZE] = c;
        }
    }
}

static int rx_get(void)
{
    return rx_head == rx_tail ? -1 : rx[rx_head++ % RX_SIZE];
}

/* An interrupt: take the bytes, unmask the line, then take any byte that
 * came before the Ack (its edge may have been lost while masked). */
static void on_irq(void)
{
    drain();
    seL4_IRQHandler_Ack(SLOT_IRQ);
    drain();
}

/* One serial line shared by several writers, each output on lines of its
 * own: the unfinished line on the screen (the shell's prompt and what the
 * user has typed so far) belongs to one client. When another client
 * writes, that line is parked (a newline ends it on the screen) and, once
 * the other client has finished its own line, printed again, so the user
 * goes on typing after the prompt. */
#define LINE_KEEP 128

struct screen_line {
    seL4_Word owner;            /* the client's badge */
    unsigned n;                 /* bytes on the line so far (0: at its start) */
    char text[LINE_KEEP];
};

static struct screen_line current, parked;

static void line_out(seL4_Word who, char c)
{
    out(c);
    if (c == '\n') {
        current.n = 0;
        return;
    }
    current.owner = who;
    if (current.n < LINE_KEEP) {
        current.text[current.n] = c;
    }
    current.n++;
}

static void console_write(seL4_Word who, const char *s, seL4_Word len)
{
    if (len == 0) {
        return;
    }
    if (current.n > 0 && current.owner != who) {
        out('\n');
        parked = current;
        current.n = 0;
    }
    for (seL4_Word i = 0; i < len; i++) {
        line_out(who, s[i]);
    }
    if (current.n == 0 && parked.n > 0) {
        for (unsigned i = 0; i < parked.n && i < LINE_KEEP; i++) {
            line_out(parked.owner, parked.text[i]);
        }
        parked.n = 0;
    }
}

static void serve_write(seL4_Word who)
{
    seL4_Word len = seL4_GetMR(0), words[DRV_WRITE_MAX / sizeof(seL4_Word)];

    if (len > DRV_WRITE_MAX) {
        len = DRV_WRITE_MAX;
    }
    for (seL4_Word i = 0; i < (len + sizeof(seL4_Word) - 1) / sizeof(seL4_Word); i++) {
        words[i] = seL4_GetMR(1 + i);   /* before out(): port I/O reuses the MRs */
    }
    console_write(who, (const char *)words, len);
}

/* A getc: answered now if a byte is buffered; otherwise the reply is saved
 * for the interrupt. Only one getc can wait: a second gets DRV_NO_INPUT. */
static void serve_getc(int *pending)
{
    int c = rx_get();

    if (c < 0 && !*pending) {
        seL4_CNode_SaveCaller(SLOT_CNODE, SLOT_REPLY, seL4_WordBits);
        *pending = 1;
        return;
    }
    seL4_SetMR(0, c < 0 ? DRV_NO_INPUT : (seL4_Word)c);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
}

static void serve(seL4_MessageInfo_t tag, seL4_Word who, int *pending)
{
    seL4_Word label = seL4_MessageInfo_get_label(tag);

    if (label == DRV_GETC) {
        serve_getc(pending);
        return;
    }
    if (label == DRV_PUTC) {
        char c = (char)seL4_GetMR(0);
        console_write(who, &c, 1);
    } else if (label == DRV_WRITE) {
        serve_write(who);
    }
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
}

/* Answer the waiting getc, if any, with a buffered byte. */
static void answer_pending(int *pending)
{
    int c = *pending ? rx_get() : -1;

    if (c >= 0) {
        seL4_SetMR(0, (seL4_Word)c);
        seL4_Send(SLOT_REPLY, seL4_MessageInfo_new(0, 0, 0, 1));
        *pending = 0;
    }
}

void uart_main(void)
{
    int pending = 0;

    rx_interrupt_on();
    on_irq();           /* bytes typed before now; and the line starts masked until the first Ack */
    for (;;) {
        seL4_Word badge = 0;
        seL4_MessageInfo_t tag = seL4_Recv(SLOT_DRIVER, &badge);
        if (badge & IRQ_BADGE) {
            on_irq();
        } else {
            serve(tag, badge, &pending);
        }
        answer_pending(&pending);
    }
}
