/*
 * The hardware abstraction layer: everything the portable core needs from a port,
 * and everything a port may call in the core. This is the whole contract; a new
 * port implements what is declared here and in its four <arch/...> headers
 * (see docs/porting.md for the order in which to write them).
 *
 * Per-port headers, chosen by include path (src/arch/<port>/include):
 *   <arch/types.h>  word_t, paddr_t, kernel window, paddr_to_kptr/kptr_to_paddr,
 *                   ARCH_USER_TOP, ARCH_IRQ_* constants.
 *   <arch/regs.h>   struct arch_context (a thread's saved user registers) and the
 *                   register indices the core uses (REG_PC, REG_SP, REG_ARG0 ...).
 *   <arch/pte.h>    page-table geometry and PTE encode/decode for the generic walker.
 *   <arch/cpu.h>    small inline helpers the core may call on hot paths, and
 *                   arch_counter() (instructions or cycles, for -Dbench_trace).
 */
#pragma once

#include <core/types.h>
#include <core/cap.h>
#include <arch/types.h>
#include <arch/regs.h>
#include <arch/pte.h>
#include <arch/cpu.h>

/* ---- boot: what the port's entry code hands to core_main() ---- */

#define BOOT_MAX_REGIONS 32

struct phys_region {
    paddr_t start;              /* inclusive */
    paddr_t end;                /* exclusive */
};

struct boot_info {
    struct phys_region ram[BOOT_MAX_REGIONS];      /* all RAM the port found */
    unsigned num_ram;
    struct phys_region reserved[BOOT_MAX_REGIONS]; /* RAM that is not free: firmware, DTB, ... */
    unsigned num_reserved;
    struct phys_region kernel;                     /* kernel image incl. bss and boot stack */
    struct phys_region roottask;                   /* the root task ELF file, in RAM */
    struct phys_region kernel_devices[BOOT_MAX_REGIONS]; /* device memory the kernel drives */
    unsigned num_kernel_devices;
    word_t cpu_id;                                 /* hart id / APIC id of the boot CPU */
};

/* The core's boot entry: builds the root task and never returns. */
_Noreturn void core_main(const struct boot_info *bi);

/* ---- trap entries: the port saves the user context of the current thread into
 * the arch_context it last restored, then calls exactly one of these on the
 * kernel stack. Each returns the context to restore (NULL: run the idle loop). */

struct arch_context *core_syscall(sword_t sysno);

enum user_fault_kind {
    USER_FAULT_VM,              /* page fault: addr, instruction, code = FSR/cause */
    USER_FAULT_EXCEPTION,       /* other exception: code = number, subcode = code */
};

struct user_fault {
    enum user_fault_kind kind;
    word_t addr;
    word_t code;
    word_t subcode;
    bool instruction;
    const char *cause;          /* human-readable, for the fault report */
};

struct arch_context *core_fault(const struct user_fault *f);
struct arch_context *core_interrupt(void);

/* The IPC fastpath (core/fastpath.c): for seL4_SysCall and seL4_SysReplyRecv
 * the port's syscall entry calls these instead of core_syscall(), with the
 * capability and message-info registers (the whole user context is saved,
 * as for any entry), unless the port has its own assembly fastpath, which
 * makes the same checks and changes (docs/porting.md, arch_fastpath). They never return: they finish in arch_fastpath_exit()
 * or, when the fast case does not apply, in the slow path and
 * arch_restore_user(). */
_Noreturn void fastpath_call(word_t cptr, word_t info);
_Noreturn void fastpath_reply_recv(word_t cptr, word_t info);
/* A port's assembly fastpath (core/asm_layout.h has the layouts it uses)
 * resolves a cptr in a CSpace that is one CNode itself and calls this for
 * any other: the slot, or NULL (then it takes the slow path). */
struct tcb;
struct cte *fastpath_lookup_general(const struct tcb *t, word_t cptr);

/* ---- what every port implements ---- */

/* Console and power. */
void arch_putchar(int c);
_Noreturn void arch_poweroff(int status);   /* 0: pass; 1..127: fail code */

/* QEMU's exit status for arch_poweroff(status). A pass must be a status
 * that QEMU never gives for another reason: QEMU ended by a signal (Ctrl-C,
 * SIGTERM) exits with 0, so 0 cannot mean "passed". x86's isa-debug-exit
 * can only give odd statuses and gives (0x10 << 1) | 1 = 33 for a pass;
 * ports whose exit device takes any status (riscv's test finisher, ARM
 * semihosting) give 33 too, and move a failure code of 33 out of its way. */
#define QEMU_PASS_STATUS 33
static inline int qemu_exit_status(int status)
{
    return status == 0 ? QEMU_PASS_STATUS : status == QEMU_PASS_STATUS ? 127 : status;
}
_Noreturn void arch_panic_halt(void);        /* stop the CPU after a kernel panic */

/* Return to user mode with ctx, or idle (ctx == NULL) until an interrupt. */
_Noreturn void arch_restore_user(struct arch_context *ctx);
/* The fastpath's way back: ctx is a thread that entered the kernel through
 * a system call (it was blocked in Recv or Call), so the port may skip what
 * only other entries need, but it must still switch whatever per-thread
 * state it keeps (TLS base, FPU) and make the context safe to restore. */
_Noreturn void arch_fastpath_exit(struct arch_context *ctx);

/* Thread context. */
void arch_context_init(struct arch_context *ctx, word_t pc, word_t sp, word_t arg0);

/* Address spaces. The core's generic walker (core/vspace.c) builds the tables;
 * the port copies its kernel window into a new root and switches roots. */
void arch_vspace_init_root(pte_t *root);
void arch_vspace_activate(paddr_t root, word_t asid);
void arch_tlb_flush_page(vaddr_t va, word_t asid);
void arch_tlb_flush_all(void);

/* Timer and interrupt controller. The kernel drives the timer; every other
 * interrupt belongs to a user-level driver (core/irq.c). IRQ numbers are the
 * port's (ARCH_NUM_IRQS, ARCH_IRQ_TIMER in <arch/types.h>); every line starts
 * masked. */
void arch_timer_reset(void);                /* program the next tick (KEEL_TICK_US) */
bool arch_timer_pending(void);              /* a tick is due: preemption points poll this */
word_t arch_irq_get_active(void);           /* ARCH_IRQ_NONE if nothing is pending */
void arch_irq_ack(word_t irq);              /* end of handling at the controller (EOI, complete) */
void arch_irq_mask(word_t irq);
void arch_irq_unmask(word_t irq);
/* Does this board have device IRQ 'irq' that a user-level driver may claim
 * (IRQControl_Get)? False for the timer and for numbers with no source. */
bool arch_irq_valid(word_t irq);

/* Capabilities only this port has (x86 I/O ports) and invocation labels only
 * it knows (x86 IRQControl_GetIOAPIC). The core's decode calls
 * arch_decode_invocation for a capability type it does not handle, and for an
 * IRQControl label other than IRQIssueIRQHandler; a port without such things
 * answers err_simple(seL4_IllegalOperation). arch_finalise_cap is called when
 * such a capability is deleted ('final': it was the last one to its object). */
struct invocation;
int arch_decode_invocation(struct invocation *inv);
void arch_finalise_cap(cap_t cap, bool final);

/* ---- the FPU ----
 * Every thread has a struct arch_fpu_state (<arch/regs.h>) in its TCB, all
 * zero for a new thread: the FPU's reset state. The port keeps the CPU's FP
 * registers holding the state of at most one thread, the owner, and moves
 * them on its own (riscv64 and aarch64: lazily, on the first FP instruction
 * of a thread that is not the owner, trapped because every exit to a
 * non-owner disables the FPU; x86_64: eagerly, FXSAVE in the context on
 * every entry). The core keeps seL4_TCBFlag_fpuDisabled in the TCB and tells
 * the port when a thread must give the registers up. The kernel itself never
 * uses FP registers (it is built without FP code). */

/* The FP state of ctx's thread, and whether it may use the FPU at all
 * (false: seL4_TCBFlag_fpuDisabled; an FP instruction is its UserException). */
struct arch_fpu_state *core_fpu_state(struct arch_context *ctx);
bool core_fpu_allowed(const struct arch_context *ctx);
/* ctx's thread gives up the FPU registers (TCB_SetFlags with fpuDisabled,
 * TCB deletion): if they hold its state, save them into its arch_fpu_state
 * and leave the FPU without owner. */
void arch_fpu_release(struct arch_context *ctx);

/* Lazy switching (core/fpu_lazy.c, for a port that sets arch_fpu_lazy in its
 * meson.build; it then provides arch_fpu_save/arch_fpu_load and gets
 * arch_fpu_release from the core). fpu_owner is the thread whose state the
 * registers hold (NULL: nobody's); the port's exit path enables the FPU
 * for it only, and its FP-disabled trap calls fpu_lazy_claim(): true means
 * the registers are the thread's now, re-run the instruction; false, the
 * thread may not use the FPU (its UserException). */
extern struct arch_context *fpu_owner;
bool fpu_lazy_claim(struct arch_context *ctx);
/* The core's exits call this for the thread they return to (KEEL_FPU_LAZY
 * kernels): one that has used the FPU gets its registers now. */
void fpu_lazy_switch(struct arch_context *next);
void arch_fpu_save(struct arch_fpu_state *s);
void arch_fpu_load(const struct arch_fpu_state *s);

/* The kernel's timer tick, in microseconds. */
#define KEEL_TICK_US 2000u
