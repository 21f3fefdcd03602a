/*
 * lookup: what ausyscall prints once its arguments are read: the whole
 * table (--dump), the name of a number, the number of an exact name, or
 * every syscall whose name contains the given text.
 */
#ifndef AUSYSCALL_LOOKUP_H
#define AUSYSCALL_LOOKUP_H

#include <stdio.h>
#include "args.h"

/* Run the lookup o asks for; results to out, messages to err. Returns the
 * exit status. */
int lookup_run(const struct ausyscall_opts *o, FILE *out, FILE *err);

#endif
