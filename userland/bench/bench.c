/*
 * The `bench` root task: kernel fast paths measured in retired instructions.
 * Run it under QEMU with -icount shift=0,align=off (./keel bench), where the
 * guest's counter advances once per instruction, so the figures repeat on a
 * noisy machine. Each figure is one JSON line:
 *   BENCH {"target":"riscv64","name":"ipc_call_replyrecv","insns_per_op":...}
 * The user-level loop's own instructions are included, as in the reference
 * figures for seL4.
 */
#include <keel/thread.h>
#include <keel/libc.h>
#include "counter.h"
#include <keel/vm_arch.h>

extern char __keel_image_start[];

#define ROUNDS 10000

/* The IPC figures of a kernel built without the fastpath carry this suffix;
 * ./keel bench runs such a kernel too, for the IPC figures only. */
#if KEEL_BENCH_FASTPATH
#define IPC_SUFFIX ""
#else
#define IPC_SUFFIX "_slowpath"
#endif

static seL4_CPtr untyped, next_slot;
static seL4_Word objects_made;      /* children of the untyped, for the revoke figure */
static seL4_CPtr ep, ntfn_a, ntfn_b;
static keel_thread partner;
static _Alignas(4096) unsigned char partner_ipc[4096];
static _Alignas(16) unsigned char partner_stack[16384];

/* Under ./keel bench (QEMU -icount) the counter counts instructions. Started
 * by the demo's shell there is most likely no -icount: the counter then
 * ticks in cycles or timer units, and the figure is named for that. */
static const char *unit_per_op = "insns_per_op";

static void report(const char *name, seL4_Word total, seL4_Word ops)
{
    printf("BENCH {\"target\":\"%s\",\"name\":\"%s\",\"%s\":%lu}\n", KEEL_TARGET, name, unit_per_op,
           (total + ops / 2) / ops);
}

static seL4_CPtr new_object(seL4_Word type, seL4_Word bits)
{
    seL4_CPtr slot = next_slot++;
    objects_made++;
    if (seL4_Untyped_Retype(untyped, type, bits, seL4_CapInitThreadCNode, 0, 0, slot, 1) != seL4_NoError)
        printf("# retype of type %lu failed\n", type);
    return slot;
}

static void start_partner(void (*fn)(void *), seL4_Word prio)
{
    objects_made++;
    seL4_Error e = keel_thread_start(&partner, untyped, next_slot++, (seL4_IPCBuffer *)partner_ipc,
                                     partner_stack + sizeof(partner_stack), prio, fn, NULL);
    if (e != seL4_NoError)
        printf("# thread start failed: %d\n", e);
}

static void stop_partner(void)
{
    seL4_TCB_Suspend(partner.tcb);
}

static void echo_server(void *arg)
{
    (void)arg;
    seL4_Word badge;
    seL4_Recv(ep, &badge);
    for (;;)
        seL4_ReplyRecv(ep, seL4_MessageInfo_new(0, 0, 0, 1), &badge);
}

static void bench_ipc(void)
{
    ep = new_object(seL4_EndpointObject, 0);
    start_partner(echo_server, seL4_MaxPrio);
    seL4_MessageInfo_t info = seL4_MessageInfo_new(0, 0, 0, 1);
    seL4_Call(ep, info);                        /* warm up */
    seL4_Word t0 = keel_counter();
    for (int i = 0; i < ROUNDS; i++)
        seL4_Call(ep, info);
    report("ipc_call_replyrecv" IPC_SUFFIX, keel_counter() - t0, ROUNDS);
    stop_partner();
}

static void ping_pong(void *arg)
{
    (void)arg;
    for (;;) {
        seL4_Wait(ntfn_a, NULL);
        seL4_Signal(ntfn_b);
    }
}

/* The VM invocations by their per-arch labels (<sel4/sel4_client.h>). */
static seL4_Error vm_invoke(seL4_CPtr cap, seL4_Word label, seL4_CPtr vspace, seL4_Word va, seL4_Word length)
{
    seL4_SetCap(0, vspace);
    seL4_SetMR(0, va);
    seL4_SetMR(1, length == 3 ? seL4_AllRights.words[0] : 0);
    seL4_SetMR(2, 0);
    return keel_invoke(cap, label, 1, length);
}

/* Map 'frame' at va in 'vspace', making the page tables that are missing. */
static seL4_Error map_page(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word va)
{
    for (int level = 0; level < 4; level++) {
        seL4_Error err = vm_invoke(frame, KEEL_LABEL_PAGE_MAP, vspace, va, 3);
        if (err != seL4_FailedLookup)
            return err;
        seL4_CPtr table = new_object(keel_table_for_bits(seL4_GetMR(2)), 0);
        if ((err = vm_invoke(table, KEEL_LABEL_TABLE_MAP, vspace, va, 2)) != seL4_NoError)
            return err;
    }
    return seL4_FailedLookup;
}

/* A second address space with the same image: copies of the image's frame
 * capabilities mapped at the same addresses into a new VSpace root. */
static seL4_CPtr second_vspace(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr root = new_object(KEEL_VSPACE_OBJECT, 0);
    if ((seL4_SetCap(0, root), keel_invoke(seL4_CapInitThreadASIDPool, KEEL_LABEL_ASID_ASSIGN, 1, 0)) != seL4_NoError)
        return 0;
    for (seL4_CPtr f = bi->userImageFrames.start; f < bi->userImageFrames.end; f++) {
        seL4_CPtr copy = next_slot++;
        seL4_Word va = (seL4_Word)__keel_image_start + ((f - bi->userImageFrames.start) << seL4_PageBits);
        if (seL4_CNode_Copy(seL4_CapInitThreadCNode, copy, seL4_WordBits, seL4_CapInitThreadCNode, f,
                            seL4_WordBits, seL4_AllRights) != seL4_NoError ||
            map_page(copy, root, va) != seL4_NoError)
            return 0;
    }
    return root;
}

/* The same round trip with the server in another address space: every
 * hand-over switches page tables. */
static void bench_ipc_other_space(void)
{
    seL4_CPtr vspace = second_vspace();
    if (!vspace) {
        printf("# could not build a second address space\n");
        return;
    }
    ep = new_object(seL4_EndpointObject, 0);
    start_partner(echo_server, seL4_MaxPrio);
    if (seL4_TCB_SetSpace(partner.tcb, 0, seL4_CapInitThreadCNode, 0, vspace, 0) != seL4_NoError) {
        printf("# SetSpace into the second address space failed\n");
        stop_partner();
        return;
    }
    seL4_MessageInfo_t info = seL4_MessageInfo_new(0, 0, 0, 1);
    seL4_Call(ep, info);                        /* warm up */
    seL4_Word t0 = keel_counter();
    for (int i = 0; i < ROUNDS; i++)
        seL4_Call(ep, info);
    report("ipc_call_replyrecv_other_space" IPC_SUFFIX, keel_counter() - t0, ROUNDS);
    stop_partner();
}

static void bench_notification(void)
{
    ntfn_a = new_object(seL4_NotificationObject, 0);
    ntfn_b = new_object(seL4_NotificationObject, 0);
    start_partner(ping_pong, seL4_MaxPrio);
    seL4_Word t0 = keel_counter();
    for (int i = 0; i < ROUNDS; i++) {
        seL4_Signal(ntfn_a);
        seL4_Wait(ntfn_b, NULL);
    }
    /* One round is two signal->wait hand-overs. */
    report("ntfn_signal_wait", keel_counter() - t0, 2 * ROUNDS);
    stop_partner();
}

static void bench_yield(void)
{
    seL4_Word t0 = keel_counter();
    for (int i = 0; i < ROUNDS; i++)
        seL4_Yield();
    report("yield", keel_counter() - t0, ROUNDS);
}

/* Context switch on preemption. The root task and a partner of the same
 * priority spin in the same loop, each storing the counter into 'stamp'
 * every iteration; neither ever enters the kernel, so the CPU changes hands
 * only when the timer tick ends a timeslice. The first iteration of the
 * newcomer measures from the other thread's last stamp to its own first
 * counter read: timer trap, tick handling, scheduler, switch and exit, plus
 * the few loop instructions on either side of the two counter reads. The
 * figure is the minimum over the samples: a thread preempted between its
 * counter read and its store of 'stamp' makes the other's next sample a
 * whole timeslice long, and under -icount the tick hits each thread at the
 * same place in its loop every time, so the samples take only a few
 * distinct values. Each sample costs a timeslice (TIMESLICE_TICKS ticks of
 * 2 ms, 10 M instructions under -icount), hence the small count. */
#define PREEMPT_SAMPLES 12

static volatile seL4_Word stamp, stamp_owner, preempt_count;
static seL4_Word preempt_samples[PREEMPT_SAMPLES];


/* Spin until PREEMPT_SAMPLES hand-overs have been measured. */
static void preempt_loop(seL4_Word me)
{
    for (;;) {
        seL4_Word now = keel_counter();
        if (stamp_owner != me) {
            seL4_Word n = preempt_count;
            if (n >= PREEMPT_SAMPLES) {
                stamp_owner = me;       /* the other thread, if it runs again, stops too */
                return;
            }
            /* now < stamp: this thread read the counter, was preempted before
             * it looked at the owner, and the other one has stamped since. */
            if (now > stamp)
                preempt_samples[preempt_count++] = now - stamp;
            stamp_owner = me;
        }
        stamp = now;
    }
}

static void preempt_partner(void *arg)
{
    (void)arg;
    preempt_loop(2);
    for (;;)
        seL4_TCB_Suspend(partner.tcb);
}

static void sort_words(seL4_Word *w, seL4_Word n)
{
    for (seL4_Word i = 1; i < n; i++)
        for (seL4_Word j = i; j > 0 && w[j - 1] > w[j]; j--) {
            seL4_Word t = w[j];
            w[j] = w[j - 1];
            w[j - 1] = t;
        }
}

static void bench_preempt(void)
{
    stamp_owner = 1;
    stamp = keel_counter();
    start_partner(preempt_partner, seL4_MaxPrio);
    preempt_loop(1);
    stop_partner();
    seL4_Word n = preempt_count;
    sort_words(preempt_samples, n);
    if (n < PREEMPT_SAMPLES) {
        printf("# context switch on preemption: only %lu samples\n", n);
        return;
    }
    printf("# context switch on preemption: %lu samples, min %lu, median %lu, max %lu\n", n,
           preempt_samples[0], preempt_samples[n / 2], preempt_samples[n - 1]);
    report("context_switch_preempt", preempt_samples[0], 1);
}

static void bench_retype(void)
{
    seL4_CPtr first = next_slot;
    next_slot += 256;
    (void)first;
    seL4_Word t0 = keel_counter();
    seL4_Untyped_Retype(untyped, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, 0, 0, first, 256);
    report("retype_endpoint", keel_counter() - t0, 256);
    objects_made += 256;
    t0 = keel_counter();
    seL4_CNode_Revoke(seL4_CapInitThreadCNode, untyped, seL4_WordBits);
    report("revoke_per_cap", keel_counter() - t0, objects_made);
}

/* ---- -Dbench_trace: the longest stretch without a preemption point ----
 * The kernel measures (core/bench_trace.h); the bench runs the long
 * operations one by one between seL4_BenchmarkResetLog and
 * seL4_BenchmarkFinalizeLog, so it knows which one produced the longest. */
#define TRACE_RADIX 12                      /* a CNode of 4096 slots */
#define TRACE_SLOTS (1ul << TRACE_RADIX)

static seL4_Word longest_insns;
static const char *longest_op = "none";

static void trace_report(const char *op, seL4_Word insns)
{
    printf("BENCH {\"target\":\"%s\",\"name\":\"nonpreemptible_%s\",\"insns\":%lu}\n", KEEL_TARGET, op,
           insns);
    if (insns > longest_insns) {
        longest_insns = insns;
        longest_op = op;
    }
}

/* The largest non-device Untyped: the one whose first Retype clears most. */
static seL4_CPtr largest_untyped(seL4_Word *bits)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_CPtr best = 0;
    *bits = 0;
    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (!d->isDevice && d->sizeBits > *bits) {
            best = bi->untyped.start + i;
            *bits = d->sizeBits;
        }
    }
    return best;
}

/* A CNode of TRACE_SLOTS slots from ut, every slot an endpoint from ut. */
static seL4_CPtr full_cnode(seL4_CPtr ut)
{
    seL4_CPtr cnode = next_slot++;
    if (seL4_Untyped_Retype(ut, seL4_CapTableObject, TRACE_RADIX, seL4_CapInitThreadCNode, 0, 0, cnode, 1) !=
        seL4_NoError)
        printf("# retype of the CNode failed\n");
    for (seL4_Word off = 0; off < TRACE_SLOTS; off += 256)
        if (seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, cnode, seL4_WordBits, off,
                                256) != seL4_NoError)
            printf("# retype of 256 endpoints failed\n");
    return cnode;
}

static void bench_trace(void)
{
    seL4_Word bits;
    seL4_CPtr ut = largest_untyped(&bits);
    next_slot = seL4_GetBootInfo()->empty.start;
    /* The first Retype of a boot Untyped clears all of it (untyped.c). */
    seL4_BenchmarkResetLog();
    seL4_CPtr cnode = full_cnode(ut);
    trace_report("retype_first_clears_untyped", seL4_BenchmarkFinalizeLog());
    printf("# the Untyped cleared: %lu MiB\n", (1ul << bits) >> 20);
    /* 16 Retypes of 256 endpoints each, into a fresh CNode. */
    seL4_CPtr c2 = next_slot++;
    seL4_Untyped_Retype(ut, seL4_CapTableObject, TRACE_RADIX, seL4_CapInitThreadCNode, 0, 0, c2, 1);
    seL4_BenchmarkResetLog();
    for (seL4_Word off = 0; off < TRACE_SLOTS; off += 256)
        seL4_Untyped_Retype(ut, seL4_EndpointObject, 0, seL4_CapInitThreadCNode, c2, seL4_WordBits, off, 256);
    trace_report("retype_256_endpoints", seL4_BenchmarkFinalizeLog());
    /* Delete of a CNode holding the last capabilities to 4096 endpoints. */
    seL4_BenchmarkResetLog();
    seL4_CNode_Delete(seL4_CapInitThreadCNode, cnode, seL4_WordBits);
    trace_report("delete_full_cnode", seL4_BenchmarkFinalizeLog());
    /* Revoke of the Untyped: the other CNode and its 4096 endpoints. */
    seL4_BenchmarkResetLog();
    seL4_CNode_Revoke(seL4_CapInitThreadCNode, ut, seL4_WordBits);
    trace_report("revoke_untyped", seL4_BenchmarkFinalizeLog());
    /* The next Retype clears what the revoked children used. */
    seL4_BenchmarkResetLog();
    full_cnode(ut);
    trace_report("retype_after_revoke", seL4_BenchmarkFinalizeLog());
    printf("BENCH {\"target\":\"%s\",\"name\":\"longest_nonpreemptible\",\"insns\":%lu,\"op\":\"%s\"}\n",
           KEEL_TARGET, longest_insns, longest_op);
}

static void pick_untyped(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();
    seL4_Word best = 0;
    for (seL4_Word i = 0; i < bi->untyped.end - bi->untyped.start; i++) {
        const seL4_UntypedDesc *d = &bi->untypedList[i];
        if (!d->isDevice && d->sizeBits >= 20 && (!untyped || d->sizeBits < best)) {
            untyped = bi->untyped.start + i;
            best = d->sizeBits;
        }
    }
    next_slot = bi->empty.start;
}

int main(void)
{
    if (KEEL_BENCH_TRACE) {
        /* The stretch meter's kernel: that figure only (./keel bench). */
        bench_trace();
        return 0;
    }
    if (!KEEL_BENCH_FASTPATH) {
        /* Only the IPC figures differ without the fastpath. */
    } else if (keel_bootinfo_chunk(seL4_GetBootInfo(), KEEL_BOOTINFO_HEADER_PARENT) != NULL) {
        /* Started by the demo's shell: most likely without -icount. */
        printf("# a subsystem: figures in counter ticks (cycles or time, not instructions: no -icount here;\n"
               "# ./keel bench measures instructions)\n");
        unit_per_op = "counter_ticks_per_op";
    } else {
        /* Everything from reset to here: firmware (OpenSBI / SeaBIOS and
         * GRUB), the kernel's boot and the runtime's start-up. */
        report("boot_to_roottask", keel_counter(), 1);
    }
    pick_untyped();
    if (!untyped) {
        printf("# no untyped of 1 MiB or more\n");
        return 1;
    }
    bench_ipc();
    bench_ipc_other_space();
    if (!KEEL_BENCH_FASTPATH)
        return 0;
    bench_notification();
    bench_yield();
    if (keel_bootinfo_chunk(seL4_GetBootInfo(), KEEL_BOOTINFO_HEADER_PARENT) != NULL)
        /* The partner needs seL4_MaxPrio, which a subsystem's MCP withholds. */
        printf("# context switch on preemption: skipped in a subsystem (needs seL4_MaxPrio)\n");
    else
        bench_preempt();
    bench_retype();
    return 0;
}
