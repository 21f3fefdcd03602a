/*
 * ledger: the counters of ledger.h, and their two written forms: a report
 * for people (SIGCONT, state_file) and a Prometheus textfile for
 * collectors (metrics_file). Both are written whole to a temporary file
 * and renamed, so a reader never sees half of one.
 */
#include "ledger.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct ledger_item {
	const char *name;	/* metric name and report label */
	const char *help;
	size_t offset;
	bool counter;		/* else a gauge */
};

#define ITEM(f, c, h) { #f, h, offsetof(struct ledger, f), c }
static const struct ledger_item ledger_items[] = {
	ITEM(received, true, "Records received from the kernel."),
	ITEM(received_bytes, true, "Bytes of records received from the kernel."),
	ITEM(written, true, "Records written to the log."),
	ITEM(written_bytes, true, "Bytes written to the log."),
	ITEM(kernel_lost, true, "Records the kernel lost since auditd started (audit_status.lost)."),
	ITEM(enobufs, true, "Times the netlink socket overflowed (ENOBUFS)."),
	ITEM(queue_dropped, true, "Records dropped because the internal queue was full."),
	ITEM(spill_held, true, "Records held in the spill while logging was suspended."),
	ITEM(spill_dropped, true, "Records dropped because the spill was full."),
	ITEM(serial_gaps, true, "Event serial numbers never seen (an upper bound on lost events)."),
	ITEM(foreign, true, "Netlink messages not sent by the kernel, dropped."),
	ITEM(replace, true, "Attempts by another process to replace this daemon (AUDIT_REPLACE)."),
	ITEM(write_errors, true, "Failed writes to the log."),
	ITEM(rotations, true, "Log rotations."),
	ITEM(log_size, false, "Size of the current log file in bytes."),
	ITEM(kernel_backlog, false, "Records waiting in the kernel's queue."),
	ITEM(kernel_backlog_limit, false, "The kernel's backlog_limit."),
	ITEM(kernel_wait_actual, false, "The kernel's backlog_wait_time_actual."),
};
#undef ITEM

static uint64_t ledger_value(const struct ledger *l, const struct ledger_item *it)
{
	const atomic_uint_fast64_t *p =
		(const atomic_uint_fast64_t *)((const char *)l + it->offset);

	return atomic_load_explicit(p, memory_order_relaxed);
}

void ledger_report(const struct ledger *l, FILE *f)
{
	time_t now = time(NULL);
	size_t i;

	fprintf(f, "audit daemon state report\n");
	fprintf(f, "uptime = %ld s\n", (long)(now - l->started));
	fprintf(f, "logging suspended = %s\n",
		ledger_get(l->suspended) ? "yes" : "no");
	for (i = 0; i < sizeof(ledger_items) / sizeof(ledger_items[0]); i++)
		fprintf(f, "%s = %" PRIu64 "\n", ledger_items[i].name,
			ledger_value(l, &ledger_items[i]));
}

void ledger_metrics(const struct ledger *l, FILE *f)
{
	size_t i;

	for (i = 0; i < sizeof(ledger_items) / sizeof(ledger_items[0]); i++) {
		const struct ledger_item *it = &ledger_items[i];
		const char *suffix = it->counter ? "_total" : "";

		fprintf(f, "# HELP auditd_%s%s %s\n", it->name, suffix, it->help);
		fprintf(f, "# TYPE auditd_%s%s %s\n", it->name, suffix,
			it->counter ? "counter" : "gauge");
		fprintf(f, "auditd_%s%s %" PRIu64 "\n", it->name, suffix,
			ledger_value(l, it));
	}
	fprintf(f, "# HELP auditd_suspended 1 while logging is suspended.\n");
	fprintf(f, "# TYPE auditd_suspended gauge\n");
	fprintf(f, "auditd_suspended %d\n", ledger_get(l->suspended) ? 1 : 0);
}

int ledger_write_file(const struct ledger *l, const char *path,
		      void (*emit)(const struct ledger *, FILE *))
{
	char tmp[4096];
	FILE *f;
	int fd, err = 0;

	if (snprintf(tmp, sizeof(tmp), "%s.tmp", path) >= (int)sizeof(tmp))
		return -ENAMETOOLONG;
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (fd < 0)
		return -errno;
	f = fdopen(fd, "w");
	if (!f) {
		err = -errno;
		close(fd);
		unlink(tmp);
		return err;
	}
	emit(l, f);
	if (fflush(f) != 0 || ferror(f))
		err = -EIO;
	if (fclose(f) != 0 && !err)
		err = -errno;
	if (!err && rename(tmp, path) != 0)
		err = -errno;
	if (err)
		unlink(tmp);
	return err;
}
