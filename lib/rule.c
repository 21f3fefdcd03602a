/*
 * rule: building one audit rule from auditctl's options, and encoding it.
 *
 * Each rule_* step takes one option's argument, in command-line order, and
 * checks what the reference checks at that point; the few checks the
 * reference makes only once the whole rule is known (a -F key needs a
 * syscall, watch or path-like field somewhere; keys go last) are in
 * rule_encode(). -F and -C live in rule_field.c, the listing in
 * rule_format.c.
 *
 * Order rules kept from the reference: -F needs a list (-a/-A/-d or -w)
 * before it, -S may come before -a, -F arch= must come before any -S (it
 * picks the syscall table), -k needs a -S, a watch or a path-like field
 * before it. A watch sets the exit list, the always action and every
 * syscall, whatever -S said.
 *
 * Lists and actions are the ones 3.0.9 knows: "entry" and "io_uring" are
 * a "bad keyword" there too, and the "possible" action makes the reference
 * print a deprecation message and drop the rule (RULE_EDEPRECATED).
 *
 * Deliberate simplification: the reference's answers to mixing -w/-W with
 * -a/-A/-d are inconsistent (-w then -d adds the watch; -W then -a adds
 * it; -w then -a is a "bad keyword"). Here -w/-W followed by -a/-A/-d is
 * always the "bad keyword" error, and -W after -a/-A/-d keeps their
 * operation, as the reference does.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include "rule_int.h"

#define RULE_WATCH_PATH_MAX 4096	/* PATH_MAX: -w takes less */
#define RULE_WATCH_NAME_MAX 255		/* NAME_MAX for the last component */
#define RULE_PERM_ALL (AUDIT_PERM_READ | AUDIT_PERM_WRITE | \
		       AUDIT_PERM_EXEC | AUDIT_PERM_ATTR)

static const char rule_warn_arch[] =
	"WARNING - 32/64 bit syscall mismatch, you should specify an arch";
static const char rule_warn_wildcard[] =
	"Warning - wildcard notation is not supported";

static const struct {
	const char *name;
	uint32_t list;
} rule_lists[] = {
	{ "task", AUDIT_FILTER_TASK },
	{ "exit", AUDIT_FILTER_EXIT },
	{ "user", AUDIT_FILTER_USER },
	{ "exclude", AUDIT_FILTER_EXCLUDE },
	{ "filesystem", AUDIT_FILTER_FS },
};

static const struct {
	const char *name;
	uint32_t action;
} rule_actions[] = {
	{ "never", AUDIT_NEVER },
	{ "always", AUDIT_ALWAYS },
};

/* What -S says on a list that takes no syscalls, by list. */
static const char *const rule_syscall_list_err[] = {
	[AUDIT_FILTER_USER] = "Error: syscall auditing being added to user list",
	[AUDIT_FILTER_TASK] = "Error: syscall auditing being added to task list",
	[AUDIT_FILTER_EXCLUDE] =
		"Error: syscall auditing cannot be put on exclude list",
	[AUDIT_FILTER_FS] =
		"Error: syscall auditing being added to filesystem list",
};

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

struct rule *rule_new(enum machine host)
{
	struct rule *r = calloc(1, sizeof(*r));

	if (!r)
		return NULL;
	r->host = host;
	r->arch = MACHINE_UNKNOWN;
	r->key_op = AUDIT_EQUAL;
	return r;
}

void rule_free(struct rule *r)
{
	if (!r)
		return;
	free(r->buf);
	free(r->error);
	free(r);
}

int rule_fail(struct rule *r, const char *fmt, ...)
{
	va_list ap;
	char *msg;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&msg, fmt, ap);
	va_end(ap);
	free(r->error);
	r->error = n < 0 ? NULL : msg;
	return n < 0 ? RULE_ENOMEM : RULE_EINVAL;
}

void rule_push(struct rule *r, uint32_t field, uint32_t op, uint32_t value)
{
	r->fields[r->nfields] = field;
	r->fieldflags[r->nfields] = op;
	r->values[r->nfields] = value;
	r->nfields++;
}

int rule_push_string(struct rule *r, uint32_t field, uint32_t op,
		     const char *s, size_t len)
{
	if (r->buflen + len > r->bufcap) {
		size_t cap = (r->buflen + len) * 2;
		char *buf = realloc(r->buf, cap);

		if (!buf)
			return RULE_ENOMEM;
		r->buf = buf;
		r->bufcap = cap;
	}
	memcpy(r->buf + r->buflen, s, len);
	r->buflen += len;
	rule_push(r, field, op, (uint32_t)len);
	return RULE_OK;
}

int rule_key_append(struct rule *r, const char *key)
{
	size_t len = strlen(key);
	size_t need = r->keylen ? r->keylen + 1 + len : len;

	if (need > AUDIT_MAX_KEY_LEN)
		return rule_fail(r, "key option exceeds size limit");
	if (r->keylen)
		r->keys[r->keylen++] = RULE_KEY_SEPARATOR;
	memcpy(r->keys + r->keylen, key, len);
	r->keylen += len;
	return RULE_OK;
}

static int rule_find_list(const char *name, uint32_t *ret)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_lists); i++) {
		if (strcmp(name, rule_lists[i].name) == 0) {
			*ret = rule_lists[i].list;
			return 0;
		}
	}
	return -1;
}

static int rule_find_action(const char *name, uint32_t *ret)
{
	size_t i;

	for (i = 0; i < N_ELEMS(rule_actions); i++) {
		if (strcmp(name, rule_actions[i].name) == 0) {
			*ret = rule_actions[i].action;
			return 0;
		}
	}
	return -1;
}

/* "list,action" or "action,list" into list and action; text is modified.
 * 0, -1 for a bad keyword, -2 for the "possible" action after a list. */
static int rule_parse_list_action(char *text, uint32_t *list, uint32_t *action)
{
	char *second = strchr(text, ',');

	if (!second)
		return -1;
	*second++ = '\0';
	if (rule_find_list(text, list) == 0) {
		if (rule_find_action(second, action) == 0)
			return 0;
		return strcmp(second, "possible") == 0 ? -2 : -1;
	}
	if (rule_find_action(text, action) == 0 &&
	    rule_find_list(second, list) == 0)
		return 0;
	return -1;
}

static const char *rule_op_verb(enum rule_op op)
{
	switch (op) {
	case RULE_OP_PREPEND:
		return "Add";
	case RULE_OP_DELETE:
		return "Delete";
	default:
		return "Append";
	}
}

int rule_set_list_action(struct rule *r, enum rule_op op, const char *text)
{
	uint32_t list, action;
	char *copy;
	int ret;

	r->warning = NULL;
	if (r->list_given)
		return rule_fail(r, "Multiple rule insert/delete operations are not allowed");
	copy = strdup(text);
	if (!copy)
		return RULE_ENOMEM;
	ret = rule_parse_list_action(copy, &list, &action);
	free(copy);
	if (ret == -2) {
		ret = rule_fail(r, "%s rule - possible is deprecated", rule_op_verb(op));
		return ret == RULE_EINVAL ? RULE_EDEPRECATED : ret;
	}
	if (ret == 0 && list == AUDIT_FILTER_TASK && r->syscalls_given &&
	    op != RULE_OP_DELETE)
		return rule_fail(r, "Syscall auditing requested for task list");
	if (ret < 0 || r->watch)
		return rule_fail(r, "%s rule - bad keyword %s", rule_op_verb(op), text);
	r->list = list;
	r->action = action;
	r->op = op;
	r->list_given = true;
	return RULE_OK;
}

/* Is the syscall, given by name to an exit rule without an arch, another
 * number (or none) in the host's 32-bit table? Then the rule means other
 * calls for 32-bit programs, and the reference warns. (-S before -a does
 * not warn: the list is not known yet.) */
static bool rule_biarch_mismatch(const struct rule *r, const char *name, int nr)
{
	enum machine b32;
	const struct table *t;
	int nr32;

	if (r->arch != MACHINE_UNKNOWN || !rule_is_started(r) ||
	    r->list != AUDIT_FILTER_EXIT)
		return false;
	if (machine_from_name("b32", r->host, &b32) < 0 || b32 == r->host)
		return false;
	t = machine_syscalls(b32);
	return !t || table_number_icase(t, name, &nr32) < 0 || nr32 != nr;
}

/* One name or number of a -S list into the mask; *mismatch is set when
 * the 32/64 bit warning is due. */
static int rule_add_syscall(struct rule *r, const char *name, bool *mismatch)
{
	enum machine m = r->arch != MACHINE_UNKNOWN ? r->arch : r->host;
	const struct table *t = machine_syscalls(m);
	long nr = -1;
	int n;

	if (strcmp(name, "all") == 0) {
		memset(r->mask, 0xff, sizeof(r->mask));
		return RULE_OK;
	}
	if (name[0] >= '0' && name[0] <= '9') {
		nr = strtol(name, NULL, 0);
	} else if (t && table_number_icase(t, name, &n) == 0) {
		nr = n;
		*mismatch |= rule_biarch_mismatch(r, name, n);
	}
	if (nr < 0 || nr >= AUDIT_BITMASK_SIZE * 32)
		return rule_fail(r, "Syscall name unknown: %s", name);
	r->mask[AUDIT_WORD(nr)] |= AUDIT_BIT(nr);
	return RULE_OK;
}

/* Every name of a comma list; a lone name is taken whole, so "" is an
 * unknown name, while empty items of a list are skipped. */
static int rule_add_syscall_list(struct rule *r, const char *text,
				 bool *mismatch)
{
	char *copy, *name, *save = NULL;
	int ret = RULE_OK;

	if (!strchr(text, ','))
		return rule_add_syscall(r, text, mismatch);
	copy = strdup(text);
	if (!copy)
		return RULE_ENOMEM;
	for (name = strtok_r(copy, ",", &save); name && ret == RULE_OK;
	     name = strtok_r(NULL, ",", &save))
		ret = rule_add_syscall(r, name, mismatch);
	free(copy);
	return ret;
}

int rule_add_syscalls(struct rule *r, const char *text)
{
	bool mismatch = false;
	int ret;

	r->warning = NULL;
	if ((r->list_given || r->watch) && r->list != AUDIT_FILTER_EXIT)
		return rule_fail(r, "%s", rule_syscall_list_err[r->list]);
	r->syscalls_given = true;
	ret = rule_add_syscall_list(r, text, &mismatch);
	/* Warned once a rule, and only when the whole list was good. */
	if (ret == RULE_OK && mismatch && !r->warned_arch) {
		r->warned_arch = true;
		r->warning = rule_warn_arch;
	}
	return ret;
}

int rule_add_key(struct rule *r, const char *key)
{
	r->warning = NULL;
	if (!r->syscalls_given && !r->anchored)
		return rule_fail(r, "key option needs a watch or syscall given prior to it");
	/* An empty key adds nothing to no key, but a separator after one. */
	if (!*key && !r->keylen)
		return RULE_OK;
	return rule_key_append(r, key);
}

/* -w/-W's path checks, then the path without trailing slashes in *ret. */
static int rule_watch_path(struct rule *r, const char *path, char **ret)
{
	const char *base;
	char *copy;
	size_t len = strlen(path);

	if (path[0] != '/')
		return rule_fail(r, "The path must start with '/'");
	if (len >= RULE_WATCH_PATH_MAX)
		return rule_fail(r, "The path passed for the watch is too big");
	copy = strdup(path);
	if (!copy)
		return RULE_ENOMEM;
	while (len > 1 && copy[len - 1] == '/')
		copy[--len] = '\0';
	base = strrchr(copy, '/') + 1;
	if (strlen(base) > RULE_WATCH_NAME_MAX) {
		free(copy);
		return rule_fail(r, "The base name of the path is too big");
	}
	if (strpbrk(copy, "*?"))
		r->warning = rule_warn_wildcard;
	*ret = copy;
	return RULE_OK;
}

int rule_set_watch(struct rule *r, enum rule_op op, const char *path)
{
	struct stat st;
	char *clean = NULL;
	uint32_t field;
	int ret;

	r->warning = NULL;
	if (op != RULE_OP_DELETE && (r->list_given || r->watch))
		return rule_fail(r, "watch option can't be given with a syscall");
	if (op == RULE_OP_DELETE && r->nfields > 0)
		return rule_fail(r, "Rule is not empty");
	ret = rule_watch_path(r, path, &clean);
	if (ret < 0)
		return ret;
	/* The kernel wants dir= for a directory; stat follows symlinks, as
	 * the reference's does (-w /lib watches the directory). */
	field = stat(clean, &st) == 0 && S_ISDIR(st.st_mode) ? AUDIT_DIR : AUDIT_WATCH;
	ret = rule_push_string(r, field, AUDIT_EQUAL, clean, strlen(clean));
	free(clean);
	if (ret < 0)
		return ret;
	rule_push(r, AUDIT_PERM, AUDIT_EQUAL, RULE_PERM_ALL);
	if (!r->list_given) {
		r->list = AUDIT_FILTER_EXIT;
		r->action = AUDIT_ALWAYS;
		r->op = op;
	}
	r->watch = r->syscalls_given = r->anchored = true;
	return RULE_OK;
}

/* -p argument: r w x a in any order and case, at most four letters. */
int rule_set_perm(struct rule *r, const char *perms)
{
	uint32_t perm, i;
	bool found = false;
	int bad;

	r->warning = NULL;
	if (!r->list_given && !r->watch)
		return rule_fail(r, "permission option needs a watch given prior to it");
	if (r->nfields == 0)
		return rule_fail(r, "Permissions should be preceeded by other fields");
	if (strlen(perms) > 4)
		return rule_fail(r, "permission %s is too long", perms);
	bad = rule_perm_parse(perms, &perm);
	if (bad)
		return rule_fail(r, "Permission %c isn't supported", bad);
	/* -p rewrites every perm field (-w made one), or adds one. */
	for (i = 0; i < r->nfields; i++) {
		if (r->fields[i] == AUDIT_PERM) {
			r->values[i] = perm;
			found = true;
		}
	}
	if (!found) {
		if (r->nfields >= RULE_MAX_FIELDS)
			return rule_fail(r, "Too many fields in rule: perm=%s", perms);
		rule_push(r, AUDIT_PERM, AUDIT_EQUAL, perm);
	}
	r->anchored = true;
	return RULE_OK;
}

bool rule_is_started(const struct rule *r)
{
	return r->list_given || r->watch;
}

bool rule_has_syscalls(const struct rule *r)
{
	return r->syscalls_given;
}

enum rule_op rule_op(const struct rule *r)
{
	return r->op;
}

const char *rule_error(const struct rule *r)
{
	return r->error ? r->error : "";
}

const char *rule_warning(const struct rule *r)
{
	return r->warning ? r->warning : "";
}

/* The whole-rule checks of the final key field. */
static int rule_check_keys(struct rule *r)
{
	if (!r->keylen)
		return RULE_OK;
	if (r->field_key && !r->syscalls_given && !r->anchored)
		return rule_fail(r, "Key field needs a watch, syscall or exe path "
				 "given prior to it");
	if (r->nfields >= RULE_MAX_FIELDS)
		return rule_fail(r, "Too many fields in rule: key=%.*s",
				 (int)r->keylen, r->keys);
	if (r->list == AUDIT_FILTER_EXCLUDE)
		return rule_fail_exclude(r);
	return RULE_OK;
}

/* Syscalls of the encoded rule: a watch or a rule without -S (but on the
 * task list, which has no syscalls) means all of them. */
static void rule_fill_mask(const struct rule *r, struct audit_rule_data *d)
{
	if (r->watch || (!r->syscalls_given && r->list != AUDIT_FILTER_TASK))
		memset(d->mask, 0xff, sizeof(d->mask));
	else if (r->syscalls_given)
		memcpy(d->mask, r->mask, sizeof(d->mask));
}

static void rule_fill(const struct rule *r, struct audit_rule_data *d)
{
	uint32_t n = r->nfields;

	d->flags = r->list | (r->op == RULE_OP_PREPEND ? AUDIT_FILTER_PREPEND : 0);
	d->action = r->action;
	rule_fill_mask(r, d);
	memcpy(d->fields, r->fields, n * sizeof(d->fields[0]));
	memcpy(d->values, r->values, n * sizeof(d->values[0]));
	memcpy(d->fieldflags, r->fieldflags, n * sizeof(d->fieldflags[0]));
	if (r->buflen)
		memcpy(d->buf, r->buf, r->buflen);
	d->buflen = (uint32_t)r->buflen;
	if (r->keylen) {
		d->fields[n] = AUDIT_FILTERKEY;
		d->values[n] = (uint32_t)r->keylen;
		d->fieldflags[n] = r->key_op;
		memcpy(d->buf + r->buflen, r->keys, r->keylen);
		d->buflen += (uint32_t)r->keylen;
		n++;
	}
	d->field_count = n;
}

int rule_encode(struct rule *r, struct audit_rule_data **ret, size_t *ret_len)
{
	struct audit_rule_data *d;
	size_t len;
	int err;

	r->warning = NULL;
	if (!rule_is_started(r))
		return rule_fail(r, "Error - no list specified");
	err = rule_check_keys(r);
	if (err < 0)
		return err;
	len = sizeof(*d) + r->buflen + r->keylen;
	d = calloc(1, len);
	if (!d)
		return RULE_ENOMEM;
	rule_fill(r, d);
	*ret = d;
	*ret_len = len;
	return RULE_OK;
}
