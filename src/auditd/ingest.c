/*
 * ingest: see ingest.h. The thread loops on recvmmsg() with a receive
 * timeout, so it notices a stop request within INGEST_TICK_MS without a
 * second file descriptor to poll. Each datagram is walked message by
 * message: ACKs settle a pending registration, AUDIT_REPLACE is counted,
 * everything else is a record for the queue.
 */
#include "ingest.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/netlink.h>

#include "ledger.h"
#include "queue.h"

#define INGEST_BATCH 64
#define INGEST_BUF 9216		/* > NETLINK_AUDIT_MAX_MESSAGE */
#define INGEST_RCVBUF (64 * 1024 * 1024)
#define INGEST_TICK_MS 100

struct ingest {
	int fd;
	struct queue *q;
	struct ledger *ledger;
	pthread_t thread;
	bool started;
	atomic_bool stop;
	atomic_int overflow;
	bool overflowing;	/* reader only: syslog once per episode */

	/* Registration: the reader sets result when the ACK arrives. */
	pthread_mutex_t lock;
	pthread_cond_t done;
	uint32_t reg_seq;
	int reg_result;		/* 1 pending, else 0 / -errno */

	struct mmsghdr msgs[INGEST_BATCH];
	struct iovec iov[INGEST_BATCH];
	struct sockaddr_nl from[INGEST_BATCH];
	char (*bufs)[INGEST_BUF];
	struct queue_block *block;
};

static int ingest_socket(void)
{
	struct sockaddr_nl addr = { .nl_family = AF_NETLINK };
	struct timeval tv = { .tv_usec = INGEST_TICK_MS * 1000 };
	int size = INGEST_RCVBUF, one = 1;
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_AUDIT);

	if (fd < 0)
		return -errno;
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0) {
		int err = -errno;

		close(fd);
		return err;
	}
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof(size)) < 0)
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, sizeof(size));
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_NO_ENOBUFS, &one, sizeof(one));
	(void)setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	return fd;
}

int ingest_open(struct queue *q, struct ledger *l, struct ingest **ret)
{
	struct ingest *in = calloc(1, sizeof(*in));
	int i;

	if (!in)
		return -ENOMEM;
	in->bufs = malloc(sizeof(*in->bufs) * INGEST_BATCH);
	if (!in->bufs) {
		free(in);
		return -ENOMEM;
	}
	in->fd = ingest_socket();
	if (in->fd < 0) {
		int err = in->fd;

		free(in->bufs);
		free(in);
		return err;
	}
	for (i = 0; i < INGEST_BATCH; i++) {
		in->iov[i].iov_base = in->bufs[i];
		in->iov[i].iov_len = INGEST_BUF;
		in->msgs[i].msg_hdr.msg_iov = &in->iov[i];
		in->msgs[i].msg_hdr.msg_iovlen = 1;
		in->msgs[i].msg_hdr.msg_name = &in->from[i];
		in->msgs[i].msg_hdr.msg_namelen = sizeof(in->from[i]);
	}
	in->q = q;
	in->ledger = l;
	in->reg_result = 0;
	pthread_mutex_init(&in->lock, NULL);
	pthread_cond_init(&in->done, NULL);
	*ret = in;
	return 0;
}

void ingest_set_overflow(struct ingest *in, enum ingest_overflow o)
{
	atomic_store(&in->overflow, (int)o);
}

static void ingest_settle(struct ingest *in, const struct nlmsghdr *h)
{
	const struct nlmsgerr *e = NLMSG_DATA(h);

	if (h->nlmsg_len < NLMSG_LENGTH(sizeof(*e)))
		return;
	pthread_mutex_lock(&in->lock);
	if (in->reg_result == 1 && h->nlmsg_seq == in->reg_seq) {
		in->reg_result = e->error > 0 ? 0 : e->error;
		pthread_cond_broadcast(&in->done);
	}
	pthread_mutex_unlock(&in->lock);
}

/* The current block is full or the batch ended: hand it to the writer.
 * A full queue means the writer is stuck; the block is dropped then. */
static void ingest_flush(struct ingest *in)
{
	struct queue_block *b = in->block;

	if (!b || b->records == 0)
		return;
	if (queue_push(in->q, b) == 0) {
		in->block = NULL;
		in->overflowing = false;
		return;
	}
	ledger_add(in->ledger->queue_dropped, b->records);
	if (!in->overflowing &&
	    atomic_load(&in->overflow) == INGEST_OVERFLOW_SYSLOG)
		syslog(LOG_ERR, "auditd: internal queue is full, dropping records");
	in->overflowing = true;
	b->used = 0;
	b->records = 0;
}

static void ingest_record(struct ingest *in, uint16_t type, const void *data,
			  size_t len)
{
	ledger_add(in->ledger->received, 1);
	ledger_add(in->ledger->received_bytes, len);
	if (!in->block)
		in->block = queue_block_get(in->q);
	if (!in->block) {
		ledger_add(in->ledger->queue_dropped, 1);
		return;
	}
	if (queue_block_add(in->block, type, data, len))
		return;
	ingest_flush(in);
	if (!in->block)
		in->block = queue_block_get(in->q);
	if (!in->block || !queue_block_add(in->block, type, data, len))
		ledger_add(in->ledger->queue_dropped, 1);
}

/* The kernel sends each record as a datagram of its own, and sets the
 * record's nlmsg_len to the payload's length without the header (a
 * long-standing quirk userspace has to live with), so a record's length
 * is the datagram's. ACKs are proper netlink messages and are walked as
 * such. */
static void ingest_datagram(struct ingest *in, const char *buf, size_t len)
{
	const struct nlmsghdr *h = (const struct nlmsghdr *)buf;

	if (len < NLMSG_HDRLEN)
		return;
	switch (h->nlmsg_type) {
	case NLMSG_ERROR:
		for (; NLMSG_OK(h, len); h = NLMSG_NEXT(h, len))
			if (h->nlmsg_type == NLMSG_ERROR)
				ingest_settle(in, h);
		break;
	case NLMSG_DONE:
	case NLMSG_NOOP:
		break;
	case AUDIT_REPLACE:
		ledger_add(in->ledger->replace, 1);
		break;
	default:
		ingest_record(in, h->nlmsg_type, buf + NLMSG_HDRLEN,
			      len - NLMSG_HDRLEN);
	}
}

static void ingest_batch(struct ingest *in, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		struct msghdr *m = &in->msgs[i].msg_hdr;

		if (in->from[i].nl_pid != 0 || (m->msg_flags & MSG_TRUNC)) {
			ledger_add(in->ledger->foreign, 1);
		} else {
			ingest_datagram(in, in->bufs[i], in->msgs[i].msg_len);
		}
		m->msg_namelen = sizeof(in->from[i]);
		m->msg_flags = 0;
	}
	/* A busy writer gets full blocks; an idle one gets records now. */
	if (queue_empty(in->q))
		ingest_flush(in);
}

static void *ingest_main(void *arg)
{
	struct ingest *in = arg;

	pthread_setname_np(pthread_self(), "reader");
	for (;;) {
		int n = recvmmsg(in->fd, in->msgs, INGEST_BATCH, MSG_WAITFORONE,
				 NULL);
		int e = errno;

		if (n > 0) {
			ingest_batch(in, n);
			continue;
		}
		ingest_flush(in);
		if (e == ENOBUFS)
			ledger_add(in->ledger->enobufs, 1);
		else if (e != EAGAIN && e != EINTR)
			break;
		else if (e == EAGAIN && atomic_load(&in->stop))
			break;
	}
	ingest_flush(in);
	return NULL;
}

int ingest_start(struct ingest *in)
{
	int err = pthread_create(&in->thread, NULL, ingest_main, in);

	if (err)
		return -err;
	in->started = true;
	return 0;
}

static int ingest_send_pid(struct ingest *in, uint32_t seq)
{
	struct {
		struct nlmsghdr h;
		struct audit_status s;
	} req;
	struct sockaddr_nl to = { .nl_family = AF_NETLINK };

	memset(&req, 0, sizeof(req));
	req.h.nlmsg_len = NLMSG_LENGTH(sizeof(req.s));
	req.h.nlmsg_type = AUDIT_SET;
	req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_ACK;
	req.h.nlmsg_seq = seq;
	req.s.mask = AUDIT_STATUS_PID;
	req.s.pid = (uint32_t)getpid();
	if (sendto(in->fd, &req, req.h.nlmsg_len, 0, (struct sockaddr *)&to,
		   sizeof(to)) < 0)
		return -errno;
	return 0;
}

int ingest_register(struct ingest *in, int timeout_ms)
{
	struct timespec until;
	int err;

	pthread_mutex_lock(&in->lock);
	in->reg_seq = (uint32_t)time(NULL);
	in->reg_result = 1;
	pthread_mutex_unlock(&in->lock);
	err = ingest_send_pid(in, in->reg_seq);
	if (err)
		return err;
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += timeout_ms / 1000;
	until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&in->lock);
	while (in->reg_result == 1)
		if (pthread_cond_timedwait(&in->done, &in->lock, &until) == ETIMEDOUT)
			break;
	err = in->reg_result == 1 ? -ETIMEDOUT : in->reg_result;
	in->reg_result = 0;
	pthread_mutex_unlock(&in->lock);
	return err;
}

void ingest_stop(struct ingest *in)
{
	if (!in->started)
		return;
	atomic_store(&in->stop, true);
	pthread_join(in->thread, NULL);
	in->started = false;
}

void ingest_free(struct ingest *in)
{
	if (!in)
		return;
	ingest_stop(in);
	if (in->block)
		queue_block_put(in->q, in->block);
	close(in->fd);
	pthread_cond_destroy(&in->done);
	pthread_mutex_destroy(&in->lock);
	free(in->bufs);
	free(in);
}
