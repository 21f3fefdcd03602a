/*
 * disk: will the audit log partition stop the logging, or the machine?
 *
 * From auditd.conf (already parsed by main, with auditd's own parser) and
 * one statvfs() of the log directory, three findings:
 *   disk-space-low: free space below space_left or admin_space_left, or
 *     the hours until each at the current write rate (under a day);
 *   disk-action-stops-machine: a SUSPEND, SINGLE or HALT action (space,
 *     admin space, disk full, disk error) that the free space has reached
 *     or that the write rate reaches within a week, one finding per key;
 *   log-retention-exceeds-disk: num_logs x max_log_file larger than the
 *     partition holds above admin_space_left, or logs that are never
 *     deleted (KEEP_LOGS, or ROTATE with num_logs below 2).
 *
 * Thresholds are computed as auditkit's auditd computes them (MiB, or a
 * percentage of the partition; "disk full" is less than SPACE_FULL_BYTES
 * free, and a full disk is also where a write fails, which is why
 * disk_error_action shares that threshold). The write rate is the log's
 * growth measured during --watch, else the bytes logged over the last
 * hour, else unknown; the evidence says which ("rate_source").
 *
 * disk_check() only gathers; disk_judge() and the arithmetic below take
 * numbers, so the unit tests need no partition. Nothing is printed.
 */
#include "disk.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/statvfs.h>

#include "space.h"

#define DISK_LOW "disk-space-low"
#define DISK_STOPS "disk-action-stops-machine"
#define DISK_RETENTION "log-retention-exceeds-disk"

/* ---- arithmetic ---- */

uint64_t disk_threshold_bytes(const struct conf_space *s, uint64_t size_bytes)
{
	if (s->percent)
		return size_bytes / 100 * s->value + size_bytes % 100 * s->value / 100;
	if (s->value > UINT64_MAX / DISK_MB)
		return UINT64_MAX;
	return s->value * DISK_MB;
}

double disk_hours_to(uint64_t free_bytes, uint64_t threshold_bytes, double rate)
{
	if (threshold_bytes == 0)
		return -1;
	if (free_bytes <= threshold_bytes)
		return 0;
	if (!(rate > 0))
		return -1;
	return (double)(free_bytes - threshold_bytes) / rate / 3600.0;
}

uint64_t disk_capacity_mb(uint64_t size_bytes, uint64_t admin_bytes)
{
	return size_bytes > admin_bytes ? (size_bytes - admin_bytes) / DISK_MB : 0;
}

unsigned disk_fit_num_logs(uint64_t capacity_mb, unsigned long max_log_file)
{
	uint64_t n;

	if (max_log_file == 0)
		return 0;
	n = capacity_mb / max_log_file;
	if (n < 2)
		return 0;
	return n > 999 ? 999 : (unsigned)n;	/* the parser's limit */
}

unsigned long disk_fit_max_log_file(uint64_t capacity_mb, unsigned num_logs)
{
	return (unsigned long)(capacity_mb / (num_logs ? num_logs : 1));
}

double disk_rate(const struct doctor *d, const char **ret_source)
{
	if (d->have_samples && d->fig.log_bytes_rate > 0) {
		*ret_source = "watch";
		return d->fig.log_bytes_rate;
	}
	if (d->scan && d->scan_last_hour && d->scan->bytes > 0) {
		*ret_source = "last hour";
		return (double)d->scan->bytes / 3600.0;
	}
	*ret_source = "none";
	return 0;
}

/* ---- helpers for the findings ---- */

static uint64_t disk_mb(uint64_t bytes)
{
	return bytes / DISK_MB;
}

/* Hours to one decimal, for evidence and summaries. */
static double disk_round(double h)
{
	return (double)(int64_t)(h * 10 + 0.5) / 10;
}

static bool disk_soon(double hours)
{
	return hours >= 0 && hours < DISK_SOON_HOURS;
}

/* "HALT", or "EXEC /path" for an exec action. */
static const char *disk_action(const struct conf_action *a, char *buf,
			       size_t len)
{
	if (a->kind != CONF_ACT_EXEC)
		return conf_action_name(a->kind);
	snprintf(buf, len, "EXEC %s", a->exe);
	return buf;
}

static void disk_rate_evidence(struct finding *x, const struct disk_figures *g)
{
	finding_real(x, "write_rate_bytes_per_s", g->rate > 0 ? g->rate : 0);
	finding_text(x, "rate_source", "%s", g->rate_source);
}

static void disk_move_fix(struct finding *x, const char *conf_path)
{
	finding_fix(x, "or move the logs to a larger partition: in %s: "
		    "log_file = <a directory there>/audit.log", conf_path);
}

/* ---- disk-space-low ---- */

static void disk_low_evidence(struct finding *x, const struct auditd_conf *c,
			      const struct disk_figures *g, uint64_t sl,
			      uint64_t asl)
{
	char b1[PATH_MAX + 8], b2[PATH_MAX + 8];
	double h_sl = disk_hours_to(g->free_bytes, sl, g->rate);
	double h_asl = disk_hours_to(g->free_bytes, asl, g->rate);

	finding_int(x, "free_mb", (int64_t)disk_mb(g->free_bytes));
	finding_int(x, "size_mb", (int64_t)disk_mb(g->size_bytes));
	finding_int(x, "space_left_mb", (int64_t)disk_mb(sl));
	finding_int(x, "admin_space_left_mb", (int64_t)disk_mb(asl));
	disk_rate_evidence(x, g);
	if (h_sl >= 0)
		finding_real(x, "hours_to_space_left", disk_round(h_sl));
	if (h_asl >= 0)
		finding_real(x, "hours_to_admin_space_left", disk_round(h_asl));
	finding_text(x, "space_left_action", "%s",
		     disk_action(&c->space_left_action, b1, sizeof(b1)));
	finding_text(x, "admin_space_left_action", "%s",
		     disk_action(&c->admin_space_left_action, b2, sizeof(b2)));
}

static void disk_low_fix(struct finding *x, const char *conf_path,
			 const struct disk_figures *g, uint64_t sl)
{
	if (g->free_bytes < sl)
		finding_fix(x, "free at least %" PRIu64 " MB on the partition "
			    "holding %s (above space_left)",
			    (sl - g->free_bytes + DISK_MB - 1) / DISK_MB, g->dir);
	else
		finding_fix(x, "free space on the partition holding %s", g->dir);
	disk_move_fix(x, conf_path);
}

/* The summary when neither threshold is reached: the sooner one. */
static struct finding *disk_low_soon(const struct disk_figures *g,
				     uint64_t sl, uint64_t asl,
				     struct findings *f)
{
	double h_sl = disk_hours_to(g->free_bytes, sl, g->rate);
	double h_asl = disk_hours_to(g->free_bytes, asl, g->rate);
	bool admin = disk_soon(h_asl) && (!disk_soon(h_sl) || h_asl < h_sl);

	if (!disk_soon(h_sl) && !disk_soon(h_asl))
		return NULL;
	return findings_add(f, DISK_LOW, SEV_WARNING,
			    "at %.0f bytes/s (%s) the log partition %s falls "
			    "below %s (%" PRIu64 " MB) in %.1f hours",
			    g->rate, g->rate_source, g->dir,
			    admin ? "admin_space_left" : "space_left",
			    disk_mb(admin ? asl : sl),
			    disk_round(admin ? h_asl : h_sl));
}

static void disk_low(const struct auditd_conf *c, const char *conf_path,
		     const struct disk_figures *g, struct findings *f)
{
	uint64_t sl = disk_threshold_bytes(&c->space_left, g->size_bytes);
	uint64_t asl = disk_threshold_bytes(&c->admin_space_left, g->size_bytes);
	uint64_t free_mb = disk_mb(g->free_bytes);
	char b[PATH_MAX + 8];
	struct finding *x;

	if (g->free_bytes < asl)
		x = findings_add(f, DISK_LOW, SEV_PROBLEM, "%" PRIu64 " MB free "
				 "on %s, below admin_space_left (%" PRIu64 " MB): "
				 "admin_space_left_action (%s) runs", free_mb,
				 g->dir, disk_mb(asl),
				 disk_action(&c->admin_space_left_action, b, sizeof(b)));
	else if (g->free_bytes < sl)
		x = findings_add(f, DISK_LOW, SEV_WARNING, "%" PRIu64 " MB free "
				 "on %s, below space_left (%" PRIu64 " MB): "
				 "space_left_action (%s) runs", free_mb, g->dir,
				 disk_mb(sl),
				 disk_action(&c->space_left_action, b, sizeof(b)));
	else
		x = disk_low_soon(g, sl, asl, f);
	if (!x)
		return;
	disk_low_evidence(x, c, g, sl, asl);
	disk_low_fix(x, conf_path, g, sl);
}

/* ---- disk-action-stops-machine ---- */

struct disk_stop {
	const char *key;		/* "space_left_action" */
	const struct conf_action *act;
	const char *level;		/* "space_left", "disk full" */
	uint64_t threshold;		/* bytes */
};

static bool disk_stops(enum conf_action_kind k)
{
	return k == CONF_ACT_SUSPEND || k == CONF_ACT_SINGLE || k == CONF_ACT_HALT;
}

static const char *disk_consequence(enum conf_action_kind k)
{
	if (k == CONF_ACT_SUSPEND)
		return "stops writing logs (the reference auditd then loses events)";
	if (k == CONF_ACT_SINGLE)
		return "takes the machine to single-user mode";
	return "halts the machine";
}

static struct finding *disk_stop_add(const struct disk_stop *s,
				     const struct disk_figures *g,
				     double hours, struct findings *f)
{
	const char *act = conf_action_name(s->act->kind);
	enum severity sev = hours < DISK_SOON_HOURS ? SEV_PROBLEM : SEV_WARNING;

	if (hours == 0 && g->free_bytes < s->threshold)
		return findings_add(f, DISK_STOPS, sev, "%s = %s, and the log "
				    "partition %s (%" PRIu64 " MB free) is below "
				    "%s: auditd %s", s->key, act, g->dir,
				    disk_mb(g->free_bytes), s->level,
				    disk_consequence(s->act->kind));
	return findings_add(f, DISK_STOPS, sev, "%s = %s: at %.0f bytes/s (%s) "
			    "the log partition %s reaches %s in %.1f hours, "
			    "and auditd then %s", s->key, act, g->rate,
			    g->rate_source, g->dir, s->level, disk_round(hours),
			    disk_consequence(s->act->kind));
}

static void disk_stop_fix(struct finding *x, const struct disk_stop *s,
			  const char *conf_path)
{
	bool error = strcmp(s->key, "disk_error_action") == 0;

	finding_fix(x, "in %s: %s = %s", conf_path, s->key,
		    error ? "SYSLOG" : "ROTATE");
	if (error)
		finding_fix(x, "(SYSLOG reports the failed write and keeps the "
			    "machine and the daemon running)");
	else
		finding_fix(x, "(ROTATE deletes the oldest logs to make room "
			    "and keeps logging)");
	if (s->act->kind == CONF_ACT_SUSPEND)
		finding_fix(x, "(to keep SUSPEND: auditkit's auditd spills "
			    "events instead of losing them while suspended, "
			    "see spill_dir and spill_memory in auditd.conf(5))");
}

static void disk_stop_one(const struct disk_stop *s, const char *conf_path,
			  const struct disk_figures *g, struct findings *f)
{
	double hours;
	struct finding *x;

	if (!disk_stops(s->act->kind) || s->threshold == 0)
		return;
	hours = disk_hours_to(g->free_bytes, s->threshold, g->rate);
	if (hours < 0 || hours > DISK_WEEK_HOURS)
		return;
	x = disk_stop_add(s, g, hours, f);
	finding_text(x, "key", "%s", s->key);
	finding_text(x, "action", "%s", conf_action_name(s->act->kind));
	finding_text(x, "threshold", "%s", s->level);
	finding_int(x, "threshold_mb", (int64_t)disk_mb(s->threshold));
	finding_int(x, "free_mb", (int64_t)disk_mb(g->free_bytes));
	finding_real(x, "hours_to_threshold", disk_round(hours));
	disk_rate_evidence(x, g);
	disk_stop_fix(x, s, conf_path);
}

static void disk_stops_machine(const struct auditd_conf *c,
			       const char *conf_path,
			       const struct disk_figures *g, struct findings *f)
{
	const struct disk_stop stops[] = {
		{ "space_left_action", &c->space_left_action, "space_left",
		  disk_threshold_bytes(&c->space_left, g->size_bytes) },
		{ "admin_space_left_action", &c->admin_space_left_action,
		  "admin_space_left",
		  disk_threshold_bytes(&c->admin_space_left, g->size_bytes) },
		{ "disk_full_action", &c->disk_full_action, "disk full",
		  SPACE_FULL_BYTES },
		{ "disk_error_action", &c->disk_error_action,
		  "disk full (writes fail)", SPACE_FULL_BYTES },
	};

	for (size_t i = 0; i < sizeof(stops) / sizeof(stops[0]); i++)
		disk_stop_one(&stops[i], conf_path, g, f);
}

/* ---- log-retention-exceeds-disk ---- */

/* num_logs N that fits, or max_log_file M for the current (at least 2)
 * files; with neither, moving is the fix. */
static void disk_retention_fix(struct finding *x, const struct auditd_conf *c,
			       const char *conf_path, uint64_t capacity_mb,
			       bool say_rotate)
{
	unsigned n = disk_fit_num_logs(capacity_mb, c->max_log_file);
	unsigned keep = c->num_logs < 2 ? 2 : c->num_logs;
	unsigned long m = disk_fit_max_log_file(capacity_mb, keep);

	if (say_rotate)
		finding_fix(x, "in %s: max_log_file_action = ROTATE", conf_path);
	if (n)
		finding_fix(x, "in %s: num_logs = %u", conf_path, n);
	if (m && keep != c->num_logs)
		finding_fix(x, "%sin %s: num_logs = %u and max_log_file = %lu",
			    n ? "or " : "", conf_path, keep, m);
	else if (m)
		finding_fix(x, "%sin %s: max_log_file = %lu (keeping num_logs = %u)",
			    n ? "or " : "", conf_path, m, keep);
	if (!n && !m)
		disk_move_fix(x, conf_path);
}

static void disk_retention_evidence(struct finding *x,
				    const struct auditd_conf *c,
				    const struct disk_figures *g,
				    uint64_t capacity_mb)
{
	finding_text(x, "max_log_file_action", "%s",
		     conf_action_name(c->max_log_file_action.kind));
	finding_int(x, "num_logs", c->num_logs);
	finding_int(x, "max_log_file_mb", (int64_t)c->max_log_file);
	if (c->max_log_file_action.kind == CONF_ACT_ROTATE && c->num_logs >= 2)
		finding_int(x, "retention_mb",
			    (int64_t)c->num_logs * (int64_t)c->max_log_file);
	finding_int(x, "size_mb", (int64_t)disk_mb(g->size_bytes));
	finding_int(x, "capacity_mb", (int64_t)capacity_mb);
	finding_int(x, "free_mb", (int64_t)disk_mb(g->free_bytes));
}

/* Logs that are never deleted: KEEP_LOGS, or ROTATE that cannot rotate. */
static struct finding *disk_unbounded(const struct auditd_conf *c,
				      const struct disk_figures *g,
				      struct findings *f)
{
	if (c->max_log_file_action.kind == CONF_ACT_KEEP_LOGS)
		return findings_add(f, DISK_RETENTION, SEV_WARNING,
				    "max_log_file_action = KEEP_LOGS never "
				    "deletes a log: the logs grow until they fill "
				    "%s (%" PRIu64 " MB free)", g->dir,
				    disk_mb(g->free_bytes));
	return findings_add(f, DISK_RETENTION, SEV_WARNING,
			    "max_log_file_action = ROTATE with num_logs = %u "
			    "does not rotate: the log grows until it fills %s "
			    "(%" PRIu64 " MB free)", c->num_logs, g->dir,
			    disk_mb(g->free_bytes));
}

static void disk_retention(const struct auditd_conf *c, const char *conf_path,
			   const struct disk_figures *g, struct findings *f)
{
	enum conf_action_kind k = c->max_log_file_action.kind;
	uint64_t asl = disk_threshold_bytes(&c->admin_space_left, g->size_bytes);
	uint64_t cap = disk_capacity_mb(g->size_bytes, asl);
	uint64_t retention = (uint64_t)c->num_logs * c->max_log_file;
	struct finding *x;

	if (k == CONF_ACT_KEEP_LOGS ||
	    (k == CONF_ACT_ROTATE && c->num_logs < 2 && c->max_log_file > 0))
		x = disk_unbounded(c, g, f);
	else if (k == CONF_ACT_ROTATE && c->max_log_file > 0 && retention > cap)
		x = findings_add(f, DISK_RETENTION, SEV_PROBLEM, "num_logs %u x "
				 "max_log_file %lu MB = %" PRIu64 " MB of logs, "
				 "more than the %" PRIu64 " MB the log partition "
				 "%s holds above admin_space_left", c->num_logs,
				 c->max_log_file, retention, cap, g->dir);
	else
		return;
	disk_retention_evidence(x, c, g, cap);
	disk_retention_fix(x, c, conf_path, cap, k == CONF_ACT_KEEP_LOGS);
}

/* ---- the check ---- */

void disk_judge(const struct auditd_conf *c, const char *conf_path,
		const struct disk_figures *g, struct findings *f)
{
	disk_low(c, conf_path, g, f);
	disk_stops_machine(c, conf_path, g, f);
	disk_retention(c, conf_path, g, f);
}

/* The directory of path ("/" for "/x", "." for "x"). */
static void disk_dir(const char *path, char *buf, size_t len)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 0;

	if (!slash)
		snprintf(buf, len, ".");
	else if (n == 0)
		snprintf(buf, len, "/");
	else
		snprintf(buf, len, "%.*s", (int)n, path);
}

void disk_check(struct doctor *d)
{
	struct disk_figures g;
	struct statvfs v;
	char dir[PATH_MAX];

	if (!d->conf) {
		findings_skip(&d->findings, "disk", "%s", d->conf_err);
		return;
	}
	if (!d->conf->write_logs)
		return;		/* write_logs = no: no partition to fill */
	disk_dir(d->conf->log_file, dir, sizeof(dir));
	if (statvfs(dir, &v) < 0) {
		findings_skip(&d->findings, "disk", "%s: %s", dir, strerror(errno));
		return;
	}
	g.dir = dir;
	g.free_bytes = (uint64_t)v.f_bavail * v.f_frsize;
	g.size_bytes = (uint64_t)v.f_blocks * v.f_frsize;
	g.rate = disk_rate(d, &g.rate_source);
	disk_judge(d->conf, d->conf_path, &g, &d->findings);
}
