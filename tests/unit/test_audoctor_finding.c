/*
 * audoctor's findings list, options and report: order, exit codes, the
 * JSON document's shape (parsed back by hand for the few fields that
 * matter), and the option parser's errors.
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
#include "finding.h"
#include "opts.h"
#include "report.h"

static void test_sort_and_exit(void **state)
{
	struct findings f = { 0 };

	assert_int_equal(findings_exit_code(&f), 0);
	findings_add(&f, "a-note", SEV_INFO, "note %d", 1);
	assert_int_equal(findings_exit_code(&f), 0);
	findings_add(&f, "first-warning", SEV_WARNING, "w");
	findings_add(&f, "a-problem", SEV_PROBLEM, "p");
	findings_add(&f, "second-warning", SEV_WARNING, "w2");
	assert_int_equal(findings_exit_code(&f), 2);
	findings_sort(&f);
	assert_string_equal(f.v[0].id, "a-problem");
	assert_string_equal(f.v[1].id, "first-warning");
	assert_string_equal(f.v[2].id, "second-warning");
	assert_string_equal(f.v[3].id, "a-note");
	assert_string_equal(f.v[3].summary, "note 1");
	assert_non_null(findings_find(&f, "second-warning"));
	assert_null(findings_find(&f, "nope"));
	findings_free(&f);
}

static void test_skip_is_a_warning(void **state)
{
	struct findings f = { 0 };

	findings_skip(&f, "disk", "no %s", "config");
	assert_int_equal(findings_exit_code(&f), 1);
	assert_string_equal(f.skips[0].reason, "no config");
	findings_free(&f);
}

static void test_fix_lines_and_evidence(void **state)
{
	struct findings f = { 0 };
	struct finding *x = findings_add(&f, "id", SEV_WARNING, "s");

	finding_fix(x, "auditctl -b %d", 8192);
	finding_fix(x, "in /etc/audit/rules.d/*.rules: -b %d", 8192);
	finding_int(x, "lost", -3);
	finding_real(x, "rate", 2.5);
	finding_text(x, "daemon", "%s", "auditkit");
	assert_string_equal(x->fix, "auditctl -b 8192\nin /etc/audit/rules.d/*.rules: -b 8192");
	assert_int_equal(x->n_ev, 3);
	assert_int_equal(x->ev[0].i, -3);
	findings_free(&f);
}

/* The report of a hand-built doctor, as a string. */
static char *render(const struct doctor *d, bool json)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	if (json)
		report_json(d, f);
	else
		report_text(d, f);
	fclose(f);
	return buf;
}

static void test_report_json(void **state)
{
	struct doctor d = { 0 };
	struct finding *x;
	char *s;

	x = findings_add(&d.findings, "events-lost", SEV_PROBLEM, "lost \"%d\"", 5);
	finding_int(x, "lost_delta", 5);
	finding_real(x, "lost_rate", 1.25);
	finding_real(x, "nan", 0.0 / 0.0);
	finding_fix(x, "a\tb");
	findings_skip(&d.findings, "disk", "why");
	s = render(&d, true);
	assert_string_equal(s,
		"{\"findings\":[{\"id\":\"events-lost\",\"severity\":\"problem\","
		"\"summary\":\"lost \\\"5\\\"\",\"evidence\":{\"lost_delta\":5,"
		"\"lost_rate\":1.25,\"nan\":null},\"fix\":\"a\\u0009b\"}],"
		"\"status\":{},\"skipped\":[{\"check\":\"disk\",\"reason\":\"why\"}]}\n");
	free(s);
	findings_free(&d.findings);
}

static void test_report_text(void **state)
{
	struct doctor d = { 0 };
	struct finding *x;
	char *s;

	s = render(&d, false);
	assert_non_null(strstr(s, "nothing to report"));
	free(s);
	x = findings_add(&d.findings, "failure-silent", SEV_WARNING, "failure is 0");
	finding_int(x, "failure", 0);
	finding_fix(x, "auditctl -f 1");
	s = render(&d, false);
	assert_non_null(strstr(s, "0 problems, 1 warning, 0 notes\n"));
	assert_non_null(strstr(s, "\nWARNING failure-silent: failure is 0\n    failure: 0\n  fix:\n    auditctl -f 1\n"));
	free(s);
	findings_free(&d.findings);
}

static int parse(int argc, char **argv, struct doctor_opts *o, char *err,
		 size_t cap)
{
	FILE *e = fmemopen(err, cap, "w");
	FILE *out = fopen("/dev/null", "w");
	int rc = opts_parse(argc, argv, o, out, e);

	fclose(e);
	fclose(out);
	return rc;
}

static void test_opts(void **state)
{
	char *ok[] = { "audoctor", "-c", "/x", "--watch", "0.5", "--log", "a", "b",
		       "--json", "--log", "c", NULL };
	char *bad_watch[] = { "audoctor", "--watch", "forever", NULL };
	char *stray[] = { "audoctor", "stray", NULL };
	char *unknown[] = { "audoctor", "--frobnicate", NULL };
	struct doctor_opts o;
	char err[512] = "";

	assert_int_equal(parse(11, ok, &o, err, sizeof(err)), -1);
	assert_string_equal(o.conf_dir, "/x");
	assert_int_equal(o.watch_ms, 500);
	assert_true(o.json);
	assert_int_equal(o.n_logs, 3);
	assert_string_equal(o.logs[0], "a");
	assert_string_equal(o.logs[1], "b");
	assert_string_equal(o.logs[2], "c");
	opts_free(&o);
	assert_int_equal(parse(3, bad_watch, &o, err, sizeof(err)), AUDOCTOR_EXIT_USAGE);
	assert_non_null(strstr(err, "--watch"));
	opts_free(&o);
	assert_int_equal(parse(2, stray, &o, err, sizeof(err)), AUDOCTOR_EXIT_USAGE);
	opts_free(&o);
	assert_int_equal(parse(2, unknown, &o, err, sizeof(err)), AUDOCTOR_EXIT_USAGE);
	assert_non_null(strstr(err, "unknown option: --frobnicate"));
	opts_free(&o);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_and_exit),
		cmocka_unit_test(test_skip_is_a_warning),
		cmocka_unit_test(test_fix_lines_and_evidence),
		cmocka_unit_test(test_report_json),
		cmocka_unit_test(test_report_text),
		cmocka_unit_test(test_opts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
