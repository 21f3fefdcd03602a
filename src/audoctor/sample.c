/*
 * sample: the kernel's audit queue and its daemon over the watch period
 * (see sample.h).
 *
 * sample_run() takes one sample at once, then one every interval_ms until
 * watch_ms have passed (always at least two: with --watch 0 they are back
 * to back). Each sample is AUDIT_GET, then /proc for the pid the kernel
 * named in that sample, then the daemon's log. The log is followed as a
 * tail: only the bytes appended since the previous sample are read, and
 * their newlines counted (one audit record per line). A log that shrinks
 * or is replaced by another file (rotation) cannot be followed, so from
 * that sample on its size is unknown and no drain rate is claimed.
 *
 * ksamples_figures() is pure arithmetic over the samples; the backlog's
 * trend is the least-squares slope, so one sample caught mid-burst does
 * not decide it.
 */
#include "sample.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "procfs.h"
#include "status.h"

/* The log being followed: where the last read stopped. */
struct sample_log {
	int fd;			/* -1: not followed (or no longer) */
	dev_t dev;
	ino_t ino;
	uint64_t offset;	/* bytes counted so far */
	uint64_t records;	/* newlines since sample 0 */
};

static uint64_t sample_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static void sample_sleep_ms(uint64_t ms)
{
	struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000 };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void sample_log_open(struct sample_log *l, const char *path)
{
	struct stat st;

	memset(l, 0, sizeof(*l));
	l->fd = path ? open(path, O_RDONLY | O_CLOEXEC) : -1;
	if (l->fd < 0)
		return;
	if (fstat(l->fd, &st) != 0) {
		close(l->fd);
		l->fd = -1;
		return;
	}
	l->dev = st.st_dev;
	l->ino = st.st_ino;
	l->offset = (uint64_t)st.st_size;
}

static void sample_log_close(struct sample_log *l)
{
	if (l->fd >= 0)
		close(l->fd);
	l->fd = -1;
}

/* Count the newlines in [l->offset, size). */
static int sample_log_count(struct sample_log *l, uint64_t size)
{
	char buf[65536];

	while (l->offset < size) {
		size_t want = size - l->offset < sizeof(buf) ?
			(size_t)(size - l->offset) : sizeof(buf);
		ssize_t r = pread(l->fd, buf, want, (off_t)l->offset);

		if (r <= 0)
			return -1;
		for (ssize_t i = 0; i < r; i++)
			l->records += buf[i] == '\n';
		l->offset += (uint64_t)r;
	}
	return 0;
}

/* The log's size now (-1 once it cannot be followed) and the records. */
static void sample_log_take(struct sample_log *l, const char *path,
			    struct ksample *k)
{
	struct stat st;

	k->log_size = -1;
	k->log_records = l->records;
	if (l->fd < 0)
		return;
	if (stat(path, &st) != 0 || st.st_dev != l->dev || st.st_ino != l->ino ||
	    (uint64_t)st.st_size < l->offset ||
	    sample_log_count(l, (uint64_t)st.st_size) < 0) {
		sample_log_close(l);
		return;
	}
	k->log_size = (int64_t)st.st_size;
	k->log_records = l->records;
}

/* One sample: the kernel, then /proc for the pid it names, then the log. */
static int sample_take(struct netlink *nl, const char *proc_root,
		       struct sample_log *l, const char *log_path,
		       struct ksample *k, size_t *ret_len)
{
	int err;

	memset(k, 0, sizeof(*k));
	k->t_ms = sample_now_ms();
	err = status_get(nl, &k->st, ret_len);
	if (err < 0)
		return err;
	if (k->st.pid) {
		procfs_read_sock(proc_root, k->st.pid, &k->sock);
		procfs_read_task(proc_root, (pid_t)k->st.pid, &k->task);
	}
	sample_log_take(l, log_path, k);
	return 0;
}

static struct ksample *sample_slot(struct ksamples *s, size_t *cap)
{
	if (s->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		s->v = realloc(s->v, *cap * sizeof(*s->v));
		if (!s->v)
			abort();
	}
	return &s->v[s->n];
}

/* Milliseconds to sleep before the next sample; -1 when done. */
static int64_t sample_wait(const struct ksamples *s, uint64_t deadline,
			   unsigned interval_ms)
{
	uint64_t now = sample_now_ms();

	if (now >= deadline)
		return s->n < 2 ? 0 : -1;
	return (int64_t)(deadline - now < interval_ms ? deadline - now :
			 interval_ms);
}

int sample_run(struct netlink *nl, unsigned watch_ms, unsigned interval_ms,
	       const char *log_path, const char *proc_root,
	       struct ksamples *ret)
{
	struct sample_log log;
	size_t cap = 0;
	uint64_t deadline;
	int64_t wait;
	int err;

	memset(ret, 0, sizeof(*ret));
	ret->ticks_per_s = sysconf(_SC_CLK_TCK);
	if (ret->ticks_per_s <= 0)
		ret->ticks_per_s = 100;
	procfs_read_meminfo(proc_root, &ret->mem_total);
	sample_log_open(&log, log_path);
	if (interval_ms == 0)
		interval_ms = 1;
	err = sample_take(nl, proc_root, &log, log_path,
			  sample_slot(ret, &cap), &ret->status_len);
	if (err < 0) {
		sample_log_close(&log);
		ksamples_free(ret);
		return err;
	}
	ret->n = 1;
	ret->kind = procfs_daemon_kind(proc_root, (pid_t)ret->v[0].st.pid,
				       ret->exe, sizeof(ret->exe));
	deadline = ret->v[0].t_ms + watch_ms;
	while ((wait = sample_wait(ret, deadline, interval_ms)) >= 0) {
		sample_sleep_ms((uint64_t)wait);
		if (sample_take(nl, proc_root, &log, log_path,
				sample_slot(ret, &cap), NULL) < 0)
			break;
		ret->n++;
	}
	sample_log_close(&log);
	return 0;
}

const char *daemon_kind_name(enum daemon_kind k)
{
	static const char *const names[] = {
		[DAEMON_NONE] = "none", [DAEMON_GONE] = "gone",
		[DAEMON_AUDITKIT] = "auditkit", [DAEMON_REFERENCE] = "reference",
		[DAEMON_OTHER] = "other", [DAEMON_UNKNOWN] = "unknown",
	};

	return (unsigned)k < sizeof(names) / sizeof(*names) ? names[k] : "unknown";
}

void ksamples_free(struct ksamples *s)
{
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* Least squares slope of backlog over time, records per second. */
static double sample_slope(const struct ksamples *s)
{
	double mt = 0, mb = 0, sxy = 0, sxx = 0;

	for (size_t i = 0; i < s->n; i++) {
		mt += (double)(s->v[i].t_ms - s->v[0].t_ms) / 1000.0;
		mb += s->v[i].st.backlog;
	}
	mt /= (double)s->n;
	mb /= (double)s->n;
	for (size_t i = 0; i < s->n; i++) {
		double dt = (double)(s->v[i].t_ms - s->v[0].t_ms) / 1000.0 - mt;

		sxy += dt * ((double)s->v[i].st.backlog - mb);
		sxx += dt * dt;
	}
	return sxx > 0 ? sxy / sxx : 0;
}

static void sample_figures_queue(const struct ksamples *s, struct kfigures *g)
{
	g->first = s->v[0].st;
	g->last = s->v[s->n - 1].st;
	g->span_s = (double)(s->v[s->n - 1].t_ms - s->v[0].t_ms) / 1000.0;
	g->backlog_min = g->backlog_max = g->first.backlog;
	for (size_t i = 1; i < s->n; i++) {
		uint32_t b = s->v[i].st.backlog;

		g->backlog_min = b < g->backlog_min ? b : g->backlog_min;
		g->backlog_max = b > g->backlog_max ? b : g->backlog_max;
	}
	g->backlog_slope = sample_slope(s);
	g->lost_delta = g->last.lost - g->first.lost;
	g->lost_rate = g->span_s > 0 ? g->lost_delta / g->span_s : 0;
	g->wait_actual_delta = g->last.backlog_wait_time_actual -
			       g->first.backlog_wait_time_actual;
	g->near_limit = g->last.backlog_limit &&
		(uint64_t)g->backlog_max * 5 >= (uint64_t)g->last.backlog_limit * 4;
}

/* The daemon's state, socket and CPU over the samples. */
static void sample_figures_daemon(const struct ksamples *s, struct kfigures *g)
{
	const struct ksample *a = &s->v[0], *z = &s->v[s->n - 1];
	size_t stopped = 0, dsleep = 0, socks = 0;

	g->rmem_min = UINT64_MAX;
	for (size_t i = 0; i < s->n; i++) {
		const struct ksample *k = &s->v[i];

		stopped += k->task.exists &&
			   (k->task.state == 'T' || k->task.state == 't');
		dsleep += k->task.exists && k->task.state == 'D';
		g->traced |= k->task.exists && k->task.tracer_pid != 0;
		if (!k->sock.found)
			continue;
		socks++;
		g->rmem_min = k->sock.rmem < g->rmem_min ? k->sock.rmem : g->rmem_min;
		g->rmem_max = k->sock.rmem > g->rmem_max ? k->sock.rmem : g->rmem_max;
	}
	if (!socks)
		g->rmem_min = 0;
	g->stopped_all = stopped == s->n;
	g->disk_sleep = dsleep * 2 > s->n;
	g->sock_found = socks == s->n;
	if (a->task.exists && z->task.exists && z->task.cpu_ticks > a->task.cpu_ticks)
		g->cpu_s = (double)(z->task.cpu_ticks - a->task.cpu_ticks) /
			   (double)s->ticks_per_s;
	if (a->sock.found && z->sock.found && z->sock.drops > a->sock.drops)
		g->drops_delta = z->sock.drops - a->sock.drops;
}

/* Drain and arrivals, from the daemon's log. */
static void sample_figures_drain(const struct ksamples *s, struct kfigures *g)
{
	const struct ksample *a = &s->v[0], *z = &s->v[s->n - 1];
	bool alive = s->kind != DAEMON_NONE && s->kind != DAEMON_GONE &&
		     z->task.exists;

	g->log_bytes_rate = -1;
	if (a->log_size < 0 || z->log_size < 0 || g->span_s <= 0)
		return;
	g->log_bytes_rate = (double)(z->log_size - a->log_size) / g->span_s;
	if (!alive)
		return;
	g->have_drain = true;
	g->drain_rate = (double)z->log_records / g->span_s;
	g->arrival_rate = g->drain_rate + g->lost_rate +
			  (g->backlog_slope > 0 ? g->backlog_slope : 0);
}

void ksamples_figures(const struct ksamples *s, struct kfigures *ret)
{
	memset(ret, 0, sizeof(*ret));
	ret->n = s->n;
	ret->kind = s->kind;
	ret->log_bytes_rate = -1;
	if (!s->n)
		return;
	sample_figures_queue(s, ret);
	sample_figures_daemon(s, ret);
	sample_figures_drain(s, ret);
}
