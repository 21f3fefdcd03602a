/*
 * compress: one file at a time (compress_file) and the thread that
 * compresses the rotated members of the log set (see compress.h).
 *
 * A file is a struct job: source fd, temp fd, the three names, and the
 * step reached, which names the failure in the error text. The codecs
 * (gzip_stream, zstd_stream) read 128 KiB at a time from the source and
 * write whatever the library produced, checking the cancel flag between
 * chunks.
 *
 * The thread and its callers share one mutex and condition variable:
 * kicked asks for a pass, paused (a count) forbids starting a file, busy
 * says a file is in progress, gen changes at every pause so a pass whose
 * listing may be stale stops and the next kick lists again. compress_pause
 * raises the cancel flag and waits only for busy to fall, which happens
 * within one chunk.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include "compress.h"

#define COMPRESS_CHUNK (128 * 1024)
#define GZIP_LEVEL 6
#define ZSTD_LEVEL 3

struct job {
	int dirfd;
	const char *name;
	enum conf_compress kind;
	const atomic_int *cancel;
	char final[NAME_MAX + 1];	/* name.gz */
	char tmp[NAME_MAX + 1];		/* name.gz.tmp */
	int src, dst;
	bool tmp_exists;
	struct stat st;			/* of the source */
	const char *step;		/* for the error text */
	unsigned char *in, *out;	/* COMPRESS_CHUNK each */
};

static bool cancelled(const struct job *j)
{
	return j->cancel && atomic_load(j->cancel);
}

static ssize_t read_chunk(int fd, unsigned char *buf)
{
	size_t got = 0;
	ssize_t n;

	while (got < COMPRESS_CHUNK) {
		n = read(fd, buf + got, COMPRESS_CHUNK - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		if (n == 0)
			break;
		got += (size_t)n;
	}
	return (ssize_t)got;
}

static int write_all(int fd, const unsigned char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -errno;
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read the next chunk, or say why not. */
static ssize_t job_read(struct job *j)
{
	ssize_t n;

	if (cancelled(j))
		return -ECANCELED;
	j->step = "read";
	n = read_chunk(j->src, j->in);
	j->step = "write";
	return n;
}

/* Deflate n bytes of j->in (finish at the end) and write the output. */
static int gzip_chunk(struct job *j, z_stream *z, size_t n, int flush)
{
	int r, zr = Z_OK;

	z->next_in = j->in;
	z->avail_in = (uInt)n;
	do {
		z->next_out = j->out;
		z->avail_out = COMPRESS_CHUNK;
		zr = deflate(z, flush);
		if (zr == Z_STREAM_ERROR)
			return -EIO;
		r = write_all(j->dst, j->out, COMPRESS_CHUNK - z->avail_out);
		if (r < 0)
			return r;
	} while (z->avail_out == 0);
	return flush == Z_FINISH && zr != Z_STREAM_END ? -EIO : 0;
}

static int gzip_stream(struct job *j)
{
	z_stream z = { 0 };
	ssize_t n;
	int r;

	/* windowBits 15 + 16: the gzip wrapper; memLevel 8 is zlib's default. */
	if (deflateInit2(&z, GZIP_LEVEL, Z_DEFLATED, 15 + 16, 8,
			 Z_DEFAULT_STRATEGY) != Z_OK)
		return -ENOMEM;
	do {
		n = job_read(j);
		r = n < 0 ? (int)n :
		    gzip_chunk(j, &z, (size_t)n, n == 0 ? Z_FINISH : Z_NO_FLUSH);
	} while (r == 0 && n > 0);
	deflateEnd(&z);
	return r;
}

static int zstd_chunk(struct job *j, ZSTD_CCtx *cc, size_t n,
		      ZSTD_EndDirective mode)
{
	ZSTD_inBuffer in = { j->in, n, 0 };
	ZSTD_outBuffer out;
	size_t left;
	int r;

	do {
		out = (ZSTD_outBuffer){ j->out, COMPRESS_CHUNK, 0 };
		left = ZSTD_compressStream2(cc, &out, &in, mode);
		if (ZSTD_isError(left))
			return -EIO;
		r = write_all(j->dst, j->out, out.pos);
		if (r < 0)
			return r;
	} while (mode == ZSTD_e_end ? left != 0 : in.pos < in.size);
	return 0;
}

static int zstd_stream(struct job *j)
{
	ZSTD_CCtx *cc = ZSTD_createCCtx();
	ssize_t n;
	int r = 0;

	if (!cc)
		return -ENOMEM;
	if (ZSTD_isError(ZSTD_CCtx_setParameter(cc, ZSTD_c_compressionLevel,
						ZSTD_LEVEL)) ||
	    ZSTD_isError(ZSTD_CCtx_setParameter(cc, ZSTD_c_checksumFlag, 1)))
		r = -EINVAL;
	while (r == 0) {
		n = job_read(j);
		r = n < 0 ? (int)n :
		    zstd_chunk(j, cc, (size_t)n, n == 0 ? ZSTD_e_end : ZSTD_e_continue);
		if (n == 0)
			break;
	}
	ZSTD_freeCCtx(cc);
	return r;
}

static int job_names(struct job *j)
{
	const char *sfx = j->kind == CONF_COMPRESS_GZIP ? ".gz" : ".zst";
	int n1, n2;

	if (j->kind != CONF_COMPRESS_GZIP && j->kind != CONF_COMPRESS_ZSTD)
		return -EINVAL;
	n1 = snprintf(j->final, sizeof(j->final), "%s%s", j->name, sfx);
	n2 = snprintf(j->tmp, sizeof(j->tmp), "%s%s.tmp", j->name, sfx);
	if (n1 < 0 || n2 < 0 || (size_t)n2 >= sizeof(j->tmp))
		return -ENAMETOOLONG;
	return 0;
}

/* The temp file, replacing a stale one of a crashed run once. */
static int job_create_tmp(struct job *j)
{
	int flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC;

	j->step = "create";
	j->dst = openat(j->dirfd, j->tmp, flags, 0600);
	if (j->dst < 0 && errno == EEXIST && unlinkat(j->dirfd, j->tmp, 0) == 0)
		j->dst = openat(j->dirfd, j->tmp, flags, 0600);
	if (j->dst < 0)
		return -errno;
	j->tmp_exists = true;
	return 0;
}

/* The temp file takes the source's owner, group and mode. */
static int job_copy_attrs(struct job *j)
{
	struct stat st;

	j->step = "chown";
	if (fstat(j->dst, &st) < 0)
		return -errno;
	if ((st.st_uid != j->st.st_uid || st.st_gid != j->st.st_gid) &&
	    fchown(j->dst, j->st.st_uid, j->st.st_gid) < 0)
		return -errno;
	j->step = "chmod";
	if (fchmod(j->dst, j->st.st_mode & 07777) < 0)
		return -errno;
	return 0;
}

static int job_open(struct job *j)
{
	struct stat st;
	int r;

	j->step = "open";
	j->src = openat(j->dirfd, j->name,
			O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
	if (j->src < 0)
		return -errno;
	if (fstat(j->src, &j->st) < 0)
		return -errno;
	if (!S_ISREG(j->st.st_mode))
		return -EINVAL;
	j->step = "exists";
	if (fstatat(j->dirfd, j->final, &st, AT_SYMLINK_NOFOLLOW) == 0)
		return -EEXIST;
	r = job_create_tmp(j);
	return r < 0 ? r : job_copy_attrs(j);
}

/* Make the output durable, give it its name, then drop the source. */
static int job_finish(struct job *j)
{
	struct timespec times[2] = { j->st.st_atim, j->st.st_mtim };
	int fd = j->dst;

	j->step = "fsync";
	if (futimens(fd, times) < 0 || fsync(fd) < 0)
		return -errno;
	j->dst = -1;
	if (close(fd) < 0)
		return -errno;
	j->step = "rename";
	if (renameat2(j->dirfd, j->tmp, j->dirfd, j->final, RENAME_NOREPLACE) < 0)
		return -errno;
	j->tmp_exists = false;
	j->step = "fsync directory";
	if (fsync(j->dirfd) < 0) {
		int r = -errno;

		unlinkat(j->dirfd, j->final, 0);
		return r;
	}
	j->step = "unlink";
	if (unlinkat(j->dirfd, j->name, 0) < 0)
		return -errno;
	(void)fsync(j->dirfd);	/* a crash now leaves both: rotate repairs it */
	return 0;
}

static void job_close(struct job *j, int r)
{
	if (j->src >= 0)
		close(j->src);
	if (j->dst >= 0)
		close(j->dst);
	if (r < 0 && j->tmp_exists)
		unlinkat(j->dirfd, j->tmp, 0);
	free(j->in);
	free(j->out);
}

static int job_run(struct job *j)
{
	int r;

	r = job_names(j);
	if (r == 0)
		r = job_open(j);
	if (r == 0) {
		j->in = malloc(COMPRESS_CHUNK);
		j->out = malloc(COMPRESS_CHUNK);
		r = j->in && j->out ? 0 : -ENOMEM;
	}
	if (r == 0)
		r = j->kind == CONF_COMPRESS_GZIP ? gzip_stream(j) : zstd_stream(j);
	if (r == 0)
		r = job_finish(j);
	return r;
}

int compress_file(int dirfd, const char *name, enum conf_compress kind,
		  const atomic_int *cancel, char *err, size_t errlen)
{
	struct job j = {
		.dirfd = dirfd, .name = name, .kind = kind, .cancel = cancel,
		.src = -1, .dst = -1, .step = "name",
	};
	char buf[128];
	int r;

	r = job_run(&j);
	job_close(&j, r);
	if (r < 0 && r != -ECANCELED && err && errlen)
		snprintf(err, errlen, "%s: %s: %s", name, j.step,
			 strerror_r(-r, buf, sizeof(buf)));
	return r;
}

struct compress {
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t thread;
	int dirfd;			/* owned (a dup) */
	char *base;			/* owned */
	bool timestamp;
	enum conf_compress kind;
	unsigned paused;		/* nesting count */
	uint64_t gen;			/* bumped by every pause */
	bool kicked, busy, idle, stopping;
	atomic_int cancel;
	struct compress_stats stats;
};

/* Under the lock: may the pass listed at gen start a file? */
static bool job_begin(struct compress *c, uint64_t gen,
		      enum conf_compress *ret_kind)
{
	bool ok;

	pthread_mutex_lock(&c->lock);
	ok = !c->paused && !c->stopping && gen == c->gen &&
	     c->kind != CONF_COMPRESS_NONE;
	if (ok) {
		c->busy = true;
		atomic_store(&c->cancel, 0);
		*ret_kind = c->kind;
	}
	pthread_mutex_unlock(&c->lock);
	return ok;
}

static void job_end(struct compress *c, int r, const char *err)
{
	pthread_mutex_lock(&c->lock);
	c->busy = false;
	if (r == 0)
		c->stats.done++;
	else if (r == -ECANCELED)
		c->stats.cancelled++;
	else {
		c->stats.failed++;
		snprintf(c->stats.last_error, sizeof(c->stats.last_error),
			 "%s", err);
	}
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

static void compress_pass(struct compress *c, uint64_t gen)
{
	struct rotate_plan p = {
		.dirfd = c->dirfd, .base = c->base, .timestamp = c->timestamp,
	};
	struct rotate_member *m;
	enum conf_compress kind;
	char err[256] = "", buf[128];
	size_t n;
	int r;

	r = rotate_list(&p, &m, &n);
	if (r < 0) {
		snprintf(err, sizeof(err), "%s: list: %s", c->base,
			 strerror_r(-r, buf, sizeof(buf)));
		job_end(c, r, err);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		if (m[i].kind != CONF_COMPRESS_NONE)
			continue;
		if (!job_begin(c, gen, &kind))
			break;
		r = compress_file(c->dirfd, m[i].name, kind, &c->cancel,
				  err, sizeof(err));
		job_end(c, r, err);
	}
	free(m);
}

static void *compress_main(void *arg)
{
	struct compress *c = arg;
	uint64_t gen;

	pthread_setname_np(pthread_self(), "compress");
	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->stopping && (c->paused || !c->kicked)) {
			c->idle = true;
			pthread_cond_broadcast(&c->cond);
			pthread_cond_wait(&c->cond, &c->lock);
		}
		c->idle = false;
		if (c->stopping)
			break;
		c->kicked = false;
		gen = c->gen;
		pthread_mutex_unlock(&c->lock);
		compress_pass(c, gen);
		pthread_mutex_lock(&c->lock);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

static void compress_free(struct compress *c)
{
	pthread_cond_destroy(&c->cond);
	pthread_mutex_destroy(&c->lock);
	if (c->dirfd >= 0)
		close(c->dirfd);
	free(c->base);
	free(c);
}

/* The thread takes no signals: they are the main thread's business. */
static int compress_spawn(struct compress *c)
{
	sigset_t all, old;
	int r;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	r = pthread_create(&c->thread, NULL, compress_main, c);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return -r;
}

int compress_start(const struct rotate_plan *plan, enum conf_compress kind,
		   struct compress **ret)
{
	struct compress *c;
	int r;

	if (kind != CONF_COMPRESS_GZIP && kind != CONF_COMPRESS_ZSTD)
		return -EINVAL;
	c = calloc(1, sizeof(*c));
	if (!c)
		return -ENOMEM;
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->cond, NULL);
	c->kind = kind;
	c->timestamp = plan->timestamp;
	c->kicked = true;
	c->dirfd = fcntl(plan->dirfd, F_DUPFD_CLOEXEC, 3);
	c->base = strdup(plan->base);
	r = c->dirfd < 0 ? -errno : !c->base ? -ENOMEM : compress_spawn(c);
	if (r < 0) {
		compress_free(c);
		return r;
	}
	*ret = c;
	return 0;
}

void compress_stop(struct compress *c)
{
	pthread_mutex_lock(&c->lock);
	c->stopping = true;
	atomic_store(&c->cancel, 1);
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	compress_free(c);
}

void compress_pause(struct compress *c)
{
	pthread_mutex_lock(&c->lock);
	c->paused++;
	c->gen++;
	atomic_store(&c->cancel, 1);
	while (c->busy)
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
}

void compress_resume(struct compress *c)
{
	pthread_mutex_lock(&c->lock);
	if (c->paused)
		c->paused--;
	c->kicked = true;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

void compress_set_kind(struct compress *c, enum conf_compress kind)
{
	pthread_mutex_lock(&c->lock);
	c->kind = kind;
	c->kicked = true;
	pthread_cond_broadcast(&c->cond);
	pthread_mutex_unlock(&c->lock);
}

void compress_wait_idle(struct compress *c)
{
	pthread_mutex_lock(&c->lock);
	while (!c->stopping && (c->kicked || !c->idle))
		pthread_cond_wait(&c->cond, &c->lock);
	pthread_mutex_unlock(&c->lock);
}

void compress_stats(struct compress *c, struct compress_stats *ret)
{
	pthread_mutex_lock(&c->lock);
	*ret = c->stats;
	pthread_mutex_unlock(&c->lock);
}
