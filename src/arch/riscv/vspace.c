/*
 * riscv64 address spaces (Sv39). The kernel lives in the upper half of every
 * address space: root entries 256..511, which boot.S fills with 1 GiB global
 * leaves for the kernel window. A new root copies those entries, so every
 * address space shares the kernel mappings and user space (the lower half)
 * sees none of them: the PTEs lack the U bit, and the lower half holds nothing
 * of the kernel once boot has dropped its identity mapping.
 */
#include "riscv.h"

#define ROOT_ENTRIES    512u
#define ROOT_KERNEL     256u            /* first upper-half root entry */

void arch_vspace_init_root(pte_t *root)
{
    for (unsigned i = ROOT_KERNEL; i < ROOT_ENTRIES; i++)
        root[i] = riscv_boot_root[i];
}

/* Entries tagged with this ASID may be left over from an earlier address
 * space that used it, so they go; the global kernel entries stay. */
void arch_vspace_activate(paddr_t root, word_t asid)
{
    word_t satp = (word_t)RISCV_SATP_MODE_SV39 << RISCV_SATP_MODE_SHIFT |
                  (asid & 0xffff) << RISCV_SATP_ASID_SHIFT | (root >> PAGE_BITS);
    csr_write(satp, satp);
    __asm__ volatile("sfence.vma zero, %0" :: "r"(asid) : "memory");
}

void arch_tlb_flush_page(vaddr_t va, word_t asid)
{
    __asm__ volatile("sfence.vma %0, %1" :: "r"(va), "r"(asid) : "memory");
}

void arch_tlb_flush_all(void)
{
    __asm__ volatile("sfence.vma" ::: "memory");
}
