/*
 * Remap and mask the legacy 8259 PICs. After reset they deliver IRQ 0..7 on
 * vectors 8..15, which collide with CPU exceptions; even masked, a PIC can
 * raise a spurious IRQ 7/15, so they are reprogrammed to harmless vectors
 * before every line is masked.
 */
#include <drivers/x86/pic8259.h>
#include <drivers/x86/io.h>

enum {
    PIC1_CMD = 0x20, PIC1_DATA = 0x21,
    PIC2_CMD = 0xa0, PIC2_DATA = 0xa1,
};
#define ICW1_INIT_ICW4  0x11    /* edge triggered, cascade, ICW4 follows */
#define ICW4_8086       0x01

void pic8259_remap_and_mask(uint8_t vector_base)
{
    outb(PIC1_CMD, ICW1_INIT_ICW4);
    io_wait();
    outb(PIC2_CMD, ICW1_INIT_ICW4);
    io_wait();
    outb(PIC1_DATA, vector_base);               /* ICW2: vector offsets */
    io_wait();
    outb(PIC2_DATA, (uint8_t)(vector_base + 8));
    io_wait();
    outb(PIC1_DATA, 1u << 2);                   /* ICW3: slave on IRQ 2 */
    io_wait();
    outb(PIC2_DATA, 2);                         /* ICW3: slave identity */
    io_wait();
    outb(PIC1_DATA, ICW4_8086);
    io_wait();
    outb(PIC2_DATA, ICW4_8086);
    io_wait();
    outb(PIC1_DATA, 0xff);                      /* OCW1: mask everything */
    outb(PIC2_DATA, 0xff);
}
