/*
 * FIFO queues of threads blocked on an endpoint or notification. The queue
 * is one word in the object (its head); the head's ep_prev points at the
 * tail so that appending is O(1); ep_next ends with NULL.
 */
#pragma once

#include <core/tcb.h>

static inline void tqueue_append(struct tcb **head, struct tcb *t)
{
    t->ep_next = NULL;
    if (!*head) {
        *head = t;
        t->ep_prev = t;
        return;
    }
    struct tcb *tail = (*head)->ep_prev;
    tail->ep_next = t;
    t->ep_prev = tail;
    (*head)->ep_prev = t;
}

static inline void tqueue_remove(struct tcb **head, struct tcb *t)
{
    struct tcb *next = t->ep_next;
    if (t == *head) {
        *head = next;
        if (next)
            next->ep_prev = t->ep_prev;
    } else {
        t->ep_prev->ep_next = next;
        if (next)
            next->ep_prev = t->ep_prev;
        else
            (*head)->ep_prev = t->ep_prev;
    }
    t->ep_next = t->ep_prev = NULL;
}
