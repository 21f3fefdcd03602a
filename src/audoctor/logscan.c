/*
 * logscan: one pass over audit logs for the rule and disk checks (see
 * logscan.h).
 *
 * Events come from lib/source.h. Each counted event is filed under the
 * key of its SYSCALL record (the first of the kernel's \x01-joined keys),
 * or, without a key, under its syscall. Within a tally we count the
 * executables (to name the one with most events) and auid=unset; a tally
 * of the daemon's own events per key names the key that catches it (""
 * when they carry none). The
 * tallies are small arrays searched linearly: a log has a few dozen keys
 * and, per key, usually a handful of executables; the executables kept
 * per key are capped so a hostile log cannot make the scan quadratic.
 *
 * logscan_gather() picks the files: --log as given (every event counts),
 * else auditd.conf's log set, of which only files written in the last
 * hour are read and only events of the last hour count.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audoctor.h"
#include "conf.h"
#include "logset.h"
#include "mem.h"
#include "source.h"
#include "tables.h"

#define LOGSCAN_EXES_MAX 512	/* distinct executables tallied per key */
#define LOGSCAN_AUID_UNSET 4294967295ull

struct logscan_exe {
	char *exe;
	uint64_t events;
};

/* One key or key-less syscall while scanning. */
struct logscan_tally {
	char *key, *syscall;
	uint64_t events, auid_unset, daemon;
	struct logscan_exe *exes;
	size_t n_exes, cap_exes;
};

struct logscan_state {
	struct logscan *out;
	struct logscan_tally *t;
	size_t n, cap;
	pid_t daemon_pid;
	const char *daemon_exe;
};

/* What one event says, copied out of its SYSCALL record. */
struct logscan_event {
	char key[256];
	char syscall[32];
	char exe[PATH_MAX];
	bool has_syscall, auid_unset;
	uint64_t pid;
};

/* A string value as text: quoted as is, hex decoded, (null)/(none) "". */
static void logscan_value(const struct record_field *f, char *out, size_t cap)
{
	size_t n;

	out[0] = '\0';
	if (f->kind == RECORD_VALUE_NULL || f->kind == RECORD_VALUE_NONE)
		return;
	if (f->kind == RECORD_VALUE_PLAIN && record_value_is_hex(f)) {
		record_hex_decode(f->value, f->value_len, out, cap);
		return;
	}
	n = f->value_len < cap - 1 ? f->value_len : cap - 1;
	memcpy(out, f->value, n);
	out[n] = '\0';
}

/* The syscall's name for the record's arch, or its number. */
static void logscan_syscall(const struct record *r, const struct record_field *f,
			    char *out, size_t cap)
{
	struct record_field arch;
	uint64_t num, a = 0;
	const char *name = NULL;

	snprintf(out, cap, "%.*s", (int)f->value_len, f->value);
	if (record_value_u64(f->value, f->value_len, 10, &num) < 0 || num > 65535)
		return;
	if (record_find(r, "arch", &arch) &&
	    record_value_u64(arch.value, arch.value_len, 16, &a) == 0 && a <= UINT32_MAX) {
		const struct table *t = machine_syscalls(machine_from_audit_arch((uint32_t)a));

		name = t ? table_name(t, (int)num) : NULL;
	}
	if (name)
		snprintf(out, cap, "%s", name);
}

static void logscan_read_syscall(const struct record *r, struct logscan_event *e)
{
	struct record_cursor c;
	struct record_field f;
	uint64_t v;

	e->has_syscall = true;
	record_cursor_init(&c, r);
	while (record_next_field(&c, &f)) {
		if (f.name_len == 3 && !memcmp(f.name, "key", 3)) {
			logscan_value(&f, e->key, sizeof(e->key));
			e->key[strcspn(e->key, "\x01")] = '\0';
		} else if (f.name_len == 7 && !memcmp(f.name, "syscall", 7)) {
			logscan_syscall(r, &f, e->syscall, sizeof(e->syscall));
		} else if (f.name_len == 3 && !memcmp(f.name, "exe", 3)) {
			logscan_value(&f, e->exe, sizeof(e->exe));
		} else if (f.name_len == 4 && !memcmp(f.name, "auid", 4)) {
			e->auid_unset = record_value_u64(f.value, f.value_len, 10, &v) == 0 &&
					v == LOGSCAN_AUID_UNSET;
		} else if (f.name_len == 3 && !memcmp(f.name, "pid", 3)) {
			if (record_value_u64(f.value, f.value_len, 10, &v) == 0)
				e->pid = v;
		}
	}
}

static struct logscan_tally *logscan_tally(struct logscan_state *st,
					   const struct logscan_event *e)
{
	const char *sc = e->key[0] ? "" : e->syscall;
	struct logscan_tally *t;

	for (size_t i = 0; i < st->n; i++)
		if (!strcmp(st->t[i].key, e->key) && !strcmp(st->t[i].syscall, sc))
			return &st->t[i];
	st->t = mem_grow(st->t, &st->cap, st->n, sizeof(*st->t));
	t = &st->t[st->n++];
	memset(t, 0, sizeof(*t));
	t->key = mem_strdup(e->key);
	t->syscall = mem_strdup(sc);
	return t;
}

static void logscan_count_exe(struct logscan_tally *t, const char *exe)
{
	for (size_t i = 0; i < t->n_exes; i++)
		if (!strcmp(t->exes[i].exe, exe)) {
			t->exes[i].events++;
			return;
		}
	if (t->n_exes >= LOGSCAN_EXES_MAX)
		return;
	t->exes = mem_grow(t->exes, &t->cap_exes, t->n_exes, sizeof(*t->exes));
	t->exes[t->n_exes].exe = mem_strdup(exe);
	t->exes[t->n_exes++].events = 1;
}

static bool logscan_is_daemon(const struct logscan_state *st,
			      const struct logscan_event *e)
{
	if (st->daemon_pid > 0 && e->pid == (uint64_t)st->daemon_pid)
		return true;
	return st->daemon_exe && *st->daemon_exe && !strcmp(e->exe, st->daemon_exe);
}

static void logscan_event(struct logscan_state *st, const struct event *ev)
{
	struct logscan *s = st->out;
	struct logscan_event e = { 0 };
	struct logscan_tally *t;

	s->events++;
	s->records += ev->count;
	for (size_t i = 0; i < ev->count; i++) {
		s->bytes += ev->records[i].line_len + 1;
		if (ev->records[i].type == AUDIT_SYSCALL && !e.has_syscall)
			logscan_read_syscall(&ev->records[i], &e);
	}
	if (!s->first_sec || ev->sec < s->first_sec)
		s->first_sec = ev->sec;
	if (ev->sec > s->last_sec)
		s->last_sec = ev->sec;
	if (!e.has_syscall)
		return;
	t = logscan_tally(st, &e);
	t->events++;
	t->auid_unset += e.auid_unset;
	if (e.exe[0])
		logscan_count_exe(t, e.exe);
	if (logscan_is_daemon(st, &e)) {
		s->daemon_events++;
		t->daemon++;
	}
}

static int logscan_cmp(const void *a, const void *b)
{
	const struct logscan_key *x = a, *y = b;

	if (x->events != y->events)
		return x->events > y->events ? -1 : 1;
	return strcmp(x->key, y->key) ? strcmp(x->key, y->key)
				      : strcmp(x->syscall, y->syscall);
}

/* The executable with most of t's events into k; the others freed. */
static void logscan_top_exe(struct logscan_tally *t, struct logscan_key *k)
{
	for (size_t j = 0; j < t->n_exes; j++) {
		if (t->exes[j].events > k->top_exe_events) {
			k->top_exe_events = t->exes[j].events;
			k->top_exe = t->exes[j].exe;
		}
	}
	for (size_t j = 0; j < t->n_exes; j++)
		if (t->exes[j].exe != k->top_exe)
			free(t->exes[j].exe);
	free(t->exes);
}

/* Move the tallies into ret's sorted keys, freeing what is not kept. */
static void logscan_finish(struct logscan_state *st)
{
	struct logscan *s = st->out;
	uint64_t daemon_max = 0;

	s->keys = calloc(st->n ? st->n : 1, sizeof(*s->keys));
	if (!s->keys)
		abort();
	for (size_t i = 0; i < st->n; i++) {
		struct logscan_tally *t = &st->t[i];
		struct logscan_key *k = &s->keys[i];

		*k = (struct logscan_key){ .key = t->key, .syscall = t->syscall,
					   .events = t->events,
					   .auid_unset = t->auid_unset };
		logscan_top_exe(t, k);
		if (t->daemon > daemon_max) {
			daemon_max = t->daemon;
			free(s->daemon_key);
			s->daemon_key = mem_strdup(t->key);
		}
	}
	s->n_keys = st->n;
	free(st->t);
	qsort(s->keys, s->n_keys, sizeof(*s->keys), logscan_cmp);
}

/* Read every event; the first file that failed is named in s->err. */
static int logscan_read(struct source *src, struct logscan_state *st,
			uint64_t since, size_t n)
{
	const struct event *ev;
	size_t failed = 0;
	int rc, err = 0;

	while ((rc = source_next(src, &ev)) != 0) {
		if (rc < 0) {
			failed++;
			if (err == 0) {
				err = rc;
				snprintf(st->out->err, sizeof(st->out->err), "%.400s: %s",
					 source_failed_path(src), strerror(-rc));
			}
			continue;
		}
		if (ev->sec >= since)
			logscan_event(st, ev);
	}
	st->out->files = n - failed;
	st->out->bad_lines = source_bad_lines(src);
	return err;
}

int logscan_run(const char *const *paths, size_t n, uint64_t since,
		pid_t daemon_pid, const char *daemon_exe, struct logscan *ret)
{
	struct logscan_state st = { .out = ret, .daemon_pid = daemon_pid,
				    .daemon_exe = daemon_exe };
	struct source *src;
	int err;

	memset(ret, 0, sizeof(*ret));
	if (n == 0) {	/* source_new would read stdin */
		logscan_finish(&st);
		return 0;
	}
	err = source_new(paths, n, EVENT_EOE_TIMEOUT_DEFAULT, &src);
	if (err < 0) {
		snprintf(ret->err, sizeof(ret->err), "%s", strerror(-err));
		logscan_finish(&st);
		return err;
	}
	err = logscan_read(src, &st, since, n);
	source_free(src);
	logscan_finish(&st);
	return err;
}

void logscan_free(struct logscan *s)
{
	for (size_t i = 0; i < s->n_keys; i++) {
		free(s->keys[i].key);
		free(s->keys[i].syscall);
		free(s->keys[i].top_exe);
	}
	free(s->keys);
	free(s->daemon_key);
	memset(s, 0, sizeof(*s));
}

/* The rotated files written before the hour began hold none of its
 * events: leave them out (reading a large set costs seconds). */
static size_t logscan_recent(struct logset *set, time_t since)
{
	size_t kept = 0;
	struct stat sb;

	for (size_t i = 0; i < set->count; i++) {
		if (i + 1 < set->count && stat(set->paths[i], &sb) == 0 &&
		    sb.st_mtime < since) {
			free(set->paths[i]);
			continue;
		}
		set->paths[kept++] = set->paths[i];
	}
	set->count = kept;
	return kept;
}

/* auditd.conf's log set, or why there is none to read. */
static int logscan_conf_set(struct doctor *d, struct logset *set)
{
	int err;

	if (!d->conf) {
		snprintf(d->scan_err, sizeof(d->scan_err), "no auditd.conf: %.400s",
			 d->conf_err);
		return -ENOENT;
	}
	if (!d->conf->write_logs) {
		snprintf(d->scan_err, sizeof(d->scan_err),
			 "%.400s: write_logs = no, no log to read", d->conf_path);
		return -ENOENT;
	}
	err = logset_discover(d->conf->log_file, set);
	if (err < 0)
		snprintf(d->scan_err, sizeof(d->scan_err), "%.400s: %s",
			 d->conf->log_file, strerror(-err));
	return err;
}

static void logscan_keep(struct doctor *d, struct logscan *s, int err)
{
	if (err < 0)
		snprintf(d->scan_err, sizeof(d->scan_err), "%s", s->err);
	if (s->files == 0) {
		logscan_free(s);
		free(s);
		return;
	}
	d->scan = s;
}

void logscan_gather(struct doctor *d)
{
	const char *exe = d->have_samples && d->samples.exe[0] ? d->samples.exe : NULL;
	struct logscan *s = malloc(sizeof(*s));
	struct logset set = { 0 };
	pid_t pid = 0;
	int err;

	if (!s)
		abort();
	if (d->opts->logs) {
		/* Saved logs may come from another boot: only the exe says
		 * which events were the daemon's. */
		err = logscan_run(d->opts->logs, d->opts->n_logs, 0, 0, exe, s);
		logscan_keep(d, s, err);
		return;
	}
	d->scan_last_hour = true;
	if (logscan_conf_set(d, &set) < 0) {
		free(s);
		return;
	}
	if (d->have_samples)
		pid = (pid_t)d->fig.last.pid;
	logscan_recent(&set, d->now - 3600);
	err = logscan_run((const char *const *)set.paths, set.count,
			  (uint64_t)(d->now - 3600), pid, exe, s);
	logset_clear(&set);
	logscan_keep(d, s, err);
}
