/*
 * TCB invocations with libsel4's (non-MCS) names and parameter lists, built
 * on the same recipe as sel4/invocations.h: arguments in message registers
 * in seL4's order, capability arguments as extra caps, the reply label as
 * the result.
 */
#pragma once

#include <sel4/invocations.h>

/* Read/WriteRegisters flags word: bit 0 suspend/resume, arch flags in 8..15. */
static inline seL4_Word keel_regs_flags(seL4_Bool first, seL4_Uint8 arch_flags)
{
    return (seL4_Word)(first & 1) | ((seL4_Word)arch_flags << 8);
}

static inline seL4_Error seL4_TCB_ReadRegisters(seL4_TCB _service, seL4_Bool suspend_source, seL4_Uint8 arch_flags,
                                                seL4_Word count, seL4_UserContext *regs)
{
    seL4_SetMR(0, keel_regs_flags(suspend_source, arch_flags));
    seL4_SetMR(1, count);
    seL4_Error err = keel_invoke(_service, TCBReadRegisters, 0, 2);
    seL4_Word *out = (seL4_Word *)regs;
    for (seL4_Word i = 0; err == seL4_NoError && i < count && i < sizeof(*regs) / sizeof(seL4_Word); i++)
        out[i] = seL4_GetMR((int)i);
    return err;
}

static inline seL4_Error seL4_TCB_WriteRegisters(seL4_TCB _service, seL4_Bool resume_target, seL4_Uint8 arch_flags,
                                                 seL4_Word count, seL4_UserContext *regs)
{
    const seL4_Word *in = (const seL4_Word *)regs;
    seL4_Word n = count < sizeof(*regs) / sizeof(seL4_Word) ? count : sizeof(*regs) / sizeof(seL4_Word);
    seL4_SetMR(0, keel_regs_flags(resume_target, arch_flags));
    seL4_SetMR(1, count);
    for (seL4_Word i = 0; i < n; i++)
        seL4_SetMR((int)(i + 2), in[i]);
    return keel_invoke(_service, TCBWriteRegisters, 0, n + 2);
}

static inline seL4_Error seL4_TCB_CopyRegisters(seL4_TCB _service, seL4_TCB source, seL4_Bool suspend_source,
                                                seL4_Bool resume_target, seL4_Bool transfer_frame,
                                                seL4_Bool transfer_integer, seL4_Uint8 arch_flags)
{
    seL4_SetCap(0, source);
    seL4_SetMR(0, (seL4_Word)(suspend_source & 1) | ((seL4_Word)(resume_target & 1) << 1) |
                  ((seL4_Word)(transfer_frame & 1) << 2) | ((seL4_Word)(transfer_integer & 1) << 3) |
                  ((seL4_Word)arch_flags << 8));
    return keel_invoke(_service, TCBCopyRegisters, 1, 1);
}

static inline seL4_Error seL4_TCB_Configure(seL4_TCB _service, seL4_Word fault_ep, seL4_CNode cspace_root,
                                            seL4_Word cspace_root_data, seL4_CPtr vspace_root,
                                            seL4_Word vspace_root_data, seL4_Word buffer, seL4_CPtr bufferFrame)
{
    seL4_SetCap(0, cspace_root);
    seL4_SetCap(1, vspace_root);
    seL4_SetCap(2, bufferFrame);
    seL4_SetMR(0, fault_ep);
    seL4_SetMR(1, cspace_root_data);
    seL4_SetMR(2, vspace_root_data);
    seL4_SetMR(3, buffer);
    return keel_invoke(_service, TCBConfigure, 3, 4);
}

static inline seL4_Error seL4_TCB_SetPriority(seL4_TCB _service, seL4_TCB authority, seL4_Word priority)
{
    seL4_SetCap(0, authority);
    seL4_SetMR(0, priority);
    return keel_invoke(_service, TCBSetPriority, 1, 1);
}

static inline seL4_Error seL4_TCB_SetMCPriority(seL4_TCB _service, seL4_TCB authority, seL4_Word mcp)
{
    seL4_SetCap(0, authority);
    seL4_SetMR(0, mcp);
    return keel_invoke(_service, TCBSetMCPriority, 1, 1);
}

static inline seL4_Error seL4_TCB_SetSchedParams(seL4_TCB _service, seL4_TCB authority, seL4_Word mcp,
                                                 seL4_Word priority)
{
    seL4_SetCap(0, authority);
    seL4_SetMR(0, mcp);
    seL4_SetMR(1, priority);
    return keel_invoke(_service, TCBSetSchedParams, 1, 2);
}

static inline seL4_Error seL4_TCB_SetIPCBuffer(seL4_TCB _service, seL4_Word buffer, seL4_CPtr bufferFrame)
{
    seL4_SetCap(0, bufferFrame);
    seL4_SetMR(0, buffer);
    return keel_invoke(_service, TCBSetIPCBuffer, 1, 1);
}

static inline seL4_Error seL4_TCB_SetSpace(seL4_TCB _service, seL4_Word fault_ep, seL4_CNode cspace_root,
                                           seL4_Word cspace_root_data, seL4_CPtr vspace_root,
                                           seL4_Word vspace_root_data)
{
    seL4_SetCap(0, cspace_root);
    seL4_SetCap(1, vspace_root);
    seL4_SetMR(0, fault_ep);
    seL4_SetMR(1, cspace_root_data);
    seL4_SetMR(2, vspace_root_data);
    return keel_invoke(_service, TCBSetSpace, 2, 3);
}

static inline seL4_Error seL4_TCB_Suspend(seL4_TCB _service)
{
    return keel_invoke(_service, TCBSuspend, 0, 0);
}

static inline seL4_Error seL4_TCB_Resume(seL4_TCB _service)
{
    return keel_invoke(_service, TCBResume, 0, 0);
}

static inline seL4_Error seL4_TCB_BindNotification(seL4_TCB _service, seL4_CPtr notification)
{
    seL4_SetCap(0, notification);
    return keel_invoke(_service, TCBBindNotification, 1, 0);
}

static inline seL4_Error seL4_TCB_UnbindNotification(seL4_TCB _service)
{
    return keel_invoke(_service, TCBUnbindNotification, 0, 0);
}

static inline seL4_Error seL4_TCB_SetTLSBase(seL4_TCB _service, seL4_Word tls_base)
{
    seL4_SetMR(0, tls_base);
    return keel_invoke(_service, TCBSetTLSBase, 0, 1);
}

/* Clear, then set, flags of the thread (seL4_TCBFlag: fpuDisabled); the
 * result holds the thread's flags afterwards. */
typedef struct seL4_TCB_SetFlags {
    int error;
    seL4_Word flags;
} seL4_TCB_SetFlags_t;

static inline seL4_TCB_SetFlags_t seL4_TCB_SetFlags(seL4_TCB _service, seL4_Word clear, seL4_Word set)
{
    seL4_TCB_SetFlags_t result;
    seL4_SetMR(0, clear);
    seL4_SetMR(1, set);
    result.error = (int)keel_invoke(_service, TCBSetFlags, 0, 2);
    result.flags = result.error == seL4_NoError ? seL4_GetMR(0) : 0;
    return result;
}

/* ---- Domains ---- */

/* Put `thread` in scheduling domain `domain` (seL4_CapDomain is the
 * authority). Keel, like seL4 configured without domains, has domain 0
 * only: any other is InvalidArgument 0; a non-TCB is InvalidArgument 1. */
static inline seL4_Error seL4_DomainSet_Set(seL4_DomainSet _service, seL4_Uint8 domain, seL4_TCB thread)
{
    seL4_SetCap(0, thread);
    seL4_SetMR(0, domain & 0xfful);
    return keel_invoke(_service, DomainSetSet, 1, 1);
}
