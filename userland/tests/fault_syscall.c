/*
 * The `fault-syscall` root task: issues a system call number the kernel does
 * not know. Expected outcome: the kernel reports an unknown-syscall fault for
 * this thread and stops it (there is no fault handler to send it to), then
 * powers off with the idle-halt status. Returning from the call is a failure.
 */
#include <sel4/sel4.h>
#include <keel/libc.h>

#define UNKNOWN_SYSCALL (-100)

int main(void)
{
    printf("# about to fault\n");
    keel_sys_null((seL4_Word)UNKNOWN_SYSCALL);
    printf("# FAILED: unknown syscall %d returned\n", UNKNOWN_SYSCALL);
    return 1;
}
