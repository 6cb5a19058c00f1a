/*
 * x86_64 thread glue: TLS variant II: the FS base points just past the TLS
 * block, at a word that points to itself; only the kernel can set the FS
 * base (seL4_TCB_SetTLSBase), so the initial thread asks for it with a raw
 * call that needs no IPC buffer (its one argument travels in a register).
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

void keel_arch_init_context(seL4_UserContext *uc, seL4_Word pc, seL4_Word sp, seL4_Word arg0, seL4_Word tp)
{
    uc->rip = pc;
    uc->rsp = (sp & ~(seL4_Word)15) - 8;    /* as if a call had pushed a return address */
    uc->rdi = arg0;
    uc->fs_base = tp;
}
