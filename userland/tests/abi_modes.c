/*
 * The ABI tests of libsel4's two IPC-buffer modes: this small root task is
 * built twice, once with the IPC buffer pointer thread-local (libsel4's
 * default) and once as a plain global (-DCONFIG_LIB_SEL4_USE_THREAD_LOCALS=0,
 * against a runtime library built the same way), and each build runs in
 * QEMU. It exercises what depends on the pointer: message registers,
 * invocations through the generated stubs, an IPC round trip, and libsel4's
 * names that programs commonly use.
 */
#include <sel4/sel4.h>
#include <keel/libc.h>
#include <keel/tap.h>

#if CONFIG_LIB_SEL4_USE_THREAD_LOCALS
#define MODE "thread-local"
#define FIRST 12                /* ABI0012-0016 */
#else
#define MODE "global"
#define FIRST 17                /* ABI0017-0021 */
#endif

/* LIBSEL4_THREAD_LOCAL names the mode this file was built in. */
static bool mode_matches(void)
{
#define STR2(x) #x
#define STR(x) STR2(x)
    const char *tl = STR(LIBSEL4_THREAD_LOCAL);
    return CONFIG_LIB_SEL4_USE_THREAD_LOCALS ? strcmp(tl, "__thread") == 0 : tl[0] == '\0';
}

/* The IPC buffer the kernel mapped is the one the accessors use. */
static bool ipc_buffer_in_use(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_SetMR(5, 0x5eed);
    return seL4_GetIPCBuffer() == bi->ipcBuffer && bi->ipcBuffer->msg[5] == 0x5eed && seL4_GetMR(5) == 0x5eed;
}

/* A copy made and deleted through the generated stubs. */
static bool invocations_work(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr slot = bi->empty.start;
    if (seL4_CNode_Copy(seL4_CapInitThreadCNode, slot, seL4_WordBits, seL4_CapInitThreadCNode,
                        seL4_CapInitThreadTCB, seL4_WordBits, seL4_AllRights) != seL4_NoError)
        return false;
    bool copied = seL4_DebugCapIdentify(slot) == seL4_DebugCapIdentify(seL4_CapInitThreadTCB);
    return seL4_CNode_Delete(seL4_CapInitThreadCNode, slot, seL4_WordBits) == seL4_NoError && copied &&
           seL4_DebugCapIdentify(slot) == 0;
}

/* An error reply's detail words arrive in the message registers: a
 * Retype of a type that does not exist is InvalidArgument 0. */
static bool error_details_arrive(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_SetMR(0, 0xdead);
    seL4_Error err = seL4_Untyped_Retype(bi->untyped.start, seL4_ObjectTypeCount + 7, 0, seL4_CapInitThreadCNode,
                                         0, 0, bi->empty.start, 1);
    return err == seL4_InvalidArgument && seL4_GetMR(0) == 0;
}

/* The libsel4 names programs commonly use compile and mean what they do. */
static bool common_names(void)
{
    seL4_Assert(nInvocationLabels == 31);
    seL4_CompileTimeAssert((int)nArchInvocationLabels >= (int)nSeL4ArchInvocationLabels);
    seL4_CompileTimeAssert((int)nSeL4ArchInvocationLabels >= (int)nInvocationLabels);
    void (*set_tls)(seL4_Word) = seL4_SetTLSBase;
    seL4_Uint32 (*identify)(seL4_CPtr) = seL4_DebugCapIdentify;
    return set_tls != seL4_Null && identify(seL4_CapInitThreadTCB) != 0 && LIBSEL4_BIT(3) == 8;
}

int main(void)
{
    tap_plan(5);
    tap_diag("IPC buffer pointer: %s", MODE);
    unsigned n = FIRST;
    char name[96];
    struct { const char *what; bool (*run)(void); } tests[] = {
        { "the build's LIBSEL4_THREAD_LOCAL", mode_matches },
        { "message registers use the kernel's IPC buffer", ipc_buffer_in_use },
        { "invocations through the generated stubs", invocations_work },
        { "an error's detail words arrive in the IPC buffer", error_details_arrive },
        { "libsel4's common names (seL4_Assert, label counts, seL4_SetTLSBase)", common_names },
    };
    for (unsigned i = 0; i < 5; i++, n++) {
        snprintf(name, sizeof(name), "ABI%04u %s (%s mode)", n, tests[i].what, MODE);
        tap_result(tests[i].run(), name, NULL);
    }
    return tap_failures() == 0 ? 0 : 1;
}
