/*
 * test_auditd_space: auditd's disk space classification (space.c) and
 * the external actions (action.c).
 *
 * Space: thresholds in MiB and percent, classification, the fire-once
 * check with its re-arming (by rising above the margin, by rearm), the
 * time-to-threshold estimate, a real statvfs reading. Actions: harmless
 * scripts in a mkdtemp directory, run through action_exec,
 * action_command and action_email, leave files behind that show what the
 * child got (arguments, stdin, fds, signal mask and dispositions); the
 * children are collected with action_reap.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include "action.h"
#include "space.h"

#define MIB (1024ULL * 1024ULL)

static struct auditd_conf *conf_mb(uint64_t left, uint64_t admin)
{
	struct auditd_conf *c = calloc(1, sizeof(*c));

	c->space_left.value = left;
	c->admin_space_left.value = admin;
	return c;
}

static struct space_reading reading(uint64_t free_bytes)
{
	return (struct space_reading){ free_bytes, 1000 * MIB };
}

static void test_thresholds(void **state)
{
	struct auditd_conf *c = conf_mb(75, 50);
	struct space_reading r = reading(0);
	uint64_t t[SPACE_LEVELS];

	space_thresholds(&r, c, t);
	assert_int_equal(t[SPACE_LEFT], 75 * MIB);
	assert_int_equal(t[SPACE_ADMIN_LEFT], 50 * MIB);
	assert_int_equal(t[SPACE_DISK_FULL], SPACE_FULL_BYTES);
	c->space_left = (struct conf_space){ 25, true };
	c->admin_space_left = (struct conf_space){ 1, true };
	r.total_bytes = 2000 * MIB + 99;
	space_thresholds(&r, c, t);
	assert_int_equal(t[SPACE_LEFT], 500 * MIB + 24);
	assert_int_equal(t[SPACE_ADMIN_LEFT], 20 * MIB);
	free(c);
}

static void test_classify(void **state)
{
	struct auditd_conf *c = conf_mb(75, 50);
	struct space_reading r;

	r = reading(75 * MIB);
	assert_int_equal(space_classify(&r, c), SPACE_NONE);
	r = reading(75 * MIB - 1);
	assert_int_equal(space_classify(&r, c), SPACE_LEFT);
	r = reading(50 * MIB - 1);
	assert_int_equal(space_classify(&r, c), SPACE_ADMIN_LEFT);
	r = reading(SPACE_FULL_BYTES - 1);
	assert_int_equal(space_classify(&r, c), SPACE_DISK_FULL);
	r = reading(0);
	assert_int_equal(space_classify(&r, c), SPACE_DISK_FULL);
	c->space_left.value = 0;
	c->admin_space_left.value = 0;
	r = reading(SPACE_FULL_BYTES);
	assert_int_equal(space_classify(&r, c), SPACE_NONE);
	assert_string_equal(space_level_name(SPACE_ADMIN_LEFT), "admin_space_left");
	free(c);
}

static enum space_level check(struct space_state *st,
			      const struct auditd_conf *c, uint64_t free_bytes)
{
	struct space_reading r = reading(free_bytes);

	return space_check(st, &r, c);
}

static void test_check_fires_once(void **state)
{
	struct auditd_conf *c = conf_mb(75, 50);
	struct space_state st;

	space_state_init(&st);
	assert_int_equal(check(&st, c, 100 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 70 * MIB), SPACE_LEFT);
	assert_int_equal(check(&st, c, 65 * MIB), SPACE_NONE);
	/* Back above the threshold but inside the margin (75 + 3.75). */
	assert_int_equal(check(&st, c, 78 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 70 * MIB), SPACE_NONE);
	/* Above the margin: re-armed. */
	assert_int_equal(check(&st, c, 79 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 70 * MIB), SPACE_LEFT);
	assert_int_equal(check(&st, c, 40 * MIB), SPACE_ADMIN_LEFT);
	assert_int_equal(check(&st, c, 0), SPACE_DISK_FULL);
	assert_int_equal(check(&st, c, 0), SPACE_NONE);
	/* The margin of disk full is 1 MiB. */
	assert_int_equal(check(&st, c, MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 0), SPACE_NONE);
	assert_int_equal(check(&st, c, MIB + SPACE_FULL_BYTES), SPACE_NONE);
	assert_int_equal(check(&st, c, 0), SPACE_DISK_FULL);
	space_state_rearm(&st);
	assert_int_equal(check(&st, c, 0), SPACE_DISK_FULL);
	space_state_rearm_level(&st, SPACE_ADMIN_LEFT);
	assert_int_equal(check(&st, c, 10 * MIB), SPACE_ADMIN_LEFT);
	free(c);
}

/* A sudden drop reports the worst level only, and the milder ones stay
 * quiet until re-armed. */
static void test_check_sudden_drop(void **state)
{
	struct auditd_conf *c = conf_mb(75, 50);
	struct space_state st;

	space_state_init(&st);
	assert_int_equal(check(&st, c, 10 * MIB), SPACE_ADMIN_LEFT);
	assert_int_equal(check(&st, c, 51 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 45 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 53 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 45 * MIB), SPACE_ADMIN_LEFT);
	assert_int_equal(check(&st, c, 70 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 80 * MIB), SPACE_NONE);
	assert_int_equal(check(&st, c, 70 * MIB), SPACE_LEFT);
	free(c);
}

static void test_eta(void **state)
{
	struct auditd_conf *c = conf_mb(75, 50);
	struct space_reading r = reading(100 * MIB);
	int64_t eta[SPACE_LEVELS];

	space_eta(&r, c, (double)MIB, eta);
	assert_int_equal(eta[SPACE_NONE], -1);
	assert_int_equal(eta[SPACE_LEFT], 25);
	assert_int_equal(eta[SPACE_ADMIN_LEFT], 50);
	assert_int_equal(eta[SPACE_DISK_FULL], 99);
	space_eta(&r, c, 0, eta);
	assert_int_equal(eta[SPACE_LEFT], -1);
	r = reading(60 * MIB);
	space_eta(&r, c, 1e-300, eta);
	assert_int_equal(eta[SPACE_LEFT], 0);
	assert_int_equal(eta[SPACE_ADMIN_LEFT], -1);
	c->space_left.value = 0;
	space_eta(&r, c, (double)MIB, eta);
	assert_int_equal(eta[SPACE_LEFT], -1);
	free(c);
}

static void test_read(void **state)
{
	struct space_reading r;
	int fd;

	assert_int_equal(space_read("/tmp", &r), 0);
	assert_true(r.total_bytes > 0);
	assert_true(r.free_bytes <= r.total_bytes);
	assert_int_equal(space_read("/nonexistent-auditkit", &r), -ENOENT);
	fd = open("/tmp", O_RDONLY | O_DIRECTORY);
	assert_int_equal(space_read_fd(fd, &r), 0);
	assert_true(r.total_bytes > 0);
	close(fd);
	assert_int_equal(space_read_fd(-1, &r), -EBADF);
}

struct tdir {
	char path[64];
};

static int tdir_setup(void **state)
{
	struct tdir *t = calloc(1, sizeof(*t));

	strcpy(t->path, "/tmp/auditkit-action-XXXXXX");
	*state = t;
	return mkdtemp(t->path) ? 0 : -1;
}

static int tdir_teardown(void **state)
{
	struct tdir *t = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", t->path);
	free(t);
	return system(cmd) == 0 ? 0 : -1;
}

/* An executable script NAME in t with body (after the #! line). */
static void script(struct tdir *t, const char *name, const char *body,
		   char *path, size_t len)
{
	FILE *f;

	snprintf(path, len, "%s/%s", t->path, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\n%s\n", body);
	fclose(f);
	chmod(path, 0755);
}

/* Reap until pid exits (5 s at most); its wait status. */
static int reap(pid_t pid)
{
	struct action_exit e;
	struct timespec ms = { 0, 10 * 1000 * 1000 };

	for (int i = 0; i < 500; i++) {
		int r = action_reap(&e);

		assert_true(r >= 0);
		if (r == 1 && e.pid == pid)
			return e.status;
		if (r == 0)
			nanosleep(&ms, NULL);
	}
	fail_msg("child %d did not exit", (int)pid);
	return -1;
}

static char *slurp(struct tdir *t, const char *name)
{
	char path[128], *buf = calloc(1, 8192);
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", t->path, name);
	f = fopen(path, "r");
	if (!f)
		fail_msg("%s is missing", path);
	if (fread(buf, 1, 8191, f) == 0 && ferror(f))
		fail_msg("read %s", path);
	fclose(f);
	return buf;
}

static void test_exec(void **state)
{
	struct tdir *t = *state;
	char path[128], body[512], *out;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old_ign;
	sigset_t usr1, old_mask;
	int status, leak;
	pid_t pid;

	/* What the child inherits: a leaked fd 77, SIGUSR1 blocked, SIGUSR2
	 * ignored; none of it may reach the program. The mask is read by an
	 * exec'd grep: the shell's own mask changes while it forks. */
	snprintf(body, sizeof(body),
		 "cd '%s' || exit 3\n"
		 "echo \"$#\" > args\n"
		 "readlink /proc/$$/fd/0 > stdin\n"
		 "test -e /proc/$$/fd/77 && echo leaked > fds\n"
		 "echo x > out\n"
		 "exec grep -E '^(SigBlk|SigIgn)' /proc/self/status > sig",
		 t->path);
	script(t, "exec.sh", body, path, sizeof(path));
	leak = dup2(open("/dev/null", O_RDONLY), 77);
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigprocmask(SIG_BLOCK, &usr1, &old_mask);
	sigaction(SIGUSR2, &ign, &old_ign);
	assert_int_equal(action_exec(path, &pid), 0);
	sigprocmask(SIG_SETMASK, &old_mask, NULL);
	sigaction(SIGUSR2, &old_ign, NULL);
	close(leak);
	status = reap(pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	out = slurp(t, "out");
	assert_string_equal(out, "x\n");
	free(out);
	out = slurp(t, "args");
	assert_string_equal(out, "0\n");
	free(out);
	out = slurp(t, "stdin");
	assert_string_equal(out, "/dev/null\n");
	free(out);
	out = slurp(t, "sig");
	{
		unsigned long long blk = 1, ignored = 1;
		int n = sscanf(out, "SigBlk:\t%llx\nSigIgn:\t%llx", &blk, &ignored);

		free(out);
		assert_int_equal(n, 2);
		assert_int_equal(blk, 0);
		/* Signals 32 and 33 are glibc's own: sigaction() refuses to
		 * reset them, so an ignored one inherited from whoever started
		 * the test (some shells and CI runners) cannot be undone. */
		assert_int_equal(ignored & ~0x180000000ULL, 0);
	}
	snprintf(path, sizeof(path), "%s/fds", t->path);
	assert_int_equal(access(path, F_OK), -1);
}

static void test_exec_errors(void **state)
{
	struct tdir *t = *state;
	char path[128];
	pid_t pid = 0;

	assert_int_equal(action_exec("relative/script", &pid), -EINVAL);
	assert_int_equal(action_exec("/nonexistent/auditkit", &pid), -ENOENT);
	snprintf(path, sizeof(path), "%s/plain", t->path);
	fclose(fopen(path, "w"));
	chmod(path, 0644);
	if (geteuid() != 0)
		assert_int_equal(action_exec(path, &pid), -EACCES);
	assert_int_equal(action_command("", &pid), -EINVAL);
	assert_int_equal(action_command("   \t", &pid), -EINVAL);
	assert_int_equal(action_command("true", &pid), -EINVAL);
	assert_int_equal(action_command("/bin/true", &pid), 0);
	assert_true(WIFEXITED(reap(pid)));
	assert_int_equal(action_email("/bin/true", "-oQ/tmp", "s", "b", &pid),
			 -EINVAL);
	assert_int_equal(action_email("/bin/true", "a b", "s", "b", &pid),
			 -EINVAL);
}

static void test_command_splits_on_blanks(void **state)
{
	struct tdir *t = *state;
	char path[128], body[256], cmd[512], *out;
	pid_t pid;

	snprintf(body, sizeof(body),
		 "printf '%%s|' \"$@\" > '%s/out'; exit 7", t->path);
	script(t, "single.sh", body, path, sizeof(path));
	snprintf(cmd, sizeof(cmd), "  /bin/sh\t%s  one 'two  three'\n", path);
	assert_int_equal(action_command(cmd, &pid), 0);
	assert_int_equal(WEXITSTATUS(reap(pid)), 7);
	out = slurp(t, "out");
	assert_string_equal(out, "one|'two|three'|");
	free(out);
}

static void test_email(void **state)
{
	struct tdir *t = *state;
	char path[128], body[256], cmd[256], *out;
	pid_t pid;

	snprintf(body, sizeof(body), "cd '%s' || exit 3\n"
		 "cat > mail\necho \"$@\" > args", t->path);
	script(t, "sendmail", body, path, sizeof(path));
	snprintf(cmd, sizeof(cmd), "%s -i", path);
	assert_int_equal(action_email(cmd, "root", "Audit disk space",
				      "space_left reached", &pid), 0);
	assert_int_equal(WEXITSTATUS(reap(pid)), 0);
	out = slurp(t, "mail");
	assert_string_equal(out, "To: root\nSubject: Audit disk space\n\n"
				 "space_left reached\n");
	free(out);
	out = slurp(t, "args");
	assert_string_equal(out, "-i root\n");
	free(out);
}

static void test_email_long_body_is_cut(void **state)
{
	struct tdir *t = *state;
	char path[128], body[256], *big = malloc(100000), *out;
	pid_t pid;

	memset(big, 'b', 99999);
	big[99999] = '\0';
	snprintf(body, sizeof(body), "wc -c > '%s/n'", t->path);
	script(t, "mailer", body, path, sizeof(path));
	assert_int_equal(action_email(path, "root", "s", big, &pid), 0);
	assert_int_equal(WEXITSTATUS(reap(pid)), 0);
	out = slurp(t, "n");
	assert_int_equal(atoi(out), ACTION_MAIL_MAX - 1);
	free(out);
	free(big);
}

static void test_reap_without_children(void **state)
{
	struct action_exit e;

	assert_int_equal(action_reap(&e), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thresholds),
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_check_fires_once),
		cmocka_unit_test(test_check_sudden_drop),
		cmocka_unit_test(test_eta),
		cmocka_unit_test(test_read),
#define T(f) cmocka_unit_test_setup_teardown(f, tdir_setup, tdir_teardown)
		T(test_exec),
		T(test_exec_errors),
		T(test_command_splits_on_blanks),
		T(test_email),
		T(test_email_long_body_is_cut),
#undef T
		cmocka_unit_test(test_reap_without_children),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
