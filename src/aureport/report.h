/*
 * report: the reports themselves. Each report has a table entry (its
 * titles, column names, which events are of interest and what a row
 * holds); report_event() takes one event's items and prints its rows, or
 * counts it for --summary and the main summary; report_end() prints the
 * rest. Text output is the reference's bytes; --format json prints one
 * JSON document with the same rows as named fields.
 */
#ifndef AUREPORT_REPORT_H
#define AUREPORT_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "items.h"
#include "opts.h"

struct report;

/* A report for o (borrowed, must outlive it), printing to out. NULL on
 * ENOMEM. */
struct report *report_new(const struct aureport_opts *o, FILE *out);
void report_free(struct report *r);

/* Print what comes before the rows (titles, column names). */
void report_begin(struct report *r);
/* Whether this report reads socket addresses (host, unix paths). */
bool report_reads_sockaddr(const struct aureport_opts *o);
/* Whether this report reads user messages' terminals (where the
 * reference's parser can fail: the event is then left out). */
bool report_reads_terminal(const struct aureport_opts *o);
/* Whether this report reads file names (PATH records). */
bool report_reads_files(const struct aureport_opts *o);
/* One selected event. */
void report_event(struct report *r, const struct items *it);
/* Every event read: the range of time in the logs runs from the first
 * event read to the last one inside the -ts/-te range (in_range). */
void report_seen(struct report *r, const struct event *ev, bool in_range);
/* -t: the line of one file (the events seen since the last call);
 * file is borrowed for the call. */
void report_time_line(struct report *r, const char *file);
/* Print the end; the exit status: 1 when a report found nothing. */
int report_end(struct report *r);

#endif
