/*
 * writer: the writer thread. It takes blocks of records from the queue,
 * formats them (RAW or ENRICHED) into one large buffer and writes that
 * buffer in one write() when it is full or the queue has run dry, so a
 * busy daemon makes few large writes and an idle one writes at once.
 *
 * It owns everything about the log: the open file and its flush policy,
 * rotation by size, by time and on request, the disk-space checks and
 * their actions, and the suspended state. While suspended (an action said
 * suspend, the disk is full, a write failed) it keeps taking records and
 * holds their lines in the spill, so the reader and the kernel never
 * wait for the disk; it writes the spill back when it resumes (USR2, or
 * space returned, or a retried write succeeds) and says so in a
 * DAEMON_RESUME record with the counts held and dropped.
 *
 * The main thread talks to it only through the queue's requests and
 * writer_post_conf()/writer_post_sender().
 */
#ifndef AUDITD_WRITER_H
#define AUDITD_WRITER_H

#include <stdbool.h>
#include <stddef.h>

#include "conf.h"
#include "records.h"

struct queue;
struct ledger;
struct writer;

/* c is copied. q and l are borrowed and outlive the writer. 0 and *ret
 * or -errno. */
int writer_new(const struct auditd_conf *c, struct queue *q, struct ledger *l,
	       struct writer **ret);
/* Open the log (before the thread starts, so a bad log directory stops
 * the daemon at start-up): 0, or -errno with a one-line reason in err. */
int writer_open(struct writer *w, char *err, size_t errlen);
/* auditd -f: records go to stderr, never to the log file (call before
 * writer_open). */
void writer_to_stderr(struct writer *w);
int writer_start(struct writer *w);
/* A new configuration for QUEUE_REQ_RECONFIGURE (copied). */
void writer_post_conf(struct writer *w, const struct auditd_conf *c);
/* Who sent the signal behind the next request (for its record). */
void writer_post_sender(struct writer *w, const struct records_sender *s);
/* Wait for the thread to end (after QUEUE_REQ_STOP). */
void writer_join(struct writer *w);
void writer_free(struct writer *w);

#endif
