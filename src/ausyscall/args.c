/*
 * args: ausyscall's words, classified one by one as the reference does
 * (see args.h). Every error is found while reading, before any lookup, so
 * "ausyscall 2 3 --dump" is a usage error and not a dump.
 *
 * Arch names: the four machines auditkit has tables for come from
 * lib/tables (machine_from_name, b32/b64 included). The rest are names
 * the reference knows: armv8l (its aarch64), the ppc and s390 families
 * (recognised so that the command line reads the same, but auditkit has
 * no table for them and says so at lookup time), and ia64 and alpha,
 * which the reference matches case-sensitively and answers with a
 * deprecation notice: ia64 is then ignored, alpha ends the program.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "args.h"

#define ARGS_USAGE "usage: ausyscall [arch] name | number | --dump | --exact\n"

/* Arches the reference has tables for and auditkit does not. */
static const char *const args_tableless[] = {
	"ppc", "ppc64", "ppc64le", "s390", "s390x",
};

enum args_kind { ARGS_NOT_ARCH, ARGS_ARCH, ARGS_IGNORED, ARGS_FATAL };

/* Is word an arch? Sets o->machine/arch/has_table when it is. */
static enum args_kind args_arch(const char *word, enum machine host,
				struct ausyscall_opts *o, FILE *err)
{
	enum machine m;
	size_t i;

	if (strcmp(word, "ia64") == 0) {
		fprintf(err, "IA64 processor support is deprecated\n");
		return ARGS_IGNORED;
	}
	if (strcmp(word, "alpha") == 0) {
		fprintf(err, "Alpha processor support is deprecated\n");
		return ARGS_FATAL;
	}
	if (strcasecmp(word, "armv8l") == 0)
		word = "aarch64";
	if (machine_from_name(word, host, &m) == 0) {
		o->machine = m;
		o->arch = machine_name(m);
		o->has_table = true;
		return ARGS_ARCH;
	}
	for (i = 0; i < sizeof(args_tableless) / sizeof(args_tableless[0]); i++) {
		if (strcasecmp(word, args_tableless[i]) == 0) {
			o->machine = MACHINE_UNKNOWN;
			o->arch = args_tableless[i];
			o->has_table = false;
			return ARGS_ARCH;
		}
	}
	return ARGS_NOT_ARCH;
}

static int args_usage_error(const char *what, FILE *err)
{
	fprintf(err, "%s\n" ARGS_USAGE, what);
	return AUSYSCALL_EXIT_FAIL;
}

/* One word; -1 to go on, or an exit status. */
static int args_word(const char *word, enum machine host,
		     struct ausyscall_opts *o, FILE *err)
{
	struct ausyscall_opts probe;

	if (isdigit((unsigned char)word[0])) {
		if (o->has_number)
			return args_usage_error("Two syscall numbers not allowed", err);
		/* atoi's arithmetic: decimal, trailing junk ignored, wraps to int. */
		o->number = (int)strtol(word, NULL, 10);
		o->has_number = true;
		return -1;
	}
	if (strcmp(word, "-v") == 0 || strcmp(word, "--version") == 0) {
		o->version = true;
		return -1;
	}
	if (strcmp(word, "--dump") == 0 || strcmp(word, "--exact") == 0) {
		*(word[2] == 'd' ? &o->dump : &o->exact) = true;
		return -1;
	}
	probe = *o;
	switch (args_arch(word, host, &probe, err)) {
	case ARGS_ARCH:
		if (o->arch_given)
			return args_usage_error("Two machine types not allowed", err);
		*o = probe;
		o->arch_given = true;
		return -1;
	case ARGS_IGNORED:
		return -1;
	case ARGS_FATAL:
		return AUSYSCALL_EXIT_FAIL;
	case ARGS_NOT_ARCH:
		break;
	}
	if (o->name)
		return args_usage_error("Two syscall names not allowed", err);
	o->name = word;
	return -1;
}

int args_parse(int argc, char **argv, enum machine host,
	       struct ausyscall_opts *o, FILE *err)
{
	int i, ret;

	memset(o, 0, sizeof(*o));
	o->machine = host;
	o->arch = machine_name(host);
	o->has_table = machine_syscalls(host) != NULL;
	if (argc < 2) {
		fputs(ARGS_USAGE, err);
		return AUSYSCALL_EXIT_FAIL;
	}
	/* -v ends the reading: the version is printed whatever follows. */
	for (i = 1; i < argc && !o->version; i++) {
		ret = args_word(argv[i], host, o, err);
		if (ret >= 0)
			return ret;
	}
	if (o->version)
		return -1;
	if (!o->dump && !o->name && !o->has_number) {
		fprintf(err, "Error - either a syscall name or number must be given with an optional arch\n");
		return AUSYSCALL_EXIT_FAIL;
	}
	return -1;
}
