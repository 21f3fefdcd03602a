/*
 * status: the kernel's audit state, one netlink request per function.
 *
 * Replies are copied by one callback (reply_copy) that checks the reply's
 * type and copies at most the caller's structure: older kernels send a
 * shorter struct audit_status, newer ones might send a longer one, and
 * either way the members we know land in place and the rest stay 0.
 *
 * Two AUDIT_SET masks are counters to reset rather than values to set:
 * AUDIT_STATUS_LOST and AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL. The kernel
 * answers them with no reply message, only an ACK whose error field holds
 * the counter's old value (seen on this kernel: "error=5" in the ACK, and
 * the reference printing "lost: 5"), so they go through
 * netlink_request_ack().
 *
 * Output parameters are written only on success.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "netlink.h"
#include "status.h"

/* The fixed part of the kernel's AUDIT_SIGNAL_INFO reply (struct
 * audit_sig_info, not in the uapi headers); the security context follows,
 * without a guaranteed NUL. */
struct sig_info_wire {
	uint32_t uid;
	int32_t pid;
};

struct reply_copy {
	uint16_t type;		/* the reply type we accept */
	void *dst;
	size_t size;		/* of dst */
	size_t got;		/* payload length the kernel sent */
};

static int reply_copy(const struct nlmsghdr *h, void *userdata)
{
	struct reply_copy *c = userdata;
	size_t len = NLMSG_PAYLOAD(h, 0);

	if (h->nlmsg_type != c->type)
		return -EPROTO;
	memset(c->dst, 0, c->size);
	memcpy(c->dst, NLMSG_DATA(h), len < c->size ? len : c->size);
	c->got = len;
	return 0;
}

/* A request answered by one reply of the same type, copied into dst. */
static int status_query(struct netlink *nl, uint16_t type, const void *data,
			size_t len, void *dst, size_t size, size_t *ret_got)
{
	struct reply_copy c = { .type = type, .dst = dst, .size = size };
	int r;

	r = netlink_request(nl, type, data, len, NETLINK_REPLY, reply_copy, &c);
	if (r == 0 && ret_got)
		*ret_got = c.got;
	return r;
}

int status_get(struct netlink *nl, struct audit_status *ret, size_t *ret_len)
{
	struct audit_status s;
	size_t got = 0;
	int r;

	r = status_query(nl, AUDIT_GET, NULL, 0, &s, sizeof(s), &got);
	if (r < 0)
		return r;
	*ret = s;
	if (ret_len)
		*ret_len = got;
	return 0;
}

int status_set(struct netlink *nl, const struct audit_status *s)
{
	return netlink_request(nl, AUDIT_SET, s, sizeof(*s), NETLINK_ACK_ONLY,
			       NULL, NULL);
}

/* Build a status with one mask bit; the caller fills the member. */
static struct audit_status status_with_mask(uint32_t mask)
{
	struct audit_status s;

	memset(&s, 0, sizeof(s));
	s.mask = mask;
	return s;
}

int status_set_enabled(struct netlink *nl, uint32_t enabled)
{
	struct audit_status s = status_with_mask(AUDIT_STATUS_ENABLED);

	s.enabled = enabled;
	return status_set(nl, &s);
}

int status_set_failure(struct netlink *nl, uint32_t failure)
{
	struct audit_status s = status_with_mask(AUDIT_STATUS_FAILURE);

	s.failure = failure;
	return status_set(nl, &s);
}

int status_set_pid(struct netlink *nl, uint32_t pid)
{
	struct audit_status s = status_with_mask(AUDIT_STATUS_PID);

	s.pid = pid;
	return status_set(nl, &s);
}

int status_set_rate_limit(struct netlink *nl, uint32_t rate)
{
	struct audit_status s = status_with_mask(AUDIT_STATUS_RATE_LIMIT);

	s.rate_limit = rate;
	return status_set(nl, &s);
}

int status_set_backlog_limit(struct netlink *nl, uint32_t limit)
{
	struct audit_status s = status_with_mask(AUDIT_STATUS_BACKLOG_LIMIT);

	s.backlog_limit = limit;
	return status_set(nl, &s);
}

int status_set_backlog_wait_time(struct netlink *nl, uint32_t wait)
{
	struct audit_status s =
		status_with_mask(AUDIT_STATUS_BACKLOG_WAIT_TIME);

	s.backlog_wait_time = wait;
	return status_set(nl, &s);
}

/* A counter reset: the old value comes back in the ACK. */
static int status_reset(struct netlink *nl, uint32_t mask, uint32_t *ret_old)
{
	struct audit_status s = status_with_mask(mask);

	return netlink_request_ack(nl, AUDIT_SET, &s, sizeof(s), ret_old);
}

int status_reset_lost(struct netlink *nl, uint32_t *ret_lost)
{
	return status_reset(nl, AUDIT_STATUS_LOST, ret_lost);
}

int status_reset_backlog_wait_time_actual(struct netlink *nl, uint32_t *ret_old)
{
	return status_reset(nl, AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL, ret_old);
}

/* The request carries a zeroed struct audit_features, as the kernel
 * expects a payload of that size. */
int features_get(struct netlink *nl, struct audit_features *ret)
{
	struct audit_features req, f;
	int r;

	memset(&req, 0, sizeof(req));
	r = status_query(nl, AUDIT_GET_FEATURE, &req, sizeof(req), &f,
			 sizeof(f), NULL);
	if (r == 0)
		*ret = f;
	return r;
}

int features_set_loginuid_immutable(struct netlink *nl, bool on, bool lock)
{
	uint32_t bit = AUDIT_FEATURE_TO_MASK(AUDIT_FEATURE_LOGINUID_IMMUTABLE);
	struct audit_features f = {
		.vers = AUDIT_FEATURE_VERSION,
		.mask = bit,
		.features = on ? bit : 0,
		.lock = lock ? bit : 0,
	};

	return netlink_request(nl, AUDIT_SET_FEATURE, &f, sizeof(f),
			       NETLINK_ACK_ONLY, NULL, NULL);
}

int status_signal_info(struct netlink *nl, struct status_signal_info *ret)
{
	unsigned char buf[sizeof(struct sig_info_wire) + sizeof(ret->ctx)];
	struct sig_info_wire w;
	size_t got = 0, ctx_len;
	int r;

	r = status_query(nl, AUDIT_SIGNAL_INFO, NULL, 0, buf, sizeof(buf),
			 &got);
	if (r < 0)
		return r;
	if (got < sizeof(w))
		return -EPROTO;
	memcpy(&w, buf, sizeof(w));
	ctx_len = got - sizeof(w);
	if (ctx_len > sizeof(ret->ctx) - 1)
		ctx_len = sizeof(ret->ctx) - 1;
	memset(ret, 0, sizeof(*ret));
	ret->uid = w.uid;
	ret->pid = w.pid;
	memcpy(ret->ctx, buf + sizeof(w), ctx_len);
	return 0;
}

static bool status_is_user_type(uint16_t type)
{
	return type == AUDIT_USER ||
	       (type >= AUDIT_FIRST_USER_MSG && type <= AUDIT_LAST_USER_MSG) ||
	       (type >= AUDIT_FIRST_USER_MSG2 && type <= AUDIT_LAST_USER_MSG2);
}

/* The text goes with its NUL, as the reference sends it. Types outside
 * the kernel's user-message ranges are -EINVAL: they would be control
 * requests. */
int status_user_message(struct netlink *nl, uint16_t type, const char *text)
{
	if (!status_is_user_type(type))
		return -EINVAL;
	return netlink_request(nl, type, text, strlen(text) + 1,
			       NETLINK_ACK_ONLY, NULL, NULL);
}

/* Kernel ABI: u32 len1, u32 len2, then both strings without NULs. */
int status_make_equiv(struct netlink *nl, const char *tree_path,
		      const char *mount_path)
{
	uint32_t lens[2] = { (uint32_t)strlen(tree_path),
			     (uint32_t)strlen(mount_path) };
	size_t len = sizeof(lens) + lens[0] + lens[1];
	unsigned char *buf = malloc(len);
	int r;

	if (!buf)
		return -ENOMEM;
	memcpy(buf, lens, sizeof(lens));
	memcpy(buf + sizeof(lens), tree_path, lens[0]);
	memcpy(buf + sizeof(lens) + lens[0], mount_path, lens[1]);
	r = netlink_request(nl, AUDIT_MAKE_EQUIV, buf, len, NETLINK_ACK_ONLY,
			    NULL, NULL);
	free(buf);
	return r;
}

int status_trim(struct netlink *nl)
{
	return netlink_request(nl, AUDIT_TRIM, NULL, 0, NETLINK_ACK_ONLY,
			       NULL, NULL);
}
