/*
 * spawn: run another program (auditctl, restorecon) and wait for it.
 *
 * The child inherits stdin, stdout and stderr unless its output is
 * captured. Exit statuses follow the shell's convention so that
 * augenrules can pass them on the way a script would: the program's exit
 * code, 128 + N when killed by signal N, 127 when it does not exist and
 * 126 when it cannot be executed (the child then prints why on stderr).
 */
#ifndef AUGENRULES_SPAWN_H
#define AUGENRULES_SPAWN_H

#include "buf.h"

/* Run argv (argv[0] is the path; no PATH search) and wait. Returns the
 * exit status as above, or negative errno when no child could be made.
 * When out is not NULL the child's stdout is appended to it and its
 * stderr discarded: a query, whose failure the caller handles. */
int spawn_run(char *const argv[], struct buf *out);

#endif
