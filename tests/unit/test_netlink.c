/*
 * test_netlink: the request state machine of lib/netlink.c, driven through
 * the fake kernel (tests/unit/fake_kernel.c): ACK and reply in either
 * order and in one datagram, multi-part lists, kernel errors, timeouts,
 * foreign-port, wrong-sequence, malformed and truncated datagrams, EINTR,
 * and the real socket opening where the kernel has audit.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "fake_kernel.h"
#include "netlink.h"

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

/* What the reply callback saw. */
struct seen {
	int calls;
	uint16_t types[8];
	uint32_t first_word[8];
	int fail_with;		/* returned from the callback when != 0 */
};

static int on_reply(const struct nlmsghdr *h, void *userdata)
{
	struct seen *s = userdata;

	if (s->calls < 8) {
		s->types[s->calls] = h->nlmsg_type;
		memcpy(&s->first_word[s->calls], NLMSG_DATA(h), 4);
	}
	s->calls++;
	return s->fail_with;
}

static int get_status(struct fixture *f, struct seen *s)
{
	return netlink_request(f->nl, AUDIT_GET, NULL, 0, NETLINK_REPLY,
			       on_reply, s);
}

static void test_ack_then_reply(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.types[0], AUDIT_GET);
	assert_int_equal(fake_kernel_pending(f->fk), 0);
}

static void test_reply_then_ack(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	f->fk->ack_last = true;
	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 1);
	/* Done only after the ACK: nothing is left for the next request. */
	assert_int_equal(fake_kernel_pending(f->fk), 0);
}

static void test_one_datagram_both_orders(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	f->fk->one_datagram = true;
	assert_int_equal(get_status(f, &s), 0);
	f->fk->ack_last = true;
	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 2);
	assert_int_equal(fake_kernel_pending(f->fk), 0);
}

static void test_ack_only(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	assert_int_equal(netlink_request(f->nl, AUDIT_TRIM, NULL, 0,
					 NETLINK_ACK_ONLY, on_reply, &s), 0);
	assert_int_equal(s.calls, 0);
	assert_int_equal(f->fk->trims, 1);
}

static void test_request_header(void **state)
{
	struct fixture *f = *state;
	uint32_t seq;
	char text[] = "abcde";	/* 6 bytes: padded on the wire */

	assert_int_equal(netlink_request(f->nl, AUDIT_USER, text, 6,
					 NETLINK_ACK_ONLY, NULL, NULL), 0);
	seq = f->fk->last.nlmsg_seq;
	assert_int_equal(f->fk->last.nlmsg_flags, NLM_F_REQUEST | NLM_F_ACK);
	assert_int_equal(f->fk->last.nlmsg_len, NLMSG_LENGTH(6));
	assert_int_equal(f->fk->last_len, 6);
	assert_memory_equal(f->fk->last_data, text, 6);
	assert_int_equal(netlink_request(f->nl, AUDIT_TRIM, NULL, 0,
					 NETLINK_ACK_ONLY, NULL, NULL), 0);
	assert_int_equal(f->fk->last.nlmsg_seq, seq + 1);
}

/* A minimal encoded rule whose first word (flags) tells it apart. */
static void add_rule(struct fake_kernel *fk, uint32_t flags, uint32_t tag)
{
	struct audit_rule_data d;

	memset(&d, 0, sizeof(d));
	d.flags = flags;
	d.action = tag;
	assert_int_equal(fake_kernel_add_rule(fk, &d, sizeof(d)), 0);
}

static void list_three(struct fixture *f)
{
	struct seen s = { 0 };

	add_rule(f->fk, AUDIT_FILTER_EXIT, 1);
	add_rule(f->fk, AUDIT_FILTER_USER, 2);
	add_rule(f->fk, AUDIT_FILTER_EXIT | AUDIT_FILTER_PREPEND, 3);
	assert_int_equal(netlink_request(f->nl, AUDIT_LIST_RULES, NULL, 0,
					 NETLINK_MULTI, on_reply, &s), 0);
	assert_int_equal(s.calls, 3);
	assert_int_equal(s.types[0], AUDIT_LIST_RULES);
	assert_int_equal(s.first_word[0],
			 AUDIT_FILTER_EXIT | AUDIT_FILTER_PREPEND);
	assert_int_equal(s.first_word[1], AUDIT_FILTER_EXIT);
	assert_int_equal(s.first_word[2], AUDIT_FILTER_USER);
	assert_int_equal(fake_kernel_pending(f->fk), 0);
}

static void test_multi_ack_first(void **state)
{
	list_three(*state);
}

static void test_multi_ack_last(void **state)
{
	struct fixture *f = *state;

	f->fk->ack_last = true;
	list_three(f);
}

static void test_multi_one_datagram(void **state)
{
	struct fixture *f = *state;

	f->fk->one_datagram = true;
	list_three(f);
}

static void test_multi_empty(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	assert_int_equal(netlink_request(f->nl, AUDIT_LIST_RULES, NULL, 0,
					 NETLINK_MULTI, on_reply, &s), 0);
	assert_int_equal(s.calls, 0);
}

static void test_kernel_error(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	f->fk->fail_errno = -EPERM;
	assert_int_equal(get_status(f, &s), -EPERM);
	assert_int_equal(s.calls, 0);
	assert_int_equal(fake_kernel_pending(f->fk), 0);
	f->fk->fail_errno = -EACCES;
	assert_int_equal(netlink_request(f->nl, AUDIT_LIST_RULES, NULL, 0,
					 NETLINK_MULTI, on_reply, &s), -EACCES);
}

static void test_rule_errors(void **state)
{
	struct fixture *f = *state;
	struct audit_rule_data d;

	memset(&d, 0, sizeof(d));
	d.flags = AUDIT_FILTER_EXIT;
	assert_int_equal(netlink_request(f->nl, AUDIT_DEL_RULE, &d, sizeof(d),
					 NETLINK_ACK_ONLY, NULL, NULL),
			 -ENOENT);
	assert_int_equal(netlink_request(f->nl, AUDIT_ADD_RULE, &d, sizeof(d),
					 NETLINK_ACK_ONLY, NULL, NULL), 0);
	assert_int_equal(netlink_request(f->nl, AUDIT_ADD_RULE, &d, sizeof(d),
					 NETLINK_ACK_ONLY, NULL, NULL),
			 -EEXIST);
	assert_int_equal(netlink_request(f->nl, AUDIT_DEL_RULE, &d, sizeof(d),
					 NETLINK_ACK_ONLY, NULL, NULL), 0);
	assert_int_equal(f->fk->n_rules, 0);
}

static void test_timeouts(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	f->fk->drop_ack = true;
	assert_int_equal(netlink_request(f->nl, AUDIT_TRIM, NULL, 0,
					 NETLINK_ACK_ONLY, NULL, NULL),
			 -ETIMEDOUT);
	/* The reply alone does not complete a request. */
	assert_int_equal(get_status(f, &s), -ETIMEDOUT);
	assert_int_equal(s.calls, 1);
	add_rule(f->fk, AUDIT_FILTER_EXIT, 1);
	assert_int_equal(netlink_request(f->nl, AUDIT_LIST_RULES, NULL, 0,
					 NETLINK_MULTI, NULL, NULL),
			 -ETIMEDOUT);
}

/* An ACK without the list's NLMSG_DONE is not the end of the list. */
static void test_multi_needs_done(void **state)
{
	struct fixture *f = *state;

	/* AUDIT_TRIM answers with an ACK only: as a list, it never ends. */
	assert_int_equal(netlink_request(f->nl, AUDIT_TRIM, NULL, 0,
					 NETLINK_MULTI, NULL, NULL),
			 -ETIMEDOUT);
	assert_int_equal(netlink_request(f->nl, AUDIT_TRIM, NULL, 0,
					 NETLINK_REPLY, NULL, NULL),
			 -ETIMEDOUT);
}

static void test_foreign_port_dropped(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	f->fk->inject_foreign = true;
	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 1);
	assert_int_equal(netlink_request(f->nl, AUDIT_TRIM, NULL, 0,
					 NETLINK_ACK_ONLY, NULL, NULL), 0);
}

static void test_wrong_seq_dropped(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };

	f->fk->inject_wrong_seq = true;
	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.first_word[0], 0);	/* not the 0xff junk */
	f->fk->one_datagram = true;
	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 2);
}

static void test_malformed_ignored(void **state)
{
	struct fixture *f = *state;
	struct seen s = { 0 };
	unsigned char junk[8] = { 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4 };
	struct nlmsghdr noop = { .nlmsg_len = NLMSG_LENGTH(0),
				 .nlmsg_type = NLMSG_NOOP, .nlmsg_seq = 1 };

	fake_kernel_inject(f->fk, 0, junk, sizeof(junk));
	fake_kernel_inject(f->fk, 0, &noop, sizeof(noop));
	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 1);
}

static void test_truncated(void **state)
{
	struct fixture *f = *state;
	size_t big = 200 * 1024;
	unsigned char *buf = calloc(1, big);
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	struct seen s = { 0 };

	h->nlmsg_len = (uint32_t)big;
	h->nlmsg_type = AUDIT_GET;
	h->nlmsg_seq = 1;
	/* From elsewhere it is just dropped; from the kernel, an error. */
	fake_kernel_inject(f->fk, 7, buf, big);
	assert_int_equal(get_status(f, &s), 0);
	fake_kernel_inject(f->fk, 0, buf, big);
	assert_int_equal(get_status(f, &s), -EMSGSIZE);
	free(buf);
}

static void test_callback_error_stops(void **state)
{
	struct fixture *f = *state;
	struct seen s = { .fail_with = -ECANCELED };

	add_rule(f->fk, AUDIT_FILTER_EXIT, 1);
	add_rule(f->fk, AUDIT_FILTER_EXIT, 2);
	assert_int_equal(netlink_request(f->nl, AUDIT_LIST_RULES, NULL, 0,
					 NETLINK_MULTI, on_reply, &s),
			 -ECANCELED);
	assert_int_equal(s.calls, 1);
	/* What is left of that list is dropped by the next request. */
	s.fail_with = 0;
	s.calls = 0;
	assert_int_equal(get_status(f, &s), 0);
	assert_int_equal(s.calls, 1);
	assert_int_equal(s.types[0], AUDIT_GET);
}

static void test_ack_value(void **state)
{
	struct fixture *f = *state;
	struct audit_status st;
	uint32_t v = 1;

	memset(&st, 0, sizeof(st));
	st.mask = AUDIT_STATUS_LOST;
	f->fk->status.lost = 5;
	assert_int_equal(netlink_request_ack(f->nl, AUDIT_SET, &st, sizeof(st),
					     &v), 0);
	assert_int_equal(v, 5);
	f->fk->status.lost = 9;
	/* A positive ACK is success for netlink_request too. */
	assert_int_equal(netlink_request(f->nl, AUDIT_SET, &st, sizeof(st),
					 NETLINK_ACK_ONLY, NULL, NULL), 0);
	assert_int_equal(netlink_request_ack(f->nl, AUDIT_TRIM, NULL, 0, &v),
			 0);
	assert_int_equal(v, 0);
}

static void test_send_error(void **state)
{
	struct fixture *f = *state;

	f->fk->send_errno = -ENOBUFS;
	assert_int_equal(netlink_request(f->nl, AUDIT_TRIM, NULL, 0,
					 NETLINK_ACK_ONLY, NULL, NULL),
			 -ENOBUFS);
}

/* recv that is interrupted once before each datagram. */
static int eintr_pending;

static ssize_t eintr_recv(void *ctx, void *buf, size_t len, int timeout_ms,
			  uint32_t *ret_portid)
{
	if (eintr_pending) {
		eintr_pending = 0;
		return -EINTR;
	}
	eintr_pending = 1;
	return fake_kernel_ops.recv(ctx, buf, len, timeout_ms, ret_portid);
}

static void test_eintr_retried(void **state)
{
	struct fixture *f = *state;
	struct netlink_ops ops = fake_kernel_ops;
	struct netlink *nl = NULL;
	struct seen s = { 0 };

	ops.recv = eintr_recv;
	eintr_pending = 1;
	assert_int_equal(netlink_open_ops(&ops, f->fk, &nl), 0);
	assert_int_equal(netlink_request(nl, AUDIT_GET, NULL, 0,
					 NETLINK_REPLY, on_reply, &s), 0);
	assert_int_equal(s.calls, 1);
	netlink_close(nl);
}

static void test_open_ops(void **state)
{
	struct fixture *f = *state;
	struct netlink_ops no_recv = { .send = fake_kernel_ops.send };
	struct netlink *nl = NULL;
	unsigned int closes = f->fk->closes;

	assert_int_equal(netlink_open_ops(&no_recv, f->fk, &nl), -EINVAL);
	assert_int_equal(netlink_open_ops(&fake_kernel_ops, f->fk, &nl), 0);
	assert_int_equal(netlink_fd(nl), -1);
	netlink_close(nl);
	assert_int_equal(f->fk->closes, closes + 1);
	netlink_close(NULL);
}

static void test_strerror(void **state)
{
	assert_string_equal(netlink_strerror(-EPROTONOSUPPORT),
		"the kernel has no audit support (EPROTONOSUPPORT)");
	assert_string_equal(netlink_strerror(-EPERM),
		"permission denied (needs root or CAP_AUDIT_CONTROL)");
	assert_string_equal(netlink_strerror(-EACCES),
		"permission denied (needs root or CAP_AUDIT_CONTROL)");
	assert_string_equal(netlink_strerror(-ETIMEDOUT),
			    "no reply from the kernel");
	assert_string_equal(netlink_strerror(-ENOENT), strerror(ENOENT));
}

static void test_real_socket(void **state)
{
	struct netlink *nl = NULL;
	int r = netlink_open(&nl);

	if (r == -EPROTONOSUPPORT || r == -EPERM || r == -EACCES)
		skip();
	assert_int_equal(r, 0);
	assert_true(netlink_fd(nl) >= 0);
	assert_true(fcntl(netlink_fd(nl), F_GETFD) & FD_CLOEXEC);
	netlink_close(nl);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

/* Over the kernel's message limit: refused before anything is sent. */
static void test_oversize_refused_unsent(void **state)
{
	struct fixture *f = *state;
	static char big[NETLINK_AUDIT_MAX_MESSAGE];

	assert_int_equal(netlink_request(f->nl, AUDIT_ADD_RULE, big, sizeof(big),
					 NETLINK_ACK_ONLY, NULL, NULL), -EINVAL);
	assert_int_equal(f->fk->requests, 0);
	assert_int_equal(netlink_request(f->nl, AUDIT_USER, big,
					 NETLINK_AUDIT_MAX_MESSAGE - NLMSG_HDRLEN - 8,
					 NETLINK_ACK_ONLY, NULL, NULL), 0);
	assert_int_equal(f->fk->requests, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_ack_then_reply),
		T(test_oversize_refused_unsent),
		T(test_reply_then_ack),
		T(test_one_datagram_both_orders),
		T(test_ack_only),
		T(test_request_header),
		T(test_multi_ack_first),
		T(test_multi_ack_last),
		T(test_multi_one_datagram),
		T(test_multi_empty),
		T(test_kernel_error),
		T(test_rule_errors),
		T(test_timeouts),
		T(test_multi_needs_done),
		T(test_foreign_port_dropped),
		T(test_wrong_seq_dropped),
		T(test_malformed_ignored),
		T(test_truncated),
		T(test_callback_error_stops),
		T(test_ack_value),
		T(test_send_error),
		T(test_eintr_retried),
		T(test_open_ops),
		T(test_strerror),
		cmocka_unit_test(test_real_socket),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
