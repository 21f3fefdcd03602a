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
 * as chunks that end at a newline (the last chunk may lack one). Every
 * input, plain, .gz or .zst (recognised by their magic bytes, not their
 * names), file or pipe, is read through one buffer of a few MiB, reused
 * chunk after chunk: memory stays bounded whatever the size of the log (a
 * mapped 1 GB file would count 1 GB of resident pages). A line longer than
 * the buffer is handed out whole: the buffer grows (up to
 * LOGSET_LINE_MAX; beyond that the line is handed out in pieces, and the
 * pieces after the first do not parse as records).
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
 * logset_clear), -ENOENT when not even log_path exists, -ENOMEM.
 * As the reference: LOG.1, LOG.2, ... up to the first missing number,
 * highest first, then LOG; a number may also be LOG.N.gz or LOG.N.zst
 * (one form is read: zst, gz, plain). Timestamped members are read oldest
 * first. A directory stands for DIR/audit.log (ausearch -if DIR). The
 * paths are built from log_path (relative stays relative). */
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

#endif
