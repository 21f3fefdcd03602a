/*
 * test_audoctor_sample: the figures from hand-built samples (least
 * squares slope, lost wrapping at 2^32, drain and arrival arithmetic,
 * near_limit, the daemon's state over the samples), and sample_run over
 * the fake kernel: sample count and timing, lost rising per AUDIT_GET,
 * the first AUDIT_GET failing, this process as the "daemon" in the real
 * /proc, and a log followed while a thread appends to it or rotates it.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "fake_kernel.h"
#include "netlink.h"
#include "sample.h"

static void sample_at(struct ksample *k, uint64_t t_ms, uint32_t backlog)
{
	memset(k, 0, sizeof(*k));
	k->t_ms = t_ms;
	k->st.backlog = backlog;
	k->st.backlog_limit = 100;
	k->st.pid = 77;
	k->st.enabled = 1;
	k->task.exists = true;
	k->task.state = 'S';
	k->log_size = -1;
}

static struct ksamples *build(size_t n)
{
	struct ksamples *s = calloc(1, sizeof(*s));

	s->v = calloc(n, sizeof(*s->v));
	s->n = n;
	s->kind = DAEMON_AUDITKIT;
	s->ticks_per_s = 100;
	for (size_t i = 0; i < n; i++)
		sample_at(&s->v[i], 5000 + 1000 * i, (uint32_t)(10 * i));
	return s;
}

static void done(struct ksamples *s)
{
	ksamples_free(s);
	free(s);
}

static void test_slope_and_limits(void **state)
{
	struct ksamples *s = build(4);
	struct kfigures g;

	ksamples_figures(s, &g);
	assert_int_equal(g.n, 4);
	assert_float_equal(g.span_s, 3.0, 1e-9);
	assert_float_equal(g.backlog_slope, 10.0, 1e-9);
	assert_int_equal(g.backlog_min, 0);
	assert_int_equal(g.backlog_max, 30);
	assert_false(g.near_limit);
	/* Noisy: 0, 40, 0, 40 has slope 8 (least squares, not last-first). */
	s->v[1].st.backlog = 40;
	s->v[2].st.backlog = 0;
	s->v[3].st.backlog = 40;
	ksamples_figures(s, &g);
	assert_float_equal(g.backlog_slope, 8.0, 1e-9);
	/* 80% of the limit is near; limit 0 never is. */
	s->v[2].st.backlog = 80;
	ksamples_figures(s, &g);
	assert_true(g.near_limit);
	s->v[2].st.backlog = 79;
	ksamples_figures(s, &g);
	assert_false(g.near_limit);
	s->v[3].st.backlog_limit = 0;
	s->v[2].st.backlog = 1000;
	ksamples_figures(s, &g);
	assert_false(g.near_limit);
	done(s);
}

static void test_lost_wraps(void **state)
{
	struct ksamples *s = build(3);
	struct kfigures g;

	s->v[0].st.lost = 0xfffffff0u;
	s->v[1].st.lost = 0xffffffffu;
	s->v[2].st.lost = 0x10;
	s->v[0].st.backlog_wait_time_actual = 5;
	s->v[2].st.backlog_wait_time_actual = 12;
	ksamples_figures(s, &g);
	assert_int_equal(g.lost_delta, 0x20);
	assert_float_equal(g.lost_rate, 16.0, 1e-9);
	assert_int_equal(g.wait_actual_delta, 7);
	done(s);
}

static void test_drain_arrival(void **state)
{
	struct ksamples *s = build(3);	/* slope 10/s over 2 s */
	struct kfigures g;

	for (size_t i = 0; i < 3; i++) {
		s->v[i].log_size = 1000 + 500 * (int64_t)i;
		s->v[i].log_records = 100 * i;
	}
	s->v[2].st.lost = 8;
	ksamples_figures(s, &g);
	assert_true(g.have_drain);
	assert_float_equal(g.drain_rate, 100.0, 1e-9);
	assert_float_equal(g.log_bytes_rate, 500.0, 1e-9);
	assert_float_equal(g.lost_rate, 4.0, 1e-9);
	assert_float_equal(g.arrival_rate, 100.0 + 10.0 + 4.0, 1e-9);
	/* A falling backlog adds nothing to arrivals. */
	s->v[0].st.backlog = 50;
	s->v[2].st.backlog = 0;
	ksamples_figures(s, &g);
	assert_true(g.backlog_slope < 0);
	assert_float_equal(g.arrival_rate, 104.0, 1e-9);
	/* A rotated log (size unknown at the end): no drain claimed. */
	s->v[2].log_size = -1;
	ksamples_figures(s, &g);
	assert_false(g.have_drain);
	assert_float_equal(g.log_bytes_rate, -1, 0);
	/* A dead daemon drains nothing, whatever its log says. */
	s->v[2].log_size = 2000;
	s->kind = DAEMON_GONE;
	ksamples_figures(s, &g);
	assert_false(g.have_drain);
	assert_float_equal(g.log_bytes_rate, 500.0, 1e-9);
	done(s);
}

static void test_daemon_state(void **state)
{
	struct ksamples *s = build(4);
	struct kfigures g;

	for (size_t i = 0; i < 4; i++) {
		s->v[i].task.state = i ? 'T' : 't';
		s->v[i].task.cpu_ticks = 1000 + 50 * i;
		s->v[i].sock.found = true;
		s->v[i].sock.rmem = 4000 + 1000 * i;
		s->v[i].sock.drops = 10 + i;
	}
	ksamples_figures(s, &g);
	assert_true(g.stopped_all);
	assert_false(g.traced);
	assert_false(g.disk_sleep);
	assert_float_equal(g.cpu_s, 1.5, 1e-9);
	assert_true(g.sock_found);
	assert_int_equal(g.rmem_min, 4000);
	assert_int_equal(g.rmem_max, 7000);
	assert_int_equal(g.drops_delta, 3);
	/* D in 3 of 4 is most; in 2 of 4 it is not. One R: not all stopped. */
	s->v[1].task.state = s->v[2].task.state = s->v[3].task.state = 'D';
	s->v[0].task.state = 'R';
	s->v[3].task.tracer_pid = 99;
	s->v[2].sock.found = false;
	ksamples_figures(s, &g);
	assert_true(g.disk_sleep);
	assert_false(g.stopped_all);
	assert_true(g.traced);
	assert_false(g.sock_found);
	s->v[3].task.state = 'S';
	ksamples_figures(s, &g);
	assert_false(g.disk_sleep);
	done(s);
}

static void test_one_sample(void **state)
{
	struct ksamples *s = build(1);
	struct kfigures g;

	ksamples_figures(s, &g);
	assert_int_equal(g.n, 1);
	assert_float_equal(g.span_s, 0, 0);
	assert_float_equal(g.backlog_slope, 0, 0);
	assert_false(g.have_drain);
	done(s);
}

/* ---- sample_run over the fake kernel ---- */

static void test_run_fake(void **state)
{
	struct fake_kernel *fk = fake_kernel_new();
	struct netlink *nl = fake_kernel_open(fk);
	struct ksamples s;
	struct kfigures g;

	fk->lost_step = 5;
	fk->status.pid = (uint32_t)getpid();
	fk->status.enabled = 1;
	assert_int_equal(sample_run(nl, 300, 100, NULL, "/proc", &s), 0);
	assert_in_range(s.n, 4, 5);
	assert_true(s.v[s.n - 1].t_ms - s.v[0].t_ms >= 300);
	assert_true(s.v[s.n - 1].t_ms - s.v[0].t_ms < 600);
	assert_int_equal(s.v[1].st.lost - s.v[0].st.lost, 5);
	assert_int_equal(s.kind, DAEMON_OTHER);	/* this test program */
	assert_true(s.exe[0] == '/');
	assert_true(s.mem_total > 0);
	assert_true(s.status_len > 0);
	assert_true(s.v[0].task.exists);
	assert_false(s.v[0].sock.found);
	assert_int_equal(s.v[0].log_size, -1);
	ksamples_figures(&s, &g);
	assert_int_equal(g.lost_delta, 5 * (s.n - 1));
	assert_false(g.have_drain);
	ksamples_free(&s);

	/* --watch 0: two samples back to back. */
	fk->status.pid = 0;
	assert_int_equal(sample_run(nl, 0, 100, NULL, "/proc", &s), 0);
	assert_int_equal(s.n, 2);
	assert_true(s.v[1].t_ms - s.v[0].t_ms < 50);
	assert_int_equal(s.kind, DAEMON_NONE);
	assert_false(s.v[0].task.exists);
	ksamples_free(&s);

	/* The first AUDIT_GET fails: its error, nothing sampled. */
	fk->fail_errno = -EPERM;
	assert_int_equal(sample_run(nl, 100, 50, NULL, "/proc", &s), -EPERM);
	assert_int_equal(s.n, 0);
	assert_null(s.v);
	netlink_close(nl);
	fake_kernel_free(fk);
}

struct writer {
	const char *path;
	bool rotate;
};

static void sleep_ms(long ms)
{
	struct timespec ts = { 0, ms * 1000000 };

	nanosleep(&ts, NULL);
}

static void *writer_run(void *arg)
{
	const struct writer *w = arg;
	FILE *f;

	sleep_ms(60);
	f = fopen(w->path, "a");
	fputs("type=A msg=1\ntype=B msg=2\ntype=C msg=3\n", f);
	fclose(f);
	sleep_ms(100);
	f = fopen(w->path, w->rotate ? "w" : "a");
	fputs("type=D msg=4\n", f);
	fclose(f);
	return NULL;
}

static void run_with_writer(const char *path, bool rotate, struct ksamples *s)
{
	struct fake_kernel *fk = fake_kernel_new();
	struct netlink *nl = fake_kernel_open(fk);
	struct writer w = { path, rotate };
	FILE *f = fopen(path, "w");
	pthread_t t;

	fputs("old line, not counted\nanother\n", f);
	fclose(f);
	fk->status.pid = (uint32_t)getpid();
	assert_int_equal(pthread_create(&t, NULL, writer_run, &w), 0);
	assert_int_equal(sample_run(nl, 300, 50, path, "/proc", s), 0);
	pthread_join(t, NULL);
	netlink_close(nl);
	fake_kernel_free(fk);
}

static void test_run_log(void **state)
{
	char path[] = "/tmp/audoctor-sample.XXXXXX";
	int fd = mkstemp(path);
	struct ksamples s;
	struct kfigures g;

	assert_true(fd >= 0);
	close(fd);
	run_with_writer(path, false, &s);
	assert_int_equal(s.v[0].log_size, 30);
	assert_int_equal(s.v[0].log_records, 0);
	assert_int_equal(s.v[s.n - 1].log_records, 4);
	assert_int_equal(s.v[s.n - 1].log_size, 30 + 39 + 13);
	ksamples_figures(&s, &g);
	assert_true(g.have_drain);
	assert_float_equal(g.drain_rate, 4 / g.span_s, 1e-9);
	assert_float_equal(g.log_bytes_rate, 52 / g.span_s, 1e-9);
	ksamples_free(&s);

	/* Truncated and rewritten (rotation): unknown from then on. */
	run_with_writer(path, true, &s);
	assert_int_equal(s.v[0].log_size, 30);
	assert_int_equal(s.v[s.n - 1].log_size, -1);
	ksamples_figures(&s, &g);
	assert_false(g.have_drain);
	assert_float_equal(g.log_bytes_rate, -1, 0);
	ksamples_free(&s);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slope_and_limits),
		cmocka_unit_test(test_lost_wraps),
		cmocka_unit_test(test_drain_arrival),
		cmocka_unit_test(test_daemon_state),
		cmocka_unit_test(test_one_sample),
		cmocka_unit_test(test_run_fake),
		cmocka_unit_test(test_run_log),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
