/*
 * buf: a growable byte buffer, and reading a whole file into one.
 *
 * augenrules works on whole files: each rules.d file is read at once, the
 * merged result is built in memory and compared with the existing output
 * before anything is written. Buffers hold bytes, not strings: a rules
 * file may contain NUL bytes and they are carried through untouched.
 */
#ifndef AUGENRULES_BUF_H
#define AUGENRULES_BUF_H

#include <stddef.h>

struct buf {
	char *data;	/* owned; NULL while empty */
	size_t len;
	size_t cap;
};

#define BUF_INIT { NULL, 0, 0 }

/* Append n bytes of p (copied). 0 or -ENOMEM. */
int buf_add(struct buf *b, const void *p, size_t n);
/* Append a C string. 0 or -ENOMEM. */
int buf_add_str(struct buf *b, const char *s);
/* Forget the contents but keep the memory. */
void buf_reset(struct buf *b);
/* Release the memory; b is empty and reusable afterwards. */
void buf_free(struct buf *b);
/* Append the whole contents of the file at path (symlinks followed).
 * 0, or negative errno (-EISDIR for a directory); on error b's contents
 * are what they were, though it may own memory: buf_free it either way. */
int buf_read_file(struct buf *b, const char *path);

#endif
