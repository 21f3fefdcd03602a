/*
 * ingest: the reader thread. It owns the netlink socket the kernel sends
 * records to, and does nothing but move records from that socket into the
 * queue, so the kernel's backlog drains as fast as the socket can be read.
 *
 * The socket gets a large receive buffer (SO_RCVBUFFORCE, falling back to
 * SO_RCVBUF) and NETLINK_NO_ENOBUFS; an overflow that is still reported
 * is counted, never fatal. Records are read in batches with recvmmsg().
 * Only messages from port 0 (the kernel) are accepted.
 *
 * Registration (AUDIT_SET pid) is sent on this socket, because the kernel
 * sends records to the port that registered; its ACK is read by the
 * reader thread like any other message, so no record that arrives before
 * the ACK is dropped.
 */
#ifndef AUDITD_INGEST_H
#define AUDITD_INGEST_H

#include <stdint.h>

struct queue;
struct ledger;
struct ingest;

/* How the reader reacts to a full queue (overflow_action). */
enum ingest_overflow { INGEST_OVERFLOW_DROP, INGEST_OVERFLOW_SYSLOG };

/* Open the socket (no thread yet). 0 and *ret, or negative errno
 * (-EPROTONOSUPPORT: no audit in the kernel). q and l are borrowed and
 * must outlive the ingest. */
int ingest_open(struct queue *q, struct ledger *l, struct ingest **ret);
/* Start the reader thread. 0 or -errno. */
int ingest_start(struct ingest *in);
/* Register this process as the audit daemon and wait for the kernel's
 * answer (up to timeout_ms): 0, or -EEXIST (another daemon is alive),
 * -EPERM, -ETIMEDOUT... ingest_start must have been called. */
int ingest_register(struct ingest *in, int timeout_ms);
void ingest_set_overflow(struct ingest *in, enum ingest_overflow o);
/* Stop the thread after it has read what is already in the socket.
 * Call after unregistering, so nothing new arrives. */
void ingest_stop(struct ingest *in);
/* Close the socket and free; the thread must be stopped. */
void ingest_free(struct ingest *in);

#endif
