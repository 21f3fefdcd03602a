/*
 * outfile: compare with, back up and atomically replace the generated
 * rules file (see outfile.h). A temporary name is "<dir>/.<name>.XXXXXX"
 * so that it is hidden, on the same file system as the target, and never
 * ends in ".rules" should the output live inside a rules directory.
 */
#include "outfile.h"
#include "buf.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int outfile_same(const char *path, const char *data, size_t len)
{
	struct buf old = BUF_INIT;
	int r;

	r = buf_read_file(&old, path);
	if (r == 0)
		r = old.len == len && (len == 0 || memcmp(old.data, data, len) == 0);
	else if (r == -ENOENT)
		r = 0;
	buf_free(&old);
	return r;
}

static int outfile_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/* The file a write to path lands in: path itself, or where its symlink
 * chain ends. Returns a malloc'd string or NULL (ENOMEM). */
static char *outfile_target(const char *path)
{
	struct stat st;
	char *real;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
		real = realpath(path, NULL);
		if (real)
			return real;
	}
	return strdup(path);
}

static void outfile_sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Fill the open temporary file: contents, mode, owner, flushed. */
static int outfile_fill(int fd, const char *target, const char *data,
			size_t len, mode_t mode)
{
	struct stat st;
	int r;

	if (fchmod(fd, mode) < 0)
		return -errno;
	if (stat(target, &st) == 0 && fchown(fd, st.st_uid, st.st_gid) < 0) {
		/* Best effort: an unprivileged caller cannot give files away. */
	}
	r = outfile_write_all(fd, data, len);
	if (r == 0 && fsync(fd) < 0)
		r = -errno;
	return r;
}

/* Write a temporary file beside target and rename it over target. */
static int outfile_swap(const char *target, const char *data, size_t len,
			mode_t mode)
{
	char *dcopy = strdup(target), *bcopy = strdup(target);
	char tmp[PATH_MAX];
	const char *dir;
	int fd, r = -ENOMEM;

	if (!dcopy || !bcopy)
		goto out;
	dir = dirname(dcopy);
	r = -ENAMETOOLONG;
	if (snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dir, basename(bcopy)) >=
	    (int)sizeof(tmp))
		goto out;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0) {
		r = -errno;
		goto out;
	}
	r = outfile_fill(fd, target, data, len, mode);
	if (close(fd) < 0 && r == 0)
		r = -errno;
	if (r == 0 && rename(tmp, target) < 0)
		r = -errno;
	if (r < 0)
		unlink(tmp);
	else
		outfile_sync_dir(dir);
out:
	free(dcopy);
	free(bcopy);
	return r;
}

int outfile_replace(const char *path, const char *data, size_t len, mode_t mode)
{
	char *target = outfile_target(path);
	int r;

	if (!target)
		return -ENOMEM;
	r = outfile_swap(target, data, len, mode);
	free(target);
	return r;
}

int outfile_backup(const char *src, const char *dst)
{
	struct buf old = BUF_INIT;
	struct stat st;
	int r;

	if (stat(src, &st) < 0)
		return errno == ENOENT ? 1 : -errno;
	if (!S_ISREG(st.st_mode))
		return 1;
	r = buf_read_file(&old, src);
	if (r == 0)
		r = outfile_replace(dst, old.data, old.len, st.st_mode & 0640);
	buf_free(&old);
	return r;
}
