/*
 * Kernel object types: their sizes (seL4's rules), their creation from
 * Untyped memory, and the questions the CDT asks about capabilities to them.
 */
#pragma once

#include <core/cnode.h>

/* Size in bits of an object of seL4 type 'type' with user size 'user_bits',
 * or 0 if the type does not exist. */
unsigned object_size_bits(word_t type, word_t user_bits);
/* Can Untyped_Retype make objects of this type on this machine? */
bool object_type_offered(word_t type);
bool object_type_is_frame(word_t type);
/* Build the capability to a new, zeroed object at kernel address 'obj'. */
cap_t object_create(word_t type, word_t user_bits, void *obj, bool device);

/* The memory a capability names: [*base, *base + *size); false if none. */
bool cap_region(cap_t c, word_t *base, word_t *size);
/* Both name memory and inner's lies within outer's (wrap-safe). */
bool cap_region_contains(cap_t outer, cap_t inner);
bool cap_same_region(cap_t a, cap_t b);
bool cap_same_object(cap_t a, cap_t b);
/* The capability a copy of 'c' becomes (null if it cannot be copied). */
cap_t cap_derive(const struct cte *src, cap_t c, int *error);
cap_t cap_mask_rights(cap_t c, word_t seL4_rights);
/* Mint/Mutate data: a badge for endpoints/notifications, guard for CNodes. */
cap_t cap_update_data(bool preserve, word_t data, cap_t c);
bool cap_is_revocable(cap_t new_cap, cap_t src_cap);
