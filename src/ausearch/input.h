/*
 * input: which files ausearch reads, as the reference chooses them: -if
 * FILE; -if DIR (the log set of DIR/audit.log, with a NOTE on stderr);
 * stdin when it is a pipe (unless --input-logs); else the log set of
 * auditd.conf's log_file. Also reads end_of_event_timeout from there.
 */
#ifndef AUSEARCH_INPUT_H
#define AUSEARCH_INPUT_H

#include <stdio.h>

#include "logset.h"
#include "opts.h"

#define INPUT_AUDITD_CONF "/etc/audit/auditd.conf"

struct input {
	struct logset set;	/* count 0: read stdin */
	char *single;		/* -if FILE: the one path (owned) */
	const char *paths[1];
};

/* Choose the input for o. 0 and *ret (free with input_clear), or -1 with
 * the reference's message printed on err (exit 1). */
int input_choose(const struct ausearch_opts *o, FILE *err, struct input *ret);
void input_clear(struct input *in);

/* The paths to read (count 0: stdin). */
const char *const *input_paths(const struct input *in, size_t *ret_count);

/* end_of_event_timeout from auditd.conf, or EVENT_EOE_TIMEOUT_DEFAULT. */
unsigned input_conf_eoe_timeout(void);

#endif
