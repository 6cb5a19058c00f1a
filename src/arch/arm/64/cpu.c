/*
 * aarch64 CPU set-up after boot.S turned the MMU on, and address-space
 * switching (the HAL's vspace part). The kernel window lives in TTBR1_EL1 and
 * is never switched, so a new VSpace root needs nothing copied into it; user
 * address spaces are TTBR0_EL1 roots tagged with their ASID.
 */
#include "../arm.h"

_Static_assert(ARM_WINDOW_BASE == KERNEL_WINDOW_BASE, "asm.h agrees with arch/types.h");
_Static_assert((word_t)ARM_WINDOW_GIBS << 30 == KERNEL_WINDOW_SIZE, "window size");
_Static_assert(((KERNEL_WINDOW_BASE >> 39) & 511) == ARM_WINDOW_L0_SLOT, "the window's level-0 entry");
_Static_assert(((ARM_MAIR_VALUE >> (8 * ARM_MAIR_NORMAL)) & 0xff) == 0xff &&
               ((ARM_MAIR_VALUE >> (8 * ARM_MAIR_DEVICE)) & 0xff) == 0x00 &&
               ((ARM_MAIR_VALUE >> (8 * ARM_MAIR_NORMAL_NC)) & 0xff) == 0x44, "MAIR slots of arch/pte.h");

#define CPACR_FPEN_TRAP     0               /* FP/SIMD at EL0 and EL1 traps */
#define CNTKCTL_EL0VCTEN    (1u << 1)       /* EL0 may read the virtual counter */
#define PMCR_E              (1u << 0)       /* the PMU counts */
#define PMCR_LC             (1u << 6)       /* the cycle counter is 64 bits wide */
#define PMCNTEN_CYCLES      (1u << 31)
#define PMUSERENR_CR        0x4u            /* EL0 may read the cycle counter, nothing else */
#define TTBR_ASID_SHIFT     48

extern pte_t arm_empty_l0[512];

/* The ASID bits the CPU tags TLB entries with (ID_AA64MMFR0_EL1.ASIDBits:
 * 0 = 8, 2 = 16; boot.S sets TCR_EL1.AS to match). The core hands out
 * 16-bit ASIDs; on an 8-bit CPU two spaces may share a tag, which is safe
 * because activating a space flushes its tag's entries first. */
static word_t asid_mask = 0xffff;

/* The PMU is optional (ID_AA64DFR0_EL1.PMUVer: 0 none, 0xf not the
 * architected one); without it the benchmarks' counter reads trap. */
static bool cpu_has_pmu(void)
{
    word_t ver = (sysreg_read(id_aa64dfr0_el1) >> 8) & 0xf;
    return ver != 0 && ver != 0xf;
}

/* Take over the exception vectors. FP/SIMD starts off: the first FP
 * instruction of a thread traps and gives it the registers (fpu.c). */
void arm_cpu_init(void)
{
    sysreg_write(vbar_el1, arm_vectors);
    sysreg_write(cpacr_el1, CPACR_FPEN_TRAP);
    sysreg_write(cntkctl_el1, CNTKCTL_EL0VCTEN);
    if (((sysreg_read(id_aa64mmfr0_el1) >> 4) & 0xf) == 0)
        asid_mask = 0xff;
    /* The benchmarks count with the cycle counter, which QEMU -icount
     * ties to retired instructions (as riscv64 lets user mode read instret). */
    if (cpu_has_pmu()) {
        sysreg_write(pmcr_el0, PMCR_E | PMCR_LC);
        sysreg_write(pmcntenset_el0, PMCNTEN_CYCLES);
        sysreg_write(pmuserenr_el0, PMUSERENR_CR);
    }
    isb();
}

/* boot.S reached the kernel through an identity mapping in TTBR0; user
 * space must see no kernel mapping in the lower half, so TTBR0 gets an
 * empty table until the first address space is activated. */
void arm_drop_identity_map(void)
{
    sysreg_write(ttbr0_el1, kptr_to_paddr(arm_empty_l0));
    isb();
    arch_tlb_flush_all();
}

/* boot.S passes x0 as the loader left it: a DTB pointer from U-Boot or a
 * Linux-style boot, 0 from QEMU's ELF loader. */
_Noreturn void arm_boot_main(paddr_t loader_x0)
{
    arm_boot(loader_x0);
}

void arch_vspace_init_root(pte_t *root)
{
    (void)root;
}

/* Entries tagged with this ASID may be left over from an earlier address
 * space that used it, so they go; the kernel's global entries stay. */
void arch_vspace_activate(paddr_t root, word_t asid)
{
    word_t tag = (asid & asid_mask) << TTBR_ASID_SHIFT;
    sysreg_write(ttbr0_el1, root | tag);
    isb();
    __asm__ volatile("dsb ishst; tlbi aside1, %0; dsb ish; isb" :: "r"(tag) : "memory");
}

void arch_tlb_flush_page(vaddr_t va, word_t asid)
{
    word_t op = ((asid & asid_mask) << TTBR_ASID_SHIFT) | ((va >> PAGE_BITS) & MASK(44));
    __asm__ volatile("dsb ishst; tlbi vae1, %0; dsb ish; isb" :: "r"(op) : "memory");
}

void arch_tlb_flush_all(void)
{
    __asm__ volatile("dsb ishst; tlbi vmalle1; dsb ish; isb" ::: "memory");
}
