/*
 * The `release-check` root task: do the debug system calls exist?
 *
 * They need no capability (DebugHalt powers the machine off from a thread
 * with an empty CSpace), so as in seL4 only a debug kernel has them. A
 * thread issues each of them in turn, its faults going to the root task:
 *  - release kernel (-Drelease=true): each must be an UnknownSyscall fault
 *    carrying its own number. The root answers each one (the thread goes on
 *    past the call) and at the end, having no way to print, reads the
 *    unmapped address RELEASE_PASS_ADDR: the kernel reports that fault (the
 *    root has no fault handler) and, nothing being left to run, halts. A
 *    call that did not fault as it should makes the root read at
 *    RELEASE_FAIL_ADDR + its index instead.
 *  - debug kernel: the calls work: DebugNameThread names the thread, and
 *    the last call, DebugHalt, powers off with the pass status, the kernel
 *    naming the thread that asked.
 * boot/meson.build checks the kernel's report (or the marker) and QEMU's
 * exit status.
 */
#include <sel4/sel4.h>
#include <keel/thread.h>
#include <stdbool.h>
#include <keel/libc.h>

#define RELEASE_PASS_ADDR 0x5afe0000ul
#define RELEASE_FAIL_ADDR 0xbad00000ul

#if defined(__x86_64__) || defined(__i386__)
#define SYSCALL_INSN_LEN 2      /* syscall, sysenter */
#else
#define SYSCALL_INSN_LEN 4      /* ecall, svc */
#endif

static const seL4_Word debug_calls[] = {
    seL4_SysDebugPutChar, seL4_SysDebugCapIdentify, seL4_SysDebugNameThread,
    seL4_SysDebugDumpScheduler, seL4_SysDebugHalt,
};
#define NUM_CALLS (sizeof(debug_calls) / sizeof(debug_calls[0]))

static seL4_IPCBuffer child_ipc __attribute__((aligned(4096)));
static unsigned char child_stack[8192] __attribute__((aligned(16)));
static keel_thread child;

/* The calls through libsel4's own stubs, in the order of debug_calls. */
static void issue_debug_calls(void *own_tcb)
{
    seL4_DebugPutChar('%');
    (void)seL4_DebugCapIdentify(seL4_CapInitThreadTCB);
    seL4_DebugNameThread((seL4_CPtr)own_tcb, "release-check");
    seL4_DebugDumpScheduler();
    seL4_DebugHalt();
}

static _Noreturn void report(seL4_Word addr)
{
    for (;;)
        (void)*(volatile seL4_Word *)addr;
}

/* The first RAM Untyped with room for a TCB and an endpoint. */
static seL4_CPtr find_untyped(const seL4_BootInfo *bi)
{
    for (seL4_CPtr s = bi->untyped.start; s < bi->untyped.end; s++) {
        const seL4_UntypedDesc *d = &bi->untypedList[s - bi->untyped.start];
        if (!d->isDevice && d->sizeBits >= 16)
            return s;
    }
    return 0;
}

/* Take the next fault: it must be UnknownSyscall with number want; answer
 * it so that the thread continues after the call. */
static bool expect_unknown_syscall(seL4_CPtr ep, seL4_Word want)
{
    seL4_Word badge = 0;
    seL4_MessageInfo_t tag = seL4_Recv(ep, &badge);
    if (seL4_MessageInfo_get_label(tag) != seL4_Fault_UnknownSyscall ||
        seL4_GetMR(seL4_UnknownSyscall_Syscall) != want)
        return false;
    seL4_SetMR(seL4_UnknownSyscall_FaultIP, seL4_GetMR(seL4_UnknownSyscall_FaultIP) + SYSCALL_INSN_LEN);
    seL4_Reply(seL4_MessageInfo_new(0, 0, 0, seL4_UnknownSyscall_Syscall));
    return true;
}

int main(void)
{
    const seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr ut = find_untyped(bi), tcb = bi->empty.start, ep = bi->empty.start + 1;

    if (ut == 0 || seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0, ep, 1) ||
        keel_thread_start(&child, ut, tcb, &child_ipc, child_stack + sizeof(child_stack), seL4_MaxPrio - 1,
                          issue_debug_calls, (void *)tcb) ||
        seL4_TCB_SetSpace(tcb, ep, seL4_CapInitThreadCNode, 0, seL4_CapInitThreadVSpace, 0))
        report(RELEASE_FAIL_ADDR + 0xff);
    for (unsigned i = 0; i < NUM_CALLS; i++)
        if (!expect_unknown_syscall(ep, debug_calls[i]))
            report(RELEASE_FAIL_ADDR + i);
    report(RELEASE_PASS_ADDR);
}
