/*
 * audoctor's disk check: the arithmetic (thresholds in MB and percent,
 * hours to a threshold, what retention fits), each finding from
 * disk_judge() on hand-made partition figures, nothing on a healthy
 * config, and disk_check() itself on a temp dir (statvfs) and without a
 * config.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "audoctor.h"
#include "conf.h"
#include "disk.h"
#include "finding.h"

#define MB DISK_MB
#define CONF "/x/auditd.conf"

static const struct evidence *ev(const struct finding *x, const char *key)
{
	for (size_t i = 0; i < x->n_ev; i++)
		if (strcmp(x->ev[i].key, key) == 0)
			return &x->ev[i];
	fail_msg("no evidence %s in %s", key, x->id);
	return NULL;
}

static bool has_ev(const struct finding *x, const char *key)
{
	for (size_t i = 0; i < x->n_ev; i++)
		if (strcmp(x->ev[i].key, key) == 0)
			return true;
	return false;
}

static size_t count_id(const struct findings *f, const char *id)
{
	size_t n = 0;

	for (size_t i = 0; i < f->n; i++)
		n += strcmp(f->v[i].id, id) == 0;
	return n;
}

/* A healthy starting point: thresholds set, harmless actions. */
static void conf_base(struct auditd_conf *c)
{
	conf_defaults(c);
	c->space_left = (struct conf_space){ 75, false };
	c->admin_space_left = (struct conf_space){ 50, false };
	c->space_left_action.kind = CONF_ACT_SYSLOG;
	c->admin_space_left_action.kind = CONF_ACT_SYSLOG;
	c->disk_full_action.kind = CONF_ACT_SYSLOG;
	c->num_logs = 5;
	c->max_log_file = 8;
	c->max_log_file_action.kind = CONF_ACT_ROTATE;
}

static struct disk_figures figs(uint64_t free_bytes, uint64_t size_bytes,
				double rate)
{
	return (struct disk_figures){ "/x/log", free_bytes, size_bytes, rate,
				      rate > 0 ? "watch" : "none" };
}

static void test_thresholds(void **state)
{
	struct conf_space mb = { 5, false }, pct = { 25, true };

	(void)state;
	assert_int_equal(disk_threshold_bytes(&mb, 1000 * MB), 5 * MB);
	assert_int_equal(disk_threshold_bytes(&pct, 16 * MB), 4 * MB);
	assert_int_equal(disk_threshold_bytes(&pct, 1003), 250);
	pct.value = 0;
	assert_int_equal(disk_threshold_bytes(&pct, 16 * MB), 0);
}

static void test_hours_to(void **state)
{
	(void)state;
	/* 36 MB above the threshold at 10 KiB/s: 3686.4 s = 1.024 h */
	assert_float_equal(disk_hours_to(46 * MB, 10 * MB, 10240), 1.024, 1e-9);
	assert_float_equal(disk_hours_to(5 * MB, 10 * MB, 10240), 0, 0);
	assert_float_equal(disk_hours_to(5 * MB, 10 * MB, 0), 0, 0);
	assert_float_equal(disk_hours_to(46 * MB, 10 * MB, 0), -1, 0);
	assert_float_equal(disk_hours_to(46 * MB, 0, 10240), -1, 0);
}

static void test_retention_arithmetic(void **state)
{
	(void)state;
	assert_int_equal(disk_capacity_mb(16 * MB, 1 * MB), 15);
	assert_int_equal(disk_capacity_mb(16 * MB, 20 * MB), 0);
	assert_int_equal(disk_capacity_mb(16 * MB + MB / 2, 0), 16);
	assert_int_equal(disk_fit_num_logs(31, 8), 3);
	assert_int_equal(disk_fit_num_logs(15, 8), 0);	/* 1 file: no rotation */
	assert_int_equal(disk_fit_num_logs(100000, 1), 999);
	assert_int_equal(disk_fit_num_logs(100, 0), 0);
	assert_int_equal(disk_fit_max_log_file(15, 10), 1);
	assert_int_equal(disk_fit_max_log_file(31, 3), 10);
}

static void test_rate_sources(void **state)
{
	struct doctor d;
	struct logscan scan = { 0 };
	const char *src;

	(void)state;
	memset(&d, 0, sizeof(d));
	assert_float_equal(disk_rate(&d, &src), 0, 0);
	assert_string_equal(src, "none");
	scan.bytes = 36000;
	d.scan = &scan;
	d.scan_last_hour = true;
	assert_float_equal(disk_rate(&d, &src), 10, 1e-9);
	assert_string_equal(src, "last hour");
	d.have_samples = true;
	d.fig.log_bytes_rate = -1;	/* unknown: still the last hour */
	assert_float_equal(disk_rate(&d, &src), 10, 1e-9);
	d.fig.log_bytes_rate = 500;
	assert_float_equal(disk_rate(&d, &src), 500, 0);
	assert_string_equal(src, "watch");
	d.have_samples = false;
	d.scan_last_hour = false;	/* --log: not a rate */
	disk_rate(&d, &src);
	assert_string_equal(src, "none");
}

static void test_healthy(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	struct disk_figures g = figs(50000 * MB, 100000 * MB, 20000);

	(void)state;
	conf_base(&c);
	c.space_left_action.kind = CONF_ACT_SUSPEND;	/* 30 days away */
	c.disk_full_action.kind = CONF_ACT_HALT;
	disk_judge(&c, CONF, &g, &f);
	assert_int_equal(f.n, 0);
	conf_defaults(&c);				/* the bare defaults too */
	disk_judge(&c, CONF, &g, &f);
	assert_int_equal(f.n, 0);
	assert_int_equal(f.n_skips, 0);
	findings_free(&f);
}

static void test_low_admin_problem(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	struct disk_figures g = figs(30 * MB, 1000 * MB, 0);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "disk-space-low");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_PROBLEM);
	assert_int_equal(ev(x, "free_mb")->i, 30);
	assert_int_equal(ev(x, "size_mb")->i, 1000);
	assert_int_equal(ev(x, "space_left_mb")->i, 75);
	assert_int_equal(ev(x, "admin_space_left_mb")->i, 50);
	assert_string_equal(ev(x, "admin_space_left_action")->text, "SYSLOG");
	assert_string_equal(ev(x, "rate_source")->text, "none");
	assert_float_equal(ev(x, "hours_to_admin_space_left")->r, 0, 0);
	assert_non_null(strstr(x->summary, "admin_space_left"));
	assert_non_null(strstr(x->fix, "free at least 45 MB"));
	assert_non_null(strstr(x->fix, "in " CONF ": log_file = "));
	assert_int_equal(f.n, 1);	/* SYSLOG actions stop nothing */
	findings_free(&f);
}

static void test_low_percent_warning(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	struct disk_figures g = figs(15 * MB, 100 * MB, 0);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	c.space_left = (struct conf_space){ 20, true };
	c.admin_space_left = (struct conf_space){ 10, true };
	c.max_log_file = 1;
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "disk-space-low");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_int_equal(ev(x, "space_left_mb")->i, 20);
	assert_int_equal(ev(x, "admin_space_left_mb")->i, 10);
	assert_non_null(strstr(x->summary, "below space_left (20 MB)"));
	findings_free(&f);
}

static void test_low_soon(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	/* 100 MB above space_left at 2 KiB/s: 14.2 h */
	struct disk_figures g = figs(175 * MB, 1000 * MB, 2048);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "disk-space-low");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_float_equal(ev(x, "hours_to_space_left")->r, 14.2, 1e-9);
	assert_float_equal(ev(x, "hours_to_admin_space_left")->r, 17.8, 1e-9);
	assert_float_equal(ev(x, "write_rate_bytes_per_s")->r, 2048, 0);
	assert_string_equal(ev(x, "rate_source")->text, "watch");
	findings_free(&f);
	/* at 1 KiB/s it is 28 h away: nothing yet */
	g.rate = 1024;
	disk_judge(&c, CONF, &g, &f);
	assert_null(findings_find(&f, "disk-space-low"));
	findings_free(&f);
}

static void test_stops_reached(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	struct disk_figures g = figs(30 * MB, 1000 * MB, 0);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	c.space_left_action.kind = CONF_ACT_SUSPEND;
	c.admin_space_left_action.kind = CONF_ACT_HALT;
	c.disk_full_action.kind = CONF_ACT_SINGLE;	/* unknown rate: not said */
	disk_judge(&c, CONF, &g, &f);
	assert_int_equal(count_id(&f, "disk-action-stops-machine"), 2);
	x = findings_find(&f, "disk-action-stops-machine");
	assert_int_equal(x->severity, SEV_PROBLEM);
	assert_string_equal(ev(x, "key")->text, "space_left_action");
	assert_string_equal(ev(x, "action")->text, "SUSPEND");
	assert_string_equal(ev(x, "threshold")->text, "space_left");
	assert_int_equal(ev(x, "threshold_mb")->i, 75);
	assert_int_equal(ev(x, "free_mb")->i, 30);
	assert_float_equal(ev(x, "hours_to_threshold")->r, 0, 0);
	assert_non_null(strstr(x->fix, "in " CONF ": space_left_action = ROTATE"));
	assert_non_null(strstr(x->fix, "spill_dir"));
	x++;
	assert_string_equal(x->id, "disk-action-stops-machine");
	assert_string_equal(ev(x, "key")->text, "admin_space_left_action");
	assert_non_null(strstr(x->summary, "halts the machine"));
	assert_non_null(strstr(x->fix, "in " CONF ": admin_space_left_action = ROTATE"));
	assert_null(strstr(x->fix, "spill_dir"));
	findings_free(&f);
}

static void test_stops_by_rate(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	/* 900 MB above space_left at 2 KiB/s: 128 h (5.3 days): warning */
	struct disk_figures g = figs(975 * MB, 2000 * MB, 2048);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	c.space_left_action.kind = CONF_ACT_SINGLE;
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "disk-action-stops-machine");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_float_equal(ev(x, "hours_to_threshold")->r, 128, 1e-9);
	assert_non_null(strstr(x->summary, "single-user"));
	assert_int_equal(f.n, 1);
	findings_free(&f);
	/* at 16 KiB/s: 16 h: a problem (and disk-space-low, under a day) */
	g.rate = 16384;
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "disk-action-stops-machine");
	assert_int_equal(x->severity, SEV_PROBLEM);
	assert_non_null(findings_find(&f, "disk-space-low"));
	findings_free(&f);
	/* at 1 KiB/s: 10.7 days: not reported */
	g.rate = 1024;
	disk_judge(&c, CONF, &g, &f);
	assert_int_equal(f.n, 0);
	findings_free(&f);
}

static void test_stops_disk_full_and_error(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	struct disk_figures g = figs(8192, 1000 * MB, 0);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	c.disk_full_action.kind = CONF_ACT_HALT;
	c.disk_error_action.kind = CONF_ACT_SUSPEND;
	disk_judge(&c, CONF, &g, &f);
	assert_int_equal(count_id(&f, "disk-action-stops-machine"), 2);
	x = findings_find(&f, "disk-action-stops-machine");
	assert_string_equal(ev(x, "key")->text, "disk_full_action");
	assert_string_equal(ev(x, "threshold")->text, "disk full");
	assert_non_null(strstr(x->fix, "disk_full_action = ROTATE"));
	x++;
	assert_string_equal(ev(x, "key")->text, "disk_error_action");
	assert_non_null(strstr(x->fix, "in " CONF ": disk_error_action = SYSLOG"));
	findings_free(&f);
}

static void test_retention_rotate(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	struct disk_figures g = figs(30 * MB, 32 * MB, 0);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	c.space_left = (struct conf_space){ 2, false };
	c.admin_space_left = (struct conf_space){ 1, false };
	c.num_logs = 10;
	disk_judge(&c, CONF, &g, &f);
	assert_int_equal(f.n, 1);
	x = findings_find(&f, "log-retention-exceeds-disk");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_PROBLEM);
	assert_int_equal(ev(x, "num_logs")->i, 10);
	assert_int_equal(ev(x, "max_log_file_mb")->i, 8);
	assert_int_equal(ev(x, "retention_mb")->i, 80);
	assert_int_equal(ev(x, "size_mb")->i, 32);
	assert_int_equal(ev(x, "capacity_mb")->i, 31);
	assert_string_equal(x->fix, "in " CONF ": num_logs = 3\n"
			    "or in " CONF ": max_log_file = 3 (keeping num_logs = 10)");
	findings_free(&f);
	/* 16 MB: two 8 MB files do not fit above admin_space_left */
	g.size_bytes = 16 * MB;
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "log-retention-exceeds-disk");
	assert_string_equal(x->fix, "in " CONF ": max_log_file = 1 (keeping num_logs = 10)");
	findings_free(&f);
	/* 4 x 7 = 28 MB fits 31 */
	c.num_logs = 4;
	c.max_log_file = 7;
	g.size_bytes = 32 * MB;
	disk_judge(&c, CONF, &g, &f);
	assert_int_equal(f.n, 0);
	findings_free(&f);
}

static void test_retention_unbounded(void **state)
{
	struct auditd_conf c;
	struct findings f = { 0 };
	struct disk_figures g = figs(500 * MB, 1000 * MB, 0);
	const struct finding *x;

	(void)state;
	conf_base(&c);
	c.max_log_file_action.kind = CONF_ACT_KEEP_LOGS;
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "log-retention-exceeds-disk");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_false(has_ev(x, "retention_mb"));
	assert_non_null(strstr(x->fix, "in " CONF ": max_log_file_action = ROTATE"));
	assert_non_null(strstr(x->fix, "in " CONF ": num_logs = 118"));
	findings_free(&f);
	c.max_log_file_action.kind = CONF_ACT_ROTATE;
	c.num_logs = 1;
	disk_judge(&c, CONF, &g, &f);
	x = findings_find(&f, "log-retention-exceeds-disk");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_non_null(strstr(x->summary, "does not rotate"));
	findings_free(&f);
}

static void test_check_skips_without_conf(void **state)
{
	struct doctor d;

	(void)state;
	memset(&d, 0, sizeof(d));
	snprintf(d.conf_err, sizeof(d.conf_err), "/c/auditd.conf:3: bad");
	disk_check(&d);
	assert_int_equal(d.findings.n, 0);
	assert_int_equal(d.findings.n_skips, 1);
	assert_string_equal(d.findings.skips[0].check, "disk");
	assert_string_equal(d.findings.skips[0].reason, "/c/auditd.conf:3: bad");
	findings_free(&d.findings);
}

static void test_check_statvfs(void **state)
{
	char dir[] = "/tmp/audoctor-disk.XXXXXX";
	struct auditd_conf c;
	struct doctor d;
	const struct finding *x;

	(void)state;
	assert_non_null(mkdtemp(dir));
	conf_base(&c);
	c.max_log_file = 0;
	snprintf(c.log_file, sizeof(c.log_file), "%s/audit.log", dir);
	memset(&d, 0, sizeof(d));
	d.conf = &c;
	snprintf(d.conf_path, sizeof(d.conf_path), "%s/auditd.conf", dir);
	c.space_left = (struct conf_space){ 0, false };
	c.admin_space_left = (struct conf_space){ 0, false };
	disk_check(&d);
	assert_int_equal(d.findings.n + d.findings.n_skips, 0);
	/* a threshold bigger than any disk: reached */
	c.admin_space_left = (struct conf_space){ 1ULL << 40, false };
	c.space_left = c.admin_space_left;
	disk_check(&d);
	x = findings_find(&d.findings, "disk-space-low");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_PROBLEM);
	assert_true(ev(x, "size_mb")->i > 0);
	assert_non_null(strstr(x->summary, dir));
	findings_free(&d.findings);
	/* a log directory that is not there */
	memset(&d.findings, 0, sizeof(d.findings));
	snprintf(c.log_file, sizeof(c.log_file), "%s/gone/audit.log", dir);
	disk_check(&d);
	assert_int_equal(d.findings.n_skips, 1);
	assert_non_null(strstr(d.findings.skips[0].reason, "/gone: No such file"));
	findings_free(&d.findings);
	assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_hours_to),
		cmocka_unit_test(test_retention_arithmetic),
		cmocka_unit_test(test_rate_sources),
		cmocka_unit_test(test_healthy),
		cmocka_unit_test(test_low_admin_problem),
		cmocka_unit_test(test_low_percent_warning),
		cmocka_unit_test(test_low_soon),
		cmocka_unit_test(test_stops_reached),
		cmocka_unit_test(test_stops_by_rate),
		cmocka_unit_test(test_stops_disk_full_and_error),
		cmocka_unit_test(test_retention_rotate),
		cmocka_unit_test(test_retention_unbounded),
		cmocka_unit_test(test_check_skips_without_conf),
		cmocka_unit_test(test_check_statvfs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
