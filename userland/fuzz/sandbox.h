/*
 * The worker's picture of the sandbox S (worker.c keeps it, ops.c uses it):
 * what each top-level slot holds and, for objects the worker made itself,
 * which Retype made them (the origin), so that two live frame capabilities
 * at one physical address can be told apart from copies of one frame.
 */
#pragma once

#include <keel/random.h>
#include <keel/vm.h>
#include "fuzz.h"

#define S_DEPTH seL4_WordBits   /* S's slots seen through slot 0's guarded cap */

struct shadow {
    seL4_Uint32 type;           /* KEEL_CAP_*, as DebugCapIdentify says */
    seL4_Word origin;           /* the Retype that made it; 0 if not known */
    seL4_Word paddr;            /* frames of known origin: GetAddress */
    seL4_Word radix;            /* CNodes the worker made: their radix, else 0 */
};

extern struct shadow sh[FUZZ_S_SLOTS];
extern unsigned hot[4];         /* the slots the current sequence works on */

/* Random numbers from the seed. */
seL4_Word rnd(void);
seL4_Word below(seL4_Word n);
seL4_Word rnd_arg(void);

/* Account for one system call that returns an error code: the code (or
 * -1 when the call ended in a capability fault the root stepped over). */
seL4_Error rec(seL4_Error e);
/* ... and for one that does not. */
void tick(void);

/* Slots: any (not slot 0), one holding `type` (hot ones first), a full
 * one, an empty one. */
unsigned pick_slot(void);
unsigned pick_type(seL4_Uint32 type);
unsigned pick_full(void);
unsigned pick_empty(void);

/* Look at slot s again (one system call); new contents lose their origin. */
void refresh(unsigned s);
/* The cptr to invoke for slot s: never an endpoint (see worker.c). */
seL4_CPtr svc(unsigned s);

/* Something the worker did not track (a random system call, a victim that
 * ran, a message that carried capabilities) may have refilled any slot. */
void wild(void);
/* Slot s now holds a new object of a new Retype: record it, and for a frame
 * check that it reads as zero and that no other live frame shares it. */
void fresh_object(unsigned s);
/* The frame in slot s lies in the sandbox's memory (GetAddress). */
void check_frame_address(unsigned s);

/* With -Dfuzz_trace=true, every operation is printed before it is made,
 * so that the last line before a kernel panic names the culprit. */
#if FUZZ_TRACE
#define TRACE(...) printf("# op " __VA_ARGS__)
#else
#define TRACE(...) ((void)0)
#endif

/* Record that a user-visible invariant broke; the worker stops the run. */
void fuzz_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* One operation of each kind (ops.c), and their table. */
typedef void (*fuzz_op)(void);
struct op_entry {
    fuzz_op fn;
    unsigned weight;
    bool tracked;               /* false: call wild() afterwards */
};
extern const struct op_entry fuzz_ops[];
extern const unsigned fuzz_op_count;

/* The memory operations a lifecycle sequence is built from (ops.c). */
void op_retype(void);
void op_retype_into(unsigned ut, unsigned dst, seL4_Word type, seL4_Word bits, seL4_Word count);
void op_copy_to(unsigned src, unsigned dst, int how);
void op_dispose(unsigned s, int how);
void op_make_pool_from(unsigned ut, unsigned dst);
void op_use(unsigned s);
