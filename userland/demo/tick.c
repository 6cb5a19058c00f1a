/*
 * The demo process `spawn` starts: prints "NAME: tick N" a few times
 * through the driver, yielding in between, then (at once) tells the root it is done.
 */
#include "demo.h"

#define TICKS 5
#define YIELDS_PER_TICK 2000

void tick_main(void)
{
    for (int n = 1; n <= TICKS; n++) {
        con_printf("[tick %d]\n", n);
        for (int y = 0; n < TICKS && y < YIELDS_PER_TICK; y++) {
            seL4_Yield();
        }
    }
}
