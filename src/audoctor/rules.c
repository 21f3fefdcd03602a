/*
 * rules: the kernel's rule list, and the checks of rules against what
 * they cost.
 *
 * rules_gather() reads AUDIT_LIST_RULES once and keeps each rule's bytes
 * and its `auditctl -l` text. rules_check() then reports:
 *
 *   noisy-rule               one key (or key-less syscall) makes most of
 *                            the logged events; when one executable (or
 *                            auid=unset) makes most of that key's events,
 *                            the rule without it
 *   rule-audits-daemon       the daemon's own activity is audited: seen in
 *                            the logs, or a write watch on its log. The
 *                            kernel never audits the registered daemon's
 *                            syscalls (auditd_test_task in the exit
 *                            filter), so what such a rule feeds back is
 *                            its start-up, its children and other writers
 *   rule-matches-everything  -S all with no filter, or a read/exec watch
 *                            on a busy tree
 *
 * A narrower rule is made on the kernel's bytes (a field inserted before
 * the key, a perm changed) and printed with rule_format, so the fix reads
 * exactly as `auditctl -l` will list it once loaded.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audoctor.h"
#include "conf.h"
#include "netlink.h"
#include "rule.h"

#define RULES_AUID_UNSET 4294967295u
#define RULES_DAEMON_EXE "/sbin/auditd"	/* when the daemon's is unknown */

/* ---- gathering ---- */

static int rules_gather_one(const struct nlmsghdr *h, void *userdata)
{
	struct doctor *d = userdata;
	size_t len = h->nlmsg_len - NLMSG_HDRLEN;
	struct krule *k;

	if (h->nlmsg_type != AUDIT_LIST_RULES || h->nlmsg_len < NLMSG_HDRLEN)
		return 0;
	d->rules = realloc(d->rules, (d->n_rules + 1) * sizeof(*d->rules));
	if (!d->rules)
		abort();
	k = &d->rules[d->n_rules];
	k->data = malloc(len ? len : 1);
	if (!k->data)
		abort();
	memcpy(k->data, NLMSG_DATA(h), len);
	k->len = len;
	k->text = NULL;
	d->n_rules++;
	return 0;
}

/* Each rule's listing; auditctl -l names a rule's syscalls from the last
 * arch it met, so the machine carries from one rule to the next. */
static void rules_format_all(struct doctor *d)
{
	enum machine m = machine_host();

	for (size_t i = 0; i < d->n_rules; i++) {
		struct krule *k = &d->rules[i];

		m = rule_syscall_machine(k->data, k->len, m);
		if (rule_format(k->data, k->len, m, 0, &k->text) < 0)
			k->text = NULL;
	}
}

void rules_gather(struct doctor *d)
{
	int err = netlink_request(d->nl, AUDIT_LIST_RULES, NULL, 0,
				  NETLINK_MULTI, rules_gather_one, d);

	if (err < 0) {
		d->rules_err = err;
		return;
	}
	rules_format_all(d);
	d->have_rules = true;
}

/* ---- reading a kernel rule ---- */

static bool rules_is_string(uint32_t field)
{
	return field == AUDIT_WATCH || field == AUDIT_DIR ||
	       field == AUDIT_FILTERKEY || field == AUDIT_EXE ||
	       (field >= AUDIT_SUBJ_USER && field <= AUDIT_SUBJ_CLR) ||
	       (field >= AUDIT_OBJ_USER && field <= AUDIT_OBJ_LEV_HIGH);
}

/* A rule whose text formatted is whole; the others are not looked into. */
static bool rules_ok(const struct krule *k)
{
	return k->text && k->len >= sizeof(*k->data) &&
	       k->data->field_count <= AUDIT_MAX_FIELDS &&
	       k->data->buflen <= k->len - sizeof(*k->data);
}

/* Where field i's string starts in buf (the strings are stored in field
 * order); for i == field_count, the end of them. */
static size_t rules_offset(const struct audit_rule_data *r, uint32_t i)
{
	size_t off = 0;

	for (uint32_t j = 0; j < i && j < r->field_count; j++)
		if (rules_is_string(r->fields[j]))
			off += r->values[j];
	return off;
}

/* Field i's string as a C string in out, "" when it does not fit. */
static void rules_string(const struct audit_rule_data *r, uint32_t i,
			 char *out, size_t cap)
{
	size_t off = rules_offset(r, i), n = r->values[i];

	out[0] = '\0';
	if (off + n > r->buflen || n >= cap)
		return;
	memcpy(out, r->buf + off, n);
	out[n] = '\0';
}

static int rules_find_field(const struct audit_rule_data *r, uint32_t field)
{
	for (uint32_t i = 0; i < r->field_count; i++)
		if (r->fields[i] == field)
			return (int)i;
	return -1;
}

/* key is one of the rule's \x01-joined keys. */
static bool rules_has_key(const struct krule *k, const char *key)
{
	int i = rules_ok(k) ? rules_find_field(k->data, AUDIT_FILTERKEY) : -1;
	char keys[AUDIT_MAX_KEY_LEN + 1], *tok, *save;

	if (i < 0 || !*key)
		return false;
	rules_string(k->data, (uint32_t)i, keys, sizeof(keys));
	for (tok = strtok_r(keys, "\x01", &save); tok; tok = strtok_r(NULL, "\x01", &save))
		if (!strcmp(tok, key))
			return true;
	return false;
}

static bool rules_all_syscalls(const struct audit_rule_data *r)
{
	for (uint32_t i = 0; i < AUDIT_BITMASK_SIZE * 32 - AUDIT_SYSCALL_CLASSES; i++)
		if (!(r->mask[AUDIT_WORD(i)] & AUDIT_BIT(i)))
			return false;
	return true;
}

static bool rules_is_exit_always(const struct audit_rule_data *r)
{
	return (r->flags & ~AUDIT_FILTER_PREPEND) == AUDIT_FILTER_EXIT &&
	       r->action == AUDIT_ALWAYS;
}

/* ---- narrower rules, and the lines that load them ---- */

/* A copy of k with one field inserted before its key (or at the end):
 * a string field when str is not NULL, else value. NULL when full. */
static struct audit_rule_data *rules_insert(const struct krule *k, uint32_t field,
					    uint32_t op, uint32_t value,
					    const char *str, size_t *ret_len)
{
	const struct audit_rule_data *o = k->data;
	int key = rules_find_field(o, AUDIT_FILTERKEY);
	uint32_t pos = key < 0 ? o->field_count : (uint32_t)key;
	size_t slen = str ? strlen(str) : 0, off = rules_offset(o, pos);
	struct audit_rule_data *n;

	if (o->field_count >= AUDIT_MAX_FIELDS || off > o->buflen)
		return NULL;
	*ret_len = sizeof(*o) + o->buflen + slen;
	n = calloc(1, *ret_len);
	if (!n)
		abort();
	memcpy(n, o, sizeof(*o));
	for (uint32_t i = o->field_count; i > pos; i--) {
		n->fields[i] = o->fields[i - 1];
		n->values[i] = o->values[i - 1];
		n->fieldflags[i] = o->fieldflags[i - 1];
	}
	n->fields[pos] = field;
	n->fieldflags[pos] = op;
	n->values[pos] = str ? (uint32_t)slen : value;
	n->field_count++;
	n->buflen = o->buflen + (uint32_t)slen;
	memcpy(n->buf, o->buf, off);
	memcpy(n->buf + off, str ? str : "", slen);
	memcpy(n->buf + off + slen, o->buf + off, o->buflen - off);
	return n;
}

/* The machine auditctl -l names rule i's syscalls with. */
static enum machine rules_machine(const struct doctor *d, size_t i)
{
	enum machine m = machine_host();

	for (size_t j = 0; j <= i; j++)
		m = rule_syscall_machine(d->rules[j].data, d->rules[j].len, m);
	return m;
}

/* The listing of r as auditctl takes it back: `auditctl -l` prints
 * exe!= as exe= (the reference does, and rule_format follows it), which
 * would load or delete a different rule. 0 and *ret, or < 0. */
static int rules_listing(const struct audit_rule_data *r, size_t len,
			 enum machine m, char **ret)
{
	char exe[PATH_MAX + 16], *text = NULL, *at;
	int err = rule_format(r, len, m, 0, &text);
	size_t from = 0, off;

	for (uint32_t i = 0; err == 0 && i < r->field_count; i++) {
		if (r->fields[i] != AUDIT_EXE || r->fieldflags[i] != AUDIT_NOT_EQUAL)
			continue;
		snprintf(exe, sizeof(exe), " -F exe=");
		rules_string(r, i, exe + 8, sizeof(exe) - 8);
		at = strstr(text + from, exe);
		if (!at)
			continue;
		off = (size_t)(at - text);
		text = realloc(text, strlen(text) + 2);
		if (!text)
			abort();
		at = text + off;
		memmove(at + 8, at + 7, strlen(at + 7) + 1);
		at[7] = '!';
		from = off + 9;
	}
	if (err == 0)
		*ret = text;
	return err;
}

/* The fix lines replacing rule i with n (freed here): delete, add,
 * persist. false when n could not be made or printed. */
static bool rules_fix_replace(const struct doctor *d, size_t i,
			      struct audit_rule_data *n, size_t len,
			      struct finding *x)
{
	const struct krule *k = &d->rules[i];
	enum machine m = rules_machine(d, i);
	char *text = NULL, *old = NULL;

	if (!n || rules_listing(n, len, m, &text) < 0 ||
	    rules_listing(k->data, k->len, m, &old) < 0) {
		free(n);
		free(text);
		return false;
	}
	free(n);
	if (!strncmp(old, "-w ", 3))
		finding_fix(x, "auditctl -W %s", old + 3);
	else
		finding_fix(x, "auditctl -d %s", old + 3);
	finding_fix(x, "auditctl %s", text);
	finding_fix(x, "in " FINDING_RULES_D ": %s (in place of %s)", text, old);
	free(text);
	free(old);
	return true;
}

/* Rule i without the events of exe (or of unset auids when exe is NULL). */
static bool rules_fix_exclude(const struct doctor *d, size_t i, const char *exe,
			      struct finding *x)
{
	struct audit_rule_data *n;
	size_t len = 0;

	if (exe)
		n = rules_insert(&d->rules[i], AUDIT_EXE, AUDIT_NOT_EQUAL, 0, exe, &len);
	else
		n = rules_insert(&d->rules[i], AUDIT_LOGINUID, AUDIT_NOT_EQUAL,
				 RULES_AUID_UNSET, NULL, &len);
	return rules_fix_replace(d, i, n, len, x);
}

/* Every kernel rule carrying key, narrowed; or the words for it. */
static void rules_fix_key(const struct doctor *d, const char *key,
			  const char *exe, struct finding *x)
{
	const char *add = exe ? "-F exe!=" : "-F auid!=unset";
	bool done = false;

	for (size_t i = 0; i < d->n_rules && d->have_rules; i++)
		if (rules_has_key(&d->rules[i], key))
			done |= rules_fix_exclude(d, i, exe, x);
	if (done)
		return;
	if (*key)
		finding_fix(x, "in the rule with -k %s: add %s%s before -F key=%s "
			    "(a -w watch becomes -a always,exit -F path=PATH "
			    "-F perm=PERMS ... -F key=%s)", key, add,
			    exe ? exe : "", key, key);
	else
		finding_fix(x, "in the key-less rule that audits this syscall: "
			    "add %s%s", add, exe ? exe : "");
}

/* ---- noisy-rule ---- */

static double rules_span(const struct doctor *d)
{
	const struct logscan *s = d->scan;

	if (d->scan_last_hour)
		return 3600;
	return s->last_sec > s->first_sec ? (double)(s->last_sec - s->first_sec) : 1;
}

static void rules_label(const struct logscan_key *k, char *out, size_t cap)
{
	if (*k->key)
		snprintf(out, cap, "key %s", k->key);
	else
		snprintf(out, cap, "syscall %s (no key)", k->syscall);
}

static void rules_noisy_evidence(const struct doctor *d, struct finding *x)
{
	const struct logscan *s = d->scan;
	double span = rules_span(d);
	char name[64], label[300];

	finding_int(x, "events", (int64_t)s->events);
	finding_real(x, "span_s", span);
	if (s->bad_lines)
		finding_int(x, "damaged_lines", (int64_t)s->bad_lines);
	for (size_t i = 0; i < s->n_keys && i < 3; i++) {
		const struct logscan_key *k = &s->keys[i];

		rules_label(k, label, sizeof(label));
		snprintf(name, sizeof(name), "top%zu", i + 1);
		finding_text(x, name, "%s", label);
		snprintf(name, sizeof(name), "top%zu_events", i + 1);
		finding_int(x, name, (int64_t)k->events);
		snprintf(name, sizeof(name), "top%zu_share_percent", i + 1);
		finding_real(x, name, 100.0 * (double)k->events / (double)s->events);
		snprintf(name, sizeof(name), "top%zu_rate_per_s", i + 1);
		finding_real(x, name, (double)k->events / span);
	}
}

/* Excluding one executable, or unset auids, when that is >= 80% of it. */
static void rules_noisy_fix(const struct doctor *d, const struct logscan_key *k,
			    struct finding *x)
{
	if (k->top_exe && k->top_exe_events * 10 >= k->events * 8) {
		finding_text(x, "top_exe", "%s", k->top_exe);
		finding_real(x, "top_exe_share_percent",
			     100.0 * (double)k->top_exe_events / (double)k->events);
		rules_fix_key(d, k->key, k->top_exe, x);
	} else if (k->auid_unset * 10 >= k->events * 8) {
		finding_real(x, "auid_unset_share_percent",
			     100.0 * (double)k->auid_unset / (double)k->events);
		rules_fix_key(d, k->key, NULL, x);
	}
}

static void rules_noisy(struct doctor *d)
{
	const struct logscan *s = d->scan;
	const struct logscan_key *k = s->n_keys ? &s->keys[0] : NULL;
	struct finding *x;
	char label[300];

	if (!k || k->events < 100 || k->events * 2 < s->events)
		return;
	rules_label(k, label, sizeof(label));
	x = findings_add(&d->findings, "noisy-rule", SEV_WARNING,
			 "%s made %.0f%% of the %llu events%s (%.1f/s)", label,
			 100.0 * (double)k->events / (double)s->events,
			 (unsigned long long)s->events,
			 d->scan_last_hour ? " of the last hour" : " in the logs",
			 (double)k->events / rules_span(d));
	rules_noisy_evidence(d, x);
	rules_noisy_fix(d, k, x);
}

/* ---- rule-audits-daemon ---- */

static const char *rules_daemon_exe(const struct doctor *d)
{
	return d->have_samples && d->samples.exe[0] ? d->samples.exe : RULES_DAEMON_EXE;
}

static void rules_daemon_logs(struct doctor *d)
{
	const struct logscan *s = d->scan;
	double share = s->events ? 100.0 * (double)s->daemon_events / (double)s->events : 0;
	const char *key = s->daemon_key ? s->daemon_key : "";
	struct finding *x;

	if (!s->daemon_events)
		return;
	x = findings_add(&d->findings, "rule-audits-daemon",
			 share >= 10 ? SEV_WARNING : SEV_INFO,
			 "%llu events (%.0f%%) record the audit daemon's own "
			 "activity%s%s (the kernel spares the registered daemon: "
			 "these are its start-up and its children), each one "
			 "written back to the log",
			 (unsigned long long)s->daemon_events, share,
			 *key ? ", key " : "", key);
	finding_int(x, "daemon_events", (int64_t)s->daemon_events);
	finding_real(x, "daemon_share_percent", share);
	finding_text(x, "key", "%s", *key ? key : "(none)");
	finding_text(x, "daemon_exe", "%s", rules_daemon_exe(d));
	rules_fix_key(d, key, rules_daemon_exe(d), x);
}

/* The rule already leaves the daemon out (exe!=...auditd), or only
 * matches another program (exe=...). */
static bool rules_spares_daemon(const struct audit_rule_data *r)
{
	char exe[PATH_MAX];
	const char *base;

	for (uint32_t i = 0; i < r->field_count; i++) {
		if (r->fields[i] != AUDIT_EXE)
			continue;
		rules_string(r, i, exe, sizeof(exe));
		base = strrchr(exe, '/') ? strrchr(exe, '/') + 1 : exe;
		if ((r->fieldflags[i] == AUDIT_NOT_EQUAL) == !strcmp(base, "auditd"))
			return true;
	}
	return false;
}

/* Whether path is log or a directory holding it. */
static bool rules_covers(const char *path, const char *log)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	if (!strncmp(path, log, n) && (log[n] == '\0' || log[n] == '/'))
		return true;
	return n == 1 && path[0] == '/';
}

/* An always,exit watch on the log (or above it) that sees writes or
 * attribute changes: the field index of its path, or -1. */
static int rules_watches_log(const struct krule *k, const char *log)
{
	const struct audit_rule_data *r = k->data;
	int perm = rules_ok(k) ? rules_find_field(r, AUDIT_PERM) : -1;
	char path[PATH_MAX];

	if (!rules_ok(k) || !rules_is_exit_always(r) || rules_spares_daemon(r))
		return -1;
	if (perm >= 0 && !(r->values[perm] & (AUDIT_PERM_WRITE | AUDIT_PERM_ATTR)))
		return -1;
	for (uint32_t i = 0; i < r->field_count; i++) {
		if (r->fields[i] != AUDIT_WATCH && r->fields[i] != AUDIT_DIR)
			continue;
		rules_string(r, i, path, sizeof(path));
		if ((r->fields[i] == AUDIT_DIR || !strcmp(path, log)) &&
		    *path && rules_covers(path, log))
			return (int)i;
	}
	return -1;
}

static void rules_daemon_watch_one(struct doctor *d, size_t i, const char *log)
{
	char path[PATH_MAX];
	struct finding *x;
	int f = rules_watches_log(&d->rules[i], log);

	if (f < 0)
		return;
	rules_string(d->rules[i].data, (uint32_t)f, path, sizeof(path));
	x = findings_add(&d->findings, "rule-audits-daemon", SEV_INFO,
			 "a watch on %s records every write to the daemon's log "
			 "%s but the registered daemon's own (the kernel spares "
			 "those): its children, rotation tools, writers; each "
			 "record is appended to the log it watches", path, log);
	finding_text(x, "rule", "%s", d->rules[i].text);
	finding_text(x, "log_file", "%s", log);
	if (!rules_fix_exclude(d, i, rules_daemon_exe(d), x))
		finding_fix(x, "add -F exe!=%s to: %s", rules_daemon_exe(d),
			    d->rules[i].text);
}

static void rules_daemon_watch(struct doctor *d)
{
	char real[PATH_MAX];
	const char *log;

	if (!d->conf || !d->conf->write_logs) {
		findings_skip(&d->findings, "rules (watches on the log)",
			      "%s", d->conf ? "write_logs = no" : d->conf_err);
		return;
	}
	log = d->conf->log_file;
	for (size_t i = 0; i < d->n_rules; i++) {
		if (rules_watches_log(&d->rules[i], log) >= 0)
			rules_daemon_watch_one(d, i, log);
		else if (realpath(log, real) && strcmp(real, log) &&
			 rules_watches_log(&d->rules[i], real) >= 0)
			rules_daemon_watch_one(d, i, real);
	}
}

/* ---- rule-matches-everything ---- */

/* -S all (every syscall) and nothing to filter on but arch and key. */
static bool rules_unfiltered(const struct krule *k)
{
	const struct audit_rule_data *r = k->data;

	if (!rules_ok(k) || !rules_is_exit_always(r) || !rules_all_syscalls(r))
		return false;
	for (uint32_t i = 0; i < r->field_count; i++)
		if (r->fields[i] != AUDIT_ARCH && r->fields[i] != AUDIT_FILTERKEY)
			return false;
	return true;
}

static void rules_everything_syscalls(struct doctor *d, size_t i)
{
	struct finding *x;
	struct audit_rule_data *n, *n2;
	size_t len = 0, len2 = 0;

	x = findings_add(&d->findings, "rule-matches-everything", SEV_PROBLEM,
			 "%s audits every system call of every process",
			 d->rules[i].text);
	finding_text(x, "rule", "%s", d->rules[i].text);
	n = rules_insert(&d->rules[i], AUDIT_LOGINUID, AUDIT_GREATER_THAN_OR_EQUAL,
			 1000, NULL, &len);
	n2 = NULL;
	if (n) {
		struct krule tmp = { .data = n, .len = len };

		n2 = rules_insert(&tmp, AUDIT_LOGINUID, AUDIT_NOT_EQUAL,
				  RULES_AUID_UNSET, NULL, &len2);
		free(n);
	}
	if (rules_fix_replace(d, i, n2, len2, x))
		finding_fix(x, "better still: replace -S all with the system "
			    "calls you need (-S openat,execve,...)");
	else
		finding_fix(x, "narrow %s: -S the calls you need, "
			    "-F auid>=1000 -F auid!=unset", d->rules[i].text);
}

static bool rules_busy_tree(const char *path)
{
	static const char *const busy[] = { "/", "/proc", "/sys", "/dev", "/tmp",
					    "/var/tmp", "/run", "/usr", "/var" };
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (size_t i = 0; i < sizeof(busy) / sizeof(busy[0]); i++)
		if (strlen(busy[i]) == n && !strncmp(busy[i], path, n))
			return true;
	return false;
}

/* A read or exec (or any) watch on a busy tree: its path field, or -1. */
static int rules_busy_watch(const struct krule *k, char *path, size_t cap)
{
	const struct audit_rule_data *r = k->data;
	int perm;

	if (!rules_ok(k) || !rules_is_exit_always(r))
		return -1;
	perm = rules_find_field(r, AUDIT_PERM);
	if (perm >= 0 && !(r->values[perm] & (AUDIT_PERM_READ | AUDIT_PERM_EXEC)))
		return -1;
	for (uint32_t i = 0; i < r->field_count; i++) {
		if (r->fields[i] != AUDIT_WATCH && r->fields[i] != AUDIT_DIR)
			continue;
		rules_string(r, i, path, cap);
		if (rules_busy_tree(path))
			return (int)i;
	}
	return -1;
}

/* The same watch with -p wa. */
static struct audit_rule_data *rules_write_only(const struct krule *k, size_t *ret_len)
{
	int perm = rules_find_field(k->data, AUDIT_PERM);
	struct audit_rule_data *n;

	if (perm < 0)
		return rules_insert(k, AUDIT_PERM, AUDIT_EQUAL,
				    AUDIT_PERM_WRITE | AUDIT_PERM_ATTR, NULL, ret_len);
	*ret_len = k->len;
	n = malloc(k->len);
	if (!n)
		abort();
	memcpy(n, k->data, k->len);
	n->values[perm] = AUDIT_PERM_WRITE | AUDIT_PERM_ATTR;
	return n;
}

static void rules_everything_watch(struct doctor *d, size_t i)
{
	char path[PATH_MAX];
	struct finding *x;
	struct audit_rule_data *n;
	size_t len = 0;

	if (rules_busy_watch(&d->rules[i], path, sizeof(path)) < 0)
		return;
	x = findings_add(&d->findings, "rule-matches-everything", SEV_WARNING,
			 "%s audits reads or executions under %s, a busy tree",
			 d->rules[i].text, path);
	finding_text(x, "rule", "%s", d->rules[i].text);
	finding_text(x, "path", "%s", path);
	n = rules_write_only(&d->rules[i], &len);
	if (!rules_fix_replace(d, i, n, len, x))
		finding_fix(x, "watch %s for changes only: -p wa", path);
}

static void rules_everything(struct doctor *d)
{
	for (size_t i = 0; i < d->n_rules; i++) {
		if (rules_unfiltered(&d->rules[i]))
			rules_everything_syscalls(d, i);
		else
			rules_everything_watch(d, i);
	}
}

/* ---- the check ---- */

static void rules_skip_kernel(struct doctor *d)
{
	int err = d->rules_err ? d->rules_err : d->nl_err;

	if (err)
		findings_skip(&d->findings, "rules (kernel)", "the kernel's rules: %s",
			      netlink_strerror(err));
	else
		findings_skip(&d->findings, "rules (kernel)",
			      "the kernel's rules were not read");
}

void rules_check(struct doctor *d)
{
	if (!d->scan) {
		findings_skip(&d->findings, "rules (logs)", "%s",
			      d->scan_err[0] ? d->scan_err : "no log was read");
	} else {
		if (d->scan_err[0])
			findings_skip(&d->findings, "rules (logs)",
				      "read only in part: %s", d->scan_err);
		rules_noisy(d);
		rules_daemon_logs(d);
	}
	if (!d->have_rules) {
		rules_skip_kernel(d);
		return;
	}
	rules_daemon_watch(d);
	rules_everything(d);
}
