/*
 * plan: the kernel's audit queue replayed over the arrival times of a
 * log, for `audoctor plan`. The model (written out at the top of plan.c)
 * is pure: arrays of arrival times in, figures out, so unit tests feed
 * it arrivals computed by hand. plan_main() (audoctor.h) reads the logs,
 * runs the model at the given settings and reports.
 */
#ifndef AUDOCTOR_PLAN_H
#define AUDOCTOR_PLAN_H

#include <stddef.h>
#include <stdint.h>

/* What is modelled: the daemon's drain and the kernel's three knobs. */
struct plan_settings {
	double drain;		/* records the daemon takes per second, > 0 */
	uint32_t backlog_limit;	/* 0: unlimited */
	uint32_t wait_ms;	/* backlog_wait_time, in milliseconds */
	uint32_t rate_limit;	/* records per second, 0: none */
};

/* What became of one record. */
enum plan_fate {
	PLAN_QUEUED,		/* entered the queue on arrival */
	PLAN_DELAYED,		/* waited for room, then entered */
	PLAN_LOST_BACKLOG,	/* no room within the wait time */
	PLAN_LOST_RATE,		/* dropped by the rate limit */
};

struct plan_each {
	enum plan_fate fate;
	double delay_ms;	/* PLAN_DELAYED: how long it waited */
};

struct plan_outcome {
	uint64_t records;
	uint64_t peak_backlog;	/* the most records queued at once */
	uint64_t lost_backlog;
	uint64_t lost_rate;
	uint64_t delayed;
	double max_delay_ms;
};

/* Replay n arrival times (milliseconds, any origin, sorted ascending)
 * through the model. each, when not NULL, has room for n entries and
 * receives every record's fate. 0 and *ret, or -ENOMEM. Nothing is kept. */
int plan_model(const uint64_t *arrive_ms, size_t n,
	       const struct plan_settings *s, struct plan_each *each,
	       struct plan_outcome *ret);

/* The smallest backlog_limit (at least 1) that loses no record to the
 * backlog at s's drain, wait time and rate limit (s->backlog_limit is
 * ignored): a binary search re-running the model. 0 and *ret, or
 * -ENOMEM. n must be at least 1. */
int plan_smallest_limit(const uint64_t *arrive_ms, size_t n,
			const struct plan_settings *s, uint32_t *ret);

/* The arrivals themselves. */
struct plan_arrivals {
	double span_s;		/* last - first */
	double mean_rate;	/* records / span; NAN when the span is 0 */
	uint64_t peak_1s;	/* the most records within any 1 s window */
};

/* n >= 1, sorted ascending. */
void plan_arrivals(const uint64_t *arrive_ms, size_t n,
		   struct plan_arrivals *ret);

#endif
