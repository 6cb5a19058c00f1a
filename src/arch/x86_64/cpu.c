/*
 * Per-CPU x86_64 state: the final GDT (with the TSS that holds the kernel
 * stack for ring 3 -> ring 0 transitions), the IDT, the syscall MSRs and the
 * control-register bits the kernel relies on (WP, NX, SSE for user code).
 */
#include <core/printk.h>
#include <drivers/x86/msr.h>
#include "x86_64.h"

/* The 64-bit TSS: no task switching in long mode, only stack pointers. */
struct x86_tss {
    uint32_t reserved0;
    uint64_t rsp[3];            /* rsp[0]: loaded on an interrupt from ring 3 */
    uint64_t reserved1;
    uint64_t ist[7];            /* IST1..IST7: stacks chosen per IDT gate */
    uint64_t reserved2;
    uint16_t reserved3;
    uint16_t iomap_base;        /* beyond the limit: no I/O bitmap */
} __attribute__((packed));

_Static_assert(sizeof(struct x86_tss) == 104, "TSS layout");

struct x86_idt_gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t ist;
    uint8_t type_attr;
    uint16_t offset_mid;
    uint32_t offset_high;
    uint32_t reserved;
};

struct x86_table_ptr {
    uint16_t limit;
    uint64_t base;
} __attribute__((packed));

#define CPUID_EXT_MAX        0x80000000u
#define CPUID_EXT_FEATURES   0x80000001u
#define CPUID_EDX_PAGE1GB    (1u << 26)

bool x86_huge_pages;            /* read by pt_level_has_pages() (<arch/pte.h>) */

#define GDT_ENTRIES     8       /* null, 5 segments, the TSS (two slots) */
#define IDT_GATE_INTR   0x8e    /* present, DPL 0, 64-bit interrupt gate */
#define IST_FATAL       1
#define IST_DEBUG       2
#define TSS_TYPE_AVAIL  0x89    /* present, DPL 0, available 64-bit TSS */

#define CR0_MP          (1ul << 1)
#define CR0_EM          (1ul << 2)
#define CR0_NE          (1ul << 5)
#define CR4_OSFXSR      (1ul << 9)
#define CR4_OSXMMEXCPT  (1ul << 10)
#define CR4_SMEP        (1ul << 20)
#define RFLAGS_SFMASK   0x47700ul   /* TF, IF, DF, IOPL, NT, AC cleared on syscall */

static uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(16)));
static struct x86_idt_gate idt[256] __attribute__((aligned(16)));
static struct x86_tss tss __attribute__((aligned(16)));

static void gdt_init(void)
{
    gdt[SEL_KCODE / 8] = 0x00af9a000000fffful;      /* L=1, DPL 0, code */
    gdt[SEL_KDATA / 8] = 0x00cf92000000fffful;      /* DPL 0, data */
    gdt[SEL_UCODE32 / 8] = 0;   /* only a place-holder for STAR: left null, so
                                 * no user can far-jump into compatibility mode */
    gdt[SEL_UDATA / 8] = 0x00cff2000000fffful;      /* DPL 3, data */
    gdt[SEL_UCODE / 8] = 0x00affa000000fffful;      /* L=1, DPL 3, code */

    uint64_t base = (uint64_t)(uintptr_t)&tss;
    uint64_t limit = sizeof(tss) - 1;
    gdt[SEL_TSS / 8] = (limit & 0xffff) | (base & 0xffffff) << 16 |
                       (uint64_t)TSS_TYPE_AVAIL << 40 | (limit >> 16 & 0xf) << 48 |
                       (base >> 24 & 0xff) << 56;
    gdt[SEL_TSS / 8 + 1] = base >> 32;

    tss.rsp[0] = (uint64_t)(uintptr_t)x86_kernel_stack_top;
    tss.ist[IST_FATAL - 1] = (uint64_t)(uintptr_t)x86_ist_fatal_top;
    tss.ist[IST_DEBUG - 1] = (uint64_t)(uintptr_t)x86_ist_debug_top;
    tss.iomap_base = sizeof(tss);
}

/* Load the GDT, reload every segment register (CS with a far return), load TR. */
static void gdt_load(void)
{
    struct x86_table_ptr p = { sizeof(gdt) - 1, (uint64_t)(uintptr_t)gdt };
    __asm__ volatile("lgdt %0\n\t"
                     "pushq %1\n\t"
                     "leaq 1f(%%rip), %%rax\n\t"
                     "pushq %%rax\n\t"
                     "lretq\n"
                     "1:\n\t"
                     "movl %2, %%eax\n\t"
                     "movl %%eax, %%ds\n\t"
                     "movl %%eax, %%es\n\t"
                     "movl %%eax, %%ss\n\t"
                     "ltr %w3"
                     : : "m"(p), "i"(SEL_KCODE), "i"(SEL_KDATA), "r"(SEL_TSS) : "rax", "memory");
}

static void idt_set(unsigned vec, uintptr_t handler, unsigned ist)
{
    struct x86_idt_gate *g = &idt[vec];
    g->offset_low = (uint16_t)handler;
    g->selector = SEL_KCODE;
    g->ist = (uint8_t)ist;
    g->type_attr = IDT_GATE_INTR;       /* interrupt gate: IF cleared on entry */
    g->offset_mid = (uint16_t)(handler >> 16);
    g->offset_high = (uint32_t)(handler >> 32);
    g->reserved = 0;
}

/* Every vector gets a stub (trap.S, 16 bytes each). The NMI, #DF and #MC run on
 * a stack of their own, since they may strike while rsp is not yet a kernel
 * stack (the first instructions of the syscall entry); so does #DB, which a
 * user with TF set raises right after `syscall`. */
static void idt_init(void)
{
    for (unsigned v = 0; v < 256; v++)
        idt_set(v, (uintptr_t)x86_vector_stubs + 16 * v, 0);
    idt[1].ist = IST_DEBUG;
    idt[2].ist = IST_FATAL;
    idt[8].ist = IST_FATAL;
    idt[18].ist = IST_FATAL;
    struct x86_table_ptr p = { sizeof(idt) - 1, (uint64_t)(uintptr_t)idt };
    __asm__ volatile("lidt %0" : : "m"(p));
}

/* syscall: CS/SS from STAR[47:32]; sysret: from STAR[63:48] (see ctx_offsets.h). */
static void syscall_init(void)
{
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | EFER_SCE);
    wrmsr(MSR_STAR, (uint64_t)(SEL_UCODE32 | 3) << 48 | (uint64_t)SEL_KCODE << 32);
    wrmsr(MSR_LSTAR, (uint64_t)(uintptr_t)x86_syscall_entry);
    wrmsr(MSR_CSTAR, (uint64_t)(uintptr_t)x86_syscall_entry);  /* compat mode: unreachable */
    wrmsr(MSR_SFMASK, RFLAGS_SFMASK);
    wrmsr(MSR_FS_BASE, 0);
    wrmsr(MSR_GS_BASE, 0);
    wrmsr(MSR_KERNEL_GS_BASE, 0);
}

/* User code may use x87/SSE (the kernel never does: -mgeneral-regs-only), so
 * enable FXSAVE/SSE and native FPU errors. SMEP, where present, stops the
 * kernel from ever executing a user page. */
static void cr_init(void)
{
    word_t cr0, cr4;
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 = (cr0 | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS);
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
    cr4 |= CR4_OSFXSR | CR4_OSXMMEXCPT;
    if (cpuid(0, 0).eax >= 7 && (cpuid(7, 0).ebx & (1u << 7)))
        cr4 |= CR4_SMEP;
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
    __asm__ volatile("fninit");
}

/* 1 GiB pages are an optional feature (QEMU's qemu64 CPU lacks it); the
 * core offers seL4_X64_HugePageObject only with it. */
static void features_init(void)
{
    x86_huge_pages = cpuid(CPUID_EXT_MAX, 0).eax >= CPUID_EXT_FEATURES &&
                     (cpuid(CPUID_EXT_FEATURES, 0).edx & CPUID_EDX_PAGE1GB);
    kprintf("x86: 1 GiB pages %s\n", x86_huge_pages ? "supported" : "not supported (no HugePage objects)");
}

void x86_cpu_init(void)
{
    gdt_init();
    gdt_load();
    idt_init();
    syscall_init();
    cr_init();
    features_init();
}
