/*
 * timespec: the start and end times of ausearch and aureport (-ts, -te):
 * a keyword (now, recent, this-hour, boot, today, yesterday, this-week,
 * week-ago, this-month, this-year, checkpoint) or a date and/or a time in
 * the locale's format, as the reference reads them.
 *
 * Shared by ausearch and aureport; never logs: the caller prints the
 * error text this returns.
 */
#ifndef AUDITKIT_TIMESPEC_H
#define AUDITKIT_TIMESPEC_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

enum timespec_which { TIMESPEC_START, TIMESPEC_END };

struct timespec_point {
	time_t sec;
	unsigned msec;
	bool checkpoint;	/* "checkpoint": resolved by the caller */
};

/* Parse the words after -ts/-te: word1 is a keyword, a date or a time;
 * word2 (NULL if none) a time after a date. *ret_used says how many words
 * were consumed (1 or 2). now is the current time. 0 and *ret, or -EINVAL
 * and *ret_error pointing at a static message. */
int timespec_parse(const char *word1, const char *word2,
		   enum timespec_which which, time_t now,
		   struct timespec_point *ret, int *ret_used,
		   const char **ret_error);

#endif
