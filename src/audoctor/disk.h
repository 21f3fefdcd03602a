/*
 * disk: the arithmetic of audoctor's disk check (see disk.c), exported so
 * the unit tests can run it on numbers instead of a partition.
 *
 * Sizes are bytes unless the name says mb (MiB, as auditd.conf counts
 * megabytes); rates are bytes per second, <= 0 when unknown; hours are
 * < 0 when they cannot be known.
 */
#ifndef AUDOCTOR_DISK_H
#define AUDOCTOR_DISK_H

#include <stdbool.h>
#include <stdint.h>

#include "audoctor.h"
#include "conf.h"

#define DISK_MB ((uint64_t)1024 * 1024)
#define DISK_SOON_HOURS 24.0		/* sooner than this is urgent */
#define DISK_WEEK_HOURS (7 * 24.0)	/* later than this is not reported */

/* What disk_judge() needs to know about the log partition. */
struct disk_figures {
	const char *dir;		/* the log directory (borrowed) */
	uint64_t free_bytes;		/* f_bavail x f_frsize */
	uint64_t size_bytes;		/* f_blocks x f_frsize */
	double rate;			/* log bytes written per second, <= 0 unknown */
	const char *rate_source;	/* "watch", "last hour" or "none" */
};

/* space_left / admin_space_left in bytes: MiB, or a percentage of
 * size_bytes (as auditd computes it). */
uint64_t disk_threshold_bytes(const struct conf_space *s, uint64_t size_bytes);

/* Hours until free_bytes falls to threshold_bytes at rate: 0 when it is
 * there already, -1 when the rate is unknown or the threshold is 0 (an
 * action at 0 never runs). */
double disk_hours_to(uint64_t free_bytes, uint64_t threshold_bytes,
		     double rate);

/* Megabytes the logs may fill: the partition less admin_space_left. */
uint64_t disk_capacity_mb(uint64_t size_bytes, uint64_t admin_bytes);

/* The largest num_logs whose files fit capacity_mb (0 when not even two
 * fit: below 2 auditd does not rotate), and the largest max_log_file for
 * num_logs files (0 when not even 1 MB each fits). */
unsigned disk_fit_num_logs(uint64_t capacity_mb, unsigned long max_log_file);
unsigned long disk_fit_max_log_file(uint64_t capacity_mb, unsigned num_logs);

/* The write rate: the log's growth during --watch, else the bytes logged
 * in the last hour / 3600, else 0; *ret_source names which. */
double disk_rate(const struct doctor *d, const char **ret_source);

/* Add disk-space-low, disk-action-stops-machine and
 * log-retention-exceeds-disk findings for conf c (read from conf_path)
 * and the partition g. Reads nothing else. */
void disk_judge(const struct auditd_conf *c, const char *conf_path,
		const struct disk_figures *g, struct findings *f);

#endif
