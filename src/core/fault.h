/*
 * Faults of user threads. Without a fault handler the thread is stopped and a
 * report goes to the console; fault IPC to a handler arrives with endpoints.
 */
#pragma once

#include <core/tcb.h>

void fault_stop_thread(struct tcb *t, const char *kind, const char *cause, word_t addr, word_t code);
