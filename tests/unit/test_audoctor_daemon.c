/*
 * test_audoctor_daemon: daemon_check on hand-built samples, one case per
 * finding id (no-daemon with auditing on and off, daemon-dead,
 * daemon-stopped stopped and traced, daemon-not-reading idle and in disk
 * sleep, daemon-too-slow for each kind of daemon and auditd.conf), and
 * no finding for a healthy daemon or when the kernel was not sampled.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "audoctor.h"
#include "conf.h"

#define N 5

static struct doctor *doc_new(void)
{
	struct doctor *d = calloc(1, sizeof(*d));

	d->have_samples = true;
	strcpy(d->conf_path, "/t/auditd.conf");
	d->samples.v = calloc(N, sizeof(*d->samples.v));
	d->samples.n = N;
	d->samples.kind = DAEMON_AUDITKIT;
	d->samples.ticks_per_s = 100;
	strcpy(d->samples.exe, "/usr/sbin/auditd");
	for (size_t i = 0; i < N; i++) {
		struct ksample *k = &d->samples.v[i];

		k->t_ms = 1000 * i;
		k->st.enabled = 1;
		k->st.pid = 77;
		k->st.backlog_limit = 100;
		k->task.exists = true;
		k->task.state = 'S';
		k->task.cpu_ticks = 500 + 10 * i;	/* 0.1 s a second */
		k->sock.found = true;
		k->sock.portid = 77;
		k->sock.rmem = i % 2 ? 0 : 1200;
		k->log_size = -1;
	}
	return d;
}

/* Backlog from..to over the samples (linear), lost rising by lost. */
static void rise(struct doctor *d, uint32_t from, uint32_t to, uint32_t lost)
{
	for (size_t i = 0; i < N; i++) {
		d->samples.v[i].st.backlog = from + (uint32_t)((to - from) * i / (N - 1));
		d->samples.v[i].st.lost = lost * (uint32_t)i / (N - 1);
	}
}

static void run(struct doctor *d)
{
	ksamples_figures(&d->samples, &d->fig);
	daemon_check(d);
}

static void doc_free(struct doctor *d)
{
	ksamples_free(&d->samples);
	findings_free(&d->findings);
	free(d->conf);
	free(d);
}

static const struct evidence *ev(const struct finding *x, const char *key)
{
	for (size_t i = 0; i < x->n_ev; i++)
		if (strcmp(x->ev[i].key, key) == 0)
			return &x->ev[i];
	fail_msg("no evidence %s in %s", key, x->id);
	return NULL;
}

/* The only finding is id, with severity sev. */
static const struct finding *only(const struct doctor *d, const char *id,
				  enum severity sev)
{
	assert_int_equal(d->findings.n, 1);
	assert_string_equal(d->findings.v[0].id, id);
	assert_int_equal(d->findings.v[0].severity, sev);
	return &d->findings.v[0];
}

static void test_no_daemon(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	for (size_t i = 0; i < N; i++)
		d->samples.v[i].st.pid = 0;
	d->samples.kind = DAEMON_NONE;
	d->samples.exe[0] = '\0';
	run(d);
	x = only(d, "no-daemon", SEV_PROBLEM);
	assert_string_equal(ev(x, "daemon")->text, "none");
	assert_string_equal(ev(x, "exe")->text, "");
	assert_int_equal(ev(x, "enabled")->i, 1);
	assert_non_null(strstr(x->fix, "systemctl start auditd"));
	findings_free(&d->findings);
	for (size_t i = 0; i < N; i++)
		d->samples.v[i].st.enabled = 0;
	run(d);
	only(d, "no-daemon", SEV_INFO);
	doc_free(d);
}

static void test_dead(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	d->samples.kind = DAEMON_GONE;
	d->samples.exe[0] = '\0';
	for (size_t i = 0; i < N; i++)
		memset(&d->samples.v[i].task, 0, sizeof(d->samples.v[i].task));
	run(d);
	x = only(d, "daemon-dead", SEV_PROBLEM);
	assert_int_equal(ev(x, "pid")->i, 77);
	assert_string_equal(ev(x, "daemon")->text, "gone");
	assert_non_null(strstr(x->fix, "systemctl restart auditd"));
	assert_non_null(strstr(x->fix, "next send"));
	doc_free(d);
}

static void test_died_during_watch(void **state)
{
	struct doctor *d = doc_new();

	memset(&d->samples.v[N - 1].task, 0, sizeof(d->samples.v[0].task));
	run(d);
	only(d, "daemon-dead", SEV_PROBLEM);
	doc_free(d);
}

static void test_stopped(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	rise(d, 20, 60, 0);	/* 10 records/s: full in 4 s */
	for (size_t i = 0; i < N; i++) {
		d->samples.v[i].task.state = 'T';
		d->samples.v[i].task.cpu_ticks = 500;
	}
	run(d);
	x = only(d, "daemon-stopped", SEV_PROBLEM);
	assert_string_equal(ev(x, "daemon")->text, "auditkit");
	assert_string_equal(ev(x, "exe")->text, "/usr/sbin/auditd");
	assert_string_equal(ev(x, "state")->text, "T");
	assert_int_equal(ev(x, "tracer_pid")->i, 0);
	assert_int_equal(ev(x, "backlog_first")->i, 20);
	assert_int_equal(ev(x, "backlog_last")->i, 60);
	assert_int_equal(ev(x, "backlog_limit")->i, 100);
	assert_float_equal(ev(x, "seconds_to_full")->r, 4.0, 1e-9);
	assert_non_null(strstr(x->fix, "kill -CONT 77"));
	assert_non_null(strstr(x->fix, "raising backlog_limit does not help"));
	doc_free(d);
}

static void test_traced(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	d->samples.v[2].task.tracer_pid = 4321;
	run(d);
	x = only(d, "daemon-stopped", SEV_WARNING);
	assert_int_equal(ev(x, "tracer_pid")->i, 4321);
	assert_non_null(strstr(x->fix, "pid 4321"));
	findings_free(&d->findings);
	/* Traced and in tracing stop throughout: a problem. */
	for (size_t i = 0; i < N; i++)
		d->samples.v[i].task.state = 't';
	run(d);
	x = only(d, "daemon-stopped", SEV_PROBLEM);
	assert_string_equal(ev(x, "state")->text, "t");
	doc_free(d);
}

static void test_not_reading(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	rise(d, 10, 100, 0);
	for (size_t i = 0; i < N; i++) {
		d->samples.v[i].task.cpu_ticks = 500;
		d->samples.v[i].sock.rmem = 212992 - 1000 * (i % 2);
		d->samples.v[i].sock.drops = 3 * i;
	}
	d->samples.kind = DAEMON_OTHER;
	run(d);
	x = only(d, "daemon-not-reading", SEV_PROBLEM);
	assert_string_equal(ev(x, "daemon")->text, "other");
	assert_int_equal(ev(x, "rmem_min")->i, 211992);
	assert_int_equal(ev(x, "rmem_max")->i, 212992);
	assert_int_equal(ev(x, "drops_delta")->i, 12);
	assert_float_equal(ev(x, "cpu_s")->r, 0, 0);
	assert_non_null(strstr(x->fix, "cat /proc/77/stack"));
	assert_non_null(strstr(x->fix, "cat /proc/77/wchan"));
	doc_free(d);
}

static void test_not_reading_disk(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	rise(d, 100, 100, 50);	/* at the limit, losing */
	for (size_t i = 0; i < N; i++) {
		d->samples.v[i].task.state = i ? 'D' : 'S';
		d->samples.v[i].sock.rmem = 5000;
	}
	run(d);
	x = only(d, "daemon-not-reading", SEV_PROBLEM);
	assert_string_equal(ev(x, "state")->text, "D");
	assert_non_null(strstr(x->summary, "disk"));
	doc_free(d);
}

static void test_too_slow_ours(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	rise(d, 0, 40, 0);
	for (size_t i = 0; i < N; i++) {
		d->samples.v[i].sock.rmem = 9000;
		d->samples.v[i].log_size = 1000 * (int64_t)i;
		d->samples.v[i].log_records = 50 * i;	/* 50/s */
	}
	run(d);
	x = only(d, "daemon-too-slow", SEV_WARNING);
	assert_string_equal(ev(x, "daemon")->text, "auditkit");
	assert_float_equal(ev(x, "drain_rate_per_s")->r, 50.0, 1e-9);
	assert_float_equal(ev(x, "backlog_slope_per_s")->r, 10.0, 1e-9);
	assert_float_equal(ev(x, "arrival_rate_per_s")->r, 60.0, 1e-9);
	assert_float_equal(ev(x, "cpu_share")->r, 0.1, 1e-9);
	assert_non_null(strstr(x->fix, "in /t/auditd.conf: priority_boost = 8"));
	assert_non_null(strstr(x->fix, "in /t/auditd.conf: flush = INCREMENTAL_ASYNC"));
	assert_null(strstr(x->fix, "freq"));
	assert_non_null(strstr(x->fix, "noisy-rule"));
	findings_free(&d->findings);
	/* Already INCREMENTAL_ASYNC: that line is not repeated. */
	d->conf = calloc(1, sizeof(*d->conf));
	conf_defaults(d->conf);
	d->conf->flush = CONF_FLUSH_INCREMENTAL_ASYNC;
	run(d);
	x = only(d, "daemon-too-slow", SEV_WARNING);
	assert_null(strstr(x->fix, "flush"));
	assert_non_null(strstr(x->fix, "priority_boost = 8"));
	doc_free(d);
}

static void test_too_slow_reference_losing(void **state)
{
	struct doctor *d = doc_new();
	const struct finding *x;

	rise(d, 50, 90, 400);
	d->samples.kind = DAEMON_REFERENCE;
	run(d);
	x = only(d, "daemon-too-slow", SEV_PROBLEM);
	assert_string_equal(ev(x, "daemon")->text, "reference");
	assert_int_equal(ev(x, "lost_delta")->i, 400);
	assert_non_null(strstr(x->fix, "auditkit's auditd"));
	assert_non_null(strstr(x->fix, "flush = INCREMENTAL_ASYNC"));
	assert_non_null(strstr(x->fix, "freq = 100"));
	doc_free(d);
}

static void test_healthy(void **state)
{
	struct doctor *d = doc_new();

	rise(d, 3, 3, 0);
	d->samples.v[2].st.backlog = 30;	/* a burst, drained */
	run(d);
	assert_int_equal(d->findings.n, 0);
	ksamples_free(&d->samples);
	d->have_samples = false;
	daemon_check(d);
	assert_int_equal(d->findings.n, 0);
	assert_int_equal(d->findings.n_skips, 0);
	doc_free(d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_daemon),
		cmocka_unit_test(test_dead),
		cmocka_unit_test(test_died_during_watch),
		cmocka_unit_test(test_stopped),
		cmocka_unit_test(test_traced),
		cmocka_unit_test(test_not_reading),
		cmocka_unit_test(test_not_reading_disk),
		cmocka_unit_test(test_too_slow_ours),
		cmocka_unit_test(test_too_slow_reference_losing),
		cmocka_unit_test(test_healthy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
