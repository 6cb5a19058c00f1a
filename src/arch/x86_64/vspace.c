/*
 * The kernel's own page tables and the address-space HAL.
 *
 * The kernel PML4 holds only upper-half mappings, which every user PML4
 * shares by copying slots 256..511 (the PDPTs below them are shared, so they
 * must be complete before the first user PML4 is made: all done at boot):
 *  - slot 256: the kernel window, physical 0.. at KERNEL_WINDOW_BASE with
 *    2 MiB pages (no 1 GiB pages: QEMU's default CPU lacks them), global, NX.
 *    The first 4 GiB are always mapped (the multiboot2 info, modules and the
 *    LAPIC live there); RAM above is added once the memory map is known.
 *    The PCI hole is mapped write-back like RAM; on real hardware the MTRRs
 *    make it uncached, and the APIC pages are marked PCD|PWT explicitly.
 *  - slot 511: the kernel image at KERNEL_IMAGE_BASE (2 MiB pages, executable).
 */
#include <core/printk.h>
#include "x86_64.h"

#define LARGE_BITS      21
#define LARGE_SIZE      (1ul << LARGE_BITS)
#define GIB             (1ul << 30)
#define WINDOW_GIBS     (KERNEL_WINDOW_SIZE / GIB)
#define BOOT_WINDOW_END (4ul * GIB)
#define PML4_WINDOW     256
#define PML4_IMAGE      511
#define PDPT_IMAGE      510     /* 0xffffffff80000000 is slot 510 of the last PDPT */

typedef pte_t x86_table_t[512] __attribute__((aligned(PAGE_SIZE)));

static x86_table_t kernel_pml4;
static x86_table_t window_pdpt;
static x86_table_t window_pd[WINDOW_GIBS];
static x86_table_t image_pdpt;
static x86_table_t image_pd;
static paddr_t window_end;      /* physical end of the mapped window */

/* Map [window_end, end) into the window, 2 MiB at a time. */
static void window_extend(paddr_t end)
{
    for (; window_end < end; window_end += LARGE_SIZE) {
        word_t gib = window_end / GIB, slot = (window_end % GIB) >> LARGE_BITS;
        window_pd[gib][slot] = pte_page(window_end, 2, VM_READ | VM_WRITE | VM_GLOBAL);
    }
}

static void image_map(void)
{
    paddr_t end = ALIGN_UP((paddr_t)((uintptr_t)__kernel_virt_end - KERNEL_IMAGE_BASE), LARGE_SIZE);
    if (end > GIB)
        panic("x86: kernel image too large (%lu bytes)", (unsigned long)end);
    for (paddr_t pa = 0; pa < end; pa += LARGE_SIZE)
        image_pd[pa >> LARGE_BITS] = pte_page(pa, 2, VM_READ | VM_WRITE | VM_EXEC | VM_GLOBAL);
}

/* Build the kernel tables and switch to them: the boot identity map is gone. */
void x86_vspace_init(void)
{
    for (word_t g = 0; g < WINDOW_GIBS; g++)
        window_pdpt[g] = pte_table(kptr_to_paddr(window_pd[g]));
    window_extend(BOOT_WINDOW_END);
    image_pdpt[PDPT_IMAGE] = pte_table(kptr_to_paddr(image_pd));
    image_map();
    kernel_pml4[PML4_WINDOW] = pte_table(kptr_to_paddr(window_pdpt));
    kernel_pml4[PML4_IMAGE] = pte_table(kptr_to_paddr(image_pdpt));
    arch_vspace_activate(kptr_to_paddr(kernel_pml4), 0);
}

/* Make RAM up to `end` reachable through the window. What lies beyond the
 * window's size cannot be mapped: the caller reports it. */
void x86_vspace_map_ram(paddr_t end)
{
    end = MIN(ALIGN_UP(end, LARGE_SIZE), (paddr_t)KERNEL_WINDOW_SIZE);
    window_extend(end);         /* new entries only: no TLB flush needed */
}

/* A device page through the window, uncached: its whole 2 MiB page is marked
 * PCD|PWT (on a PC that page holds only APIC registers). */
uintptr_t x86_vspace_map_device(paddr_t pa)
{
    if (pa >= window_end)
        panic("x86: device at 0x%lx outside the kernel window", (unsigned long)pa);
    paddr_t large = ALIGN_DOWN(pa, LARGE_SIZE);
    window_pd[large / GIB][(large % GIB) >> LARGE_BITS] =
        pte_page(large, 2, VM_READ | VM_WRITE | VM_DEVICE | VM_GLOBAL);
    uintptr_t va = (uintptr_t)paddr_to_kptr(pa);
    arch_tlb_flush_page(va, 0);
    return va;
}

void arch_vspace_init_root(pte_t *root)
{
    for (unsigned i = PML4_WINDOW; i < 512; i++)
        root[i] = kernel_pml4[i];
}
