/*
 * Start-up of a Keel root task after crt0: keep the boot information, point
 * the IPC-buffer accessors at the buffer the kernel mapped, run main().
 */
#include <sel4/sel4.h>
#include <keel/libc.h>
#include <keel/runtime.h>
#include <keel/thread.h>

__thread seL4_IPCBuffer *__sel4_ipc_buffer;

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

_Noreturn void keel_main_start(seL4_BootInfo *bi)
{
    int status = 2;

    if (bi == seL4_Null) {
        puts("keel runtime: no boot information in the first argument register");
    } else {
        seL4_InitBootInfo(bi);
        keel_tls_init_root();
        seL4_SetIPCBuffer(bi->ipcBuffer);
        status = main();
    }
    keel_DebugHaltStatus(halt_status(status));
    for (;;) {
        seL4_Yield();   /* only reached if the kernel ignored the halt */
    }
}
