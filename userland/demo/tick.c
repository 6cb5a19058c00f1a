/*
 * The demo process `spawn` starts: prints "[tick N]" through the driver
 * every so often until it is killed, yielding in between (there is no user
 * timer service: the period is a number of yields, roughly a second under
 * QEMU on the project's machines).
 */
#include "demo.h"

#define YIELDS_PER_TICK 30000

void tick_main(void)
{
    for (int n = 1;; n++) {
        for (int y = 0; y < YIELDS_PER_TICK; y++) {
            seL4_Yield();
        }
        con_printf("[tick %d]\n", n);
    }
}
