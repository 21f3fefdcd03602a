/*
 * test_audoctor_kmsg: the kernel log parser on each message and each log
 * shape (/dev/kmsg, dmesg, klogctl, plain, syslog), the counting, lines
 * that only quote the messages, damaged input; then kernel-log-overflow's
 * severity, evidence and fix, and the check itself on saved files.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "audoctor.h"
#include "kmsg.h"

#define DIR TESTS_DATA "/audoctor/kmsg/"

/* Parse text from an exact-size heap copy, so that a read past the end
 * is caught by the sanitizers. */
static void parse(struct kmsg_scan *s, const char *text, size_t len)
{
	char *copy = malloc(len ? len : 1);

	assert_non_null(copy);
	memcpy(copy, text, len);
	kmsg_parse(s, copy, len);
	free(copy);
}

static struct kmsg_scan scan_of(const char *text)
{
	struct kmsg_scan s;

	kmsg_scan_init(&s);
	parse(&s, text, strlen(text));
	return s;
}

static struct kmsg_scan scan_file(const char *name)
{
	struct kmsg_scan s;
	char why[256];

	kmsg_scan_init(&s);
	assert_int_equal(kmsg_read_file(name, &s, why, sizeof(why)), 0);
	return s;
}

static void test_each_message(void **state)
{
	struct kmsg_scan s = scan_of(
		"[ 1.0] audit: backlog limit exceeded\n"
		"[ 2.0] audit: audit_backlog=321 > audit_backlog_limit=320\n"
		"[ 2.5] audit: audit_backlog=300 > audit_backlog_limit=310\n"
		"[ 3.0] audit: audit_lost=7 audit_rate_limit=5 audit_backlog_limit=64\n"
		"[ 4.0] audit: rate limit exceeded\n"
		"[ 5.0] audit: kauditd hold queue overflow\n"
		"[ 6.0] audit_log_lost: 11 callbacks suppressed\n"
		"[ 7.0] audit_printk_skb: 4 callbacks suppressed");

	(void)state;
	for (int k = 0; k < KMSG_NKINDS; k++)
		assert_int_equal(s.c[k].n,
				 k == KMSG_BACKLOG_OVER || k == KMSG_SUPPRESSED ? 2 : 1);
	assert_int_equal(s.backlog_max, 321);
	assert_int_equal(s.backlog_limit, 64);		/* the last M */
	assert_int_equal(s.backlog_limit_max, 320);
	assert_int_equal(s.lost, 7);
	assert_int_equal(s.rate_limit, 5);
	assert_int_equal(s.suppressed, 15);
	assert_int_equal(s.lines, 8);
	assert_true(s.c[KMSG_BACKLOG_OVER].first == 2.0);
	assert_true(s.c[KMSG_BACKLOG_OVER].last == 2.5);
}

static void test_dmesg_file(void **state)
{
	struct kmsg_scan s = scan_file(DIR "dmesg.txt");
	double first, last;

	(void)state;
	assert_int_equal(s.c[KMSG_BACKLOG_EXCEEDED].n, 3);
	assert_int_equal(s.c[KMSG_BACKLOG_OVER].n, 2);
	assert_int_equal(s.c[KMSG_LOST].n, 2);
	assert_int_equal(s.c[KMSG_RATE_EXCEEDED].n, 0);
	assert_int_equal(s.c[KMSG_HOLD_OVERFLOW].n, 0);
	/* audit_printk_skb and audit_log_lost; kauditd_printk_skb is the
	 * records printed for want of a daemon, not lost ones. */
	assert_int_equal(s.c[KMSG_SUPPRESSED].n, 2);
	assert_int_equal(s.suppressed, 160);
	assert_int_equal(s.backlog_max, 400);
	assert_int_equal(s.backlog_limit, 320);
	assert_int_equal(s.lost, 44393);
	assert_int_equal(s.rate_limit, 0);
	assert_true(kmsg_scan_span(&s, &first, &last));
	assert_true(first > 5021.118033 && first < 5021.118035);
	assert_true(last > 5031.318000 && last < 5031.318002);
}

static void test_devkmsg_file(void **state)
{
	struct kmsg_scan s = scan_file(DIR "kmsg.txt");
	double first, last;

	(void)state;
	assert_int_equal(s.lines, 11);
	assert_int_equal(s.c[KMSG_LOST].n, 3);
	/* " DEVICE=+audit:rate limit exceeded" is a continuation line. */
	assert_int_equal(s.c[KMSG_RATE_EXCEEDED].n, 2);
	assert_int_equal(s.c[KMSG_HOLD_OVERFLOW].n, 1);
	assert_int_equal(s.c[KMSG_BACKLOG_EXCEEDED].n, 0);
	assert_int_equal(s.suppressed, 25);
	assert_int_equal(s.lost, 60);
	assert_int_equal(s.rate_limit, 5);
	assert_int_equal(s.backlog_limit, 8192);
	assert_true(kmsg_scan_span(&s, &first, &last));
	assert_true(first > 7200.49 && first < 7200.51);
	assert_true(last > 7300.0001 && last < 7300.0003);
}

static void test_plain_file(void **state)
{
	struct kmsg_scan s = scan_file(DIR "plain.txt");
	double first, last;

	(void)state;
	assert_int_equal(s.c[KMSG_BACKLOG_EXCEEDED].n, 2);
	assert_int_equal(s.c[KMSG_BACKLOG_OVER].n, 1);
	assert_int_equal(s.c[KMSG_LOST].n, 1);
	assert_int_equal(s.backlog_max, 9000);
	assert_int_equal(s.backlog_limit_max, 8192);
	assert_false(kmsg_scan_span(&s, &first, &last));
}

static void test_syslog_file(void **state)
{
	struct kmsg_scan s = scan_file(DIR "syslog.txt");

	(void)state;
	assert_int_equal(s.c[KMSG_BACKLOG_EXCEEDED].n, 1);
	assert_int_equal(s.c[KMSG_BACKLOG_OVER].n, 1);
	assert_int_equal(s.c[KMSG_LOST].n, 1);
	/* sshd's line quoting "kernel: audit: rate limit exceeded". */
	assert_int_equal(s.c[KMSG_RATE_EXCEEDED].n, 0);
	assert_int_equal(s.c[KMSG_BACKLOG_OVER].timed, 1);
	assert_int_equal(s.c[KMSG_BACKLOG_EXCEEDED].timed, 0);
}

static void test_quoted_not_counted(void **state)
{
	struct kmsg_scan s = scan_file(DIR "quoted.txt");

	(void)state;
	assert_int_equal(s.lines, 8);
	assert_false(kmsg_scan_any(&s));
	assert_int_equal(s.backlog_limit, -1);
	assert_int_equal(s.lost, -1);
}

static void test_klogctl_and_caller(void **state)
{
	struct kmsg_scan s = scan_of(
		"<3>[   12.500000] audit: rate limit exceeded\n"
		"<4>audit: audit_lost=2 audit_rate_limit=1 audit_backlog_limit=64\n"
		"[   13.250000] [  T812] audit: backlog limit exceeded\n"
		"[   14.000000] [    C3] audit: kauditd hold queue overflow\r\n"
		"[Tue Nov 14 10:31:02 2023] audit: rate limit exceeded\n");
	double first, last;

	(void)state;
	assert_int_equal(s.c[KMSG_RATE_EXCEEDED].n, 2);	/* and dmesg -T's */
	assert_int_equal(s.c[KMSG_RATE_EXCEEDED].timed, 1);
	assert_int_equal(s.c[KMSG_LOST].n, 1);
	assert_int_equal(s.c[KMSG_LOST].timed, 0);
	assert_int_equal(s.c[KMSG_BACKLOG_EXCEEDED].n, 1);
	assert_int_equal(s.c[KMSG_HOLD_OVERFLOW].n, 1);
	assert_true(kmsg_scan_span(&s, &first, &last));
	assert_true(first == 12.5 && last == 14.0);
}

/* Records fed one at a time, as read() on /dev/kmsg gives them. */
static void test_record_at_a_time(void **state)
{
	static const char *const rec[] = {
		"4,1,1000000,-;audit: backlog limit exceeded\n SUBSYSTEM=x\n",
		"4,2,2000000,-;audit: audit_backlog=70 > audit_backlog_limit=64\n",
		"4,3,3000000,-;audit: backlog limit exceeded",
	};
	struct kmsg_scan s;

	(void)state;
	kmsg_scan_init(&s);
	for (size_t i = 0; i < 3; i++)
		parse(&s, rec[i], strlen(rec[i]));
	assert_int_equal(s.c[KMSG_BACKLOG_EXCEEDED].n, 2);
	assert_true(s.c[KMSG_BACKLOG_EXCEEDED].first == 1.0);
	assert_true(s.c[KMSG_BACKLOG_EXCEEDED].last == 3.0);
	assert_int_equal(s.backlog_max, 70);
}

static void test_damaged(void **state)
{
	static const char *const bad[] = {
		"[", "[ 12.", "[ 12.5", "[ 12.5]", "[abc] audit: rate limit",
		"4,1", "4,1,", "4,1,99", "4,1,99,-", "<", "<4", "<4>",
		"audit: audit_backlog=", "audit: audit_backlog=5 >",
		"audit: audit_lost=1 audit_rate_limit=",
		"audit: audit_backlog=99999999999999999999999999 > "
		"audit_backlog_limit=99999999999999999999999999",
		"audit_x: 99999999999999999999999 callbacks suppressed\n"
		"audit_y: 99999999999999999999999 callbacks suppressed",
		"audit_: callbacks suppressed", "kernel: ", "kernel:",
		"\n\n\n", " ", "[ 1.12345678901234567890123] audit: rate limit exceeded",
	};
	struct kmsg_scan s;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		kmsg_scan_init(&s);
		parse(&s, bad[i], strlen(bad[i]));
	}
	s = scan_of(bad[15]);
	assert_int_equal(s.backlog_max, INT64_MAX);
	s = scan_of(bad[16]);
	assert_int_equal(s.suppressed, UINT64_MAX);
	s = scan_of(bad[4]);
	assert_false(kmsg_scan_any(&s));
}

/* Every prefix of a real log, and bytes of every value: no crash, and a
 * prefix never counts more than the whole. */
static void test_truncated_and_garbage(void **state)
{
	FILE *f = fopen(DIR "dmesg.txt", "r");
	char text[4096], junk[2048];
	size_t len;
	struct kmsg_scan whole, s;

	(void)state;
	assert_non_null(f);
	len = fread(text, 1, sizeof(text), f);
	fclose(f);
	kmsg_scan_init(&whole);
	parse(&whole, text, len);
	for (size_t n = 0; n <= len; n++) {
		kmsg_scan_init(&s);
		parse(&s, text, n);
		for (int k = 0; k < KMSG_NKINDS; k++)
			assert_true(s.c[k].n <= whole.c[k].n);
	}
	srand(5);
	for (int round = 0; round < 200; round++) {
		for (size_t i = 0; i < sizeof(junk); i++)
			junk[i] = (char)(rand() % 4 ? "audit: [0123456789]<>,;.\n "[rand() % 27]
						    : rand());
		kmsg_scan_init(&s);
		parse(&s, junk, (size_t)(rand() % (int)sizeof(junk)));
	}
	kmsg_scan_init(&s);
	kmsg_parse(&s, NULL, 0);
	assert_int_equal(s.lines, 0);
}

/* ---- the finding ---- */

static struct doctor_opts opts;

static void doctor_init(struct doctor *d, time_t now)
{
	memset(d, 0, sizeof(*d));
	memset(&opts, 0, sizeof(opts));
	opts.proc_root = "/proc";
	d->opts = &opts;
	d->now = now;
}

static const struct evidence *ev(const struct finding *x, const char *key)
{
	for (size_t i = 0; i < x->n_ev; i++) {
		if (strcmp(x->ev[i].key, key) == 0)
			return &x->ev[i];
	}
	fail_msg("no evidence %s", key);
	return NULL;
}

static void test_report_recent_and_old(void **state)
{
	struct kmsg_scan s = scan_file(DIR "dmesg.txt");
	struct doctor d;
	const struct finding *x;

	(void)state;
	/* Booted at 1,700,000,000; the last line at +5031 s; now 10 min on. */
	doctor_init(&d, 1700000000 + 5031 + 600);
	kmsg_report(&d, &s, true, 1700000000.0);
	x = findings_find(&d.findings, "kernel-log-overflow");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_int_equal(ev(x, "backlog_limit_exceeded")->i, 3);
	assert_int_equal(ev(x, "backlog_over_limit")->i, 2);
	assert_int_equal(ev(x, "rate_limit_exceeded")->i, 0);
	assert_int_equal(ev(x, "hold_queue_overflow")->i, 0);
	assert_int_equal(ev(x, "lost_reports")->i, 2);
	assert_int_equal(ev(x, "callbacks_suppressed")->i, 160);
	assert_int_equal(ev(x, "audit_backlog_max")->i, 400);
	assert_int_equal(ev(x, "audit_backlog_limit")->i, 320);
	assert_int_equal(ev(x, "audit_lost")->i, 44393);
	assert_string_equal(ev(x, "suppressed")->text,
			    "the kernel hid 160 more messages");
	assert_int_equal(strlen(ev(x, "last_seen")->text), 19);	/* a date */
	assert_non_null(strstr(x->summary, "true count is higher"));
	assert_non_null(strstr(x->summary, "10 min ago"));
	/* 2 x 320 is under the floor of 8192. */
	assert_non_null(strstr(x->fix, "auditctl -b 8192\n"));
	assert_non_null(strstr(x->fix, "in /etc/audit/rules.d/*.rules: -b 8192"));
	assert_null(strstr(x->fix, "-r 0"));
	findings_free(&d.findings);

	/* Two hours on: info. */
	doctor_init(&d, 1700000000 + 5031 + 7200);
	kmsg_report(&d, &s, true, 1700000000.0);
	x = findings_find(&d.findings, "kernel-log-overflow");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_INFO);
	findings_free(&d.findings);
}

static void test_report_saved_file(void **state)
{
	struct kmsg_scan s = scan_file(DIR "kmsg.txt");
	struct doctor d;
	const struct finding *x;

	(void)state;
	/* A saved log from an unknown boot: recent, times since boot. */
	doctor_init(&d, 1800000000);
	kmsg_report(&d, &s, false, 0);
	x = findings_find(&d.findings, "kernel-log-overflow");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_string_equal(ev(x, "first_seen")->text, "7200.500000 s after boot");
	assert_string_equal(ev(x, "last_seen")->text, "7300.000200 s after boot");
	assert_int_equal(ev(x, "audit_lost")->i, 60);
	assert_int_equal(ev(x, "audit_rate_limit")->i, 5);
	assert_non_null(strstr(x->fix, "auditctl -r 0"));
	assert_non_null(strstr(x->fix, "in /etc/audit/rules.d/*.rules: -r 0"));
	assert_non_null(strstr(x->fix, "start the audit daemon"));
	assert_null(strstr(x->fix, "auditctl -b"));
	findings_free(&d.findings);
}

static void test_report_fix_sizes(void **state)
{
	struct kmsg_scan s = scan_file(DIR "plain.txt");
	struct doctor d;
	const struct finding *x;

	(void)state;
	doctor_init(&d, 1800000000);
	kmsg_report(&d, &s, true, 1700000000.0);	/* untimed: recent */
	x = findings_find(&d.findings, "kernel-log-overflow");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_non_null(strstr(x->fix, "auditctl -b 16384"));	/* 2 x 8192 */
	findings_free(&d.findings);

	/* Only suppressed lines: the cause is unknown, the queue is likely. */
	s = scan_of("audit_log_lost: 9 callbacks suppressed\n");
	doctor_init(&d, 1800000000);
	kmsg_report(&d, &s, false, 0);
	x = findings_find(&d.findings, "kernel-log-overflow");
	assert_non_null(x);
	assert_non_null(strstr(x->fix, "auditctl -b 8192"));
	assert_non_null(strstr(x->summary, "hid 9 more"));
	findings_free(&d.findings);

	s = scan_of("[ 1.0] audit: type=1300 audit(1.0:1): nothing lost\n");
	doctor_init(&d, 1800000000);
	kmsg_report(&d, &s, true, 0);
	assert_int_equal(d.findings.n, 0);
	findings_free(&d.findings);
}

static void test_check_files(void **state)
{
	struct doctor d;
	const struct finding *x;

	(void)state;
	doctor_init(&d, 1800000000);
	opts.kmsg = DIR "syslog.txt";
	kmsg_check(&d);
	x = findings_find(&d.findings, "kernel-log-overflow");
	assert_non_null(x);
	assert_int_equal(x->severity, SEV_WARNING);
	assert_int_equal(d.findings.n_skips, 0);
	findings_free(&d.findings);

	doctor_init(&d, 1800000000);
	opts.kmsg = DIR "no-such-file";
	kmsg_check(&d);
	assert_int_equal(d.findings.n, 0);
	assert_int_equal(d.findings.n_skips, 1);
	assert_string_equal(d.findings.skips[0].check, "kernel log");
	assert_non_null(strstr(d.findings.skips[0].reason, "No such file"));
	findings_free(&d.findings);

	doctor_init(&d, 1800000000);
	opts.kmsg = DIR;	/* a directory */
	kmsg_check(&d);
	assert_int_equal(d.findings.n_skips, 1);
	findings_free(&d.findings);
}

/* The live log: whatever it holds, the check either reads it or says
 * why not, once. */
static void test_check_live(void **state)
{
	struct doctor d;

	(void)state;
	doctor_init(&d, time(NULL));
	kmsg_check(&d);
	assert_true(d.findings.n_skips <= 1);
	assert_true(d.findings.n <= 1);
	findings_free(&d.findings);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_each_message),
		cmocka_unit_test(test_dmesg_file),
		cmocka_unit_test(test_devkmsg_file),
		cmocka_unit_test(test_plain_file),
		cmocka_unit_test(test_syslog_file),
		cmocka_unit_test(test_quoted_not_counted),
		cmocka_unit_test(test_klogctl_and_caller),
		cmocka_unit_test(test_record_at_a_time),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_truncated_and_garbage),
		cmocka_unit_test(test_report_recent_and_old),
		cmocka_unit_test(test_report_saved_file),
		cmocka_unit_test(test_report_fix_sizes),
		cmocka_unit_test(test_check_files),
		cmocka_unit_test(test_check_live),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
