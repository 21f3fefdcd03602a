/*
 * drain: the ingest benchmark's ceiling, a read-and-discard audit daemon.
 *
 * It registers as the audit daemon (AUDIT_SET, mask PID) on one
 * NETLINK_AUDIT socket with a large receive buffer, then reads records as
 * fast as the kernel sends them (recvmmsg, many datagrams per call) and
 * only counts them: every record, the SYSCALL records, and the SYSCALL
 * records carrying the benchmark's key. Whatever a real daemon does per
 * record (parse, format, write) is cost above this ceiling.
 *
 * Registration goes through libauditkit (status_set_pid), which reads up
 * to its ACK and drops anything else; no rule matches yet at that point,
 * so nothing worth counting is lost. Records come from the kernel with
 * sender port 0; anything else is ignored.
 *
 * SIGTERM, SIGINT and SIGHUP end the loop (a 200 ms receive timeout makes
 * sure a signal that lands between two reads is seen); every exit path
 * after registration unregisters (AUDIT_SET pid 0) before printing:
 *   records=N syscall=N keyed=N last=EPOCH_SECONDS
 * last is the wall-clock time of the read that brought the last keyed
 * record (0 when none), the end of an end-to-end measurement.
 * Exit status 0; 1 when the socket, registration, a read or unregistering
 * failed; 2 for bad usage.
 */
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/netlink.h>
#include "netlink.h"
#include "status.h"

#define DRAIN_BATCH 64
#define DRAIN_MSG_SIZE 9216	/* a record's largest datagram, rounded up */

static volatile sig_atomic_t drain_stop;

struct drain_opts {
	const char *key;	/* key="..." text to count; NULL: none */
	int rcvbuf;		/* bytes, SO_RCVBUFFORCE */
};

struct drain_counts {
	uint64_t records;
	uint64_t syscalls;
	uint64_t keyed;
	struct timespec last;	/* CLOCK_REALTIME of the last keyed read */
};

/* recvmmsg's vectors and the buffers they point at; one allocation. */
struct drain_bufs {
	struct mmsghdr msgs[DRAIN_BATCH];
	struct iovec iov[DRAIN_BATCH];
	struct sockaddr_nl from[DRAIN_BATCH];
	char data[DRAIN_BATCH][DRAIN_MSG_SIZE];
};

static void drain_on_signal(int sig)
{
	(void)sig;
	drain_stop = 1;
}

static int drain_parse(int argc, char **argv, struct drain_opts *ret)
{
	struct drain_opts o = { .key = NULL, .rcvbuf = 64 << 20 };
	int c;

	while ((c = getopt(argc, argv, "k:b:h")) != -1) {
		switch (c) {
		case 'k': o.key = optarg; break;
		case 'b': o.rcvbuf = atoi(optarg); break;
		default: return -EINVAL;
		}
	}
	if (optind != argc || o.rcvbuf <= 0)
		return -EINVAL;
	*ret = o;
	return 0;
}

/* Signals end the loop; no SA_RESTART, so a blocked read returns EINTR. */
static void drain_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = drain_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

static int drain_socket_setup(int fd, int rcvbuf)
{
	struct timeval tv = { .tv_sec = 0, .tv_usec = 200000 };

	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) < 0)
		return -errno;
	if (setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv)) < 0)
		return -errno;
	return 0;
}

/* Needle "key=\"KEY\"" for the SYSCALL record's key field. */
static char *drain_needle(const char *key)
{
	char *s;

	if (!key || asprintf(&s, "key=\"%s\"", key) < 0)
		return NULL;
	return s;
}

/*
 * One datagram is one record: kauditd sends each record on its own. The
 * record's text is the rest of the datagram after the header; the header's
 * nlmsg_len is not used, as the kernel sets it to the payload length alone
 * (skb->len - NLMSG_HDRLEN) rather than header plus payload.
 */
static void drain_count_datagram(const char *buf, size_t len,
				 const char *needle, struct drain_counts *c)
{
	const struct nlmsghdr *h = (const void *)buf;

	if (len < NLMSG_HDRLEN)
		return;
	c->records++;
	if (h->nlmsg_type != AUDIT_SYSCALL)
		return;
	c->syscalls++;
	if (needle && memmem(buf + NLMSG_HDRLEN, len - NLMSG_HDRLEN,
			     needle, strlen(needle)))
		c->keyed++;
}

static void drain_bufs_init(struct drain_bufs *b)
{
	for (int i = 0; i < DRAIN_BATCH; i++) {
		b->iov[i].iov_base = b->data[i];
		b->iov[i].iov_len = DRAIN_MSG_SIZE;
	}
}

/* Reset the per-call fields recvmmsg overwrites. */
static void drain_bufs_arm(struct drain_bufs *b)
{
	memset(b->msgs, 0, sizeof(b->msgs));
	for (int i = 0; i < DRAIN_BATCH; i++) {
		b->msgs[i].msg_hdr.msg_iov = &b->iov[i];
		b->msgs[i].msg_hdr.msg_iovlen = 1;
		b->msgs[i].msg_hdr.msg_name = &b->from[i];
		b->msgs[i].msg_hdr.msg_namelen = sizeof(b->from[i]);
	}
}

/* The n datagrams one read brought; only the kernel's (port 0), whole. */
static void drain_count_batch(const struct drain_bufs *b, int n,
			      const char *needle, struct drain_counts *c)
{
	uint64_t keyed = c->keyed;

	for (int i = 0; i < n; i++) {
		if (b->from[i].nl_pid != 0 ||
		    b->msgs[i].msg_hdr.msg_flags & MSG_TRUNC)
			continue;
		drain_count_datagram(b->data[i], b->msgs[i].msg_len, needle, c);
	}
	if (c->keyed != keyed)
		clock_gettime(CLOCK_REALTIME, &c->last);
}

/* One read of up to DRAIN_BATCH datagrams, counted: how many, or a
 * negative errno (-EAGAIN: nothing within the timeout or, with
 * MSG_DONTWAIT, nothing pending). */
static int drain_read(int fd, struct drain_bufs *b, int flags,
		      const char *needle, struct drain_counts *c)
{
	int n;

	drain_bufs_arm(b);
	n = recvmmsg(fd, b->msgs, DRAIN_BATCH, flags, NULL);
	if (n < 0)
		return -errno;
	drain_count_batch(b, n, needle, c);
	return n;
}

/* Errors a reader just retries. ENOBUFS says the receive buffer overran;
 * the kernel keeps the records and sends them again. */
static bool drain_transient(int r)
{
	return r == -EINTR || r == -EAGAIN || r == -ENOBUFS;
}

/* Read until a signal, then what is already queued on the socket; 0, or
 * a negative errno from the socket. */
static int drain_loop(int fd, const char *needle, struct drain_counts *c)
{
	struct drain_bufs *b = malloc(sizeof(*b));
	int r = 0;

	if (!b)
		return -ENOMEM;
	drain_bufs_init(b);
	while (!drain_stop && (r >= 0 || drain_transient(r)))
		r = drain_read(fd, b, MSG_WAITFORONE, needle, c);
	if (r >= 0 || drain_transient(r)) {
		do
			r = drain_read(fd, b, MSG_DONTWAIT, needle, c);
		while (r > 0 || r == -EINTR || r == -ENOBUFS);
	}
	free(b);
	return r == -EAGAIN ? 0 : r;
}

/* Registered: read, then unregister whatever the loop returned. */
static int drain_registered(struct netlink *nl, const char *needle,
			    struct drain_counts *c)
{
	int r = drain_loop(netlink_fd(nl), needle, c);
	int u = status_set_pid(nl, 0);

	if (r < 0)
		fprintf(stderr, "drain: read: %s\n", strerror(-r));
	if (u < 0)
		fprintf(stderr, "drain: unregister: %s\n", netlink_strerror(u));
	return r < 0 || u < 0 ? -1 : 0;
}

static int drain_run(const struct drain_opts *o, struct drain_counts *c)
{
	struct netlink *nl;
	char *needle = drain_needle(o->key);
	int r;

	r = netlink_open(&nl);
	if (r < 0) {
		fprintf(stderr, "drain: %s\n", netlink_strerror(r));
		free(needle);
		return -1;
	}
	r = drain_socket_setup(netlink_fd(nl), o->rcvbuf);
	if (r == 0)
		r = status_set_pid(nl, (uint32_t)getpid());
	if (r < 0)
		fprintf(stderr, "drain: register: %s\n", netlink_strerror(r));
	else
		r = drain_registered(nl, needle, c);
	netlink_close(nl);
	free(needle);
	return r < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	struct drain_opts o;
	struct drain_counts c = { 0 };
	int r;

	if (drain_parse(argc, argv, &o) < 0) {
		fprintf(stderr, "usage: drain [-k KEY] [-b RCVBUF_BYTES]\n");
		return 2;
	}
	drain_signals();
	r = drain_run(&o, &c);
	printf("records=%" PRIu64 " syscall=%" PRIu64 " keyed=%" PRIu64
	       " last=%lld.%09ld\n", c.records, c.syscalls, c.keyed,
	       (long long)c.last.tv_sec, c.last.tv_nsec);
	return r < 0 ? 1 : 0;
}
