/*
 * compress: compression of rotated logs, off the ingest path.
 *
 * compress_file() compresses one file of a directory: it writes
 * NAME.gz.tmp (or .zst.tmp) beside it with the source's mode, owner,
 * group and times, fsyncs it, renames it to NAME.gz (never over an
 * existing file), fsyncs the directory, and only then unlinks NAME. On
 * any failure the temp file is removed and NAME is left as it was. gzip
 * is zlib's gzip format at level 6; zstd is streaming at level 3 with a
 * checksum; both use fixed buffers, so memory does not grow with the file.
 *
 * The compressor thread ("compress") owns its copy of the log set's
 * directory and name. It does not take a list of paths: when kicked it
 * lists the set (rotate_list) and compresses every plain rotated member,
 * newest first, so leftovers of an earlier run or a crash are picked up
 * the same way as a fresh rotation, and a member that failed is tried
 * again at the next kick (not in a loop).
 *
 * Rotation renames members under the compressor, so the writer pauses it
 * around every rotate_shift()/rotate_prune():
 *
 *     compress_pause(c);   returns at once or within one 128 KiB chunk:
 *                          a file in progress is abandoned (temp removed,
 *                          source untouched), nothing is waited for
 *     rotate_shift(...);
 *     compress_resume(c);  rescans the set and compresses what is plain
 *
 * so the writer never waits for a compression to finish. Nothing is
 * logged: compress_stats() reports counts and the last error text for the
 * daemon's state report.
 */
#ifndef AUDITD_COMPRESS_H
#define AUDITD_COMPRESS_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include "conf.h"
#include "rotate.h"

/* Compress name (in dirfd) with kind (GZIP or ZSTD). If cancel is not
 * NULL and becomes non-zero, stop between chunks with -ECANCELED. On
 * failure, err (if not NULL) gets "NAME: step: reason". dirfd must be an
 * O_DIRECTORY fd that can be fsynced (not O_PATH). Blocking: this is the
 * thread's work, exported for tests and tools. */
int compress_file(int dirfd, const char *name, enum conf_compress kind,
		  const atomic_int *cancel, char *err, size_t errlen);

struct compress;

struct compress_stats {
	uint64_t done;		/* files compressed */
	uint64_t failed;	/* attempts that failed (not counting cancels) */
	uint64_t cancelled;	/* files abandoned by compress_pause/stop */
	char last_error[256];	/* "" until a failure */
};

/* Start the thread for plan's set (the directory fd is dup'ed and the
 * base name copied: the caller keeps its own; plan->keep and the rest are
 * not used; a new log_file or rotate_timestamp needs a new compressor).
 * kind NONE is -EINVAL. The thread starts with a pass over the set, so
 * leftovers are compressed at once. *ret is freed by compress_stop(). */
int compress_start(const struct rotate_plan *plan, enum conf_compress kind,
		   struct compress **ret);

/* Stop: abandon a file in progress, join the thread, free c. */
void compress_stop(struct compress *c);

/* See the top of the file. Pauses nest: each pause needs its resume. */
void compress_pause(struct compress *c);
void compress_resume(struct compress *c);

/* Change the compression of members compressed from now on (SIGHUP);
 * NONE leaves plain members alone until it changes again. */
void compress_set_kind(struct compress *c, enum conf_compress kind);

/* Block until the thread has compressed all it can and sleeps (tests,
 * and an orderly shutdown that wants the set compressed). Not while
 * paused: a paused compressor never gets there. */
void compress_wait_idle(struct compress *c);

void compress_stats(struct compress *c, struct compress_stats *ret);

#endif
