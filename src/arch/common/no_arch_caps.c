/*
 * The HAL's hooks for capability types and IRQControl labels of a port's
 * own, for the ports that have none (riscv64, ARM): every such invocation is
 * an IllegalOperation, and no capability needs an arch-specific finalise.
 * x86_64 implements the hooks itself (I/O ports, IRQControl_GetIOAPIC).
 */
#include <core/hal.h>
#include <core/invocation.h>
#include <sel4/errors.h>

int arch_decode_invocation(struct invocation *inv)
{
    (void)inv;
    return err_simple(seL4_IllegalOperation);
}

void arch_finalise_cap(cap_t cap, bool final)
{
    (void)cap;
    (void)final;
}
