/*
 * The UART driver process. riscv64: it owns the ns16550 of the virt
 * machine (its registers mapped at UART_VA by the root task) and polls the
 * line-status register for input, yielding between polls (no interrupts
 * for user-level drivers yet). x86_64: no I/O-port capabilities yet, so
 * output goes through seL4_DebugPutChar and getc answers DRV_NO_INPUT.
 *
 * It serves its endpoint: putc and write are answered at once; a getc with
 * no character waiting has its reply capability saved (SaveCaller) and is
 * answered when one arrives, while other clients keep being served.
 */
#include "demo.h"

#if defined(__riscv)
#define UART_HAS_INPUT 1
#define REG(off) (*(volatile unsigned char *)(UART_VA + (off)))
#define THR 0
#define RBR 0
#define LSR 5
#define LSR_DR 0x01             /* a received byte is waiting */
#define LSR_THRE 0x20           /* the transmit holding register is empty */

static void hw_putc(char c)
{
    while ((REG(LSR) & LSR_THRE) == 0) {
    }
    REG(THR) = (unsigned char)c;
}

static int hw_getc(void)
{
    return (REG(LSR) & LSR_DR) ? REG(RBR) : -1;
}
#else
#define UART_HAS_INPUT 0
static void hw_putc(char c)
{
    seL4_DebugPutChar(c);
}

static int hw_getc(void)
{
    return -1;
}
#endif

static void out(char c)
{
    if (c == '\n') {
        hw_putc('\r');
    }
    hw_putc(c);
}

/* Answer one request; returns 1 if the caller's reply was saved for later. */
static int serve(seL4_MessageInfo_t tag, int *pending)
{
    seL4_Word label = seL4_MessageInfo_get_label(tag);

    if (label == DRV_PUTC) {
        out((char)seL4_GetMR(0));
    } else if (label == DRV_WRITE) {
        seL4_Word len = seL4_GetMR(0), words[DRV_WRITE_MAX / sizeof(seL4_Word)];
        char *bytes = (char *)words;
        if (len > DRV_WRITE_MAX) {
            len = DRV_WRITE_MAX;
        }
        for (seL4_Word i = 0; i < (len + 7) / 8; i++) {
            words[i] = seL4_GetMR(1 + i);
        }
        for (seL4_Word i = 0; i < len; i++) {
            out(bytes[i]);
        }
    } else if (label == DRV_GETC) {
        int c = hw_getc();
        if (c < 0 && UART_HAS_INPUT && !*pending) {
            seL4_CNode_SaveCaller(SLOT_CNODE, SLOT_REPLY, seL4_WordBits);
            *pending = 1;
            return 1;
        }
        seL4_SetMR(0, c < 0 ? DRV_NO_INPUT : (seL4_Word)c);
        seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 1));
        return 0;
    }
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    return 0;
}

void uart_main(void)
{
    int pending = 0;

    for (;;) {
        seL4_Word badge = 0;
        if (pending) {
            int c = hw_getc();
            if (c >= 0) {
                seL4_SetMR(0, (seL4_Word)c);
                seL4_Send(SLOT_REPLY, seL4_MessageInfo_new(0, 0, 0, 1));
                pending = 0;
            }
        }
        seL4_MessageInfo_t tag = pending ? seL4_NBRecv(SLOT_DRIVER, &badge) : seL4_Recv(SLOT_DRIVER, &badge);
        if (badge == 0) {
            seL4_Yield();       /* nothing asked: let the others run, then poll again */
            continue;
        }
        serve(tag, &pending);
    }
}
