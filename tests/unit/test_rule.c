/*
 * test_rule: the rule codec against the reference auditctl's behaviour.
 *
 * Most cases are table-driven from the files in tests/data/rules (format in
 * tests/data/rules/make-golden.py), one TAP test per rule: each is an
 * auditctl command line probed on the reference, with the exact bytes it
 * sent, what the kernel listed back, the -l and -l -i lines, and its
 * warnings or error message. A rule is built here option by option, as
 * auditctl would, on an x86_64 host (whatever this machine is), and
 *   - an error must have the reference's message,
 *   - an accepted rule must encode to the same bytes, byte for byte,
 *   - the kernel's copy must format to the reference's listing (plain and
 *     -i), so encode followed by format reproduces `auditctl -l`.
 * The data names only users and groups every Debian has (root, daemon,
 * bin, sys; root, adm, sys) and paths such as /etc/passwd and /etc.
 *
 * The hand-written tests at the end cover what the table cannot: malformed
 * kernel data, rule_has_key, warnings on other hosts, encode twice.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "rule.h"

/* golden.txt: rules one by one; tables.txt: sweeps over every record type,
 * errno and syscall number, listed by name; deviations.txt: where the codec
 * answers otherwise on purpose (written by hand, not probed). */
static const char *const golden_files[] = {
	"golden.txt", "tables.txt", "deviations.txt",
};
#define MAX_WARNINGS 4
#define MAX_ARGS 256

struct record {
	char name[96];		/* TAP name: golden.txt line and the rule */
	char *rule;		/* R */
	char *sent, *kern;	/* S, K */
	char *listing, *listing_i;	/* L, I */
	bool no_interpret;	/* N */
	char *warnings[MAX_WARNINGS];	/* W */
	int nwarnings;
	char *error;		/* E */
	char *dropped;		/* D */
	bool kernel_refused;	/* X */
};

/* What driving the codec with one rule gave. */
struct outcome {
	int ret;
	char *error;
	const char *warnings[MAX_WARNINGS];
	int nwarnings;
	struct audit_rule_data *data;
	size_t len;
	enum rule_op op;
};

/* ---- the rule's words: shell-like quoting as the probes were typed ---- */

static size_t split_word(const char **p, char *out)
{
	const char *s = *p;
	char quote = 0;
	size_t n = 0;

	for (; *s && (quote || *s != ' '); s++) {
		if (quote && *s == quote)
			quote = 0;
		else if (!quote && (*s == '\'' || *s == '"'))
			quote = *s;
		else if (!quote && *s == '\\' && s[1])
			out[n++] = *++s;
		else
			out[n++] = *s;
	}
	out[n] = '\0';
	while (*s == ' ')
		s++;
	*p = s;
	return n;
}

static int split_words(const char *text, char **argv)
{
	int argc = 0;

	while (*text && argc < MAX_ARGS) {
		char *w = malloc(strlen(text) + 1);

		assert_non_null(w);
		split_word(&text, w);
		argv[argc++] = w;
	}
	return argc;
}

/* ---- driving the codec the way auditctl's option loop does ---- */

static int apply(struct rule *r, const char *opt, const char *arg)
{
	if (!strcmp(opt, "-a"))
		return rule_set_list_action(r, RULE_OP_ADD, arg);
	if (!strcmp(opt, "-A"))
		return rule_set_list_action(r, RULE_OP_PREPEND, arg);
	if (!strcmp(opt, "-d"))
		return rule_set_list_action(r, RULE_OP_DELETE, arg);
	if (!strcmp(opt, "-w"))
		return rule_set_watch(r, RULE_OP_ADD, arg);
	if (!strcmp(opt, "-W"))
		return rule_set_watch(r, RULE_OP_DELETE, arg);
	if (!strcmp(opt, "-S"))
		return rule_add_syscalls(r, arg);
	if (!strcmp(opt, "-F"))
		return rule_add_field(r, arg);
	if (!strcmp(opt, "-C"))
		return rule_add_compare(r, arg);
	if (!strcmp(opt, "-k"))
		return rule_add_key(r, arg);
	if (!strcmp(opt, "-p"))
		return rule_set_perm(r, arg);
	fail_msg("unknown option %s", opt);
	return RULE_EINVAL;
}

static void drive(const char *text, enum machine host, struct outcome *o)
{
	char *argv[MAX_ARGS];
	int argc = split_words(text, argv), i;
	struct rule *r = rule_new(host);

	assert_non_null(r);
	memset(o, 0, sizeof(*o));
	for (i = 0; i + 1 < argc && o->ret == 0; i += 2) {
		o->ret = apply(r, argv[i], argv[i + 1]);
		if (*rule_warning(r) && o->nwarnings < MAX_WARNINGS)
			o->warnings[o->nwarnings++] = rule_warning(r);
	}
	if (o->ret == 0 && i != argc)
		fail_msg("option without argument: %s", text);
	if (o->ret == 0)
		o->ret = rule_encode(r, &o->data, &o->len);
	o->op = rule_op(r);
	o->error = strdup(rule_error(r));
	rule_free(r);
	for (i = 0; i < argc; i++)
		free(argv[i]);
}

/* ---- expected bytes from a record's S/K spec ---- */

static uint32_t op_of(const char *text)
{
	static const struct {
		const char *text;
		uint32_t op;
	} ops[] = {
		{ "=", AUDIT_EQUAL }, { "!=", AUDIT_NOT_EQUAL },
		{ "<", AUDIT_LESS_THAN }, { ">", AUDIT_GREATER_THAN },
		{ "<=", AUDIT_LESS_THAN_OR_EQUAL },
		{ ">=", AUDIT_GREATER_THAN_OR_EQUAL },
		{ "&", AUDIT_BIT_MASK }, { "&=", AUDIT_BIT_TEST },
	};
	size_t i;

	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (!strcmp(ops[i].text, text))
			return ops[i].op;
	fail_msg("bad operator %s in golden data", text);
	return 0;
}

static void spec_mask(char *s, struct audit_rule_data *d)
{
	char *item, *save = NULL;
	unsigned lo, hi, b;

	if (!strcmp(s, "-"))
		return;
	for (item = strtok_r(s, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		if (sscanf(item, "%u-%u", &lo, &hi) != 2)
			hi = lo = (unsigned)atoi(item);
		for (b = lo; b <= hi; b++)
			d->mask[b / 32] |= 1u << (b % 32);
	}
}

static void spec_fields(char *s, struct audit_rule_data *d)
{
	char *item, *save = NULL, op[3];
	unsigned field, value;

	if (!strcmp(s, "-"))
		return;
	for (item = strtok_r(s, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		assert_int_equal(sscanf(item, "%u:%2[^:]:%x", &field, op, &value), 3);
		d->fields[d->field_count] = field;
		d->fieldflags[d->field_count] = op_of(op);
		d->values[d->field_count] = value;
		d->field_count++;
	}
}

/* "[add|del] flags action mask fields buf" into a malloc'd rule. */
static struct audit_rule_data *spec_build(const char *spec, size_t *len,
					  enum rule_op *op)
{
	char kind[4], mask[8192], fields[4096], *buf = malloc(strlen(spec) + 1);
	unsigned flags, action, i;
	struct audit_rule_data *d;
	int n;

	assert_non_null(buf);
	if (op) {
		assert_int_equal(sscanf(spec, "%3s%n", kind, &n), 1);
		*op = strcmp(kind, "del") ? RULE_OP_ADD : RULE_OP_DELETE;
		spec += n;
	}
	assert_int_equal(sscanf(spec, "%x %u %8191s %4095s %s", &flags, &action,
				mask, fields, buf), 5);
	*len = sizeof(*d) + (strcmp(buf, "-") ? strlen(buf) / 2 : 0);
	d = calloc(1, *len);
	assert_non_null(d);
	d->flags = flags;
	d->action = action;
	spec_mask(mask, d);
	spec_fields(fields, d);
	d->buflen = (uint32_t)(*len - sizeof(*d));
	for (i = 0; i < d->buflen; i++)
		assert_int_equal(sscanf(buf + 2 * i, "%2hhx", (unsigned char *)&d->buf[i]), 1);
	free(buf);
	return d;
}

/* ---- one golden record ---- */

static void check_warnings(const struct record *rec, const struct outcome *o)
{
	int i;

	assert_int_equal(o->nwarnings, rec->nwarnings);
	for (i = 0; i < o->nwarnings; i++)
		assert_string_equal(o->warnings[i], rec->warnings[i]);
}

static void check_listing(const struct audit_rule_data *d, size_t len,
			  unsigned flags, const char *expected)
{
	char *text = NULL;

	assert_int_equal(rule_format(d, len, MACHINE_X86_64, flags, &text), 0);
	assert_string_equal(text, expected);
	free(text);
}

static void check_encoding(const struct record *rec, const struct outcome *o)
{
	struct audit_rule_data *want;
	size_t len;
	enum rule_op op;

	want = spec_build(rec->sent, &len, &op);
	assert_int_equal(o->len, len);
	assert_memory_equal(o->data, want, len);
	assert_int_equal(o->op == RULE_OP_DELETE, op == RULE_OP_DELETE);
	free(want);
}

static void check_listings(const struct record *rec)
{
	struct audit_rule_data *kern;
	size_t len;

	kern = spec_build(rec->kern ? rec->kern : rec->sent + 4, &len, NULL);
	check_listing(kern, len, 0, rec->listing);
	if (!rec->no_interpret)
		check_listing(kern, len, RULE_FORMAT_INTERPRET,
			      rec->listing_i ? rec->listing_i : rec->listing);
	free(kern);
}

static void test_golden(void **state)
{
	const struct record *rec = *state;
	struct outcome o;

	drive(rec->rule, MACHINE_X86_64, &o);
	if (rec->error || rec->dropped) {
		assert_int_equal(o.ret, rec->error ? RULE_EINVAL : RULE_EDEPRECATED);
		assert_string_equal(o.error, rec->error ? rec->error : rec->dropped);
	} else {
		if (o.ret != 0)
			fail_msg("refused: %s", o.error);
		check_encoding(rec, &o);
	}
	check_warnings(rec, &o);
	if (rec->listing)
		check_listings(rec);
	free(o.data);
	free(o.error);
}

/* ---- reading golden.txt ---- */

static void record_line(struct record *rec, char tag, char *text)
{
	switch (tag) {
	case 'R': rec->rule = text; return;
	case 'S': rec->sent = text; return;
	case 'K': rec->kern = text; return;
	case 'L': rec->listing = text; return;
	case 'I': rec->listing_i = text; return;
	case 'E': rec->error = text; return;
	case 'D': rec->dropped = text; return;
	case 'N': rec->no_interpret = true; break;
	case 'X': rec->kernel_refused = true; break;
	case 'W':
		assert_true(rec->nwarnings < MAX_WARNINGS);
		rec->warnings[rec->nwarnings++] = text;
		return;
	default:
		fail_msg("golden line tag %c", tag);
	}
	free(text);
}

static void read_golden(const char *file, struct record **recs, size_t *n)
{
	char path[512], *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int lineno = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/rules/%s", TESTS_DATA, file);
	f = fopen(path, "r");
	if (!f)
		fail_msg("%s: %s", path, strerror(errno));
	while ((len = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[len - 1] == '\n')
			line[--len] = '\0';
		if (len < 2 || line[0] == '#')
			continue;
		if (line[0] == 'R') {
			*recs = realloc(*recs, (*n + 1) * sizeof(**recs));
			assert_non_null(*recs);
			memset(&(*recs)[(*n)++], 0, sizeof(**recs));
			/* cmocka mangles long TAP lines: keep names short. */
			snprintf((*recs)[*n - 1].name, sizeof((*recs)[0].name),
				 "%s:%d %s", file, lineno, line + 2);
		}
		assert_true(*n > 0);
		record_line(&(*recs)[*n - 1], line[0], strdup(line + 2));
	}
	free(line);
	fclose(f);
}

static void free_golden(struct record *recs, size_t n)
{
	size_t i;
	int w;

	for (i = 0; i < n; i++) {
		free(recs[i].rule);
		free(recs[i].sent);
		free(recs[i].kern);
		free(recs[i].listing);
		free(recs[i].listing_i);
		free(recs[i].error);
		free(recs[i].dropped);
		for (w = 0; w < recs[i].nwarnings; w++)
			free(recs[i].warnings[w]);
	}
	free(recs);
}

/* ---- hand-written cases ---- */

static struct audit_rule_data *encode(const char *text, size_t *len)
{
	struct outcome o;

	drive(text, MACHINE_X86_64, &o);
	if (o.ret != 0)
		fail_msg("%s: %s", text, o.error);
	free(o.error);
	*len = o.len;
	return o.data;
}

static void test_format_rejects_malformed(void **state)
{
	size_t len;
	struct audit_rule_data *d = encode("-w /etc/passwd -p wa -k k", &len);
	char *text = NULL;

	(void)state;
	assert_int_equal(rule_format(d, sizeof(*d) - 1, MACHINE_X86_64, 0, &text), -EINVAL);
	assert_int_equal(rule_format(d, len - 1, MACHINE_X86_64, 0, &text), -EINVAL);
	d->values[0] = 1000;	/* path longer than buf */
	assert_int_equal(rule_format(d, len, MACHINE_X86_64, 0, &text), -EINVAL);
	d->values[0] = 11;
	d->field_count = AUDIT_MAX_FIELDS + 1;
	assert_int_equal(rule_format(d, len, MACHINE_X86_64, 0, &text), -EINVAL);
	d->field_count = 3;
	d->fieldflags[0] = 0x12345678;
	assert_int_equal(rule_format(d, len, MACHINE_X86_64, 0, &text), -EINVAL);
	assert_null(text);
	free(d);
}

/* The reference selects by substring of the joined keys (-l -k b lists a
 * rule keyed bb; -l -k "" lists every rule). */
static void test_has_key(void **state)
{
	size_t len;
	struct audit_rule_data *d = encode("-w /etc/passwd -p wa -k one -k two", &len);

	(void)state;
	assert_true(rule_has_key(d, len, "one"));
	assert_true(rule_has_key(d, len, "two"));
	assert_true(rule_has_key(d, len, "on"));
	assert_true(rule_has_key(d, len, "e\001t"));
	assert_true(rule_has_key(d, len, ""));
	assert_false(rule_has_key(d, len, "three"));
	assert_false(rule_has_key(d, len, "etc"));	/* the path is no key */
	assert_false(rule_has_key(d, len - 1, "two"));
	free(d);
	d = encode("-a always,exit -F arch=b64 -S open -F uid=0", &len);
	assert_false(rule_has_key(d, len, "x"));
	assert_true(rule_has_key(d, len, ""));
	free(d);
}

/* Keys are appended at encode time, not into the rule. */
static void test_encode_twice(void **state)
{
	struct rule *r = rule_new(MACHINE_X86_64);
	struct audit_rule_data *a, *b;
	size_t alen, blen;

	(void)state;
	assert_int_equal(rule_set_watch(r, RULE_OP_ADD, "/etc/passwd"), 0);
	assert_int_equal(rule_add_key(r, "k"), 0);
	assert_true(rule_is_started(r));
	assert_int_equal(rule_encode(r, &a, &alen), 0);
	assert_int_equal(rule_encode(r, &b, &blen), 0);
	assert_int_equal(alen, blen);
	assert_memory_equal(a, b, alen);
	assert_int_equal(a->field_count, 3);
	free(a);
	free(b);
	rule_free(r);
}

static void test_fresh_rule(void **state)
{
	struct rule *r = rule_new(MACHINE_X86_64);
	struct audit_rule_data *d = NULL;
	size_t len;

	(void)state;
	assert_string_equal(rule_error(r), "");
	assert_string_equal(rule_warning(r), "");
	assert_false(rule_is_started(r));
	assert_int_equal(rule_encode(r, &d, &len), RULE_EINVAL);
	assert_string_equal(rule_error(r), "Error - no list specified");
	assert_null(d);
	rule_free(r);
	rule_free(NULL);
}

/* No 32/64 warning where there is no second ABI, b32 picks the host's. */
static void test_other_hosts(void **state)
{
	struct outcome o;
	char *text = NULL;

	(void)state;
	drive("-a always,exit -S open", MACHINE_I386, &o);
	assert_int_equal(o.ret, 0);
	assert_int_equal(o.nwarnings, 0);
	assert_true(o.data->mask[0] & (1u << 5));
	assert_int_equal(rule_format(o.data, o.len, MACHINE_I386, 0, &text), 0);
	assert_string_equal(text, "-a always,exit -S open");
	free(text);
	free(o.data);
	free(o.error);
	drive("-a always,exit -F arch=b32 -S openat", MACHINE_AARCH64, &o);
	assert_int_equal(o.ret, 0);
	assert_int_equal(o.data->values[0], AUDIT_ARCH_ARM);
	assert_int_equal(rule_format(o.data, o.len, MACHINE_AARCH64,
				     RULE_FORMAT_INTERPRET, &text), 0);
	assert_string_equal(text, "-a always,exit -F arch=armeb -S openat");
	free(text);
	free(o.data);
	free(o.error);
	drive("-a always,exit -S openat", MACHINE_AARCH64, &o);
	assert_int_equal(o.nwarnings, 1);
	free(o.data);
	free(o.error);
}

/* Rules only a newer tool loads, as the kernel lists them back (probed
 * with rules sent by hand): a field 3.0.9 has no name for, an io_uring rule
 * (where 3.0.9 prints "(null)" and syscall names: a deviation). */
static void test_foreign_rules(void **state)
{
	size_t len;
	struct audit_rule_data *d = encode("-a always,exit -F pid=1", &len);
	char *text = NULL;

	(void)state;
	d->fields[0] = 24;	/* AUDIT_LOGINUID_SET */
	assert_int_equal(rule_format(d, len, MACHINE_X86_64, 0, &text), 0);
	assert_string_equal(text, "-a always,exit -S all f24=1");
	free(text);
	d->flags = AUDIT_FILTER_URING_EXIT;
	memset(d->mask, 0, sizeof(d->mask));
	d->mask[0] = 6;
	d->field_count = 0;
	assert_int_equal(rule_format(d, len, MACHINE_X86_64, 0, &text), 0);
	assert_string_equal(text, "-a always,io_uring -S 1,2");
	free(text);
	free(d);
}

/* The reference's -l names the syscalls of a rule without arch from the
 * last arch it listed (probed: -S chmod after an arch=b32 rule lists as
 * mmap); rule_syscall_machine() lets the caller carry it. */
static void test_listing_carries_arch(void **state)
{
	size_t len32, len;
	struct audit_rule_data *b32 = encode("-a always,exit -F arch=b32 -S open", &len32);
	struct audit_rule_data *d = encode("-a always,exit -S chmod -k no_arch", &len);
	enum machine m = rule_syscall_machine(b32, len32, MACHINE_X86_64);
	char *text = NULL;

	(void)state;
	assert_int_equal(m, MACHINE_I386);
	assert_int_equal(rule_syscall_machine(d, len, m), MACHINE_I386);
	assert_int_equal(rule_format(d, len, m, 0, &text), 0);
	assert_string_equal(text, "-a always,exit -S mmap -F key=no_arch");
	free(text);
	assert_int_equal(rule_syscall_machine(d, sizeof(*d) - 1, m), MACHINE_UNKNOWN);
	free(b32);
	free(d);
}

/* A rule whose arch has no syscall table here lists numbers. */
static void test_unknown_arch_listing(void **state)
{
	size_t len;
	struct audit_rule_data *d = encode("-a always,exit -F arch=b32 -S 5,6", &len);
	char *text = NULL;

	(void)state;
	d->values[0] = AUDIT_ARCH_PPC;
	assert_int_equal(rule_format(d, len, MACHINE_X86_64, 0, &text), 0);
	assert_string_equal(text, "-a always,exit -F arch=b32 -S 5,6");
	free(text);
	free(d);
}

int main(void)
{
	const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_format_rejects_malformed),
		cmocka_unit_test(test_has_key),
		cmocka_unit_test(test_encode_twice),
		cmocka_unit_test(test_fresh_rule),
		cmocka_unit_test(test_other_hosts),
		cmocka_unit_test(test_unknown_arch_listing),
		cmocka_unit_test(test_foreign_rules),
		cmocka_unit_test(test_listing_carries_arch),
	};
	size_t nfixed = sizeof(fixed) / sizeof(fixed[0]), n = 0, i;
	struct record *recs = NULL;
	struct CMUnitTest *tests;
	int failed;

	for (i = 0; i < sizeof(golden_files) / sizeof(golden_files[0]); i++)
		read_golden(golden_files[i], &recs, &n);
	tests = calloc(n + nfixed, sizeof(*tests));
	assert_non_null(tests);
	memcpy(tests, fixed, sizeof(fixed));
	for (i = 0; i < n; i++) {
		tests[nfixed + i].name = recs[i].name;
		tests[nfixed + i].test_func = test_golden;
		tests[nfixed + i].initial_state = &recs[i];
	}
	failed = _cmocka_run_group_tests("test_rule", tests, n + nfixed,
					 NULL, NULL);
	free(tests);
	free_golden(recs, n);
	return failed;
}
