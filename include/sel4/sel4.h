/*
 * The umbrella header: `#include <sel4/sel4.h>` gives a root task the whole
 * user API, as it does with libsel4.
 */
#pragma once

#include <sel4/types.h>
#include <sel4/assert.h>
#include <sel4/errors.h>
#include <sel4/constants.h>
#include <sel4/shared_types.h>
#include <sel4/syscall_numbers.h>
#include <sel4/bootinfo.h>
#include <sel4/functions.h>
#include <sel4/syscalls.h>
#include <sel4/sel4_client.h>          /* generated: interface/keel.api */
#include <sel4/keel.h>
