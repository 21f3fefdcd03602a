/*
 * test_audoctor_rules: rules_check on hand-built struct doctor values.
 * Rules are written as auditctl arguments, encoded with lib/rule.h and
 * listed with rule_format, as rules_gather would have them; the logs are
 * the crafted ones of tests/data/audoctor/logs (counts in
 * test_audoctor_logscan.c). rules_gather itself runs against the fake
 * kernel.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "audoctor.h"
#include "conf.h"
#include "fake_kernel.h"
#include "netlink.h"
#include "rule.h"

#define LOGS TESTS_DATA "/audoctor/logs/"

static char tmpdir[64];		/* holds log/audit.log for the watch tests */

/* One option and its argument into r. */
static void rule_step(struct rule *r, const char *opt, const char *arg)
{
	int rc;

	if (!strcmp(opt, "-a"))
		rc = rule_set_list_action(r, RULE_OP_ADD, arg);
	else if (!strcmp(opt, "-S"))
		rc = rule_add_syscalls(r, arg);
	else if (!strcmp(opt, "-F"))
		rc = rule_add_field(r, arg);
	else if (!strcmp(opt, "-k"))
		rc = rule_add_key(r, arg);
	else if (!strcmp(opt, "-w"))
		rc = rule_set_watch(r, RULE_OP_ADD, arg);
	else
		rc = rule_set_perm(r, arg);
	if (rc < 0)
		fail_msg("%s %s: %s", opt, arg, rule_error(r));
}

/* Add the rule written as auditctl arguments (split on spaces). */
static void add_rule(struct doctor *d, const char *text)
{
	char *copy = strdup(text), *save, *opt, *arg;
	struct rule *r = rule_new(MACHINE_X86_64);
	struct krule *k;

	for (opt = strtok_r(copy, " ", &save); opt; opt = strtok_r(NULL, " ", &save)) {
		arg = strtok_r(NULL, " ", &save);
		assert_non_null(arg);
		rule_step(r, opt, arg);
	}
	d->rules = realloc(d->rules, (d->n_rules + 1) * sizeof(*d->rules));
	k = &d->rules[d->n_rules++];
	assert_int_equal(rule_encode(r, &k->data, &k->len), 0);
	assert_int_equal(rule_format(k->data, k->len, MACHINE_X86_64, 0, &k->text), 0);
	rule_free(r);
	free(copy);
	d->have_rules = true;
}

static void scan_logs(struct doctor *d, const char *a, const char *b,
		      const char *daemon_exe)
{
	const char *p[] = { a, b };

	d->scan = calloc(1, sizeof(*d->scan));
	assert_int_equal(logscan_run(p, b ? 2 : 1, 0, 0, daemon_exe, d->scan), 0);
}

static struct doctor *doctor_new(void)
{
	static struct doctor_opts o;
	struct doctor *d = calloc(1, sizeof(*d));

	d->opts = &o;
	d->conf = calloc(1, sizeof(*d->conf));
	d->conf->write_logs = true;
	snprintf(d->conf->log_file, sizeof(d->conf->log_file), "%s/log/audit.log", tmpdir);
	return d;
}

static void doctor_free(struct doctor *d)
{
	for (size_t i = 0; i < d->n_rules; i++) {
		free(d->rules[i].data);
		free(d->rules[i].text);
	}
	free(d->rules);
	if (d->scan) {
		logscan_free(d->scan);
		free(d->scan);
	}
	free(d->conf);
	findings_free(&d->findings);
	free(d);
}

static const struct finding *only(const struct doctor *d, const char *id)
{
	const struct finding *x = findings_find(&d->findings, id);

	assert_non_null(x);
	return x;
}

static const struct evidence *ev(const struct finding *x, const char *key)
{
	for (size_t i = 0; i < x->n_ev; i++)
		if (!strcmp(x->ev[i].key, key))
			return &x->ev[i];
	fail_msg("no evidence %s", key);
	return NULL;
}

static void test_noisy_exe(void **state)
{
	struct doctor *d = doctor_new();
	const struct finding *x;

	(void)state;
	scan_logs(d, LOGS "noisy.log", NULL, NULL);
	add_rule(d, "-a always,exit -F arch=b64 -S chmod -F dir=/srv -k noisy");
	add_rule(d, "-a always,exit -F arch=b64 -S openat -k passwd");
	rules_check(d);
	x = only(d, "noisy-rule");
	assert_int_equal(x->severity, SEV_WARNING);
	assert_int_equal(ev(x, "top1_events")->i, 300);
	assert_true(ev(x, "top1_share_percent")->r > 78.7 && ev(x, "top1_share_percent")->r < 78.8);
	assert_true(ev(x, "top1_rate_per_s")->r > 5.08 && ev(x, "top1_rate_per_s")->r < 5.09);
	assert_string_equal(ev(x, "top2")->text, "key passwd");
	assert_string_equal(ev(x, "top3")->text, "syscall chmod (no key)");
	assert_string_equal(ev(x, "top_exe")->text, "/usr/bin/backup");
	assert_string_equal(x->fix,
		"auditctl -d always,exit -F arch=b64 -S chmod -F dir=/srv -F key=noisy\n"
		"auditctl -a always,exit -F arch=b64 -S chmod -F dir=/srv -F exe!=/usr/bin/backup -F key=noisy\n"
		"in /etc/audit/rules.d/*.rules: -a always,exit -F arch=b64 -S chmod -F dir=/srv -F exe!=/usr/bin/backup -F key=noisy"
		" (in place of -a always,exit -F arch=b64 -S chmod -F dir=/srv -F key=noisy)");
	assert_int_equal(d->findings.n, 1);
	assert_int_equal(d->findings.n_skips, 0);
	doctor_free(d);
}

/* Most of the key's events have auid unset; the rule is a watch. */
static void test_noisy_auid_watch(void **state)
{
	struct doctor *d = doctor_new();
	const struct finding *x;

	(void)state;
	scan_logs(d, LOGS "auid_unset.log", NULL, NULL);
	add_rule(d, "-w /etc/crontab -p wa -k cron");
	rules_check(d);
	x = only(d, "noisy-rule");
	assert_true(ev(x, "auid_unset_share_percent")->r == 100);
	assert_string_equal(x->fix,
		"auditctl -W /etc/crontab -p wa -k cron\n"
		"auditctl -a always,exit -S all -F path=/etc/crontab -F perm=wa -F auid!=-1 -F key=cron\n"
		"in /etc/audit/rules.d/*.rules: -a always,exit -S all -F path=/etc/crontab -F perm=wa -F auid!=-1 -F key=cron"
		" (in place of -w /etc/crontab -p wa -k cron)");
	doctor_free(d);
}

/* Without the kernel's rules: the words for it, and the kernel skip. */
static void test_noisy_no_rules(void **state)
{
	struct doctor *d = doctor_new();
	const struct finding *x;

	(void)state;
	scan_logs(d, LOGS "noisy.log", NULL, NULL);
	d->nl_err = -EPROTONOSUPPORT;
	rules_check(d);
	x = only(d, "noisy-rule");
	assert_non_null(strstr(x->fix, "in the rule with -k noisy: add -F exe!=/usr/bin/backup before -F key=noisy"));
	assert_int_equal(d->findings.n_skips, 1);
	assert_string_equal(d->findings.skips[0].check, "rules (kernel)");
	doctor_free(d);
}

/* Three keys of equal weight: nothing is noisy. */
static void test_quiet(void **state)
{
	struct doctor *d = doctor_new();

	(void)state;
	scan_logs(d, LOGS "quiet.log", NULL, NULL);
	rules_check(d);
	assert_null(findings_find(&d->findings, "noisy-rule"));
	doctor_free(d);
}

static void test_daemon_from_logs(void **state)
{
	struct doctor *d = doctor_new();
	const struct finding *x;

	(void)state;
	d->have_samples = true;
	strcpy(d->samples.exe, "/usr/sbin/auditd");
	scan_logs(d, LOGS "daemon.log", NULL, "/usr/sbin/auditd");
	add_rule(d, "-a always,exit -F arch=b64 -S read,write -F key=logwatch");
	rules_check(d);
	x = only(d, "rule-audits-daemon");
	assert_int_equal(x->severity, SEV_WARNING);	/* 20 of 50 */
	assert_int_equal(ev(x, "daemon_events")->i, 20);
	assert_string_equal(ev(x, "key")->text, "logwatch");
	assert_non_null(strstr(x->fix, "auditctl -a always,exit -F arch=b64 -S read,write "
				       "-F exe!=/usr/sbin/auditd -F key=logwatch\n"));
	doctor_free(d);
}

/* A write watch on the log's directory; read-only and excluded ones are
 * fine. */
static void test_daemon_watch(void **state)
{
	struct doctor *d = doctor_new();
	const struct finding *x;
	char rule[256];

	(void)state;
	snprintf(rule, sizeof(rule), "-w %s/log -p wa -k auditlog", tmpdir);
	add_rule(d, rule);
	snprintf(rule, sizeof(rule), "-w %s/log -p r -k reads", tmpdir);
	add_rule(d, rule);
	snprintf(rule, sizeof(rule), "-a always,exit -F dir=%s/log -F perm=wa "
		 "-F exe!=/usr/sbin/auditd -k spared", tmpdir);
	add_rule(d, rule);
	scan_logs(d, LOGS "quiet.log", NULL, NULL);
	rules_check(d);
	x = only(d, "rule-audits-daemon");
	assert_int_equal(x->severity, SEV_INFO);
	assert_non_null(strstr(ev(x, "rule")->text, "-k auditlog"));
	assert_non_null(strstr(x->fix, "-F perm=wa -F exe!=/sbin/auditd -F key=auditlog\n"));
	assert_int_equal(d->findings.n, 1);
	doctor_free(d);
}

static void test_everything(void **state)
{
	struct doctor *d = doctor_new();
	const struct finding *x;

	(void)state;
	add_rule(d, "-a always,exit -F arch=b64 -S all -k everything");
	add_rule(d, "-w /var/tmp -p rwxa -k tmp");
	scan_logs(d, LOGS "quiet.log", NULL, NULL);
	rules_check(d);
	findings_sort(&d->findings);
	assert_int_equal(d->findings.n, 2);
	x = &d->findings.v[0];
	assert_string_equal(x->id, "rule-matches-everything");
	assert_int_equal(x->severity, SEV_PROBLEM);
	assert_non_null(strstr(x->fix, "auditctl -a always,exit -F arch=b64 -S all "
				       "-F auid>=1000 -F auid!=-1 -F key=everything\n"));
	x = &d->findings.v[1];
	assert_string_equal(x->id, "rule-matches-everything");
	assert_int_equal(x->severity, SEV_WARNING);
	assert_string_equal(ev(x, "path")->text, "/var/tmp");
	assert_non_null(strstr(x->fix, "auditctl -W /var/tmp -p rwxa -k tmp\nauditctl -w /var/tmp -p wa -k tmp\n"));
	doctor_free(d);
}

/* A narrow rule set and quiet logs: nothing to say, nothing skipped. */
static void test_narrow_set(void **state)
{
	struct doctor *d = doctor_new();
	char rule[256];

	(void)state;
	add_rule(d, "-a never,exit -F arch=b64 -S all -F exe=/usr/bin/backup");
	add_rule(d, "-a always,exit -F arch=b64 -S openat -F auid>=1000 -F auid!=-1 -k open");
	add_rule(d, "-a always,exit -F arch=b64 -S all -F auid=0 -k root");
	add_rule(d, "-w /etc/passwd -p wa -k passwd");
	add_rule(d, "-w /var/tmp -p wa -k tmp");
	snprintf(rule, sizeof(rule), "-w %s/log -p r -k reads", tmpdir);
	add_rule(d, rule);
	scan_logs(d, LOGS "quiet.log", LOGS "daemon.log", NULL);
	rules_check(d);
	assert_int_equal(d->findings.n, 0);
	assert_int_equal(d->findings.n_skips, 0);
	doctor_free(d);
}

static void test_nothing_gathered(void **state)
{
	struct doctor *d = doctor_new();

	(void)state;
	snprintf(d->scan_err, sizeof(d->scan_err), "/x/audit.log: Permission denied");
	d->rules_err = -EPERM;
	rules_check(d);
	assert_int_equal(d->findings.n, 0);
	assert_int_equal(d->findings.n_skips, 2);
	assert_string_equal(d->findings.skips[0].check, "rules (logs)");
	assert_string_equal(d->findings.skips[0].reason, "/x/audit.log: Permission denied");
	assert_string_equal(d->findings.skips[1].check, "rules (kernel)");
	doctor_free(d);
}

static void test_gather(void **state)
{
	struct fake_kernel *fk = fake_kernel_new();
	struct doctor *d = doctor_new(), *src = doctor_new();

	(void)state;
	add_rule(src, "-a always,exit -F arch=b32 -S chmod -k a");
	add_rule(src, "-a always,exit -S chmod -k b");
	for (size_t i = 0; i < src->n_rules; i++)
		assert_int_equal(fake_kernel_add_rule(fk, src->rules[i].data, src->rules[i].len), 0);
	d->nl = fake_kernel_open(fk);
	rules_gather(d);
	assert_true(d->have_rules);
	assert_int_equal(d->n_rules, 2);
	assert_string_equal(d->rules[0].text, "-a always,exit -F arch=b32 -S chmod -F key=a");
	/* as auditctl -l: the b32 arch carries to the next rule's names */
	assert_string_equal(d->rules[1].text, "-a always,exit -S mmap -F key=b");
	netlink_close(d->nl);
	doctor_free(d);
	/* A refused request: no rules, and why. */
	fk->fail_errno = -EPERM;
	d = doctor_new();
	d->nl = fake_kernel_open(fk);
	rules_gather(d);
	assert_false(d->have_rules);
	assert_int_equal(d->rules_err, -EPERM);
	netlink_close(d->nl);
	doctor_free(d);
	doctor_free(src);
	fake_kernel_free(fk);
}

static int setup(void **state)
{
	char log[128];

	(void)state;
	snprintf(tmpdir, sizeof(tmpdir), "/tmp/test_rules.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	snprintf(log, sizeof(log), "%s/log", tmpdir);
	return mkdir(log, 0700);
}

static int teardown(void **state)
{
	char log[128];

	(void)state;
	snprintf(log, sizeof(log), "%s/log", tmpdir);
	rmdir(log);
	return rmdir(tmpdir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_noisy_exe),
		cmocka_unit_test(test_noisy_auid_watch),
		cmocka_unit_test(test_noisy_no_rules),
		cmocka_unit_test(test_quiet),
		cmocka_unit_test(test_daemon_from_logs),
		cmocka_unit_test(test_daemon_watch),
		cmocka_unit_test(test_everything),
		cmocka_unit_test(test_narrow_set),
		cmocka_unit_test(test_nothing_gathered),
		cmocka_unit_test(test_gather),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
