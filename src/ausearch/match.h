/*
 * match: whether an event meets every criterion of ausearch's options.
 *
 * Each criterion looks at fields of the event's records by name (the
 * reference's choices, found by experiment: -f looks at name, cwd and
 * path; -tm at terminal and tty; -hn at hostname and addr; -ua at uid,
 * euid and auid; ...). A numeric criterion matches when any record has
 * that field with that value; a string criterion when any such field
 * holds the string (hex-encoded values decoded), or equals it with -w.
 *
 * Before walking fields, string criteria are looked for in the raw bytes
 * of the event's lines (as written and hex-encoded): an event that holds
 * neither cannot match, and most events are rejected at memmem speed.
 */
#ifndef AUSEARCH_MATCH_H
#define AUSEARCH_MATCH_H

#include <stdbool.h>

#include "event.h"
#include "opts.h"

struct match;

/* Prepare the criteria of o (borrowed: must outlive the matcher). 0 and
 * *ret, or -ENOMEM. Free with match_free. */
int match_new(const struct ausearch_opts *o, struct match **ret);
void match_free(struct match *m);

/* Whether the reference can parse ev at all (it skips the others, even
 * with no criteria). */
bool match_parsable(const struct event *ev);

/* Whether ev meets every criterion. */
bool match_event(struct match *m, const struct event *ev);

#endif
