/*
 * fake_kernel: an in-process audit kernel for unit tests.
 *
 * send() takes one request, runs the handler for its type against the
 * fake's state and queues the answer as datagrams: each message its own
 * datagram (as the kernel sends them), the ACK first unless ack_last,
 * everything in one datagram with one_datagram. Handlers follow the
 * kernel's rules where tests depend on them: the order AUDIT_SET applies
 * its mask bits and stops at the first error, the ACK carrying the old
 * counter for the LOST and BACKLOG_WAIT_TIME_ACTUAL resets, -EEXIST for a
 * duplicate rule and -ENOENT for a missing one (the kernel compares rules
 * field by field; byte equality of the encoded rule is the same thing for
 * rules from one encoder), -EPERM for changes once enabled is 2, and the
 * feature lock.
 *
 * recv() pops the oldest datagram, truncated to the caller's buffer with
 * its full length returned, like recv(MSG_TRUNC).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netlink.h>
#include "fake_kernel.h"

#ifndef NLM_F_CAPPED
#define NLM_F_CAPPED 0x100
#endif

#define FAKE_FOREIGN_PORT 4242
#define FAKE_OUR_PORT 31337	/* what the kernel puts in an ACK's pid */

struct fake_datagram {
	struct fake_datagram *next;
	uint32_t portid;
	size_t len;
	unsigned char data[];
};

/* The messages answering one request, in the order they were made. */
struct answer {
	struct fake_datagram *head, *tail;
};

static void *xmalloc(size_t len)
{
	void *p = calloc(1, len ? len : 1);

	if (!p)
		abort();
	return p;
}

static struct fake_datagram *datagram_new(uint32_t portid, size_t len)
{
	struct fake_datagram *d = xmalloc(sizeof(*d) + len);

	d->portid = portid;
	d->len = len;
	return d;
}

static void list_append(struct fake_datagram **head,
			struct fake_datagram **tail, struct fake_datagram *d)
{
	d->next = NULL;
	if (*tail)
		(*tail)->next = d;
	else
		*head = d;
	*tail = d;
}

/* One message, padded to NLMSG_ALIGNTO so messages can be concatenated. */
static struct fake_datagram *message_new(uint16_t type, uint16_t flags,
					 uint32_t seq, uint32_t pid,
					 const void *data, size_t len)
{
	struct fake_datagram *d = datagram_new(0, NLMSG_SPACE(len));
	struct nlmsghdr *h = (struct nlmsghdr *)d->data;

	h->nlmsg_len = NLMSG_LENGTH(len);
	h->nlmsg_type = type;
	h->nlmsg_flags = flags;
	h->nlmsg_seq = seq;
	h->nlmsg_pid = pid;
	if (len)
		memcpy(NLMSG_DATA(h), data, len);
	return d;
}

static void answer_add(struct answer *a, uint16_t type, uint16_t flags,
		       uint32_t seq, const void *data, size_t len)
{
	list_append(&a->head, &a->tail,
		    message_new(type, flags, seq, 0, data, len));
}

static void datagrams_free(struct fake_datagram *d)
{
	while (d) {
		struct fake_datagram *next = d->next;

		free(d);
		d = next;
	}
}

static struct fake_datagram *error_message(const struct nlmsghdr *req,
					   int error, uint32_t seq)
{
	struct nlmsgerr e = { .error = error, .msg = *req };

	return message_new(NLMSG_ERROR, NLM_F_CAPPED, seq, FAKE_OUR_PORT,
			   &e, sizeof(e));
}

struct fake_kernel *fake_kernel_new(void)
{
	struct fake_kernel *fk = xmalloc(sizeof(*fk));

	fk->status.failure = 1;
	fk->status.backlog_limit = 64;
	fk->status.backlog_wait_time = 15000;
	fk->status.feature_bitmap = AUDIT_FEATURE_BITMAP_ALL;
	return fk;
}

void fake_kernel_free(struct fake_kernel *fk)
{
	size_t i;

	if (!fk)
		return;
	fake_kernel_flush(fk);
	for (i = 0; i < fk->n_rules; i++)
		free(fk->rules[i].data);
	free(fk->rules);
	for (i = 0; i < fk->n_users; i++)
		free(fk->users[i].text);
	free(fk->users);
	free(fk->last_data);
	free(fk->equiv[0]);
	free(fk->equiv[1]);
	free(fk);
}

void fake_kernel_inject(struct fake_kernel *fk, uint32_t portid,
			const void *buf, size_t len)
{
	struct fake_datagram *d = datagram_new(portid, len);

	memcpy(d->data, buf, len);
	list_append(&fk->queue_head, &fk->queue_tail, d);
}

size_t fake_kernel_pending(const struct fake_kernel *fk)
{
	const struct fake_datagram *d;
	size_t n = 0;

	for (d = fk->queue_head; d; d = d->next)
		n++;
	return n;
}

void fake_kernel_flush(struct fake_kernel *fk)
{
	datagrams_free(fk->queue_head);
	fk->queue_head = fk->queue_tail = NULL;
}

/* ---- AUDIT_GET / AUDIT_SET ---- */

static int handle_get(struct fake_kernel *fk, const struct nlmsghdr *h,
		      struct answer *a)
{
	struct audit_status s;
	size_t len = sizeof(s);

	fk->status.lost += fk->lost_step;
	s = fk->status;
	s.mask = 0;
	if (fk->status_len && fk->status_len < len)
		len = fk->status_len;
	answer_add(a, AUDIT_GET, 0, h->nlmsg_seq, &s, len);
	return 0;
}

static bool fake_locked(const struct fake_kernel *fk)
{
	return fk->status.enabled == 2;
}

/* The bits that change configuration, in the kernel's order. */
static int set_config(struct fake_kernel *fk, const struct audit_status *s)
{
	if (s->mask & AUDIT_STATUS_ENABLED) {
		if (s->enabled > 2)
			return -EINVAL;
		if (fake_locked(fk))
			return -EPERM;
		fk->status.enabled = s->enabled;
	}
	if (s->mask & AUDIT_STATUS_FAILURE) {
		if (s->failure > 2)
			return -EINVAL;
		if (fake_locked(fk))
			return -EPERM;
		fk->status.failure = s->failure;
	}
	if (s->mask & AUDIT_STATUS_PID)
		fk->status.pid = s->pid;
	return 0;
}

static int set_limits(struct fake_kernel *fk, const struct audit_status *s)
{
	uint32_t limits = AUDIT_STATUS_RATE_LIMIT | AUDIT_STATUS_BACKLOG_LIMIT |
			  AUDIT_STATUS_BACKLOG_WAIT_TIME;

	if ((s->mask & limits) && fake_locked(fk))
		return -EPERM;
	if (s->mask & AUDIT_STATUS_RATE_LIMIT)
		fk->status.rate_limit = s->rate_limit;
	if (s->mask & AUDIT_STATUS_BACKLOG_LIMIT)
		fk->status.backlog_limit = s->backlog_limit;
	if (s->mask & AUDIT_STATUS_BACKLOG_WAIT_TIME)
		fk->status.backlog_wait_time = s->backlog_wait_time;
	return 0;
}

/* The counter resets answer with the old value in the ACK, and the
 * kernel returns right after the first of them. */
static int set_resets(struct fake_kernel *fk, const struct audit_status *s)
{
	uint32_t old;

	if (s->mask & AUDIT_STATUS_LOST) {
		old = fk->status.lost;
		fk->status.lost = 0;
		return (int)old;
	}
	if (s->mask & AUDIT_STATUS_BACKLOG_WAIT_TIME_ACTUAL) {
		old = fk->status.backlog_wait_time_actual;
		fk->status.backlog_wait_time_actual = 0;
		return (int)old;
	}
	return 0;
}

static int handle_set(struct fake_kernel *fk, const struct nlmsghdr *h,
		      struct answer *a)
{
	struct audit_status s;
	size_t len = NLMSG_PAYLOAD(h, 0);
	int r;

	memset(&s, 0, sizeof(s));
	memcpy(&s, NLMSG_DATA(h), len < sizeof(s) ? len : sizeof(s));
	r = set_config(fk, &s);
	if (r == 0)
		r = set_limits(fk, &s);
	if (r == 0)
		r = set_resets(fk, &s);
	return r;
}

/* ---- rules ---- */

static ssize_t rule_find(const struct fake_kernel *fk, const void *data,
			 size_t len)
{
	size_t i;

	for (i = 0; i < fk->n_rules; i++)
		if (fk->rules[i].len == len &&
		    memcmp(fk->rules[i].data, data, len) == 0)
			return (ssize_t)i;
	return -1;
}

int fake_kernel_add_rule(struct fake_kernel *fk, const void *data, size_t len)
{
	const struct audit_rule_data *d = data;
	struct fake_blob b;

	if (rule_find(fk, data, len) >= 0)
		return -EEXIST;
	fk->rules = realloc(fk->rules, (fk->n_rules + 1) * sizeof(b));
	if (!fk->rules)
		abort();
	b.data = xmalloc(len);
	memcpy(b.data, data, len);
	b.len = len;
	if (d->flags & AUDIT_FILTER_PREPEND) {
		memmove(fk->rules + 1, fk->rules, fk->n_rules * sizeof(b));
		fk->rules[0] = b;
	} else {
		fk->rules[fk->n_rules] = b;
	}
	fk->n_rules++;
	return 0;
}

static int rule_check(const struct fake_kernel *fk, const struct nlmsghdr *h)
{
	if (NLMSG_PAYLOAD(h, 0) < sizeof(struct audit_rule_data))
		return -EINVAL;
	return fake_locked(fk) ? -EPERM : 0;
}

static int handle_add_rule(struct fake_kernel *fk, const struct nlmsghdr *h,
			   struct answer *a)
{
	int r = rule_check(fk, h);

	if (r < 0)
		return r;
	return fake_kernel_add_rule(fk, NLMSG_DATA(h), NLMSG_PAYLOAD(h, 0));
}

static int handle_del_rule(struct fake_kernel *fk, const struct nlmsghdr *h,
			   struct answer *a)
{
	int r = rule_check(fk, h);
	ssize_t i;

	if (r < 0)
		return r;
	i = rule_find(fk, NLMSG_DATA(h), NLMSG_PAYLOAD(h, 0));
	if (i < 0)
		return -ENOENT;
	free(fk->rules[i].data);
	fk->n_rules--;
	memmove(fk->rules + i, fk->rules + i + 1,
		(fk->n_rules - (size_t)i) * sizeof(*fk->rules));
	return 0;
}

static int handle_list_rules(struct fake_kernel *fk,
			     const struct nlmsghdr *h, struct answer *a)
{
	size_t i;

	for (i = 0; i < fk->n_rules; i++)
		answer_add(a, AUDIT_LIST_RULES, NLM_F_MULTI, h->nlmsg_seq,
			   fk->rules[i].data, fk->rules[i].len);
	answer_add(a, NLMSG_DONE, NLM_F_MULTI, h->nlmsg_seq, NULL, 0);
	return 0;
}

/* ---- features, signal info, user messages, trees ---- */

static int handle_get_feature(struct fake_kernel *fk,
			      const struct nlmsghdr *h, struct answer *a)
{
	struct audit_features f = { .vers = AUDIT_FEATURE_VERSION,
				    .mask = UINT32_MAX,
				    .features = fk->features,
				    .lock = fk->features_lock };

	answer_add(a, AUDIT_GET_FEATURE, 0, h->nlmsg_seq, &f, sizeof(f));
	return 0;
}

/* A locked feature may not change value; locks only accumulate. */
static int handle_set_feature(struct fake_kernel *fk,
			      const struct nlmsghdr *h, struct answer *a)
{
	struct audit_features f;

	if (NLMSG_PAYLOAD(h, 0) < sizeof(f))
		return -EINVAL;
	memcpy(&f, NLMSG_DATA(h), sizeof(f));
	if (f.vers != AUDIT_FEATURE_VERSION)
		return -EINVAL;
	if ((fk->features_lock & f.mask) &
	    (fk->features ^ f.features))
		return -EPERM;
	fk->features = (fk->features & ~f.mask) | (f.features & f.mask);
	fk->features_lock |= f.lock & f.mask;
	return 0;
}

static int handle_signal_info(struct fake_kernel *fk,
			      const struct nlmsghdr *h, struct answer *a)
{
	unsigned char buf[8 + sizeof(fk->sig_ctx)];
	size_t ctx_len = strnlen(fk->sig_ctx, sizeof(fk->sig_ctx) - 1);

	memcpy(buf, &fk->sig_uid, 4);
	memcpy(buf + 4, &fk->sig_pid, 4);
	memcpy(buf + 8, fk->sig_ctx, ctx_len);
	if (ctx_len)
		buf[8 + ctx_len++] = '\0';
	answer_add(a, AUDIT_SIGNAL_INFO, 0, h->nlmsg_seq, buf, 8 + ctx_len);
	return 0;
}

static int handle_user(struct fake_kernel *fk, const struct nlmsghdr *h,
		       struct answer *a)
{
	struct fake_user_message m;
	size_t len = NLMSG_PAYLOAD(h, 0);

	m.type = h->nlmsg_type;
	m.len = len;
	m.text = xmalloc(len + 1);
	memcpy(m.text, NLMSG_DATA(h), len);
	fk->users = realloc(fk->users, (fk->n_users + 1) * sizeof(m));
	if (!fk->users)
		abort();
	fk->users[fk->n_users++] = m;
	return 0;
}

static int handle_trim(struct fake_kernel *fk, const struct nlmsghdr *h,
		       struct answer *a)
{
	fk->trims++;
	return 0;
}

static char *string_dup(const unsigned char *p, size_t len)
{
	char *s = xmalloc(len + 1);

	memcpy(s, p, len);
	return s;
}

static int handle_make_equiv(struct fake_kernel *fk,
			     const struct nlmsghdr *h, struct answer *a)
{
	const unsigned char *p = NLMSG_DATA(h);
	size_t len = NLMSG_PAYLOAD(h, 0);
	uint32_t lens[2];

	if (len < sizeof(lens))
		return -EINVAL;
	memcpy(lens, p, sizeof(lens));
	if ((size_t)lens[0] + lens[1] > len - sizeof(lens))
		return -EINVAL;
	free(fk->equiv[0]);
	free(fk->equiv[1]);
	fk->equiv[0] = string_dup(p + sizeof(lens), lens[0]);
	fk->equiv[1] = string_dup(p + sizeof(lens) + lens[0], lens[1]);
	return 0;
}

/* ---- dispatch and the ops ---- */

typedef int (*handler_fn)(struct fake_kernel *fk, const struct nlmsghdr *h,
			  struct answer *a);

static bool is_user_type(uint16_t t)
{
	return t == AUDIT_USER ||
	       (t >= AUDIT_FIRST_USER_MSG && t <= AUDIT_LAST_USER_MSG) ||
	       (t >= AUDIT_FIRST_USER_MSG2 && t <= AUDIT_LAST_USER_MSG2);
}

static handler_fn handler_for(uint16_t type)
{
	switch (type) {
	case AUDIT_GET: return handle_get;
	case AUDIT_SET: return handle_set;
	case AUDIT_ADD_RULE: return handle_add_rule;
	case AUDIT_DEL_RULE: return handle_del_rule;
	case AUDIT_LIST_RULES: return handle_list_rules;
	case AUDIT_GET_FEATURE: return handle_get_feature;
	case AUDIT_SET_FEATURE: return handle_set_feature;
	case AUDIT_SIGNAL_INFO: return handle_signal_info;
	case AUDIT_TRIM: return handle_trim;
	case AUDIT_MAKE_EQUIV: return handle_make_equiv;
	default: return is_user_type(type) ? handle_user : NULL;
	}
}

static void record_request(struct fake_kernel *fk, const struct nlmsghdr *h)
{
	fk->requests++;
	fk->last = *h;
	free(fk->last_data);
	fk->last_len = NLMSG_PAYLOAD(h, 0);
	fk->last_data = xmalloc(fk->last_len);
	memcpy(fk->last_data, NLMSG_DATA(h), fk->last_len);
}

/* Messages the library must drop, ahead of the real answer. */
static void queue_bogus(struct fake_kernel *fk, const struct nlmsghdr *h)
{
	struct fake_datagram *d;

	if (fk->inject_foreign) {
		d = error_message(h, -EPERM, h->nlmsg_seq);
		d->portid = FAKE_FOREIGN_PORT;
		list_append(&fk->queue_head, &fk->queue_tail, d);
	}
	if (fk->inject_wrong_seq) {
		unsigned char junk[sizeof(struct audit_status)];

		memset(junk, 0xff, sizeof(junk));
		list_append(&fk->queue_head, &fk->queue_tail,
			    message_new(h->nlmsg_type, 0, h->nlmsg_seq + 1000,
					0, junk, sizeof(junk)));
		list_append(&fk->queue_head, &fk->queue_tail,
			    error_message(h, -EPERM, h->nlmsg_seq - 1));
	}
}

/* Concatenate a list of single messages into one datagram. */
static struct fake_datagram *datagrams_merge(struct fake_datagram *list)
{
	struct fake_datagram *d, *out;
	size_t len = 0;

	for (d = list; d; d = d->next)
		len += d->len;
	out = datagram_new(0, len);
	len = 0;
	for (d = list; d; d = d->next) {
		memcpy(out->data + len, d->data, d->len);
		len += d->len;
	}
	datagrams_free(list);
	return out;
}

static void queue_answer(struct fake_kernel *fk, struct answer *a,
			 struct fake_datagram *ack)
{
	struct answer all = { 0 };
	struct fake_datagram *d, *next;

	if (ack && !fk->ack_last)
		list_append(&all.head, &all.tail, ack);
	for (d = a->head; d; d = next) {
		next = d->next;
		list_append(&all.head, &all.tail, d);
	}
	if (ack && fk->ack_last)
		list_append(&all.head, &all.tail, ack);
	if (fk->one_datagram && all.head) {
		d = datagrams_merge(all.head);
		list_append(&fk->queue_head, &fk->queue_tail, d);
		return;
	}
	for (d = all.head; d; d = next) {
		next = d->next;
		list_append(&fk->queue_head, &fk->queue_tail, d);
	}
}

static ssize_t fake_send(void *ctx, const void *buf, size_t len)
{
	struct fake_kernel *fk = ctx;
	const struct nlmsghdr *h = buf;
	struct answer a = { 0 };
	struct fake_datagram *ack = NULL;
	handler_fn fn;
	int code;

	if (fk->send_errno < 0)
		return fk->send_errno;
	if (len < NLMSG_HDRLEN || h->nlmsg_len < NLMSG_HDRLEN || h->nlmsg_len > len)
		return -EINVAL;
	record_request(fk, h);
	fn = handler_for(h->nlmsg_type);
	code = fk->fail_errno < 0 ? fk->fail_errno :
	       fn ? fn(fk, h, &a) : -EINVAL;
	if (code < 0) {		/* an error is the whole answer */
		datagrams_free(a.head);
		a.head = a.tail = NULL;
	}
	queue_bogus(fk, h);
	if ((code != 0 || (h->nlmsg_flags & NLM_F_ACK)) && !fk->drop_ack)
		ack = error_message(h, code, h->nlmsg_seq);
	queue_answer(fk, &a, ack);
	return (ssize_t)len;
}

static ssize_t fake_recv(void *ctx, void *buf, size_t len, int timeout_ms,
			 uint32_t *ret_portid)
{
	struct fake_kernel *fk = ctx;
	struct fake_datagram *d = fk->queue_head;
	size_t n;

	if (!d)
		return -EAGAIN;
	fk->queue_head = d->next;
	if (!fk->queue_head)
		fk->queue_tail = NULL;
	n = d->len < len ? d->len : len;
	memcpy(buf, d->data, n);
	*ret_portid = d->portid;
	n = d->len;
	free(d);
	return (ssize_t)n;
}

static void fake_close(void *ctx)
{
	struct fake_kernel *fk = ctx;

	fk->closes++;
}

const struct netlink_ops fake_kernel_ops = {
	.send = fake_send,
	.recv = fake_recv,
	.close = fake_close,
};

struct netlink *fake_kernel_open(struct fake_kernel *fk)
{
	struct netlink *nl = NULL;

	if (netlink_open_ops(&fake_kernel_ops, fk, &nl) < 0)
		abort();
	netlink_set_timeout(nl, 10);
	return nl;
}
