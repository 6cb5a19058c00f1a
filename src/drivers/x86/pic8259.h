/*
 * The legacy pair of 8259 interrupt controllers. Keel routes device interrupts
 * through the (IO)APIC, so the PICs are only moved off the exception vectors
 * and masked.
 */
#pragma once

#include <core/types.h>

void pic8259_remap_and_mask(uint8_t vector_base);
