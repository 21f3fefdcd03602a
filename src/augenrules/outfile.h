/*
 * outfile: the generated audit.rules on disk: is it already what we
 * would write, keep a copy of the old one, replace it safely.
 *
 * Replacing never leaves a half-written file for auditd or a reboot to
 * find: the new contents go to a temporary file in the same directory,
 * are flushed to disk, and rename() puts them in place in one step; the
 * directory is flushed too. When the path is a symlink the file it
 * points to is replaced, as writing through the link would. The new file
 * keeps the old one's owner and group when there was one.
 */
#ifndef AUGENRULES_OUTFILE_H
#define AUGENRULES_OUTFILE_H

#include <stddef.h>
#include <sys/types.h>

/* 1 when the file at path holds exactly data[0..len), 0 when it differs
 * or does not exist, negative errno when it cannot be read. */
int outfile_same(const char *path, const char *data, size_t len);

/* Replace path with data[0..len), file mode mode. 0 or negative errno;
 * on error path is untouched and no temporary file is left. */
int outfile_replace(const char *path, const char *data, size_t len, mode_t mode);

/* Copy the regular file src (symlinks followed) to dst, replacing dst.
 * The copy's mode is src's without group write or any other-access bits.
 * 0, 1 when src is not a regular file (nothing to keep), or negative
 * errno. */
int outfile_backup(const char *src, const char *dst);

#endif
