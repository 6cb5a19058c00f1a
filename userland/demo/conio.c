/*
 * A process's console: requests to the driver's endpoint (SLOT_DRIVER of
 * its CSpace), and the name packing of the root's protocol.
 */
#include "demo.h"

void name_pack(const char *s, seL4_Word *w)
{
    char buf[2 * sizeof(seL4_Word)] = {0};

    for (int i = 0; i < NAME_MAX_LEN && s[i] != '\0'; i++) {
        buf[i] = s[i];
    }
    memcpy(w, buf, sizeof(buf));
}

void name_unpack(const seL4_Word *w, char *s)
{
    memcpy(s, w, 2 * sizeof(seL4_Word));
    s[NAME_MAX_LEN] = '\0';
}

void con_putc(char c)
{
    seL4_SetMR(0, (unsigned char)c);
    seL4_Call(SLOT_DRIVER, seL4_MessageInfo_new(DRV_PUTC, 0, 0, 1));
}

void con_write(const char *s, seL4_Word n)
{
    while (n > 0) {
        seL4_Word len = n < DRV_WRITE_MAX ? n : DRV_WRITE_MAX;
        seL4_Word words[DRV_WRITE_MAX / sizeof(seL4_Word)] = {0};
        seL4_Word nw = (len + sizeof(seL4_Word) - 1) / sizeof(seL4_Word);

        memcpy(words, s, len);
        seL4_SetMR(0, len);
        for (seL4_Word i = 0; i < nw; i++) {
            seL4_SetMR(1 + i, words[i]);
        }
        seL4_Call(SLOT_DRIVER, seL4_MessageInfo_new(DRV_WRITE, 0, 0, 1 + nw));
        s += len;
        n -= len;
    }
}

int con_printf(const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n > (int)sizeof(buf) - 1) {
        n = sizeof(buf) - 1;
    }
    if (n > 0) {
        con_write(buf, (seL4_Word)n);
    }
    return n;
}

seL4_Word con_getc(void)
{
    seL4_Call(SLOT_DRIVER, seL4_MessageInfo_new(DRV_GETC, 0, 0, 0));
    return seL4_GetMR(0);
}
