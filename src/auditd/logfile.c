/*
 * logfile: see logfile.h. The flusher thread exists only for
 * incremental_async: the writer asks for a sync every freq records and
 * goes on writing while the flusher runs fdatasync() on the same fd. The
 * writer never closes the fd while the flusher may use it: closing stops
 * the flusher first.
 */
#include "logfile.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void logfile_init(struct logfile *lf)
{
	memset(lf, 0, sizeof(*lf));
	lf->fd = -1;
	pthread_mutex_init(&lf->lock, NULL);
	pthread_cond_init(&lf->wake, NULL);
}

/* The log directory: created if missing, and given the reference's mode
 * and group either way (the reference fixes an existing one too). */
static int logfile_mkdir(const char *path, gid_t gid)
{
	char copy[PATH_MAX];
	const char *dir;
	mode_t mode = gid ? 0750 : 0700;

	snprintf(copy, sizeof(copy), "%s", path);
	dir = dirname(copy);
	if (mkdir(dir, mode) != 0 && errno != EEXIST)
		return -errno;
	if (chown(dir, 0, gid) != 0 || chmod(dir, mode) != 0)
		return -errno;
	return 0;
}

static void *logfile_flusher(void *arg)
{
	struct logfile *lf = arg;

	pthread_setname_np(pthread_self(), "flusher");
	pthread_mutex_lock(&lf->lock);
	for (;;) {
		while (!lf->sync_wanted && !lf->stop)
			pthread_cond_wait(&lf->wake, &lf->lock);
		if (lf->stop)
			break;
		lf->sync_wanted = false;
		pthread_mutex_unlock(&lf->lock);
		(void)fdatasync(lf->fd);
		pthread_mutex_lock(&lf->lock);
	}
	pthread_mutex_unlock(&lf->lock);
	return NULL;
}

static int logfile_open_flags(enum conf_flush flush)
{
	int flags = O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW;

	if (flush == CONF_FLUSH_DATA)
		flags |= O_DSYNC;
	else if (flush == CONF_FLUSH_SYNC)
		flags |= O_SYNC;
	return flags;
}

/* A daemon killed in the middle of a write (SIGKILL can cut a write
 * short at a page boundary) leaves a partial last line. That record was
 * never whole, so cut it off: every line of the log stays a record. */
static void logfile_trim_partial(struct logfile *lf, struct stat *st)
{
	char buf[16384];
	off_t start;
	ssize_t n;

	if (st->st_size == 0)
		return;
	start = st->st_size > (off_t)sizeof(buf) ? st->st_size - (off_t)sizeof(buf) : 0;
	n = pread(lf->fd, buf, (size_t)(st->st_size - start), start);
	if (n <= 0 || buf[n - 1] == '\n')
		return;
	while (n > 0 && buf[n - 1] != '\n')
		n--;
	if (n == 0 && start > 0)
		return;		/* a 16 KiB line: leave it to the reader */
	if (ftruncate(lf->fd, start + n) == 0) {
		lf->trimmed = (uint64_t)(st->st_size - (start + n));
		st->st_size = start + n;
	}
}

int logfile_open(struct logfile *lf, const struct auditd_conf *c,
		 char *err, size_t errlen)
{
	mode_t mode = c->log_group ? 0640 : 0600;
	struct stat st;
	int e;

	snprintf(lf->path, sizeof(lf->path), "%s", c->log_file);
	lf->gid = c->log_group;
	lf->flush = c->flush;
	lf->freq = c->freq;
	e = logfile_mkdir(lf->path, lf->gid);
	if (e == 0) {
		lf->fd = open(lf->path, logfile_open_flags(lf->flush), mode);
		e = lf->fd < 0 ? -errno : 0;
	}
	if (e == 0 && (fstat(lf->fd, &st) != 0 || !S_ISREG(st.st_mode)))
		e = -EINVAL;
	if (e == 0 && (fchown(lf->fd, 0, lf->gid) != 0 ||
		       fchmod(lf->fd, mode) != 0))
		e = -errno;
	if (e) {
		snprintf(err, errlen, "Unable to open %s: %s", lf->path,
			 e == -EINVAL ? "not a regular file" : strerror(-e));
		if (lf->fd >= 0)
			close(lf->fd);
		lf->fd = -1;
		return e;
	}
	lf->trimmed = 0;
	logfile_trim_partial(lf, &st);
	lf->size = (uint64_t)st.st_size;
	lf->unsynced = 0;
	lf->stop = lf->sync_wanted = false;
	if (lf->flush == CONF_FLUSH_INCREMENTAL_ASYNC &&
	    pthread_create(&lf->flusher, NULL, logfile_flusher, lf) == 0)
		lf->flusher_running = true;
	return 0;
}

int logfile_use_fd(struct logfile *lf, int fd)
{
	lf->path[0] = '\0';
	lf->flush = CONF_FLUSH_NONE;
	lf->freq = 0;
	lf->fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	return lf->fd < 0 ? -errno : 0;
}

int logfile_write(struct logfile *lf, const char *buf, size_t len,
		  size_t *ret_written)
{
	size_t done = 0;
	int e = 0;

	if (lf->fd < 0)
		e = -EBADF;
	while (!e && done < len) {
		ssize_t n = write(lf->fd, buf + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			e = -errno;
		else if (n == 0)
			e = -EIO;
		else
			done += (size_t)n;
	}
	lf->size += done;
	*ret_written = done;
	return e;
}

void logfile_wrote_records(struct logfile *lf, unsigned records)
{
	lf->unsynced += records;
	if (lf->freq == 0 || lf->unsynced < lf->freq)
		return;
	if (lf->flush == CONF_FLUSH_INCREMENTAL) {
		(void)fdatasync(lf->fd);
	} else if (lf->flush == CONF_FLUSH_INCREMENTAL_ASYNC) {
		pthread_mutex_lock(&lf->lock);
		lf->sync_wanted = true;
		pthread_cond_signal(&lf->wake);
		pthread_mutex_unlock(&lf->lock);
	}
	lf->unsynced = 0;
}

int logfile_sync(struct logfile *lf)
{
	if (lf->fd < 0)
		return 0;
	lf->unsynced = 0;
	return fsync(lf->fd) == 0 ? 0 : -errno;
}

void logfile_close(struct logfile *lf)
{
	if (lf->flusher_running) {
		pthread_mutex_lock(&lf->lock);
		lf->stop = true;
		pthread_cond_signal(&lf->wake);
		pthread_mutex_unlock(&lf->lock);
		pthread_join(lf->flusher, NULL);
		lf->flusher_running = false;
	}
	if (lf->fd >= 0) {
		if (lf->flush != CONF_FLUSH_NONE)
			(void)fsync(lf->fd);
		close(lf->fd);
	}
	lf->fd = -1;
}

bool logfile_replaced(const struct logfile *lf)
{
	struct stat open_st, path_st;

	if (lf->fd < 0 || !lf->path[0] || fstat(lf->fd, &open_st) != 0)
		return false;
	if (stat(lf->path, &path_st) != 0)
		return errno == ENOENT;
	return open_st.st_ino != path_st.st_ino || open_st.st_dev != path_st.st_dev;
}
