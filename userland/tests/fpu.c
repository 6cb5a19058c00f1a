/*
 * The FPU: every thread's FP registers are its own (ISOL), across IPC on the
 * fastpath and the slow path, preemption and address spaces, and start at
 * the reset state (zero); seL4_TCB_SetFlags with seL4_TCBFlag_fpuDisabled
 * makes FP instructions a fault and keeps the state for later (TCB).
 *
 * fp_call (assembly, per architecture) loads every FP register and the
 * control word from a fp_state, makes one system call (or spins on a pair of
 * flags, for preemption), and stores them all back: nothing of the C code
 * in between can touch an FP register.
 */
#include "vm_tests.h"
#include "workers.h"

#define FP_WORDS 64             /* aarch64 q0..q31; riscv64 f0..f31 and x86_64 xmm0..15 use 32 */

#if defined(__aarch64__)
#define FP_USED 64
#else
#define FP_USED 32
#endif

struct fp_state {
    seL4_Word w[FP_WORDS];
    seL4_Word ctl;              /* fcsr / fpcr / mxcsr */
};

/* What fp_call does: sysno 0 spins (sets *flag, waits for *wait != 0). */
struct fp_args {
    struct fp_state in, out;
    seL4_Word load;             /* 0: do not load (see what a new thread has) */
    seL4_Word sysno, cap, info, mr0;
    seL4_Word ret_cap, ret_info;
    volatile seL4_Word *flag, *wait;
};

#define O_IN 0
#if __SIZEOF_POINTER__ == 8
#define O_OUT 520
#define O_CTL 512
#define O_LOAD 1040
#define O_SYSNO 1048
#define O_CAP 1056
#define O_INFO 1064
#define O_MR0 1072
#define O_RET_CAP 1080
#define O_RET_INFO 1088
#define O_FLAG 1096
#define O_WAIT 1104
#else                           /* ia32: 4-byte words, xmm0..7 are the 32 words used */
#define O_OUT 260
#define O_CTL 256
#define O_LOAD 520
#define O_SYSNO 524
#define O_CAP 528
#define O_INFO 532
#define O_MR0 536
#define O_RET_CAP 540
#define O_RET_INFO 544
#define O_FLAG 548
#define O_WAIT 552
#endif
_Static_assert(__builtin_offsetof(struct fp_args, out) == O_OUT && __builtin_offsetof(struct fp_state, ctl) == O_CTL &&
                   __builtin_offsetof(struct fp_args, load) == O_LOAD &&
                   __builtin_offsetof(struct fp_args, mr0) == O_MR0 &&
                   __builtin_offsetof(struct fp_args, ret_info) == O_RET_INFO &&
                   __builtin_offsetof(struct fp_args, wait) == O_WAIT,
               "fp_args layout");

void fp_call(struct fp_args *a);

#define STR_(x) #x
#define STR(x) STR_(x)
#define FP_SYS_RECV -5          /* seL4_SysRecv, for the assembly */
_Static_assert(FP_SYS_RECV == seL4_SysRecv, "seL4_SysRecv");

#if defined(__riscv)
/* The control word: fcsr (rounding mode and flags, 8 bits). */
#define CTL_MASK 0xfful
__asm__(".text\n.globl fp_call\nfp_call:\n"
        "addi sp, sp, -272\n"
        "sd ra, 0(sp)\nsd s0, 8(sp)\n"
        ".irp n, 8,9,18,19,20,21,22,23,24,25,26,27\nfsd f\\n, 16+8*\\n(sp)\n.endr\n"  /* fs0..fs11, callee-saved */
        "mv s0, a0\n"
        "ld t0, " STR(O_LOAD) "(s0)\nbeqz t0, 1f\n"
        ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        "fld f\\n, 8*\\n(s0)\n.endr\n"
        "ld t0, " STR(O_CTL) "(s0)\ncsrw fcsr, t0\n"
        "1: ld a7, " STR(O_SYSNO) "(s0)\nbeqz a7, 4f\n"
        "ld a0, " STR(O_CAP) "(s0)\nld a1, " STR(O_INFO) "(s0)\nld a2, " STR(O_MR0) "(s0)\n"
        "ecall\n"
        "sd a0, " STR(O_RET_CAP) "(s0)\nsd a1, " STR(O_RET_INFO) "(s0)\n"
        "j 3f\n"
        "4: ld t0, " STR(O_FLAG) "(s0)\nli t1, 1\nsd t1, 0(t0)\nld t0, " STR(O_WAIT) "(s0)\n"
        "2: ld t1, 0(t0)\nbeqz t1, 2b\n"
        "3:\n"
        ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        "fsd f\\n, " STR(O_OUT) "+8*\\n(s0)\n.endr\n"
        "csrr t0, fcsr\nsd t0, " STR(O_OUT) "+" STR(O_CTL) "(s0)\n"
        ".irp n, 8,9,18,19,20,21,22,23,24,25,26,27\nfld f\\n, 16+8*\\n(sp)\n.endr\n"
        "ld ra, 0(sp)\nld s0, 8(sp)\n"
        "addi sp, sp, 272\n"
        "ret\n");
/* Execute one FP instruction (the fpuDisabled test). */
static void fp_touch(void)
{
    __asm__ volatile("fmv.d.x f0, zero" ::: "memory");
}
#elif defined(__aarch64__)
/* The control word: FPCR's rounding mode (RMode, bits 23:22). */
#define CTL_MASK (3ul << 22)
__asm__(".text\n.globl fp_call\nfp_call:\n"
        "stp x29, x30, [sp, #-96]!\n"
        "stp x19, x20, [sp, #16]\n"
        "stp d8, d9, [sp, #32]\nstp d10, d11, [sp, #48]\nstp d12, d13, [sp, #64]\nstp d14, d15, [sp, #80]\n"
        "mov x19, x0\n"
        "ldr x9, [x19, #" STR(O_LOAD) "]\ncbz x9, 1f\n"
        "ldp q0, q1, [x19, #0]\n"
        "ldp q2, q3, [x19, #32]\n"
        "ldp q4, q5, [x19, #64]\n"
        "ldp q6, q7, [x19, #96]\n"
        "ldp q8, q9, [x19, #128]\n"
        "ldp q10, q11, [x19, #160]\n"
        "ldp q12, q13, [x19, #192]\n"
        "ldp q14, q15, [x19, #224]\n"
        "ldp q16, q17, [x19, #256]\n"
        "ldp q18, q19, [x19, #288]\n"
        "ldp q20, q21, [x19, #320]\n"
        "ldp q22, q23, [x19, #352]\n"
        "ldp q24, q25, [x19, #384]\n"
        "ldp q26, q27, [x19, #416]\n"
        "ldp q28, q29, [x19, #448]\n"
        "ldp q30, q31, [x19, #480]\n"
        "ldr x10, [x19, #" STR(O_CTL) "]\nmsr fpcr, x10\n"
        "1: ldr x7, [x19, #" STR(O_SYSNO) "]\ncbz x7, 4f\n"
        "ldr x0, [x19, #" STR(O_CAP) "]\nldr x1, [x19, #" STR(O_INFO) "]\nldr x2, [x19, #" STR(O_MR0) "]\n"
        "svc #0\n"
        "str x0, [x19, #" STR(O_RET_CAP) "]\nstr x1, [x19, #" STR(O_RET_INFO) "]\n"
        "b 3f\n"
        "4: ldr x9, [x19, #" STR(O_FLAG) "]\nmov x10, #1\nstr x10, [x9]\nldr x9, [x19, #" STR(O_WAIT) "]\n"
        "2: ldr x10, [x9]\ncbz x10, 2b\n"
        "3: add x9, x19, #" STR(O_OUT) "\n"
        "stp q0, q1, [x9, #0]\n"
        "stp q2, q3, [x9, #32]\n"
        "stp q4, q5, [x9, #64]\n"
        "stp q6, q7, [x9, #96]\n"
        "stp q8, q9, [x9, #128]\n"
        "stp q10, q11, [x9, #160]\n"
        "stp q12, q13, [x9, #192]\n"
        "stp q14, q15, [x9, #224]\n"
        "stp q16, q17, [x9, #256]\n"
        "stp q18, q19, [x9, #288]\n"
        "stp q20, q21, [x9, #320]\n"
        "stp q22, q23, [x9, #352]\n"
        "stp q24, q25, [x9, #384]\n"
        "stp q26, q27, [x9, #416]\n"
        "stp q28, q29, [x9, #448]\n"
        "stp q30, q31, [x9, #480]\n"
        "mrs x10, fpcr\nstr x10, [x19, #" STR(O_OUT) "+" STR(O_CTL) "]\n"
        "ldp d8, d9, [sp, #32]\nldp d10, d11, [sp, #48]\nldp d12, d13, [sp, #64]\nldp d14, d15, [sp, #80]\n"
        "ldp x19, x20, [sp, #16]\n"
        "ldp x29, x30, [sp], #96\n"
        "ret\n");
static void fp_touch(void)
{
    __asm__ volatile("fmov d0, xzr" ::: "memory");
}
#elif defined(__x86_64__)
/* The control word: MXCSR's rounding control (bits 14:13), exceptions masked. */
#define CTL_MASK (3ul << 13)
#define CTL_FIXED 0x1f80ul
__asm__(".text\n.globl fp_call\nfp_call:\n"
        "pushq %rbx\npushq %r15\npushq %rbp\n"
        "movq %rdi, %rbx\n"
        "cmpq $0, " STR(O_LOAD) "(%rbx)\nje 1f\n"
        ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\nmovdqu 16*\\n(%rbx), %xmm\\n\n.endr\n"
        "ldmxcsr " STR(O_CTL) "(%rbx)\n"
        "1: movq " STR(O_SYSNO) "(%rbx), %rdx\ntestq %rdx, %rdx\njz 4f\n"
        "movq " STR(O_CAP) "(%rbx), %rdi\nmovq " STR(O_INFO) "(%rbx), %rsi\nmovq " STR(O_MR0) "(%rbx), %r10\n"
        "syscall\n"
        "movq %rdi, " STR(O_RET_CAP) "(%rbx)\nmovq %rsi, " STR(O_RET_INFO) "(%rbx)\n"
        "jmp 3f\n"
        "4: movq " STR(O_FLAG) "(%rbx), %rax\nmovq $1, (%rax)\nmovq " STR(O_WAIT) "(%rbx), %rax\n"
        "2: pause\ncmpq $0, (%rax)\nje 2b\n"
        "3:\n"
        ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\nmovdqu %xmm\\n, " STR(O_OUT) "+16*\\n(%rbx)\n.endr\n"
        "movq $0, " STR(O_OUT) "+" STR(O_CTL) "(%rbx)\n"
        "stmxcsr " STR(O_OUT) "+" STR(O_CTL) "(%rbx)\n"
        "popq %rbp\npopq %r15\npopq %rbx\n"
        "ret\n");
static void fp_touch(void)
{
    __asm__ volatile("xorps %%xmm0, %%xmm0" ::: "memory");
}
#elif defined(__i386__)
/* As x86_64 with xmm0..7, and seL4's ia32 sysenter convention: eax the
 * syscall number, ebx the capability, esi the message info, edi MR0, ecx
 * the stack pointer, edx the address of the sysenter; ecx, edx and ebp
 * (MR1) come back changed, so the argument pointer lives on the stack. */
#define CTL_MASK (3ul << 13)
#define CTL_FIXED 0x1f80ul
__asm__(".text\n.globl fp_call\nfp_call:\n"
        "pushl %ebx\npushl %esi\npushl %edi\npushl %ebp\n"
        "movl 20(%esp), %eax\npushl %eax\n"
        "cmpl $0, " STR(O_LOAD) "(%eax)\nje 1f\n"
        ".irp n, 0,1,2,3,4,5,6,7\nmovdqu 16*\\n(%eax), %xmm\\n\n.endr\n"
        "ldmxcsr " STR(O_CTL) "(%eax)\n"
        "1: movl " STR(O_SYSNO) "(%eax), %ecx\ntestl %ecx, %ecx\njz 4f\n"
        "movl " STR(O_CAP) "(%eax), %ebx\nmovl " STR(O_INFO) "(%eax), %esi\nmovl " STR(O_MR0) "(%eax), %edi\n"
        "movl %ecx, %eax\nmovl %esp, %ecx\nleal 5f, %edx\n"
        "5: sysenter\n"
        "movl (%esp), %eax\n"
        "movl %ebx, " STR(O_RET_CAP) "(%eax)\nmovl %esi, " STR(O_RET_INFO) "(%eax)\n"
        "jmp 3f\n"
        "4: movl " STR(O_FLAG) "(%eax), %ecx\nmovl $1, (%ecx)\nmovl " STR(O_WAIT) "(%eax), %ecx\n"
        "2: pause\ncmpl $0, (%ecx)\nje 2b\n"
        "3: movl (%esp), %eax\n"
        ".irp n, 0,1,2,3,4,5,6,7\nmovdqu %xmm\\n, " STR(O_OUT) "+16*\\n(%eax)\n.endr\n"
        "movl $0, " STR(O_OUT) "+" STR(O_CTL) "(%eax)\n"
        "stmxcsr " STR(O_OUT) "+" STR(O_CTL) "(%eax)\n"
        "addl $4, %esp\n"
        "popl %ebp\npopl %edi\npopl %esi\npopl %ebx\n"
        "ret\n");
static void fp_touch(void)
{
    __asm__ volatile("xorps %%xmm0, %%xmm0" ::: "memory");
}
#else
#error "which FP registers?"
#endif

#ifndef CTL_FIXED
#define CTL_FIXED 0ul
#endif

/* Distinct values for every FP word and a control word, from a seed. */
static void fp_fill(struct fp_state *s, seL4_Word seed)
{
    for (seL4_Word i = 0; i < FP_WORDS; i++)
        s->w[i] = i < FP_USED ? (seL4_Word)((seed * 0x9e3779b97f4a7c15ull) ^ (i * 0x0101010101010101ull) ^ 0x5a5a000000000000ull) : 0;
    s->ctl = CTL_FIXED | (((seed % 3) + 1) * (CTL_MASK & -CTL_MASK) & CTL_MASK);
}

/* The first difference between what was loaded and what came back. */
static const char *fp_compare(const char *who, const struct fp_state *want, const struct fp_state *got)
{
    for (seL4_Word i = 0; i < FP_USED; i++)
        CHECK(want->w[i] == got->w[i], "%s: FP word %lu is %lx, not %lx", who, i, got->w[i], want->w[i]);
    CHECK((got->ctl & (CTL_MASK | CTL_FIXED)) == want->ctl, "%s: control word %lx, not %lx", who, got->ctl,
          want->ctl);
    return NULL;
}

/* ---- ISOL: IPC between two address spaces ---- */

#define ROUNDS 40

static struct fp_args server_args;
static seL4_CPtr server_ep;

/* In the second space: Recv, then answer every Call with ReplyRecv, its own
 * FP values loaded before each wait and checked after it. */
static void fp_server(vm_thread *t)
{
    struct fp_args *a = &server_args;

    a->sysno = (seL4_Word)seL4_SysRecv;
    a->cap = server_ep;
    a->load = 1;
    for (;;) {
        fp_fill(&a->in, 0x5e77 + t->r[1]);
        fp_call(a);
        t->r[1]++;
        if (fp_compare("the server", &a->in, &a->out) != NULL && t->r[0] == 0)
            t->r[0] = t->r[1];  /* the first round that came back wrong */
        a->sysno = (seL4_Word)seL4_SysReplyRecv;
        a->info = seL4_MessageInfo_new(0, 0, 0, 1).words[0];
        a->mr0 = t->r[1];
    }
}

static const char *isol_fpu_ipc(void)
{
    struct vm_space s;
    seL4_CPtr fep;
    static struct fp_args a;

    server_ep = new_endpoint();
    CHECK(server_ep != 0, "no endpoint");
    TRY(vm_space_new(&s));
    vm_thread *t = vm_space_thread(&s, 0, OP_FN, 0, (seL4_Word)fp_server, &fep);
    CHECK(t != NULL, "%s", vm_error());
    for (seL4_Word i = 0; i < ROUNDS; i++) {
        memset(&a, 0, sizeof(a));
        fp_fill(&a.in, 0xc11e + i);
        a.load = 1;
        a.sysno = (seL4_Word)seL4_SysCall;
        a.cap = server_ep;
        /* Odd rounds send 5 words: more than the registers, the slow path. */
        a.info = seL4_MessageInfo_new(0, 0, 0, i % 2 ? 5 : 1).words[0];
        fp_call(&a);
        CHECK(seL4_MessageInfo_get_length((seL4_MessageInfo_t){ { a.ret_info } }) == 1,
              "round %lu: the reply has %lu words", i,
              (seL4_Word)seL4_MessageInfo_get_length((seL4_MessageInfo_t){ { a.ret_info } }));
        TRY(fp_compare("the client after its Call", &a.in, &a.out));
    }
    TRY(expect_no_fault(fep));
    CHECK(t->r[0] == 0 && t->r[1] == ROUNDS, "the server's FP state was wrong in round %lu (of %lu rounds)",
          t->r[0], t->r[1]);
    return NULL;
}

/* ---- ISOL: preemption between two address spaces ---- */

static volatile seL4_Word spin_flags[2];
static struct fp_args spin_args[2];
static seL4_CPtr spin_go;

/* Wait for the start signal; load the thread's values, say so, spin until
 * the other thread has done the same (only a preemption lets it: both run
 * at one priority), store them. */
static void fp_spinner(vm_thread *t)
{
    seL4_Word me = t->addr;
    struct fp_args *a = &spin_args[me];

    seL4_Wait(spin_go, NULL);
    fp_fill(&a->in, 0x5917 + me);
    a->load = 1;
    a->sysno = 0;
    a->flag = &spin_flags[me];
    a->wait = &spin_flags[1 - me];
    fp_call(a);
}

static const char *isol_fpu_preemption(void)
{
    struct vm_space s;
    seL4_CPtr fep0, fep1;

    spin_flags[0] = spin_flags[1] = 0;
    spin_go = new_notification();
    CHECK(spin_go != 0, "no notification");
    TRY(vm_space_new(&s));
    vm_thread *a = vm_thread_start(0, OP_FN, 0, (seL4_Word)fp_spinner, &fep0);
    CHECK(a != NULL, "%s", vm_error());
    vm_thread *b = vm_space_thread(&s, 1, OP_FN, 1, (seL4_Word)fp_spinner, &fep1);
    CHECK(b != NULL, "%s", vm_error());
    /* Both wait; put them at one priority below the root, start them, and
     * let them run by going below them. */
    TRY(expect_ok(seL4_TCB_SetPriority(a->tcb, seL4_CapInitThreadTCB, VM_PRIO_ROOT - 10), "a's priority"));
    TRY(expect_ok(seL4_TCB_SetPriority(b->tcb, seL4_CapInitThreadTCB, VM_PRIO_ROOT - 10), "b's priority"));
    seL4_Signal(spin_go);
    seL4_Signal(spin_go);
    TRY(expect_ok(seL4_TCB_SetPriority(seL4_CapInitThreadTCB, seL4_CapInitThreadTCB, VM_PRIO_ROOT - 20),
                  "lowering the root"));
    CHECK(a->done && b->done, "the spinners did not finish (flags %lu %lu)", spin_flags[0], spin_flags[1]);
    TRY(expect_no_fault(fep0));
    TRY(expect_no_fault(fep1));
    TRY(fp_compare("the spinner in the root's space", &spin_args[0].in, &spin_args[0].out));
    return fp_compare("the spinner in the second space", &spin_args[1].in, &spin_args[1].out);
}

/* ---- ISOL: a new thread's FP registers are the reset state ---- */

/* fp_fresh_entry: a new thread's first instructions. It stores its FP
 * registers and control word in fresh_out before any compiled code could
 * touch them, then waits on fresh_ep for ever. */
struct fp_state fresh_out;
seL4_Word fresh_ep;
void fp_fresh_entry(void);

#if defined(__riscv)
__asm__(".text\n.globl fp_fresh_entry\nfp_fresh_entry:\n"
        "la t0, fresh_out\n"
        ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31\n"
        "fsd f\\n, 8*\\n(t0)\n.endr\n"
        "csrr t1, fcsr\nsd t1, " STR(O_CTL) "(t0)\n"
        "ld a0, fresh_ep\nli a7, " STR(FP_SYS_RECV) "\n"
        "1: ecall\nj 1b\n");
#elif defined(__aarch64__)
__asm__(".text\n.globl fp_fresh_entry\nfp_fresh_entry:\n"
        "adrp x9, fresh_out\nadd x9, x9, :lo12:fresh_out\n"
        "stp q0, q1, [x9, #0]\n"
        "stp q2, q3, [x9, #32]\n"
        "stp q4, q5, [x9, #64]\n"
        "stp q6, q7, [x9, #96]\n"
        "stp q8, q9, [x9, #128]\n"
        "stp q10, q11, [x9, #160]\n"
        "stp q12, q13, [x9, #192]\n"
        "stp q14, q15, [x9, #224]\n"
        "stp q16, q17, [x9, #256]\n"
        "stp q18, q19, [x9, #288]\n"
        "stp q20, q21, [x9, #320]\n"
        "stp q22, q23, [x9, #352]\n"
        "stp q24, q25, [x9, #384]\n"
        "stp q26, q27, [x9, #416]\n"
        "stp q28, q29, [x9, #448]\n"
        "stp q30, q31, [x9, #480]\n"
        "mrs x10, fpcr\nstr x10, [x9, #" STR(O_CTL) "]\n"
        "adrp x0, fresh_ep\nldr x0, [x0, :lo12:fresh_ep]\nmov x7, #" STR(FP_SYS_RECV) "\n"
        "1: svc #0\nb 1b\n");
#elif defined(__i386__)
__asm__(".text\n.globl fp_fresh_entry\nfp_fresh_entry:\n"
        ".irp n, 0,1,2,3,4,5,6,7\nmovdqu %xmm\\n, fresh_out+16*\\n\n.endr\n"
        "movl $0, fresh_out+" STR(O_CTL) "\nstmxcsr fresh_out+" STR(O_CTL) "\n"
        "movl fresh_ep, %ebx\nmovl $" STR(FP_SYS_RECV) ", %eax\n"
        "1: movl %esp, %ecx\nleal 2f, %edx\n2: sysenter\njmp 1b\n");
#else
__asm__(".text\n.globl fp_fresh_entry\nfp_fresh_entry:\n"
        ".irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15\nmovdqu %xmm\\n, fresh_out+16*\\n(%rip)\n.endr\n"
        "movq $0, fresh_out+" STR(O_CTL) "(%rip)\nstmxcsr fresh_out+" STR(O_CTL) "(%rip)\n"
        "movq fresh_ep(%rip), %rdi\nmovq $" STR(FP_SYS_RECV) ", %rdx\n"
        "1: syscall\njmp 1b\n");
#endif

static const char *isol_fpu_fresh(void)
{
    static struct fp_args a;
    seL4_UserContext uc;

    /* Leave values in the FP registers, then start a thread that reads its
     * own before it loads anything. */
    memset(&a, 0, sizeof(a));
    fp_fill(&a.in, 0xdead);
    a.load = 1;
    a.sysno = (seL4_Word)seL4_SysYield;
    fp_call(&a);
    memset(&fresh_out, 0xa5, sizeof(fresh_out));
    fresh_ep = new_endpoint();
    worker *w = worker_create(0, PRIO_HI, 0, NULL, 0, 0);
    CHECK(w != NULL && fresh_ep != 0, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters"));
#if defined(__x86_64__)
    uc.rip = (seL4_Word)fp_fresh_entry;
#elif defined(__i386__)
    uc.eip = (seL4_Word)fp_fresh_entry;
#else
    uc.pc = (seL4_Word)fp_fresh_entry;
#endif
    TRY(expect_ok(seL4_TCB_WriteRegisters(w->tcb, 1, 0, NUM_CONTEXT_REGS, &uc), "WriteRegisters with resume"));
    for (seL4_Word i = 0; i < FP_USED; i++)
        CHECK(fresh_out.w[i] == 0, "a new thread's FP word %lu is %lx, not 0", i, fresh_out.w[i]);
    CHECK((fresh_out.ctl & (CTL_MASK | CTL_FIXED)) == CTL_FIXED, "a new thread's control word is %lx",
          fresh_out.ctl);
    return NULL;
}

/* ---- TCB: SetFlags and fpuDisabled ---- */

static const char *tcb_set_flags(void)
{
    worker *w = worker_create(0, PRIO_HI, 0, NULL, 0, 0);

    CHECK(w != NULL, "%s", worker_error());
    seL4_TCB_SetFlags_t r = seL4_TCB_SetFlags(w->tcb, 0, 0);
    CHECK(r.error == seL4_NoError && r.flags == seL4_TCBFlag_NoFlag, "a new thread: error %d flags %lx", r.error,
          r.flags);
    r = seL4_TCB_SetFlags(w->tcb, 0, seL4_TCBFlag_fpuDisabled | 0xf0);
    CHECK(r.error == seL4_NoError && r.flags == seL4_TCBFlag_fpuDisabled,
          "set fpuDisabled (and unknown bits): error %d flags %lx", r.error, r.flags);
    r = seL4_TCB_SetFlags(w->tcb, 0, 0);
    CHECK(r.error == seL4_NoError && r.flags == seL4_TCBFlag_fpuDisabled, "flags kept: error %d flags %lx",
          r.error, r.flags);
    r = seL4_TCB_SetFlags(w->tcb, seL4_TCBFlag_fpuDisabled, 0);
    CHECK(r.error == seL4_NoError && r.flags == 0, "cleared: error %d flags %lx", r.error, r.flags);
    seL4_SetMR(0, 0);
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(w->tcb, TCBSetFlags, 0, 1), seL4_TruncatedMessage, "SetFlags with 1 word"));
    return NULL;
}

static struct fp_args disabled_args;
static seL4_CPtr disabled_ep;

/* Load values, wait for a message (meanwhile the root disables the FPU),
 * then store them: a fault until the FPU is enabled again. */
static void fp_disabled_worker(worker *w)
{
    fp_fill(&disabled_args.in, 0xd15a);
    disabled_args.load = 1;
    disabled_args.sysno = (seL4_Word)seL4_SysRecv;
    disabled_args.cap = disabled_ep;
    fp_call(&disabled_args);
    w->steps++;
    fp_touch();
    w->steps++;
}

static const char *tcb_fpu_disabled_faults(void)
{
    seL4_CPtr fep, fcap = fault_ep_new(&fep);
    seL4_MessageInfo_t tag;
    seL4_Word badge = 0;

    disabled_ep = new_endpoint();
    CHECK(fcap != 0 && disabled_ep != 0, "no objects");
    worker *w = worker_start(0, PRIO_HI, fcap, fp_disabled_worker, 0, 0);
    CHECK(w != NULL, "%s", worker_error());
    /* It waits in Recv with its values loaded. */
    seL4_TCB_SetFlags_t r = seL4_TCB_SetFlags(w->tcb, 0, seL4_TCBFlag_fpuDisabled);
    CHECK(r.error == seL4_NoError && r.flags == seL4_TCBFlag_fpuDisabled, "SetFlags: error %d flags %lx", r.error,
          r.flags);
    seL4_Send(disabled_ep, seL4_MessageInfo_new(0, 0, 0, 0));
    tag = seL4_NBRecv(fep, &badge);
    CHECK(badge == FAULT_BADGE && seL4_MessageInfo_get_label(tag) == seL4_Fault_UserException,
          "its FP store did not fault (badge %lx label %lu, steps %lu)", badge,
          (seL4_Word)seL4_MessageInfo_get_label(tag), w->steps);
    CHECK(w->steps == 0, "the thread went on after its fault");
    /* Enabled again, its FP state is still the one it loaded. */
    r = seL4_TCB_SetFlags(w->tcb, seL4_TCBFlag_fpuDisabled, 0);
    CHECK(r.error == seL4_NoError && r.flags == 0, "SetFlags clear: error %d flags %lx", r.error, r.flags);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    CHECK(w->steps == 2, "the thread did not run on after the reply (steps %lu)", w->steps);
    TRY(expect_no_fault(fep));
    return fp_compare("the thread whose FPU was disabled and enabled again", &disabled_args.in, &disabled_args.out);
}

static const struct test tests[] = {
    { "ISOL0013 FP registers stay each thread's own across Call/ReplyRecv between two spaces (fast and slow path)",
      isol_fpu_ipc },
    { "ISOL0014 FP registers stay each thread's own across preemption between two spaces", isol_fpu_preemption },
    { "ISOL0015 a new thread's FP registers are the reset state, not another thread's", isol_fpu_fresh },
    { "TCB0046 SetFlags sets and clears fpuDisabled, ignores unknown bits and returns the flags", tcb_set_flags },
    { "TCB0047 with fpuDisabled an FP instruction is a UserException; enabled again the state is intact",
      tcb_fpu_disabled_faults },
};

TEST_SUITE_AFTER_EACH(fpu_suite, tests, vm_cleanup);
