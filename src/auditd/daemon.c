/*
 * daemon: see daemon.h. The main thread owns a second netlink socket, the
 * control socket, for everything that is a request (AUDIT_GET for the
 * loss ledger, enabling, unregistering, AUDIT_SIGNAL_INFO), so the
 * reader's socket carries nothing but records.
 */
#include "daemon.h"

#include <errno.h>
#include <malloc.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <sys/resource.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include "action.h"
#include "conf.h"
#include "ingest.h"
#include "ledger.h"
#include "netlink.h"
#include "queue.h"
#include "records.h"
#include "status.h"
#include "writer.h"

/* The internal queue holds at least this many records whatever q_depth
 * says: q_depth sizes the reference's plugin queue, where 2000 is
 * plenty, but here it stands between the kernel and the disk. */
#define DAEMON_QUEUE_MIN_RECORDS (1024 * 1024)

struct daemon {
	const struct daemon_opts *opts;
	char conf_path[PATH_MAX + 16];
	struct auditd_conf conf;
	struct ledger ledger;
	struct queue *q;
	struct writer *w;
	struct ingest *in;
	struct netlink *ctl;
	int sigfd, timerfd;
	bool registered, enabled_by_us;
	uint32_t lost_base;
	time_t last_metrics, last_report;
	int ready_fd;
};

static void daemon_say(struct daemon *d, int prio, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Before start-up completes, errors go to stderr as well as syslog. */
static void daemon_say(struct daemon *d, int prio, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	syslog(prio, "%s", msg);
	if (prio <= LOG_WARNING || d->opts->foreground)
		fprintf(stderr, "%s\n", msg);
}

static void daemon_ready(struct daemon *d, int code)
{
	unsigned char c = (unsigned char)code;

	if (d->ready_fd < 0)
		return;
	if (write(d->ready_fd, &c, 1) != 1) {
		/* the parent is gone: nothing to tell */
	}
	close(d->ready_fd);
	d->ready_fd = -1;
}

static int daemon_load_conf(struct daemon *d, struct auditd_conf *ret)
{
	char err[1024];
	unsigned flags = CONF_CHECK_OWNER;

	if (d->opts->follow_symlinks)
		flags |= CONF_ALLOW_SYMLINK;
	if (conf_load(d->conf_path, flags, ret, err, sizeof(err)) == 0) {
		unsigned i;

		for (i = 0; i < ret->warnings.count; i++)
			daemon_say(d, LOG_WARNING, "%s", ret->warnings.text[i]);
		if (ret->warnings.dropped)
			daemon_say(d, LOG_WARNING, "%s: %u more warnings",
				   d->conf_path, ret->warnings.dropped);
		return 0;
	}
	daemon_say(d, LOG_ERR, "%s", err);
	return -1;
}

static uint64_t daemon_queue_records(const struct auditd_conf *c)
{
	return c->q_depth > DAEMON_QUEUE_MIN_RECORDS ? c->q_depth
						     : DAEMON_QUEUE_MIN_RECORDS;
}

static void daemon_signal_set(sigset_t *set)
{
	sigemptyset(set);
	sigaddset(set, SIGHUP);
	sigaddset(set, SIGUSR1);
	sigaddset(set, SIGUSR2);
	sigaddset(set, SIGTERM);
	sigaddset(set, SIGINT);
	sigaddset(set, SIGCONT);
	sigaddset(set, SIGCHLD);
}

/* First thing: every thread (the flusher starts with the log) inherits
 * the mask, so signals reach only the signalfd. */
static int daemon_block_signals(void)
{
	sigset_t set;

	daemon_signal_set(&set);
	signal(SIGPIPE, SIG_IGN);
	return pthread_sigmask(SIG_BLOCK, &set, NULL) == 0 ? 0 : -1;
}

static int daemon_signals(struct daemon *d)
{
	sigset_t set;
	struct itimerspec tick = { { 1, 0 }, { 1, 0 } };

	daemon_signal_set(&set);
	d->sigfd = signalfd(-1, &set, SFD_CLOEXEC | SFD_NONBLOCK);
	d->timerfd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC | TFD_NONBLOCK);
	if (d->sigfd < 0 || d->timerfd < 0 ||
	    timerfd_settime(d->timerfd, 0, &tick, NULL) != 0)
		return -1;
	return 0;
}

static int daemon_push_record(struct daemon *d, uint16_t type,
			      const char *payload, size_t len)
{
	struct queue_block *b = queue_block_get(d->q);

	if (!b)
		return -ENOMEM;
	queue_block_add(b, type, payload, len);
	if (queue_push(d->q, b) != 0) {
		queue_block_put(d->q, b);
		return -ENOBUFS;
	}
	return 0;
}

/* The queue and the writer, with DAEMON_START first in the queue. The log
 * is opened only once registration succeeded, so a second instance that
 * is refused never touches the first one's log. */
static int daemon_open_stages(struct daemon *d)
{
	char rec[512];
	size_t n;
	int e;

	e = queue_new(daemon_queue_records(&d->conf), d->conf.q_depth_bytes, &d->q);
	if (!e)
		e = writer_new(&d->conf, d->q, &d->ledger, &d->w);
	if (e) {
		daemon_say(d, LOG_ERR, "Cannot start: %s", strerror(-e));
		return -1;
	}
	if (d->opts->foreground)
		writer_to_stderr(d->w);
	n = records_start(rec, sizeof(rec),
			  d->conf.log_format == CONF_FORMAT_ENRICHED ? "enriched" : "raw");
	daemon_push_record(d, RECORDS_DAEMON_START, rec, n);
	return 0;
}

static int daemon_open_log(struct daemon *d)
{
	char err[1024];

	if (writer_open(d->w, err, sizeof(err)) != 0) {
		daemon_say(d, LOG_ERR, "%s", err);
		return -1;
	}
	if (writer_start(d->w) != 0) {
		daemon_say(d, LOG_ERR, "Cannot start the writer thread");
		return -1;
	}
	return 0;
}

static int daemon_open_kernel(struct daemon *d)
{
	int e = netlink_open(&d->ctl);

	if (!e)
		e = ingest_open(d->q, &d->ledger, &d->in);
	if (e) {
		daemon_say(d, LOG_ERR, "Cannot open the audit netlink socket: %s",
			   netlink_strerror(e));
		return -1;
	}
	ingest_set_overflow(d->in, d->conf.overflow_action.kind == CONF_ACT_IGNORE
				   ? INGEST_OVERFLOW_DROP : INGEST_OVERFLOW_SYSLOG);
	return 0;
}

static int daemon_register(struct daemon *d)
{
	struct audit_status s;
	int e = ingest_register(d->in, 5000);

	if (e == -EEXIST) {
		memset(&s, 0, sizeof(s));
		status_get(d->ctl, &s, NULL);
		daemon_say(d, LOG_ERR, "Cannot start: another audit daemon is "
			   "running (pid %u)", s.pid);
		return -1;
	}
	if (e) {
		daemon_say(d, LOG_ERR, "Cannot register as the audit daemon: %s",
			   netlink_strerror(e));
		return -1;
	}
	d->registered = true;
	if (status_get(d->ctl, &s, NULL) == 0)
		d->lost_base = s.lost;
	return 0;
}

static void daemon_set_enabled(struct daemon *d)
{
	struct audit_status s;
	uint32_t want = d->opts->enable == DAEMON_ENABLE ? 1 : 0;

	if (d->opts->enable == DAEMON_NOCHANGE ||
	    status_get(d->ctl, &s, NULL) != 0 || s.enabled == 2 ||
	    s.enabled == want)
		return;
	if (status_set_enabled(d->ctl, want) == 0)
		d->enabled_by_us = want == 1;
}

static int daemon_start(struct daemon *d)
{
	if (daemon_open_stages(d) != 0 || daemon_open_kernel(d) != 0)
		return AUDITD_EXIT_INIT;
	if (daemon_signals(d) != 0) {
		daemon_say(d, LOG_ERR, "Cannot set up signals: %s", strerror(errno));
		return AUDITD_EXIT_INIT;
	}
	if (ingest_start(d->in) != 0) {
		daemon_say(d, LOG_ERR, "Cannot start the reader thread");
		return AUDITD_EXIT_INIT;
	}
	if (daemon_register(d) != 0 || daemon_open_log(d) != 0)
		return AUDITD_EXIT_INIT;
	daemon_set_enabled(d);
	if (d->conf.priority_boost &&
	    setpriority(PRIO_PROCESS, 0, -(int)d->conf.priority_boost) != 0)
		daemon_say(d, LOG_NOTICE, "Cannot raise priority: %s",
			   strerror(errno));
	return AUDITD_EXIT_OK;
}

/* The one way down: unregister first so the kernel stops sending, read
 * what is left in the socket, then let the writer finish the log. */
static void daemon_teardown(struct daemon *d)
{
	if (d->registered) {
		status_set_pid(d->ctl, 0);
		if (d->enabled_by_us)
			status_set_enabled(d->ctl, 0);
		d->registered = false;
	}
	if (d->in)
		ingest_stop(d->in);
	if (d->w) {
		queue_request(d->q, QUEUE_REQ_STOP);
		writer_join(d->w);
	}
	ingest_free(d->in);
	writer_free(d->w);
	queue_free(d->q);
	if (d->ctl)
		netlink_close(d->ctl);
	if (d->sigfd >= 0)
		close(d->sigfd);
	if (d->timerfd >= 0)
		close(d->timerfd);
}

static uint32_t daemon_proc_u32(pid_t pid, const char *what)
{
	char path[64];
	unsigned long v = (unsigned long)(uint32_t)-1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/%s", (int)pid, what);
	f = fopen(path, "re");
	if (f) {
		if (fscanf(f, "%lu", &v) != 1)
			v = (unsigned long)(uint32_t)-1;
		fclose(f);
	}
	return (uint32_t)v;
}

/* Who sent si: the kernel's AUDIT_SIGNAL_INFO (login uid, context) and
 * the signal's own pid and uid. */
static void daemon_sender(struct daemon *d, const struct signalfd_siginfo *si,
			  struct records_sender *ret)
{
	struct status_signal_info info;

	memset(ret, 0, sizeof(*ret));
	ret->pid = (pid_t)si->ssi_pid;
	ret->uid = si->ssi_uid;
	ret->auid = daemon_proc_u32(ret->pid, "loginuid");
	ret->ses = daemon_proc_u32(ret->pid, "sessionid");
	if (status_signal_info(d->ctl, &info) == 0) {
		ret->auid = info.uid;
		snprintf(ret->subj, sizeof(ret->subj), "%s", info.ctx);
	}
}

static void daemon_reload(struct daemon *d, const struct records_sender *s)
{
	struct auditd_conf *next = malloc(sizeof(*next));
	char rec[512];
	size_t n;

	if (!next || daemon_load_conf(d, next) != 0) {
		daemon_say(d, LOG_ERR, "Reconfiguration refused; the current "
			   "configuration stays");
		n = records_config(rec, sizeof(rec), s, 0);
		daemon_push_record(d, RECORDS_DAEMON_CONFIG, rec, n);
		free(next);
		return;
	}
	d->conf = *next;
	queue_set_bounds(d->q, daemon_queue_records(next), next->q_depth_bytes);
	ingest_set_overflow(d->in, next->overflow_action.kind == CONF_ACT_IGNORE
				   ? INGEST_OVERFLOW_DROP : INGEST_OVERFLOW_SYSLOG);
	writer_post_conf(d->w, next);
	free(next);
	queue_request(d->q, QUEUE_REQ_RECONFIGURE);
}

static void daemon_report(struct daemon *d)
{
	int e;

	if (!d->conf.state_file[0])
		return;
	e = ledger_write_file(&d->ledger, d->conf.state_file, ledger_report);
	if (e)
		daemon_say(d, LOG_WARNING, "Cannot write %s: %s",
			   d->conf.state_file, strerror(-e));
}

/* Children of actions (exec, email, single, halt): say how they ended
 * when it was not well. */
static void daemon_reap(void)
{
	struct action_exit x;

	while (action_reap(&x) == 1) {
		if (WIFEXITED(x.status) && WEXITSTATUS(x.status) == 0)
			continue;
		syslog(LOG_WARNING, "Action process %d ended with %s %d", (int)x.pid,
		       WIFEXITED(x.status) ? "status" : "signal",
		       WIFEXITED(x.status) ? WEXITSTATUS(x.status) : WTERMSIG(x.status));
	}
}

/* One signal; returns false to stop. */
static bool daemon_signal(struct daemon *d, const struct signalfd_siginfo *si)
{
	struct records_sender s;

	switch (si->ssi_signo) {
	case SIGTERM:
	case SIGINT:
		daemon_sender(d, si, &s);
		writer_post_sender(d->w, &s);
		return false;
	case SIGHUP:
		daemon_sender(d, si, &s);
		writer_post_sender(d->w, &s);
		daemon_reload(d, &s);
		break;
	case SIGUSR1:
		daemon_sender(d, si, &s);
		writer_post_sender(d->w, &s);
		queue_request(d->q, QUEUE_REQ_ROTATE);
		break;
	case SIGUSR2:
		daemon_sender(d, si, &s);
		writer_post_sender(d->w, &s);
		queue_request(d->q, QUEUE_REQ_RESUME);
		break;
	case SIGCONT:
		daemon_report(d);
		break;
	case SIGCHLD:
		daemon_reap();
		break;
	}
	return true;
}

/* Once a second: the kernel's counters into the ledger, the registration
 * still ours, the metrics and periodic report files. */
static void daemon_tick(struct daemon *d)
{
	struct audit_status s;
	time_t now = time(NULL);

	if (status_get(d->ctl, &s, NULL) == 0) {
		if (s.lost < d->lost_base)	/* someone reset it */
			d->lost_base = 0;
		ledger_set(d->ledger.kernel_lost, s.lost - d->lost_base);
		ledger_set(d->ledger.kernel_backlog, s.backlog);
		ledger_set(d->ledger.kernel_backlog_limit, s.backlog_limit);
		ledger_set(d->ledger.kernel_wait_actual, s.backlog_wait_time_actual);
		if (s.pid != (uint32_t)getpid() && d->registered) {
			daemon_say(d, LOG_WARNING, "No longer the registered "
				   "audit daemon (pid %u is); registering again", s.pid);
			if (ingest_register(d->in, 2000) != 0)
				daemon_say(d, LOG_ERR, "Registering again failed");
		}
	}
	if (d->conf.metrics_file[0] &&
	    now - d->last_metrics >= (time_t)d->conf.metrics_interval) {
		d->last_metrics = now;
		ledger_write_file(&d->ledger, d->conf.metrics_file, ledger_metrics);
	}
	if (d->conf.report_interval &&
	    now - d->last_report >= (time_t)d->conf.report_interval) {
		d->last_report = now;
		daemon_report(d);
	}
}

static void daemon_loop(struct daemon *d)
{
	struct pollfd p[2] = { { d->sigfd, POLLIN, 0 }, { d->timerfd, POLLIN, 0 } };

	for (;;) {
		struct signalfd_siginfo si;
		uint64_t ticks;

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			return;
		while (read(d->sigfd, &si, sizeof(si)) == sizeof(si))
			if (!daemon_signal(d, &si))
				return;
		if (read(d->timerfd, &ticks, sizeof(ticks)) == sizeof(ticks))
			daemon_tick(d);
	}
}

int daemon_run(const struct daemon_opts *o, int ready_fd)
{
	struct daemon d = { .opts = o, .sigfd = -1, .timerfd = -1,
			    .ready_fd = ready_fd };
	int code;

	d.ledger.started = time(NULL);
	/* Queue blocks (256 KiB) come and go at ingest speed: keep them on
	 * the heap instead of an mmap/munmap and 64 page faults each. */
	mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
	if (daemon_block_signals() != 0)
		return AUDITD_EXIT_INIT;
	snprintf(d.conf_path, sizeof(d.conf_path), "%s/auditd.conf",
		 o->config_dir);
	if (access(d.conf_path, F_OK) != 0) {
		daemon_say(&d, LOG_ERR, "Cannot open %s: %s", d.conf_path,
			   strerror(errno));
		daemon_ready(&d, AUDITD_EXIT_INIT);
		return AUDITD_EXIT_INIT;
	}
	if (daemon_load_conf(&d, &d.conf) != 0) {
		daemon_ready(&d, AUDITD_EXIT_CONFIG);
		return AUDITD_EXIT_CONFIG;
	}
	code = daemon_start(&d);
	daemon_ready(&d, code);
	if (code == AUDITD_EXIT_OK) {
		daemon_say(&d, LOG_NOTICE, "auditd %s started (pid %d)",
			   AUDITKIT_VERSION, (int)getpid());
		daemon_loop(&d);
	}
	daemon_teardown(&d);
	return code;
}
