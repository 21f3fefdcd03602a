/*
 * spill: where log lines wait while they cannot be written (logging
 * suspended, disk full, write errors), so the daemon keeps draining the
 * kernel instead of letting its backlog grow.
 *
 * Lines go to memory up to mem_max bytes, then to a spill file in a
 * directory that should be on another filesystem than the log, up to
 * file_max bytes; beyond both they are dropped and counted. Order is kept:
 * once the file is in use, every later line goes there too. Draining
 * hands the held bytes, oldest first, to a write callback; what the
 * callback could not take stays held for the next attempt.
 */
#ifndef AUDITD_SPILL_H
#define AUDITD_SPILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct spill;

/* dir may be NULL or "" (memory only); it is copied. 0 and *ret, or
 * -ENOMEM. The file is created only when memory is full. */
int spill_new(const char *dir, uint64_t mem_max, uint64_t file_max,
	      struct spill **ret);
/* Frees memory and removes the spill file. */
void spill_free(struct spill *s);

/* Hold one line of `records` records (normally 1): 0, or -ENOSPC when
 * it was dropped (both bounds reached, or the file failed). */
int spill_add(struct spill *s, const char *line, size_t len, unsigned records);

/* Write callback: returns bytes taken (may be short), or negative errno. */
typedef ssize_t (*spill_write_fn)(void *ctx, const char *buf, size_t len);
/* Hand everything held to fn, oldest first. 0 when all was taken (the
 * spill is empty again), or the callback's error with the rest held. */
int spill_drain(struct spill *s, spill_write_fn fn, void *ctx);

bool spill_empty(const struct spill *s);
uint64_t spill_bytes(const struct spill *s);	/* held now */
uint64_t spill_records(const struct spill *s);	/* held now */
uint64_t spill_dropped(const struct spill *s);	/* since the last reset */
/* Returns the records held and dropped since the last call, for the
 * DAEMON_RESUME record, and starts counting again. */
void spill_take_counts(struct spill *s, uint64_t *ret_held,
		       uint64_t *ret_dropped);

#endif
