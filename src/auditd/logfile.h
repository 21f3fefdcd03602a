/*
 * logfile: the open audit log. Creating its directory and the file with
 * the reference's modes (directory 0700, file 0600; 0750 and 0640 when
 * log_group is not root, with that group), writing whole buffers, the
 * flush policy (none, incremental, incremental_async through a "flusher"
 * thread, data and sync through O_DSYNC/O_SYNC), and noticing that the
 * file was removed or replaced underneath so the writer reopens it.
 */
#ifndef AUDITD_LOGFILE_H
#define AUDITD_LOGFILE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "conf.h"

struct logfile {
	char path[PATH_MAX];
	int fd;				/* -1 when closed */
	uint64_t size;
	gid_t gid;
	enum conf_flush flush;
	unsigned freq;
	unsigned unsynced;		/* records since the last sync */
	uint64_t trimmed;		/* partial last line cut at open */
	/* incremental_async */
	pthread_t flusher;
	bool flusher_running;
	pthread_mutex_t lock;
	pthread_cond_t wake;
	bool sync_wanted, stop;
};

/* Set up (no file yet). */
void logfile_init(struct logfile *lf);
/* Take path, group and flush policy from c, create the directory if
 * missing, open (append, create) and start the flusher if needed. A
 * partial last line (a killed daemon's) is cut off; lf->trimmed says how
 * many bytes.
 * 0, or -errno with a one-line reason in err. */
int logfile_open(struct logfile *lf, const struct auditd_conf *c,
		 char *err, size_t errlen);
/* Log to an fd the caller keeps open (stderr for auditd -f): no
 * directory, no modes, no syncs; the fd is duplicated. 0 or -errno. */
int logfile_use_fd(struct logfile *lf, int fd);
/* Write all of buf. 0, or -errno; *ret_written says how much went out
 * before the error either way. */
int logfile_write(struct logfile *lf, const char *buf, size_t len,
		  size_t *ret_written);
/* records more records are in the file: sync as the flush policy says. */
void logfile_wrote_records(struct logfile *lf, unsigned records);
/* Sync now (before a rotation or at exit). 0 or -errno. */
int logfile_sync(struct logfile *lf);
/* Stop the flusher and close. Safe on a closed logfile. */
void logfile_close(struct logfile *lf);
/* True when the path no longer names the open file. */
bool logfile_replaced(const struct logfile *lf);

#endif
