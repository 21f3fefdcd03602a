/*
 * test_audoctor_kqueue: kqueue_check over hand-built figures (each
 * finding, its severity, evidence and fix, and the cases that must stay
 * quiet), and once end to end over the fake kernel: failure 2 while the
 * kernel loses records is failure-panic-risk. Failure 2 is never set on
 * the real kernel; the fake is where it is tested.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "audoctor.h"
#include "fake_kernel.h"
#include "netlink.h"

#define GIB (1024ull * 1024 * 1024)

/* A quiet machine: failure 1, enabled 1, limit 8192, nothing lost, 24 GiB. */
static struct doctor *doc_new(void)
{
	struct doctor *d = calloc(1, sizeof(*d));

	d->have_samples = true;
	d->samples.mem_total = 24 * GIB;
	d->fig.n = 31;
	d->fig.span_s = 3.0;
	d->fig.last.enabled = 1;
	d->fig.last.failure = AUDIT_FAIL_PRINTK;
	d->fig.last.backlog_limit = 8192;
	d->fig.last.backlog_wait_time = 15000;
	d->fig.first = d->fig.last;
	return d;
}

static void doc_free(struct doctor *d)
{
	findings_free(&d->findings);
	free(d);
}

static const struct finding *must_find(struct doctor *d, const char *id,
				       enum severity sev)
{
	const struct finding *x = findings_find(&d->findings, id);

	if (!x)
		fail_msg("finding %s missing", id);
	assert_int_equal(x->severity, sev);
	return x;
}

static const struct evidence *ev(const struct finding *x, const char *key)
{
	for (size_t i = 0; i < x->n_ev; i++)
		if (strcmp(x->ev[i].key, key) == 0)
			return &x->ev[i];
	fail_msg("%s: no evidence %s", x->id, key);
	return NULL;
}

static void fix_has(const struct finding *x, const char *line)
{
	if (!strstr(x->fix, line))
		fail_msg("%s: fix lacks \"%s\":\n%s", x->id, line, x->fix);
}

/* The overflow case: limit 64 full, 5123 lost over 3 s. */
static void doc_overflow(struct doctor *d)
{
	d->fig.last.backlog_limit = 64;
	d->fig.backlog_max = 64;
	d->fig.near_limit = true;
	d->fig.lost_delta = 5123;
	d->fig.lost_rate = 5123 / 3.0;
	d->fig.last.lost = 6000;
}

static void test_no_samples(void **state)
{
	struct doctor *d = doc_new();

	(void)state;
	d->have_samples = false;
	d->fig.last.failure = AUDIT_FAIL_SILENT;
	kqueue_check(d);
	assert_int_equal(d->findings.n, 0);
	assert_int_equal(d->findings.n_skips, 0);
	doc_free(d);
}

static void test_quiet(void **state)
{
	struct doctor *d = doc_new();

	(void)state;
	kqueue_check(d);
	assert_int_equal(d->findings.n, 0);
	assert_int_equal(findings_exit_code(&d->findings), 0);
	doc_free(d);
}

static void test_lost_old(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.lost = 44393;
	kqueue_check(d);
	x = must_find(d, "events-lost", SEV_INFO);
	assert_non_null(strstr(x->summary, "44393 lost since boot"));
	assert_int_equal(ev(x, "lost")->i, 44393);
	assert_int_equal(ev(x, "lost_delta")->i, 0);
	assert_string_equal(x->fix, "auditctl --reset-lost");
	assert_int_equal(d->findings.n, 1);
	doc_free(d);
}

static void test_overflow(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	doc_overflow(d);
	kqueue_check(d);
	x = must_find(d, "events-lost", SEV_PROBLEM);
	assert_int_equal(ev(x, "lost_delta")->i, 5123);
	assert_int_equal(ev(x, "lost")->i, 6000);
	assert_true(ev(x, "seconds")->r == 3.0);
	x = must_find(d, "backlog-limit-too-small", SEV_PROBLEM);
	assert_string_equal(ev(x, "arithmetic")->text,
			    "peak 64 + lost 5123 = 5187; x2 = 10374; "
			    "rounded up to 1024s: 11264");
	assert_int_equal(ev(x, "recommended_backlog_limit")->i, 11264);
	assert_int_equal(ev(x, "recommended_memory_bytes")->i, 11264 * 8970);
	assert_int_equal(ev(x, "backlog_limit")->i, 64);
	assert_int_equal(ev(x, "backlog_max")->i, 64);
	assert_string_equal(x->fix, "auditctl -b 11264\n"
			    "in /etc/audit/rules.d/*.rules: -b 11264");
	/* Rate limit 0: the losses are not the rate limit's. */
	assert_null(findings_find(&d->findings, "rate-limit-dropping"));
	assert_int_equal(findings_exit_code(&d->findings), 2);
	doc_free(d);
}

static void test_overflow_minimum(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	doc_overflow(d);
	d->fig.lost_delta = 100;
	kqueue_check(d);
	x = must_find(d, "backlog-limit-too-small", SEV_PROBLEM);
	assert_string_equal(ev(x, "arithmetic")->text,
			    "peak 64 + lost 100 = 164; x2 = 328; rounded up to "
			    "1024s: 1024; at least 8192");
	assert_int_equal(ev(x, "recommended_backlog_limit")->i, 8192);
	doc_free(d);
}

/* A burst larger than 5% of memory can queue: the recommendation stops
 * there (24 GiB / 20 / 8970 bytes = 143644, down to 1024s: 143360) and
 * the fix says to cut the arrivals instead. */
static void test_overflow_capped(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	doc_overflow(d);
	d->fig.backlog_max = 2;
	d->fig.last.backlog_limit = 2;
	d->fig.lost_delta = 436000;
	kqueue_check(d);
	x = must_find(d, "backlog-limit-too-small", SEV_PROBLEM);
	assert_string_equal(ev(x, "arithmetic")->text,
			    "peak 2 + lost 436000 = 436002; x2 = 872004; "
			    "rounded up to 1024s: 872448; capped at 5% of "
			    "memory: 143360");
	assert_int_equal(ev(x, "recommended_backlog_limit")->i, 143360);
	assert_non_null(strstr(x->fix, "auditctl -b 143360\n"));
	assert_non_null(strstr(x->fix, "cut the arrivals (see noisy-rule)"));
	doc_free(d);
}

/* Drain known and slower than arrivals: rates, delay, and the surplus. */
static void test_overflow_surplus(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	doc_overflow(d);
	d->fig.have_drain = true;
	d->fig.drain_rate = 400;
	d->fig.arrival_rate = 2200;
	kqueue_check(d);
	x = must_find(d, "backlog-limit-too-small", SEV_PROBLEM);
	assert_true(ev(x, "arrival_rate_per_s")->r == 2200);
	assert_true(ev(x, "drain_rate_per_s")->r == 400);
	assert_true(ev(x, "delay_s")->r == 64 / 400.0);
	assert_true(ev(x, "surplus_per_s")->r == 1800);
	assert_true(ev(x, "seconds_until_full")->r == 11264 / 1800.0);
	assert_non_null(strstr(ev(x, "surplus")->text, "daemon-too-slow"));
	doc_free(d);
}

static void test_no_surplus_when_draining(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	doc_overflow(d);
	d->fig.have_drain = true;
	d->fig.drain_rate = 3000;
	d->fig.arrival_rate = 2200;
	kqueue_check(d);
	x = must_find(d, "backlog-limit-too-small", SEV_PROBLEM);
	for (size_t i = 0; i < x->n_ev; i++)
		assert_string_not_equal(x->ev[i].key, "surplus_per_s");
	doc_free(d);
}

static void test_wait_blocking(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.backlog_limit = 320;
	d->fig.backlog_max = 320;
	d->fig.near_limit = true;
	d->fig.wait_actual_delta = 750;
	d->fig.last.backlog_wait_time = 100;
	kqueue_check(d);
	x = must_find(d, "backlog-wait-blocking", SEV_PROBLEM);
	assert_int_equal(ev(x, "wait_actual_delta")->i, 750);
	assert_int_equal(ev(x, "backlog_wait_time")->i, 100);
	assert_int_equal(ev(x, "backlog_limit")->i, 320);
	fix_has(x, "the daemon");
	fix_has(x, "auditctl -b 8192\n");
	fix_has(x, "in /etc/audit/rules.d/*.rules: -b 8192");
	fix_has(x, "auditctl --backlog_wait_time 0");
	fix_has(x, "lost events");
	/* Nothing was lost: no loss findings. */
	assert_null(findings_find(&d->findings, "events-lost"));
	assert_null(findings_find(&d->findings, "backlog-limit-too-small"));
	doc_free(d);
}

static void test_rate_dropping(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.rate_limit = 20;
	d->fig.lost_delta = 900;
	d->fig.lost_rate = 300;
	d->fig.backlog_max = 3;
	kqueue_check(d);
	x = must_find(d, "rate-limit-dropping", SEV_PROBLEM);
	assert_non_null(strstr(x->summary, "rate_limit 20 per second"));
	assert_int_equal(ev(x, "rate_limit")->i, 20);
	assert_true(ev(x, "lost_rate_per_s")->r == 300);
	fix_has(x, "auditctl -r 0\n");
	fix_has(x, "in /etc/audit/rules.d/*.rules: -r 0");
	fix_has(x, "auditctl -r 640");	/* 2 x (20 passed + 300 dropped) */
	must_find(d, "events-lost", SEV_PROBLEM);
	assert_null(findings_find(&d->findings, "backlog-limit-too-small"));
	doc_free(d);
}

static void test_rate_near(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.rate_limit = 100;
	d->fig.have_drain = true;
	d->fig.drain_rate = 85;
	d->fig.arrival_rate = 85;
	kqueue_check(d);
	x = must_find(d, "rate-limit-dropping", SEV_WARNING);
	assert_true(ev(x, "arrival_rate_per_s")->r == 85);
	fix_has(x, "auditctl -r 170");
	/* 80 per second is not above 80% of 100. */
	findings_free(&d->findings);
	memset(&d->findings, 0, sizeof(d->findings));
	d->fig.arrival_rate = 80;
	kqueue_check(d);
	assert_null(findings_find(&d->findings, "rate-limit-dropping"));
	doc_free(d);
}

/* Overflow with a rate limit set: the queue's fault, not the rate's. */
static void test_rate_not_blamed_for_overflow(void **state)
{
	struct doctor *d = doc_new();

	(void)state;
	doc_overflow(d);
	d->fig.last.rate_limit = 1000;
	kqueue_check(d);
	must_find(d, "backlog-limit-too-small", SEV_PROBLEM);
	assert_null(findings_find(&d->findings, "rate-limit-dropping"));
	doc_free(d);
}

static void test_memory(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.backlog_limit = 1000000;	/* 8.97 GB of 24 GiB: 34.8% */
	kqueue_check(d);
	x = must_find(d, "backlog-memory", SEV_PROBLEM);
	assert_int_equal(ev(x, "memory_bytes")->i, 8970000000ll);
	assert_int_equal(ev(x, "mem_total_bytes")->i, (int64_t)(24 * GIB));
	assert_in_range((int)ev(x, "share_percent")->r, 34, 35);
	/* 5% of 24 GiB / 8970 = 143645, rounded down to 1024s. */
	assert_string_equal(x->fix, "auditctl -b 143360\n"
			    "in /etc/audit/rules.d/*.rules: -b 143360");
	doc_free(d);
}

static void test_memory_warning_and_quiet(void **state)
{
	struct doctor *d = doc_new();

	(void)state;
	d->fig.last.backlog_limit = 200000;	/* 7.0% */
	kqueue_check(d);
	must_find(d, "backlog-memory", SEV_WARNING);
	doc_free(d);
	d = doc_new();
	d->fig.last.backlog_limit = 131072;	/* 4.6% */
	kqueue_check(d);
	assert_null(findings_find(&d->findings, "backlog-memory"));
	doc_free(d);
}

/* On a small machine the recommended limit alone crosses 5%. */
static void test_memory_recommended(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	doc_overflow(d);
	d->samples.mem_total = GIB;
	d->fig.lost_delta = 40000;	/* x2 -> 80896: 725 MB, 67% */
	kqueue_check(d);
	x = must_find(d, "backlog-memory", SEV_WARNING);
	assert_int_equal(ev(x, "backlog_limit")->i, 64);
	assert_int_equal(ev(x, "recommended_backlog_limit")->i, 80896);
	assert_int_equal(ev(x, "recommended_memory_bytes")->i, 80896ll * 8970);
	assert_true(ev(x, "recommended_share_percent")->r > 60);
	doc_free(d);
}

static void test_memory_unlimited_and_unknown(void **state)
{
	struct doctor *d = doc_new();

	(void)state;
	d->fig.last.backlog_limit = 0;
	kqueue_check(d);
	must_find(d, "backlog-memory", SEV_WARNING);
	doc_free(d);
	d = doc_new();
	d->samples.mem_total = 0;
	kqueue_check(d);
	assert_null(findings_find(&d->findings, "backlog-memory"));
	assert_int_equal(d->findings.n_skips, 1);
	assert_string_equal(d->findings.skips[0].check, "backlog memory");
	doc_free(d);
}

static void test_disabled(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.enabled = 0;
	d->have_rules = true;
	d->n_rules = 3;
	kqueue_check(d);
	x = must_find(d, "audit-disabled", SEV_PROBLEM);
	assert_int_equal(ev(x, "rules")->i, 3);
	assert_string_equal(x->fix, "auditctl -e 1\n"
			    "in /etc/audit/rules.d/*.rules: -e 1");
	doc_free(d);
	/* Off with no rules is a choice, not a problem. */
	d = doc_new();
	d->fig.last.enabled = 0;
	d->have_rules = true;
	kqueue_check(d);
	assert_null(findings_find(&d->findings, "audit-disabled"));
	doc_free(d);
}

static void test_locked(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.enabled = 2;
	kqueue_check(d);
	x = must_find(d, "audit-disabled", SEV_INFO);
	assert_non_null(strstr(x->summary, "until reboot"));
	doc_free(d);
}

static void test_panic(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.failure = AUDIT_FAIL_PANIC;
	kqueue_check(d);
	x = must_find(d, "failure-panic-risk", SEV_WARNING);
	assert_string_equal(x->fix, "auditctl -f 1\n"
			    "in /etc/audit/rules.d/*.rules: -f 1");
	doc_free(d);
	d = doc_new();
	d->fig.last.failure = AUDIT_FAIL_PANIC;
	d->fig.near_limit = true;
	d->fig.backlog_max = 8000;
	kqueue_check(d);
	x = must_find(d, "failure-panic-risk", SEV_PROBLEM);
	assert_non_null(strstr(x->summary, "reboots"));
	assert_int_equal(ev(x, "backlog_max")->i, 8000);
	doc_free(d);
}

static void test_panic_losing_locked(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	doc_overflow(d);
	d->fig.last.failure = AUDIT_FAIL_PANIC;
	d->fig.last.enabled = 2;
	kqueue_check(d);
	x = must_find(d, "failure-panic-risk", SEV_PROBLEM);
	assert_int_equal(ev(x, "lost_delta")->i, 5123);
	assert_null(strstr(x->fix, "auditctl -f"));
	fix_has(x, "in /etc/audit/rules.d/*.rules: -f 1");
	fix_has(x, "reboot");
	doc_free(d);
}

static void test_silent(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	(void)state;
	d->fig.last.failure = AUDIT_FAIL_SILENT;
	kqueue_check(d);
	x = must_find(d, "failure-silent", SEV_WARNING);
	fix_has(x, "auditctl -f 1");
	doc_free(d);
	d = doc_new();
	doc_overflow(d);
	d->fig.last.failure = AUDIT_FAIL_SILENT;
	kqueue_check(d);
	must_find(d, "failure-silent", SEV_PROBLEM);
	assert_null(findings_find(&d->findings, "failure-panic-risk"));
	doc_free(d);
}

/* End to end over the fake kernel: sample_run, ksamples_figures and
 * kqueue_check on a kernel with failure 2 losing 5 records a sample. */
static void test_fake_kernel_panic(void **state)
{
	struct fake_kernel *fk = fake_kernel_new();
	struct netlink *nl;
	struct doctor *d = doc_new();
	const struct finding *x;
	int err;

	(void)state;
	fk->status.enabled = 1;
	fk->status.failure = AUDIT_FAIL_PANIC;
	fk->lost_step = 5;
	nl = fake_kernel_open(fk);
	err = sample_run(nl, 300, 100, NULL, "/proc", &d->samples);
	if (err == -ENOSYS) {
		netlink_close(nl);
		fake_kernel_free(fk);
		doc_free(d);
		skip();
	}
	assert_int_equal(err, 0);
	ksamples_figures(&d->samples, &d->fig);
	kqueue_check(d);
	assert_int_equal(d->fig.last.failure, AUDIT_FAIL_PANIC);
	assert_true(d->fig.lost_delta >= 5);
	x = must_find(d, "failure-panic-risk", SEV_PROBLEM);
	fix_has(x, "auditctl -f 1");
	x = must_find(d, "events-lost", SEV_PROBLEM);
	assert_int_equal(ev(x, "lost_delta")->i, d->fig.lost_delta);
	ksamples_free(&d->samples);
	netlink_close(nl);
	fake_kernel_free(fk);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_samples),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_overflow_capped),
		cmocka_unit_test(test_lost_old),
		cmocka_unit_test(test_overflow),
		cmocka_unit_test(test_overflow_minimum),
		cmocka_unit_test(test_overflow_surplus),
		cmocka_unit_test(test_no_surplus_when_draining),
		cmocka_unit_test(test_wait_blocking),
		cmocka_unit_test(test_rate_dropping),
		cmocka_unit_test(test_rate_near),
		cmocka_unit_test(test_rate_not_blamed_for_overflow),
		cmocka_unit_test(test_memory),
		cmocka_unit_test(test_memory_warning_and_quiet),
		cmocka_unit_test(test_memory_recommended),
		cmocka_unit_test(test_memory_unlimited_and_unknown),
		cmocka_unit_test(test_disabled),
		cmocka_unit_test(test_locked),
		cmocka_unit_test(test_panic),
		cmocka_unit_test(test_panic_losing_locked),
		cmocka_unit_test(test_silent),
		cmocka_unit_test(test_fake_kernel_panic),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
