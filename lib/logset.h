/*
 * logset: the files of an audit log and reading them as chunks of whole
 * lines.
 *
 * auditd writes LOG (audit.log) and rotates it to LOG.1 ... LOG.N, the
 * higher the older; auditkit's auditd may compress rotated files to
 * LOG.N.gz or LOG.N.zst, or name them with a time stamp (see rotate.c).
 * logset_discover() lists the set in the order the reference's ausearch
 * and aureport read it (oldest first, LOG last).
 *
 * A reader yields the contents of one file (or of a stream such as stdin)
 * as chunks that end at a newline (the last chunk may lack one). A plain
 * regular file is mapped; .gz and .zst files (recognised by their magic
 * bytes, not their names) and pipes are read through a buffer. A line
 * longer than the buffer is handed out whole: the buffer grows (up to
 * LOGSET_LINE_MAX; a longer line is cut and flagged).
 *
 * The library never logs; errors are negative errnos.
 */
#ifndef AUDITKIT_LOGSET_H
#define AUDITKIT_LOGSET_H

#include <stdbool.h>
#include <stddef.h>

#define LOGSET_LINE_MAX (64u << 20)

struct logset {
	char **paths;		/* oldest first; owned */
	size_t count;
};

/* The log set whose live file is log_path: 0 and *ret (free with
 * logset_clear), -ENOENT when not even log_path exists, -ENOMEM. */
int logset_discover(const char *log_path, struct logset *ret);
void logset_clear(struct logset *s);

struct logset_reader;

/* Open a file (or "-" for fd 0): 0 and *ret, or a negative errno
 * (-ENOENT, -EACCES, -EISDIR, -EINVAL for a damaged compressed header). */
int logset_open(const char *path, struct logset_reader **ret);
/* Read from an fd the reader does not own (stdin). */
int logset_open_fd(int fd, struct logset_reader **ret);
void logset_close(struct logset_reader *r);

/* The next chunk: 1 and (*ret, *ret_len) valid until the next call; 0 at
 * the end; a negative errno on a read or decompression error (-EIO,
 * -EBADMSG for a damaged compressed stream; what was read before stays
 * delivered). */
int logset_next(struct logset_reader *r, const char **ret, size_t *ret_len);

/* Whether the reader maps the whole file: then every chunk stays valid
 * until logset_close and event assembly need not detach. */
bool logset_is_mapped(const struct logset_reader *r);

#endif
