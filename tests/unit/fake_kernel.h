/*
 * fake_kernel: an in-process audit kernel for unit tests, behind struct
 * netlink_ops, so the library and auditctl run their real request logic
 * without touching the machine's audit state.
 *
 * It answers every audit control request the way the kernel does (ACK
 * first, then the reply; LIST_RULES as one NLM_F_MULTI message per rule
 * then NLMSG_DONE; errors as NLMSG_ERROR), keeps the state those requests
 * change, and accepts what must never reach the real kernel in a test:
 * failure 2, and enabled 2, after which changes are -EPERM as in the
 * kernel. Knobs make it misbehave on purpose: fail every request, skip
 * the ACK, send the ACK last, put the ACK and the reply in one datagram,
 * send a foreign-port or wrong-sequence message ahead of the real ones.
 *
 * Answers queue up at send time; recv() pops one datagram, or -EAGAIN at
 * once when none is queued (so timeouts cost no time).
 */
#ifndef AUDITKIT_FAKE_KERNEL_H
#define AUDITKIT_FAKE_KERNEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/audit.h>
#include "netlink.h"

struct fake_datagram;

struct fake_blob {
	void *data;
	size_t len;
};

struct fake_user_message {
	uint16_t type;
	char *text;		/* the payload as sent, plus a NUL */
	size_t len;		/* payload length as sent */
};

struct fake_kernel {
	/* State, readable and writable by tests. lost and backlog as
	 * AUDIT_GET reports them; feature_bitmap is filled in by new. */
	struct audit_status status;
	uint32_t features;	/* AUDIT_FEATURE_TO_MASK bits */
	uint32_t features_lock;
	uint32_t sig_uid;
	int32_t sig_pid;
	char sig_ctx[64];	/* "" sends no context */

	/* Knobs. */
	int fail_errno;		/* < 0: every request gets this error */
	int send_errno;		/* < 0: send() itself fails */
	uint32_t lost_step;	/* lost += lost_step at each AUDIT_GET */
	size_t status_len;	/* != 0: AUDIT_GET reply this long */
	bool drop_ack;		/* never ACK */
	bool ack_last;		/* the reply (or list) first, then the ACK */
	bool one_datagram;	/* everything for a request in one datagram */
	bool inject_foreign;	/* a bogus message from port 4242 first */
	bool inject_wrong_seq;	/* a bogus message with another seq first */

	/* What arrived, for tests to check. */
	unsigned int requests;
	unsigned int closes;
	unsigned int trims;
	struct nlmsghdr last;		/* header of the last request */
	unsigned char *last_data;	/* its payload (owned) */
	size_t last_len;
	char *equiv[2];			/* last MAKE_EQUIV strings */

	/* Rules (encoded struct audit_rule_data, byte-exact) and user
	 * messages; use the functions below. */
	struct fake_blob *rules;
	size_t n_rules;
	struct fake_user_message *users;
	size_t n_users;

	struct fake_datagram *queue_head, *queue_tail;
};

/* A kernel in the state of this machine's baseline: enabled 0, failure 1,
 * backlog_limit 64, backlog_wait_time 15000, no rules. Free with
 * fake_kernel_free; never NULL (aborts on out of memory). */
struct fake_kernel *fake_kernel_new(void);
void fake_kernel_free(struct fake_kernel *fk);

/* The ops to pass to netlink_open_ops with the fake as ctx; close only
 * counts (the test frees the fake). */
extern const struct netlink_ops fake_kernel_ops;
/* netlink_open_ops over fk with a short timeout; asserts success. */
struct netlink *fake_kernel_open(struct fake_kernel *fk);

/* Queue a raw datagram as if the sender were portid; for cases the knobs
 * do not cover (truncation, malformed messages). buf is copied. */
void fake_kernel_inject(struct fake_kernel *fk, uint32_t portid,
			const void *buf, size_t len);
/* Datagrams still queued (answers nobody read). */
size_t fake_kernel_pending(const struct fake_kernel *fk);
/* Drop everything queued. */
void fake_kernel_flush(struct fake_kernel *fk);

/* Add a rule as AUDIT_ADD_RULE would: 0, -EEXIST. */
int fake_kernel_add_rule(struct fake_kernel *fk, const void *data,
			 size_t len);

#endif
