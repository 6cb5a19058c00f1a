/*
 * A root task built outside Keel's build: prints a greeting and what the
 * kernel handed over, then returns 0, which halts the machine with "pass".
 */
#include <sel4/sel4.h>
#include <keel/libc.h>

int main(void)
{
    seL4_BootInfo *bi = seL4_GetBootInfo();

    printf("Hello from a Keel root task!\n");
    printf("node %lu of %lu, %lu untyped caps, %lu free slots from %lu\n",
           bi->nodeID, bi->numNodes, bi->untyped.end - bi->untyped.start,
           bi->empty.end - bi->empty.start, bi->empty.start);
    return 0;
}
