/*
 * Per-CPU ia32 state: the final GDT (kernel and user segments, the TSS that
 * holds the kernel stack for ring 3 -> ring 0 transitions, two TLS
 * segments), the IDT, the sysenter MSRs and the control-register bits the
 * kernel relies on (PSE, PGE, WP; FXSR/SSE for user code).
 */
#include <core/printk.h>
#include <drivers/x86/msr.h>
#include "ia32.h"

/* The 32-bit TSS: Keel uses only ss0:esp0 and keeps no I/O bitmap. */
struct ia32_tss {
    uint32_t link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
    uint32_t eax, ecx, edx, ebx, esp, ebp, esi, edi;
    uint32_t es, cs, ss, ds, fs, gs, ldt;
    uint16_t trap, iomap_base;
};

_Static_assert(sizeof(struct ia32_tss) == 104, "TSS layout");

struct ia32_idt_gate {
    uint16_t offset_low;
    uint16_t selector;
    uint8_t zero;
    uint8_t type_attr;
    uint16_t offset_high;
};

struct ia32_table_ptr {
    uint16_t limit;
    uint32_t base;
} __attribute__((packed));

#define MSR_SYSENTER_CS     0x174u
#define MSR_SYSENTER_ESP    0x175u
#define MSR_SYSENTER_EIP    0x176u

#define CPUID1_EDX_PSE      (1u << 3)
#define CPUID1_EDX_SEP      (1u << 11)
#define CPUID1_EDX_PGE      (1u << 13)
#define CPUID1_EDX_FXSR     (1u << 24)
#define CPUID1_EDX_SSE      (1u << 25)

#define GDT_ENTRIES     8       /* null, 4 segments, the TSS, 2 TLS segments */
#define IDT_GATE_INTR   0x8e    /* present, DPL 0, 32-bit interrupt gate */
#define IDT_GATE_USER   0xee    /* present, DPL 3: `int $0x80` from ring 3 */
#define TSS_TYPE_AVAIL  0x89    /* present, DPL 0, available 32-bit TSS */
#define SEG_USER_DATA   0xf2    /* present, DPL 3, data read/write */

#define CR0_MP          (1ul << 1)
#define CR0_EM          (1ul << 2)
#define CR0_TS          (1ul << 3)
#define CR0_NE          (1ul << 5)
#define CR4_PSE         (1ul << 4)
#define CR4_PGE         (1ul << 7)
#define CR4_OSFXSR      (1ul << 9)
#define CR4_OSXMMEXCPT  (1ul << 10)
#define CR4_SMEP        (1ul << 20)

bool ia32_has_sysenter;

static uint64_t gdt[GDT_ENTRIES] __attribute__((aligned(16)));
static struct ia32_idt_gate idt[256] __attribute__((aligned(16)));
static struct ia32_tss tss __attribute__((aligned(16)));

/* A segment descriptor: base, 20-bit limit, access byte, flags nibble. */
static uint64_t descriptor(uint32_t base, uint32_t limit, unsigned access, unsigned flags)
{
    return (limit & 0xffffull) | (uint64_t)(base & 0xffffff) << 16 | (uint64_t)access << 40 |
           (uint64_t)(limit >> 16 & 0xf) << 48 | (uint64_t)flags << 52 |
           (uint64_t)(base >> 24) << 56;
}

/* 4 GiB, page-granular (G), 32-bit (D): the flat user data segment with
 * another base. Limit checks do not wrap at 4 GiB with a non-zero base on
 * this CPU family, but no user access through FS/GS can reach the kernel:
 * paging forbids it. */
void ia32_tls_load(word_t fs_base, word_t gs_base)
{
    gdt[SEL_TLS_FS / 8] = descriptor((uint32_t)fs_base, 0xfffff, SEG_USER_DATA, 0xc);
    gdt[SEL_TLS_GS / 8] = descriptor((uint32_t)gs_base, 0xfffff, SEG_USER_DATA, 0xc);
}

static void gdt_init(void)
{
    gdt[SEL_KCODE / 8] = 0x00cf9a000000ffffull;     /* flat, DPL 0, code */
    gdt[SEL_KDATA / 8] = 0x00cf92000000ffffull;     /* flat, DPL 0, data */
    gdt[SEL_UCODE / 8] = 0x00cffa000000ffffull;     /* flat, DPL 3, code */
    gdt[SEL_UDATA / 8] = 0x00cff2000000ffffull;     /* flat, DPL 3, data */
    gdt[SEL_TSS / 8] = descriptor((uint32_t)(uintptr_t)&tss, sizeof(tss) - 1, TSS_TYPE_AVAIL, 0);
    ia32_tls_load(0, 0);
    tss.ss0 = SEL_KDATA;
    tss.esp0 = (uint32_t)(uintptr_t)x86_kernel_stack_top;
    tss.iomap_base = sizeof(tss);
}

/* Load the GDT, reload every segment register (CS with a far jump), load TR. */
static void gdt_load(void)
{
    struct ia32_table_ptr p = { sizeof(gdt) - 1, (uint32_t)(uintptr_t)gdt };
    __asm__ volatile("lgdt %0\n\t"
                     "ljmp %1, $1f\n"
                     "1:\n\t"
                     "movl %2, %%eax\n\t"
                     "movl %%eax, %%ds\n\t"
                     "movl %%eax, %%es\n\t"
                     "movl %%eax, %%ss\n\t"
                     "xorl %%eax, %%eax\n\t"
                     "movl %%eax, %%fs\n\t"
                     "movl %%eax, %%gs\n\t"
                     "ltr %w3"
                     : : "m"(p), "i"(SEL_KCODE), "i"(SEL_KDATA), "r"(SEL_TSS) : "eax", "memory");
}

static void idt_set(unsigned vec, uintptr_t handler, unsigned type)
{
    struct ia32_idt_gate *g = &idt[vec];
    g->offset_low = (uint16_t)handler;
    g->selector = SEL_KCODE;
    g->zero = 0;
    g->type_attr = (uint8_t)type;       /* interrupt gate: IF cleared on entry */
    g->offset_high = (uint16_t)(handler >> 16);
}

/* Every vector gets a stub (trap.S, 16 bytes each). Without sysenter, user
 * mode may raise vector 0x80 itself: the software-interrupt system call. */
static void idt_init(void)
{
    for (unsigned v = 0; v < 256; v++)
        idt_set(v, (uintptr_t)x86_vector_stubs + 16 * v, IDT_GATE_INTR);
    if (!ia32_has_sysenter)
        idt_set(VEC_SYSCALL, (uintptr_t)x86_vector_stubs + 16 * VEC_SYSCALL, IDT_GATE_USER);
    struct ia32_table_ptr p = { sizeof(idt) - 1, (uint32_t)(uintptr_t)idt };
    __asm__ volatile("lidt %0" : : "m"(p));
}

/* sysenter: CS from SYSENTER_CS (SS = CS + 8), esp and eip from the MSRs. */
static void sysenter_init(void)
{
    if (!ia32_has_sysenter)
        return;
    wrmsr(MSR_SYSENTER_CS, SEL_KCODE);
    wrmsr(MSR_SYSENTER_ESP, (uint32_t)(uintptr_t)x86_kernel_stack_top);
    wrmsr(MSR_SYSENTER_EIP, (uint32_t)(uintptr_t)x86_sysenter_entry);
}

/* User code may use x87/SSE (the kernel never does: -mgeneral-regs-only), so
 * enable FXSAVE/SSE and native FPU errors; global pages for the kernel
 * window; SMEP where present. */
static void cr_init(uint32_t features)
{
    word_t cr0, cr4;
    __asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
    cr0 = (cr0 | CR0_MP | CR0_NE) & ~(CR0_EM | CR0_TS);
    __asm__ volatile("mov %0, %%cr0" : : "r"(cr0));
    __asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
    cr4 |= CR4_PSE | CR4_PGE | CR4_OSFXSR;
    if (features & CPUID1_EDX_SSE)
        cr4 |= CR4_OSXMMEXCPT;
    if (cpuid(0, 0).eax >= 7 && (cpuid(7, 0).ebx & (1u << 7)))
        cr4 |= CR4_SMEP;
    __asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
    __asm__ volatile("fninit");
}

/* What the port cannot do without: 4 MiB and global pages, FXSAVE. */
static uint32_t features_check(void)
{
    uint32_t need = CPUID1_EDX_PSE | CPUID1_EDX_PGE | CPUID1_EDX_FXSR;
    uint32_t edx = cpuid(1, 0).edx;
    if ((edx & need) != need)
        panic("ia32: the CPU lacks PSE, PGE or FXSR (cpuid 1 edx 0x%x)", edx);
    ia32_has_sysenter = (edx & CPUID1_EDX_SEP) != 0;
    kprintf("ia32: system calls through %s\n", ia32_has_sysenter ? "sysenter" : "int $0x80");
    return edx;
}

void x86_cpu_init(void)
{
    uint32_t features = features_check();
    gdt_init();
    gdt_load();
    idt_init();
    sysenter_init();
    cr_init(features);
}
