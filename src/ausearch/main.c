/*
 * ausearch: search the audit logs for events meeting every criterion of
 * the command line and print them (see ausearch(8)).
 *
 * main only wires the parts: opts (the command line), input (which files),
 * source (events from them, lib/source.c), match (the criteria), output
 * (the formats) and checkpoint (--checkpoint).
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checkpoint.h"
#include "input.h"
#include "match.h"
#include "opts.h"
#include "output.h"
#include "source.h"

/* --debug: the lines that are not records. */
static void ausearch_bad_line(const char *path, uint64_t line_no,
			      enum record_error why, void *user)
{
	(void)user;
	fprintf(stderr, "Skipping malformed line %s:%llu (%s)\n", path,
		(unsigned long long)line_no, record_error_text(why));
}

struct ausearch_run {
	const struct ausearch_opts *o;
	struct source *src;
	struct match *match;
	struct output *out;
	struct checkpoint *cp;
	unsigned long printed;
};

/* Read every event, print those that match. Returns the exit status. */
static int ausearch_loop(struct ausearch_run *run)
{
	const struct event *ev;
	int r;

	while ((r = source_next(run->src, &ev)) != 0) {
		if (r < 0) {
			fprintf(stderr, "Error opening %s (%s)\n",
				source_failed_path(run->src), strerror(-r));
			continue;
		}
		if (!match_parsable(ev))
			continue;
		if (run->cp && !checkpoint_pass(run->cp, ev))
			continue;
		if (!match_event(run->match, ev))
			continue;
		r = output_event(run->out, ev);
		if (r < 0)
			return 1;
		if (r > 0)
			run->printed++;
		if (run->cp)
			checkpoint_note(run->cp, ev);
		if (run->o->just_one && run->printed)
			break;
	}
	if (run->cp)
		return checkpoint_finish(run->cp, stderr);
	return 0;
}

static int ausearch_start(struct ausearch_run *run, const struct input *in)
{
	const struct ausearch_opts *o = run->o;
	size_t count;
	const char *const *paths = input_paths(in, &count);
	unsigned eoe = o->eoe_timeout ? o->eoe_timeout
				      : input_conf_eoe_timeout();

	if (source_new(paths, count, eoe, &run->src) < 0 ||
	    match_new(o, &run->match) < 0 ||
	    output_new(o, STDOUT_FILENO, &run->out) < 0) {
		fprintf(stderr, "Out of memory\n");
		return -1;
	}
	if (o->debug)
		source_on_bad_line(run->src, ausearch_bad_line, NULL);
	return 0;
}

static int ausearch(const struct ausearch_opts *o)
{
	struct ausearch_run run = { .o = o };
	struct input in;
	int rc = 1;

	if (o->checkpoint) {
		rc = checkpoint_open(o, stderr, &run.cp);
		if (rc)
			return rc;
		rc = 1;
	}
	if (input_choose(o, stderr, &in) < 0)
		goto out;
	if (ausearch_start(&run, &in) == 0)
		rc = ausearch_loop(&run);
	if (output_free(run.out) < 0 && rc == 0)
		rc = 1;
	run.out = NULL;
	if (rc == 0 && run.printed == 0) {
		if (o->format != AUSEARCH_FORMAT_RAW)
			fprintf(stderr, "<no matches>\n");
		rc = 1;
	}
	input_clear(&in);
out:
	output_free(run.out);
	match_free(run.match);
	source_free(run.src);
	checkpoint_free(run.cp);
	return rc;
}

int main(int argc, char **argv)
{
	struct ausearch_opts o;

	setlocale(LC_ALL, "");
	switch (ausearch_opts_parse(&o, argc, argv, time(NULL), stdout,
				    stderr)) {
	case AUSEARCH_PARSE_EXIT_OK:
		return 0;
	case AUSEARCH_PARSE_ERROR:
		return 1;
	default:
		break;
	}
	return ausearch(&o);
}
