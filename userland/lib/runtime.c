/*
 * Start-up of a Keel root task after crt0: keep the boot information, point
 * the IPC-buffer accessors at the buffer the kernel mapped, run main().
 */
#include <sel4/sel4.h>
#include <keel/libc.h>
#include <keel/runtime.h>
#include <keel/thread.h>

LIBSEL4_THREAD_LOCAL seL4_IPCBuffer *__sel4_ipc_buffer;

static seL4_BootInfo *boot_info;

void seL4_InitBootInfo(seL4_BootInfo *bi)
{
    boot_info = bi;
}

seL4_BootInfo *seL4_GetBootInfo(void)
{
    return boot_info;
}

/* The kernel takes 0 as "pass" and 1..127 as failure codes; fold every other
 * value main can return into 1 so that no failure reads as a pass. */
static seL4_Word halt_status(int status)
{
    return (status >= 0 && status <= 127) ? (seL4_Word)status : 1;
}

/* libsel4's assertion failure (seL4_Assert, seL4_Fail): report and stop
 * the machine with a failure status. */
_Noreturn void __assert_fail(const char *str, const char *file, int line, const char *function)
{
    printf("assertion failed: %s (%s:%d, %s)\n", str, file, line, function);
    keel_DebugHaltStatus(1);
    for (;;) {
        seL4_Yield();
    }
}

/* A subsystem's root task reports to its parent and stops; the parent
 * reclaims it. Returns only if there is no parent to report to. */
static void report_to_parent(const seL4_BootInfo *bi, int status)
{
    const keel_parent *p = (const keel_parent *)keel_bootinfo_chunk(bi, KEEL_BOOTINFO_HEADER_PARENT);

    if (p == seL4_Null || p->header.len < sizeof(*p)) {
        return;
    }
    seL4_SetMR(0, (seL4_Word)status);
    seL4_Send(p->exit_endpoint, seL4_MessageInfo_new(KEEL_EXIT_LABEL, 0, 0, 1));
    seL4_TCB_Suspend(seL4_CapInitThreadTCB);
}

/* Everything that touches a thread-local variable (the IPC buffer pointer
 * among them) runs in here, a separate function called once the thread
 * pointer is set: a compiler may read the thread pointer once per function,
 * even before a call that changes it (GCC on aarch64 hoists the
 * `mrs tpidr_el0` above keel_tls_init_root()). */
static __attribute__((noinline)) int run_main(seL4_BootInfo *bi)
{
    seL4_SetIPCBuffer(bi->ipcBuffer);
    int status = main();
    report_to_parent(bi, status);
    return status;
}

_Noreturn void keel_main_start(seL4_BootInfo *bi)
{
    int status = 2;

    if (bi == seL4_Null) {
        puts("keel runtime: no boot information in the first argument register");
    } else {
        seL4_InitBootInfo(bi);
        keel_tls_init_root();
        status = run_main(bi);
    }
    keel_DebugHaltStatus(halt_status(status));
    for (;;) {
        seL4_Yield();   /* only reached if the kernel ignored the halt */
    }
}
