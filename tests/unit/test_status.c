/*
 * test_status: lib/status.c over the fake kernel (every AUDIT_SET mask
 * bit alone, short AUDIT_GET replies, counter resets, the enabled-2 lock,
 * features, signal info, user messages, MAKE_EQUIV, TRIM), plus one
 * read-only look at the real kernel: status_get against `auditctl -s`.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/file.h>
#include <cmocka.h>
#include "fake_kernel.h"
#include "netlink.h"
#include "status.h"

#define KERNEL_LOCK "/tmp/auditkit-kernel-test.lock"
#define REFERENCE_AUDITCTL "/usr/sbin/auditctl"

struct fixture {
	struct fake_kernel *fk;
	struct netlink *nl;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	f->fk = fake_kernel_new();
	f->nl = fake_kernel_open(f->fk);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	netlink_close(f->nl);
	fake_kernel_free(f->fk);
	free(f);
	return 0;
}

static void test_get(void **state)
{
	struct fixture *f = *state;
	struct audit_status s;
	size_t len = 0;

	f->fk->status.pid = 4321;
	f->fk->status.backlog = 17;
	f->fk->status.backlog_wait_time_actual = 3;
	assert_int_equal(status_get(f->nl, &s, &len), 0);
	assert_int_equal(len, sizeof(s));
	assert_int_equal(f->fk->last.nlmsg_type, AUDIT_GET);
	assert_int_equal(s.enabled, 0);
	assert_int_equal(s.failure, 1);
	assert_int_equal(s.pid, 4321);
	assert_int_equal(s.backlog_limit, 64);
	assert_int_equal(s.backlog, 17);
	assert_int_equal(s.backlog_wait_time, 15000);
	assert_int_equal(s.backlog_wait_time_actual, 3);
	assert_int_equal(s.feature_bitmap, AUDIT_FEATURE_BITMAP_ALL);
	assert_int_equal(status_get(f->nl, &s, NULL), 0);
}

/* An old kernel's reply stops after `version`: the rest reads as 0. */
static void test_get_short(void **state)
{
	struct fixture *f = *state;
	struct audit_status s;
	size_t len = 0, old = offsetof(struct audit_status, backlog_wait_time);

	f->fk->status_len = old;
	memset(&s, 0xaa, sizeof(s));
	assert_int_equal(status_get(f->nl, &s, &len), 0);
	assert_int_equal(len, old);
	assert_int_equal(s.failure, 1);
	assert_int_equal(s.backlog_limit, 64);
	assert_int_equal(s.backlog_wait_time, 0);
	assert_int_equal(s.backlog_wait_time_actual, 0);
}

static void test_get_error_leaves_output(void **state)
{
	struct fixture *f = *state;
	struct audit_status s;
	size_t len = 99;

	f->fk->fail_errno = -EPERM;
	memset(&s, 0xaa, sizeof(s));
	assert_int_equal(status_get(f->nl, &s, &len), -EPERM);
	assert_int_equal(len, 99);
	assert_int_equal(s.failure, 0xaaaaaaaa);
}

struct setter {
	int (*fn)(struct netlink *nl, uint32_t v);
	uint32_t mask;
	size_t offset;
	uint32_t value;
};

#define SETTER(fn, bit, member, v) \
	{ fn, bit, offsetof(struct audit_status, member), v }

static const struct setter setters[] = {
	SETTER(status_set_enabled, AUDIT_STATUS_ENABLED, enabled, 1),
	SETTER(status_set_failure, AUDIT_STATUS_FAILURE, failure, 2),
	SETTER(status_set_pid, AUDIT_STATUS_PID, pid, 1234),
	SETTER(status_set_rate_limit, AUDIT_STATUS_RATE_LIMIT, rate_limit, 77),
	SETTER(status_set_backlog_limit, AUDIT_STATUS_BACKLOG_LIMIT,
	       backlog_limit, 8192),
	SETTER(status_set_backlog_wait_time, AUDIT_STATUS_BACKLOG_WAIT_TIME,
	       backlog_wait_time, 60000),
};

static uint32_t member(const struct audit_status *s, size_t offset)
{
	uint32_t v;

	memcpy(&v, (const char *)s + offset, sizeof(v));
	return v;
}

/* Exactly one mask bit and one member on the wire; the fake applied it. */
static void check_setter(struct fixture *f, const struct setter *t)
{
	struct audit_status sent, expect;

	assert_int_equal(t->fn(f->nl, t->value), 0);
	assert_int_equal(f->fk->last.nlmsg_type, AUDIT_SET);
	assert_int_equal(f->fk->last_len, sizeof(sent));
	memcpy(&sent, f->fk->last_data, sizeof(sent));
	memset(&expect, 0, sizeof(expect));
	expect.mask = t->mask;
	memcpy((char *)&expect + t->offset, &t->value, sizeof(t->value));
	assert_memory_equal(&sent, &expect, sizeof(sent));
	assert_int_equal(member(&f->fk->status, t->offset), t->value);
}

static void test_setters(void **state)
{
	size_t i;

	for (i = 0; i < sizeof(setters) / sizeof(setters[0]); i++)
		check_setter(*state, &setters[i]);
}

static void test_set_many(void **state)
{
	struct fixture *f = *state;
	struct audit_status s;

	memset(&s, 0, sizeof(s));
	s.mask = AUDIT_STATUS_RATE_LIMIT | AUDIT_STATUS_BACKLOG_LIMIT;
	s.rate_limit = 5;
	s.backlog_limit = 320;
	s.failure = 2;		/* not in the mask: not applied */
	assert_int_equal(status_set(f->nl, &s), 0);
	assert_int_equal(f->fk->status.rate_limit, 5);
	assert_int_equal(f->fk->status.backlog_limit, 320);
	assert_int_equal(f->fk->status.failure, 1);
}

static void test_reset_lost(void **state)
{
	struct fixture *f = *state;
	struct audit_status s;
	uint32_t lost = 0;

	f->fk->lost_step = 7;
	assert_int_equal(status_get(f->nl, &s, NULL), 0);
	assert_int_equal(s.lost, 7);
	assert_int_equal(status_reset_lost(f->nl, &lost), 0);
	assert_int_equal(lost, 7);
	memcpy(&s, f->fk->last_data, sizeof(s));
	assert_int_equal(s.mask, AUDIT_STATUS_LOST);
	assert_int_equal(f->fk->status.lost, 0);
	assert_int_equal(status_reset_lost(f->nl, &lost), 0);
	assert_int_equal(lost, 0);
	f->fk->status.lost = 3;
	assert_int_equal(status_reset_lost(f->nl, NULL), 0);
	assert_int_equal(f->fk->status.lost, 0);
}

static void test_reset_wait_time_actual(void **state)
{
	struct fixture *f = *state;
	struct audit_status s;
	uint32_t old = 0;

	f->fk->status.backlog_wait_time_actual = 99;
	assert_int_equal(status_reset_backlog_wait_time_actual(f->nl, &old), 0);
	assert_int_equal(old, 99);
	memcpy(&s, f->fk->last_data, sizeof(s));
	assert_int_equal(s.mask, AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL);
	assert_int_equal(f->fk->status.backlog_wait_time_actual, 0);
}

/* enabled 2 locks the configuration, as in the kernel. */
static void test_locked(void **state)
{
	struct fixture *f = *state;
	uint32_t lost;

	assert_int_equal(status_set_failure(f->nl, 2), 0);
	assert_int_equal(status_set_enabled(f->nl, 2), 0);
	assert_int_equal(status_set_enabled(f->nl, 0), -EPERM);
	assert_int_equal(status_set_failure(f->nl, 1), -EPERM);
	assert_int_equal(status_set_backlog_limit(f->nl, 1), -EPERM);
	assert_int_equal(status_set_rate_limit(f->nl, 1), -EPERM);
	assert_int_equal(status_set_backlog_wait_time(f->nl, 1), -EPERM);
	assert_int_equal(f->fk->status.enabled, 2);
	assert_int_equal(f->fk->status.failure, 2);
	assert_int_equal(status_reset_lost(f->nl, &lost), 0);
	assert_int_equal(status_set_enabled(f->nl, 3), -EINVAL);
}

static void test_features(void **state)
{
	struct fixture *f = *state;
	uint32_t bit = AUDIT_FEATURE_TO_MASK(AUDIT_FEATURE_LOGINUID_IMMUTABLE);
	struct audit_features af, sent;

	assert_int_equal(features_get(f->nl, &af), 0);
	assert_int_equal(af.vers, AUDIT_FEATURE_VERSION);
	assert_int_equal(af.features & bit, 0);
	assert_int_equal(f->fk->last_len, sizeof(af));
	assert_int_equal(features_set_loginuid_immutable(f->nl, true, false),
			 0);
	memcpy(&sent, f->fk->last_data, sizeof(sent));
	assert_int_equal(f->fk->last.nlmsg_type, AUDIT_SET_FEATURE);
	assert_int_equal(sent.vers, AUDIT_FEATURE_VERSION);
	assert_int_equal(sent.mask, bit);
	assert_int_equal(sent.features, bit);
	assert_int_equal(sent.lock, 0);
	assert_int_equal(features_get(f->nl, &af), 0);
	assert_int_equal(af.features & bit, bit);
	assert_int_equal(af.lock & bit, 0);
	assert_int_equal(features_set_loginuid_immutable(f->nl, false, true),
			 0);
	assert_int_equal(features_get(f->nl, &af), 0);
	assert_int_equal(af.features & bit, 0);
	assert_int_equal(af.lock & bit, bit);
	assert_int_equal(features_set_loginuid_immutable(f->nl, true, false),
			 -EPERM);
}

static void test_signal_info(void **state)
{
	struct fixture *f = *state;
	struct status_signal_info si;

	f->fk->sig_uid = 1000;
	f->fk->sig_pid = 4711;
	strcpy(f->fk->sig_ctx, "system_u:system_r:init_t:s0");
	assert_int_equal(status_signal_info(f->nl, &si), 0);
	assert_int_equal(f->fk->last.nlmsg_type, AUDIT_SIGNAL_INFO);
	assert_int_equal(si.uid, 1000);
	assert_int_equal(si.pid, 4711);
	assert_string_equal(si.ctx, "system_u:system_r:init_t:s0");
	f->fk->sig_ctx[0] = '\0';
	assert_int_equal(status_signal_info(f->nl, &si), 0);
	assert_string_equal(si.ctx, "");
}

static void test_user_message(void **state)
{
	struct fixture *f = *state;
	const char *text = "text=hello world \"quoted\" res=success";

	assert_int_equal(status_user_message(f->nl, AUDIT_USER, text), 0);
	assert_int_equal(status_user_message(f->nl, AUDIT_FIRST_USER_MSG2,
					     "second"), 0);
	assert_int_equal(f->fk->n_users, 2);
	assert_int_equal(f->fk->users[0].type, AUDIT_USER);
	assert_int_equal(f->fk->users[0].len, strlen(text) + 1);
	assert_memory_equal(f->fk->users[0].text, text, strlen(text) + 1);
	assert_int_equal(f->fk->users[1].type, AUDIT_FIRST_USER_MSG2);
	assert_string_equal(f->fk->users[1].text, "second");
}

static void test_user_message_bad_type(void **state)
{
	struct fixture *f = *state;
	unsigned int before = f->fk->requests;

	assert_int_equal(status_user_message(f->nl, AUDIT_SET, "x"), -EINVAL);
	assert_int_equal(status_user_message(f->nl, AUDIT_LAST_USER_MSG2 + 1,
					     "x"), -EINVAL);
	assert_int_equal(f->fk->requests, before);
}

static void test_make_equiv(void **state)
{
	struct fixture *f = *state;
	uint32_t lens[2];

	assert_int_equal(status_make_equiv(f->nl, "/srv/tree", "/mnt/b"), 0);
	assert_int_equal(f->fk->last.nlmsg_type, AUDIT_MAKE_EQUIV);
	assert_int_equal(f->fk->last_len, 8 + 9 + 6);
	memcpy(lens, f->fk->last_data, sizeof(lens));
	assert_int_equal(lens[0], 9);
	assert_int_equal(lens[1], 6);
	assert_string_equal(f->fk->equiv[0], "/srv/tree");
	assert_string_equal(f->fk->equiv[1], "/mnt/b");
}

static void test_trim(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(status_trim(f->nl), 0);
	assert_int_equal(f->fk->trims, 1);
	assert_int_equal(f->fk->last.nlmsg_type, AUDIT_TRIM);
	assert_int_equal(f->fk->last_len, 0);
}

/* The kernel lock, if nobody holds it within half a second. A caller
 * that already holds it (flock ... test_status) says so in
 * AUDITKIT_KERNEL_LOCKED=1; then /dev/null stands in for the lock. */
static int kernel_lock_try(void)
{
	const char *held = getenv("AUDITKIT_KERNEL_LOCKED");
	int fd, i;

	if (held && !strcmp(held, "1"))
		return open("/dev/null", O_RDONLY | O_CLOEXEC);
	fd = open(KERNEL_LOCK, O_RDONLY | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0)
		return -1;
	for (i = 0; i < 5; i++) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return fd;
		usleep(100 * 1000);
	}
	close(fd);
	return -1;
}

/* `auditctl -s` has lines "name value". */
static int reference_status(struct audit_status *ret)
{
	FILE *p = popen(REFERENCE_AUDITCTL " -s 2>/dev/null", "r");
	char name[64];
	unsigned long v;
	int n = 0;

	if (!p)
		return -1;
	memset(ret, 0, sizeof(*ret));
	while (fscanf(p, "%63s %lu%*[^\n]", name, &v) == 2) {
		n++;
		if (!strcmp(name, "enabled")) ret->enabled = v;
		else if (!strcmp(name, "failure")) ret->failure = v;
		else if (!strcmp(name, "pid")) ret->pid = v;
		else if (!strcmp(name, "rate_limit")) ret->rate_limit = v;
		else if (!strcmp(name, "backlog_limit")) ret->backlog_limit = v;
		else if (!strcmp(name, "backlog_wait_time"))
			ret->backlog_wait_time = v;
		else
			n--;
	}
	pclose(p);
	return n == 6 ? 0 : -1;
}

static void assert_same_config(const struct audit_status *a,
			       const struct audit_status *b)
{
	assert_int_equal(a->enabled, b->enabled);
	assert_int_equal(a->failure, b->failure);
	assert_int_equal(a->pid, b->pid);
	assert_int_equal(a->rate_limit, b->rate_limit);
	assert_int_equal(a->backlog_limit, b->backlog_limit);
	assert_int_equal(a->backlog_wait_time, b->backlog_wait_time);
}

/* Read-only: AUDIT_GET and AUDIT_GET_FEATURE only. */
static void test_real_kernel(void **state)
{
	struct netlink *nl = NULL;
	struct audit_status a, b, ref;
	struct audit_features af;
	size_t len = 0;
	int lock, r;

	if (netlink_open(&nl) < 0)
		skip();
	lock = kernel_lock_try();
	r = status_get(nl, &a, &len);
	if (r == -EPERM || r == -EACCES) {
		netlink_close(nl);
		if (lock >= 0)
			close(lock);
		skip();
	}
	assert_int_equal(r, 0);
	assert_true(len >= offsetof(struct audit_status, backlog_wait_time));
	assert_true(a.enabled <= 2 && a.failure <= 2);
	assert_int_equal(features_get(nl, &af), 0);
	assert_int_equal(af.vers, AUDIT_FEATURE_VERSION);
	/* Without the lock another test may be changing the values. */
	if (lock >= 0) {
		assert_int_equal(status_get(nl, &b, NULL), 0);
		assert_same_config(&a, &b);
		if (access(REFERENCE_AUDITCTL, X_OK) == 0 &&
		    reference_status(&ref) == 0)
			assert_same_config(&a, &ref);
		close(lock);
	}
	netlink_close(nl);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_get),
		T(test_get_short),
		T(test_get_error_leaves_output),
		T(test_setters),
		T(test_set_many),
		T(test_reset_lost),
		T(test_reset_wait_time_actual),
		T(test_locked),
		T(test_features),
		T(test_signal_info),
		T(test_user_message),
		T(test_user_message_bad_type),
		T(test_make_equiv),
		T(test_trim),
		cmocka_unit_test(test_real_kernel),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
