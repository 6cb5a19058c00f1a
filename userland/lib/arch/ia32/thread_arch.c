/*
 * ia32 thread glue: TLS variant II through %gs, as the i386 ABI wants: the
 * GS base points just past the TLS block, at a word that points to itself.
 * Only the kernel can set the GS base (seL4_TCB_SetTLSBase, loaded into a
 * GDT descriptor on every return to user mode), so the initial thread asks
 * for it with a raw call that needs no IPC buffer (its one argument travels
 * in a register).
 */
#include <sel4/arch/syscalls.h>
#include <keel/thread.h>

seL4_Word keel_arch_tls_pointer(void *area, seL4_Word block_size)
{
    seL4_Word *self = (seL4_Word *)((char *)area + block_size);
    *self = (seL4_Word)self;
    return (seL4_Word)self;
}

void keel_arch_set_own_tls(seL4_Word tp)
{
    seL4_Word badge, info, mr0 = tp, mr1 = 0, mr2 = 0, mr3 = 0;
    seL4_MessageInfo_t tag = seL4_MessageInfo_new(TCBSetTLSBase, 0, 0, 1);
    keel_sys_send_recv(seL4_SysCall, seL4_CapInitThreadTCB, &badge, tag.words[0], &info, &mr0, &mr1, &mr2, &mr3);
}

/* cdecl passes arg0 on the stack, but the new thread's stack may lie in
 * another address space: keel_ia32_thread_start (crt0.S) pushes ebx
 * (arg0) and a null return address itself, then jumps to esi (pc), with
 * esp + 4 16-byte aligned at the function's entry as the i386 ABI wants. */
extern char keel_ia32_thread_start[];

void keel_arch_init_context(seL4_UserContext *uc, seL4_Word pc, seL4_Word sp, seL4_Word arg0, seL4_Word tp)
{
    uc->eip = (seL4_Word)keel_ia32_thread_start;
    uc->esi = pc;
    uc->esp = (sp & ~(seL4_Word)15) - 12;
    uc->ebx = arg0;
    uc->gs_base = tp;
}
