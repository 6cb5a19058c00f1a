/*
 * riscv64 thread glue: TLS variant I with no thread control block, so tp
 * points at the TLS block itself; user mode sets its own tp.
 */
#include <keel/thread.h>

seL4_Word keel_arch_tls_pointer(void *area, seL4_Word block_size)
{
    (void)block_size;
    return (seL4_Word)area;
}

void keel_arch_set_own_tls(seL4_Word tp)
{
    __asm__ volatile("mv tp, %0" : : "r"(tp) : "memory");
}

void keel_arch_init_context(seL4_UserContext *uc, seL4_Word pc, seL4_Word sp, seL4_Word arg0, seL4_Word tp)
{
    seL4_Word gp;
    __asm__("mv %0, gp" : "=r"(gp));
    uc->pc = pc;
    uc->sp = sp & ~(seL4_Word)15;
    uc->a0 = arg0;
    uc->tp = tp;
    uc->gp = gp;                /* small data is shared with the creating thread */
}
