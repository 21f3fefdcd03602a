/*
 * test_timespec: -ts/-te words to points in time, at a fixed "now"
 * (Saturday 2026-11-21 16:03:24 UTC) in the C locale, whose weeks start
 * on Sunday. The expectations are what the reference 3.0.9 was seen to
 * do on a log of events around each boundary (tests/compat/
 * ausearch_time.sh checks the same against the reference itself, at the
 * real current time).
 */
#include <errno.h>
#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "timespec.h"

#define NOW ((time_t)1795277004)	/* Sat Nov 21 16:03:24 UTC 2026 */
#define MIDNIGHT ((time_t)1795219200)	/* Sat Nov 21 00:00:00 UTC 2026 */
#define DAY 86400
#define UPTIME 3994L

static int setup_utc(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	setlocale(LC_ALL, "C");
	return 0;
}

/* Parse words (w2 may be NULL) and return the point; fails the test on
 * an error. */
static time_t point_of(const char *w1, const char *w2,
		       enum timespec_which which)
{
	struct timespec_point p;
	char err[TIMESPEC_ERR_MAX] = "";
	int used = 0;

	assert_int_equal(timespec_parse_at(w1, w2, which, NOW, UPTIME, &p,
					   &used, err, sizeof(err)), 0);
	assert_string_equal(err, "");
	assert_int_equal(used, w2 ? 2 : 1);
	assert_false(p.checkpoint);
	return p.sec;
}

static void assert_error(const char *w1, const char *w2,
			 enum timespec_which which, const char *message)
{
	struct timespec_point p;
	char err[TIMESPEC_ERR_MAX] = "";
	int used = 0;

	assert_int_equal(timespec_parse_at(w1, w2, which, NOW, UPTIME, &p,
					   &used, err, sizeof(err)), -EINVAL);
	assert_string_equal(err, message);
}

static void test_keywords_start(void **state)
{
	(void)state;
	assert_int_equal(point_of("now", NULL, TIMESPEC_START), NOW);
	assert_int_equal(point_of("recent", NULL, TIMESPEC_START), NOW - 600);
	assert_int_equal(point_of("boot", NULL, TIMESPEC_START), NOW - UPTIME);
	assert_int_equal(point_of("today", NULL, TIMESPEC_START), MIDNIGHT);
	assert_int_equal(point_of("yesterday", NULL, TIMESPEC_START),
			 MIDNIGHT - DAY);
	/* Sunday Nov 15 in the C locale */
	assert_int_equal(point_of("this-week", NULL, TIMESPEC_START),
			 MIDNIGHT - 6 * DAY);
	assert_int_equal(point_of("week-ago", NULL, TIMESPEC_START),
			 MIDNIGHT - 7 * DAY);
	assert_int_equal(point_of("this-month", NULL, TIMESPEC_START),
			 1793491200);	/* Nov 1 */
	assert_int_equal(point_of("this-year", NULL, TIMESPEC_START),
			 1767225600);	/* Jan 1 2026 */
}

/* The same, as an end: only today differs (it means now). */
static void test_keywords_end(void **state)
{
	(void)state;
	assert_int_equal(point_of("now", NULL, TIMESPEC_END), NOW);
	assert_int_equal(point_of("recent", NULL, TIMESPEC_END), NOW - 600);
	assert_int_equal(point_of("today", NULL, TIMESPEC_END), NOW);
	assert_int_equal(point_of("yesterday", NULL, TIMESPEC_END),
			 MIDNIGHT - DAY);
	assert_int_equal(point_of("this-week", NULL, TIMESPEC_END),
			 MIDNIGHT - 6 * DAY);
	assert_int_equal(point_of("this-year", NULL, TIMESPEC_END), 1767225600);
}

static void test_checkpoint(void **state)
{
	struct timespec_point p;
	char err[TIMESPEC_ERR_MAX];
	int used;

	(void)state;
	assert_int_equal(timespec_parse_at("checkpoint", NULL, TIMESPEC_START,
					   NOW, UPTIME, &p, &used, err,
					   sizeof(err)), 0);
	assert_true(p.checkpoint);
	assert_error("checkpoint", NULL, TIMESPEC_END, "Invalid end date "
		     "(checkpoint). Month, Day, and Year are required.");
}

/* A date alone: midnight for a start, now's time of day for an end. */
static void test_dates(void **state)
{
	(void)state;
	assert_int_equal(point_of("11/19/26", NULL, TIMESPEC_START),
			 MIDNIGHT - 2 * DAY);
	assert_int_equal(point_of("11/19/26", NULL, TIMESPEC_END),
			 NOW - 2 * DAY);
	assert_int_equal(point_of("1/2/26", NULL, TIMESPEC_START),
			 1767312000);
	/* rolled over as mktime rolls it: Feb 30 is Mar 2 */
	assert_int_equal(point_of("02/30/26", NULL, TIMESPEC_START),
			 1772409600);
}

/* A time alone is today; either word order; a keyword's time replaced. */
static void test_times(void **state)
{
	(void)state;
	assert_int_equal(point_of("10:00:00", NULL, TIMESPEC_START),
			 MIDNIGHT + 36000);
	assert_int_equal(point_of("10:00", NULL, TIMESPEC_END),
			 MIDNIGHT + 36000);
	assert_int_equal(point_of("1:2", NULL, TIMESPEC_START),
			 MIDNIGHT + 3720);
	assert_int_equal(point_of("1:02:03", NULL, TIMESPEC_START),
			 MIDNIGHT + 3723);
	assert_int_equal(point_of("11/20/26", "10:00:00", TIMESPEC_START),
			 MIDNIGHT - DAY + 36000);
	assert_int_equal(point_of("10:00:00", "11/20/26", TIMESPEC_START),
			 MIDNIGHT - DAY + 36000);
	assert_int_equal(point_of("yesterday", "10:00:00", TIMESPEC_END),
			 MIDNIGHT - DAY + 36000);
	assert_int_equal(point_of("now", "10:00", TIMESPEC_START),
			 MIDNIGHT + 36000);
	assert_int_equal(point_of("10:00", "today", TIMESPEC_START),
			 MIDNIGHT + 36000);
	/* 23:59:60 is the next midnight, 10:00:61 is 10:01:01 */
	assert_int_equal(point_of("23:59:60", NULL, TIMESPEC_START),
			 MIDNIGHT + DAY);
	assert_int_equal(point_of("11/20/26", "10:00:61", TIMESPEC_START),
			 MIDNIGHT - DAY + 36061);
}

/* The reference's messages, word for word. */
static void test_errors(void **state)
{
	(void)state;
	assert_error("this-hour", NULL, TIMESPEC_START, "Invalid start date "
		     "(this-hour). Month, Day, and Year are required.");
	assert_error("Today", NULL, TIMESPEC_END, "Invalid end date "
		     "(Today). Month, Day, and Year are required.");
	assert_error("11/21/2026", NULL, TIMESPEC_START,
		     "Error parsing start date (11/21/2026)");
	assert_error("11/20/26x", NULL, TIMESPEC_END,
		     "Error parsing end date (11/20/26x)");
	assert_error("13/20/26", "25:00", TIMESPEC_START, "Invalid start date "
		     "(13/20/26). Month, Day, and Year are required.");
	assert_error("11/20/26", "25:00:00", TIMESPEC_START, "Invalid start "
		     "time (25:00:00). Hour, Minute, and Second are required.");
	assert_error("1:2:3", NULL, TIMESPEC_START,
		     "Error parsing start time (1:2:3)");
	assert_error("10:00:00.5", NULL, TIMESPEC_END,
		     "Error parsing end time (10:00:00.5)");
	assert_error("today", "yesterday", TIMESPEC_START, "Invalid start time "
		     "(yesterday). Hour, Minute, and Second are required.");
	assert_error("10:00:00", "10:00:00", TIMESPEC_START, "Invalid start "
		     "date (10:00:00). Month, Day, and Year are required.");
}

static void test_range(void **state)
{
	struct timespec_point s = { .sec = 100 }, e = { .sec = 200 };

	(void)state;
	assert_false(timespec_in_range(&s, &e, 99));
	assert_true(timespec_in_range(&s, &e, 100));
	assert_true(timespec_in_range(&s, &e, 200));
	assert_false(timespec_in_range(&s, &e, 201));
	assert_true(timespec_in_range(NULL, NULL, 0));
	assert_true(timespec_in_range(NULL, &e, 5));
}

/* Midnight across a DST change: 2026-03-29 in Berlin starts at 00:00 CET
 * (UTC+1), and the day before a change is 24 hours of local time. */
static void test_dst(void **state)
{
	time_t now = 1774789200;	/* 2026-03-29 15:00 CEST */
	struct timespec_point p;
	char err[TIMESPEC_ERR_MAX];
	int used;

	(void)state;
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	assert_int_equal(timespec_parse_at("today", NULL, TIMESPEC_START, now,
					   0, &p, &used, err, sizeof(err)), 0);
	assert_int_equal(p.sec, 1774738800);	/* 00:00 CET = 23:00 UTC */
	assert_int_equal(timespec_parse_at("yesterday", NULL, TIMESPEC_START,
					   now, 0, &p, &used, err,
					   sizeof(err)), 0);
	assert_int_equal(p.sec, 1774738800 - DAY);
	setup_utc(state);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keywords_start),
		cmocka_unit_test(test_keywords_end),
		cmocka_unit_test(test_checkpoint),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_range),
		cmocka_unit_test(test_dst),
	};

	return cmocka_run_group_tests(tests, setup_utc, NULL);
}
