/*
 * netlink: the transport to the kernel's audit subsystem.
 *
 * A struct netlink is one NETLINK_AUDIT socket (or a fake, for tests: see
 * netlink_open_ops). netlink_request() sends one request with the next
 * sequence number and NLM_F_ACK, then reads until the request is complete:
 * its ACK, plus the single reply or the multi-part reply up to NLMSG_DONE
 * that the caller said to expect, in whatever order the kernel sends them
 * (the kernel may send the ACK before a list). Messages whose sender port
 * is not 0 (not the kernel) or whose sequence number is not the request's
 * are dropped. EINTR is retried; a silent kernel is -ETIMEDOUT.
 *
 * Errors are negative errno values; the library never prints. Callers map
 * -EPROTONOSUPPORT (no audit in this kernel) and -EPERM/-EACCES (no
 * CAP_AUDIT_CONTROL) to their own messages; netlink_strerror() gives the
 * standard wording.
 */
#ifndef AUDITKIT_NETLINK_H
#define AUDITKIT_NETLINK_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/netlink.h>

/* The largest message the reference sends (8970 bytes, header included);
 * the uapi header only mentions it. Larger requests are refused unsent. */
#define NETLINK_AUDIT_MAX_MESSAGE 8970

struct netlink;

/* A fake kernel for tests: send() gets one whole request, recv() yields one
 * datagram (may hold several messages) or a negative errno (-EAGAIN when
 * nothing is pending within timeout_ms). A datagram longer than len is
 * truncated to len and its full length returned, as recv(MSG_TRUNC) does;
 * netlink_request() rejects it. */
struct netlink_ops {
	ssize_t (*send)(void *ctx, const void *buf, size_t len);
	ssize_t (*recv)(void *ctx, void *buf, size_t len, int timeout_ms,
			uint32_t *ret_portid);
	void (*close)(void *ctx);
};

/* What a request expects besides its ACK. */
enum netlink_expect {
	NETLINK_ACK_ONLY,	/* AUDIT_SET, AUDIT_ADD_RULE, AUDIT_USER ... */
	NETLINK_REPLY,		/* one reply: AUDIT_GET, AUDIT_GET_FEATURE ... */
	NETLINK_MULTI,		/* replies up to NLMSG_DONE: AUDIT_LIST_RULES */
};

/* Called for each reply message (never for ACKs or DONE). The message is
 * borrowed for the call only. Return 0 to go on, negative errno to stop
 * (netlink_request then returns it after draining nothing more). */
typedef int (*netlink_reply_fn)(const struct nlmsghdr *h, void *userdata);

/* Open a NETLINK_AUDIT socket. 0 and *ret (free with netlink_close), or
 * negative errno: -EPROTONOSUPPORT where the kernel has no audit. */
int netlink_open(struct netlink **ret);
/* Same over a fake transport; ctx is kept and passed to ops. */
int netlink_open_ops(const struct netlink_ops *ops, void *ctx,
		     struct netlink **ret);
void netlink_close(struct netlink *nl);
/* The socket fd, or -1 for a fake transport. */
int netlink_fd(const struct netlink *nl);
/* Default 2000 ms; per wait for the next message of a request. */
void netlink_set_timeout(struct netlink *nl, int timeout_ms);

/* Send (type, data, len) and wait as `expect` says. fn may be NULL.
 * 0 on success, or negative errno: the kernel's NLMSG_ERROR code, a
 * callback's error, -ETIMEDOUT, or a socket error. */
int netlink_request(struct netlink *nl, uint16_t type, const void *data,
		    size_t len, enum netlink_expect expect,
		    netlink_reply_fn fn, void *userdata);

/* As netlink_request with NETLINK_ACK_ONLY, for the requests whose ACK
 * carries a value: for AUDIT_SET with AUDIT_STATUS_LOST or
 * AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL the kernel puts the counter's old
 * value in the ACK's error field as a positive number. *ret_value (may be
 * NULL) gets it. netlink_request() takes such an ACK as plain success. */
int netlink_request_ack(struct netlink *nl, uint16_t type, const void *data,
			size_t len, uint32_t *ret_value);

/* Short generic text for a negative errno from this module: the known
 * cases (no audit in the kernel, no CAP_AUDIT_CONTROL, no reply) get
 * their own words, the rest strerror(). Programs add their own context. */
const char *netlink_strerror(int err);

#endif
