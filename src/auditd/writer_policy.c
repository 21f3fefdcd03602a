/*
 * writer_policy: the writer's decisions about the log as a file set:
 * when to rotate (max_log_file, rotate_interval, SIGUSR1, a space action)
 * and how (rotate.c, with the compressor paused around the renames), what
 * the disk-space thresholds and write failures do (space.c, action.c),
 * and reopening a log removed or replaced underneath. Runs only on the
 * writer thread.
 */
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <unistd.h>

#include "action.h"
#include "compress.h"
#include "ledger.h"
#include "rotate.h"
#include "space.h"
#include "writer_int.h"

struct writer_policy {
	int dirfd;			/* the log directory */
	struct rotate_schedule sched;
	struct space_state space;
	enum space_level space_suspended;	/* worst level that suspended logging */
};

static bool writer_has_file(const struct writer *w)
{
	return w->conf.write_logs && !w->to_stderr;
}

static int writer_open_dir(const struct writer *w)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s", w->conf.log_file);
	return open(dirname(dir), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* Retention and crash leftovers first (the reference also trims excess
 * logs at start and on SIGHUP), then the compressor, which picks up any
 * plain rotated member left by an earlier run. */
static void writer_start_compress(struct writer *w)
{
	struct writer_policy *p = w->policy;
	struct rotate_plan plan;

	if (p->dirfd < 0 || rotate_plan_from_conf(&w->conf, p->dirfd,
			w->conf.max_log_file_action.kind == CONF_ACT_KEEP_LOGS,
			&plan) != 0)
		return;
	(void)rotate_prune(&plan);
	if (w->conf.rotate_compress == CONF_COMPRESS_NONE)
		return;
	if (compress_start(&plan, w->conf.rotate_compress, &w->compress) != 0)
		w->compress = NULL;
}

int writer_policy_init(struct writer *w)
{
	struct writer_policy *p = calloc(1, sizeof(*p));

	if (!p)
		return -ENOMEM;
	w->policy = p;
	p->dirfd = -1;
	rotate_schedule_from_conf(&w->conf, &p->sched);
	w->last_rotation = time(NULL);
	w->next_rotation = rotate_next_time(&p->sched, w->last_rotation);
	space_state_init(&p->space);
	if (!writer_has_file(w))
		return 0;
	p->dirfd = writer_open_dir(w);
	writer_start_compress(w);
	return 0;
}

void writer_policy_free(struct writer *w)
{
	struct writer_policy *p = w->policy;

	if (!p)
		return;
	if (w->compress)
		compress_stop(w->compress);
	w->compress = NULL;
	if (p->dirfd >= 0)
		close(p->dirfd);
	free(p);
	w->policy = NULL;
}

static void writer_reopen(struct writer *w)
{
	char err[512];

	logfile_close(&w->log);
	if (logfile_open(&w->log, &w->conf, err, sizeof(err)) != 0) {
		syslog(LOG_ERR, "%s", err);
		writer_suspend(w, WRITER_SUSP_ERROR, err);
		return;
	}
	ledger_set(w->ledger->log_size, w->log.size);
}

void writer_rotate(struct writer *w, bool keep_all, const char *why)
{
	struct writer_policy *p = w->policy;
	struct rotate_plan plan;
	struct records_sender who;
	char name[NAME_MAX + 1], rec[512];
	size_t n;
	int e;

	if (!writer_has_file(w) || p->dirfd < 0)
		return;
	writer_flush_out(w);
	e = rotate_plan_from_conf(&w->conf, p->dirfd, keep_all, &plan);
	if (e) {
		syslog(LOG_NOTICE, "Not rotating (%s): num_logs is below 2", why);
		return;
	}
	logfile_close(&w->log);
	if (w->compress)
		compress_pause(w->compress);
	e = rotate_shift(&plan, time(NULL), name, sizeof(name));
	if (w->compress)
		compress_resume(w->compress);
	if (e && e != -ENOENT)
		syslog(LOG_ERR, "Log rotation (%s) failed: %s", why, strerror(-e));
	writer_reopen(w);
	w->maxsize_acted = false;
	w->last_rotation = time(NULL);
	w->next_rotation = rotate_next_time(&p->sched, w->last_rotation);
	ledger_add(w->ledger->rotations, 1);
	writer_take_sender(w, &who);
	n = records_rotate(rec, sizeof(rec), &who);
	writer_emit(w, RECORDS_DAEMON_ROTATE, rec, n);
	writer_flush_out(w);
	/* Rotation may have freed space. */
	space_state_rearm(&p->space);
}

void writer_check_size(struct writer *w)
{
	uint64_t max = (uint64_t)w->conf.max_log_file * 1024 * 1024;
	const struct conf_action *a = &w->conf.max_log_file_action;

	if (!writer_has_file(w) || max == 0 || w->log.size < max)
		return;
	if (a->kind == CONF_ACT_ROTATE || a->kind == CONF_ACT_KEEP_LOGS) {
		writer_rotate(w, a->kind == CONF_ACT_KEEP_LOGS, "max_log_file");
		return;
	}
	if (w->maxsize_acted)
		return;
	w->maxsize_acted = true;
	if (a->kind == CONF_ACT_SUSPEND)
		writer_suspend(w, WRITER_SUSP_MAXSIZE, "the log reached max_log_file");
	else
		writer_action(w, a, "the log reached max_log_file");
}

static bool writer_action_suspends(enum conf_action_kind k)
{
	return k == CONF_ACT_SUSPEND || k == CONF_ACT_SINGLE || k == CONF_ACT_HALT;
}

static void writer_spawned(int e, const char *what, const char *how)
{
	if (e < 0)
		syslog(LOG_ERR, "Audit daemon could not run the %s action for %s: %s",
		       how, what, strerror(-e));
}

void writer_action(struct writer *w, const struct conf_action *a,
		   const char *what)
{
	pid_t pid;
	char body[512];

	switch (a->kind) {
	case CONF_ACT_IGNORE:
		break;
	case CONF_ACT_SYSLOG:
		syslog(LOG_ALERT, "Audit daemon: %s", what);
		break;
	case CONF_ACT_ROTATE:
	case CONF_ACT_KEEP_LOGS:
		writer_rotate(w, a->kind == CONF_ACT_KEEP_LOGS, what);
		break;
	case CONF_ACT_EMAIL:
		snprintf(body, sizeof(body), "The audit daemon on this machine "
			 "reports: %s.\n", what);
		syslog(LOG_ALERT, "Audit daemon: %s", what);
		writer_spawned(action_email(w->conf.mail_command,
					    w->conf.action_mail_acct,
					    "Audit Disk Space Alert", body, &pid),
			       what, "email");
		break;
	case CONF_ACT_EXEC:
		writer_spawned(action_exec(a->exe, &pid), what, "exec");
		break;
	case CONF_ACT_SUSPEND:
		writer_suspend(w, WRITER_SUSP_ACTION, what);
		break;
	case CONF_ACT_SINGLE:
	case CONF_ACT_HALT:
		syslog(LOG_ALERT, "Audit daemon: %s: running %s", what,
		       a->kind == CONF_ACT_SINGLE ? w->conf.single_command
						  : w->conf.halt_command);
		writer_spawned(action_command(a->kind == CONF_ACT_SINGLE
					      ? w->conf.single_command
					      : w->conf.halt_command, &pid),
			       what, conf_action_name(a->kind));
		writer_suspend(w, WRITER_SUSP_ACTION, what);
		break;
	}
}

static const struct conf_action *writer_space_action(const struct writer *w,
						     enum space_level l)
{
	switch (l) {
	case SPACE_LEFT: return &w->conf.space_left_action;
	case SPACE_ADMIN_LEFT: return &w->conf.admin_space_left_action;
	case SPACE_DISK_FULL: return &w->conf.disk_full_action;
	default: return NULL;
	}
}

static void writer_space_level(struct writer *w, enum space_level l,
			       const char *what)
{
	struct writer_policy *p = w->policy;
	const struct conf_action *a = writer_space_action(w, l);

	if (!a)
		return;
	if (writer_action_suspends(a->kind) && l > p->space_suspended)
		p->space_suspended = l;
	writer_action(w, a, what);
}

static const char *writer_space_what(enum space_level l)
{
	switch (l) {
	case SPACE_LEFT: return "free space on the log partition is below space_left";
	case SPACE_ADMIN_LEFT: return "free space on the log partition is below admin_space_left";
	default: return "the log partition is full";
	}
}

void writer_write_failed(struct writer *w, int err)
{
	struct writer_policy *p = w->policy;
	bool first = !(w->suspended & WRITER_SUSP_ERROR);

	writer_suspend(w, WRITER_SUSP_ERROR, strerror(-err));
	if (!first)
		return;
	if (err == -ENOSPC || err == -EDQUOT) {
		if (!p->space.fired[SPACE_DISK_FULL]) {
			p->space.fired[SPACE_DISK_FULL] = true;
			writer_space_level(w, SPACE_DISK_FULL,
					   writer_space_what(SPACE_DISK_FULL));
		}
	} else {
		syslog(LOG_ERR, "Audit daemon cannot write %s: %s",
		       w->log.path, strerror(-err));
		writer_action(w, &w->conf.disk_error_action,
			      "an error writing the log");
	}
}

bool writer_space_ok(struct writer *w)
{
	struct writer_policy *p = w->policy;
	struct space_reading r;

	if (p->dirfd < 0 || space_read_fd(p->dirfd, &r) != 0)
		return true;
	return space_classify(&r, &w->conf) < p->space_suspended;
}

static void writer_space_tick(struct writer *w)
{
	struct writer_policy *p = w->policy;
	struct space_reading r;
	enum space_level l;

	if (p->dirfd < 0 || space_read_fd(p->dirfd, &r) != 0)
		return;
	l = space_check(&p->space, &r, &w->conf);
	if (l != SPACE_NONE)
		writer_space_level(w, l, writer_space_what(l));
	if (p->space_suspended != SPACE_NONE &&
	    space_classify(&r, &w->conf) < p->space_suspended) {
		p->space_suspended = SPACE_NONE;
		writer_try_resume(w, WRITER_SUSP_ACTION, false);
	}
}

void writer_tick(struct writer *w, time_t now)
{
	if (!writer_has_file(w))
		return;
	if (w->next_rotation != (time_t)-1 && now >= w->next_rotation)
		writer_rotate(w, w->conf.max_log_file_action.kind ==
				 CONF_ACT_KEEP_LOGS, "rotate_interval");
	if (logfile_replaced(&w->log)) {
		syslog(LOG_NOTICE, "Audit log %s was removed or replaced; "
		       "reopening it", w->log.path);
		writer_flush_out(w);
		writer_reopen(w);
	}
	writer_space_tick(w);
	if (w->suspended & WRITER_SUSP_ERROR)
		writer_try_resume(w, WRITER_SUSP_ERROR, false);
}
