/*
 * args: ausyscall's command line, read the way the reference reads it.
 *
 * The reference takes its words in any order: a word naming a machine is
 * the arch, a word starting with a digit is a number, --dump and --exact
 * are flags and anything else is a syscall name. Two of a kind is an
 * error; a name wins over a number when both are given. auditkit adds
 * -v/--version (the reference would look them up as syscall names).
 */
#ifndef AUSYSCALL_ARGS_H
#define AUSYSCALL_ARGS_H

#include <stdbool.h>
#include <stdio.h>
#include "tables.h"

/* Exit statuses, as the reference returns them. */
enum {
	AUSYSCALL_EXIT_OK = 0,
	AUSYSCALL_EXIT_FAIL = 1,	/* bad usage, unknown syscall, no table */
};

struct ausyscall_opts {
	enum machine machine;   /* the table to use; host unless an arch is given */
	const char *arch;       /* the machine name to print ("armeb", "ppc64") */
	bool has_table;         /* false for arches auditkit has no table for */
	bool arch_given;
	const char *name;       /* borrowed from argv; NULL if none */
	bool has_number;
	int number;
	bool dump;
	bool exact;
	bool version;
};

/*
 * Parse argv into *o (host is the machine to use when no arch is given).
 * Returns -1 to go on with the lookup (or, when o->version is set, to print
 * the version), or an exit status after writing the reference's message to
 * err. o keeps pointers into argv, which must outlive it.
 */
int args_parse(int argc, char **argv, enum machine host,
	       struct ausyscall_opts *o, FILE *err);

#endif
