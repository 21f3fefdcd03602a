/*
 * timespec: the start and end times of ausearch and aureport (-ts, -te):
 * a keyword (now, recent, boot, today, yesterday, this-week, week-ago,
 * this-month, this-year; checkpoint for a start) or a date and/or a time
 * in the locale's format, as the reference (3.0.9) reads them.
 *
 * The reference's rules, found by experiment:
 * - One or two words. The word holding a ':' is the time, the other the
 *   date ("10:00 11/20/26" and "11/20/26 10:00" are the same); a keyword
 *   is a date. No date: today. A time of 5 characters or less reads as
 *   "%H:%M", a longer one as the locale's "%X"; a date reads as "%x".
 *   strptime failing is "Invalid ..."; text left over is "Error parsing".
 *   Out-of-range fields that strptime accepts (11/31, 23:59:60) roll over
 *   as mktime rolls them.
 * - A date without a time: midnight for a start, the current time of day
 *   for an end.
 * - Keywords: now; recent = now - 10 minutes; boot = now minus the whole
 *   seconds of /proc/uptime; today = midnight (start) or now (end);
 *   yesterday, this-week (the locale's first weekday), week-ago (7 days
 *   before today), this-month, this-year = midnight of that day for both.
 *   A time after a keyword replaces the keyword's time of day.
 *   "this-hour" is not a keyword in 3.0.9. Keywords are case-sensitive.
 * - Events match when start <= event second <= end (milliseconds are not
 *   compared).
 *
 * Shared by ausearch and aureport; never logs: the caller prints the
 * error text this writes, followed by a newline, and exits 1.
 */
#ifndef AUDITKIT_TIMESPEC_H
#define AUDITKIT_TIMESPEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum timespec_which { TIMESPEC_START, TIMESPEC_END };

struct timespec_point {
	time_t sec;
	unsigned msec;		/* always 0: the reference compares seconds */
	bool checkpoint;	/* "checkpoint": resolved by the caller */
};

/* The longest error text timespec_parse writes, with its NUL, for a word
 * of up to 200 bytes (longer words are cut in the message). */
#define TIMESPEC_ERR_MAX 320

/* Parse the words after -ts/-te: word1 is a keyword, a date or a time;
 * word2 (NULL if none: the caller passes the next argument when there is
 * one that does not start with '-', as the reference does) the other of
 * date and time. *ret_used says how many words were consumed (1 or 2).
 * now is the current time. 0 and *ret, or -EINVAL and the reference's
 * message in err (errlen bytes, TIMESPEC_ERR_MAX is enough), e.g.
 * "Invalid start date (x). Month, Day, and Year are required."
 * Reads /proc/uptime for "boot". Uses the current locale (LC_TIME) and
 * time zone. */
int timespec_parse(const char *word1, const char *word2,
		   enum timespec_which which, time_t now,
		   struct timespec_point *ret, int *ret_used,
		   char *err, size_t errlen);

/* As timespec_parse, with the system's uptime in whole seconds given
 * (for tests; a negative uptime reads /proc/uptime). */
int timespec_parse_at(const char *word1, const char *word2,
		      enum timespec_which which, time_t now, long uptime,
		      struct timespec_point *ret, int *ret_used,
		      char *err, size_t errlen);

/* Whether an event at second sec is inside [start, end]: either may be
 * NULL (unbounded). */
bool timespec_in_range(const struct timespec_point *start,
		       const struct timespec_point *end, uint64_t sec);

#endif
