/*
 * writer: the thread's loop (see writer.h). Records become lines in
 * w->out; writer_flush_out() sends w->out to the log, or to the spill
 * while suspended, or partly to each when a write fails half way (the log
 * is a byte stream, so the rest of a line continues from the spill).
 */
#include "writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "format.h"
#include "ledger.h"
#include "queue.h"
#include "spill.h"
#include "writer_int.h"

#define WRITER_OUT_FLUSH (1024 * 1024)
#define WRITER_TICK_MS 1000

int writer_new(const struct auditd_conf *c, struct queue *q, struct ledger *l,
	       struct writer **ret)
{
	struct writer *w = calloc(1, sizeof(*w));
	int err;

	if (!w)
		return -ENOMEM;
	w->conf = *c;
	w->q = q;
	w->ledger = l;
	logfile_init(&w->log);
	pthread_mutex_init(&w->lock, NULL);
	records_self(&w->sender);
	w->out_cap = WRITER_OUT_FLUSH + 64 * 1024;
	w->line_cap = 16 * 1024;
	w->out = malloc(w->out_cap);
	w->line = malloc(w->line_cap);
	err = w->out && w->line ? 0 : -ENOMEM;
	if (!err)
		err = spill_new(c->spill_dir, c->spill_memory, c->spill_max,
				&w->spill);
	if (!err)
		err = writer_policy_init(w);
	if (err) {
		writer_free(w);
		return err;
	}
	*ret = w;
	return 0;
}

static int writer_open_format(struct writer *w)
{
	char node[256];
	const char *n = NULL;

	if (w->conf.name_format != CONF_NODE_NONE &&
	    format_node_name(w->conf.name_format, w->conf.name, node,
			     sizeof(node)) == 0)
		n = node;
	if (w->fmt)
		format_free(w->fmt);
	w->fmt = NULL;
	return format_new(w->conf.log_format, n, &w->fmt);
}

int writer_open(struct writer *w, char *err, size_t errlen)
{
	int e = writer_open_format(w);

	if (e) {
		snprintf(err, errlen, "Cannot set up the log format: %s",
			 strerror(-e));
		return e;
	}
	if (w->to_stderr)
		return logfile_use_fd(&w->log, STDERR_FILENO);
	if (!w->conf.write_logs)
		return 0;
	e = logfile_open(&w->log, &w->conf, err, errlen);
	if (!e)
		ledger_set(w->ledger->log_size, w->log.size);
	if (!e && w->log.trimmed)
		syslog(LOG_WARNING, "Cut a partial last line of %llu bytes from %s",
		       (unsigned long long)w->log.trimmed, w->log.path);
	return e;
}

/* Lines in buf (for the spill's record counts). */
static unsigned writer_count_lines(const char *buf, size_t len)
{
	unsigned n = 0;
	const char *p = buf, *end = buf + len;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p++;
	}
	return n;
}

static void writer_to_spill(struct writer *w, const char *buf, size_t len,
			    unsigned records)
{
	if (spill_add(w->spill, buf, len, records) == 0)
		ledger_add(w->ledger->spill_held, records);
	else
		ledger_add(w->ledger->spill_dropped, records);
}

void writer_flush_out(struct writer *w)
{
	size_t done = 0;
	int err;

	if (w->out_len == 0)
		return;
	if (!w->conf.write_logs) {
		ledger_add(w->ledger->written, w->out_records);
	} else if (w->suspended) {
		writer_to_spill(w, w->out, w->out_len, w->out_records);
	} else {
		err = logfile_write(&w->log, w->out, w->out_len, &done);
		ledger_add(w->ledger->written_bytes, done);
		ledger_set(w->ledger->log_size, w->log.size);
		if (err) {
			size_t rest = w->out_len - done;

			ledger_add(w->ledger->write_errors, 1);
			writer_write_failed(w, err);
			writer_to_spill(w, w->out + done, rest,
					writer_count_lines(w->out + done, rest));
			ledger_add(w->ledger->written,
				   writer_count_lines(w->out, done));
		} else {
			ledger_add(w->ledger->written, w->out_records);
			logfile_wrote_records(&w->log, w->out_records);
		}
	}
	w->out_len = 0;
	w->out_records = 0;
	if (!w->suspended && w->conf.write_logs)
		writer_check_size(w);
}

static bool writer_grow(char **buf, size_t *cap, size_t need)
{
	char *p;

	if (need <= *cap)
		return true;
	p = realloc(*buf, need);
	if (!p)
		return false;
	*buf = p;
	*cap = need;
	return true;
}

/* The serial of "audit(SEC.MSEC:SERIAL):", 0 if none. */
static uint32_t writer_serial(const char *p, size_t len)
{
	const char *colon, *end = p + (len < 64 ? len : 64);
	uint32_t v = 0;

	colon = memchr(p, ':', (size_t)(end - p));
	if (!colon || len < 6 || memcmp(p, "audit(", 6) != 0)
		return 0;
	for (p = colon + 1; p < end && *p >= '0' && *p <= '9'; p++)
		v = v * 10 + (uint32_t)(*p - '0');
	return v;
}

static void writer_track_serial(struct writer *w, uint16_t type,
				const char *payload, size_t len)
{
	uint32_t s;

	if (type >= 1100 && type < 1300)	/* user space and daemon */
		return;
	s = writer_serial(payload, len);
	if (s == 0)
		return;
	if (w->last_serial && s > w->last_serial + 1 &&
	    s - w->last_serial < 1000000)
		ledger_add(w->ledger->serial_gaps, s - w->last_serial - 1);
	if (s > w->last_serial)
		w->last_serial = s;
}

void writer_emit(struct writer *w, uint16_t type, const char *payload,
		 size_t len)
{
	size_t n;

	if (type < RECORDS_DAEMON_START || type > RECORDS_DAEMON_ERR) {
		if (format_skips(type))
			return;
	}
	writer_track_serial(w, type, payload, len);
	n = format_record(w->fmt, type, payload, len, w->line, w->line_cap);
	if (n > w->line_cap) {
		if (!writer_grow(&w->line, &w->line_cap, n + 1024))
			return;
		n = format_record(w->fmt, type, payload, len, w->line,
				  w->line_cap);
	}
	if (w->out_len + n > w->out_cap)
		writer_flush_out(w);
	if (!writer_grow(&w->out, &w->out_cap, n)) {
		ledger_add(w->ledger->spill_dropped, 1);
		return;
	}
	memcpy(w->out + w->out_len, w->line, n);
	w->out_len += n;
	w->out_records++;
	if (w->out_len >= WRITER_OUT_FLUSH)
		writer_flush_out(w);
}

static void writer_block(struct writer *w, const struct queue_block *b)
{
	size_t off = 0;
	const struct queue_rec *r;

	while ((r = queue_block_next(b, &off)) != NULL)
		writer_emit(w, r->type, r->data, r->len);
}

void writer_suspend(struct writer *w, unsigned why, const char *reason)
{
	if (!w->suspended)
		syslog(LOG_ALERT, "Audit daemon is suspending logging: %s; "
		       "records are held until it resumes", reason);
	w->suspended |= why;
	ledger_set(w->ledger->suspended, 1);
}

static ssize_t writer_spill_write(void *ctx, const char *buf, size_t len)
{
	struct writer *w = ctx;
	size_t done = 0;
	int err = logfile_write(&w->log, buf, len, &done);

	ledger_add(w->ledger->written_bytes, done);
	ledger_add(w->ledger->written, writer_count_lines(buf, done));
	if (err && done == 0)
		return err;
	return (ssize_t)done;
}

/* Lift `why`; once nothing holds logging, write the spill back and
 * record the resumption. forced: USR2 lifts every reason. */
void writer_try_resume(struct writer *w, unsigned why, bool forced)
{
	struct records_sender who;
	char rec[512];
	uint64_t held, dropped;
	size_t n;
	int err;

	if (!w->suspended)
		return;
	w->suspended &= forced ? 0 : ~why;
	if (w->suspended)
		return;
	err = spill_drain(w->spill, writer_spill_write, w);
	if (err) {
		writer_write_failed(w, err);
		return;
	}
	ledger_set(w->ledger->suspended, 0);
	ledger_set(w->ledger->log_size, w->log.size);
	spill_take_counts(w->spill, &held, &dropped);
	writer_take_sender(w, &who);
	n = records_resume(rec, sizeof(rec), &who, held, dropped);
	writer_emit(w, RECORDS_DAEMON_RESUME, rec, n);
	writer_flush_out(w);
	syslog(LOG_NOTICE, "Audit daemon resumed logging: %llu records held, "
	       "%llu dropped", (unsigned long long)held,
	       (unsigned long long)dropped);
}

static void writer_reconfigure(struct writer *w)
{
	struct records_sender who;
	struct auditd_conf *c;
	char rec[512], err[512];
	bool reopen;
	size_t n;

	pthread_mutex_lock(&w->lock);
	c = w->posted_conf;
	w->posted_conf = NULL;
	pthread_mutex_unlock(&w->lock);
	if (!c)
		return;
	writer_flush_out(w);
	reopen = strcmp(c->log_file, w->conf.log_file) != 0 ||
		 c->flush != w->conf.flush || c->log_group != w->conf.log_group ||
		 c->write_logs != w->conf.write_logs;
	w->conf = *c;
	free(c);
	w->log.freq = w->conf.freq;
	writer_open_format(w);
	writer_policy_free(w);
	writer_policy_init(w);
	if (reopen) {
		logfile_close(&w->log);
		if (w->conf.write_logs &&
		    logfile_open(&w->log, &w->conf, err, sizeof(err)) != 0) {
			syslog(LOG_ERR, "%s", err);
			writer_suspend(w, WRITER_SUSP_ERROR, err);
		}
	}
	writer_take_sender(w, &who);
	n = records_config(rec, sizeof(rec), &who, 1);
	writer_emit(w, RECORDS_DAEMON_CONFIG, rec, n);
}

static void writer_requests(struct writer *w, unsigned req)
{
	if (req & QUEUE_REQ_RECONFIGURE)
		writer_reconfigure(w);
	if (req & QUEUE_REQ_ROTATE) {
		writer_flush_out(w);
		writer_rotate(w, w->conf.max_log_file_action.kind ==
				 CONF_ACT_KEEP_LOGS, "signal");
	}
	if (req & QUEUE_REQ_RESUME) {
		bool was = w->suspended != 0;

		writer_flush_out(w);
		writer_try_resume(w, 0, true);
		if (!was) {	/* the reference records every USR2 */
			struct records_sender who;
			char rec[512];
			size_t n;

			writer_take_sender(w, &who);
			n = records_resume(rec, sizeof(rec), &who, 0, 0);
			writer_emit(w, RECORDS_DAEMON_RESUME, rec, n);
		}
	}
	if (req & QUEUE_REQ_STOP)
		w->stopping = true;
}

static void writer_finish(struct writer *w)
{
	struct records_sender who;
	char rec[512];
	size_t n;

	writer_take_sender(w, &who);
	n = records_end(rec, sizeof(rec), &who);
	writer_emit(w, RECORDS_DAEMON_END, rec, n);
	writer_flush_out(w);
	if (w->suspended)
		writer_try_resume(w, WRITER_SUSP_ERROR, false);
	if (!spill_empty(w->spill))
		syslog(LOG_CRIT, "Audit daemon exiting with %llu records it "
		       "could not write", (unsigned long long)spill_records(w->spill));
	logfile_close(&w->log);
}

static void *writer_main(void *arg)
{
	struct writer *w = arg;

	pthread_setname_np(pthread_self(), "writer");
	for (;;) {
		unsigned req = 0;
		struct queue_block *b = queue_pop(w->q, WRITER_TICK_MS, &req);
		time_t now;

		if (b) {
			writer_block(w, b);
			queue_block_put(w->q, b);
		}
		if (!b || queue_empty(w->q))
			writer_flush_out(w);
		if (req) {
			writer_requests(w, req);
			writer_flush_out(w);
		}
		now = time(NULL);
		if (now != w->last_tick) {
			w->last_tick = now;
			writer_tick(w, now);
		}
		if (w->stopping && !b && queue_empty(w->q))
			break;
	}
	writer_finish(w);
	return NULL;
}

void writer_to_stderr(struct writer *w)
{
	w->to_stderr = true;
	w->conf.write_logs = true;
}

int writer_start(struct writer *w)
{
	int err = pthread_create(&w->thread, NULL, writer_main, w);

	if (err)
		return -err;
	w->started = true;
	return 0;
}

void writer_post_conf(struct writer *w, const struct auditd_conf *c)
{
	struct auditd_conf *copy = malloc(sizeof(*copy));

	if (!copy)
		return;
	*copy = *c;
	pthread_mutex_lock(&w->lock);
	free(w->posted_conf);
	w->posted_conf = copy;
	pthread_mutex_unlock(&w->lock);
}

void writer_take_sender(struct writer *w, struct records_sender *ret)
{
	pthread_mutex_lock(&w->lock);
	*ret = w->sender;
	records_self(&w->sender);
	pthread_mutex_unlock(&w->lock);
}

void writer_post_sender(struct writer *w, const struct records_sender *s)
{
	pthread_mutex_lock(&w->lock);
	w->sender = *s;
	pthread_mutex_unlock(&w->lock);
}

void writer_join(struct writer *w)
{
	if (w->started)
		pthread_join(w->thread, NULL);
	w->started = false;
}

void writer_free(struct writer *w)
{
	if (!w)
		return;
	writer_join(w);
	writer_policy_free(w);
	logfile_close(&w->log);
	if (w->fmt)
		format_free(w->fmt);
	spill_free(w->spill);
	free(w->posted_conf);
	free(w->out);
	free(w->line);
	pthread_mutex_destroy(&w->lock);
	free(w);
}
