/*
 * writer_int: the writer's state, shared by writer.c (the loop, batching,
 * suspend and spill) and writer_policy.c (rotation, disk space, actions).
 * Only the writer thread touches it, except the posted fields under lock.
 */
#ifndef AUDITD_WRITER_INT_H
#define AUDITD_WRITER_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "conf.h"
#include "logfile.h"
#include "records.h"
#include "writer.h"

struct format;
struct spill;
struct compress;
struct writer_policy;

/* Why logging is suspended; several may hold at once. */
enum {
	WRITER_SUSP_ACTION = 1,		/* an action said suspend/single/halt */
	WRITER_SUSP_ERROR = 2,		/* a write failed: retried each tick */
	WRITER_SUSP_MAXSIZE = 4,	/* max_log_file_action = suspend */
};

struct writer {
	struct auditd_conf conf;
	struct queue *q;
	struct ledger *ledger;
	struct format *fmt;
	struct spill *spill;
	struct compress *compress;
	struct logfile log;
	pthread_t thread;
	bool started;

	char *out;			/* formatted lines not yet written */
	size_t out_len, out_cap;
	unsigned out_records;
	char *line;			/* one formatted record */
	size_t line_cap;

	unsigned suspended;		/* WRITER_SUSP_* */
	bool maxsize_acted;		/* max_log_file_action done for this file */
	bool stopping;
	bool to_stderr;			/* -f: no file, no rotation */
	uint32_t last_serial;		/* for serial gaps */
	time_t last_tick, last_rotation, next_rotation;
	struct writer_policy *policy;	/* writer_policy.c's state */

	pthread_mutex_t lock;		/* posted by the main thread: */
	struct auditd_conf *posted_conf;
	struct records_sender sender;
};

/* writer.c */
void writer_flush_out(struct writer *w);
void writer_emit(struct writer *w, uint16_t type, const char *payload,
		 size_t len);
void writer_suspend(struct writer *w, unsigned why, const char *reason);
void writer_try_resume(struct writer *w, unsigned why, bool forced);
/* Who asked for the record about to be written: the sender posted with
 * the request, once; after that the daemon itself (automatic rotations
 * and resumptions are its own doing). */
void writer_take_sender(struct writer *w, struct records_sender *ret);

/* writer_policy.c */
int writer_policy_init(struct writer *w);
void writer_policy_free(struct writer *w);
/* Rotate now; keep_all = keep_logs (no retention). */
void writer_rotate(struct writer *w, bool keep_all, const char *why);
/* After each write: max_log_file. */
void writer_check_size(struct writer *w);
/* Once a second: time-based rotation, disk space, replaced log. */
void writer_tick(struct writer *w, time_t now);
/* ENOSPC or another error from a write. */
void writer_write_failed(struct writer *w, int err);
/* Space returned above the thresholds that suspended logging? */
bool writer_space_ok(struct writer *w);
/* Run one configured action; what says why, for syslog and records. */
void writer_action(struct writer *w, const struct conf_action *a,
		   const char *what);

#endif
