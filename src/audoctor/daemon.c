/*
 * daemon: is the registered audit daemon there, running, reading, and
 * reading fast enough?
 *
 * The questions are asked in order and the first "no" is the finding:
 * nobody registered (no-daemon), the registered pid is gone (daemon-dead),
 * the process is stopped or traced (daemon-stopped), it is alive but its
 * NETLINK_AUDIT socket's receive queue stays full while it uses no CPU or
 * sleeps on disk (daemon-not-reading), or it reads but the backlog still
 * climbs (daemon-too-slow). Only the samples are read (d->samples,
 * d->fig); the fix for a slow daemon depends on which auditd it is and
 * on what auditd.conf already says. Every finding names the daemon's
 * kind and executable so the reader knows whose daemon is at fault.
 */
#include <errno.h>
#include <string.h>

#include "audoctor.h"
#include "conf.h"

static void daemon_evidence(struct finding *x, const struct doctor *d)
{
	finding_text(x, "daemon", "%s", daemon_kind_name(d->fig.kind));
	finding_text(x, "exe", "%s", d->samples.exe);
	finding_int(x, "pid", d->fig.first.pid);
}

static void daemon_backlog_evidence(struct finding *x, const struct kfigures *g)
{
	finding_int(x, "backlog_first", g->first.backlog);
	finding_int(x, "backlog_last", g->last.backlog);
	finding_int(x, "backlog_limit", g->last.backlog_limit);
	finding_real(x, "backlog_slope_per_s", g->backlog_slope);
	finding_int(x, "lost_delta", g->lost_delta);
}

static const char *daemon_conf_path(const struct doctor *d)
{
	return *d->conf_path ? d->conf_path : "/etc/audit/auditd.conf";
}

static void daemon_none(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	bool on = g->last.enabled != 0;
	struct finding *x;

	if (on)
		x = findings_add(&d->findings, "no-daemon", SEV_PROBLEM,
				 "no audit daemon is registered while auditing is on: "
				 "records go to the kernel log (rate-limited) and are "
				 "lost from the audit trail");
	else
		x = findings_add(&d->findings, "no-daemon", SEV_INFO,
				 "no audit daemon is registered (auditing is off)");
	daemon_evidence(x, d);
	finding_int(x, "enabled", g->last.enabled);
	finding_int(x, "backlog", g->last.backlog);
	finding_int(x, "lost_delta", g->lost_delta);
	finding_fix(x, "systemctl start auditd");
	finding_fix(x, "(or, without systemd: auditd)");
}

static void daemon_dead(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	struct finding *x;

	x = findings_add(&d->findings, "daemon-dead", SEV_PROBLEM,
			 "the registered audit daemon (pid %u) is gone: nothing "
			 "reads the kernel's audit queue", g->first.pid);
	daemon_evidence(x, d);
	finding_int(x, "enabled", g->last.enabled);
	daemon_backlog_evidence(x, g);
	finding_fix(x, "systemctl restart auditd");
	finding_fix(x, "(the kernel keeps pid %u registered until its next send "
		    "to it fails; a new auditd takes its place at once)",
		    g->first.pid);
}

/* Seconds until the backlog reaches its limit at the current slope; -1
 * when it does not rise or there is no limit. */
static double daemon_seconds_to_full(const struct kfigures *g)
{
	if (!g->last.backlog_limit || g->backlog_slope <= 0)
		return -1;
	if (g->last.backlog >= g->last.backlog_limit)
		return 0;
	return (g->last.backlog_limit - g->last.backlog) / g->backlog_slope;
}

static char daemon_last_state(const struct doctor *d)
{
	const struct ksample *z = &d->samples.v[d->samples.n - 1];

	return z->task.state ? z->task.state : '?';
}

static uint32_t daemon_tracer(const struct doctor *d)
{
	for (size_t i = d->samples.n; i > 0; i--)
		if (d->samples.v[i - 1].task.tracer_pid)
			return d->samples.v[i - 1].task.tracer_pid;
	return 0;
}

static void daemon_stopped(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	uint32_t pid = g->first.pid, tracer = daemon_tracer(d);
	double full = daemon_seconds_to_full(g);
	struct finding *x;

	if (g->stopped_all)
		x = findings_add(&d->findings, "daemon-stopped", SEV_PROBLEM,
				 "the audit daemon (pid %u, %s) is stopped (state %c): "
				 "it reads nothing, so the backlog only grows "
				 "(%u -> %u of %u)", pid, daemon_kind_name(g->kind),
				 daemon_last_state(d), g->first.backlog,
				 g->last.backlog, g->last.backlog_limit);
	else
		x = findings_add(&d->findings, "daemon-stopped", SEV_WARNING,
				 "the audit daemon (pid %u, %s) is traced by pid %u: "
				 "it reads only when the tracer lets it", pid,
				 daemon_kind_name(g->kind), tracer);
	daemon_evidence(x, d);
	finding_text(x, "state", "%c", daemon_last_state(d));
	finding_int(x, "tracer_pid", tracer);
	daemon_backlog_evidence(x, g);
	if (full >= 0)
		finding_real(x, "seconds_to_full", full);
	if (tracer)
		finding_fix(x, "detach the tracer (pid %u: end the debugger or "
			    "strace), then: kill -CONT %u", tracer, pid);
	else
		finding_fix(x, "kill -CONT %u", pid);
	finding_fix(x, "(raising backlog_limit does not help: a stopped daemon "
		    "drains nothing, so any limit fills, and each queued record "
		    "can hold %u bytes of kernel memory)", AUDIT_BUFFER_BYTES);
}

/* The queue is suffering: the backlog rises, sits at its limit, or
 * records or datagrams are being dropped. */
static bool daemon_queue_hurts(const struct kfigures *g)
{
	bool rising = g->backlog_slope > 0 && g->last.backlog > g->first.backlog;

	return rising || g->near_limit || g->lost_delta || g->drops_delta;
}

/* Alive but not taking records off its socket. */
static bool daemon_is_not_reading(const struct kfigures *g)
{
	bool idle = g->cpu_s <= 0 && !(g->have_drain && g->drain_rate > 0);

	return g->sock_found && g->rmem_min > 0 && (idle || g->disk_sleep) &&
	       daemon_queue_hurts(g);
}

static void daemon_not_reading(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	uint32_t pid = g->first.pid;
	struct finding *x;

	x = findings_add(&d->findings, "daemon-not-reading", SEV_PROBLEM,
			 "the audit daemon (pid %u, %s) is not reading: its netlink "
			 "receive queue held %llu-%llu bytes in every sample while it "
			 "%s", pid, daemon_kind_name(g->kind),
			 (unsigned long long)g->rmem_min,
			 (unsigned long long)g->rmem_max,
			 g->disk_sleep ? "waited on disk (state D)" : "used no CPU");
	daemon_evidence(x, d);
	finding_text(x, "state", "%c", daemon_last_state(d));
	finding_int(x, "rmem_min", (int64_t)g->rmem_min);
	finding_int(x, "rmem_max", (int64_t)g->rmem_max);
	finding_int(x, "drops_delta", (int64_t)g->drops_delta);
	finding_real(x, "cpu_s", g->cpu_s);
	daemon_backlog_evidence(x, g);
	finding_fix(x, "see what it waits on: cat /proc/%u/stack; cat /proc/%u/wchan",
		    pid, pid);
	if (d->conf)
		finding_fix(x, "check the disk under %s (df -h, and dmesg for I/O "
			    "errors)", d->conf->log_file);
	else
		finding_fix(x, "check the disk its log is on (df -h, and dmesg "
			    "for I/O errors)");
	finding_fix(x, "then restart it: systemctl restart auditd");
}

/* Reading, yet the backlog climbs clearly or sits near its limit. */
static bool daemon_is_too_slow(const struct kfigures *g)
{
	int64_t rise = (int64_t)g->last.backlog - (int64_t)g->first.backlog;
	int64_t clear = g->last.backlog_limit / 20 > 4 ?
			g->last.backlog_limit / 20 : 4;

	return (g->backlog_slope > 0 && rise >= clear) || g->near_limit;
}

static void daemon_slow_fix(const struct doctor *d, struct finding *x)
{
	const struct auditd_conf *c = d->conf;
	const char *conf = daemon_conf_path(d);

	if (d->fig.kind == DAEMON_REFERENCE)
		finding_fix(x, "switch to auditkit's auditd, or lower the reference's "
			    "flush cost:");
	if (!c || c->flush != CONF_FLUSH_INCREMENTAL_ASYNC)
		finding_fix(x, "in %s: flush = INCREMENTAL_ASYNC", conf);
	if (d->fig.kind == DAEMON_REFERENCE && (!c || c->freq < 100))
		finding_fix(x, "in %s: freq = 100", conf);
	if (!c || c->priority_boost < 8)
		finding_fix(x, "in %s: priority_boost = 8", conf);
	finding_fix(x, "and narrow the rules that make most events "
		    "(see noisy-rule)");
}

static void daemon_too_slow(struct doctor *d)
{
	const struct kfigures *g = &d->fig;
	struct finding *x;

	x = findings_add(&d->findings, "daemon-too-slow",
			 g->lost_delta ? SEV_PROBLEM : SEV_WARNING,
			 "the audit daemon (pid %u, %s) reads, but slower than "
			 "records arrive: backlog %u -> %u of %u (%+.1f records/s)%s",
			 g->first.pid, daemon_kind_name(g->kind), g->first.backlog,
			 g->last.backlog, g->last.backlog_limit, g->backlog_slope,
			 g->lost_delta ? ", and records are being lost" : "");
	daemon_evidence(x, d);
	if (g->have_drain) {
		finding_real(x, "drain_rate_per_s", g->drain_rate);
		finding_real(x, "arrival_rate_per_s", g->arrival_rate);
	}
	daemon_backlog_evidence(x, g);
	finding_real(x, "cpu_s", g->cpu_s);
	finding_real(x, "cpu_share", g->span_s > 0 ? g->cpu_s / g->span_s : 0);
	daemon_slow_fix(d, x);
}

void daemon_check(struct doctor *d)
{
	const struct kfigures *g = &d->fig;

	if (!d->have_samples || !d->samples.n)
		return;
	if (g->kind == DAEMON_NONE || !g->first.pid) {
		daemon_none(d);
		return;
	}
	if (g->kind == DAEMON_GONE ||
	    !d->samples.v[d->samples.n - 1].task.exists) {
		daemon_dead(d);
		return;
	}
	if (g->stopped_all || g->traced)
		daemon_stopped(d);
	else if (daemon_is_not_reading(g))
		daemon_not_reading(d);
	else if (daemon_is_too_slow(g))
		daemon_too_slow(d);
}
