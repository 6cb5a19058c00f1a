/*
 * 8254 PIT channel 2 as a one-shot stopwatch. Channel 2's gate and output are
 * wired to bits 0 and 5 of port 0x61 (the old PC speaker control), so the CPU
 * can start a countdown and poll for its end without interrupts. The speaker
 * itself (bit 1) stays off.
 */
#include <drivers/x86/pit.h>
#include <drivers/x86/io.h>

enum {
    PIT_CH2 = 0x42,
    PIT_MODE = 0x43,
    PORT_SPEAKER = 0x61,
};
#define PIT_CH2_LOHI_MODE0  0xb0    /* channel 2, lo/hi byte, mode 0 (count down once) */
#define SPK_GATE2           0x01
#define SPK_DATA            0x02
#define SPK_OUT2            0x20

void pit_busy_wait_us(unsigned us)
{
    uint32_t count = (uint32_t)(((uint64_t)PIT_HZ * us) / 1000000u);
    if (count > 0xffff)
        count = 0xffff;
    if (count == 0)
        count = 1;

    uint8_t spk = inb(PORT_SPEAKER);
    outb(PORT_SPEAKER, (uint8_t)((spk & ~SPK_DATA) & ~SPK_GATE2));  /* gate low: hold */
    outb(PIT_MODE, PIT_CH2_LOHI_MODE0);
    outb(PIT_CH2, (uint8_t)count);
    outb(PIT_CH2, (uint8_t)(count >> 8));
    outb(PORT_SPEAKER, (uint8_t)((spk & ~SPK_DATA) | SPK_GATE2));   /* gate high: go */
    while (!(inb(PORT_SPEAKER) & SPK_OUT2))
        ;                                       /* OUT2 rises at terminal count */
    outb(PORT_SPEAKER, (uint8_t)(spk & ~SPK_DATA & ~SPK_GATE2));
}
