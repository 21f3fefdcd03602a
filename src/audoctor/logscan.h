/*
 * logscan: one pass over audit logs, counting what the rule and disk
 * checks need: events per key (and, within a key, the executable, syscall
 * and auid=unset share, to suggest a narrower rule), events without a key
 * per syscall, events caused by the audit daemon itself, and the bytes
 * and time span of what was read.
 *
 * Logs are read with lib/source.h (plain, gzip, zstd; rotated sets), so
 * damaged lines are counted, not fatal. Only events at or after `since`
 * (seconds since the epoch; 0 = all) count.
 */
#ifndef AUDOCTOR_LOGSCAN_H
#define AUDOCTOR_LOGSCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* One key (or, for key == "", one syscall without a key: see syscall). */
struct logscan_key {
	char *key;		/* the key= value; "" for key-less events */
	char *syscall;		/* key-less: the syscall name or number */
	uint64_t events;
	char *top_exe;		/* the executable with most of them, or NULL */
	uint64_t top_exe_events;
	uint64_t auid_unset;	/* events with auid=unset (4294967295) */
};

struct logscan {
	uint64_t events, records, bytes;
	uint64_t first_sec, last_sec;	/* of the counted events; 0 none */
	uint64_t bad_lines;
	uint64_t daemon_events;		/* caused by the daemon (pid or exe) */
	char *daemon_key;		/* the key most of those carried, or NULL */
	struct logscan_key *keys;	/* sorted, most events first */
	size_t n_keys;
	size_t files;			/* files read */
	char err[512];			/* "" or why a file could not be read */
};

/* Scan paths[0..n) (oldest first). daemon_pid 0 and daemon_exe NULL
 * disable the daemon count. 0, or a negative errno with ret->err set
 * (what was read before the failure is kept). Free with logscan_free. */
int logscan_run(const char *const *paths, size_t n, uint64_t since,
		pid_t daemon_pid, const char *daemon_exe, struct logscan *ret);
void logscan_free(struct logscan *s);

#endif
