/*
 * space: free space on the log partition, classified against
 * space_left, admin_space_left and "disk full", with hysteresis.
 *
 * A reading is statvfs() of the log directory (or fstatvfs() of the log
 * fd): free = f_bavail * f_frsize, the space an unprivileged writer may
 * still use, as the reference uses f_bavail (root's reserve does not
 * count: the daemon is root, but the reserve is the system's, not the
 * audit trail's); total = f_blocks * f_frsize, for percentages.
 *
 * Thresholds, in bytes: space_left and admin_space_left are MiB (as
 * the 4.x man page says), or a percentage of total when conf says so,
 * recomputed at every reading, so a resized partition needs no SIGHUP.
 * Disk full is free < SPACE_FULL_BYTES, room for less than one record
 * (the kernel's largest, 8970 bytes, grown by ENRICHED interpretation);
 * a write that fails with ENOSPC is the same: pass a reading with free 0.
 * A level is reached when free < its threshold ("drops below", the man
 * page; the reference compares f_bavail with the threshold in blocks).
 *
 * Hysteresis: space_check() reports a level once, when it is newly
 * reached, and marks it and every milder level as fired (falling straight
 * to admin_space_left does not also report space_left, as the reference
 * checks admin first). A fired level re-arms by itself when free rises to
 * its threshold plus a margin (a twentieth of the threshold, at least
 * 1 MiB), so a value hovering at the threshold does not repeat the
 * action (the reference re-arms by rising above the threshold only for
 * the syslog action; here every action re-arms, so an email goes out
 * again if space recovered and then ran low again); the daemon re-arms
 * everything with space_state_rearm() on
 * SIGUSR2 (resume) and SIGHUP, as the reference resets its warnings then,
 * and re-arms one level after taking a "rotate" action for it, which the
 * reference repeats for as long as space stays low.
 *
 * Pure functions on the caller's state except space_read*(); 0 or a
 * negative errno, nothing logged.
 */
#ifndef AUDITD_SPACE_H
#define AUDITD_SPACE_H

#include <stdbool.h>
#include <stdint.h>
#include "conf.h"

#define SPACE_FULL_BYTES (16 * 1024)

struct space_reading {
	uint64_t free_bytes;
	uint64_t total_bytes;
};

int space_read(const char *dir, struct space_reading *ret);
int space_read_fd(int fd, struct space_reading *ret);

/* Ordered by severity. */
enum space_level {
	SPACE_NONE,
	SPACE_LEFT,
	SPACE_ADMIN_LEFT,
	SPACE_DISK_FULL,
	SPACE_LEVELS
};

struct space_state {
	bool fired[SPACE_LEVELS];	/* [SPACE_NONE] unused */
};

/* Every level armed. */
void space_state_init(struct space_state *st);
void space_state_rearm(struct space_state *st);
void space_state_rearm_level(struct space_state *st, enum space_level l);

/* The thresholds in bytes for this reading; [SPACE_NONE] is 0. */
void space_thresholds(const struct space_reading *r,
		      const struct auditd_conf *c,
		      uint64_t ret[SPACE_LEVELS]);

/* The most severe level free is below, no state (for reports). */
enum space_level space_classify(const struct space_reading *r,
				const struct auditd_conf *c);

/* The level newly reached by this reading, or SPACE_NONE; updates st
 * (see the top of the file). */
enum space_level space_check(struct space_state *st,
			     const struct space_reading *r,
			     const struct auditd_conf *c);

/* Seconds until free falls below each level's threshold when the log
 * grows by rate bytes a second: 0 when already below, -1 when never
 * (rate <= 0, or a threshold of 0). ret[SPACE_NONE] is -1. */
void space_eta(const struct space_reading *r, const struct auditd_conf *c,
	       double rate, int64_t ret[SPACE_LEVELS]);

const char *space_level_name(enum space_level l);

#endif
