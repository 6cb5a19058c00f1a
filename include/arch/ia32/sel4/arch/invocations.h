/*
 * ia32 virtual-memory invocations: the same libsel4 names and message
 * layouts as on x86_64 (seL4_X86_Page_Map/Unmap/GetAddress,
 * seL4_X86_PageTable_Map/Unmap, seL4_X86_ASIDControl_MakePool,
 * seL4_X86_ASIDPool_Assign, the PageDirectory as the VSpace root), so the
 * x86_64 header serves both until the invocation headers are generated.
 * Its seL4_X86_PDPT_* and seL4_X64_PML4 names have no object behind them
 * on ia32 (there is no such object type to retype).
 */
#pragma once

#include "../../../x86_64/sel4/arch/invocations.h"
