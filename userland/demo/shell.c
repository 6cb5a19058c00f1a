/*
 * The shell process: reads lines through the driver (echoing them), runs
 * commands, prints through the driver; asks the root task (SLOT_ROOT) for
 * what only the root knows or can do.
 */
#include "demo.h"

#define LINE_MAX 64

static seL4_MessageInfo_t root_call(seL4_Word label, seL4_Word len)
{
    return seL4_Call(SLOT_ROOT, seL4_MessageInfo_new(label, 0, 0, len));
}

static int read_line(char *line, int max)
{
    int n = 0;

    for (;;) {
        seL4_Word c = con_getc();
        if (c == DRV_NO_INPUT) {
            return -1;
        }
        if (c == '\r' || c == '\n') {
            con_write("\n", 1);
            line[n] = '\0';
            return n;
        }
        if ((c == 0x7f || c == 0x08) && n > 0) {
            n--;
            con_write("\b \b", 3);
        } else if (c >= ' ' && c < 0x7f && n < max - 1) {
            line[n++] = (char)c;
            con_putc((char)c);
        }
    }
}

static void cmd_help(void)
{
    static const char *const lines[] = {
        "help          this list",
        "bootinfo      the boot Untypeds: count, RAM bytes, device Untypeds",
        "ps            the processes the root task started",
        "spawn         start a demo process (prints [tick N] until it is killed)",
        "kill NAME     stop a demo process and free its memory",
        "test          run the test suite (as a subsystem with the memory the demo can lend)",
        "bench         run the IPC bench the same way (figures are instructions only under ./keel bench)",
        "halt          power the machine off",
    };

    con_printf("commands:\n");
    for (unsigned i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
        con_printf("  %s\n", lines[i]);
    }
}

static void cmd_bootinfo(void)
{
    root_call(ROOT_BOOTINFO, 0);
    con_printf("untypeds: %lu, RAM in untypeds: %lu bytes (%lu KiB), device untypeds: %lu\n", seL4_GetMR(0),
               seL4_GetMR(1), seL4_GetMR(1) >> 10, seL4_GetMR(2));
}

static void cmd_ps(void)
{
    static const char *const states[] = {"free", "running", "stopped", "faulted"};
    char name[NAME_MAX_LEN + 1];

    seL4_Word total = 0;

    con_printf("ID  NAME            PRIO  STATE     MEMORY\n");
    for (seL4_Word i = 0;; i++) {
        seL4_SetMR(0, i);
        seL4_MessageInfo_t tag = root_call(ROOT_PS, 1);
        if (seL4_MessageInfo_get_label(tag) == 0) {
            break;
        }
        seL4_Word w[2] = {seL4_GetMR(3), seL4_GetMR(4)}, state = seL4_GetMR(2), mem = seL4_GetMR(5);
        name_unpack(w, name);
        con_printf("%-3lu %-15s %4lu  %-8s %4lu KiB\n", seL4_GetMR(0), name, seL4_GetMR(1),
                   state < 4 ? states[state] : "?", mem >> 10);
        total += mem;
    }
    con_printf("processes hold %lu KiB of kernel objects\n", total >> 10);
}

static void cmd_spawn(void)
{
    char name[NAME_MAX_LEN + 1];

    root_call(ROOT_SPAWN, 0);
    if (seL4_GetMR(0) != 0) {
        con_printf("spawn: failed (error %lu)\n", seL4_GetMR(0));
        return;
    }
    seL4_Word w[2] = {seL4_GetMR(1), seL4_GetMR(2)};
    name_unpack(w, name);
    con_printf("spawned %s\n", name);
}

static void cmd_kill(const char *name)
{
    static const char *const why[] = {"killed", "no such process", "not allowed (the system's own process)"};
    seL4_Word w[2];

    name_pack(name, w);
    seL4_SetMR(0, w[0]);
    seL4_SetMR(1, w[1]);
    root_call(ROOT_KILL, 2);
    con_printf("kill %s: %s\n", name, why[seL4_GetMR(0) < 3 ? seL4_GetMR(0) : 1]);
}

/* Run an embedded program as a subsystem; the root replies when it ended.
 * It prints on the kernel's console, which is this same serial line. */
static void cmd_run(const char *name, const char *image)
{
    static const char *const results[] = {"exited", "could not start", "faulted"};
    seL4_Word w[2];

    con_printf("%s: starting it as a subsystem\n", name);
    name_pack(image, w);
    seL4_SetMR(0, w[0]);
    seL4_SetMR(1, w[1]);
    root_call(ROOT_RUN, 2);
    seL4_Word status = seL4_GetMR(0), result = seL4_GetMR(1);
    con_printf("%s: %s, status %lu (%s)\n", name, results[result < 3 ? result : 1], status,
               result == RUN_EXITED && status == 0 ? "passed" : "failed");
}

static void run(const char *line)
{
    if (strcmp(line, "") == 0) {
    } else if (strcmp(line, "help") == 0) {
        cmd_help();
    } else if (strcmp(line, "bootinfo") == 0) {
        cmd_bootinfo();
    } else if (strcmp(line, "ps") == 0) {
        cmd_ps();
    } else if (strcmp(line, "spawn") == 0) {
        cmd_spawn();
    } else if (memcmp(line, "kill ", 5) == 0) {
        cmd_kill(line + 5);
    } else if (strcmp(line, "test") == 0 || strcmp(line, "bench") == 0) {
        cmd_run(line, line[0] == 't' ? "tests" : "bench");
    } else if (strcmp(line, "halt") == 0) {
        con_printf("halting\n");
        seL4_SetMR(0, 0);
        root_call(ROOT_HALT, 1);
    } else {
        con_printf("unknown command: %s (try help)\n", line);
    }
}

void shell_main(void)
{
    char line[LINE_MAX];

    con_printf("\nKeel demo shell: a user-level UART driver and this shell, each in its own address space.\n");
    for (;;) {
        con_printf("keel> ");
        if (read_line(line, sizeof(line)) < 0) {
            con_printf("\nno console input (another reader waits on the driver)\n");
            return;
        }
        run(line);
    }
}
