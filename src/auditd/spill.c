/*
 * spill: see spill.h. Memory is a list of 1 MiB chunks filled in order;
 * the file is an unlinked temporary file (O_TMPFILE, or a named file
 * removed at once), appended to and read back from a moving offset.
 * Nothing is kept across a restart: a crash loses what a crash loses
 * anyway, and no stale spill can be replayed twice.
 */
#include "spill.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SPILL_CHUNK (1024 * 1024)

struct spill_chunk {
	struct spill_chunk *next;
	size_t used, read;
	char buf[SPILL_CHUNK];
};

struct spill {
	char dir[4096];
	uint64_t mem_max, file_max;
	struct spill_chunk *head, *tail;
	uint64_t mem_bytes;		/* held in memory */
	int fd;				/* -1 until needed */
	off_t file_read, file_write;	/* held in the file: [read, write) */
	bool file_failed;
	uint64_t records;		/* held now */
	uint64_t held, dropped;		/* since spill_take_counts */
	char readbuf[256 * 1024];	/* file -> callback */
};

int spill_new(const char *dir, uint64_t mem_max, uint64_t file_max,
	      struct spill **ret)
{
	struct spill *s = calloc(1, sizeof(*s));

	if (!s)
		return -ENOMEM;
	if (dir)
		snprintf(s->dir, sizeof(s->dir), "%s", dir);
	s->mem_max = mem_max;
	s->file_max = file_max;
	s->fd = -1;
	*ret = s;
	return 0;
}

void spill_free(struct spill *s)
{
	if (!s)
		return;
	while (s->head) {
		struct spill_chunk *c = s->head;

		s->head = c->next;
		free(c);
	}
	if (s->fd >= 0)
		close(s->fd);
	free(s);
}

static bool spill_file_in_use(const struct spill *s)
{
	return s->fd >= 0 && s->file_write > s->file_read;
}

static int spill_mem_add(struct spill *s, const char *line, size_t len)
{
	while (len > 0) {
		struct spill_chunk *c = s->tail;
		size_t n;

		if (!c || c->used == SPILL_CHUNK) {
			c = malloc(sizeof(*c));
			if (!c)
				return -ENOMEM;
			c->next = NULL;
			c->used = c->read = 0;
			if (s->tail)
				s->tail->next = c;
			else
				s->head = c;
			s->tail = c;
		}
		n = SPILL_CHUNK - c->used;
		if (n > len)
			n = len;
		memcpy(c->buf + c->used, line, n);
		c->used += n;
		s->mem_bytes += n;
		line += n;
		len -= n;
	}
	return 0;
}

static int spill_file_open(struct spill *s)
{
	char path[4200];

	if (s->fd >= 0)
		return 0;
	if (!s->dir[0] || s->file_failed)
		return -ENOSPC;
	s->fd = open(s->dir, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
	if (s->fd < 0) {
		snprintf(path, sizeof(path), "%s/auditd-spill.%d", s->dir,
			 (int)getpid());
		s->fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
		if (s->fd >= 0)
			unlink(path);
	}
	if (s->fd < 0) {
		s->file_failed = true;
		return -errno;
	}
	s->file_read = s->file_write = 0;
	return 0;
}

static int spill_file_add(struct spill *s, const char *line, size_t len)
{
	if ((uint64_t)(s->file_write - s->file_read) + len > s->file_max)
		return -ENOSPC;
	if (spill_file_open(s) < 0)
		return -ENOSPC;
	while (len > 0) {
		ssize_t n = pwrite(s->fd, line, len, s->file_write);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -ENOSPC;
		s->file_write += n;
		line += n;
		len -= (size_t)n;
	}
	return 0;
}

int spill_add(struct spill *s, const char *line, size_t len, unsigned records)
{
	int err = -ENOSPC;

	if (!spill_file_in_use(s) && s->mem_bytes + len <= s->mem_max)
		err = spill_mem_add(s, line, len);
	if (err)
		err = spill_file_add(s, line, len);
	if (err) {
		s->dropped += records;
		return -ENOSPC;
	}
	s->records += records;
	s->held += records;
	return 0;
}

static int spill_drain_mem(struct spill *s, spill_write_fn fn, void *ctx)
{
	while (s->head) {
		struct spill_chunk *c = s->head;

		while (c->read < c->used) {
			ssize_t n = fn(ctx, c->buf + c->read, c->used - c->read);

			if (n < 0)
				return (int)n;
			c->read += (size_t)n;
			s->mem_bytes -= (size_t)n;
		}
		s->head = c->next;
		if (!s->head)
			s->tail = NULL;
		free(c);
	}
	return 0;
}

static int spill_drain_file(struct spill *s, spill_write_fn fn, void *ctx)
{
	char *buf = s->readbuf;

	while (spill_file_in_use(s)) {
		off_t left = s->file_write - s->file_read;
		size_t want = left > (off_t)sizeof(s->readbuf) ? sizeof(s->readbuf) : (size_t)left;
		ssize_t got = pread(s->fd, buf, want, s->file_read);
		size_t done = 0;

		if (got <= 0)
			return got < 0 ? -errno : -EIO;
		while (done < (size_t)got) {
			ssize_t n = fn(ctx, buf + done, (size_t)got - done);

			if (n < 0)
				return (int)n;
			done += (size_t)n;
			s->file_read += n;
		}
	}
	if (s->fd >= 0 && ftruncate(s->fd, 0) == 0)
		s->file_read = s->file_write = 0;
	return 0;
}

int spill_drain(struct spill *s, spill_write_fn fn, void *ctx)
{
	int err = spill_drain_mem(s, fn, ctx);

	if (!err)
		err = spill_drain_file(s, fn, ctx);
	if (!err)
		s->records = 0;
	return err;
}

bool spill_empty(const struct spill *s)
{
	return !s->head && !spill_file_in_use(s);
}

uint64_t spill_bytes(const struct spill *s)
{
	return s->mem_bytes + (uint64_t)(s->fd >= 0 ? s->file_write - s->file_read : 0);
}

uint64_t spill_records(const struct spill *s)
{
	return s->records;
}

uint64_t spill_dropped(const struct spill *s)
{
	return s->dropped;
}

void spill_take_counts(struct spill *s, uint64_t *ret_held,
		       uint64_t *ret_dropped)
{
	*ret_held = s->held;
	*ret_dropped = s->dropped;
	s->held = s->dropped = 0;
}
