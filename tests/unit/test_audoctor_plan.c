/*
 * test_audoctor_plan: the queue model of `audoctor plan` on tiny arrival
 * arrays whose outcome is worked out by hand in the comments: the
 * backlog test (queue length > limit, so limit+1 fit), the wait for room,
 * the rate limit's reset rule, the smallest-limit search, limit 0 as
 * unlimited, and the edges (one record, equal times, a very fast drain).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "plan.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const uint64_t burst10[10];	/* ten records at t = 0 */

static void run(const uint64_t *ms, size_t n, struct plan_settings s,
		struct plan_each *each, struct plan_outcome *o)
{
	assert_int_equal(plan_model(ms, n, &s, each, o), 0);
	assert_int_equal(o->records, n);
}

/* Drain 1/s, limit 3, no wait. Records 0..3 find 0,1,2,3 queued (not
 * more than 3) and enter: the queue holds 4 = limit+1. Nothing departs
 * before t = 1, so records 4..9 find 4 > 3 and are lost. */
static void test_burst_lost(void **state)
{
	struct plan_each e[10];
	struct plan_outcome o;

	(void)state;
	run(burst10, 10, (struct plan_settings){ .drain = 1, .backlog_limit = 3 },
	    e, &o);
	for (int i = 0; i < 4; i++)
		assert_int_equal(e[i].fate, PLAN_QUEUED);
	for (int i = 4; i < 10; i++)
		assert_int_equal(e[i].fate, PLAN_LOST_BACKLOG);
	assert_int_equal(o.peak_backlog, 4);
	assert_int_equal(o.lost_backlog, 6);
	assert_int_equal(o.lost_rate, 0);
	assert_int_equal(o.delayed, 0);
}

/* The same with a wait of 2500 ms. Departures of 0..3: 1, 2, 3, 4 s.
 * Record 4 waits for the first departure (1 s <= 2.5 s): enters at 1,
 * delayed 1000 ms, departs max(1, 4) + 1 = 5. Record 5 waits for the
 * next departure (2 s): delayed 2000 ms, departs 6. Record 6's room would
 * come at 3 s > 2.5 s: lost; so are 7, 8 and 9. */
static void test_burst_wait(void **state)
{
	struct plan_each e[10];
	struct plan_outcome o;

	(void)state;
	run(burst10, 10, (struct plan_settings){ .drain = 1, .backlog_limit = 3,
						 .wait_ms = 2500 }, e, &o);
	for (int i = 0; i < 4; i++)
		assert_int_equal(e[i].fate, PLAN_QUEUED);
	assert_int_equal(e[4].fate, PLAN_DELAYED);
	assert_true(fabs(e[4].delay_ms - 1000) < 1e-6);
	assert_int_equal(e[5].fate, PLAN_DELAYED);
	assert_true(fabs(e[5].delay_ms - 2000) < 1e-6);
	for (int i = 6; i < 10; i++)
		assert_int_equal(e[i].fate, PLAN_LOST_BACKLOG);
	assert_int_equal(o.delayed, 2);
	assert_true(fabs(o.max_delay_ms - 2000) < 1e-6);
	assert_int_equal(o.lost_backlog, 4);
	assert_int_equal(o.peak_backlog, 4);
}

/* Waiting exactly as long as room takes is enough: wait 3000 ms lets
 * record 6 in at t = 3 (delay 3000); 7..9 are lost. */
static void test_wait_boundary(void **state)
{
	struct plan_each e[10];
	struct plan_outcome o;

	(void)state;
	run(burst10, 10, (struct plan_settings){ .drain = 1, .backlog_limit = 3,
						 .wait_ms = 3000 }, e, &o);
	assert_int_equal(e[6].fate, PLAN_DELAYED);
	assert_true(fabs(e[6].delay_ms - 3000) < 1e-6);
	assert_int_equal(o.lost_backlog, 3);
}

/* Limit 0 is unlimited: all ten queue, the queue peaks at 10. */
static void test_unlimited(void **state)
{
	struct plan_outcome o;

	(void)state;
	run(burst10, 10, (struct plan_settings){ .drain = 1 }, NULL, &o);
	assert_int_equal(o.peak_backlog, 10);
	assert_int_equal(o.lost_backlog + o.lost_rate + o.delayed, 0);
}

/* Rate limit 3, the kernel's rule (count += 1; pass while count < 3;
 * else pass and reset only if more than 1 s since the last reset). The
 * first reset is "long ago". Fast drain, no backlog limit.
 *   0 ms: count 1 pass; 0: 2 pass; 0: 3, reset (t=0) pass;
 *   0: 1 pass; 0: 2 pass; 500: 3, 0.5 s -> drop;
 *   1000: 4, exactly 1 s is not more -> drop;
 *   1001: 5, 1.001 s -> reset (t=1.001) pass; 1002: 1 pass. */
static void test_rate_reset(void **state)
{
	static const uint64_t ms[] = { 0, 0, 0, 0, 0, 500, 1000, 1001, 1002 };
	struct plan_each e[N(ms)];
	struct plan_outcome o;

	(void)state;
	run(ms, N(ms), (struct plan_settings){ .drain = 1e6, .backlog_limit = 0,
					      .rate_limit = 3 }, e, &o);
	for (size_t i = 0; i < N(ms); i++)
		assert_int_equal(e[i].fate, i == 5 || i == 6 ? PLAN_LOST_RATE
							     : PLAN_QUEUED);
	assert_int_equal(o.lost_rate, 2);
	assert_int_equal(o.lost_backlog, 0);
}

/* Rate limit 1: ++count < 1 never holds, so a record passes only when
 * more than 1 s went by since the last reset.
 *   0: reset pass; 500: drop; 1000: drop (not more than 1 s);
 *   1001: reset pass; 2001: drop (1.000 s); 2002: reset pass. */
static void test_rate_one(void **state)
{
	static const uint64_t ms[] = { 0, 500, 1000, 1001, 2001, 2002 };
	static const enum plan_fate want[] = { PLAN_QUEUED, PLAN_LOST_RATE,
		PLAN_LOST_RATE, PLAN_QUEUED, PLAN_LOST_RATE, PLAN_QUEUED };
	struct plan_each e[N(ms)];
	struct plan_outcome o;

	(void)state;
	run(ms, N(ms), (struct plan_settings){ .drain = 1000, .rate_limit = 1 },
	    e, &o);
	for (size_t i = 0; i < N(ms); i++)
		assert_int_equal(e[i].fate, want[i]);
}

/* A record lost to the backlog still goes through the rate check (the
 * kernel calls audit_rate_check() to decide whether to print the
 * warning). Drain 10/s, limit 1, rate 3:
 *   0 ms: queued (count 1), departs 0.1; 0: queued (2), departs 0.2;
 *   0: 2 queued > 1 -> lost; its check: count 3, reset at 0;
 *   300: queue empty, count 1 pass; 400: count 2 pass;
 *   500: count 3, 0.5 s since the reset -> lost to the rate limit.
 * Without the lost record's check, 300 would have reset and 500 passed. */
static void test_backlog_loss_counts_for_rate(void **state)
{
	static const uint64_t ms[] = { 0, 0, 0, 300, 400, 500 };
	static const enum plan_fate want[] = { PLAN_QUEUED, PLAN_QUEUED,
		PLAN_LOST_BACKLOG, PLAN_QUEUED, PLAN_QUEUED, PLAN_LOST_RATE };
	struct plan_each e[N(ms)];
	struct plan_outcome o;

	(void)state;
	run(ms, N(ms), (struct plan_settings){ .drain = 10, .backlog_limit = 1,
					      .rate_limit = 3 }, e, &o);
	for (size_t i = 0; i < N(ms); i++)
		assert_int_equal(e[i].fate, want[i]);
	assert_int_equal(o.lost_backlog, 1);
	assert_int_equal(o.lost_rate, 1);
}

/* Ten at t = 0, drain 1/s. No wait: the unlimited peak is 10, so limit 9
 * (holding 10) is the smallest. Wait 2500 ms: limit L queues L+1 at once,
 * then two more get in at 1 s and 2 s; 10 <= L+3 gives L = 7. */
static void test_smallest_limit(void **state)
{
	struct plan_settings s = { .drain = 1, .backlog_limit = 3 };
	struct plan_outcome o;
	uint32_t l;

	(void)state;
	assert_int_equal(plan_smallest_limit(burst10, 10, &s, &l), 0);
	assert_int_equal(l, 9);
	s.wait_ms = 2500;
	assert_int_equal(plan_smallest_limit(burst10, 10, &s, &l), 0);
	assert_int_equal(l, 7);
	s.backlog_limit = 7;
	run(burst10, 10, s, NULL, &o);
	assert_int_equal(o.lost_backlog, 0);
	assert_int_equal(o.delayed, 2);
	s.backlog_limit = 6;
	run(burst10, 10, s, NULL, &o);
	assert_int_equal(o.lost_backlog, 1);
}

/* One record: queued, peak 1; the smallest limit is never below 1. */
static void test_one_record(void **state)
{
	static const uint64_t ms[] = { 1700000000123 };
	struct plan_settings s = { .drain = 1, .backlog_limit = 1 };
	struct plan_arrivals a;
	struct plan_outcome o;
	uint32_t l;

	(void)state;
	run(ms, 1, s, NULL, &o);
	assert_int_equal(o.peak_backlog, 1);
	assert_int_equal(o.lost_backlog + o.lost_rate + o.delayed, 0);
	assert_int_equal(plan_smallest_limit(ms, 1, &s, &l), 0);
	assert_int_equal(l, 1);
	plan_arrivals(ms, 1, &a);
	assert_true(a.span_s == 0);
	assert_true(isnan(a.mean_rate));
	assert_int_equal(a.peak_1s, 1);
}

/* Equal times are one burst however fast the drain: five at t = 0 with
 * drain 10^9/s and limit 3 -> the fifth finds 4 > 3 and is lost. One
 * millisecond apart, the same drain empties the queue between them. */
static void test_fast_drain(void **state)
{
	static const uint64_t same[5] = { 7, 7, 7, 7, 7 };
	static const uint64_t apart[5] = { 7, 8, 9, 10, 11 };
	struct plan_settings s = { .drain = 1e9, .backlog_limit = 3 };
	struct plan_outcome o;

	(void)state;
	run(same, 5, s, NULL, &o);
	assert_int_equal(o.peak_backlog, 4);
	assert_int_equal(o.lost_backlog, 1);
	s.backlog_limit = 1;
	run(apart, 5, s, NULL, &o);
	assert_int_equal(o.peak_backlog, 1);
	assert_int_equal(o.lost_backlog, 0);
}

/* The arrivals of small.log (tests/data/audoctor/plan) at drain 2/s,
 * limit 2, wait 1000 ms; the CLI test checks the same by the program.
 * Departures every 0.5 s: 0 ms x4: three enter (0.5, 1.0, 1.5), the
 * fourth waits for 0.5 (delay 500), departs 2.0; 250: waits for 1.0
 * (delay 750), departs 2.5; 250: room at 1.5 > 1.25 -> lost; 1500: the
 * queue holds 2 -> enters; 3000 x2: enter. */
static void test_small_log(void **state)
{
	static const uint64_t ms[] = { 0, 0, 0, 0, 250, 250, 1500, 3000, 3000 };
	struct plan_settings s = { .drain = 2, .backlog_limit = 2,
				   .wait_ms = 1000 };
	struct plan_each e[N(ms)];
	struct plan_outcome o;
	uint32_t l;

	(void)state;
	run(ms, N(ms), s, e, &o);
	assert_int_equal(e[3].fate, PLAN_DELAYED);
	assert_int_equal(e[4].fate, PLAN_DELAYED);
	assert_int_equal(e[5].fate, PLAN_LOST_BACKLOG);
	assert_int_equal(e[6].fate, PLAN_QUEUED);
	assert_true(fabs(o.max_delay_ms - 750) < 1e-6);
	assert_int_equal(o.peak_backlog, 3);
	assert_int_equal(plan_smallest_limit(ms, N(ms), &s, &l), 0);
	assert_int_equal(l, 3);
}

/* The busiest 1 s window is [999, 1999): 999, 1000, 1500 (1999 is 1000
 * ms after 999, outside), or [1000, 2000): 1000, 1500, 1999 -> 3. */
static void test_arrivals(void **state)
{
	static const uint64_t ms[] = { 0, 999, 1000, 1500, 1999, 5000 };
	struct plan_arrivals a;

	(void)state;
	plan_arrivals(ms, N(ms), &a);
	assert_int_equal(a.peak_1s, 3);
	assert_true(fabs(a.span_s - 5) < 1e-9);
	assert_true(fabs(a.mean_rate - 1.2) < 1e-9);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_burst_lost),
		cmocka_unit_test(test_burst_wait),
		cmocka_unit_test(test_wait_boundary),
		cmocka_unit_test(test_unlimited),
		cmocka_unit_test(test_rate_reset),
		cmocka_unit_test(test_rate_one),
		cmocka_unit_test(test_backlog_loss_counts_for_rate),
		cmocka_unit_test(test_smallest_limit),
		cmocka_unit_test(test_one_record),
		cmocka_unit_test(test_fast_drain),
		cmocka_unit_test(test_small_log),
		cmocka_unit_test(test_arrivals),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
