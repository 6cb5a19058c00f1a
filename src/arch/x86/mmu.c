/*
 * The address-space HAL calls that are the same in both x86 paging modes:
 * CR3 switches and TLB flushes. (Each port builds its own kernel tables:
 * src/arch/<port>/vspace.c.)
 */
#include "x86.h"

paddr_t x86_active_root;        /* what CR3 holds; x86_64's fastpath.S switches it too */

/* No PCID: the asid is ignored and a switch flushes the non-global TLB
 * entries (the kernel's are global and survive). */
void arch_vspace_activate(paddr_t root, word_t asid)
{
    (void)asid;
    if (root == x86_active_root)
        return;
    x86_active_root = root;
    x86_write_cr3((word_t)root);
}

/* invlpg drops the entry for va in the current address space only; without
 * PCID no other address space can hold a cached translation of it anyway
 * except through global entries, which only the kernel uses. */
void arch_tlb_flush_page(vaddr_t va, word_t asid)
{
    (void)asid;
    __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory");
}

void arch_tlb_flush_all(void)
{
    x86_write_cr3(x86_read_cr3());
}
