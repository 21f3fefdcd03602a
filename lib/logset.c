/*
 * logset: the files of an audit log, and reading them as chunks of whole
 * lines (see logset.h for the contract).
 *
 * Discovery follows what the reference's ausearch and aureport read (seen
 * by experiment with `ausearch -if DIR`): LOG.1, LOG.2, ... counting up
 * from 1 and stopping at the first number that is missing (LOG.10 is not
 * read when LOG.5 is missing; there is no num_logs limit), read highest
 * first, then LOG. The reference reads only plain members; here a number
 * is present when LOG.N, LOG.N.gz or LOG.N.zst exists, and when a member
 * exists in more than one form (a compressor that renamed its output but
 * died before unlinking its input) the compressed one is read, zst before
 * gz, as auditd's rotate.c keeps. auditkit's timestamped members
 * (LOG-YYYYMMDD-HHMMSS[-N][.gz|.zst]) are read oldest first, stamp then
 * sequence; a set holding both kinds (rotate_timestamp changed) reads the
 * group whose newest member is older first.
 *
 * Reading: one buffer per reader, filled with read() (plain) or by
 * zlib/libzstd from a small input buffer (compressed). Each call hands out
 * the buffer up to its last newline and moves the partial line after it to
 * the front before the next fill, so a chunk is always whole lines and the
 * buffer is reused: memory stays at the buffer's size.
 *
 * A regular file is read ahead by a thread of its own, double-buffered:
 * while the caller parses one chunk, the thread reads (or decompresses)
 * the next into a second buffer, moving the partial line there. A chunk
 * goes back to the thread only when the caller asks for the next one,
 * which keeps logset_next's promise (a chunk is valid until the next
 * call). Pipes and stdin are read without a thread: a reader blocked in
 * read() on a live pipe could not be stopped by logset_close.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "logset.h"

#define LOGSET_BUF_SIZE (4u << 20)	/* the chunk buffer's start size */
#define LOGSET_IN_SIZE (128u << 10)	/* compressed input per read() */

/* ---- discovery ---- */

struct member {
	char *path;
	char stamp[16];		/* timestamped: YYYYMMDD-HHMMSS */
	unsigned seq;
	int rank;		/* 2 zst, 1 gz, 0 plain: the form to prefer */
};

struct list {
	struct member *v;
	size_t n, cap;
};

static const char *const suffixes[] = { ".zst", ".gz", "" };

static int list_push(struct list *l, const struct member *m)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct member *v = realloc(l->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = *m;
	return 0;
}

static void list_clear(struct list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static bool path_is_file(const char *path, struct stat *st)
{
	return stat(path, st) == 0 && !S_ISDIR(st->st_mode);
}

/* The preferred existing form of LOG.num: a malloc'd path, NULL when no
 * form exists (*ret_err -ENOMEM on allocation failure). */
static char *numbered_find(const char *log, unsigned num, time_t *mtime,
			   int *ret_err)
{
	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		struct stat st;
		char *p;

		if (asprintf(&p, "%s.%u%s", log, num, suffixes[i]) < 0) {
			*ret_err = -ENOMEM;
			return NULL;
		}
		if (path_is_file(p, &st)) {
			*mtime = st.st_mtime;
			return p;
		}
		free(p);
	}
	return NULL;
}

/* LOG.N for N = 1, 2, ... up to the first gap, newest (1) first. */
static int numbered_scan(const char *log, struct list *ret, time_t *newest)
{
	int err = 0;

	for (unsigned num = 1; num < UINT_MAX; num++) {
		struct member m = { .seq = num };
		time_t mt = 0;

		m.path = numbered_find(log, num, &mt, &err);
		if (!m.path)
			return err;
		if (num == 1)
			*newest = mt;
		if (list_push(ret, &m) < 0) {
			free(m.path);
			return -ENOMEM;
		}
	}
	return 0;
}

static bool all_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* "-YYYYMMDD-HHMMSS[-N][.gz|.zst]" after the live log's name, as
 * auditd's rotate.c names members (N without a leading zero). */
static bool stamp_parse(const char *s, struct member *m)
{
	const char *p = s + 16;

	if (strlen(s) < 16 || s[0] != '-' || !all_digits(s + 1, 8) ||
	    s[9] != '-' || !all_digits(s + 10, 6))
		return false;
	memcpy(m->stamp, s + 1, 15);
	m->stamp[15] = '\0';
	m->seq = 0;
	if (p[0] == '-') {
		size_t n = strspn(p + 1, "0123456789");

		if (n == 0 || n > 6 || p[1] == '0')
			return false;
		m->seq = (unsigned)strtoul(p + 1, NULL, 10);
		p += 1 + n;
	}
	for (int i = 0; i < 3; i++)
		if (strcmp(p, suffixes[i]) == 0) {
			m->rank = 2 - i;
			return true;
		}
	return false;
}

/* Oldest first; the same member's preferred form first. */
static int stamp_cmp(const void *a, const void *b)
{
	const struct member *x = a, *y = b;
	int c = strcmp(x->stamp, y->stamp);

	if (c)
		return c;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return y->rank - x->rank;
}


/* A timestamped member's file: its mtime into *mtime. -ENOENT when it
 * vanished or is not a file; the path is taken on success. */
static int stamp_add(struct list *l, char *path, const struct member *m,
		     time_t *mtime)
{
	struct member e = *m;
	struct stat st;

	if (!path_is_file(path, &st))
		return -ENOENT;
	e.path = path;
	if (list_push(l, &e) < 0)
		return -ENOMEM;
	if (st.st_mtime > *mtime)
		*mtime = st.st_mtime;
	return 0;
}

/* Keep the first (preferred) form of each member of a sorted list. */
static void stamp_dedup(struct list *l)
{
	size_t out = 0;

	for (size_t i = 0; i < l->n; i++) {
		if (out && strcmp(l->v[out - 1].stamp, l->v[i].stamp) == 0 &&
		    l->v[out - 1].seq == l->v[i].seq) {
			free(l->v[i].path);
			continue;
		}
		l->v[out++] = l->v[i];
	}
	l->n = out;
}

static int stamp_entry(const char *dir, const char *name, size_t blen,
		       struct list *l, time_t *newest)
{
	struct member m = { 0 };
	char *path;
	int r;

	if (!stamp_parse(name + blen, &m))
		return 0;
	if (asprintf(&path, "%s%s", dir, name) < 0)
		return -ENOMEM;
	r = stamp_add(l, path, &m, newest);
	if (r < 0)
		free(path);
	return r == -ENOMEM ? r : 0;
}

/* The timestamped members in the log's directory, oldest first, one form
 * of each; *newest: the newest mtime among them. */
static int stamp_scan(const char *log, struct list *ret, time_t *newest)
{
	const char *slash = strrchr(log, '/');
	const char *base = slash ? slash + 1 : log;
	size_t blen = strlen(base), dlen = (size_t)(base - log);
	char *dir = strndup(log, dlen);
	struct dirent *d;
	DIR *dp;
	int r = 0;

	if (!dir)
		return -ENOMEM;
	dp = opendir(dlen ? dir : ".");
	while (dp && r == 0 && (d = readdir(dp)))
		if (strncmp(d->d_name, base, blen) == 0)
			r = stamp_entry(dir, d->d_name, blen, ret, newest);
	if (dp)
		closedir(dp);
	free(dir);
	if (r < 0)
		return r;
	if (ret->n)
		qsort(ret->v, ret->n, sizeof(*ret->v), stamp_cmp);
	stamp_dedup(ret);
	return 0;
}

/* Move every path of src to the end of dst's array (dst has room). */
static void paths_take(char **dst, size_t *n, struct list *src, bool reverse)
{
	for (size_t i = 0; i < src->n; i++)
		dst[(*n)++] = src->v[reverse ? src->n - 1 - i : i].path;
	free(src->v);
	memset(src, 0, sizeof(*src));
}

/* Oldest first: the older group of rotated members, the other, LOG. */
static int logset_fill(const char *log, struct list *num, time_t num_new,
		       struct list *stamp, time_t stamp_new,
		       struct logset *ret)
{
	char **v = calloc(num->n + stamp->n + 1, sizeof(*v));
	bool stamp_first = stamp_new <= num_new;
	size_t n = 0;

	if (!v || !(v[num->n + stamp->n] = strdup(log))) {
		free(v);
		return -ENOMEM;
	}
	if (stamp_first || !num->n)
		paths_take(v, &n, stamp, false);
	paths_take(v, &n, num, true);
	paths_take(v, &n, stamp, false);
	ret->paths = v;
	ret->count = n + 1;
	return 0;
}

/* A directory stands for DIR/audit.log, as ausearch -if DIR reads it. */
static char *live_path(const char *log_path)
{
	struct stat st;
	char *p;

	if (stat(log_path, &st) == 0 && S_ISDIR(st.st_mode)) {
		size_t n = strlen(log_path);

		if (asprintf(&p, "%s%saudit.log", log_path,
			     n && log_path[n - 1] == '/' ? "" : "/") < 0)
			return NULL;
		return p;
	}
	return strdup(log_path);
}

int logset_discover(const char *log_path, struct logset *ret)
{
	struct list num = { 0 }, stamp = { 0 };
	time_t num_new = 0, stamp_new = 0;
	char *log = live_path(log_path);
	struct stat st;
	int r;

	if (!log)
		return -ENOMEM;
	if (stat(log, &st) < 0 || S_ISDIR(st.st_mode)) {
		free(log);
		return -ENOENT;
	}
	r = numbered_scan(log, &num, &num_new);
	if (r == 0)
		r = stamp_scan(log, &stamp, &stamp_new);
	if (r == 0)
		r = logset_fill(log, &num, num_new, &stamp, stamp_new, ret);
	list_clear(&num);
	list_clear(&stamp);
	free(log);
	return r;
}

void logset_clear(struct logset *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->count; i++)
		free(s->paths[i]);
	free(s->paths);
	s->paths = NULL;
	s->count = 0;
}

/* ---- reading ---- */

enum logset_kind { KIND_PLAIN, KIND_GZIP, KIND_ZSTD };

struct logset_reader {
	int fd;
	bool own_fd;
	enum logset_kind kind;
	char *buf;		/* the chunk buffer */
	size_t cap, len;	/* its size, the bytes it holds */
	size_t start;		/* bytes before it were handed out */
	bool eof;		/* the input is exhausted */
	int err;		/* to report once the data is delivered */
	unsigned char *in;	/* compressed input (gzip, zstd) */
	size_t in_len, in_pos;
	bool in_eof;
	z_stream z;
	bool z_live;		/* z holds an inflate state */
	bool z_end;		/* the last gzip member ended */
	ZSTD_DCtx *zd;
	size_t zd_hint;		/* its last return that made progress */
	/* read-ahead (regular files): everything below is under mu */
	bool threaded;
	pthread_t th;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	char *spare;		/* the second buffer (threaded only) */
	size_t spare_cap;
	bool spare_busy;	/* it holds the caller's chunk */
	bool taken;		/* the caller has taken a chunk */
	bool ready, stop, done;	/* a chunk waits; close asked; thread ended */
	int ready_rc;
	const char *ready_buf;
	size_t ready_len;
};

static const unsigned char gzip_magic[] = { 0x1f, 0x8b };
static const unsigned char zstd_magic[] = { 0x28, 0xb5, 0x2f, 0xfd };

/* read() that retries EINTR: bytes, 0 at the end, or a negative errno. */
static ssize_t fd_read(int fd, void *p, size_t n)
{
	ssize_t k;

	do
		k = read(fd, p, n);
	while (k < 0 && errno == EINTR);
	return k < 0 ? -errno : k;
}

/* Up to n bytes, fewer only at the end of the input. */
static ssize_t fd_read_full(int fd, unsigned char *p, size_t n)
{
	size_t got = 0;

	while (got < n) {
		ssize_t k = fd_read(fd, p + got, n - got);

		if (k < 0)
			return k;
		if (k == 0)
			break;
		got += (size_t)k;
	}
	return (ssize_t)got;
}

/* The end of the input; err (0 or a negative errno) is reported after
 * what was read is delivered. */
static size_t reader_stop(struct logset_reader *r, int err, size_t n)
{
	r->eof = true;
	if (!r->err)
		r->err = err;
	return n;
}

/* Refill the compressed input when it is used up. */
static int input_refill(struct logset_reader *r)
{
	ssize_t k;

	if (r->in_pos < r->in_len || r->in_eof)
		return 0;
	k = fd_read(r->fd, r->in, LOGSET_IN_SIZE);
	if (k < 0)
		return (int)k;
	r->in_eof = k == 0;
	r->in_len = (size_t)k;
	r->in_pos = 0;
	return 0;
}

static size_t plain_fill(struct logset_reader *r)
{
	ssize_t k = fd_read(r->fd, r->buf + r->len, r->cap - r->len);

	if (k <= 0)
		return reader_stop(r, (int)k, 0);
	return (size_t)k;
}

/* After a gzip member: the end, or the next member (gzip -c a b > c). */
static int gzip_next_member(struct logset_reader *r)
{
	if (r->in_pos == r->in_len)
		return r->in_eof ? 1 : 0;
	if ((unsigned char)r->in[r->in_pos] != gzip_magic[0])
		return -EBADMSG;	/* trailing garbage */
	if (inflateReset(&r->z) != Z_OK)
		return -EBADMSG;
	r->z_end = false;
	return 0;
}

static size_t gzip_fill(struct logset_reader *r)
{
	for (;;) {
		size_t avail, room = r->cap - r->len, made;
		int rc = input_refill(r);

		if (rc < 0)
			return reader_stop(r, rc, 0);
		if (r->z_end && (rc = gzip_next_member(r)) != 0)
			return reader_stop(r, rc < 0 ? rc : 0, 0);
		if (r->z_end)
			continue;
		avail = r->in_len - r->in_pos;
		r->z.next_in = r->in + r->in_pos;
		r->z.avail_in = (uInt)avail;
		r->z.next_out = (unsigned char *)r->buf + r->len;
		r->z.avail_out = (uInt)room;
		rc = inflate(&r->z, Z_NO_FLUSH);
		r->in_pos = r->in_len - r->z.avail_in;
		made = room - r->z.avail_out;
		if (rc == Z_STREAM_END)
			r->z_end = true;
		else if (rc == Z_MEM_ERROR)
			return reader_stop(r, -ENOMEM, made);
		else if (rc != Z_OK && rc != Z_BUF_ERROR)
			return reader_stop(r, -EBADMSG, made);
		if (made)
			return made;
		if (!r->z_end && avail == 0 && r->in_eof)
			return reader_stop(r, -EBADMSG, 0);	/* truncated */
	}
}

static size_t zstd_fill(struct logset_reader *r)
{
	for (;;) {
		ZSTD_outBuffer ob = { r->buf + r->len, r->cap - r->len, 0 };
		ZSTD_inBuffer ib;
		int rc = input_refill(r);
		size_t h;

		if (rc < 0)
			return reader_stop(r, rc, 0);
		ib = (ZSTD_inBuffer){ r->in, r->in_len, r->in_pos };
		h = ZSTD_decompressStream(r->zd, &ob, &ib);
		if (ZSTD_isError(h))
			return reader_stop(r, -EBADMSG, 0);
		if (ob.pos || ib.pos != r->in_pos)
			r->zd_hint = h;	/* 0: a frame just ended */
		r->in_pos = ib.pos;
		if (ob.pos)
			return ob.pos;
		if (ib.size == ib.pos && r->in_eof)
			return reader_stop(r, r->zd_hint ? -EBADMSG : 0, 0);
	}
}

/* Append decoded bytes to the buffer (it has room): how many; 0 with
 * r->eof set at the end of the input. */
static size_t reader_fill(struct logset_reader *r)
{
	switch (r->kind) {
	case KIND_GZIP:
		return gzip_fill(r);
	case KIND_ZSTD:
		return zstd_fill(r);
	default:
		return plain_fill(r);
	}
}

/* The buffer holds one partial line and is full: grow it, or hand the
 * line out in pieces past LOGSET_LINE_MAX. false: hand it out. */
static bool reader_grow(struct logset_reader *r)
{
	size_t cap = r->cap * 2;
	char *b;

	if (r->cap >= LOGSET_LINE_MAX)
		return false;
	if (cap > LOGSET_LINE_MAX)
		cap = LOGSET_LINE_MAX;
	b = realloc(r->buf, cap);
	if (!b)
		return false;
	r->buf = b;
	r->cap = cap;
	return true;
}

static int reader_deliver(struct logset_reader *r, size_t n, const char **ret,
			  size_t *ret_len)
{
	*ret = r->buf;
	*ret_len = n;
	r->start = n;
	return 1;
}

/* The error that ended the input, once; then 0. */
static int reader_take_err(struct logset_reader *r)
{
	int e = r->err;

	r->err = 0;
	return e;
}

/* Move the partial line after the last chunk to the front: into the
 * spare buffer when there is one (the read-ahead thread: the chunk's
 * buffer stays with the caller and becomes the spare), else within the
 * buffer. 0 or -ENOMEM. */
static int reader_shift(struct logset_reader *r)
{
	size_t rest = r->len - r->start;
	char *b;

	if (!r->start)
		return 0;
	if (!r->spare) {
		memmove(r->buf, r->buf + r->start, rest);
	} else {
		if (r->spare_cap < r->cap) {	/* the other one grew */
			b = realloc(r->spare, r->cap);
			if (!b)
				return -ENOMEM;
			r->spare = b;
			r->spare_cap = r->cap;
		}
		memcpy(r->spare, r->buf + r->start, rest);
		b = r->spare;
		r->spare = r->buf;
		r->buf = b;
		b = (char *)(uintptr_t)r->spare_cap;	/* swap the sizes */
		r->spare_cap = r->cap;
		r->cap = (size_t)(uintptr_t)b;
		r->spare_busy = true;
	}
	r->len = rest;
	r->start = 0;
	return 0;
}

/* The next chunk, read in the calling thread (logset_next's contract). */
static int reader_step(struct logset_reader *r, const char **ret,
		       size_t *ret_len)
{
	int e = reader_shift(r);

	if (e < 0)
		return e;
	while (!r->eof) {
		size_t n;
		char *nl;

		if (r->len == r->cap && !reader_grow(r))
			return reader_deliver(r, r->len, ret, ret_len);
		n = reader_fill(r);
		nl = memrchr(r->buf + r->len, '\n', n);
		r->len += n;
		if (nl)
			return reader_deliver(r, (size_t)(nl - r->buf) + 1,
					      ret, ret_len);
	}
	if (r->len)
		return reader_deliver(r, r->len, ret, ret_len);
	return reader_take_err(r);
}


/* ---- read-ahead ---- */

/* The thread: one chunk at a time, each published once the caller took
 * the previous one (and so gave back the buffer before it). */
static void *reader_thread(void *arg)
{
	struct logset_reader *r = arg;
	const char *buf = NULL;
	size_t len = 0;
	int rc;

	pthread_mutex_lock(&r->mu);
	for (;;) {
		while (!r->stop && (r->ready || r->spare_busy))
			pthread_cond_wait(&r->cv, &r->mu);
		if (r->stop)
			break;
		rc = reader_shift(r);	/* under mu: it marks the spare busy */
		pthread_mutex_unlock(&r->mu);
		if (rc == 0)
			rc = reader_step(r, &buf, &len);
		pthread_mutex_lock(&r->mu);
		r->ready = true;
		r->ready_rc = rc;
		r->ready_buf = buf;
		r->ready_len = len;
		pthread_cond_broadcast(&r->cv);
		if (rc <= 0)
			break;
	}
	r->done = true;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
	return NULL;
}

/* logset_next through the thread: give back the chunk held, take the
 * next one. */
static int reader_take(struct logset_reader *r, const char **ret,
		       size_t *ret_len)
{
	int rc = 0;

	pthread_mutex_lock(&r->mu);
	if (r->taken)
		r->spare_busy = false;
	r->taken = true;
	pthread_cond_broadcast(&r->cv);
	while (!r->ready && !r->done)
		pthread_cond_wait(&r->cv, &r->mu);
	if (r->ready) {
		r->ready = false;
		rc = r->ready_rc;
		if (rc == 1) {	/* else the outputs stay as they are */
			*ret = r->ready_buf;
			*ret_len = r->ready_len;
		}
		pthread_cond_broadcast(&r->cv);
	}
	pthread_mutex_unlock(&r->mu);
	return rc;
}

int logset_next(struct logset_reader *r, const char **ret, size_t *ret_len)
{
	if (r->threaded)
		return reader_take(r, ret, ret_len);
	return reader_step(r, ret, ret_len);
}

/* Start reading ahead; without a thread (or memory) the reader stays
 * synchronous. */
static void reader_start_thread(struct logset_reader *r)
{
	r->spare = malloc(r->cap);
	if (!r->spare)
		return;
	r->spare_cap = r->cap;
	if (pthread_mutex_init(&r->mu, NULL) != 0)
		goto fail;
	if (pthread_cond_init(&r->cv, NULL) != 0) {
		pthread_mutex_destroy(&r->mu);
		goto fail;
	}
	if (pthread_create(&r->th, NULL, reader_thread, r) == 0) {
		r->threaded = true;
		return;
	}
	pthread_cond_destroy(&r->cv);
	pthread_mutex_destroy(&r->mu);
fail:
	free(r->spare);
	r->spare = NULL;
}

static void reader_stop_thread(struct logset_reader *r)
{
	if (!r->threaded)
		return;
	pthread_mutex_lock(&r->mu);
	r->stop = true;
	pthread_cond_broadcast(&r->cv);
	pthread_mutex_unlock(&r->mu);
	pthread_join(r->th, NULL);
	pthread_cond_destroy(&r->cv);
	pthread_mutex_destroy(&r->mu);
	r->threaded = false;
}

/* Set up the decoder the first bytes (head, n of them) call for. */
static int reader_detect(struct logset_reader *r, const unsigned char *head,
			 size_t n)
{
	if (n >= 2 && memcmp(head, gzip_magic, 2) == 0)
		r->kind = KIND_GZIP;
	else if (n >= 4 && memcmp(head, zstd_magic, 4) == 0)
		r->kind = KIND_ZSTD;
	else {
		memcpy(r->buf, head, n);	/* plain: already content */
		r->len = n;
		return 0;
	}
	if (r->kind == KIND_GZIP && n >= 3 && head[2] != Z_DEFLATED)
		return -EINVAL;
	r->in = malloc(LOGSET_IN_SIZE);
	if (!r->in)
		return -ENOMEM;
	memcpy(r->in, head, n);
	r->in_len = n;
	r->zd_hint = 1;		/* no frame decoded yet */
	if (r->kind == KIND_ZSTD)
		return (r->zd = ZSTD_createDCtx()) ? 0 : -ENOMEM;
	if (inflateInit2(&r->z, 16 + MAX_WBITS) != Z_OK)
		return -ENOMEM;
	r->z_live = true;
	return 0;
}

static int reader_new(int fd, bool own_fd, struct logset_reader **ret)
{
	struct logset_reader *r = calloc(1, sizeof(*r));
	unsigned char head[4];
	ssize_t n;
	int e;

	if (!r)
		return -ENOMEM;
	r->fd = fd;
	r->own_fd = own_fd;
	r->cap = LOGSET_BUF_SIZE;
	r->buf = malloc(r->cap);
	n = r->buf ? fd_read_full(fd, head, sizeof(head)) : -ENOMEM;
	e = n < 0 ? (int)n : reader_detect(r, head, (size_t)n);
	if (e < 0) {
		r->own_fd = false;	/* the caller closes what it passed */
		logset_close(r);
		return e;
	}
	*ret = r;
	return 0;
}

int logset_open_fd(int fd, struct logset_reader **ret)
{
	return reader_new(fd, false, ret);
}

int logset_open(const char *path, struct logset_reader **ret)
{
	struct stat st;
	int fd, e;

	if (strcmp(path, "-") == 0)
		return logset_open_fd(0, ret);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	e = fstat(fd, &st) < 0 ? -errno : S_ISDIR(st.st_mode) ? -EISDIR : 0;
	if (e < 0) {
		close(fd);
		return e;
	}
	e = reader_new(fd, true, ret);
	if (e < 0) {
		close(fd);
		return e;
	}
	if (S_ISREG(st.st_mode))
		reader_start_thread(*ret);
	return 0;
}

void logset_close(struct logset_reader *r)
{
	if (!r)
		return;
	reader_stop_thread(r);
	if (r->z_live)
		inflateEnd(&r->z);
	ZSTD_freeDCtx(r->zd);
	if (r->own_fd)
		close(r->fd);
	free(r->in);
	free(r->buf);
	free(r->spare);
	free(r);
}
