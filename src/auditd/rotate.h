/*
 * rotate: the set of log files and its rotation, by size or by time.
 *
 * The set lives in one directory (a directory fd, borrowed) and is named
 * after the live log, "audit.log". Rotated members are named one of two
 * ways, chosen by conf rotate_timestamp:
 *
 *  - numbered, as the reference: audit.log.1 (newest) ... audit.log.K,
 *    each optionally compressed (audit.log.3.gz, audit.log.3.zst). A
 *    rotation removes what retention drops, moves every member up one
 *    place keeping its suffix, and renames the live log to audit.log.1.
 *    The move compacts: members keep their order but gaps close, so
 *    {.1, .3} becomes {.2, .3} and the new .1.
 *  - timestamped: audit.log-YYYYMMDD-HHMMSS (local time of the rotation),
 *    "-N" added when the name (or its .gz/.zst form) is taken, and the
 *    same optional suffix. Nothing is renamed but the live log.
 *
 * Retention: plan->keep rotated members (num_logs - 1, as the reference
 * keeps num_logs files counting the live one), or no limit for keep_logs.
 * Numbered members beyond keep (a leftover audit.log.7 with num_logs 5)
 * are removed. The newest member is never removed, even if the clock
 * went back and its timestamped name sorts older than others.
 *
 * Leftovers of a crash are repaired on every shift and prune: a stale
 * compressor temp file (audit.log.2.gz.tmp) is removed, and a plain member
 * that also exists compressed (the compressor renamed its output but did
 * not unlink its input) is removed, since the compressed file was complete
 * and fsynced before it got its name. Two compressed forms of one member
 * (only made by hand) keep the .zst; the .gz is renamed to NAME.orphan and
 * left for the admin.
 *
 * Every rename uses RENAME_NOREPLACE: a rotation can fail half way, and
 * then the set has a gap but nothing is lost or overwritten; the next
 * shift closes the gap. The live log is renamed last.
 *
 * The compressor must not touch the set during a shift or prune: see
 * compress_pause() in compress.h. Functions return 0 or a negative errno
 * and never log.
 */
#ifndef AUDITD_ROTATE_H
#define AUDITD_ROTATE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>
#include "conf.h"

struct rotate_plan {
	int dirfd;		/* borrowed: the log directory (O_DIRECTORY, not O_PATH) */
	const char *base;	/* borrowed: the live log's name in dirfd */
	unsigned keep;		/* rotated members to keep; 0 = no limit */
	bool timestamp;		/* audit.log-YYYYMMDD-HHMMSS names */
	mode_t mode;		/* given to a newly rotated member */
	gid_t group;		/* ditto; (gid_t)-1 leaves the group as it is */
};

/* Fill *ret from c for the log directory dirfd. keep_all is the
 * keep_logs behaviour (no retention limit): pass
 * c->max_log_file_action.kind == CONF_ACT_KEEP_LOGS for a rotation by
 * size, by time or by SIGUSR1, and false for a space action's "rotate",
 * which frees space by dropping the oldest. -EINVAL when rotation is off
 * (num_logs < 2 without keep_all; the man page: "logs are not rotated").
 * ret->base points into c->log_file: c must outlive the plan. Rotated
 * members get mode 0440 and c->log_group when that is not root, else
 * 0400 (the reference: rotated -r--r----- root:adm with log_group adm). */
int rotate_plan_from_conf(const struct auditd_conf *c, int dirfd,
			  bool keep_all, struct rotate_plan *ret);

/* Rotate: the caller has stopped writing to the live log (and fsynced
 * it if it wants); this renames it to its first rotated name, shifts and
 * prunes the rest. now names a timestamped member. The new member's name
 * (relative to dirfd) goes to ret_name. The caller then opens a fresh live
 * log. -ENOENT when there is no live log (nothing is changed), -EEXIST or
 * an I/O error when a step fails (the set stays consistent, see above). */
int rotate_shift(const struct rotate_plan *p, time_t now,
		 char *ret_name, size_t len);

/* Apply retention and repair leftovers without rotating: at start-up and
 * after SIGHUP, as the reference checks for excess logs then. */
int rotate_prune(const struct rotate_plan *p);

/* One rotated member, as rotate_list() reports it. */
struct rotate_member {
	char name[NAME_MAX + 1];
	unsigned num;			/* numbered: N; timestamped: 0 */
	char stamp[16];			/* timestamped: "YYYYMMDD-HHMMSS", else "" */
	unsigned seq;			/* timestamped: the -N, 0 when none */
	enum conf_compress kind;	/* the name's suffix */
};

/* The members of the set, newest first. *ret is malloc'd (free() it;
 * NULL when *ret_n is 0). Reads the directory only: no repairs. */
int rotate_list(const struct rotate_plan *p, struct rotate_member **ret,
		size_t *ret_n);

/* Time-based rotation. An aligned schedule rotates on the wall clock
 * (local time): hourly at :00, daily at 00:00, weekly on Monday 00:00;
 * otherwise every interval seconds after the last rotation. */
struct rotate_schedule {
	unsigned interval;	/* seconds; 0 = never */
	bool aligned;
};

/* From c->rotate_interval: 0 is never; 3600, 86400 and 604800 are the
 * aligned hourly, daily and weekly (conf.h keeps seconds only, so "24h"
 * and "daily" mean the same); anything else is every N seconds. */
void rotate_schedule_from_conf(const struct auditd_conf *c,
			       struct rotate_schedule *ret);

/* The first rotation time after last (the last rotation, or the daemon's
 * start); (time_t)-1 for a schedule that never rotates. Always > last. */
time_t rotate_next_time(const struct rotate_schedule *s, time_t last);

#endif
