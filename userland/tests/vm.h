/*
 * Helpers of the virtual-memory tests (VSPACE, FRAME, PAGEFAULT, ISOL):
 * the architecture's VM objects and calls under one set of names, mapping
 * with the missing page tables made on the way, threads that touch memory
 * on the tests' behalf (in the root's address space or in a second one)
 * with a fault endpoint the root task reads without blocking, and a second
 * address space that shares the root task's image.
 *
 * A test never touches memory that may be unmapped from the root thread:
 * such accesses are made by a vm_thread, whose fault goes to the root as a
 * VMFault message.
 */
#pragma once

#include <stdbool.h>
#include <keel/thread.h>
#include "caps.h"

#if defined(__riscv)
#define VM_FRAME_OBJECT seL4_RISCV_4K_Page
#define VM_LARGE_OBJECT seL4_RISCV_Mega_Page
#define VM_HUGE_OBJECT seL4_RISCV_Giga_Page
#define VM_ROOT_OBJECT seL4_RISCV_PageTableObject
#define VM_ATTR_DEFAULT seL4_RISCV_Default_VMAttributes
#define VM_ATTR_XN seL4_RISCV_ExecuteNever
#define page_map(f, vs, va, r, a) seL4_RISCV_Page_Map((f), (vs), (va), (r), (seL4_RISCV_VMAttributes)(a))
#define page_unmap seL4_RISCV_Page_Unmap
#define page_get_address seL4_RISCV_Page_GetAddress
typedef seL4_RISCV_Page_GetAddress_t page_get_address_t;
#define table_map(t, vs, va) seL4_RISCV_PageTable_Map((t), (vs), (va), seL4_RISCV_Default_VMAttributes)
#define table_unmap seL4_RISCV_PageTable_Unmap
#define asid_make_pool seL4_RISCV_ASIDControl_MakePool
#define asid_assign seL4_RISCV_ASIDPool_Assign
#define KERNEL_WINDOW 0xffffffc000000000ul     /* physical 0 in the kernel's window */
#define KERNEL_IMAGE 0xffffffc080200000ul      /* the kernel's code */
/* seL4 on RISC-V reports every load, store or fetch fault (page or access
 * fault) as the access-fault cause: 5, 7 or 1. */
#define FSR_READ 5ul                            /* RISCVLoadAccessFault */
#define FSR_READ_DENIED 5ul
#define FSR_WRITE_DENIED 7ul                    /* RISCVStoreAccessFault */
#define FSR_EXEC_DENIED 1ul                     /* RISCVInstructionAccessFault */
#define ROOT_TABLE_BITS 30                      /* what a missing root entry leaves to look up */
#elif TEST_X86
#define VM_FRAME_OBJECT seL4_X86_4K
#define VM_LARGE_OBJECT seL4_X86_LargePageObject
#if defined(__x86_64__)
#define VM_HUGE_OBJECT seL4_X64_HugePageObject
#define VM_ROOT_OBJECT seL4_X64_PML4Object
#else
/* ia32: the page directory is the root, and there is no 1 GiB page: the
 * huge-page tests skip (cpu_has_huge_pages), and Retype of this type is
 * refused as an unknown one. */
#define VM_ROOT_OBJECT seL4_X86_PageDirectoryObject
#define VM_HUGE_OBJECT seL4_ObjectTypeCount
#define seL4_HugePageBits 30
#endif
#define VM_ATTR_DEFAULT seL4_X86_Default_VMAttributes
#define VM_ATTR_XN seL4_X86_ExecuteNever
#define page_map(f, vs, va, r, a) seL4_X86_Page_Map((f), (vs), (va), (r), (seL4_X86_VMAttributes)(a))
#define page_unmap seL4_X86_Page_Unmap
#define page_get_address seL4_X86_Page_GetAddress
typedef seL4_X86_Page_GetAddress_t page_get_address_t;
#define table_map(t, vs, va) seL4_X86_PageTable_Map((t), (vs), (va), seL4_X86_Default_VMAttributes)
#define table_unmap seL4_X86_PageTable_Unmap
#define asid_make_pool seL4_X86_ASIDControl_MakePool
#define asid_assign seL4_X86_ASIDPool_Assign
#if defined(__x86_64__)
#define KERNEL_WINDOW 0xffff800000000000ul
#define KERNEL_IMAGE 0xffffffff80100000ul
#else
#define KERNEL_WINDOW 0xe0000000ul
#define KERNEL_IMAGE 0xe0100000ul
#endif
#define FSR_READ 4ul                            /* #PF error code: user, read, not present */
#define FSR_READ_DENIED 5ul                     /* user, read, present */
#define FSR_WRITE_DENIED 7ul                    /* user, write, present */
#define FSR_EXEC_DENIED 0x15ul                  /* user, fetch, present */
#if defined(__x86_64__)
#define ROOT_TABLE_BITS 39
#else
#define ROOT_TABLE_BITS 22                      /* ia32: the page directory is the root */
#define VM_FAR 0x80000000ul                     /* a 4 MiB region with no page table */
#endif
#elif defined(__aarch64__)
#define VM_FRAME_OBJECT seL4_ARM_SmallPageObject
#define VM_LARGE_OBJECT seL4_ARM_LargePageObject
#define VM_HUGE_OBJECT seL4_ARM_HugePageObject
#define VM_ROOT_OBJECT seL4_ARM_VSpaceObject
#define VM_ATTR_DEFAULT seL4_ARM_Default_VMAttributes
#define VM_ATTR_XN (seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever)
#define page_map(f, vs, va, r, a) seL4_ARM_Page_Map((f), (vs), (va), (r), (seL4_ARM_VMAttributes)(a))
#define page_unmap seL4_ARM_Page_Unmap
#define page_get_address seL4_ARM_Page_GetAddress
typedef seL4_ARM_Page_GetAddress_t page_get_address_t;
#define table_map(t, vs, va) seL4_ARM_PageTable_Map((t), (vs), (va), seL4_ARM_Default_VMAttributes)
#define table_unmap seL4_ARM_PageTable_Unmap
#define asid_make_pool seL4_ARM_ASIDControl_MakePool
#define asid_assign seL4_ARM_ASIDPool_Assign
#define KERNEL_WINDOW 0xffff800000000000ul
#define KERNEL_IMAGE 0xffff800040200000ul
/* The FSR is ESR_EL1: compared through fsr_class(), which drops the level
 * of the table walk that failed (ESR.ISS.DFSC[1:0]) and other ISS detail. */
#define FSR_READ 0x92000004ul                   /* EL0 data abort, translation fault */
#define FSR_READ_DENIED 0x9200000cul            /* permission fault, read */
#define FSR_WRITE_DENIED 0x9200004cul           /* permission fault, write (WnR) */
#define FSR_EXEC_DENIED 0x8200000cul            /* EL0 instruction abort, permission fault */
#define ROOT_TABLE_BITS 39
#else
#error "which VM objects to test?"
#endif

/* The part of a VMFault's FSR word that the tests compare. */
#if defined(__aarch64__)
#define fsr_class(fsr) ((fsr) & 0xfe00007cul)     /* EC, IL, WnR, DFSC without the level */
#else
#define fsr_class(fsr) (fsr)
#endif

#define PAGE 4096ul
#define LARGE_PAGE (1ul << seL4_LargePageBits)
#define HUGE_PAGE (1ul << seL4_HugePageBits)
#define RIGHTS_ALL seL4_AllRights
#define RIGHTS_RO seL4_CapRights_new(0, 0, 1, 0)
#define RIGHTS_NONE seL4_CapRights_new(0, 0, 0, 0)

/* Free virtual addresses in the root's space: nothing is mapped from
 * VM_BASE for 256 MiB (the image is at 0x400000), and the whole 1 GiB /
 * 512 GiB region at VM_FAR has no page tables at all. */
#define VM_BASE 0x20000000ul
#ifndef VM_FAR
#define VM_FAR (1ul << ROOT_TABLE_BITS)
#endif

/* The page-table object for a missing level that leaves `bits` to look up. */
seL4_Word table_type_for(seL4_Word bits_left);

/* Map frame at va in vspace; each FailedLookup is answered with a new page
 * table (from new_object) mapped at va. Returns the last error. */
seL4_Error vm_map(seL4_CPtr frame, seL4_CPtr vspace, seL4_Word va, seL4_CapRights_t rights, seL4_Word attr);

/* A new 4 KiB frame (0 on failure), and one mapped RW at va in the root's
 * space (0 on failure). */
seL4_CPtr new_frame(void);
seL4_CPtr mapped_frame(seL4_Word va);

/* A frame's physical address, or ~0 if GetAddress failed. */
seL4_Word frame_paddr(seL4_CPtr frame);

/* A new VSpace root with an ASID from the boot pool, or from pool (0 on
 * failure). */
seL4_CPtr new_vspace(void);
seL4_CPtr new_vspace_in(seL4_CPtr pool);

/* ---- threads that touch memory for a test ---- */

/* OP_READ: the first word of `value` pages from addr (0: one page);
 * OP_WRITE: a word at addr (stores value); OP_EXEC: call addr; OP_ISOL:
 * read addr and Call endpoint `value` with it in MR0, then read the
 * address the reply's MR0 names, until it names 0; OP_MOVE: TCB_SetSpace
 * on itself to the VSpace root `value` (r[2] the error), then read addr. */
enum vm_op { OP_READ = 1, OP_WRITE, OP_EXEC, OP_ISOL, OP_MOVE, OP_FN /* value: void fn(vm_thread *) */ };

typedef struct vm_thread vm_thread;
struct vm_thread {
    seL4_CPtr tcb;
    seL4_IPCBuffer *ipc;
    enum vm_op op;
    seL4_Word addr, value;              /* what to touch; the value a write stores */
    seL4_Word count;                    /* OP_READ: pages, addr + i * PAGE */
    seL4_CPtr ep;                       /* OP_ISOL: the endpoint it Calls (passed as value) */
    seL4_CPtr fault_cap;                /* its fault endpoint (badged) */
    volatile seL4_Word r[8];            /* r[0] the last value read, r[1] accesses done */
    volatile seL4_Word done;
    _Alignas(16) unsigned char tls[KEEL_TLS_AREA];
};

#define FAULT_EP_BADGE 0x7a6eul

/* The root task's priority while a test's threads run (they run at
 * VM_PRIO_HI: a started thread runs until it blocks or faults before the
 * root continues). */
#define VM_PRIO_ROOT 100
#define VM_PRIO_HI 150

/* Start thread i (0 or 1) in the root's address space, doing op on addr;
 * its faults go to a new endpoint, *fault_ep. NULL on failure (vm_error). */
vm_thread *vm_thread_start(int i, enum vm_op op, seL4_Word addr, seL4_Word value, seL4_CPtr *fault_ep);

/* As vm_thread_start, in the address space vspace, with its IPC buffer at
 * ipc_va (the frame ipc_frame) and its stack ending at stack_top; the
 * thread's code and data are the image's, which vspace must map. */
vm_thread *vm_thread_start_in(int i, enum vm_op op, seL4_Word addr, seL4_Word value, seL4_CPtr *fault_ep,
                              seL4_CPtr vspace, seL4_Word ipc_va, seL4_CPtr ipc_frame, seL4_Word stack_top);
const char *vm_error(void);

/* The next message on the fault endpoint must be a VMFault at addr with
 * PrefetchFault prefetch and FSR fsr (the handler holds the reply). */
const char *expect_vm_fault(seL4_CPtr fault_ep, seL4_Word addr, seL4_Word prefetch, seL4_Word fsr);

/* No fault message is waiting on the endpoint. */
const char *expect_no_fault(seL4_CPtr fault_ep);

/* ---- a second address space sharing the root's image ---- */

#define ISOL_STACK_VA 0x30000000ul      /* its own stack page */
#define ISOL_IPC_VA 0x30002000ul        /* its own IPC buffer page */

struct vm_space {
    seL4_CPtr root;
    seL4_CPtr stack, ipc;               /* its own frames */
};

/* A VSpace root from the boot pool mapping copies of every image frame at
 * their addresses, a stack and an IPC buffer. */
const char *vm_space_new(struct vm_space *s);

/* As vm_space_new, with the root's ASID from pool; and, if share is not
 * NULL, copies of share's stack and IPC buffer frames instead of new ones. */
const char *vm_space_make(struct vm_space *s, seL4_CPtr pool, const struct vm_space *share);

/* vm_thread_start_in for the space s. */
vm_thread *vm_space_thread(struct vm_space *s, int i, enum vm_op op, seL4_Word addr, seL4_Word value,
                           seL4_CPtr *fault_ep);

/* The suites' after-each hook: the root task back at seL4_MaxPrio, the
 * tests' memory revoked (caps_cleanup), and the extra Untyped of
 * big_untyped revoked. */
void vm_cleanup(void);

/* A new Untyped of 2^bits bytes from a boot Untyped other than the pool (for
 * tests that need more than the pool has); 0 if there is none. */
seL4_CPtr big_untyped(unsigned bits);

/* Does the bootinfo list a RAM Untyped of at least 2^bits bytes besides the
 * pool (so that big_untyped(bits) can succeed)? */
bool has_big_untyped(unsigned bits);

/* Does the CPU map 1 GiB pages? riscv64 (Sv39): always; x86_64: CPUID
 * 0x80000001 EDX bit 26 (Page1GB), which user code may read too. */
bool cpu_has_huge_pages(void);

/* ---- device memory ---- */

/* In *ut a device Untyped that starts at paddr (page-aligned), split off
 * the boot device Untyped that covers it; a skip if none covers it. */
const char *device_untyped_at(seL4_Word paddr, seL4_CPtr *ut);

/* In *frame a 4 KiB frame of the device memory at paddr (see above). */
const char *device_frame_at(seL4_Word paddr, seL4_CPtr *frame);
