/*
 * The kernel's page directory. Every user page directory shares its top
 * entries (copied by arch_vspace_init_root, all made at boot):
 *  - the kernel window, physical 0.. at KERNEL_WINDOW_BASE with 4 MiB
 *    global pages, mapped whole (504 MiB) whatever the RAM: the multiboot
 *    information, the modules and the kernel image all lie in it;
 *  - two 4 MiB device slots at KERNEL_DEVICE_BASE, uncached, for the LAPIC
 *    and IOAPIC registers (at 0xfec00000.. on a PC).
 * CR3 and the TLB: src/arch/x86/mmu.c.
 */
#include <core/printk.h>
#include "ia32.h"

#define LARGE_BITS      22
#define LARGE_SIZE      (1ul << LARGE_BITS)
#define WINDOW_PDE      (KERNEL_WINDOW_BASE >> LARGE_BITS)
#define WINDOW_PAGES    (KERNEL_WINDOW_SIZE >> LARGE_BITS)
#define DEVICE_PDE      (KERNEL_DEVICE_BASE >> LARGE_BITS)
#define DEVICE_SLOTS    2u

_Static_assert(WINDOW_PDE + WINDOW_PAGES == DEVICE_PDE && DEVICE_PDE + DEVICE_SLOTS == 1024,
               "the window and the device slots fill the top of the directory");

static pte_t kernel_pd[1024] __attribute__((aligned(PAGE_SIZE)));
static paddr_t device_slot[DEVICE_SLOTS];
static unsigned device_slots_used;

/* Build the kernel directory and switch to it: the boot identity map is gone. */
void x86_vspace_init(void)
{
    for (word_t i = 0; i < WINDOW_PAGES; i++)
        kernel_pd[WINDOW_PDE + i] = pte_page((paddr_t)i << LARGE_BITS, 0, VM_READ | VM_WRITE | VM_GLOBAL);
    arch_vspace_activate(kptr_to_paddr(kernel_pd), 0);
}

/* The window is mapped whole at boot; the caller reports RAM beyond it. */
void x86_vspace_map_ram(paddr_t end)
{
    (void)end;
}

/* A device page through a device slot (the whole 4 MiB, uncached). */
uintptr_t x86_vspace_map_device(paddr_t pa)
{
    paddr_t large = ALIGN_DOWN(pa, (paddr_t)LARGE_SIZE);
    unsigned slot = 0;
    while (slot < device_slots_used && device_slot[slot] != large)
        slot++;
    if (slot == DEVICE_SLOTS)
        panic("ia32: no device slot left for 0x%llx", (unsigned long long)pa);
    if (slot == device_slots_used) {
        device_slot[device_slots_used++] = large;
        kernel_pd[DEVICE_PDE + slot] = pte_page(large, 0, VM_READ | VM_WRITE | VM_DEVICE | VM_GLOBAL);
    }
    uintptr_t va = KERNEL_DEVICE_BASE + slot * LARGE_SIZE + (uintptr_t)(pa - large);
    arch_tlb_flush_page(va, 0);
    return va;
}

void arch_vspace_init_root(pte_t *root)
{
    for (unsigned i = WINDOW_PDE; i < 1024; i++)
        root[i] = kernel_pd[i];
}
