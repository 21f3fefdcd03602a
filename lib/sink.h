/*
 * sink: a bounded text writer. It stores what fits in the caller's buffer
 * and counts everything, so a formatter can return its full length the
 * way snprintf does and the caller can retry with a larger buffer. Used by
 * auditd's record formatter, the field interpreter and ausearch's JSON.
 *
 * The sink borrows out (cap bytes); nothing is allocated.
 */
#ifndef AUDITKIT_SINK_H
#define AUDITKIT_SINK_H

#include <stddef.h>

struct sink {
	char *out;
	size_t cap, len;	/* len counts what did not fit too */
};

void sink_put(struct sink *s, const char *p, size_t n);
void sink_str(struct sink *s, const char *p);
void sink_char(struct sink *s, char ch);
/* NUL-terminate what fits (when cap > 0); the length of the full text. */
size_t sink_end(struct sink *s);

#endif
