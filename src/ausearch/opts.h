/*
 * opts: ausearch's command line, parsed into one struct.
 *
 * Every option of the reference 3.0.9 with its messages and exit codes
 * (found by running it): a missing argument (or one starting with '-',
 * except where a negative number is legal) is "Argument is required for
 * OPT"; a bad value has the reference's own sentence; later repeats of a
 * single-valued criterion replace the earlier value, -m and -n add to a
 * list. The parser allocates nothing: strings borrow argv.
 */
#ifndef AUSEARCH_OPTS_H
#define AUSEARCH_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "timespec.h"

enum ausearch_format {
	AUSEARCH_FORMAT_DEFAULT,
	AUSEARCH_FORMAT_RAW,
	AUSEARCH_FORMAT_INTERPRET,
	AUSEARCH_FORMAT_CSV,
	AUSEARCH_FORMAT_TEXT,
	AUSEARCH_FORMAT_JSON,	/* ours */
};

enum ausearch_escape {
	AUSEARCH_ESCAPE_RAW,
	AUSEARCH_ESCAPE_TTY,	/* the default */
	AUSEARCH_ESCAPE_SHELL,
	AUSEARCH_ESCAPE_SHELL_QUOTE,
};

#define AUSEARCH_MAX_TYPES 64
#define AUSEARCH_MAX_NODES 16

/* A numeric criterion: set says whether it was given. */
struct ausearch_num {
	bool set;
	int64_t v;
};

struct ausearch_opts {
	/* criteria (each given one ANDs with the others) */
	struct ausearch_num event_id;	/* -a */
	struct ausearch_num exit;	/* -e */
	struct ausearch_num pid, ppid;	/* -p, -pp */
	struct ausearch_num uid, euid, auid, uid_all;	/* -ui -ue -ul -ua */
	struct ausearch_num gid, egid, gid_all;	/* -gi -ge -ga */
	struct ausearch_num session;	/* --session */
	struct ausearch_num syscall;	/* -sc, resolved with arch */
	struct ausearch_num arch;	/* --arch: the AUDIT_ARCH value */
	bool syscall_named;		/* -sc NAME: the event's arch must be
					 * --arch's or this host's */
	int success;			/* -sv: -1 unset, 0 no, 1 yes */
	const char *comm, *exe, *file, *host, *key, *terminal;
	const char *subject, *object, *context, *uuid, *vm;
	int types[AUSEARCH_MAX_TYPES];	/* -m */
	size_t ntypes;
	bool all_types;			/* -m ALL */
	const char *nodes[AUSEARCH_MAX_NODES];	/* -n */
	size_t nnodes;
	bool has_start, has_end;
	struct timespec_point start, end;	/* -ts, -te */
	bool word;			/* -w */

	/* output */
	enum ausearch_format format;
	bool format_given;
	enum ausearch_escape escape;
	bool line_buffered, just_one, debug;
	bool extra_keys, extra_labels, extra_obj2, extra_time;

	/* input */
	const char *input;		/* -if: a file or a directory */
	bool input_logs;		/* --input-logs */
	const char *checkpoint;		/* --checkpoint FILE */
	unsigned eoe_timeout;		/* --eoe-timeout, 0 = not given */
};

enum ausearch_parse_result {
	AUSEARCH_PARSE_OK,
	AUSEARCH_PARSE_EXIT_OK,		/* --help, --version: exit 0 */
	AUSEARCH_PARSE_ERROR,		/* message printed: exit 1 */
};

/* Parse argv into *o (zeroed first). Messages (errors, --help, -v) go to
 * out and err as the reference prints them. now is the time -ts/-te
 * keywords are relative to. argv must outlive *o. */
enum ausearch_parse_result ausearch_opts_parse(struct ausearch_opts *o,
					       int argc, char **argv,
					       time_t now, FILE *out,
					       FILE *err);

/* Whether any criterion (not an output or input option) was given. */
bool ausearch_opts_has_criteria(const struct ausearch_opts *o);

#endif
