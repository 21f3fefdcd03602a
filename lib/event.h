/*
 * event: audit records grouped into events, as the reference's tools
 * group them.
 *
 * An event is the records sharing (node, time, serial). Records of
 * different events interleave in a log, and an event's records may arrive
 * out of order. An event is complete, and handed out, when the reference
 * would consider it complete: at once when its first record is of a type
 * that is an event of its own (below 1300: user, daemon and login
 * messages; 2100 and above; PROCTITLE; KERNEL); when a record opening a
 * later event is eoe_timeout seconds or more past it; or at the end of
 * the input (event_asm_finish). EOE does not end an event (the reference
 * joins later records to it). Events are handed out in the reference's
 * order: sorted by (sec, msec, serial), the head only once complete. The
 * exact rules, as observed, are written at the top of event.c.
 *
 * Zero copy: an event's records borrow the bytes that were fed. The
 * caller promises those bytes stay valid until it calls event_asm_detach()
 * (before it reuses its buffer: the assembler then copies what pending
 * events still borrow) or until the event is handed out and the next
 * event_asm_* call is made.
 *
 * One assembler per thread; it never logs.
 */
#ifndef AUDITKIT_EVENT_H
#define AUDITKIT_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "record.h"

struct event {
	const char *node;	/* NULL when the records have no node= */
	size_t node_len;
	uint64_t sec;
	unsigned msec;
	uint64_t serial;
	const struct record *records;	/* in the order they were fed */
	size_t count;
};

struct event_asm;

#define EVENT_EOE_TIMEOUT_DEFAULT 2	/* seconds, ausearch --eoe-timeout */

/* 0 and *ret, -EINVAL for a timeout of 0 (the reference refuses it), or
 * -ENOMEM. Free with event_asm_free (NULL is fine). */
int event_asm_new(unsigned eoe_timeout, struct event_asm **ret);
void event_asm_free(struct event_asm *a);

/* Add one parsed record (the bytes it points at are borrowed, see above;
 * the struct itself is copied). An EOE record that matches no open event
 * is dropped, as the reference drops it. 0, or -ENOMEM (the record is
 * dropped). */
int event_asm_add(struct event_asm *a, const struct record *r);

/* The next complete event, or NULL when none is complete yet. The event
 * and its records are valid until the next event_asm_* call. */
const struct event *event_asm_next(struct event_asm *a);

/* Copy the bytes pending events borrow: the caller reuses its buffer.
 * 0 or -ENOMEM. */
int event_asm_detach(struct event_asm *a);

/* End of input: every pending event becomes complete. The assembler may
 * be fed again afterwards (new events only). */
void event_asm_finish(struct event_asm *a);

/* How many events are queued (open, or closed but not yet handed out). */
size_t event_asm_pending(const struct event_asm *a);

#endif
