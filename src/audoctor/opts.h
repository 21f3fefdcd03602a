/*
 * opts: audoctor's command line (the check; `plan` has its own in plan.c).
 *
 *   audoctor [-c CONFIG_DIR] [--watch SECONDS] [--log FILE...] [--kmsg FILE]
 *            [--json]
 *
 * --log takes one file; more may follow it as plain arguments, so
 * `--log a b c` and `--log a --log b` both work. Errors are one line on
 * the stream given, prefixed "audoctor: ".
 */
#ifndef AUDOCTOR_OPTS_H
#define AUDOCTOR_OPTS_H

#include <stdio.h>

#include "audoctor.h"

/* Fill *o from argv. -1 to go on; otherwise the exit status to return at
 * once (0 after --help, AUDOCTOR_EXIT_USAGE after an error, both already
 * printed to err or out). o->logs points into argv (kept, not copied) and
 * is freed with opts_free. */
int opts_parse(int argc, char **argv, struct doctor_opts *o, FILE *out,
	       FILE *err);
void opts_free(struct doctor_opts *o);

/* A whole number of seconds (or with a fraction: "0.5") in [0, 3600], as
 * milliseconds. 0 or -1 when the text is not one. Shared with plan. */
int opts_seconds(const char *text, unsigned *ret_ms);

#endif
