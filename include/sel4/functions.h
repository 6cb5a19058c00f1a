/*
 * Accessors for the calling thread's IPC buffer: message registers, user
 * data, badges and caps of a received message, and the receive path for
 * caps. Same names and meanings as libsel4's <sel4/functions.h>.
 */
#pragma once

#include <sel4/types.h>
#include <sel4/shared_types.h>
#include <sel4/bootinfo.h>

/* The calling thread's IPC buffer, in a thread-local variable as in libsel4
 * (or a plain global, LIBSEL4_THREAD_LOCAL in <sel4/types.h>). Keel's
 * runtime gives every thread a static TLS block (userland/lib/tls.c); user
 * code is built with -ftls-model=local-exec. */
extern LIBSEL4_THREAD_LOCAL seL4_IPCBuffer *__sel4_ipc_buffer;

static inline void seL4_SetIPCBuffer(seL4_IPCBuffer *ipc_buffer)
{
    __sel4_ipc_buffer = ipc_buffer;
}

static inline seL4_IPCBuffer *seL4_GetIPCBuffer(void)
{
    return __sel4_ipc_buffer;
}

static inline seL4_Word seL4_GetMR(int i)
{
    return seL4_GetIPCBuffer()->msg[i];
}

static inline void seL4_SetMR(int i, seL4_Word mr)
{
    seL4_GetIPCBuffer()->msg[i] = mr;
}

static inline seL4_Word seL4_GetUserData(void)
{
    return seL4_GetIPCBuffer()->userData;
}

static inline void seL4_SetUserData(seL4_Word data)
{
    seL4_GetIPCBuffer()->userData = data;
}

/* The badge of the i-th cap of a received message (an unwrapped cap). */
static inline seL4_Word seL4_GetBadge(int i)
{
    return seL4_GetIPCBuffer()->caps_or_badges[i];
}

/* The i-th cap of a received message, or the i-th extra cap to send. */
static inline seL4_CPtr seL4_GetCap(int i)
{
    return (seL4_CPtr)seL4_GetIPCBuffer()->caps_or_badges[i];
}

static inline void seL4_SetCap(int i, seL4_CPtr cptr)
{
    seL4_GetIPCBuffer()->caps_or_badges[i] = cptr;
}

/* Where a cap received by IPC goes: slot `index` looked up to `depth` bits
 * in the CNode `receiveCNode`. */
static inline void seL4_GetCapReceivePath(seL4_CPtr *receiveCNode, seL4_CPtr *receiveIndex,
                                          seL4_Word *receiveDepth)
{
    seL4_IPCBuffer *ipc = seL4_GetIPCBuffer();

    if (receiveCNode != seL4_Null) {
        *receiveCNode = ipc->receiveCNode;
    }
    if (receiveIndex != seL4_Null) {
        *receiveIndex = ipc->receiveIndex;
    }
    if (receiveDepth != seL4_Null) {
        *receiveDepth = ipc->receiveDepth;
    }
}

static inline void seL4_SetCapReceivePath(seL4_CPtr receiveCNode, seL4_CPtr receiveIndex,
                                          seL4_Word receiveDepth)
{
    seL4_IPCBuffer *ipc = seL4_GetIPCBuffer();

    ipc->receiveCNode = receiveCNode;
    ipc->receiveIndex = receiveIndex;
    ipc->receiveDepth = receiveDepth;
}
