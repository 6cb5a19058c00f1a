/*
 * x86 device invocations with libsel4's names (included by
 * sel4/irq_invocations.h): I/O port capabilities and the IOAPIC variant of
 * IRQControl_Get.
 */
#pragma once

#include <sel4/invocations.h>

typedef seL4_CPtr seL4_X86_IOPortControl;
typedef seL4_CPtr seL4_X86_IOPort;

/* An IRQHandler for IOAPIC `pin` (Keel's IRQ number = the pin); level (1:
 * level-triggered) and polarity (1: active low) program the pin. Keel picks
 * the vector itself (0x20 + pin): `vector` is not used. */
static inline seL4_Error seL4_IRQControl_GetIOAPIC(seL4_IRQControl _service, seL4_CNode root, seL4_Word index,
                                                   seL4_Uint8 depth, seL4_Word ioapic, seL4_Word pin,
                                                   seL4_Word level, seL4_Word polarity, seL4_Word vector)
{
    seL4_SetCap(0, root);
    seL4_SetMR(0, index);
    seL4_SetMR(1, depth & 0xfful);
    seL4_SetMR(2, ioapic);
    seL4_SetMR(3, pin);
    seL4_SetMR(4, level);
    seL4_SetMR(5, polarity);
    seL4_SetMR(6, vector);
    return keel_invoke(_service, X86IRQIssueIRQHandlerIOAPIC, 1, 7);
}

/* An I/O port capability for ports first..last (none of them issued yet). */
static inline seL4_Error seL4_X86_IOPortControl_Issue(seL4_X86_IOPortControl _service, seL4_Word first_port,
                                                      seL4_Word last_port, seL4_CNode root, seL4_Word index,
                                                      seL4_Uint8 depth)
{
    seL4_SetCap(0, root);
    seL4_SetMR(0, first_port);
    seL4_SetMR(1, last_port);
    seL4_SetMR(2, index);
    seL4_SetMR(3, depth & 0xfful);
    return keel_invoke(_service, X86IOPortControlIssue, 1, 4);
}

typedef struct seL4_X86_IOPort_In8 {
    int error;
    seL4_Uint8 result;
} seL4_X86_IOPort_In8_t;

typedef struct seL4_X86_IOPort_In16 {
    int error;
    seL4_Uint16 result;
} seL4_X86_IOPort_In16_t;

typedef struct seL4_X86_IOPort_In32 {
    int error;
    seL4_Uint32 result;
} seL4_X86_IOPort_In32_t;

/* In: the value read comes back in MR0. */
static inline seL4_Word keel_ioport_in(seL4_X86_IOPort service, seL4_Word label, seL4_Word port, int *error)
{
    seL4_SetMR(0, port);
    *error = keel_invoke(service, label, 0, 1);
    return *error == seL4_NoError ? seL4_GetMR(0) : 0;
}

static inline seL4_X86_IOPort_In8_t seL4_X86_IOPort_In8(seL4_X86_IOPort _service, seL4_Uint16 port)
{
    seL4_X86_IOPort_In8_t r;
    r.result = (seL4_Uint8)keel_ioport_in(_service, X86IOPortIn8, port, &r.error);
    return r;
}

static inline seL4_X86_IOPort_In16_t seL4_X86_IOPort_In16(seL4_X86_IOPort _service, seL4_Uint16 port)
{
    seL4_X86_IOPort_In16_t r;
    r.result = (seL4_Uint16)keel_ioport_in(_service, X86IOPortIn16, port, &r.error);
    return r;
}

static inline seL4_X86_IOPort_In32_t seL4_X86_IOPort_In32(seL4_X86_IOPort _service, seL4_Uint16 port)
{
    seL4_X86_IOPort_In32_t r;
    r.result = (seL4_Uint32)keel_ioport_in(_service, X86IOPortIn32, port, &r.error);
    return r;
}

static inline seL4_Error keel_ioport_out(seL4_X86_IOPort service, seL4_Word label, seL4_Word port, seL4_Word data)
{
    seL4_SetMR(0, port);
    seL4_SetMR(1, data);
    return keel_invoke(service, label, 0, 2);
}

static inline seL4_Error seL4_X86_IOPort_Out8(seL4_X86_IOPort _service, seL4_Word port, seL4_Word data)
{
    return keel_ioport_out(_service, X86IOPortOut8, port, data);
}

static inline seL4_Error seL4_X86_IOPort_Out16(seL4_X86_IOPort _service, seL4_Word port, seL4_Word data)
{
    return keel_ioport_out(_service, X86IOPortOut16, port, data);
}

static inline seL4_Error seL4_X86_IOPort_Out32(seL4_X86_IOPort _service, seL4_Word port, seL4_Word data)
{
    return keel_ioport_out(_service, X86IOPortOut32, port, data);
}
