/*
 * timespec: -ts/-te words to a point in time (see timespec.h for the
 * rules, which are the reference's).
 *
 * The words are split into a date and a time; the date (a keyword or the
 * locale's "%x") gives a broken-down local time, the time (if any)
 * replaces its hours, minutes and seconds, and mktime makes the point. A
 * keyword without a time gives its point directly.
 */
#include "timespec.h"

#include <errno.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the reference calls the two ends in its messages. */
static const char *timespec_end_name(enum timespec_which which)
{
	return which == TIMESPEC_START ? "start" : "end";
}

/* "Invalid start date (x). Month, Day, and Year are required." when
 * strptime failed (invalid), else "Error parsing start date (x)". */
static void timespec_err(char *err, size_t errlen, bool invalid,
			 enum timespec_which which, bool is_date,
			 const char *word)
{
	const char *what = is_date ? "date" : "time";

	if (!err || !errlen)
		return;
	if (invalid)
		snprintf(err, errlen, "Invalid %s %s (%.200s). %s are required.",
			 timespec_end_name(which), what, word, is_date ?
			 "Month, Day, and Year" : "Hour, Minute, and Second");
	else
		snprintf(err, errlen, "Error parsing %s %s (%.200s)",
			 timespec_end_name(which), what, word);
}

/* Midnight of the local day of tm, moved by days (mktime rolls over). */
static time_t timespec_midnight(struct tm tm, int days)
{
	tm.tm_mday += days;
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* The weekday (0 = Sunday) the locale's weeks start on: the weekday of
 * its week-1stday date plus first_weekday - 1, as glibc defines them. */
static int timespec_week_start(void)
{
	unsigned long ymd = (unsigned long)(uintptr_t)nl_langinfo(_NL_TIME_WEEK_1STDAY);
	int first = *nl_langinfo(_NL_TIME_FIRST_WEEKDAY);
	struct tm tm = { .tm_year = (int)(ymd / 10000) - 1900,
			 .tm_mon = (int)(ymd / 100 % 100) - 1,
			 .tm_mday = (int)(ymd % 100), .tm_hour = 12,
			 .tm_isdst = -1 };

	if (ymd == 0 || first < 1 || first > 7 || mktime(&tm) == (time_t)-1)
		return 0;
	return (tm.tm_wday + first - 1) % 7;
}

/* Whole seconds since boot, from /proc/uptime; 0 when unreadable. */
static long timespec_uptime(void)
{
	FILE *f = fopen("/proc/uptime", "re");
	double up = 0;

	if (!f)
		return 0;
	if (fscanf(f, "%lf", &up) != 1)
		up = 0;
	fclose(f);
	return (long)up;
}

/* A keyword's point: 1 and *ret, 0 when word is not a keyword. */
static int timespec_keyword(const char *word, enum timespec_which which,
			    time_t now, long uptime, time_t *ret)
{
	struct tm tm;

	localtime_r(&now, &tm);
	if (!strcmp(word, "now"))
		*ret = now;
	else if (!strcmp(word, "recent"))
		*ret = now - 600;
	else if (!strcmp(word, "boot"))
		*ret = now - (uptime < 0 ? timespec_uptime() : uptime);
	else if (!strcmp(word, "today"))
		*ret = which == TIMESPEC_END ? now : timespec_midnight(tm, 0);
	else if (!strcmp(word, "yesterday"))
		*ret = timespec_midnight(tm, -1);
	else if (!strcmp(word, "this-week"))
		*ret = timespec_midnight(tm,
			-((tm.tm_wday - timespec_week_start() + 7) % 7));
	else if (!strcmp(word, "week-ago"))
		*ret = timespec_midnight(tm, -7);
	else if (!strcmp(word, "this-month"))
		*ret = timespec_midnight(tm, 1 - tm.tm_mday);
	else if (!strcmp(word, "this-year")) {
		tm.tm_mon = 0;
		*ret = timespec_midnight(tm, 1 - tm.tm_mday);
	} else
		return 0;
	return 1;
}

/* The date word into *tm (time of day: midnight for a start, now's for
 * an end). 0, or -EINVAL with the message written. */
static int timespec_date(const char *date, enum timespec_which which,
			 const struct tm *now_tm, struct tm *tm,
			 char *err, size_t errlen)
{
	const char *rest;

	memset(tm, 0, sizeof(*tm));
	rest = strptime(date, "%x", tm);
	if (!rest) {
		timespec_err(err, errlen, true, which, true, date);
		return -EINVAL;
	}
	if (*rest) {
		timespec_err(err, errlen, false, which, true, date);
		return -EINVAL;
	}
	if (which == TIMESPEC_END) {
		tm->tm_hour = now_tm->tm_hour;
		tm->tm_min = now_tm->tm_min;
		tm->tm_sec = now_tm->tm_sec;
	}
	return 0;
}

/* The time word into tm's hours, minutes and seconds. 0 or -EINVAL. */
static int timespec_time(const char *time_word, enum timespec_which which,
			 struct tm *tm, char *err, size_t errlen)
{
	struct tm t = { 0 };
	const char *rest;

	rest = strptime(time_word, strlen(time_word) <= 5 ? "%H:%M" : "%X", &t);
	if (!rest) {
		timespec_err(err, errlen, true, which, false, time_word);
		return -EINVAL;
	}
	if (*rest) {
		timespec_err(err, errlen, false, which, false, time_word);
		return -EINVAL;
	}
	tm->tm_hour = t.tm_hour;
	tm->tm_min = t.tm_min;
	tm->tm_sec = t.tm_sec;
	return 0;
}

/* The date part (keyword, date or NULL for today) into *tm, or the
 * keyword's point into *ret_point (and *is_keyword). */
static int timespec_day(const char *date, enum timespec_which which,
			time_t now, long uptime, struct tm *tm,
			time_t *ret_point, bool *is_keyword,
			char *err, size_t errlen)
{
	struct tm now_tm;

	localtime_r(&now, &now_tm);
	*is_keyword = false;
	if (!date) {
		*tm = now_tm;
		return 0;
	}
	if (timespec_keyword(date, which, now, uptime, ret_point)) {
		*is_keyword = true;
		localtime_r(ret_point, tm);
		return 0;
	}
	return timespec_date(date, which, &now_tm, tm, err, errlen);
}

int timespec_parse_at(const char *word1, const char *word2,
		      enum timespec_which which, time_t now, long uptime,
		      struct timespec_point *ret, int *ret_used,
		      char *err, size_t errlen)
{
	const char *date = word1, *time_word = word2;
	struct tm tm;
	time_t point = 0;
	bool keyword;
	int r;

	if (!word1)
		return -EINVAL;
	if (strchr(word1, ':')) {
		time_word = word1;
		date = word2;
	}
	*ret = (struct timespec_point){ 0 };
	*ret_used = word2 ? 2 : 1;
	if (date && which == TIMESPEC_START && !strcmp(date, "checkpoint")) {
		ret->checkpoint = true;
		return 0;
	}
	r = timespec_day(date, which, now, uptime, &tm, &point, &keyword,
			 err, errlen);
	if (r < 0)
		return r;
	if (keyword && !time_word) {
		ret->sec = point;
		return 0;
	}
	if (time_word) {
		r = timespec_time(time_word, which, &tm, err, errlen);
		if (r < 0)
			return r;
	} else if (which == TIMESPEC_START && !date) {
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	}
	tm.tm_isdst = -1;
	ret->sec = mktime(&tm);
	return 0;
}

int timespec_parse(const char *word1, const char *word2,
		   enum timespec_which which, time_t now,
		   struct timespec_point *ret, int *ret_used,
		   char *err, size_t errlen)
{
	return timespec_parse_at(word1, word2, which, now, -1, ret, ret_used,
				 err, errlen);
}

bool timespec_in_range(const struct timespec_point *start,
		       const struct timespec_point *end, uint64_t sec)
{
	if (start && (int64_t)sec < (int64_t)start->sec)
		return false;
	if (end && (int64_t)sec > (int64_t)end->sec)
		return false;
	return true;
}
