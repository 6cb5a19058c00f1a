/*
 * Threads in the root task's own address space, and the per-thread TLS
 * blocks that hold each thread's IPC buffer pointer (__sel4_ipc_buffer).
 */
#pragma once

#include <sel4/sel4.h>

#define KEEL_TLS_AREA 512       /* bytes: the TLS block plus the arch's thread control word */

typedef struct keel_thread {
    seL4_CPtr tcb;
    seL4_IPCBuffer *ipc;
    void (*fn)(void *);
    void *arg;
    _Alignas(16) unsigned char tls[KEEL_TLS_AREA];
} keel_thread;

/* Give the initial thread its TLS block (the runtime does this before main). */
void keel_tls_init_root(void);

/* Initialise a TLS block in 'area' and return the thread-pointer value for it. */
seL4_Word keel_tls_init(void *area, seL4_Word size);

/* The capability to the frame of the root task's image that holds 'page'
 * (page-aligned, inside the image): for IPC buffers of new threads. */
seL4_CPtr keel_image_frame_cap(const void *page);

/* Create a TCB from 'untyped' into slot 'slot' of the root CNode, in the root
 * task's CSpace and VSpace, with IPC buffer 'ipc' (a page of the image) and
 * priority 'prio', and start it running fn(arg) on 'stack_top'. When fn
 * returns the thread suspends itself. */
seL4_Error keel_thread_start(keel_thread *t, seL4_CPtr untyped, seL4_CPtr slot, seL4_IPCBuffer *ipc,
                             void *stack_top, seL4_Word prio, void (*fn)(void *), void *arg);

/* Architecture glue (userland/lib/arch/<arch>/thread_arch.c). */
seL4_Word keel_arch_tls_pointer(void *area, seL4_Word block_size);
void keel_arch_set_own_tls(seL4_Word tp);
void keel_arch_init_context(seL4_UserContext *uc, seL4_Word pc, seL4_Word sp, seL4_Word arg0, seL4_Word tp);
