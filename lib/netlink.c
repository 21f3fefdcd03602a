/*
 * netlink: requests to the kernel's audit subsystem over NETLINK_AUDIT.
 *
 * A request is one message sent with NLM_F_REQUEST|NLM_F_ACK and the next
 * sequence number, followed by a receive loop that feeds every datagram
 * to a small state machine (struct request): it notes the ACK (an
 * NLMSG_ERROR with error >= 0), hands replies to the caller's callback and
 * notes NLMSG_DONE, and finishes when what the caller expects has all
 * arrived, in whatever order. The kernel answers AUDIT_GET and
 * AUDIT_LIST_RULES from a separate thread, so the ACK usually comes first.
 * An NLMSG_ERROR with a negative error ends the request with that error.
 *
 * Only the kernel's messages count: a datagram whose sender port is not 0
 * is dropped, and so is every message whose sequence number is not the
 * request's (late answers to an earlier request that timed out).
 *
 * The transport is either a socket or a fake (struct netlink_ops); both
 * deliver whole datagrams into the same receive buffer and run the same
 * state machine, so tests over the fake exercise the real logic.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include "netlink.h"

/* Far above any audit message (MAX_AUDIT_MESSAGE_LENGTH is 8970) and any
 * listed rule (struct audit_rule_data plus its strings); a larger datagram
 * is reported as -EMSGSIZE rather than misread. */
#define NETLINK_BUF_SIZE (64 * 1024)
#define NETLINK_DEFAULT_TIMEOUT_MS 2000

struct netlink {
	int fd;				/* -1 with a fake transport */
	const struct netlink_ops *ops;
	void *ctx;
	uint32_t seq;
	int timeout_ms;
	void *buf;			/* NETLINK_BUF_SIZE, receive only */
};

/* One request in flight: what has arrived so far. */
struct request {
	uint32_t seq;
	enum netlink_expect expect;
	netlink_reply_fn fn;
	void *userdata;
	bool acked;
	bool replied;			/* the reply, or NLMSG_DONE for MULTI */
	uint32_t ack_value;
};

static int netlink_new(int fd, const struct netlink_ops *ops, void *ctx,
		       struct netlink **ret)
{
	struct netlink *nl = calloc(1, sizeof(*nl));

	if (!nl)
		return -ENOMEM;
	nl->buf = malloc(NETLINK_BUF_SIZE);
	if (!nl->buf) {
		free(nl);
		return -ENOMEM;
	}
	nl->fd = fd;
	nl->ops = ops;
	nl->ctx = ctx;
	nl->timeout_ms = NETLINK_DEFAULT_TIMEOUT_MS;
	*ret = nl;
	return 0;
}

/* Caller frees *ret with netlink_close(), which closes the socket. */
int netlink_open(struct netlink **ret)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int fd, r;

	fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);
	if (fd < 0)
		return -errno;
	/* nl_pid 0: the kernel picks our port. */
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		r = -errno;
		close(fd);
		return r;
	}
	r = netlink_new(fd, NULL, NULL, ret);
	if (r < 0)
		close(fd);
	return r;
}

/* ops and ctx are kept until netlink_close(), which calls ops->close(ctx). */
int netlink_open_ops(const struct netlink_ops *ops, void *ctx,
		     struct netlink **ret)
{
	if (!ops || !ops->send || !ops->recv)
		return -EINVAL;
	return netlink_new(-1, ops, ctx, ret);
}

void netlink_close(struct netlink *nl)
{
	if (!nl)
		return;
	if (nl->ops) {
		if (nl->ops->close)
			nl->ops->close(nl->ctx);
	} else {
		close(nl->fd);
	}
	free(nl->buf);
	free(nl);
}

int netlink_fd(const struct netlink *nl)
{
	return nl->ops ? -1 : nl->fd;
}

/* A negative timeout waits for ever. */
void netlink_set_timeout(struct netlink *nl, int timeout_ms)
{
	nl->timeout_ms = timeout_ms;
}

static ssize_t transport_send(struct netlink *nl, const void *buf, size_t len)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	ssize_t n;

	if (nl->ops)
		return nl->ops->send(nl->ctx, buf, len);
	do {
		n = sendto(nl->fd, buf, len, 0, (struct sockaddr *)&kernel,
			   sizeof(kernel));
	} while (n < 0 && errno == EINTR);
	return n < 0 ? -errno : n;
}

static int64_t now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wait up to timeout_ms for the socket to be readable; a signal does not
 * restart the clock. */
static int socket_wait(int fd, int timeout_ms)
{
	int64_t deadline = now_ms() + timeout_ms;
	int left = timeout_ms;

	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int r = poll(&p, 1, left);

		if (r > 0)
			return 0;
		if (r == 0)
			return -ETIMEDOUT;
		if (errno != EINTR)
			return -errno;
		if (timeout_ms >= 0) {
			int64_t rest = deadline - now_ms();

			if (rest <= 0)
				return -ETIMEDOUT;
			left = (int)rest;
		}
	}
}

/* One datagram into nl->buf. MSG_TRUNC makes recvmsg return the full
 * length, so a datagram larger than the buffer shows as n > size. */
static ssize_t socket_recv(struct netlink *nl, uint32_t *ret_portid)
{
	for (;;) {
		struct sockaddr_nl sa = { 0 };
		struct iovec iov = { nl->buf, NETLINK_BUF_SIZE };
		struct msghdr m = { .msg_name = &sa, .msg_namelen = sizeof(sa),
				    .msg_iov = &iov, .msg_iovlen = 1 };
		ssize_t n;
		int r = socket_wait(nl->fd, nl->timeout_ms);

		if (r < 0)
			return r;
		n = recvmsg(nl->fd, &m, MSG_DONTWAIT | MSG_TRUNC);
		if (n < 0) {
			if (errno == EINTR || errno == EAGAIN)
				continue;
			return -errno;
		}
		*ret_portid = sa.nl_pid;
		return n;
	}
}

static ssize_t transport_recv(struct netlink *nl, uint32_t *ret_portid)
{
	ssize_t n;

	if (!nl->ops)
		return socket_recv(nl, ret_portid);
	do {
		*ret_portid = UINT32_MAX;
		n = nl->ops->recv(nl->ctx, nl->buf, NETLINK_BUF_SIZE,
				  nl->timeout_ms, ret_portid);
	} while (n == -EINTR);
	return n == -EAGAIN ? -ETIMEDOUT : n;
}

static int request_send(struct netlink *nl, uint16_t type, const void *data,
			size_t len, uint32_t seq)
{
	struct nlmsghdr *h;
	size_t total;
	ssize_t n;

	if (len > UINT32_MAX - NLMSG_SPACE(0) - NLMSG_ALIGNTO)
		return -EMSGSIZE;
	total = NLMSG_SPACE(len);
	h = calloc(1, total);
	if (!h)
		return -ENOMEM;
	h->nlmsg_len = NLMSG_LENGTH(len);
	h->nlmsg_type = type;
	h->nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	h->nlmsg_seq = seq;
	if (len)
		memcpy(NLMSG_DATA(h), data, len);
	n = transport_send(nl, h, total);
	free(h);
	if (n < 0)
		return (int)n;
	return (size_t)n == total ? 0 : -EIO;
}

static bool request_done(const struct request *rq)
{
	return rq->acked && (rq->expect == NETLINK_ACK_ONLY || rq->replied);
}

/* NLMSG_ERROR: error 0 (or, for a few AUDIT_SET masks, a positive value)
 * is the ACK; a negative error ends the request. */
static int request_error(struct request *rq, const struct nlmsghdr *h)
{
	const struct nlmsgerr *e = NLMSG_DATA(h);

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(e->error)))
		return -EPROTO;
	if (e->error < 0)
		return e->error;
	rq->acked = true;
	rq->ack_value = (uint32_t)e->error;
	return 0;
}

static int request_reply(struct request *rq, const struct nlmsghdr *h)
{
	int r = 0;

	if (rq->expect == NETLINK_ACK_ONLY)
		return 0;
	if (rq->expect == NETLINK_REPLY && rq->replied)
		return 0;	/* only the first reply counts */
	if (rq->fn)
		r = rq->fn(h, rq->userdata);
	if (rq->expect == NETLINK_REPLY)
		rq->replied = true;
	return r;
}

static int request_message(struct request *rq, const struct nlmsghdr *h)
{
	if (h->nlmsg_seq != rq->seq)
		return 0;
	switch (h->nlmsg_type) {
	case NLMSG_ERROR:
		return request_error(rq, h);
	case NLMSG_DONE:
		if (rq->expect == NETLINK_MULTI)
			rq->replied = true;
		return 0;
	default:
		if (h->nlmsg_type < NLMSG_MIN_TYPE)
			return 0;	/* NOOP, OVERRUN */
		return request_reply(rq, h);
	}
}

/* Walk every message of one datagram; stop once the request is done.
 * The walk is written out rather than with NLMSG_OK/NLMSG_NEXT, whose
 * mix of signed and unsigned lengths hides the bounds being checked. */
static int request_datagram(struct request *rq, const void *buf, size_t len)
{
	size_t off = 0;

	while (len - off >= NLMSG_HDRLEN) {
		const struct nlmsghdr *h = (const void *)((const char *)buf + off);
		int r;

		if (h->nlmsg_len < NLMSG_HDRLEN || h->nlmsg_len > len - off)
			break;
		if ((r = request_message(rq, h)) < 0)
			return r;
		if (request_done(rq))
			break;
		off += NLMSG_ALIGN(h->nlmsg_len);
		if (off > len)
			break;
	}
	return 0;
}

static int request_run(struct netlink *nl, struct request *rq, uint16_t type,
		       const void *data, size_t len)
{
	int r;

	/* The kernel's limit for one audit message; larger is refused unsent. */
	if (NLMSG_SPACE(len) > NETLINK_AUDIT_MAX_MESSAGE)
		return -EINVAL;
	rq->seq = ++nl->seq;
	if (rq->seq == 0)	/* 0 is what unsolicited kernel messages carry */
		rq->seq = ++nl->seq;
	r = request_send(nl, type, data, len, rq->seq);
	while (r == 0 && !request_done(rq)) {
		uint32_t portid;
		ssize_t n = transport_recv(nl, &portid);

		if (n < 0)
			return (int)n;
		if (portid != 0)
			continue;	/* not the kernel */
		if (n > NETLINK_BUF_SIZE)
			return -EMSGSIZE;
		r = request_datagram(rq, nl->buf, (size_t)n);
	}
	return r;
}

int netlink_request(struct netlink *nl, uint16_t type, const void *data,
		    size_t len, enum netlink_expect expect,
		    netlink_reply_fn fn, void *userdata)
{
	struct request rq = { .expect = expect, .fn = fn,
			      .userdata = userdata };

	return request_run(nl, &rq, type, data, len);
}

int netlink_request_ack(struct netlink *nl, uint16_t type, const void *data,
			size_t len, uint32_t *ret_value)
{
	struct request rq = { .expect = NETLINK_ACK_ONLY };
	int r = request_run(nl, &rq, type, data, len);

	if (r == 0 && ret_value)
		*ret_value = rq.ack_value;
	return r;
}

/* Static strings, or strerror()'s buffer. */
const char *netlink_strerror(int err)
{
	switch (err) {
	case -EPROTONOSUPPORT:
		return "the kernel has no audit support (EPROTONOSUPPORT)";
	case -EPERM:
	case -EACCES:
		return "permission denied (needs root or CAP_AUDIT_CONTROL)";
	case -ETIMEDOUT:
		return "no reply from the kernel";
	default:
		return strerror(err < 0 ? -err : err);
	}
}
