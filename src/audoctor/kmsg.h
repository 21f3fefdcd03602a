/*
 * kmsg: what the kernel log says about audit records it dropped.
 *
 * The kernel prints a line each time it loses audit records (at most
 * once a second, and printk's own rate limit hides more): "audit: backlog
 * limit exceeded", "audit: audit_backlog=N > audit_backlog_limit=M",
 * "audit: audit_lost=N audit_rate_limit=R audit_backlog_limit=M",
 * "audit: rate limit exceeded", "audit: kauditd hold queue overflow", and
 * "audit_log_lost: N callbacks suppressed" for the lines printk hid.
 * kmsg_parse counts them in a kernel log of any of the usual shapes:
 * /dev/kmsg records ("PRI,SEQ,USEC,FLAGS;TEXT", continuation lines start
 * with a space), dmesg ("[  SECONDS.MICROS] TEXT", with or without the
 * "<PRI>" klogctl puts first), plain dmesg text, and syslog lines carrying
 * "kernel: TEXT". It is pure and takes (buffer, length), so it can be fed
 * a file, one /dev/kmsg record at a time, or a fuzzer's bytes.
 */
#ifndef AUDOCTOR_KMSG_H
#define AUDOCTOR_KMSG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct doctor;

enum kmsg_kind {
	KMSG_BACKLOG_EXCEEDED,	/* audit: backlog limit exceeded */
	KMSG_BACKLOG_OVER,	/* audit: audit_backlog=N > audit_backlog_limit=M */
	KMSG_RATE_EXCEEDED,	/* audit: rate limit exceeded */
	KMSG_HOLD_OVERFLOW,	/* audit: kauditd hold queue overflow */
	KMSG_LOST,		/* audit: audit_lost=N audit_rate_limit=R ... */
	KMSG_SUPPRESSED,	/* audit...: N callbacks suppressed */
	KMSG_NKINDS,
};

struct kmsg_count {
	uint64_t n;		/* lines of this kind */
	uint64_t timed;		/* how many of them carried a time */
	double first, last;	/* seconds since boot, of the timed ones */
};

struct kmsg_scan {
	struct kmsg_count c[KMSG_NKINDS];
	uint64_t suppressed;		/* sum of the N in "callbacks suppressed" */
	int64_t backlog_max;		/* largest audit_backlog=N, -1 when none */
	int64_t backlog_limit;		/* the last audit_backlog_limit=M, -1 */
	int64_t backlog_limit_max;	/* the largest of those M, -1 */
	int64_t lost;			/* the last audit_lost=N, -1 */
	int64_t rate_limit;		/* the last audit_rate_limit=R, -1 */
	uint64_t lines;			/* every line read */
};

void kmsg_scan_init(struct kmsg_scan *s);

/* Count the audit overflow lines of buf[0..len) into s. Lines end with
 * '\n' (the last one may not); buf need not be NUL-terminated and may
 * hold anything. Only a line whose text starts with one of the messages
 * counts; an audit record that quotes them does not. */
void kmsg_parse(struct kmsg_scan *s, const char *buf, size_t len);

/* Whether s saw any of the kinds; the overall first/last time of the
 * timed lines (false when none was timed). */
bool kmsg_scan_any(const struct kmsg_scan *s);
bool kmsg_scan_span(const struct kmsg_scan *s, double *ret_first,
		    double *ret_last);

/* Read a saved kernel log (path) or the live one (/dev/kmsg, else
 * klogctl) into s. On failure return a negative errno with the reason,
 * one line, in why. proc_root is where /proc is (for dmesg_restrict). */
int kmsg_read_file(const char *path, struct kmsg_scan *s, char *why,
		   size_t whylen);
int kmsg_read_live(const char *proc_root, struct kmsg_scan *s, char *why,
		   size_t whylen);

/* Add kernel-log-overflow to d->findings when s saw anything. boot_known:
 * the log's times are seconds after the boot at wall time boot_wall (the
 * live log); otherwise the times stay relative and the lines count as
 * recent. */
void kmsg_report(struct doctor *d, const struct kmsg_scan *s,
		 bool boot_known, double boot_wall);

#endif
