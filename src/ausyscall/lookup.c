/*
 * lookup: ausyscall's answers, in the reference's formats.
 *
 * Only a number's canonical name counts (the first in by_number among
 * equal numbers): the aliases lib/tables also accepts (pread64 for
 * pread, ...) are the kernel's spellings, which the reference's tables do
 * not know, so they are neither printed nor matched here. Names match
 * case-insensitively, as the reference matches them: exactly with
 * --exact, otherwise as a substring, every match printed in number order.
 */
#include <string.h>
#include <strings.h>
#include "lookup.h"

/* Calls fn on each number's canonical entry, in number order, until it
 * returns nonzero; returns that value or 0. */
static int lookup_each(const struct table *t,
		       int (*fn)(const struct table_entry *, const void *, FILE *),
		       const void *arg, FILE *out)
{
	size_t i;
	int ret;

	for (i = 0; i < t->count; i++) {
		if (i > 0 && t->by_number[i].number == t->by_number[i - 1].number)
			continue;
		ret = fn(&t->by_number[i], arg, out);
		if (ret)
			return ret;
	}
	return 0;
}

static int lookup_print_dump(const struct table_entry *e, const void *arg, FILE *out)
{
	fprintf(out, "%d\t%s\n", e->number, e->name);
	return 0;
}

static int lookup_print_exact(const struct table_entry *e, const void *name, FILE *out)
{
	if (strcasecmp(e->name, name) != 0)
		return 0;
	fprintf(out, "%d\n", e->number);
	return 1;
}

static int lookup_print_partial(const struct table_entry *e, const void *name, FILE *out)
{
	if (!strcasestr(e->name, name))
		return 0;
	fprintf(out, "%-18s %d\n", e->name, e->number);
	return 1;
}

/* lookup_each that goes on after a match, counting them. */
struct lookup_count {
	const char *name;
	int found;
};

static int lookup_count_partial(const struct table_entry *e, const void *arg, FILE *out)
{
	struct lookup_count *c = (struct lookup_count *)arg;

	c->found += lookup_print_partial(e, c->name, out);
	return 0;
}

static int lookup_name(const struct table *t, const struct ausyscall_opts *o,
		       FILE *out)
{
	struct lookup_count c = { o->name, 0 };

	if (o->exact)
		return lookup_each(t, lookup_print_exact, o->name, out);
	lookup_each(t, lookup_count_partial, &c, out);
	return c.found;
}

static int lookup_unknown_table(const struct ausyscall_opts *o, FILE *err)
{
	if (o->arch_given)
		fprintf(err, "No %s syscall table: auditkit has tables for x86_64, i386, aarch64 and arm only\n",
			o->arch);
	else
		fprintf(err, "No syscall table for this machine: give an arch (x86_64, i386, aarch64 or arm)\n");
	return AUSYSCALL_EXIT_FAIL;
}

int lookup_run(const struct ausyscall_opts *o, FILE *out, FILE *err)
{
	const struct table *t = machine_syscalls(o->machine);
	const char *name;

	if (o->version) {
		fprintf(out, "ausyscall version %s (auditkit)\n", AUDITKIT_VERSION);
		return AUSYSCALL_EXIT_OK;
	}
	if (!o->has_table || !t)
		return lookup_unknown_table(o, err);
	if (o->dump) {
		fprintf(out, "Using %s syscall table:\n", o->arch);
		lookup_each(t, lookup_print_dump, NULL, out);
		return AUSYSCALL_EXIT_OK;
	}
	if (o->name) {
		if (lookup_name(t, o, out))
			return AUSYSCALL_EXIT_OK;
		fprintf(err, "Unknown syscall %s using %s lookup table\n", o->name, o->arch);
		return AUSYSCALL_EXIT_FAIL;
	}
	name = table_name(t, o->number);
	if (!name) {
		fprintf(err, "Unknown syscall %d using %s lookup table\n", o->number, o->arch);
		return AUSYSCALL_EXIT_FAIL;
	}
	fprintf(out, "%s\n", name);
	return AUSYSCALL_EXIT_OK;
}
