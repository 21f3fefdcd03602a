/*
 * tables: lookups over the generated name/number arrays, and the machines
 * (ABIs) that have a syscall table.
 *
 * The arrays themselves come from the .tbl files in lib/tables/ through
 * gen.py (see tables.h); this file only searches them. by_name is sorted
 * by strcmp, so an exact lookup is a binary search. A case-insensitive
 * lookup cannot use that order (strcmp and strcasecmp sort '_' differently
 * against letters), so it tries the exact spelling first and then scans;
 * the tables are a few hundred entries and callers mostly pass the exact
 * spelling anyway.
 * by_number is sorted by number with the canonical name first among equal
 * numbers, so table_name() looks for the first entry of a number.
 *
 * The machine list follows what the reference accepts for -F arch= and
 * ausyscall: names are matched case-insensitively, i486..i686 mean i386 and
 * the reference's 32-bit ARM names all mean the one arm table, which it
 * calls "armeb".
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/utsname.h>
#include <linux/audit.h>
#include "tables.h"

/* Defined by the generated tables_gen.c; reached through machine_syscalls. */
extern const struct table table_syscall_x86_64;
extern const struct table table_syscall_i386;
extern const struct table table_syscall_aarch64;
extern const struct table table_syscall_arm;

static int table_cmp_name(const void *key, const void *elem)
{
	const struct table_entry *e = elem;

	return strcmp(key, e->name);
}

int table_number(const struct table *t, const char *name, int *ret)
{
	const struct table_entry *e;

	e = bsearch(name, t->by_name, t->count, sizeof(*e), table_cmp_name);
	if (!e)
		return -ENOENT;
	*ret = e->number;
	return 0;
}

int table_number_icase(const struct table *t, const char *name, int *ret)
{
	size_t i;

	if (table_number(t, name, ret) == 0)
		return 0;
	for (i = 0; i < t->count; i++) {
		if (strcasecmp(t->by_name[i].name, name) == 0) {
			*ret = t->by_name[i].number;
			return 0;
		}
	}
	return -ENOENT;
}

const char *table_name(const struct table *t, int number)
{
	size_t lo = 0, hi = t->count;

	/* Lower bound: the first entry >= number is the canonical one. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->by_number[mid].number < number)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < t->count && t->by_number[lo].number == number)
		return t->by_number[lo].name;
	return NULL;
}

struct machine_info {
	const char *name;          /* what ausyscall and ausearch -i print */
	uint32_t audit_arch;       /* AUDIT_ARCH_* */
	int bits;
	enum machine b32;          /* the 32-bit ABI this machine's b32 means */
	const struct table *syscalls;
};

static const struct machine_info machines[MACHINE_COUNT] = {
	[MACHINE_X86_64] = { "x86_64", AUDIT_ARCH_X86_64, 64, MACHINE_I386,
			     &table_syscall_x86_64 },
	[MACHINE_I386] = { "i386", AUDIT_ARCH_I386, 32, MACHINE_I386,
			   &table_syscall_i386 },
	[MACHINE_AARCH64] = { "aarch64", AUDIT_ARCH_AARCH64, 64, MACHINE_ARM,
			      &table_syscall_aarch64 },
	[MACHINE_ARM] = { "armeb", AUDIT_ARCH_ARM, 32, MACHINE_ARM,
			  &table_syscall_arm },
};

/* Every spelling the reference takes for a machine, besides b64/b32. */
static const struct {
	const char *name;
	enum machine machine;
} machine_names[] = {
	{ "x86_64", MACHINE_X86_64 },
	{ "i386", MACHINE_I386 },
	{ "i486", MACHINE_I386 },
	{ "i586", MACHINE_I386 },
	{ "i686", MACHINE_I386 },
	{ "aarch64", MACHINE_AARCH64 },
	{ "arm", MACHINE_ARM },
	{ "armeb", MACHINE_ARM },
	{ "armv5tejl", MACHINE_ARM },
	{ "armv5tel", MACHINE_ARM },
	{ "armv6l", MACHINE_ARM },
	{ "armv7l", MACHINE_ARM },
};

static int machine_valid(enum machine m)
{
	return m >= 0 && m < MACHINE_COUNT;
}

enum machine machine_host(void)
{
	struct utsname u;
	enum machine m;

	if (uname(&u) < 0)
		return MACHINE_UNKNOWN;
	if (machine_from_name(u.machine, MACHINE_UNKNOWN, &m) < 0)
		return MACHINE_UNKNOWN;
	return m;
}

const struct table *machine_syscalls(enum machine m)
{
	return machine_valid(m) ? machines[m].syscalls : NULL;
}

const char *machine_name(enum machine m)
{
	return machine_valid(m) ? machines[m].name : NULL;
}

/* b64 and b32 name the host's own ABIs; a 32-bit host has no b64. */
static int machine_from_bits(int bits, enum machine host, enum machine *ret)
{
	if (!machine_valid(host))
		return -EINVAL;
	if (bits == 32) {
		*ret = machines[host].b32;
		return 0;
	}
	if (machines[host].bits != 64)
		return -EINVAL;
	*ret = host;
	return 0;
}

int machine_from_name(const char *name, enum machine host, enum machine *ret)
{
	size_t i;

	if (strcasecmp(name, "b64") == 0)
		return machine_from_bits(64, host, ret);
	if (strcasecmp(name, "b32") == 0)
		return machine_from_bits(32, host, ret);
	for (i = 0; i < sizeof(machine_names) / sizeof(machine_names[0]); i++) {
		if (strcasecmp(name, machine_names[i].name) == 0) {
			*ret = machine_names[i].machine;
			return 0;
		}
	}
	return -ENOENT;
}

uint32_t machine_audit_arch(enum machine m)
{
	return machine_valid(m) ? machines[m].audit_arch : 0;
}

enum machine machine_from_audit_arch(uint32_t arch)
{
	int m;

	for (m = 0; m < MACHINE_COUNT; m++) {
		if (machines[m].audit_arch == arch)
			return (enum machine)m;
	}
	return MACHINE_UNKNOWN;
}

int machine_bits(enum machine m)
{
	return machine_valid(m) ? machines[m].bits : 0;
}
