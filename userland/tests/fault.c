/*
 * FAULT: faults as IPC to the thread's fault endpoint, in seL4's layouts:
 * VMFault (a read of a kernel address, a jump to an unmapped address),
 * UnknownSyscall (every register of the message checked), UserException
 * (an illegal instruction), CapFault (a lookup that fails; a receive on a
 * capability that cannot receive). The handler's reply resumes the thread,
 * with the registers it wrote; a thread without a usable handler stops.
 *
 * The faulting code is in small assembly stubs (fault_arch.h) so that the
 * fault address and the register values are known exactly.
 */
#include <stdbool.h>
#include <keel/tap.h>
#include "workers.h"
#include "fault_arch.h"

volatile seL4_Word fault_sp;

#define NUM_USYS_REGS (sizeof(usys_regs) / sizeof(usys_regs[0]))

/* ---- the faulting workers: r[0] the stub's result, r[1] = 1 once past it ---- */

static void kread(worker *w)
{
    w->r[0] = fault_kread(KERNEL_ADDR);
    w->r[1] = 1;
}

static void jump_unmapped(worker *w)
{
    ((void (*)(void))UNMAPPED_PC)();
    w->r[1] = 1;
}

static void usys(worker *w)
{
    w->r[0] = fault_usys();
    w->r[1] = 1;
}

static void illegal(worker *w)
{
    w->r[0] = fault_illegal();
    w->r[1] = 1;
}

/* A benchmark call: r[0] its answer, r[1] = 1 once it returned. */
static void bench_finalize(worker *w)
{
    w->r[0] = seL4_BenchmarkFinalizeLog();
    w->r[1] = 1;
}

static void bad_call(worker *w)
{
    seL4_Call(BAD_CPTR, seL4_MessageInfo_new(0, 0, 0, 0));
    w->r[1] = 1;
}

static void bad_nbsend(worker *w)
{
    seL4_NBSend(BAD_CPTR, seL4_MessageInfo_new(0, 0, 0, 0));
    w->r[1] = 1;
}

/* Receive on w->cap; r[0] MR0 of what came, r[1] = 1. */
static void recv_one(worker *w)
{
    seL4_Word badge;

    seL4_Recv(w->cap, &badge);
    w->r[0] = seL4_GetMR(0);
    w->r[1] = 1;
}

/* Start worker 0 at PRIO_HI with a fresh fault endpoint (*fep for the
 * handler); it runs fn at once and faults before the root continues. */
static worker *start_faulting(worker_fn fn, seL4_CPtr cap, seL4_CPtr *fep)
{
    seL4_CPtr fcap = fault_ep_new(fep);

    return fcap == 0 ? NULL : worker_start(0, PRIO_HI, fcap, fn, cap, 0);
}

#define START_FAULTING(w, fn, cap, fep)                   \
    worker *w = start_faulting((fn), (cap), &(fep));      \
    CHECK(w != NULL, "%s", worker_error())

static const char *expect_label(seL4_CPtr fep, seL4_Word label, seL4_Word len)
{
    seL4_MessageInfo_t tag;

    TRY(take_fault(fep, &tag));
    CHECK_TAG(tag, label, len, "the fault message");
    return NULL;
}

/* ---- VM faults ---- */

static const char *fault_vm_label(void)
{
    seL4_CPtr fep;
    START_FAULTING(w, kread, 0, fep);

    return expect_label(fep, seL4_Fault_VMFault, seL4_VMFault_Length);
}

static const char *fault_vm_addr(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, kread, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_VMFault_Addr) == KERNEL_ADDR, "Addr %lx, want %lx", seL4_GetMR(seL4_VMFault_Addr),
          KERNEL_ADDR);
    return NULL;
}

static const char *fault_vm_ip(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, kread, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_VMFault_IP) == (seL4_Word)fault_kread_insn && seL4_GetMR(seL4_VMFault_PrefetchFault) == 0,
          "IP %lx (want %p), PrefetchFault %lu", seL4_GetMR(seL4_VMFault_IP), (void *)fault_kread_insn,
          seL4_GetMR(seL4_VMFault_PrefetchFault));
    return NULL;
}

static const char *fault_vm_fsr(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, kread, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_VMFault_FSR) == READ_FSR, "FSR %lx, want %x", seL4_GetMR(seL4_VMFault_FSR), READ_FSR);
    return NULL;
}

static const char *fault_vm_prefetch(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, jump_unmapped, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_VMFault_IP) == UNMAPPED_PC && seL4_GetMR(seL4_VMFault_Addr) == UNMAPPED_PC &&
              seL4_GetMR(seL4_VMFault_PrefetchFault) == 1,
          "IP %lx Addr %lx PrefetchFault %lu", seL4_GetMR(seL4_VMFault_IP), seL4_GetMR(seL4_VMFault_Addr),
          seL4_GetMR(seL4_VMFault_PrefetchFault));
    return NULL;
}

static const char *fault_waits_for_handler(void)
{
    seL4_CPtr fep;
    START_FAULTING(w, kread, 0, fep);

    yield_n(3);
    CHECK(w->r[1] == 0, "the faulting thread went on without a reply");
    return NULL;
}

static void recovered(worker *w)
{
    w->r[2] = 0x5afe;
    seL4_TCB_Suspend(w->tcb);
}

static const char *move_pc(worker *w, seL4_Bool resume)
{
    seL4_UserContext uc;

    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters"));
#if defined(__riscv)
    uc.pc = (seL4_Word)recovered;
    uc.a0 = (seL4_Word)w;
#elif defined(__aarch64__)
    uc.pc = (seL4_Word)recovered;
    uc.x0 = (seL4_Word)w;
#elif defined(__i386__)
    /* cdecl: w on the thread's stack, above an unused return address. */
    seL4_Word *frame = (seL4_Word *)((uc.esp & ~(seL4_Word)15) - 20);
    frame[0] = 0;
    frame[1] = (seL4_Word)w;
    uc.eip = (seL4_Word)recovered;
    uc.esp = (seL4_Word)frame;
#else
    uc.rip = (seL4_Word)recovered;
    uc.rdi = (seL4_Word)w;
#endif
    return expect_ok(seL4_TCB_WriteRegisters(w->tcb, resume, 0, NUM_CONTEXT_REGS, &uc), "WriteRegisters");
}

static const char *fault_write_regs_resume(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, kread, 0, fep);

    TRY(take_fault(fep, &tag));
    TRY(move_pc(w, 1));
    CHECK(w->r[2] == 0x5afe, "the thread did not run from the written pc");
    return NULL;
}

static const char *fault_vm_reply_resumes(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, kread, 0, fep);

    TRY(take_fault(fep, &tag));
    TRY(move_pc(w, 0));
    CHECK(w->r[2] == 0, "WriteRegisters without resume let the thread run");
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    CHECK(w->r[2] == 0x5afe, "the reply did not resume the thread at its new pc");
    return NULL;
}

/* ---- unknown syscalls ---- */

static const char *fault_usys_label(void)
{
    seL4_CPtr fep;
    START_FAULTING(w, usys, 0, fep);

    return expect_label(fep, seL4_Fault_UnknownSyscall, seL4_UnknownSyscall_Length);
}

static const char *fault_usys_regs(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, usys, 0, fep);

    TRY(take_fault(fep, &tag));
    for (unsigned i = 0; i < NUM_USYS_REGS; i++) {
        CHECK(seL4_GetMR(usys_regs[i].index) == usys_regs[i].value, "word %d is %lx, want %lx", usys_regs[i].index,
              seL4_GetMR(usys_regs[i].index), usys_regs[i].value);
    }
    return NULL;
}

static const char *fault_usys_ip_sp(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, usys, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_UnknownSyscall_FaultIP) == (seL4_Word)fault_usys_insn, "FaultIP %lx, want %p",
          seL4_GetMR(seL4_UnknownSyscall_FaultIP), (void *)fault_usys_insn);
    CHECK(seL4_GetMR(seL4_UnknownSyscall_SP) == fault_sp, "SP %lx, want %lx", seL4_GetMR(seL4_UnknownSyscall_SP),
          fault_sp);
    return NULL;
}

static const char *fault_usys_number(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, usys, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_UnknownSyscall_Syscall) == (seL4_Word)-100, "Syscall %ld, want -100",
          (long)seL4_GetMR(seL4_UnknownSyscall_Syscall));
    return NULL;
}

/* The benchmark calls exist only in a -Dbench_trace kernel (the test builds
 * never are): elsewhere their numbers get seL4's answer to any unknown
 * system call, an UnknownSyscall fault carrying the number. */
static const char *fault_usys_benchmark(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, bench_finalize, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_MessageInfo_get_label(tag) == seL4_Fault_UnknownSyscall, "label %lu, want UnknownSyscall",
          (seL4_Word)seL4_MessageInfo_get_label(tag));
    CHECK(seL4_GetMR(seL4_UnknownSyscall_Syscall) == (seL4_Word)seL4_SysBenchmarkFinalizeLog,
          "Syscall %ld, want %d", (long)seL4_GetMR(seL4_UnknownSyscall_Syscall), seL4_SysBenchmarkFinalizeLog);
    CHECK(w->r[1] == 0, "the thread went on past the unknown system call");
    return NULL;
}

/* Reply with the registers as they came, FaultIP past the syscall and the
 * result register set. */
static void reply_skipping_syscall(void)
{
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + SYSCALL_LEN);
    seL4_SetMR(USYS_RESULT, 0xbeef);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, seL4_UnknownSyscall_Syscall));
}

static const char *fault_usys_reply_resumes(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, usys, 0, fep);

    TRY(take_fault(fep, &tag));
    reply_skipping_syscall();
    CHECK(w->r[1] == 1 && w->r[0] == 0xbeef, "after the reply: past the syscall %lu, result %lx", w->r[1], w->r[0]);
    return NULL;
}

static const char *fault_usys_reply_reexecutes(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, usys, 0, fep);

    TRY(take_fault(fep, &tag));
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    TRY(take_fault(fep, &tag));
    CHECK(seL4_MessageInfo_get_label(tag) == seL4_Fault_UnknownSyscall && w->r[1] == 0,
          "the second fault has label %lu", (seL4_Word)seL4_MessageInfo_get_label(tag));
    return NULL;
}

static const char *fault_reply_label_stops(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    seL4_Word badge = 0;
    START_FAULTING(w, usys, 0, fep);

    TRY(take_fault(fep, &tag));
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + SYSCALL_LEN);
    seL4_Reply(seL4_MessageInfo_new(1, 0, 0, seL4_UnknownSyscall_Syscall));
    yield_n(2);
    seL4_NBRecv(fep, &badge);
    CHECK(w->r[1] == 0 && badge == 0, "after a reply with label 1 the thread went on (%lu) or faulted again (%lx)",
          w->r[1], badge);
    return NULL;
}

/* ---- user exceptions ---- */

static const char *fault_exc_label(void)
{
    seL4_CPtr fep;
    START_FAULTING(w, illegal, 0, fep);

    return expect_label(fep, seL4_Fault_UserException, seL4_UserException_Length);
}

static const char *fault_exc_ip_sp(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, illegal, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_UserException_FaultIP) == (seL4_Word)fault_illegal_insn &&
              seL4_GetMR(seL4_UserException_SP) == fault_sp,
          "FaultIP %lx (want %p) SP %lx (want %lx)", seL4_GetMR(seL4_UserException_FaultIP),
          (void *)fault_illegal_insn, seL4_GetMR(seL4_UserException_SP), fault_sp);
    return NULL;
}

static const char *fault_exc_number(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, illegal, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_UserException_Number) == ILLEGAL_NUMBER, "Number %lu, want %d",
          seL4_GetMR(seL4_UserException_Number), ILLEGAL_NUMBER);
    return NULL;
}

static const char *fault_exc_code(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, illegal, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_UserException_Code) == 0, "Code %lx, want 0 (as seL4 reports an illegal instruction)",
          seL4_GetMR(seL4_UserException_Code));
    return NULL;
}

static const char *fault_exc_reply_resumes(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    START_FAULTING(w, illegal, 0, fep);

    TRY(take_fault(fep, &tag));
    seL4_SetMR(seL4_UserException_FaultIP, seL4_GetMR(seL4_UserException_FaultIP) + ILLEGAL_LEN);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, seL4_UserException_Number));
    CHECK(w->r[1] == 1 && w->r[0] == 0x600d, "after the reply: past the instruction %lu, result %lx", w->r[1],
          w->r[0]);
    return NULL;
}

/* ---- capability faults ---- */

static const char *fault_cap_call(void)
{
    seL4_CPtr fep;
    START_FAULTING(w, bad_call, 0, fep);

    return expect_cap_fault(fep, BAD_CPTR, 0, seL4_GuardMismatch);
}

/* seL4's GuardMismatch reports the bits left, the guard of the CNode where
 * the lookup failed (the root CNode's: 0) and that guard's size. */
static const char *fault_cap_guard_details(void)
{
    seL4_CPtr fep;
    seL4_MessageInfo_t tag;
    seL4_Word radix = seL4_GetBootInfo()->initThreadCNodeSizeBits;
    START_FAULTING(w, bad_call, 0, fep);

    TRY(take_fault(fep, &tag));
    CHECK(seL4_GetMR(seL4_CapFault_BitsLeft) == seL4_WordBits &&
              seL4_GetMR(seL4_CapFault_GuardMismatch_GuardFound) == 0 &&
              seL4_GetMR(seL4_CapFault_GuardMismatch_BitsFound) == seL4_WordBits - radix,
          "BitsLeft %lu GuardFound %lx BitsFound %lu (want 64, 0, %lu)", seL4_GetMR(seL4_CapFault_BitsLeft),
          seL4_GetMR(seL4_CapFault_GuardMismatch_GuardFound), seL4_GetMR(seL4_CapFault_GuardMismatch_BitsFound),
          seL4_WordBits - radix);
    return NULL;
}

/* The instruction at ip is a system call (ecall / svc / syscall / sysenter). */
static bool is_syscall_insn(seL4_Word ip)
{
#if defined(__riscv)
    return *(const volatile seL4_Uint32 *)ip == 0x00000073;
#elif defined(__aarch64__)
    return *(const volatile seL4_Uint32 *)ip == 0xd4000001;   /* svc #0 */
#else
    const volatile unsigned char *p = (const volatile unsigned char *)ip;
#if defined(__i386__)
    return p[0] == 0x0f && p[1] == 0x34;
#else
    return p[0] == 0x0f && p[1] == 0x05;
#endif
#endif
}

static const char *fault_cap_ip(void)
{
    seL4_CPtr fep, t = new_object(seL4_TCBObject, 0);
    seL4_MessageInfo_t tag;
    START_FAULTING(w, recv_one, t, fep);

    TRY(take_fault(fep, &tag));
    CHECK(is_syscall_insn(seL4_GetMR(seL4_CapFault_IP)), "CapFault IP %lx is not the system call instruction",
          seL4_GetMR(seL4_CapFault_IP));
    return NULL;
}

static const char *fault_cap_nbsend_none(void)
{
    seL4_CPtr fep;
    seL4_Word badge = 0;
    START_FAULTING(w, bad_nbsend, 0, fep);

    seL4_NBRecv(fep, &badge);
    CHECK(badge == 0 && w->r[1] == 1, "NBSend on a bad cptr: fault badge %lx, went on %lu", badge, w->r[1]);
    return NULL;
}

static const char *fault_cap_recv_tcb(void)
{
    seL4_CPtr fep, t = new_object(seL4_TCBObject, 0);
    START_FAULTING(w, recv_one, t, fep);

    return expect_cap_fault(fep, t, 1, seL4_MissingCapability);
}

static const char *fault_cap_recv_empty(void)
{
    seL4_CPtr fep, s = slot_alloc();
    START_FAULTING(w, recv_one, s, fep);

    return expect_cap_fault(fep, s, 1, seL4_MissingCapability);
}

static const char *fault_cap_reply_retries(void)
{
    seL4_CPtr fep, s = slot_alloc(), ep = new_endpoint();
    seL4_MessageInfo_t tag;
    START_FAULTING(w, recv_one, s, fep);

    TRY(take_fault(fep, &tag));
    TRY(expect_ok(seL4_CNode_Copy(ROOT, s, ROOT_DEPTH, ROOT, ep, ROOT_DEPTH, seL4_AllRights), "Copy into the slot"));
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, 0));
    CHECK(w->r[1] == 0, "the retried Recv did not block");
    seL4_SetMR(0, 0x4e7);
    seL4_Send(ep, seL4_MessageInfo_new(0, 0, 0, 1));
    CHECK(w->r[1] == 1 && w->r[0] == 0x4e7, "the retried Recv got %lu (MR0 %lx)", w->r[1], w->r[0]);
    return NULL;
}

/* ---- no usable handler ---- */

/* The kernel reports the fault of worker 0 on the console: say so first, so
 * that a reader of the log (the demo's `test`) knows the report is expected. */
static void expect_fault_report(const char *why)
{
    tap_diag("expected: the kernel reports a fault of 'worker0' and stops it (%s)", why);
}

static const char *fault_no_handler_stops(void)
{
    expect_fault_report("it has no fault handler");
    worker *w = worker_start(0, PRIO_HI, 0, kread, 0, 0);

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(root_priority(PRIO_LO - 1), "lowering the root"));
    CHECK(w->r[1] == 0, "a thread without fault handler went on after its fault");
    return NULL;
}

static const char *fault_empty_handler_slot_stops(void)
{
    expect_fault_report("its fault endpoint slot is empty");
    worker *w = worker_start(0, PRIO_HI, slot_alloc(), kread, 0, 0);

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(root_priority(PRIO_LO - 1), "lowering the root"));
    CHECK(w->r[1] == 0, "a thread whose fault endpoint slot is empty went on after its fault");
    return NULL;
}

static const char *fault_handler_without_grant(void)
{
    expect_fault_report("its fault endpoint has neither Grant nor GrantReply");
    seL4_CPtr ep = new_endpoint(), fcap = mint_cap(ep, RIGHTS_RW, FAULT_BADGE);
    seL4_Word badge = 0;
    worker *w = worker_start(0, PRIO_HI, fcap, kread, 0, 0);

    CHECK(w != NULL, "%s", worker_error());
    seL4_NBRecv(ep, &badge);
    CHECK(badge == 0 && w->r[1] == 0, "a fault endpoint without Grant/GrantReply got a message (badge %lx)", badge);
    return NULL;
}

static const struct test tests[] = {
    { "FAULT0001 reading a kernel address is a VMFault", fault_vm_label },
    { "FAULT0002 VMFault Addr is the address read", fault_vm_addr },
    { "FAULT0003 VMFault IP is the faulting load, PrefetchFault 0", fault_vm_ip },
    { "FAULT0004 VMFault FSR is the architecture's fault status", fault_vm_fsr },
    { "FAULT0005 a jump to an unmapped address is a prefetch VMFault", fault_vm_prefetch },
    { "FAULT0006 a faulting thread waits for its handler", fault_waits_for_handler },
    { "FAULT0007 the handler's WriteRegisters with resume moves the thread on", fault_write_regs_resume },
    { "FAULT0008 the reply to a VMFault resumes at the pc the handler wrote", fault_vm_reply_resumes },
    { "FAULT0009 an unknown syscall is an UnknownSyscall fault", fault_usys_label },
    { "FAULT0010 UnknownSyscall carries the argument registers", fault_usys_regs },
    { "FAULT0011 UnknownSyscall FaultIP is the syscall instruction, SP the stack", fault_usys_ip_sp },
    { "FAULT0012 UnknownSyscall carries the syscall number", fault_usys_number },
    { "FAULT0013 a reply past the syscall resumes with the written registers", fault_usys_reply_resumes },
    { "FAULT0014 a reply that leaves FaultIP re-executes the syscall", fault_usys_reply_reexecutes },
    { "FAULT0015 a fault reply with a non-zero label leaves the thread stopped", fault_reply_label_stops },
    { "FAULT0016 an illegal instruction is a UserException", fault_exc_label },
    { "FAULT0017 UserException FaultIP and SP are the instruction and the stack", fault_exc_ip_sp },
    { "FAULT0018 UserException Number is the illegal-instruction exception", fault_exc_number },
    { "FAULT0019 UserException Code of an illegal instruction is 0", fault_exc_code },
    { "FAULT0020 a reply past the illegal instruction resumes the thread", fault_exc_reply_resumes },
    { "FAULT0021 Call on a cptr whose lookup fails is a CapFault", fault_cap_call },
    { "FAULT0022 CapFault of a guard mismatch gives bits left, guard and size", fault_cap_guard_details },
    { "FAULT0023 CapFault IP is the system call instruction", fault_cap_ip },
    { "FAULT0024 NBSend on a cptr whose lookup fails is no fault", fault_cap_nbsend_none },
    { "FAULT0025 Recv on a TCB cap is a CapFault in the receive phase", fault_cap_recv_tcb },
    { "FAULT0026 Recv on an empty slot is a CapFault in the receive phase", fault_cap_recv_empty },
    { "FAULT0027 the reply to a CapFault retries the system call", fault_cap_reply_retries },
    { "FAULT0028 a thread without fault handler is stopped", fault_no_handler_stops },
    { "FAULT0029 a thread whose fault endpoint slot is empty is stopped", fault_empty_handler_slot_stops },
    { "FAULT0030 a fault endpoint cap without Grant or GrantReply gets no fault", fault_handler_without_grant },
    { "FAULT0031 seL4_BenchmarkFinalizeLog without -Dbench_trace is an unknown syscall", fault_usys_benchmark },
};

TEST_SUITE_AFTER_EACH(fault_suite, tests, workers_cleanup);
