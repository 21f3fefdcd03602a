/*
 * ledger: what auditd received, wrote and lost, and why.
 *
 * Every thread adds to its own counters with relaxed atomics; the main
 * thread reads them for the state report (SIGCONT), the Prometheus
 * textfile (metrics_file) and the live status line of `make run`. Loss
 * has one counter per cause, so an administrator sees where events went:
 * the kernel's own `lost` (polled with AUDIT_GET), ENOBUFS on the socket,
 * the internal queue's overflow, the spill's bound, and gaps in the
 * kernel's event serial numbers.
 */
#ifndef AUDITD_LEDGER_H
#define AUDITD_LEDGER_H

#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

struct ledger {
	/* reader */
	atomic_uint_fast64_t received;		/* records from the kernel */
	atomic_uint_fast64_t received_bytes;
	atomic_uint_fast64_t enobufs;		/* socket overflowed */
	atomic_uint_fast64_t foreign;		/* not from port 0: dropped */
	atomic_uint_fast64_t queue_dropped;	/* internal queue full */
	atomic_uint_fast64_t replace;		/* AUDIT_REPLACE pings */
	/* writer */
	atomic_uint_fast64_t written;		/* records in the log */
	atomic_uint_fast64_t written_bytes;
	atomic_uint_fast64_t serial_gaps;	/* serials never seen */
	atomic_uint_fast64_t spill_held;	/* while suspended */
	atomic_uint_fast64_t spill_dropped;	/* beyond the spill bound */
	atomic_uint_fast64_t write_errors;
	atomic_uint_fast64_t rotations;
	atomic_uint_fast64_t log_size;		/* current log file */
	atomic_int suspended;			/* 1 while not writing */
	/* main thread, from AUDIT_GET */
	atomic_uint_fast64_t kernel_lost;	/* lost since we started */
	atomic_uint_fast64_t kernel_backlog;
	atomic_uint_fast64_t kernel_backlog_limit;
	atomic_uint_fast64_t kernel_wait_actual;
	time_t started;
};

#define ledger_add(field, n) \
	atomic_fetch_add_explicit(&(field), (n), memory_order_relaxed)
#define ledger_get(field) \
	atomic_load_explicit(&(field), memory_order_relaxed)
#define ledger_set(field, v) \
	atomic_store_explicit(&(field), (v), memory_order_relaxed)

/* Human-readable report (the state file) to f. */
void ledger_report(const struct ledger *l, FILE *f);
/* Prometheus text exposition format to f. */
void ledger_metrics(const struct ledger *l, FILE *f);
/* Write either into path atomically (temp file + rename), mode 0640.
 * 0 or -errno. */
int ledger_write_file(const struct ledger *l, const char *path,
		      void (*emit)(const struct ledger *, FILE *));

#endif
