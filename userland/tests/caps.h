/*
 * Helpers shared by the capability tests (UNTYPED, CNODE, CDT, REVOKE):
 * scratch slots in the root CNode, fresh Untyped memory, a look into the
 * slots of CNodes the root task cannot address directly, and checks of an
 * invocation's error with its detail words.
 *
 * Each test starts from a clean slate: caps_cleanup, the suites' after-each
 * hook, revokes the pool Untyped that every test's memory comes from and
 * empties the scratch slots, so a test may leave what it made behind.
 */
#pragma once

#include "test.h"

/* The root CNode and the depth that addresses one of its slots. */
#define ROOT seL4_CapInitThreadCNode
#define ROOT_DEPTH seL4_WordBits

/* Arch object types the tests create (a 4 KiB frame, the lowest-level
 * page table). */
#if defined(__riscv)
#define TEST_FRAME_OBJECT seL4_RISCV_4K_Page
#define TEST_PT_OBJECT seL4_RISCV_PageTableObject
#elif TEST_X86
#define TEST_FRAME_OBJECT seL4_X86_4K
#define TEST_PT_OBJECT seL4_X86_PageTableObject
#elif defined(__aarch64__)
#define TEST_FRAME_OBJECT seL4_ARM_SmallPageObject
#define TEST_PT_OBJECT seL4_ARM_PageTableObject
#else
#error "which arch object types to test?"
#endif

/* A failure reason, or NULL: return it from the test when set. */
#define TRY(expr)                          \
    do {                                   \
        const char *why_ = (expr);         \
        if (why_ != NULL) {                \
            return why_;                   \
        }                                  \
    } while (0)

/* Scratch slots of the root CNode (from bootinfo's empty region). */
seL4_CPtr slot_alloc(void);
seL4_CPtr slots_alloc(seL4_Word n);     /* n consecutive slots; returns the first */

/* A new Untyped of 2^bits bytes (a child of the pool) in a new slot; 0 if
 * the pool is exhausted. Its memory is the test's own. */
seL4_CPtr ut_alloc(unsigned bits);

/* The pool: the smallest non-device boot Untyped of at least 2 MiB. */
seL4_CPtr pool_cap(void);

/* One object of `type` from `ut` into the root slot `slot`. */
seL4_Error retype_one(seL4_CPtr ut, seL4_Word type, seL4_Word size_bits, seL4_CPtr slot);

/* A new object in a new slot, from the test's object Untyped (2^18 bytes,
 * made on first use); 0 if that failed. */
seL4_CPtr new_object(seL4_Word type, seL4_Word size_bits);
seL4_CPtr new_endpoint(void);
seL4_CPtr new_cnode(unsigned radix);

/* A copy of the capability in root slot src, in a new slot (0 on failure). */
seL4_CPtr copy_cap(seL4_CPtr src, seL4_CapRights_t rights);

/* The keel_cap_type of slot `index` (`depth` bits) of the CNode cnode,
 * found by moving the capability out into a probe slot of the root CNode,
 * identifying it and moving it back. SLOT_TYPE_ERROR if a move failed in
 * another way than an empty source. */
#define SLOT_TYPE_ERROR 0xffffffffu
seL4_Uint32 slot_type(seL4_CNode cnode, seL4_Word index, seL4_Uint8 depth);

/* All slots [first, first + n) of the CNode (radix bits) hold `type`? */
const char *expect_slots_hold(seL4_CNode cnode, unsigned radix, seL4_Word first, seL4_Word n, seL4_Uint32 type);

/* Root slot `slot` holds a capability of `type`? */
const char *expect_type(seL4_CPtr slot, seL4_Uint32 type, const char *what);

/* Can `ut` (no children) still be retyped as a whole Untyped of its own
 * size 2^bits? The new child is deleted again afterwards. */
const char *expect_whole(seL4_CPtr ut, unsigned bits, const char *what);

/* The result of an invocation: NoError; or `want`, with the detail words
 * MR0.. equal to detail[0..n). Called right after the invocation, before
 * anything else changes the message registers. */
const char *expect_ok(seL4_Error got, const char *what);
const char *expect_error(seL4_Error got, seL4_Error want, const char *what, const seL4_Word *detail, unsigned n);

/* expect_error with the detail words listed: EXPECT_ERROR(err, seL4_RangeError, "x", 0, 38) */
#define EXPECT_ERROR(got, want, what, ...)                                      \
    expect_error((got), (want), (what), (const seL4_Word[]){ __VA_ARGS__ },     \
                 sizeof((const seL4_Word[]){ __VA_ARGS__ }) / sizeof(seL4_Word))

/* An error with no detail words (or whose detail words are not checked). */
#define EXPECT_PLAIN_ERROR(got, want, what) expect_error((got), (want), (what), NULL, 0)

const char *error_name(seL4_Error e);

/* The suites' after-each hook. */
void caps_cleanup(void);
