/*
 * plan: `audoctor plan --log FILE... --drain N`, the kernel's audit queue
 * replayed over the arrival times of the records in a log.
 *
 * THE MODEL. Every record of the log is one kernel buffer, and every
 * record of an event arrives at the event's time (msg=audit(SEC.MSEC:..),
 * so millisecond resolution; records at the same millisecond arrive
 * together, in log order). Arrivals are sorted by time. The daemon takes
 * one record from the head of the queue every 1/drain seconds whenever
 * the queue is not empty, so with a FIFO the departures follow from the
 * entries: departure_k = max(enter_k, departure_k-1) + 1/drain, and a
 * record counts as queued until it departs. The kernel's backlog test is
 * `queue length > backlog_limit`: a record that finds the queue longer
 * than the limit (so the queue holds at most limit+1) waits up to
 * backlog_wait_time for room. Records leave in the order they entered,
 * so room for the next record appears when the oldest of the last
 * limit+1 entered records departs: a ring of their departure times
 * answers in O(1). If room appears within the wait time the record enters
 * then (delayed, by that much), else it is lost. The rate limit is
 * checked after the backlog, when the record is about to be queued,
 * exactly as the kernel's audit_rate_check(): the count of records since
 * the last reset goes up by one; the record passes while the count is
 * below rate_limit; once it is reached the record passes only if more
 * than one second went by since the last reset (then the count is reset
 * to 0 and the time of the reset is now), else it is dropped. The first
 * reset happens the first time the count is reached (the kernel's last
 * reset is long ago). The kernel also calls audit_rate_check() for a
 * record it loses to the backlog (to decide whether to print "audit_
 * backlog=N > audit_backlog_limit=M"), so such a record counts too, at
 * the moment it is lost. What the model leaves out: the daemon's own
 * records, several waiting processes woken at once, and jiffies (the
 * kernel's backlog_wait_time is in jiffies: milliseconds at HZ=1000).
 *
 * The smallest backlog_limit that loses nothing is a binary search over
 * the limit, re-running the model: the unlimited run's peak minus one
 * always loses nothing (the queue then never refuses a record), so the
 * answer is one the model has checked even where the rate limit makes
 * losses not monotonic in the limit.
 */
#include "plan.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audoctor.h"
#include "mem.h"
#include "jsonstr.h"
#include "report.h"
#include "source.h"

/* Departure times are sums of 1/drain: compare them with some slack,
 * far below both a millisecond and 1/drain. */
#define PLAN_EPS 1e-9

/* ---- the model ---- */

/* The departure times of the queued records, oldest first. */
struct plan_fifo {
	double *v;
	size_t cap, head, len;
};

static int plan_fifo_push(struct plan_fifo *q, double x)
{
	if (q->len == q->cap) {
		size_t cap = q->cap ? q->cap * 2 : 64;
		double *v = malloc(cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		for (size_t i = 0; i < q->len; i++)
			v[i] = q->v[(q->head + i) % q->cap];
		free(q->v);
		q->v = v;
		q->cap = cap;
		q->head = 0;
	}
	q->v[(q->head + q->len) % q->cap] = x;
	q->len++;
	return 0;
}

static double plan_fifo_front(const struct plan_fifo *q)
{
	return q->v[q->head];
}

/* Every record that has departed by time t (slack included) leaves. */
static void plan_fifo_pop_until(struct plan_fifo *q, double t)
{
	while (q->len && plan_fifo_front(q) <= t) {
		q->head = (q->head + 1) % q->cap;
		q->len--;
	}
}

/* The kernel's audit_rate_check(). */
struct plan_rate {
	uint64_t count;
	bool reset_once;
	double last_reset;
};

static bool plan_rate_pass(struct plan_rate *r, uint32_t limit, double now)
{
	if (!limit)
		return true;
	if (++r->count < limit)
		return true;
	if (!r->reset_once || now - r->last_reset > 1.0 + PLAN_EPS) {
		r->reset_once = true;
		r->last_reset = now;
		r->count = 0;
		return true;
	}
	return false;
}

struct plan_state {
	const struct plan_settings *s;
	double service;		/* 1/drain, seconds */
	double wait;		/* seconds */
	double eps;		/* slack for comparing times */
	double now;		/* the latest moment the model has reached */
	double last_departure;
	struct plan_fifo q;
	struct plan_rate rate;
};

/* A record that arrived at t finds no room within the wait time. */
static enum plan_fate plan_lose(struct plan_state *st, double t)
{
	if (t + st->wait > st->now)
		st->now = t + st->wait;
	(void)plan_rate_pass(&st->rate, st->s->rate_limit, st->now);
	return PLAN_LOST_BACKLOG;
}

/* One record arriving at t (seconds): its fate, *enter when queued. */
static enum plan_fate plan_arrive(struct plan_state *st, double t,
				  double *enter)
{
	double at = t > st->now ? t : st->now;
	uint32_t limit = st->s->backlog_limit;

	plan_fifo_pop_until(&st->q, at + st->eps);
	if (limit && st->q.len > limit) {
		double room = plan_fifo_front(&st->q);

		if (room > t + st->wait + st->eps)
			return plan_lose(st, t);
		at = room;
		plan_fifo_pop_until(&st->q, at + st->eps);
	}
	st->now = at;
	if (!plan_rate_pass(&st->rate, st->s->rate_limit, at))
		return PLAN_LOST_RATE;
	*enter = at;
	return at > t + st->eps ? PLAN_DELAYED : PLAN_QUEUED;
}

static int plan_enter(struct plan_state *st, double enter,
		      struct plan_outcome *o)
{
	double start = enter > st->last_departure ? enter : st->last_departure;

	st->last_departure = start + st->service;
	if (plan_fifo_push(&st->q, st->last_departure) < 0)
		return -ENOMEM;
	if (st->q.len > o->peak_backlog)
		o->peak_backlog = st->q.len;
	return 0;
}

static void plan_count(struct plan_outcome *o, enum plan_fate f,
		       double delay_ms)
{
	o->records++;
	if (f == PLAN_LOST_BACKLOG)
		o->lost_backlog++;
	else if (f == PLAN_LOST_RATE)
		o->lost_rate++;
	else if (f == PLAN_DELAYED) {
		o->delayed++;
		if (delay_ms > o->max_delay_ms)
			o->max_delay_ms = delay_ms;
	}
}

int plan_model(const uint64_t *arrive_ms, size_t n,
	       const struct plan_settings *s, struct plan_each *each,
	       struct plan_outcome *ret)
{
	struct plan_state st = { .s = s, .service = 1.0 / s->drain,
				 .wait = s->wait_ms / 1000.0 };
	struct plan_outcome o = { 0 };
	int err = 0;

	st.eps = fmin(PLAN_EPS, st.service * 1e-6);
	for (size_t k = 0; k < n && !err; k++) {
		double t = (double)(arrive_ms[k] - arrive_ms[0]) / 1000.0;
		double enter = t, delay_ms = 0;
		enum plan_fate f = plan_arrive(&st, t, &enter);

		if (f == PLAN_QUEUED || f == PLAN_DELAYED)
			err = plan_enter(&st, enter, &o);
		if (f == PLAN_DELAYED)
			delay_ms = (enter - t) * 1000.0;
		plan_count(&o, f, delay_ms);
		if (each)
			each[k] = (struct plan_each){ f, delay_ms };
	}
	free(st.q.v);
	if (!err)
		*ret = o;
	return err;
}

int plan_smallest_limit(const uint64_t *arrive_ms, size_t n,
			const struct plan_settings *s, uint32_t *ret)
{
	struct plan_settings t = *s;
	struct plan_outcome o;
	uint32_t lo = 1, hi;

	t.backlog_limit = 0;
	if (plan_model(arrive_ms, n, &t, NULL, &o) < 0)
		return -ENOMEM;
	hi = o.peak_backlog > UINT32_MAX ? UINT32_MAX :
	     o.peak_backlog > 1 ? (uint32_t)(o.peak_backlog - 1) : 1;
	while (lo < hi) {	/* hi always loses nothing */
		t.backlog_limit = lo + (hi - lo) / 2;
		if (plan_model(arrive_ms, n, &t, NULL, &o) < 0)
			return -ENOMEM;
		if (o.lost_backlog == 0)
			hi = t.backlog_limit;
		else
			lo = t.backlog_limit + 1;
	}
	*ret = hi;
	return 0;
}

void plan_arrivals(const uint64_t *arrive_ms, size_t n,
		   struct plan_arrivals *ret)
{
	uint64_t peak = 0;
	size_t i = 0;

	for (size_t j = 0; j < n; j++) {
		while (arrive_ms[j] - arrive_ms[i] >= 1000)
			i++;
		if (j - i + 1 > peak)
			peak = j - i + 1;
	}
	ret->span_s = (double)(arrive_ms[n - 1] - arrive_ms[0]) / 1000.0;
	ret->mean_rate = ret->span_s > 0 ? (double)n / ret->span_s : NAN;
	ret->peak_1s = peak;
}

/* ---- the command ---- */

struct plan_opts {
	const char **logs;
	size_t n_logs;
	struct plan_settings set;
	bool have_drain;
	bool limit_default;
	bool json;
};

enum { PLAN_OPT_LOG = 256, PLAN_OPT_DRAIN, PLAN_OPT_LIMIT, PLAN_OPT_WAIT,
       PLAN_OPT_RATE, PLAN_OPT_JSON, PLAN_OPT_HELP };

static const struct option plan_long[] = {
	{ "log", required_argument, NULL, PLAN_OPT_LOG },
	{ "drain", required_argument, NULL, PLAN_OPT_DRAIN },
	{ "backlog-limit", required_argument, NULL, PLAN_OPT_LIMIT },
	{ "wait-time", required_argument, NULL, PLAN_OPT_WAIT },
	{ "rate-limit", required_argument, NULL, PLAN_OPT_RATE },
	{ "json", no_argument, NULL, PLAN_OPT_JSON },
	{ "help", no_argument, NULL, PLAN_OPT_HELP },
	{ NULL, 0, NULL, 0 },
};

#define PLAN_DEFAULT_LIMIT 8192u
#define PLAN_USAGE "usage: audoctor plan --log FILE... --drain " \
	"RECORDS_PER_SECOND [--backlog-limit N] [--wait-time MS] " \
	"[--rate-limit N] [--json]\n"

static int plan_fail(const char *what, const char *arg)
{
	fprintf(stderr, "audoctor: %s%s%s\n", what, arg ? ": " : "",
		arg ? arg : "");
	return AUDOCTOR_EXIT_USAGE;
}

/* A decimal number from 0 to 2^32-1, digits only. */
static int plan_parse_u32(const char *text, uint32_t *ret)
{
	unsigned long long v;

	if (!*text || strspn(text, "0123456789") != strlen(text) ||
	    strlen(text) > 10)
		return -1;
	v = strtoull(text, NULL, 10);
	if (v > UINT32_MAX)
		return -1;
	*ret = (uint32_t)v;
	return 0;
}

/* Records per second: a positive decimal, at most 10^9. */
static int plan_parse_drain(const char *text, double *ret)
{
	char *end;
	double v;

	if (!*text || strspn(text, "0123456789.") != strlen(text))
		return -1;
	v = strtod(text, &end);
	if (*end || !isfinite(v) || v <= 0 || v > 1e9)
		return -1;
	*ret = v;
	return 0;
}

/* One option: -1 to go on, else the exit status. */
static int plan_option(struct plan_opts *o, int c, const char *arg)
{
	switch (c) {
	case PLAN_OPT_LOG:
		mem_push_path(&o->logs, &o->n_logs, arg);
		return -1;
	case PLAN_OPT_DRAIN:
		o->have_drain = plan_parse_drain(arg, &o->set.drain) == 0;
		return o->have_drain ? -1 :
		       plan_fail("bad --drain (records per second, above 0)", arg);
	case PLAN_OPT_LIMIT:
		o->limit_default = false;
		return plan_parse_u32(arg, &o->set.backlog_limit) == 0 ? -1 :
		       plan_fail("bad --backlog-limit (0 to 4294967295)", arg);
	case PLAN_OPT_WAIT:
		return plan_parse_u32(arg, &o->set.wait_ms) == 0 ? -1 :
		       plan_fail("bad --wait-time (milliseconds, 0 to 4294967295)", arg);
	case PLAN_OPT_RATE:
		return plan_parse_u32(arg, &o->set.rate_limit) == 0 ? -1 :
		       plan_fail("bad --rate-limit (0 to 4294967295)", arg);
	case PLAN_OPT_JSON:
		o->json = true;
		return -1;
	case PLAN_OPT_HELP:
		fputs(PLAN_USAGE, stdout);
		return 0;
	}
	return -1;
}

/* -1 and *o filled, or the exit status (usage errors already said). */
static int plan_parse(int argc, char **argv, struct plan_opts *o)
{
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->set.backlog_limit = PLAN_DEFAULT_LIMIT;
	o->limit_default = true;
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":", plan_long, NULL)) != -1) {
		if (c == ':')
			return plan_fail("option needs an argument", argv[optind - 1]);
		if (c == '?')
			return plan_fail("unknown option (see --help)", argv[optind - 1]);
		if ((rc = plan_option(o, c, optarg)) >= 0)
			return rc;
	}
	if (optind < argc && !o->n_logs)
		return plan_fail("unexpected argument (log files follow --log)", argv[optind]);
	for (; optind < argc; optind++)
		mem_push_path(&o->logs, &o->n_logs, argv[optind]);
	if (!o->n_logs)
		return plan_fail("plan needs --log FILE", NULL);
	if (!o->have_drain)
		return plan_fail("plan needs --drain N (the records the daemon takes per second)", NULL);
	return -1;
}

/* The arrival times read from the logs. */
struct plan_log {
	uint64_t *ms;		/* one per record, owned */
	size_t n, cap;
	uint64_t events;
	uint64_t bad;
	char first_bad[256];	/* "path:line" of the first damaged line */
};

static void plan_bad_line(const char *path, uint64_t line_no,
			  enum record_error why, void *user)
{
	struct plan_log *l = user;

	(void)why;
	if (l->bad++ == 0)
		snprintf(l->first_bad, sizeof(l->first_bad), "%s:%" PRIu64,
			 path, line_no);
}

static void plan_log_event(struct plan_log *l, const struct event *ev)
{
	uint64_t ms = ev->sec * 1000 + ev->msec;

	if (l->n + ev->count > l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 1024;
		uint64_t *v;

		while (cap < l->n + ev->count)
			cap *= 2;
		v = realloc(l->ms, cap * sizeof(*v));
		if (!v)
			abort();
		l->ms = v;
		l->cap = cap;
	}
	for (size_t i = 0; i < ev->count; i++)
		l->ms[l->n++] = ms;
	l->events++;
}

static int plan_cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Read every log: 0, or an exit status (the error already said). */
static int plan_read(const struct plan_opts *o, struct plan_log *l)
{
	struct source *src;
	const struct event *ev;
	int e;

	if (source_new(o->logs, o->n_logs, EVENT_EOE_TIMEOUT_DEFAULT, &src) < 0)
		return plan_fail("out of memory", NULL);
	source_on_bad_line(src, plan_bad_line, l);
	while ((e = source_next(src, &ev)) > 0)
		plan_log_event(l, ev);
	if (e < 0) {
		const char *path = source_failed_path(src);

		fprintf(stderr, "audoctor: %s: %s\n", path ? path : "reading logs",
			strerror(-e));
		source_free(src);
		return AUDOCTOR_EXIT_USAGE;
	}
	source_free(src);
	if (l->bad)
		fprintf(stderr, "audoctor: %" PRIu64 " damaged line%s skipped "
			"(the first at %s)\n", l->bad, l->bad == 1 ? "" : "s",
			l->first_bad);
	qsort(l->ms, l->n, sizeof(*l->ms), plan_cmp_u64);
	return 0;
}

/* Everything the report says. */
struct plan_report {
	const struct plan_opts *o;
	const struct plan_log *l;
	struct plan_arrivals arr;
	struct plan_outcome out;
	uint32_t smallest;
	bool drain_too_slow;	/* below the mean arrival rate */
};

static uint64_t plan_memory(uint32_t limit)
{
	return (uint64_t)limit * AUDIT_BUFFER_BYTES;
}

static const char *plan_verdict(const struct plan_outcome *o)
{
	if (o->lost_backlog || o->lost_rate)
		return "lost";
	return o->delayed ? "delayed" : "none lost";
}

static int plan_exit(const struct plan_outcome *o)
{
	if (o->lost_backlog || o->lost_rate)
		return AUDOCTOR_EXIT_PROBLEM;
	return o->delayed ? AUDOCTOR_EXIT_WARNING : AUDOCTOR_EXIT_HEALTHY;
}

/* A number for people: as in JSON, "n/a" when there is none. */
static void plan_num(FILE *f, double v)
{
	if (isfinite(v))
		report_json_real(f, v);
	else
		fputs("n/a", f);
}

static void plan_text_settings(const struct plan_report *r, FILE *f)
{
	const struct plan_settings *s = &r->o->set;

	fputs("settings: drain ", f);
	plan_num(f, s->drain);
	fprintf(f, " records/s, backlog_limit %" PRIu32, s->backlog_limit);
	if (s->backlog_limit)
		fprintf(f, " (%s%" PRIu64 " bytes of kernel memory when full)",
			r->o->limit_default ? "the default; " : "",
			plan_memory(s->backlog_limit));
	else
		fputs(" (unlimited)", f);
	fprintf(f, ", backlog_wait_time %" PRIu32 " ms, rate_limit %" PRIu32 "%s\n",
		s->wait_ms, s->rate_limit, s->rate_limit ? "" : " (none)");
}

static void plan_text_figures(const struct plan_report *r, FILE *f)
{
	const struct plan_outcome *o = &r->out;

	fputs("arrivals: mean ", f);
	if (isfinite(r->arr.mean_rate)) {
		plan_num(f, r->arr.mean_rate);
		fputs(" records/s", f);
	} else {
		fputs("n/a (every record at one moment)", f);
	}
	fprintf(f, ", peak %" PRIu64 " records in 1 s\n", r->arr.peak_1s);
	fprintf(f, "peak backlog: %" PRIu64 " records\n", o->peak_backlog);
	fprintf(f, "lost to the backlog: %" PRIu64 "\n", o->lost_backlog);
	fprintf(f, "lost to the rate limit: %" PRIu64 "\n", o->lost_rate);
	fprintf(f, "delayed: %" PRIu64 " (longest ", o->delayed);
	plan_num(f, o->max_delay_ms);
	fputs(" ms)\n", f);
}

static void plan_text_advice(const struct plan_report *r, FILE *f)
{
	fprintf(f, "smallest backlog_limit that loses none at this drain, "
		"wait time and rate limit: %" PRIu32 " (%" PRIu64 " bytes, %.2f MiB of kernel memory at %u bytes "
		"per buffer)\n", r->smallest, plan_memory(r->smallest),
		(double)plan_memory(r->smallest) / (1024.0 * 1024.0),
		AUDIT_BUFFER_BYTES);
	if (r->out.lost_rate)
		fputs("the rate limit's losses are not the backlog's: raise "
		      "rate_limit or set it to 0\n", f);
	if (r->drain_too_slow) {
		fputs("the drain (", f);
		plan_num(f, r->o->set.drain);
		fputs(" records/s) is below the mean arrival rate (", f);
		plan_num(f, r->arr.mean_rate);
		fputs(" records/s): over a longer run the backlog only grows "
		      "and no backlog_limit is enough\n", f);
	}
}

static void plan_text(const struct plan_report *r, FILE *f)
{
	fprintf(f, "plan: %zu records in %" PRIu64 " events over ", r->l->n,
		r->l->events);
	plan_num(f, r->arr.span_s);
	fprintf(f, " s, from %zu log%s\n", r->o->n_logs,
		r->o->n_logs == 1 ? "" : "s");
	plan_text_settings(r, f);
	plan_text_figures(r, f);
	plan_text_advice(r, f);
	fprintf(f, "verdict: %s\n", plan_verdict(&r->out));
}

static void plan_json_num(FILE *f, const char *key, double v, bool more)
{
	fprintf(f, "\"%s\":", key);
	report_json_real(f, v);
	if (more)
		fputc(',', f);
}

static void plan_json_head(const struct plan_opts *o,
			   const struct plan_log *l, FILE *f)
{
	fputs("{\"logs\":[", f);
	for (size_t i = 0; i < o->n_logs; i++) {
		if (i)
			fputc(',', f);
		jsonstr_file(f, o->logs[i], strlen(o->logs[i]));
	}
	fputs("],", f);
	plan_json_num(f, "damaged_lines", (double)l->bad, true);
	plan_json_num(f, "records", (double)l->n, true);
	plan_json_num(f, "events", (double)l->events, true);
}

static void plan_json_settings(const struct plan_report *r, FILE *f)
{
	const struct plan_settings *s = &r->o->set;

	plan_json_num(f, "drain_per_s", s->drain, true);
	plan_json_num(f, "backlog_limit", s->backlog_limit, true);
	fprintf(f, "\"backlog_limit_default\":%s,",
		r->o->limit_default ? "true" : "false");
	plan_json_num(f, "backlog_limit_memory_bytes",
		      (double)plan_memory(s->backlog_limit), true);
	plan_json_num(f, "wait_time_ms", s->wait_ms, true);
	plan_json_num(f, "rate_limit", s->rate_limit, true);
}

static void plan_json(const struct plan_report *r, FILE *f)
{
	const struct plan_outcome *o = &r->out;

	plan_json_head(r->o, r->l, f);
	plan_json_settings(r, f);
	plan_json_num(f, "span_s", r->arr.span_s, true);
	plan_json_num(f, "mean_rate_per_s", r->arr.mean_rate, true);
	plan_json_num(f, "peak_rate_per_s", (double)r->arr.peak_1s, true);
	plan_json_num(f, "peak_backlog", (double)o->peak_backlog, true);
	plan_json_num(f, "lost_backlog", (double)o->lost_backlog, true);
	plan_json_num(f, "lost_rate_limit", (double)o->lost_rate, true);
	plan_json_num(f, "delayed", (double)o->delayed, true);
	plan_json_num(f, "max_delay_ms", o->max_delay_ms, true);
	plan_json_num(f, "smallest_backlog_limit", r->smallest, true);
	plan_json_num(f, "smallest_backlog_limit_memory_bytes",
		      (double)plan_memory(r->smallest), true);
	fprintf(f, "\"drain_below_arrivals\":%s,\"verdict\":",
		r->drain_too_slow ? "true" : "false");
	jsonstr_file(f, plan_verdict(o), strlen(plan_verdict(o)));
	fputs("}\n", f);
}

static void plan_empty(const struct plan_opts *o, const struct plan_log *l)
{
	if (!o->json) {
		puts("plan: no records in the logs: nothing to replay");
		return;
	}
	plan_json_head(o, l, stdout);
	fputs("\"verdict\":\"no records\"}\n", stdout);
}

/* Model the logs at the settings: the exit status. */
static int plan_run(const struct plan_opts *o, const struct plan_log *l)
{
	struct plan_report r = { .o = o, .l = l };

	plan_arrivals(l->ms, l->n, &r.arr);
	if (plan_model(l->ms, l->n, &o->set, NULL, &r.out) < 0 ||
	    plan_smallest_limit(l->ms, l->n, &o->set, &r.smallest) < 0)
		return plan_fail("out of memory", NULL);
	r.drain_too_slow = isfinite(r.arr.mean_rate) &&
			   o->set.drain < r.arr.mean_rate;
	if (o->json)
		plan_json(&r, stdout);
	else
		plan_text(&r, stdout);
	return plan_exit(&r.out);
}

int plan_main(int argc, char **argv)
{
	struct plan_opts o;
	struct plan_log l = { 0 };
	int rc = plan_parse(argc, argv, &o);

	if (rc >= 0) {		/* --help, or a usage error already said */
		free(o.logs);
		return rc;
	}
	rc = plan_read(&o, &l);
	if (rc == 0 && l.n == 0)
		plan_empty(&o, &l);
	else if (rc == 0)
		rc = plan_run(&o, &l);
	if (fflush(stdout) != 0 || ferror(stdout))
		rc = plan_fail("stdout", strerror(errno));
	free(l.ms);
	free(o.logs);
	return rc;
}
