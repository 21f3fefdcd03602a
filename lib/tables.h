/*
 * tables: name <-> number lookups for the audit vocabulary.
 *
 * The data lives in plain text files under lib/tables/ (one "name number"
 * pair per line); lib/tables/gen.py turns them into sorted C arrays at build
 * time, so nothing here is a hand-maintained C table. Lookups by name are a
 * binary search over the name-sorted array; lookups by number a binary
 * search over the number-sorted one. Where several names share a number
 * (aliases), table_name() returns the canonical one: the first listed in
 * the data file.
 *
 * All tables are static, immutable and thread-safe; returned strings are
 * borrowed and live for the whole program.
 */
#ifndef AUDITKIT_TABLES_H
#define AUDITKIT_TABLES_H

#include <stddef.h>
#include <stdint.h>

struct table_entry {
	const char *name;
	int number;
};

struct table {
	const char *what;                    /* "syscall", "message type", ... */
	const struct table_entry *by_name;   /* sorted by strcmp(name) */
	const struct table_entry *by_number; /* sorted by number; canonical first */
	size_t count;
};

/* Exact, case-sensitive name lookup. 0 and *ret set, or -ENOENT. */
int table_number(const struct table *t, const char *name, int *ret);
/* Case-insensitive variant (message types and signals are matched so). */
int table_number_icase(const struct table *t, const char *name, int *ret);
/* Canonical name of a number, or NULL. */
const char *table_name(const struct table *t, int number);

extern const struct table table_msgtype;  /* SYSCALL -> 1300 (AUDIT_* types) */
extern const struct table table_field;    /* rule field names: uid -> AUDIT_UID */
extern const struct table table_errno;    /* EPERM -> 1 */
extern const struct table table_sockfam;  /* inet -> 2 (saddr_fam values) */
extern const struct table table_cap;      /* chown -> 0 */
extern const struct table table_signal;   /* SIGTERM/TERM -> 15 */
extern const struct table table_ftype;    /* file, dir, socket ... -> S_IF* */

/*
 * Machines (ABIs) that syscall tables exist for. The audit arch value is
 * the kernel's AUDIT_ARCH_* constant carried in the arch rule field.
 */
enum machine {
	MACHINE_X86_64,
	MACHINE_I386,
	MACHINE_AARCH64,
	MACHINE_ARM,
	MACHINE_COUNT,
	MACHINE_UNKNOWN = -1,
};

/* The machine this program runs on (from uname), MACHINE_UNKNOWN if none. */
enum machine machine_host(void);
/* Syscall table of a machine; NULL for MACHINE_UNKNOWN. */
const struct table *machine_syscalls(enum machine m);
/* "x86_64", "i386", "aarch64", "armeb": the name ausyscall and ausearch use. */
const char *machine_name(enum machine m);
/* Name as given to -F arch= or ausyscall: x86_64, i386..i686, aarch64,
 * armeb/armv7..., and b64/b32 relative to host. 0 or -ENOENT/-EINVAL. */
int machine_from_name(const char *name, enum machine host, enum machine *ret);
uint32_t machine_audit_arch(enum machine m);
enum machine machine_from_audit_arch(uint32_t arch);
/* 64 or 32: the width that b64/b32 names in rule listings. */
int machine_bits(enum machine m);

#endif
