/*
 * rule_format: a kernel rule (struct audit_rule_data) as the line the
 * reference's `auditctl -l` prints for it.
 *
 * Two shapes. A rule on the exit list that covers every syscall and has
 * only path/dir, perm and key fields, at least one perm among them, prints
 * in watch form, each field in its stored order: path/dir as "-w PATH",
 * perm as " -p rwxa", each key as " -k KEY" (the reference prints a perm
 * stored before the path as " -p wa-w /x", and so do we). Everything else
 * prints as "-a action,list", then every arch field, then (exit list only,
 * when any syscall is set) "-S all" or the syscall names in number order,
 * then the remaining fields in stored order: "-C a=b" for comparisons, one
 * "-F key=K" per key, "-F name OP value" otherwise.
 *
 * "Every syscall" ignores the top AUDIT_SYSCALL_CLASSES bits: the kernel
 * turns those into syscall classes and clears them, so a rule sent with all
 * bits comes back without them.
 *
 * Values print as the reference prints them: signed decimal by default,
 * inode unsigned, a0..a3 as 0x%X, exit as -ENAME when it has a name, record
 * types and fstypes by name when known, arch as b64/b32. With
 * RULE_FORMAT_INTERPRET (auditctl -l -i) arch prints as the machine name,
 * -1 ids as "unset" and a0..a3 in lower case hex. (The reference's -i
 * also decodes a0..a3 of a single-syscall rule by that syscall's argument
 * types, e.g. open's flags as O_WRONLY|O_CREAT; that needs ausearch's
 * interpretation tables and is not done here.)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rule_int.h"

/* Syscall bits the kernel keeps; the ones above are class bits. */
#define RULE_SYSCALL_BITS (AUDIT_BITMASK_SIZE * 32 - AUDIT_SYSCALL_CLASSES)

struct rule_listing {
	const struct audit_rule_data *d;
	uint32_t offset[AUDIT_MAX_FIELDS];	/* of string values in buf */
	const struct rule_field_info *info[AUDIT_MAX_FIELDS];
	enum machine machine;		/* whose syscall names to print */
	unsigned flags;
	FILE *out;
};

static bool rule_kind_in_buf(enum rule_kind kind)
{
	return kind == RULE_KIND_STRING || kind == RULE_KIND_KEY;
}

/* Check the kernel's rule and note where each string value starts. */
static int rule_listing_check(struct rule_listing *l, size_t len)
{
	const struct audit_rule_data *d = l->d;
	uint64_t off = 0;
	uint32_t i;

	if (len < sizeof(*d) || d->field_count > AUDIT_MAX_FIELDS ||
	    d->buflen > len - sizeof(*d))
		return -EINVAL;
	for (i = 0; i < d->field_count; i++) {
		l->info[i] = rule_field_info(d->fields[i]);
		if (!rule_op_text(d->fieldflags[i]))
			return -EINVAL;
		if (!l->info[i] || !rule_kind_in_buf(l->info[i]->kind))
			continue;
		l->offset[i] = (uint32_t)off;
		off += d->values[i];
		if (off > d->buflen)
			return -EINVAL;
	}
	return 0;
}

static bool rule_all_syscalls(const struct audit_rule_data *d)
{
	uint32_t i;

	for (i = 0; i < RULE_SYSCALL_BITS; i++)
		if (!(d->mask[AUDIT_WORD(i)] & AUDIT_BIT(i)))
			return false;
	return true;
}

static bool rule_no_syscalls(const struct audit_rule_data *d)
{
	uint32_t i;

	for (i = 0; i < AUDIT_BITMASK_SIZE; i++)
		if (d->mask[i])
			return false;
	return true;
}

static bool rule_is_watch(const struct audit_rule_data *d)
{
	bool perm = false;
	uint32_t i;

	if ((d->flags & ~AUDIT_FILTER_PREPEND) != AUDIT_FILTER_EXIT ||
	    !rule_all_syscalls(d))
		return false;
	for (i = 0; i < d->field_count; i++) {
		switch (d->fields[i]) {
		case AUDIT_PERM:
			perm = true;
			break;
		case AUDIT_WATCH:
		case AUDIT_DIR:
		case AUDIT_FILTERKEY:
			break;
		default:
			return false;
		}
	}
	return perm;
}

/* Each \x01-separated key of field i, with prefix before it; empty ones
 * (a trailing "-k ''") are skipped, as the reference does. */
static void rule_print_keys(struct rule_listing *l, uint32_t i,
			    const char *prefix)
{
	const char *key = (const char *)l->d->buf + l->offset[i];
	const char *end = key + l->d->values[i], *sep;

	for (; key < end; key = sep + 1) {
		sep = memchr(key, RULE_KEY_SEPARATOR, (size_t)(end - key));
		if (!sep)
			sep = end;
		if (sep > key)
			fprintf(l->out, "%s%.*s", prefix, (int)(sep - key), key);
	}
}

static void rule_print_string(struct rule_listing *l, uint32_t i)
{
	fwrite(l->d->buf + l->offset[i], 1, l->d->values[i], l->out);
}

static void rule_print_watch(struct rule_listing *l)
{
	const struct audit_rule_data *d = l->d;
	char perm[5];
	uint32_t i;

	for (i = 0; i < d->field_count; i++) {
		switch (d->fields[i]) {
		case AUDIT_PERM:
			rule_perm_text(d->values[i], perm);
			fprintf(l->out, " -p %s", perm);
			break;
		case AUDIT_FILTERKEY:
			rule_print_keys(l, i, " -k ");
			break;
		default:
			fputs("-w ", l->out);
			rule_print_string(l, i);
			break;
		}
	}
}

static void rule_print_arch(struct rule_listing *l, uint32_t arch)
{
	const char *name = NULL;

	if (l->flags & RULE_FORMAT_INTERPRET)
		name = machine_name(machine_from_audit_arch(arch));
	if (!name)
		name = arch & __AUDIT_ARCH_64BIT ? "b64" : "b32";
	fputs(name, l->out);
}

static void rule_print_exit(struct rule_listing *l, uint32_t v)
{
	const char *name = NULL;

	if ((int32_t)v < 0)
		name = table_name(&table_errno, (int)(0u - v));
	if (name)
		fprintf(l->out, "-%s", name);
	else
		fprintf(l->out, "%d", (int32_t)v);
}

/* The name some kinds print instead of the number, NULL for none. */
static const char *rule_value_name(const struct rule_listing *l, uint32_t i)
{
	uint32_t v = l->d->values[i];

	switch (l->info[i]->kind) {
	case RULE_KIND_MSGTYPE:
		return table_name(&table_msgtype, (int)v);
	case RULE_KIND_FSTYPE:
		return rule_fstype_name(v);
	case RULE_KIND_UID:
	case RULE_KIND_SESSION:
		if ((l->flags & RULE_FORMAT_INTERPRET) && v == 0xffffffffu)
			return "unset";
		return NULL;
	default:
		return NULL;
	}
}

static void rule_print_value(struct rule_listing *l, uint32_t i)
{
	uint32_t v = l->d->values[i];
	const char *name;
	char perm[5];

	switch (l->info[i]->kind) {
	case RULE_KIND_STRING:
		rule_print_string(l, i);
		break;
	case RULE_KIND_ARCH:
		rule_print_arch(l, v);
		break;
	case RULE_KIND_PERM:
		rule_perm_text(v, perm);
		fputs(perm, l->out);
		break;
	case RULE_KIND_ARG:
		fprintf(l->out, l->flags & RULE_FORMAT_INTERPRET ? "0x%x" : "0x%X", v);
		break;
	case RULE_KIND_INODE:
		fprintf(l->out, "%u", v);
		break;
	case RULE_KIND_EXIT:
		rule_print_exit(l, v);
		break;
	default:
		name = rule_value_name(l, i);
		if (name)
			fputs(name, l->out);
		else
			fprintf(l->out, "%d", (int32_t)v);
		break;
	}
}

static void rule_print_compare(struct rule_listing *l, uint32_t i)
{
	uint32_t left, right;

	/* An unknown comparison prints nothing at all in the reference. */
	if (rule_compare_fields(l->d->values[i], &left, &right) < 0)
		return;
	fprintf(l->out, " -C %s%s%s", table_name(&table_field, (int)left),
		rule_op_text(l->d->fieldflags[i]),
		table_name(&table_field, (int)right));
}

static void rule_print_field(struct rule_listing *l, uint32_t i)
{
	uint32_t field = l->d->fields[i];
	const char *op = rule_op_text(l->d->fieldflags[i]);

	/* A field the reference has no name for (loginuid_set, from a newer
	 * tool) prints as "f24=1", without -F. */
	if (!l->info[i]) {
		fprintf(l->out, " f%u%s%d", field, op, (int32_t)l->d->values[i]);
		return;
	}
	if (field == AUDIT_FIELD_COMPARE) {
		rule_print_compare(l, i);
		return;
	}
	if (field == AUDIT_FILTERKEY) {
		rule_print_keys(l, i, " -F key=");
		return;
	}
	/* The reference prints exe with '=' whatever the operator. */
	if (field == AUDIT_EXE)
		op = "=";
	fprintf(l->out, " -F %s%s", table_name(&table_field, (int)field), op);
	rule_print_value(l, i);
}

static void rule_print_syscalls(struct rule_listing *l)
{
	const struct table *t = machine_syscalls(l->machine);
	const char *name, *sep = "";
	uint32_t nr;

	fputs(" -S ", l->out);
	if (rule_all_syscalls(l->d)) {
		fputs("all", l->out);
		return;
	}
	for (nr = 0; nr < AUDIT_BITMASK_SIZE * 32; nr++) {
		if (!(l->d->mask[AUDIT_WORD(nr)] & AUDIT_BIT(nr)))
			continue;
		name = t ? table_name(t, (int)nr) : NULL;
		if (name)
			fprintf(l->out, "%s%s", sep, name);
		else
			fprintf(l->out, "%s%u", sep, nr);
		sep = ",";
	}
}

/* io_uring rules (a newer tool's) print their list by name and their
 * operations as numbers: 3.0.9 prints "(null)" and syscall names. */
static const char *rule_list_name(uint32_t list)
{
	static const char *const names[] = {
		[AUDIT_FILTER_USER] = "user", [AUDIT_FILTER_TASK] = "task",
		[AUDIT_FILTER_ENTRY] = "entry", [AUDIT_FILTER_EXIT] = "exit",
		[AUDIT_FILTER_EXCLUDE] = "exclude",
		[AUDIT_FILTER_FS] = "filesystem",
		[AUDIT_FILTER_URING_EXIT] = "io_uring",
	};

	return list < sizeof(names) / sizeof(names[0]) ? names[list] : NULL;
}

static const char *rule_action_name(uint32_t action)
{
	static const char *const names[] = {
		[AUDIT_NEVER] = "never", [AUDIT_POSSIBLE] = "possible",
		[AUDIT_ALWAYS] = "always",
	};

	return action < sizeof(names) / sizeof(names[0]) ? names[action] : NULL;
}

static int rule_print_syscall_rule(struct rule_listing *l)
{
	const struct audit_rule_data *d = l->d;
	uint32_t list = d->flags & ~AUDIT_FILTER_PREPEND, i;
	const char *list_name = rule_list_name(list);
	const char *action_name = rule_action_name(d->action);

	if (!list_name || !action_name)
		return -EINVAL;
	fprintf(l->out, "-a %s,%s", action_name, list_name);
	for (i = 0; i < d->field_count; i++)
		if (d->fields[i] == AUDIT_ARCH)
			rule_print_field(l, i);
	if ((list == AUDIT_FILTER_EXIT || list == AUDIT_FILTER_URING_EXIT) &&
	    !rule_no_syscalls(d))
		rule_print_syscalls(l);
	for (i = 0; i < d->field_count; i++)
		if (d->fields[i] != AUDIT_ARCH)
			rule_print_field(l, i);
	return 0;
}

enum machine rule_syscall_machine(const struct audit_rule_data *d, size_t len,
				  enum machine fallback)
{
	enum machine m = fallback;
	uint32_t i;

	if (len < sizeof(*d) || d->field_count > AUDIT_MAX_FIELDS)
		return MACHINE_UNKNOWN;
	for (i = 0; i < d->field_count; i++)
		if (d->fields[i] == AUDIT_ARCH)
			m = machine_from_audit_arch(d->values[i]);
	return m;
}

int rule_format(const struct audit_rule_data *d, size_t len,
		enum machine host, unsigned flags, char **ret)
{
	struct rule_listing l = { .d = d, .flags = flags };
	char *text = NULL;
	size_t size;
	int err;

	err = rule_listing_check(&l, len);
	if (err < 0)
		return err;
	l.machine = rule_syscall_machine(d, len, host);
	if ((d->flags & ~AUDIT_FILTER_PREPEND) == AUDIT_FILTER_URING_EXIT)
		l.machine = MACHINE_UNKNOWN;	/* no table of io_uring ops */
	l.out = open_memstream(&text, &size);
	if (!l.out)
		return -ENOMEM;
	if (rule_is_watch(d))
		rule_print_watch(&l);
	else
		err = rule_print_syscall_rule(&l);
	if (ferror(l.out) && err == 0)
		err = -ENOMEM;
	if (fclose(l.out) != 0 && err == 0)
		err = -ENOMEM;
	if (err < 0) {
		free(text);
		return err;
	}
	*ret = text;
	return 0;
}

bool rule_has_key(const struct audit_rule_data *d, size_t len, const char *key)
{
	struct rule_listing l = { .d = d };
	size_t klen = strlen(key);
	uint32_t i;

	if (rule_listing_check(&l, len) < 0)
		return false;
	if (klen == 0)
		return true;
	for (i = 0; i < d->field_count; i++)
		if (d->fields[i] == AUDIT_FILTERKEY &&
		    memmem(d->buf + l.offset[i], d->values[i], key, klen))
			return true;
	return false;
}
