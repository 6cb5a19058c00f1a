/*
 * The `fault-kread` root task: reads a kernel address, which user mode must
 * not be able to do. Expected outcome: the kernel reports a VM fault for this
 * thread and stops it; with no thread left it powers off with the idle-halt
 * status. Reaching the code after the read means isolation is broken.
 */
#include <sel4/sel4.h>
#include <keel/libc.h>

#ifndef KEEL_TEST_KERNEL_ADDR
#error "meson passes a kernel virtual address of this architecture"
#endif

int main(void)
{
    volatile seL4_Word *kernel = (volatile seL4_Word *)KEEL_TEST_KERNEL_ADDR;

    printf("# about to fault\n");
    seL4_Word value = *kernel;
    printf("# FAILED: read %lx from kernel address %p\n", value, (void *)kernel);
    return 1;
}
