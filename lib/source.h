/*
 * source: the events of a list of log files (or of stdin), read in order
 * through logset readers, parsed with record_parse and grouped with an
 * event assembler. What ausearch, aureport and audoctor loop over.
 *
 * Lines that are not records (damaged, truncated, binary) are skipped and
 * counted; the caller may ask to hear of each one (its file and line
 * number and why) to print under --debug. Records of one event may span
 * files (a rotation between them), as with the reference.
 *
 * The library never logs. One source per thread.
 */
#ifndef AUDITKIT_SOURCE_H
#define AUDITKIT_SOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"
#include "record.h"

struct source;

/* Told of every line that is not a record. path is "stdin" for fd 0. */
typedef void (*source_bad_line_fn)(const char *path, uint64_t line_no,
				   enum record_error why, void *user);

/* Read paths in the order given (count 0: read fd 0). Files are opened
 * as they are reached. 0 and *ret, or -ENOMEM. Free with source_free. */
int source_new(const char *const *paths, size_t count, unsigned eoe_timeout,
	       struct source **ret);
void source_free(struct source *s);
void source_on_bad_line(struct source *s, source_bad_line_fn fn, void *user);

/* The next event: 1 and *ret (valid until the next call), 0 at the end
 * of every input, or a negative errno for a file that cannot be opened or
 * read (source_failed_path names it; the next call goes on with the next
 * file). */
int source_next(struct source *s, const struct event **ret);
const char *source_failed_path(const struct source *s);

/* Lines read and lines skipped so far. */
uint64_t source_lines(const struct source *s);
uint64_t source_bad_lines(const struct source *s);

#endif
