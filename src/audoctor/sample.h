/*
 * sample: the kernel's audit queue and its daemon, sampled over time.
 *
 * sample_run() reads AUDIT_GET every interval for the watch period and,
 * at each sample, what /proc says about the registered daemon: its
 * NETLINK_AUDIT socket's receive queue and drops (/proc/net/netlink), its
 * scheduler state, tracer and CPU time (/proc/PID/stat, status), and the
 * size of the log it writes (when auditd.conf named one). The first and
 * last samples are enough for rates; the ones between give the trend and
 * catch a queue that fills and drains.
 *
 * ksamples_figures() turns the samples into the figures every check and
 * the report use (struct kfigures). It is pure, so unit tests build
 * samples by hand.
 */
#ifndef AUDOCTOR_SAMPLE_H
#define AUDOCTOR_SAMPLE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/audit.h>

struct netlink;

/* Which program the registered daemon is. */
enum daemon_kind {
	DAEMON_NONE,		/* pid 0: nobody registered */
	DAEMON_GONE,		/* a pid is registered, the process is gone */
	DAEMON_AUDITKIT,	/* our auditd */
	DAEMON_REFERENCE,	/* the reference auditd */
	DAEMON_OTHER,		/* some other program registered itself */
	DAEMON_UNKNOWN,		/* alive, but its executable is unreadable */
};
const char *daemon_kind_name(enum daemon_kind k);

/* The daemon's NETLINK_AUDIT socket, one row of /proc/net/netlink. */
struct proc_sock {
	bool found;
	uint32_t portid;
	uint64_t rmem;		/* bytes waiting in its receive queue */
	uint64_t wmem;
	uint64_t drops;		/* datagrams the socket dropped */
};

/* The daemon process. */
struct proc_task {
	bool exists;
	char state;		/* /proc/PID/stat state: R S D T t Z ... */
	uint32_t tracer_pid;	/* TracerPid: from /proc/PID/status */
	uint64_t cpu_ticks;	/* utime + stime, clock ticks */
};

struct ksample {
	uint64_t t_ms;			/* CLOCK_MONOTONIC */
	struct audit_status st;
	struct proc_sock sock;		/* for st.pid */
	struct proc_task task;		/* for st.pid */
	int64_t log_size;		/* bytes; -1 unknown */
	uint64_t log_records;		/* lines appended since sample 0 */
};

struct ksamples {
	struct ksample *v;
	size_t n;
	size_t status_len;		/* bytes of audit_status the kernel sent */
	enum daemon_kind kind;		/* of the first sample's pid */
	char exe[PATH_MAX];		/* the daemon's executable, "" unknown */
	uint64_t mem_total;		/* MemTotal in bytes, 0 unknown */
	long ticks_per_s;		/* sysconf(_SC_CLK_TCK) */
};

/* Sample nl every interval_ms for watch_ms (at least two samples: one at
 * the start, one at the end). log_path may be NULL; proc_root is "/proc"
 * (tests may point it at a copy). 0, or the negative errno of the first
 * AUDIT_GET (nothing sampled); a failure after the first sample ends the
 * sampling early with what was gathered. Free with ksamples_free. */
int sample_run(struct netlink *nl, unsigned watch_ms, unsigned interval_ms,
	       const char *log_path, const char *proc_root,
	       struct ksamples *ret);
void ksamples_free(struct ksamples *s);

/* What the samples say, computed once. */
struct kfigures {
	size_t n;
	double span_s;			/* last.t - first.t, seconds */
	struct audit_status first, last;
	uint32_t backlog_min, backlog_max;
	double backlog_slope;		/* records/s, least squares over samples */
	uint32_t lost_delta;		/* lost rose by this much (mod 2^32) */
	double lost_rate;		/* per second */
	uint32_t wait_actual_delta;	/* backlog_wait_time_actual rose by */
	bool near_limit;		/* backlog_max >= 80% of backlog_limit */
	/* The daemon, when one is registered and alive. */
	enum daemon_kind kind;
	bool stopped_all;		/* state T or t in every sample */
	bool traced;			/* a tracer in any sample */
	bool disk_sleep;		/* state D in most samples */
	double cpu_s;			/* CPU seconds used over the span */
	bool sock_found;
	uint64_t rmem_min, rmem_max;	/* its receive queue over the samples */
	uint64_t drops_delta;
	/* Drain, from the daemon's log: records/s written, when known. */
	bool have_drain;
	double drain_rate;
	double log_bytes_rate;		/* bytes/s appended, -1 unknown */
	/* Arrivals: drain + backlog slope + lost rate (when have_drain). */
	double arrival_rate;
};

void ksamples_figures(const struct ksamples *s, struct kfigures *ret);

/* Kernel memory per queued record: the largest audit message (8970 bytes,
 * NETLINK_AUDIT_MAX_MESSAGE) is what each buffer may hold. */
#define AUDIT_BUFFER_BYTES 8970u

#endif
