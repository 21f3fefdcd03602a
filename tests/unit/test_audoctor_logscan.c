/*
 * test_audoctor_logscan: logscan over the crafted logs of
 * tests/data/audoctor/logs (see the counts each was made with below),
 * and logscan_gather's choice of files: --log, or auditd.conf's log of
 * the last hour.
 *
 *   noisy.log       300 key "noisy" (290 /usr/bin/backup, 10 /usr/bin/cp),
 *                   50 key "passwd" (openat), 30 key-less chmod, one
 *                   USER_LOGIN; seconds 1700000000..+59
 *   auid_unset.log  200 key "cron", auid unset, 5 executables; 20 "other"
 *   damaged.log     5 events, 3 damaged lines
 *   daemon.log      20 by /usr/sbin/auditd (pid 777), 30 by tail; key
 *                   "logwatch"
 *   multikey.log    3 events keyed "first\x01second" (hex in the log)
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <cmocka.h>

#include "audoctor.h"
#include "conf.h"

#define LOGS TESTS_DATA "/audoctor/logs/"
#define T0 1700000000u

static void scan1(const char *name, uint64_t since, pid_t pid, const char *exe,
		  struct logscan *s, int want_rc)
{
	const char *p[] = { name };

	assert_int_equal(logscan_run(p, 1, since, pid, exe, s), want_rc);
}

static void test_noisy_counts(void **state)
{
	struct logscan s;
	struct stat sb;

	(void)state;
	scan1(LOGS "noisy.log", 0, 0, NULL, &s, 0);
	assert_int_equal(s.events, 381);
	assert_int_equal(s.records, 380 * 3 + 1);
	assert_int_equal(stat(LOGS "noisy.log", &sb), 0);
	assert_int_equal(s.bytes, sb.st_size);
	assert_int_equal(s.first_sec, T0);
	assert_int_equal(s.last_sec, T0 + 59);
	assert_int_equal(s.files, 1);
	assert_int_equal(s.bad_lines, 0);
	assert_int_equal(s.daemon_events, 0);
	assert_null(s.daemon_key);
	assert_int_equal(s.n_keys, 3);
	assert_string_equal(s.keys[0].key, "noisy");
	assert_int_equal(s.keys[0].events, 300);
	assert_string_equal(s.keys[0].top_exe, "/usr/bin/backup");
	assert_int_equal(s.keys[0].top_exe_events, 290);
	assert_int_equal(s.keys[0].auid_unset, 0);
	assert_string_equal(s.keys[1].key, "passwd");
	assert_int_equal(s.keys[1].events, 50);
	assert_string_equal(s.keys[2].key, "");
	assert_string_equal(s.keys[2].syscall, "chmod");
	assert_int_equal(s.keys[2].events, 30);
	assert_string_equal(s.err, "");
	logscan_free(&s);
}

static void test_since(void **state)
{
	struct logscan s;

	(void)state;
	scan1(LOGS "noisy.log", T0 + 30, 0, NULL, &s, 0);
	assert_int_equal(s.keys[0].events, 150);	/* n*60/300 >= 30 */
	assert_int_equal(s.first_sec, T0 + 30);
	assert_int_equal(s.events, 151);		/* and the login */
	logscan_free(&s);
	scan1(LOGS "noisy.log", T0 + 3600, 0, NULL, &s, 0);
	assert_int_equal(s.events, 0);
	assert_int_equal(s.n_keys, 0);
	assert_int_equal(s.first_sec, 0);
	logscan_free(&s);
}

static void test_auid_unset(void **state)
{
	struct logscan s;

	(void)state;
	scan1(LOGS "auid_unset.log", 0, 0, NULL, &s, 0);
	assert_string_equal(s.keys[0].key, "cron");
	assert_int_equal(s.keys[0].events, 200);
	assert_int_equal(s.keys[0].auid_unset, 200);
	assert_int_equal(s.keys[0].top_exe_events, 40);
	assert_string_equal(s.keys[1].key, "other");
	assert_int_equal(s.keys[1].auid_unset, 0);
	logscan_free(&s);
}

static void test_daemon_events(void **state)
{
	struct logscan s;

	(void)state;
	scan1(LOGS "daemon.log", 0, 0, "/usr/sbin/auditd", &s, 0);
	assert_int_equal(s.daemon_events, 20);
	assert_string_equal(s.daemon_key, "logwatch");
	assert_string_equal(s.keys[0].top_exe, "/usr/bin/tail");
	logscan_free(&s);
	scan1(LOGS "daemon.log", 0, 777, NULL, &s, 0);
	assert_int_equal(s.daemon_events, 20);
	logscan_free(&s);
	scan1(LOGS "daemon.log", 0, 0, NULL, &s, 0);
	assert_int_equal(s.daemon_events, 0);
	assert_null(s.daemon_key);
	logscan_free(&s);
}

static void test_multikey(void **state)
{
	struct logscan s;

	(void)state;
	scan1(LOGS "multikey.log", 0, 0, NULL, &s, 0);
	assert_int_equal(s.n_keys, 1);
	assert_string_equal(s.keys[0].key, "first");
	assert_int_equal(s.keys[0].events, 3);
	logscan_free(&s);
}

static void test_damaged(void **state)
{
	struct logscan s;

	(void)state;
	scan1(LOGS "damaged.log", 0, 0, NULL, &s, 0);
	assert_int_equal(s.events, 5);
	assert_int_equal(s.bad_lines, 3);
	logscan_free(&s);
}

/* A missing file among others: what the others hold is kept. */
static void test_missing(void **state)
{
	const char *p[] = { LOGS "noisy.log", LOGS "missing.log", LOGS "damaged.log" };
	struct logscan s;

	(void)state;
	assert_int_equal(logscan_run(p, 3, 0, 0, NULL, &s), -ENOENT);
	assert_int_equal(s.events, 386);
	assert_int_equal(s.files, 2);
	assert_non_null(strstr(s.err, "missing.log"));
	logscan_free(&s);
	assert_int_equal(logscan_run(p, 0, 0, 0, NULL, &s), 0);
	assert_int_equal(s.events, 0);
	logscan_free(&s);
}

/* --log: every event counts. */
static void test_gather_logs(void **state)
{
	const char *logs[] = { LOGS "noisy.log", LOGS "missing.log" };
	struct doctor_opts o = { .logs = logs, .n_logs = 2 };
	struct doctor d = { .opts = &o, .now = T0 + 86400 };

	(void)state;
	logscan_gather(&d);
	assert_non_null(d.scan);
	assert_false(d.scan_last_hour);
	assert_int_equal(d.scan->events, 381);
	assert_non_null(strstr(d.scan_err, "missing.log"));
	logscan_free(d.scan);
	free(d.scan);
	o.n_logs = 1;
	logs[0] = LOGS "missing.log";
	memset(&d, 0, sizeof(d));
	d.opts = &o;
	logscan_gather(&d);
	assert_null(d.scan);
	assert_non_null(strstr(d.scan_err, "missing.log"));
}

static void write_event(FILE *f, time_t sec, unsigned serial, const char *key)
{
	fprintf(f, "type=SYSCALL msg=audit(%lld.000:%u): arch=c000003e "
		"syscall=90 success=yes exit=0 pid=1 auid=0 comm=\"x\" "
		"exe=\"/usr/bin/x\" key=\"%s\"\n", (long long)sec, serial, key);
}

/* auditd.conf's log set: only the last hour counts, and an old rotated
 * file is not even read. */
static void test_gather_conf(void **state)
{
	char dir[] = "/tmp/test_logscan.XXXXXX", path[256], old[300];
	struct doctor_opts o = { 0 };
	struct doctor d = { .opts = &o };
	struct auditd_conf *c = calloc(1, sizeof(*c));
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	d.now = time(NULL);
	snprintf(path, sizeof(path), "%s/audit.log", dir);
	snprintf(old, sizeof(old), "%s.1", path);
	f = fopen(old, "w");
	write_event(f, d.now - 8000, 1, "old");
	fclose(f);
	assert_int_equal(utimes(old, (struct timeval[2]){ { d.now - 7000, 0 },
							  { d.now - 7000, 0 } }), 0);
	f = fopen(path, "w");
	write_event(f, d.now - 7200, 2, "stale");
	write_event(f, d.now - 10, 3, "fresh");
	write_event(f, d.now - 5, 4, "fresh");
	fclose(f);
	c->write_logs = true;
	snprintf(c->log_file, sizeof(c->log_file), "%s", path);
	d.conf = c;
	logscan_gather(&d);
	assert_non_null(d.scan);
	assert_true(d.scan_last_hour);
	assert_int_equal(d.scan->events, 2);
	assert_int_equal(d.scan->files, 1);
	assert_string_equal(d.scan->keys[0].key, "fresh");
	logscan_free(d.scan);
	free(d.scan);
	unlink(old);
	unlink(path);
	rmdir(dir);
	free(c);
}

static void test_gather_no_conf(void **state)
{
	struct doctor_opts o = { 0 };
	struct doctor d = { .opts = &o };

	(void)state;
	snprintf(d.conf_err, sizeof(d.conf_err), "/x/auditd.conf: no such file");
	logscan_gather(&d);
	assert_null(d.scan);
	assert_non_null(strstr(d.scan_err, "no such file"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_noisy_counts),
		cmocka_unit_test(test_since),
		cmocka_unit_test(test_auid_unset),
		cmocka_unit_test(test_daemon_events),
		cmocka_unit_test(test_multikey),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_missing),
		cmocka_unit_test(test_gather_logs),
		cmocka_unit_test(test_gather_conf),
		cmocka_unit_test(test_gather_no_conf),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
