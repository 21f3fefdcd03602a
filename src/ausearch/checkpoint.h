/*
 * checkpoint: ausearch --checkpoint FILE: print only the events after the
 * one recorded by the previous run, then record the last event read.
 *
 * The file holds three lines, as the reference writes them:
 *   dev=0xDEV
 *   inode=INODE
 *   output=NODE SEC.MSEC:SERIAL 0xTYPE      (NODE "-" when none)
 * A missing file is a first run. Unreadable or malformed data exits 10
 * with the reference's messages; a file that cannot be written, 11.
 */
#ifndef AUSEARCH_CHECKPOINT_H
#define AUSEARCH_CHECKPOINT_H

#include <stdbool.h>
#include <stdio.h>

#include "event.h"
#include "opts.h"

enum {
	CHECKPOINT_EXIT_INVALID = 10,
	CHECKPOINT_EXIT_PROCESSING = 11,
	CHECKPOINT_EXIT_NOT_FOUND = 12,
};

struct checkpoint;

/* Load o->checkpoint. 0 and *ret, or an exit status (message on err). */
int checkpoint_open(const struct ausearch_opts *o, FILE *err,
		    struct checkpoint **ret);
void checkpoint_free(struct checkpoint *cp);

/* Whether ev comes after the recorded event (every event does on a first
 * run, or with -ts checkpoint). Remembers ev as the last one read. */
bool checkpoint_pass(struct checkpoint *cp, const struct event *ev);
/* ev was printed. */
void checkpoint_note(struct checkpoint *cp, const struct event *ev);
/* Write the new checkpoint: 0, or an exit status (message on err). */
int checkpoint_finish(struct checkpoint *cp, FILE *err);

#endif
