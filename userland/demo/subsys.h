/*
 * Subsystems (subsys.c): a program embedded in the demo, started as the
 * root task of a system of its own, with the memory the demo can lend.
 */
#pragma once

#include <sel4/sel4.h>

/* Start the embedded image `name` ("tests" or "bench") in a process table
 * entry of its own. Its exit status and its initial thread's faults arrive
 * on root_ep with the badge FAULT_BADGE | id (an exit has the label
 * KEEL_EXIT_LABEL). Returns the id, or -1 with *why set. */
int subsys_start(const char *name, seL4_CPtr root_ep, const char **why);

/* Stop subsystem id and take back all of its memory. */
void subsys_end(int id);
