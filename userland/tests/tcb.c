/*
 * TCB: the thread invocations. Configure, SetSpace and SetIPCBuffer with
 * their argument checks; priorities against the authority's MCP;
 * Suspend/Resume seen from a thread's progress; Read/Write/CopyRegisters
 * round trips through threads that are not running; SetTLSBase.
 */
#include "workers.h"

/* The first registers of seL4_UserContext that TCB_CopyRegisters calls
 * "frame" registers (the rest are "integer" registers), and the index of
 * the TLS base in it. */
#if defined(__riscv)
#define FRAME_REGS 16
#define TLS_REG 31
#elif defined(__x86_64__)
#define FRAME_REGS 18
#define TLS_REG 18
#define FLAGS_REG 2
#elif defined(__i386__)
#define FRAME_REGS 10
#define TLS_REG 11              /* gs_base */
#define FLAGS_REG 2
#elif defined(__aarch64__)
#define FRAME_REGS 17
#define TLS_REG 34              /* tpidr_el0 */
#endif

/* Two pages of the image, for IPC buffers of threads that never run. */
static _Alignas(4096) unsigned char buffer_page[4096];

static seL4_CPtr buffer_frame(void)
{
    return keel_image_frame_cap(buffer_page);
}

/* A TCB object in a new slot, not configured, never run. */
static seL4_CPtr fresh_tcb(void)
{
    return new_object(seL4_TCBObject, 0);
}

/* ---- Configure / SetSpace / SetIPCBuffer ---- */

static const char *tcb_configure_ok(void)
{
    seL4_CPtr t = fresh_tcb();

    CHECK(t != 0, "no TCB");
    return expect_ok(seL4_TCB_Configure(t, 0, ROOT, 0, seL4_CapInitThreadVSpace, 0, (seL4_Word)buffer_page,
                                        buffer_frame()),
                     "Configure with the root CNode, VSpace and an image page");
}

static const char *tcb_configure_bad_cspace(void)
{
    seL4_CPtr t = fresh_tcb(), ep = new_endpoint();

    CHECK(t != 0 && ep != 0, "no objects");
    return EXPECT_PLAIN_ERROR(seL4_TCB_Configure(t, 0, ep, 0, seL4_CapInitThreadVSpace, 0, (seL4_Word)buffer_page,
                                                 buffer_frame()),
                              seL4_IllegalOperation, "Configure with an endpoint as CSpace root");
}

static const char *tcb_configure_bad_vspace(void)
{
    seL4_CPtr t = fresh_tcb(), ep = new_endpoint();

    CHECK(t != 0 && ep != 0, "no objects");
    return EXPECT_PLAIN_ERROR(seL4_TCB_Configure(t, 0, ROOT, 0, ep, 0, (seL4_Word)buffer_page, buffer_frame()),
                              seL4_IllegalOperation, "Configure with an endpoint as VSpace root");
}

static const char *tcb_configure_unaligned_buffer(void)
{
    seL4_CPtr t = fresh_tcb();

    CHECK(t != 0, "no TCB");
    return EXPECT_PLAIN_ERROR(seL4_TCB_Configure(t, 0, ROOT, 0, seL4_CapInitThreadVSpace, 0,
                                                 (seL4_Word)buffer_page + (1u << seL4_IPCBufferSizeBits) / 2,
                                                 buffer_frame()),
                              seL4_AlignmentError, "Configure with a buffer half its size into a page");
}

static const char *tcb_configure_nonframe_buffer(void)
{
    seL4_CPtr t = fresh_tcb(), ep = new_endpoint();

    CHECK(t != 0 && ep != 0, "no objects");
    return EXPECT_PLAIN_ERROR(seL4_TCB_Configure(t, 0, ROOT, 0, seL4_CapInitThreadVSpace, 0, (seL4_Word)buffer_page,
                                                 ep),
                              seL4_IllegalOperation, "Configure with an endpoint as buffer frame");
}

static const char *tcb_configure_truncated(void)
{
    seL4_CPtr t = fresh_tcb();

    CHECK(t != 0, "no TCB");
    seL4_SetCap(0, ROOT);
    seL4_SetCap(1, seL4_CapInitThreadVSpace);
    seL4_SetMR(0, 0);
    seL4_SetMR(1, 0);
    seL4_SetMR(2, 0);
    seL4_SetMR(3, (seL4_Word)buffer_page);
    return EXPECT_PLAIN_ERROR(keel_invoke(t, TCBConfigure, 2, 4), seL4_TruncatedMessage,
                              "Configure with two extra caps");
}

static const char *tcb_setspace_bad_cspace(void)
{
    seL4_CPtr t = fresh_tcb(), n = new_notification();

    CHECK(t != 0 && n != 0, "no objects");
    return EXPECT_PLAIN_ERROR(seL4_TCB_SetSpace(t, 0, n, 0, seL4_CapInitThreadVSpace, 0), seL4_IllegalOperation,
                              "SetSpace with a notification as CSpace root");
}

static const char *tcb_setspace_bad_vspace(void)
{
    return EXPECT_PLAIN_ERROR(seL4_TCB_SetSpace(fresh_tcb(), 0, ROOT, 0, ROOT, 0), seL4_IllegalOperation,
                              "SetSpace with a CNode as VSpace root");
}

static const char *tcb_setspace_truncated(void)
{
    seL4_CPtr t = fresh_tcb();

    seL4_SetCap(0, ROOT);
    seL4_SetMR(0, 0);
    seL4_SetMR(1, 0);
    seL4_SetMR(2, 0);
    return EXPECT_PLAIN_ERROR(keel_invoke(t, TCBSetSpace, 1, 3), seL4_TruncatedMessage,
                              "SetSpace with one extra cap");
}

static const char *tcb_setspace_ok(void)
{
    return expect_ok(seL4_TCB_SetSpace(fresh_tcb(), 0, ROOT, 0, seL4_CapInitThreadVSpace, 0),
                     "SetSpace with the root CNode and VSpace");
}

static const char *tcb_ipcbuffer_unaligned(void)
{
    return EXPECT_PLAIN_ERROR(seL4_TCB_SetIPCBuffer(fresh_tcb(), (seL4_Word)buffer_page + 8, buffer_frame()),
                              seL4_AlignmentError, "SetIPCBuffer 8 bytes into a page");
}

static const char *tcb_ipcbuffer_nonframe(void)
{
    return EXPECT_PLAIN_ERROR(seL4_TCB_SetIPCBuffer(fresh_tcb(), (seL4_Word)buffer_page, ROOT),
                              seL4_IllegalOperation, "SetIPCBuffer with a CNode as frame");
}

static const char *tcb_ipcbuffer_truncated(void)
{
    seL4_CPtr t = fresh_tcb();

    seL4_SetMR(0, (seL4_Word)buffer_page);
    return EXPECT_PLAIN_ERROR(keel_invoke(t, TCBSetIPCBuffer, 0, 1), seL4_TruncatedMessage,
                              "SetIPCBuffer without a frame cap");
}

static const char *tcb_ipcbuffer_ok(void)
{
    seL4_CPtr t = fresh_tcb();

    TRY(expect_ok(seL4_TCB_SetIPCBuffer(t, (seL4_Word)buffer_page + 1024, buffer_frame()),
                  "SetIPCBuffer 1 KiB into a page"));
    return expect_ok(seL4_TCB_SetIPCBuffer(t, 0, buffer_frame()), "SetIPCBuffer 0 (no buffer)");
}

/* ---- priorities ---- */

static const char *tcb_prio_above_mcp(void)
{
    seL4_CPtr auth = fresh_tcb(), t = fresh_tcb();

    TRY(expect_ok(seL4_TCB_SetMCPriority(auth, seL4_CapInitThreadTCB, 60), "SetMCPriority 60"));
    TRY(EXPECT_ERROR(seL4_TCB_SetPriority(t, auth, 61), seL4_RangeError, "SetPriority 61 under MCP 60", 0, 60));
    return expect_ok(seL4_TCB_SetPriority(t, auth, 60), "SetPriority 60 under MCP 60");
}

static const char *tcb_prio_bad_authority(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_TCB_SetPriority(fresh_tcb(), ep, 10), seL4_InvalidCapability,
                        "SetPriority with an endpoint as authority", 1);
}

static const char *tcb_mcp_above_mcp(void)
{
    seL4_CPtr auth = fresh_tcb(), t = fresh_tcb();

    TRY(expect_ok(seL4_TCB_SetMCPriority(auth, seL4_CapInitThreadTCB, 30), "SetMCPriority 30"));
    return EXPECT_ERROR(seL4_TCB_SetMCPriority(t, auth, 31), seL4_RangeError, "SetMCPriority 31 under MCP 30", 0,
                        30);
}

static const char *tcb_mcp_bad_authority(void)
{
    return EXPECT_ERROR(seL4_TCB_SetMCPriority(fresh_tcb(), ROOT, 10), seL4_InvalidCapability,
                        "SetMCPriority with a CNode as authority", 1);
}

static const char *tcb_schedparams_above_mcp(void)
{
    seL4_CPtr auth = fresh_tcb(), t = fresh_tcb();

    TRY(expect_ok(seL4_TCB_SetMCPriority(auth, seL4_CapInitThreadTCB, 40), "SetMCPriority 40"));
    TRY(EXPECT_ERROR(seL4_TCB_SetSchedParams(t, auth, 41, 10), seL4_RangeError, "SetSchedParams mcp 41", 0, 40));
    TRY(EXPECT_ERROR(seL4_TCB_SetSchedParams(t, auth, 10, 41), seL4_RangeError, "SetSchedParams prio 41", 0, 40));
    return expect_ok(seL4_TCB_SetSchedParams(t, auth, 40, 40), "SetSchedParams 40 40");
}

/* SetSchedParams sets the MCP: the thread is then an authority up to it. */
static const char *tcb_schedparams_sets_mcp(void)
{
    seL4_CPtr t = fresh_tcb(), u = fresh_tcb();

    TRY(expect_ok(seL4_TCB_SetSchedParams(t, seL4_CapInitThreadTCB, 70, 20), "SetSchedParams 70 20"));
    TRY(expect_ok(seL4_TCB_SetPriority(u, t, 70), "SetPriority 70 with MCP 70"));
    return EXPECT_ERROR(seL4_TCB_SetPriority(u, t, 71), seL4_RangeError, "SetPriority 71 with MCP 70", 0, 70);
}

static const char *tcb_prio_truncated(void)
{
    seL4_CPtr t = fresh_tcb();

    seL4_SetMR(0, 10);
    return EXPECT_PLAIN_ERROR(keel_invoke(t, TCBSetPriority, 0, 1), seL4_TruncatedMessage,
                              "SetPriority without an authority cap");
}

static const char *tcb_prio_255(void)
{
    seL4_CPtr t = fresh_tcb();

    TRY(expect_ok(seL4_TCB_SetPriority(t, seL4_CapInitThreadTCB, seL4_MaxPrio), "SetPriority 255"));
    return EXPECT_ERROR(seL4_TCB_SetPriority(t, seL4_CapInitThreadTCB, seL4_MaxPrio + 1), seL4_RangeError,
                        "SetPriority 256", 0, seL4_MaxPrio);
}

/* ---- Suspend / Resume ---- */

static void count_and_yield(worker *w)
{
    for (;;) {
        w->steps++;
        seL4_Yield();
    }
}

static const char *tcb_suspend_stops(void)
{
    worker *w = worker_start(0, PRIO_ROOT, 0, count_and_yield, 0, 0);
    seL4_Word before;

    CHECK(w != NULL, "%s", worker_error());
    yield_n(3);
    CHECK(w->steps > 0, "the worker made no progress before the suspend");
    TRY(expect_ok(seL4_TCB_Suspend(w->tcb), "Suspend"));
    before = w->steps;
    yield_n(5);
    CHECK(w->steps == before, "a suspended thread went from %lu to %lu steps", before, w->steps);
    return NULL;
}

static const char *tcb_resume_restarts(void)
{
    worker *w = worker_start(0, PRIO_ROOT, 0, count_and_yield, 0, 0);
    seL4_Word before;

    CHECK(w != NULL, "%s", worker_error());
    yield_n(2);
    TRY(expect_ok(seL4_TCB_Suspend(w->tcb), "Suspend"));
    before = w->steps;
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    yield_n(3);
    CHECK(w->steps > before, "a resumed thread stayed at %lu steps", before);
    return NULL;
}

/* Resuming a thread that runs changes nothing (it is not started twice). */
static void count_once(worker *w)
{
    w->steps++;
    seL4_Wait(w->cap, NULL);
    w->steps += 100;
}

static const char *tcb_resume_running_noop(void)
{
    seL4_CPtr n = new_notification();
    worker *w = worker_start(0, PRIO_HI, 0, count_once, n, 0);

    CHECK(w != NULL, "%s", worker_error());
    CHECK(w->steps == 1, "the worker ran %lu times before blocking", w->steps);
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume of a blocked thread"));
    CHECK(w->steps == 1, "Resume of a thread blocked in Wait woke it (steps %lu)", w->steps);
    return NULL;
}

static const char *tcb_delete_stops(void)
{
    worker *w = worker_start(0, PRIO_ROOT, 0, count_and_yield, 0, 0);
    seL4_Word before;

    CHECK(w != NULL, "%s", worker_error());
    yield_n(2);
    TRY(expect_ok(seL4_CNode_Delete(ROOT, w->tcb, ROOT_DEPTH), "deleting the only TCB cap"));
    before = w->steps;
    yield_n(5);
    CHECK(w->steps == before, "a deleted thread went from %lu to %lu steps", before, w->steps);
    return NULL;
}

static const char *tcb_bad_label(void)
{
    return EXPECT_PLAIN_ERROR(keel_invoke(fresh_tcb(), CNodeCopy, 0, 0), seL4_IllegalOperation,
                              "a CNode label on a TCB");
}

/* ---- registers ---- */

static void pattern(seL4_UserContext *uc, seL4_Word base)
{
    seL4_Word *r = (seL4_Word *)uc;

    for (seL4_Word i = 0; i < NUM_CONTEXT_REGS; i++) {
        r[i] = base + i * 8;
    }
#ifdef FLAGS_REG
    r[FLAGS_REG] = 0x202;       /* IF and the reserved bit: what user flags look like */
#endif
}

static const char *compare(const seL4_UserContext *got, const seL4_UserContext *want, seL4_Word from, seL4_Word to)
{
    const seL4_Word *g = (const seL4_Word *)got, *w = (const seL4_Word *)want;

    for (seL4_Word i = from; i < to; i++) {
        CHECK(g[i] == w[i], "register %lu of seL4_UserContext is %lx, want %lx", i, g[i], w[i]);
    }
    return NULL;
}

static const char *tcb_regs_round_trip(void)
{
    worker *w = worker_create(0, PRIO_HI, 0, count_and_yield, 0, 0);
    seL4_UserContext in, out;

    CHECK(w != NULL, "%s", worker_error());
    pattern(&in, 0x10000);
    memset(&out, 0, sizeof(out));
    TRY(expect_ok(seL4_TCB_WriteRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &in), "WriteRegisters"));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &out), "ReadRegisters"));
    return compare(&out, &in, 0, NUM_CONTEXT_REGS);
}

static const char *tcb_read_count_zero(void)
{
    seL4_UserContext uc;

    return EXPECT_ERROR(seL4_TCB_ReadRegisters(fresh_tcb(), 0, 0, 0, &uc), seL4_RangeError, "ReadRegisters of 0", 1,
                        NUM_CONTEXT_REGS);
}

static const char *tcb_read_count_too_large(void)
{
    seL4_UserContext uc;

    return EXPECT_ERROR(seL4_TCB_ReadRegisters(fresh_tcb(), 0, 0, NUM_CONTEXT_REGS + 1, &uc), seL4_RangeError,
                        "ReadRegisters of one too many", 1, NUM_CONTEXT_REGS);
}

static const char *tcb_read_own(void)
{
    seL4_UserContext uc;

    return EXPECT_PLAIN_ERROR(seL4_TCB_ReadRegisters(seL4_CapInitThreadTCB, 0, 0, 1, &uc), seL4_IllegalOperation,
                              "ReadRegisters of the calling thread");
}

static const char *tcb_write_own(void)
{
    seL4_UserContext uc;

    memset(&uc, 0, sizeof(uc));
    return EXPECT_PLAIN_ERROR(seL4_TCB_WriteRegisters(seL4_CapInitThreadTCB, 0, 0, 1, &uc), seL4_IllegalOperation,
                              "WriteRegisters of the calling thread");
}

static const char *tcb_write_truncated(void)
{
    seL4_CPtr t = fresh_tcb();

    seL4_SetMR(0, 0);
    seL4_SetMR(1, 5);           /* five registers announced, none sent */
    return EXPECT_PLAIN_ERROR(keel_invoke(t, TCBWriteRegisters, 0, 2), seL4_TruncatedMessage,
                              "WriteRegisters of 5 with no values");
}

/* Entered through WriteRegisters: the argument register carries w. */
static void alt_entry(worker *w)
{
    seL4_SetIPCBuffer(w->ipc);
    w->r[0] = 0xa17;
    w->done = 1;
    seL4_TCB_Suspend(w->tcb);
}

static const char *tcb_write_resume_runs(void)
{
    worker *w = worker_create(0, PRIO_HI, 0, count_and_yield, 0, 0);
    seL4_UserContext uc;

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters"));
#if defined(__x86_64__)
    uc.rip = (seL4_Word)alt_entry;
#elif defined(__i386__)
    /* cdecl takes w from the stack: enter through the thread start stub,
     * which calls esi with ebx (w, as the worker was created with). */
    extern char keel_ia32_thread_start[];
    uc.eip = (seL4_Word)keel_ia32_thread_start;
    uc.esi = (seL4_Word)alt_entry;
#else
    uc.pc = (seL4_Word)alt_entry;
#endif
    TRY(expect_ok(seL4_TCB_WriteRegisters(w->tcb, 1, 0, NUM_CONTEXT_REGS, &uc), "WriteRegisters with resume"));
    CHECK(w->r[0] == 0xa17 && w->steps == 0, "the thread did not run from the written pc (r0 %lx, steps %lu)",
          w->r[0], w->steps);
    return NULL;
}

/* ---- a written pc wins over the restart of a system call ---- */

static seL4_CPtr waiting_ep;

/* Blocks in Recv on w->cap, or (w->arg) in a Call the root never answers. */
static void blocking_waiter(worker *w)
{
    if (w->arg)
        seL4_Call(w->cap, seL4_MessageInfo_new(1, 0, 0, 0));
    else
        seL4_Recv(w->cap, NULL);
    w->steps++;
}

/* Where the written pc sends the thread. */
static void written_entry(worker *w)
{
    seL4_SetIPCBuffer(w->ipc);
    w->r[1] = 0xe27;
    seL4_TCB_Suspend(w->tcb);
}

static seL4_Word uc_pc(const seL4_UserContext *uc)
{
#if defined(__x86_64__)
    return uc->rip;
#elif defined(__i386__)
    return uc->eip;
#else
    return uc->pc;
#endif
}

/* Returns the pc written: on ia32 the thread start stub, which calls
 * written_entry with w (cdecl passes arguments on the stack). */
static seL4_Word point_at_written_entry(seL4_UserContext *uc, worker *w)
{
#if defined(__x86_64__)
    uc->rip = (seL4_Word)written_entry;
    uc->rdi = (seL4_Word)w;
#elif defined(__i386__)
    extern char keel_ia32_thread_start[];      /* calls esi with ebx (cdecl) */
    uc->eip = (seL4_Word)keel_ia32_thread_start;
    uc->esi = (seL4_Word)written_entry;
    uc->ebx = (seL4_Word)w;
#elif defined(__riscv)
    uc->pc = (seL4_Word)written_entry;
    uc->a0 = (seL4_Word)w;
#else
    uc->pc = (seL4_Word)written_entry;
    uc->x0 = (seL4_Word)w;
#endif
    return uc_pc(uc);
}

/* A thread at PRIO_LO blocked in Recv (call 0) or in a Call (call 1). */
static const char *start_waiter(worker **out, seL4_Word call)
{
    waiting_ep = new_endpoint();
    worker *w = worker_start(0, PRIO_LO, 0, blocking_waiter, waiting_ep, call);
    CHECK(w != NULL && waiting_ep != 0, "%s", worker_error());
    TRY(expect_ok(root_priority(PRIO_LO - 1), "lowering the root"));
    TRY(expect_ok(root_priority(PRIO_ROOT), "raising the root"));
    if (call) {
        seL4_Word badge;
        seL4_MessageInfo_t tag = seL4_NBRecv(waiting_ep, &badge);
        CHECK_TAG(tag, 1, 0, "the waiter's Call");
    }
    *out = w;
    return NULL;
}

/* seL4: WriteRegisters sets NextIP to the written FaultIP, so a thread
 * whose Recv is then cancelled (Suspend, Resume) resumes at the written pc,
 * not one instruction before it. */
static const char *tcb_write_blocked_then_restart(void)
{
    worker *w;
    seL4_UserContext uc;

    TRY(start_waiter(&w, 0));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters"));
    seL4_Word written = point_at_written_entry(&uc, w);
    TRY(expect_ok(seL4_TCB_WriteRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "WriteRegisters"));
    TRY(expect_ok(seL4_TCB_Suspend(w->tcb), "Suspend"));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters again"));
    CHECK(uc_pc(&uc) == written, "the suspended thread's pc is %lx, the written one %lx", uc_pc(&uc), written);
    TRY(expect_ok(seL4_TCB_Resume(w->tcb), "Resume"));
    TRY(expect_ok(root_priority(PRIO_LO - 1), "lowering the root"));
    CHECK(w->r[1] == 0xe27 && w->steps == 0, "the thread did not run from the written pc (r1 %lx, steps %lu)",
          w->r[1], w->steps);
    return NULL;
}

/* WriteRegisters with resume of a thread waiting for its reply (seL4's
 * restart() of a BlockedOnReply thread): it runs from the written pc. */
static const char *tcb_write_resume_caller(void)
{
    worker *w;
    seL4_UserContext uc;

    TRY(start_waiter(&w, 1));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters"));
    seL4_Word written = point_at_written_entry(&uc, w);
    TRY(expect_ok(seL4_TCB_WriteRegisters(w->tcb, 1, 0, NUM_CONTEXT_REGS, &uc), "WriteRegisters with resume"));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters again"));
    CHECK(uc_pc(&uc) == written, "the resumed thread's pc is %lx, the written one %lx", uc_pc(&uc), written);
    TRY(expect_ok(root_priority(PRIO_LO - 1), "lowering the root"));
    CHECK(w->r[1] == 0xe27 && w->steps == 0, "the thread did not run from the written pc (r1 %lx, steps %lu)",
          w->r[1], w->steps);
    return NULL;
}

/* seL4's ReadRegisters gives FaultIP: for a thread waiting in a system call,
 * the address of its syscall instruction; a message then wakes it past it. */
static const char *tcb_read_blocked_pc(void)
{
    worker *w;
    seL4_UserContext uc, after;

    TRY(start_waiter(&w, 0));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters"));
    TRY(expect_ok(seL4_TCB_Suspend(w->tcb), "Suspend"));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &after), "ReadRegisters suspended"));
    CHECK(uc_pc(&uc) == uc_pc(&after), "blocked pc %lx, after Suspend %lx", uc_pc(&uc), uc_pc(&after));
#if defined(__x86_64__)
    const unsigned char *insn = (const unsigned char *)uc_pc(&uc);
    CHECK(insn[0] == 0x0f && insn[1] == 0x05, "the pc does not point at a syscall instruction");
#elif defined(__i386__)
    const unsigned char *insn = (const unsigned char *)uc_pc(&uc);
    CHECK(insn[0] == 0x0f && insn[1] == 0x34, "the pc does not point at a sysenter instruction");
#elif defined(__riscv)
    CHECK(*(const unsigned int *)uc_pc(&uc) == 0x00000073u, "the pc does not point at ecall");
#else
    CHECK(*(const unsigned int *)uc_pc(&uc) == 0xd4000001u, "the pc does not point at svc #0");
#endif
    return NULL;
}

/* ---- seL4_DomainSet_Set (one domain, as seL4 without CONFIG_NUM_DOMAINS) ---- */

static const char *domain_set_zero(void)
{
    seL4_CPtr t = fresh_tcb();

    CHECK(t != 0, "no TCB");
    TRY(expect_ok(seL4_DomainSet_Set(seL4_CapDomain, 0, t), "DomainSet_Set of a new TCB to domain 0"));
    return expect_ok(seL4_DomainSet_Set(seL4_CapDomain, 0, seL4_CapInitThreadTCB), "DomainSet_Set of the root");
}

static const char *domain_set_bad(void)
{
    seL4_CPtr t = fresh_tcb(), ep = new_endpoint();

    CHECK(t != 0 && ep != 0, "no objects");
    TRY(EXPECT_ERROR(seL4_DomainSet_Set(seL4_CapDomain, 1, t), seL4_InvalidArgument, "domain 1", 0));
    TRY(EXPECT_ERROR(seL4_DomainSet_Set(seL4_CapDomain, 255, t), seL4_InvalidArgument, "domain 255", 0));
    TRY(EXPECT_ERROR(seL4_DomainSet_Set(seL4_CapDomain, 0, ep), seL4_InvalidArgument, "an endpoint", 1));
    seL4_SetCap(0, t);
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(seL4_CapDomain, DomainSetSet, 1, 0), seL4_TruncatedMessage,
                           "no domain argument"));
    seL4_SetMR(0, 0);
    TRY(EXPECT_PLAIN_ERROR(keel_invoke(seL4_CapDomain, DomainSetSet, 0, 1), seL4_TruncatedMessage,
                           "no TCB capability"));
    seL4_SetMR(0, 0);
    seL4_SetCap(0, t);
    return EXPECT_PLAIN_ERROR(keel_invoke(seL4_CapDomain, TCBSuspend, 1, 1), seL4_IllegalOperation,
                              "another label on the domain capability");
}

static const char *tcb_read_suspends(void)
{
    worker *w = worker_start(0, PRIO_ROOT, 0, count_and_yield, 0, 0);
    seL4_UserContext uc;
    seL4_Word before;

    CHECK(w != NULL, "%s", worker_error());
    yield_n(2);
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 1, 0, 1, &uc), "ReadRegisters with suspend"));
    before = w->steps;
    yield_n(4);
    CHECK(w->steps == before, "the thread still ran: %lu -> %lu steps", before, w->steps);
    return NULL;
}

static const char *tcb_copy_all(void)
{
    worker *a = worker_create(0, PRIO_HI, 0, count_and_yield, 0, 0);
    worker *b = worker_create(1, PRIO_HI, 0, count_and_yield, 0, 0);
    seL4_UserContext pa, pb, out;

    CHECK(a != NULL && b != NULL, "%s", worker_error());
    pattern(&pa, 0x20000);
    pattern(&pb, 0x30000);
    TRY(expect_ok(seL4_TCB_WriteRegisters(a->tcb, 0, 0, NUM_CONTEXT_REGS, &pa), "WriteRegisters a"));
    TRY(expect_ok(seL4_TCB_WriteRegisters(b->tcb, 0, 0, NUM_CONTEXT_REGS, &pb), "WriteRegisters b"));
    TRY(expect_ok(seL4_TCB_CopyRegisters(b->tcb, a->tcb, 0, 0, 1, 1, 0), "CopyRegisters frame and integer"));
    TRY(expect_ok(seL4_TCB_ReadRegisters(b->tcb, 0, 0, NUM_CONTEXT_REGS, &out), "ReadRegisters b"));
    return compare(&out, &pa, 0, NUM_CONTEXT_REGS);
}

static const char *tcb_copy_frame_only(void)
{
    worker *a = worker_create(0, PRIO_HI, 0, count_and_yield, 0, 0);
    worker *b = worker_create(1, PRIO_HI, 0, count_and_yield, 0, 0);
    seL4_UserContext pa, pb, out;

    CHECK(a != NULL && b != NULL, "%s", worker_error());
    pattern(&pa, 0x40000);
    pattern(&pb, 0x50000);
    TRY(expect_ok(seL4_TCB_WriteRegisters(a->tcb, 0, 0, NUM_CONTEXT_REGS, &pa), "WriteRegisters a"));
    TRY(expect_ok(seL4_TCB_WriteRegisters(b->tcb, 0, 0, NUM_CONTEXT_REGS, &pb), "WriteRegisters b"));
    TRY(expect_ok(seL4_TCB_CopyRegisters(b->tcb, a->tcb, 0, 0, 1, 0, 0), "CopyRegisters frame only"));
    TRY(expect_ok(seL4_TCB_ReadRegisters(b->tcb, 0, 0, NUM_CONTEXT_REGS, &out), "ReadRegisters b"));
    TRY(compare(&out, &pa, 0, FRAME_REGS));
    return compare(&out, &pb, FRAME_REGS, NUM_CONTEXT_REGS);
}

static const char *tcb_copy_bad_source(void)
{
    seL4_CPtr ep = new_endpoint();

    return EXPECT_ERROR(seL4_TCB_CopyRegisters(fresh_tcb(), ep, 0, 0, 1, 1, 0), seL4_InvalidCapability,
                        "CopyRegisters from an endpoint", 1);
}

static const char *tcb_set_tls_base(void)
{
    worker *w = worker_create(0, PRIO_HI, 0, count_and_yield, 0, 0);
    seL4_UserContext uc;

    CHECK(w != NULL, "%s", worker_error());
    TRY(expect_ok(seL4_TCB_SetTLSBase(w->tcb, 0x7000), "SetTLSBase"));
    TRY(expect_ok(seL4_TCB_ReadRegisters(w->tcb, 0, 0, NUM_CONTEXT_REGS, &uc), "ReadRegisters"));
    CHECK(((seL4_Word *)&uc)[TLS_REG] == 0x7000, "the TLS register is %lx", ((seL4_Word *)&uc)[TLS_REG]);
    return NULL;
}

static const char *tcb_set_tls_truncated(void)
{
    return EXPECT_PLAIN_ERROR(keel_invoke(fresh_tcb(), TCBSetTLSBase, 0, 0), seL4_TruncatedMessage,
                              "SetTLSBase without an argument");
}

static const struct test tests[] = {
    { "TCB0001 Configure with a CNode, a VSpace and a frame succeeds", tcb_configure_ok },
    { "TCB0002 Configure with a non-CNode CSpace root is IllegalOperation", tcb_configure_bad_cspace },
    { "TCB0003 Configure with a non-VSpace root is IllegalOperation", tcb_configure_bad_vspace },
    { "TCB0004 Configure with an unaligned IPC buffer is AlignmentError", tcb_configure_unaligned_buffer },
    { "TCB0005 Configure with a non-frame IPC buffer is IllegalOperation", tcb_configure_nonframe_buffer },
    { "TCB0006 Configure with two extra caps is TruncatedMessage", tcb_configure_truncated },
    { "TCB0007 SetSpace with a non-CNode CSpace root is IllegalOperation", tcb_setspace_bad_cspace },
    { "TCB0008 SetSpace with a non-VSpace root is IllegalOperation", tcb_setspace_bad_vspace },
    { "TCB0009 SetSpace with one extra cap is TruncatedMessage", tcb_setspace_truncated },
    { "TCB0010 SetSpace with a CNode and a VSpace succeeds", tcb_setspace_ok },
    { "TCB0011 SetIPCBuffer at an unaligned address is AlignmentError", tcb_ipcbuffer_unaligned },
    { "TCB0012 SetIPCBuffer with a non-frame is IllegalOperation", tcb_ipcbuffer_nonframe },
    { "TCB0013 SetIPCBuffer without a frame cap is TruncatedMessage", tcb_ipcbuffer_truncated },
    { "TCB0014 SetIPCBuffer at a 1 KiB boundary and at 0 succeed", tcb_ipcbuffer_ok },
    { "TCB0015 SetPriority above the authority's MCP is RangeError 0..MCP", tcb_prio_above_mcp },
    { "TCB0016 SetPriority with a non-TCB authority is InvalidCapability 1", tcb_prio_bad_authority },
    { "TCB0017 SetMCPriority above the authority's MCP is RangeError 0..MCP", tcb_mcp_above_mcp },
    { "TCB0018 SetMCPriority with a non-TCB authority is InvalidCapability 1", tcb_mcp_bad_authority },
    { "TCB0019 SetSchedParams with either value above the MCP is RangeError", tcb_schedparams_above_mcp },
    { "TCB0020 SetSchedParams sets the MCP the thread then authorises", tcb_schedparams_sets_mcp },
    { "TCB0021 SetPriority without an authority cap is TruncatedMessage", tcb_prio_truncated },
    { "TCB0022 SetPriority 255 succeeds and 256 is RangeError 0..255", tcb_prio_255 },
    { "TCB0023 a suspended thread makes no progress", tcb_suspend_stops },
    { "TCB0024 Resume restarts a suspended thread", tcb_resume_restarts },
    { "TCB0025 Resume of a thread blocked in Wait does not wake it", tcb_resume_running_noop },
    { "TCB0026 deleting the last TCB cap stops the thread", tcb_delete_stops },
    { "TCB0027 a label TCBs do not have is IllegalOperation", tcb_bad_label },
    { "TCB0028 WriteRegisters then ReadRegisters gives every register back", tcb_regs_round_trip },
    { "TCB0029 ReadRegisters of 0 registers is RangeError 1..n", tcb_read_count_zero },
    { "TCB0030 ReadRegisters of n+1 registers is RangeError 1..n", tcb_read_count_too_large },
    { "TCB0031 ReadRegisters of the calling thread is IllegalOperation", tcb_read_own },
    { "TCB0032 WriteRegisters of the calling thread is IllegalOperation", tcb_write_own },
    { "TCB0033 WriteRegisters with fewer values than the count is TruncatedMessage", tcb_write_truncated },
    { "TCB0034 WriteRegisters with resume runs the thread from the written pc", tcb_write_resume_runs },
    { "TCB0035 ReadRegisters with the suspend flag stops the thread", tcb_read_suspends },
    { "TCB0036 CopyRegisters of frame and integer registers copies all", tcb_copy_all },
    { "TCB0037 CopyRegisters of frame registers leaves the integer ones", tcb_copy_frame_only },
    { "TCB0038 CopyRegisters from a non-TCB is InvalidCapability 1", tcb_copy_bad_source },
    { "TCB0039 SetTLSBase sets the TLS register", tcb_set_tls_base },
    { "TCB0040 SetTLSBase without an argument is TruncatedMessage", tcb_set_tls_truncated },
    { "TCB0041 WriteRegisters of a thread in Recv, then Suspend and Resume: it runs at the written pc",
      tcb_write_blocked_then_restart },
    { "TCB0042 WriteRegisters with resume of a thread waiting for a reply runs it at the written pc",
      tcb_write_resume_caller },
    { "TCB0043 ReadRegisters of a thread waiting in Recv gives its syscall instruction's address",
      tcb_read_blocked_pc },
    { "TCB0044 DomainSet_Set through seL4_CapDomain puts a thread in domain 0", domain_set_zero },
    { "TCB0045 DomainSet_Set: domain >= 1 InvalidArgument 0, non-TCB 1, Truncated, other labels Illegal",
      domain_set_bad },
};

TEST_SUITE_AFTER_EACH(tcb_suite, tests, workers_cleanup);
