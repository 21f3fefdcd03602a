/*
 * kqueue: the kernel's audit queue and its failure mode, judged from the
 * figures sampled over --watch (struct kfigures, d->fig).
 *
 * Each finding reads the last sample's settings (what the kernel runs
 * with now) and the deltas over the watch (what happened while we
 * looked). Losses are told apart by cause: with the queue at or near its
 * limit they are overflow (backlog-limit-too-small), with a rate limit
 * set and room in the queue they are the rate limit (rate-limit-dropping).
 * The recommended backlog_limit is arithmetic the reader can redo: what
 * the queue would have had to hold during the watch (its peak plus what
 * was lost), doubled for a burst longer than the watch, rounded up to a
 * multiple of 1024 and never under 8192; its memory cost is judged in
 * backlog-memory beside the current one. Nothing here changes the
 * kernel; the fixes are the commands and rules.d lines to run.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "audoctor.h"

#define KQUEUE_STEP 1024u		/* recommended limits: multiples of */
#define KQUEUE_MIN_LIMIT 8192u		/* never recommend less */

/* The limit backlog-limit-too-small recommended, for backlog-memory. */
struct kqueue_reco {
	bool have;
	uint32_t limit;
	bool capped;			/* the need exceeded 5% of memory */
	char arithmetic[300];
};

static uint64_t kqueue_round_up(uint64_t n)
{
	return (n + KQUEUE_STEP - 1) / KQUEUE_STEP * KQUEUE_STEP;
}

/* need = peak + lost; x2; rounded up to 1024s; at least 8192; capped at
 * the largest multiple of 1024 within 5% of memory (mem 0: unknown, no
 * cap), since a burst bigger than that is a rule or daemon problem no
 * queue should absorb, and at what the kernel's 32-bit field holds. */
static void kqueue_recommend(uint32_t peak, uint32_t lost, uint64_t mem,
			     struct kqueue_reco *r)
{
	uint64_t cap = mem / 20 / AUDIT_BUFFER_BYTES / KQUEUE_STEP * KQUEUE_STEP;
	uint64_t need = (uint64_t)peak + lost, twice = need * 2;
	uint64_t rounded = kqueue_round_up(twice), limit = rounded;
	int n;

	n = snprintf(r->arithmetic, sizeof(r->arithmetic),
		     "peak %" PRIu32 " + lost %" PRIu32 " = %" PRIu64
		     "; x2 = %" PRIu64 "; rounded up to 1024s: %" PRIu64,
		     peak, lost, need, twice, rounded);
	if (limit < KQUEUE_MIN_LIMIT) {
		limit = KQUEUE_MIN_LIMIT;
		snprintf(r->arithmetic + n, sizeof(r->arithmetic) - (size_t)n,
			 "; at least %u", KQUEUE_MIN_LIMIT);
	}
	if (mem && cap >= KQUEUE_MIN_LIMIT && limit > cap) {
		limit = cap;
		r->capped = true;
		snprintf(r->arithmetic + n, sizeof(r->arithmetic) - (size_t)n,
			 "; capped at 5%% of memory: %" PRIu64, cap);
	}
	if (limit > UINT32_MAX / KQUEUE_STEP * KQUEUE_STEP)
		limit = UINT32_MAX / KQUEUE_STEP * KQUEUE_STEP;
	r->have = true;
	r->limit = (uint32_t)limit;
}

static const char *kqueue_plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

static uint64_t kqueue_memory_of(uint32_t limit)
{
	return (uint64_t)limit * AUDIT_BUFFER_BYTES;
}

static void kqueue_lost(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	struct finding *x;

	if (g->lost_delta > 0) {
		x = findings_add(&d->findings, "events-lost", SEV_PROBLEM,
				 "the kernel lost %" PRIu32 " audit record%s during "
				 "the %.1f s watch (%.1f per second)", g->lost_delta,
				 kqueue_plural(g->lost_delta), g->span_s, g->lost_rate);
	} else if (g->last.lost > 0) {
		x = findings_add(&d->findings, "events-lost", SEV_INFO,
				 "%" PRIu32 " lost since boot or the last reset; "
				 "none during the watch", g->last.lost);
		finding_fix(x, "auditctl --reset-lost");
	} else {
		return;
	}
	finding_int(x, "lost_delta", g->lost_delta);
	finding_real(x, "lost_rate_per_s", g->lost_rate);
	finding_int(x, "lost", g->last.lost);
	finding_real(x, "seconds", g->span_s);
}

/* A sustained surplus of arrivals over the drain fills any limit. */
static void kqueue_surplus(struct finding *x, const struct kfigures *g,
			   uint32_t limit)
{
	double surplus = g->arrival_rate - g->drain_rate;

	finding_real(x, "surplus_per_s", surplus);
	finding_real(x, "seconds_until_full", limit / surplus);
	finding_text(x, "surplus",
		     "arrivals exceed the daemon's drain by %.1f/s: even a "
		     "limit of %" PRIu32 " fills in %.1f s; see daemon-too-slow",
		     surplus, limit, limit / surplus);
}

static void kqueue_rates(struct finding *x, const struct kfigures *g)
{
	if (!g->have_drain)
		return;
	finding_real(x, "arrival_rate_per_s", g->arrival_rate);
	finding_real(x, "drain_rate_per_s", g->drain_rate);
	if (g->drain_rate > 0)
		finding_real(x, "delay_s", g->backlog_max / g->drain_rate);
}

static void kqueue_backlog(struct doctor *d, struct kqueue_reco *r)
{
	const struct kfigures *g = &d->fig;
	struct finding *x;

	if (g->lost_delta == 0 || !g->near_limit || g->last.backlog_limit == 0)
		return;
	kqueue_recommend(g->backlog_max, g->lost_delta, d->samples.mem_total, r);
	x = findings_add(&d->findings, "backlog-limit-too-small", SEV_PROBLEM,
			 "the queue reached %" PRIu32 " of its limit %" PRIu32
			 " and lost %" PRIu32 " record%s: raise "
			 "backlog_limit to %" PRIu32, g->backlog_max,
			 g->last.backlog_limit, g->lost_delta,
			 kqueue_plural(g->lost_delta), r->limit);
	kqueue_rates(x, g);
	finding_int(x, "backlog_max", g->backlog_max);
	finding_int(x, "backlog_limit", g->last.backlog_limit);
	finding_int(x, "lost_delta", g->lost_delta);
	finding_int(x, "recommended_backlog_limit", r->limit);
	finding_text(x, "arithmetic", "%s", r->arithmetic);
	finding_int(x, "recommended_memory_bytes",
		    (int64_t)kqueue_memory_of(r->limit));
	if (g->have_drain && g->arrival_rate > g->drain_rate)
		kqueue_surplus(x, g, r->limit);
	finding_fix_setting(x, "-b", r->limit);
	if (r->capped)
		finding_fix(x, "the burst is more than 5%% of memory can queue: "
			    "cut the arrivals (see noisy-rule) or make the "
			    "daemon faster; a larger limit only moves the losses");
}

static void kqueue_wait(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	struct kqueue_reco r = { 0 };
	struct finding *x;

	if (g->wait_actual_delta == 0)
		return;
	kqueue_recommend(g->backlog_max, g->lost_delta, d->samples.mem_total, &r);
	x = findings_add(&d->findings, "backlog-wait-blocking", SEV_PROBLEM,
			 "processes were held %" PRIu32 " ticks waiting for "
			 "room in the audit queue (limit %" PRIu32 ", "
			 "backlog_wait_time %" PRIu32 ")", g->wait_actual_delta,
			 g->last.backlog_limit, g->last.backlog_wait_time);
	finding_int(x, "wait_actual_delta", g->wait_actual_delta);
	finding_int(x, "backlog_wait_time", g->last.backlog_wait_time);
	finding_int(x, "backlog_max", g->backlog_max);
	finding_int(x, "backlog_limit", g->last.backlog_limit);
	finding_fix(x, "first make the daemon keep up (see its finding), then:");
	finding_fix_setting(x, "-b", r.limit);
	finding_fix(x, "auditctl --backlog_wait_time 0 stops the waiting but "
		    "turns it into lost events");
}

/* Arrivals per second: measured when the drain is known, else what the
 * rate limit let through plus what it dropped. */
static double kqueue_arrivals(const struct kfigures *g)
{
	if (g->have_drain)
		return g->arrival_rate;
	return g->last.rate_limit + g->lost_rate;
}

static void kqueue_rate(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	uint32_t limit = g->last.rate_limit;
	struct finding *x;

	if (limit == 0)
		return;
	if (g->lost_delta > 0 && !g->near_limit)
		x = findings_add(&d->findings, "rate-limit-dropping", SEV_PROBLEM,
				 "the kernel dropped records above rate_limit "
				 "%" PRIu32 " per second (%.1f lost per second)",
				 limit, g->lost_rate);
	else if (g->have_drain && g->arrival_rate > 0.8 * limit)
		x = findings_add(&d->findings, "rate-limit-dropping", SEV_WARNING,
				 "records arrive at %.1f per second, above 80%% "
				 "of rate_limit %" PRIu32, g->arrival_rate, limit);
	else
		return;
	finding_int(x, "rate_limit", limit);
	finding_real(x, "lost_rate_per_s", g->lost_rate);
	if (g->have_drain)
		finding_real(x, "arrival_rate_per_s", g->arrival_rate);
	finding_fix_setting(x, "-r", 0);
	finding_fix(x, "or keep a limit twice the measured rate: auditctl -r %.0f",
		    2 * kqueue_arrivals(g));
}

/* The largest limit, in 1024s, whose buffers take at most 5% of memory. */
static uint64_t kqueue_limit_within(uint64_t mem_total)
{
	uint64_t n = mem_total / 20 / AUDIT_BUFFER_BYTES;

	if (n >= KQUEUE_STEP)
		n = n / KQUEUE_STEP * KQUEUE_STEP;
	return n > UINT32_MAX ? UINT32_MAX : n;
}

static void kqueue_memory_reco(struct finding *x, const struct kqueue_reco *r,
			       uint64_t mem)
{
	uint64_t bytes = kqueue_memory_of(r->limit);

	finding_int(x, "recommended_backlog_limit", r->limit);
	finding_int(x, "recommended_memory_bytes", (int64_t)bytes);
	finding_real(x, "recommended_share_percent", 100.0 * bytes / mem);
}

static void kqueue_memory_unlimited(struct doctor *d)
{
	struct finding *x;
	uint64_t mem = d->samples.mem_total;

	x = findings_add(&d->findings, "backlog-memory", SEV_WARNING,
			 "backlog_limit is 0 (unlimited): the queue may take "
			 "all memory while the daemon does not read");
	finding_int(x, "backlog_limit", 0);
	finding_int(x, "mem_total_bytes", (int64_t)mem);
	if (mem)
		finding_fix_setting(x, "-b", kqueue_limit_within(mem));
}

/* The finding for the current limit's share of memory, or else for the
 * recommended one's (following the advice has this cost: a warning), or
 * NULL when both stay under 5%. */
static struct finding *kqueue_memory_add(struct doctor *d, uint32_t limit,
					 double share, const struct kqueue_reco *r,
					 double rshare)
{
	uint64_t bytes = kqueue_memory_of(limit);

	if (share >= 5)
		return findings_add(&d->findings, "backlog-memory",
				    share >= 25 ? SEV_PROBLEM : SEV_WARNING,
				    "a full queue of %" PRIu32 " records takes "
				    "%.1f MiB, %.1f%% of memory", limit,
				    bytes / 1048576.0, share);
	if (rshare >= 5)
		return findings_add(&d->findings, "backlog-memory", SEV_WARNING,
				    "the recommended backlog_limit %" PRIu32
				    " would take %.1f%% of memory when full",
				    r->limit, rshare);
	return NULL;
}

static void kqueue_memory(struct doctor *d, const struct kqueue_reco *r)
{
	uint32_t limit = d->fig.last.backlog_limit;
	uint64_t mem = d->samples.mem_total, bytes = kqueue_memory_of(limit);
	double share, rshare;
	struct finding *x;

	if (limit == 0) {
		kqueue_memory_unlimited(d);
		return;
	}
	if (mem == 0) {
		findings_skip(&d->findings, "backlog memory",
			      "MemTotal unknown (/proc/meminfo unreadable)");
		return;
	}
	share = 100.0 * bytes / mem;
	rshare = r->have ? 100.0 * kqueue_memory_of(r->limit) / mem : 0;
	x = kqueue_memory_add(d, limit, share, r, rshare);
	if (!x)
		return;
	finding_int(x, "backlog_limit", limit);
	finding_int(x, "memory_bytes", (int64_t)bytes);
	finding_int(x, "mem_total_bytes", (int64_t)mem);
	finding_real(x, "share_percent", share);
	if (r->have)
		kqueue_memory_reco(x, r, mem);
	finding_fix_setting(x, "-b", kqueue_limit_within(mem));
}

static void kqueue_enabled(struct doctor *d)
{
	uint32_t enabled = d->fig.last.enabled;
	struct finding *x;

	if (enabled == 0 && d->have_rules && d->n_rules > 0) {
		x = findings_add(&d->findings, "audit-disabled", SEV_PROBLEM,
				 "%zu rules are loaded but auditing is off "
				 "(enabled 0): they record nothing", d->n_rules);
		finding_int(x, "enabled", 0);
		finding_int(x, "rules", (int64_t)d->n_rules);
		finding_fix_setting(x, "-e", 1);
	} else if (enabled == 2) {
		x = findings_add(&d->findings, "audit-disabled", SEV_INFO,
				 "the audit configuration is locked (enabled 2): "
				 "nothing can be changed until reboot");
		finding_int(x, "enabled", 2);
		finding_fix(x, "change the rules.d files, then reboot");
	}
}

static void kqueue_failure_fix(struct finding *x, const struct kfigures *g)
{
	if (g->last.enabled == 2) {
		finding_fix(x, "in " FINDING_RULES_D ": -f 1");
		finding_fix(x, "then reboot (audit is locked: enabled 2)");
		return;
	}
	finding_fix_setting(x, "-f", 1);
}

static void kqueue_failure_evidence(struct finding *x, const struct kfigures *g)
{
	finding_int(x, "failure", g->last.failure);
	finding_int(x, "lost_delta", g->lost_delta);
	finding_int(x, "backlog_max", g->backlog_max);
	finding_int(x, "backlog_limit", g->last.backlog_limit);
	kqueue_failure_fix(x, g);
}

static void kqueue_failure(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	bool losing = g->lost_delta > 0;
	struct finding *x;

	if (g->last.failure == AUDIT_FAIL_PANIC && (losing || g->near_limit))
		x = findings_add(&d->findings, "failure-panic-risk", SEV_PROBLEM,
				 "failure 2 while %s: the kernel will panic: "
				 "the machine reboots", losing ? "events are lost"
				 : "the queue is near its limit");
	else if (g->last.failure == AUDIT_FAIL_PANIC)
		x = findings_add(&d->findings, "failure-panic-risk", SEV_WARNING,
				 "failure 2: the first lost event panics the "
				 "kernel and the machine reboots");
	else if (g->last.failure == AUDIT_FAIL_SILENT)
		x = findings_add(&d->findings, "failure-silent",
				 losing ? SEV_PROBLEM : SEV_WARNING,
				 "failure 0: lost events leave no trace in the "
				 "kernel log%s", losing ? ", and events are being "
				 "lost" : "");
	else
		return;
	kqueue_failure_evidence(x, g);
}

void kqueue_check(struct doctor *d)
{
	struct kqueue_reco r = { 0 };

	if (!d->have_samples)
		return;
	kqueue_lost(d);
	kqueue_backlog(d, &r);
	kqueue_wait(d);
	kqueue_rate(d);
	kqueue_memory(d, &r);
	kqueue_enabled(d);
	kqueue_failure(d);
}
