/*
 * output: matched events printed in ausearch's formats into one big
 * buffer, written to a file descriptor with one write() per megabyte
 * (per event with --line-buffered).
 *
 * Formats: default ("----", "time->DATE", the records newest first, each
 * line without its ENRICHED part), raw (the lines as read, in order),
 * interpret (-i, through interpret.h), csv and text (through
 * normalize.h), and json (ours: see ausearch(8)).
 */
#ifndef AUSEARCH_OUTPUT_H
#define AUSEARCH_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "event.h"
#include "opts.h"

struct output;

/* An output to fd for the options o (borrowed). 0 and *ret, or -ENOMEM.
 * Free with output_free (which flushes). */
int output_new(const struct ausearch_opts *o, int fd, struct output **ret);
/* Flush and free; returns the first write error (negative errno) or 0. */
int output_free(struct output *out);

/* Print one matched event. 1 when something was printed, 0 when the
 * format prints nothing for it (csv/text of some events), negative errno
 * on a write error. */
int output_event(struct output *out, const struct event *ev);

/* Write what is buffered. 0 or negative errno. */
int output_flush(struct output *out);

#endif
