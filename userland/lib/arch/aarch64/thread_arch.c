/*
 * aarch64 thread glue: TLS variant I, whose thread pointer (TPIDR_EL0)
 * points at a 16-byte thread control block that the TLS block follows; Keel
 * keeps no TCB there, so the pointer is 16 bytes below the block. User mode
 * writes TPIDR_EL0 itself.
 */
#include <keel/thread.h>

#define TLS_TCB_SIZE 16

seL4_Word keel_arch_tls_pointer(void *area, seL4_Word block_size)
{
    (void)block_size;
    return (seL4_Word)area - TLS_TCB_SIZE;
}

void keel_arch_set_own_tls(seL4_Word tp)
{
    __asm__ volatile("msr tpidr_el0, %0" : : "r"(tp) : "memory");
}

void keel_arch_init_context(seL4_UserContext *uc, seL4_Word pc, seL4_Word sp, seL4_Word arg0, seL4_Word tp)
{
    uc->pc = pc;
    uc->sp = sp & ~(seL4_Word)15;
    uc->x0 = arg0;
    uc->tpidr_el0 = tp;
}
