/*
 * test_auditctl: whole auditctl command lines run through ctl_line()
 * against the fake kernel. This is where the paths that must never reach
 * the real kernel are tested: failure mode 2 and its failsafe guard,
 * enabled 2 (locked), permission errors.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "ctl.h"
#include "exitcodes.h"
#include "fake_kernel.h"

struct run {
	int rc;
	char *out, *err;
	size_t out_len, err_len;
};

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* Run "auditctl ARGS..." (NULL-terminated) over fk. */
static struct run run_ctl(struct fake_kernel *fk, int interactive, ...)
{
	struct run r = { 0 };
	char *argv[32] = { (char *)"auditctl" };
	int argc = 1;
	va_list ap;
	const char *a;

	va_start(ap, interactive);
	while ((a = va_arg(ap, const char *)) && argc < 31)
		argv[argc++] = (char *)a;
	va_end(ap);

	FILE *out = open_memstream(&r.out, &r.out_len);
	FILE *err = open_memstream(&r.err, &r.err_len);
	struct ctl c = {
		.nl = fake_kernel_open(fk),
		.host = MACHINE_X86_64,
		.out = out, .err = err,
		.interactive = interactive,
		.failsafe_sample_ms = 0,
	};
	r.rc = ctl_line(&c, argc, argv);
	netlink_close(c.nl);
	fclose(out);
	fclose(err);
	return r;
}

static int setup(void **state)
{
	*state = fake_kernel_new();
	return 0;
}

static int teardown(void **state)
{
	fake_kernel_free(*state);
	return 0;
}

static void status_block_is_the_reference_format(void **state)
{
	struct fake_kernel *fk = *state;
	struct run r = run_ctl(fk, false, "-s", NULL);

	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out,
		"enabled 0\nfailure 1\npid 0\nrate_limit 0\nbacklog_limit 64\n"
		"lost 0\nbacklog 0\nbacklog_wait_time 15000\n"
		"backlog_wait_time_actual 0\nloginuid_immutable 0 unlocked\n");
	run_free(&r);
}

static void status_interpreted(void **state)
{
	struct fake_kernel *fk = *state;
	fk->status.failure = 2;
	struct run r = run_ctl(fk, false, "-s", "-i", NULL);

	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.out, "enabled disable\nfailure panic\npid 0\n"));
	run_free(&r);
}

static void status_rejects_other_options(void **state)
{
	struct run r = run_ctl(*state, false, "-s", "-l", NULL);

	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_string_equal(r.err, "Only -i option is allowed\n");
	run_free(&r);
	r = run_ctl(*state, false, "-b", "64", "-r", "0", "-s", NULL);
	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_string_equal(r.err, "Too many options for status command\n");
	run_free(&r);
}

static void setting_prints_status_without_features(void **state)
{
	struct fake_kernel *fk = *state;
	struct run r = run_ctl(fk, false, "-b", "8192", "-r", "100", NULL);

	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->status.backlog_limit, 8192);
	assert_int_equal(fk->status.rate_limit, 100);
	assert_non_null(strstr(r.out, "backlog_limit 8192\n"));
	assert_null(strstr(r.out, "loginuid_immutable"));
	/* One block for the whole line. */
	assert_ptr_equal(strstr(r.out, "enabled"), strrchr(r.out, 'e') ? strstr(r.out, "enabled") : NULL);
	assert_null(strstr(strstr(r.out, "enabled") + 1, "enabled "));
	run_free(&r);
}

static void bad_values_send_nothing(void **state)
{
	struct fake_kernel *fk = *state;
	static const struct { const char *opt, *val, *msg; } cases[] = {
		{ "-e", "3", "Enable must be 0, 1, or 2 was 3\n" },
		{ "-f", "3", "Failure must be 0, 1, or 2 was 3\n" },
		{ "-f", "22", "Failure must be 0, 1, or 2 was 22\n" },
		{ "-b", "abc", "Backlog must be a numeric value was abc\n" },
		{ "-b", "-5", "Backlog must be a numeric value was -5\n" },
		{ "-b", "99999999999999999999", "Error converting backlog\n" },
		{ "-r", "x", "Rate must be a numeric value was x\n" },
		{ "--backlog_wait_time", "x", "Backlog_wait_time must be a numeric value was x\n" },
		{ "--signal", "FOO", "FOO is an unsupported signal\n" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct run r = run_ctl(fk, false, cases[i].opt, cases[i].val, NULL);
		assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
		assert_string_equal(r.err, cases[i].msg);
		run_free(&r);
	}
	assert_int_equal(fk->requests, 0);
	assert_int_equal(fk->status.failure, 1);
}

static void invalid_options_are_named(void **state)
{
	struct run r = run_ctl(*state, false, "-x", NULL);

	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_string_equal(r.err, "Option -x is invalid\n");
	run_free(&r);
	r = run_ctl(*state, false, "-b", NULL);
	assert_string_equal(r.err, "Option -b is invalid\n");
	run_free(&r);
	r = run_ctl(*state, false, "--nonsense", NULL);
	assert_string_equal(r.err, "Option --nonsense is invalid\n");
	run_free(&r);
	r = run_ctl(*state, false, "-v", "extra", NULL);
	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_string_equal(r.err, "parameter passed without an option given\n");
	run_free(&r);
}

static void failure_2_refused_while_losing(void **state)
{
	struct fake_kernel *fk = *state;
	fk->lost_step = 7;
	struct run r = run_ctl(fk, true, "-f", "2", NULL);

	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_non_null(strstr(r.err, "Refusing to set failure mode 2"));
	assert_non_null(strstr(r.err, "lost 7 -> 14"));
	assert_int_equal(fk->status.failure, 1);
	assert_null(strchr(r.err, '\n') + 1 == r.err + r.err_len ? NULL : "one line");
	run_free(&r);
}

static void failure_2_refused_near_backlog_limit(void **state)
{
	struct fake_kernel *fk = *state;
	fk->status.backlog = 60;	/* of 64 */
	struct run r = run_ctl(fk, false, "-f", "2", NULL);

	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_non_null(strstr(r.err, "backlog 60 of 64"));
	assert_int_equal(fk->status.failure, 1);
	run_free(&r);
}

static void failure_2_forced(void **state)
{
	struct fake_kernel *fk = *state;
	fk->lost_step = 3;
	struct run r = run_ctl(fk, false, "--force", "-f", "2", NULL);

	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->status.failure, 2);
	assert_non_null(strstr(r.err, "--force"));
	run_free(&r);
}

static void failure_2_quiet_kernel_warns_at_terminal(void **state)
{
	struct fake_kernel *fk = *state;
	struct run r = run_ctl(fk, true, "-f", "2", NULL);

	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->status.failure, 2);
	assert_non_null(strstr(r.err, "Warning: failure mode 2"));
	assert_ptr_equal(strchr(r.err, '\n'), r.err + r.err_len - 1);
	run_free(&r);

	fk->status.failure = 1;
	r = run_ctl(fk, false, "-f", "2", NULL);
	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->status.failure, 2);
	assert_string_equal(r.err, "");
	run_free(&r);
}

static char *write_rules(const char *text, mode_t mode)
{
	char *path = strdup("/tmp/test_auditctl.XXXXXX");
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	assert_int_equal(fchmod(fd, mode), 0);
	close(fd);
	return path;
}

static void failure_2_in_rules_file_not_checked(void **state)
{
	struct fake_kernel *fk = *state;
	if (geteuid() != 0)
		skip();		/* -R insists on files owned by root */
	char *path = write_rules("# boot hardening\n-f 2\n", 0600);
	fk->lost_step = 5;
	struct run r = run_ctl(fk, true, "-R", path, NULL);

	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->status.failure, 2);
	assert_string_equal(r.err, "");
	run_free(&r);
	unlink(path);
	free(path);
}

static void rules_file_must_be_private(void **state)
{
	struct fake_kernel *fk = *state;
	if (geteuid() != 0)
		skip();
	char *gw = write_rules("-b 100\n", 0660);
	char *ww = write_rules("-b 100\n", 0606);
	struct run r = run_ctl(fk, false, "-R", gw, NULL);

	assert_int_equal(r.rc, AUDITCTL_EXIT_FAIL);
	assert_non_null(strstr(r.err, "writable by group or others"));
	run_free(&r);
	r = run_ctl(fk, false, "-R", ww, NULL);
	assert_int_equal(r.rc, AUDITCTL_EXIT_FAIL);
	run_free(&r);
	r = run_ctl(fk, false, "-R", "/nonexistent/rules", NULL);
	assert_int_equal(r.rc, AUDITCTL_EXIT_FAIL);
	assert_string_equal(r.err, "Error opening rules file /nonexistent/rules "
		"(No such file or directory)\n");
	run_free(&r);
	assert_int_equal(fk->status.backlog_limit, 64);
	unlink(gw); unlink(ww);
	free(gw); free(ww);
}

static void rules_file_bad_line_stops_or_continues(void **state)
{
	struct fake_kernel *fk = *state;
	if (geteuid() != 0)
		skip();
	char *path = write_rules("-b 100\n-e 7\n-r 50\n", 0600);
	struct run r = run_ctl(fk, false, "-R", path, NULL);

	assert_int_equal(r.rc, AUDITCTL_EXIT_FAIL);
	assert_non_null(strstr(r.err, "Enable must be 0, 1, or 2 was 7\n"));
	assert_non_null(strstr(r.err, "There was an error in line 2 of "));
	assert_int_equal(fk->status.backlog_limit, 100);
	assert_int_equal(fk->status.rate_limit, 0);
	run_free(&r);

	r = run_ctl(fk, false, "-c", "-R", path, NULL);
	assert_int_equal(r.rc, AUDITCTL_EXIT_FAIL);
	assert_int_equal(fk->status.rate_limit, 50);
	run_free(&r);

	fk->status.rate_limit = 0;
	r = run_ctl(fk, false, "-i", "-R", path, NULL);
	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->status.rate_limit, 50);
	run_free(&r);
	unlink(path);
	free(path);
}

static void permission_denied_is_explained(void **state)
{
	struct fake_kernel *fk = *state;
	fk->fail_errno = -EPERM;
	struct run r = run_ctl(fk, false, "-s", NULL);

	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_non_null(strstr(r.err, "permission denied: auditctl needs root or CAP_AUDIT_CONTROL"));
	run_free(&r);
}

static void locked_kernel_refuses_changes(void **state)
{
	struct fake_kernel *fk = *state;
	struct run r = run_ctl(fk, false, "-e", "2", NULL);

	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->status.enabled, 2);
	run_free(&r);
	r = run_ctl(fk, false, "-b", "100", NULL);
	assert_int_equal(r.rc, AUDITCTL_EXIT_ERROR);
	assert_int_equal(fk->status.backlog_limit, 64);
	run_free(&r);
}

static void user_message_and_reset_lost(void **state)
{
	struct fake_kernel *fk = *state;
	struct run r = run_ctl(fk, false, "-m", "hello from a test", NULL);

	assert_int_equal(r.rc, 0);
	assert_int_equal(fk->n_users, 1);
	assert_int_equal(fk->users[0].type, AUDIT_USER);
	static const char prefix[] = "text=hello from a test exe=\"/";
	assert_memory_equal(fk->users[0].text, prefix, sizeof(prefix) - 1);
	assert_non_null(strstr(fk->users[0].text, " addr=? terminal="));
	assert_non_null(strstr(fk->users[0].text, " res=success"));
	run_free(&r);

	fk->status.lost = 44393;
	r = run_ctl(fk, false, "--reset-lost", NULL);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.err, "lost: 44393\n");
	assert_int_equal(fk->status.lost, 0);
	run_free(&r);
}

static void signal_without_daemon(void **state)
{
	struct run r = run_ctl(*state, false, "--signal", "TERM", NULL);

	assert_int_equal(r.rc, 0);
	assert_string_equal(r.out, "Auditd is not running\n");
	run_free(&r);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(status_block_is_the_reference_format),
		T(status_interpreted),
		T(status_rejects_other_options),
		T(setting_prints_status_without_features),
		T(bad_values_send_nothing),
		T(invalid_options_are_named),
		T(failure_2_refused_while_losing),
		T(failure_2_refused_near_backlog_limit),
		T(failure_2_forced),
		T(failure_2_quiet_kernel_warns_at_terminal),
		T(failure_2_in_rules_file_not_checked),
		T(rules_file_must_be_private),
		T(rules_file_bad_line_stops_or_continues),
		T(permission_denied_is_explained),
		T(locked_kernel_refuses_changes),
		T(user_message_and_reset_lost),
		T(signal_without_daemon),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
