/*
 * The system-call entry point: decode the syscall number and dispatch.
 * Receiving and replying arrive with IPC; until then they answer
 * seL4_IllegalOperation rather than block forever.
 */
#include <core/entry.h>
#include <core/fault.h>
#include <core/invocation.h>
#include <core/printk.h>
#include <core/sched.h>
#include <sel4/shared_types.h>
#include <sel4/errors.h>
#include <sel4/syscall_numbers.h>

static word_t arg(unsigned reg)
{
    return arch_context_get(&cur_thread->ctx, reg);
}

static void set_ret(unsigned reg, word_t v)
{
    arch_context_set(&cur_thread->ctx, reg, v);
}

static _Noreturn void debug_halt(void)
{
    word_t status = arg(REG_ARG0);
    kprintf("keel: halt requested by '%s', status %lu\n", cur_thread->name, status);
    arch_poweroff(status == 0 ? 0 : (int)MIN(status, 127ul));
}

static void debug_cap_identify(void)
{
    struct lookup_result r = cspace_lookup_slot(cur_thread->slots[TCB_CTABLE].cap, arg(REG_CAP));
    set_ret(REG_BADGE, r.slot ? cap_type(r.slot->cap) : CAP_NULL);
}

static void debug_name_thread(void)
{
    struct lookup_result r = cspace_lookup_slot(cur_thread->slots[TCB_CTABLE].cap, arg(REG_CAP));
    const seL4_IPCBuffer *buf = tcb_ipc_buffer(cur_thread);
    if (!r.slot || cap_type(r.slot->cap) != CAP_THREAD || !buf)
        return;
    struct tcb *t = cap_ptr(r.slot->cap);
    const char *name = (const char *)buf->msg;
    unsigned i;
    for (i = 0; i + 1 < TCB_NAME_LEN && name[i]; i++)
        t->name[i] = name[i];
    t->name[i] = '\0';
}

/* Not yet implemented: answered with an error instead of blocking forever. */
static void not_yet(void)
{
    set_ret(REG_MSGINFO, seL4_MessageInfo_new(seL4_IllegalOperation, 0, 0, 0).words[0]);
}

static void unknown_syscall(sword_t sysno)
{
    fault_stop_thread(cur_thread, "unknown syscall", "no such system call", (word_t)sysno, 0);
}

struct arch_context *core_syscall(sword_t sysno)
{
    switch (sysno) {
    case seL4_SysDebugPutChar: arch_putchar((int)(arg(REG_ARG0) & 0xff)); break;
    case seL4_SysDebugHalt: debug_halt();
    case seL4_SysYield: sched_yield(); break;
    case seL4_SysDebugCapIdentify: debug_cap_identify(); break;
    case seL4_SysDebugNameThread: debug_name_thread(); break;
    case seL4_SysDebugDumpScheduler: sched_dump(); break;
    case seL4_SysCall: handle_invocation(true, true); break;
    case seL4_SysSend: handle_invocation(false, true); break;
    case seL4_SysNBSend: handle_invocation(false, false); break;
    case seL4_SysReplyRecv: case seL4_SysRecv: case seL4_SysReply: case seL4_SysNBRecv:
        not_yet();
        break;
    default: unknown_syscall(sysno); break;
    }
    struct arch_context *next = kernel_exit();
#ifdef KEEL_INVARIANTS
    invariants_check();
#endif
    return next;
}
