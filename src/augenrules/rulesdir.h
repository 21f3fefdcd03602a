/*
 * rulesdir: which files of the rules directory are merged, and in what
 * order.
 *
 * A component file is any entry whose name ends in ".rules" and does not
 * start with '.' (hidden entries are not looked at, as `ls` hides them).
 * The entry type is not checked here: a directory or a dangling symlink
 * that is so named is listed, and reading it fails later, one file at a
 * time. Names are sorted with versort_cmp().
 */
#ifndef AUGENRULES_RULESDIR_H
#define AUGENRULES_RULESDIR_H

#include <stddef.h>

struct rulesdir {
	char **names;	/* owned, each owned; sorted */
	size_t count;
};

/* List dir's component files into *ret (freed with rulesdir_free).
 * 0 or negative errno from opening or reading the directory. */
int rulesdir_list(const char *dir, struct rulesdir *ret);
void rulesdir_free(struct rulesdir *rd);

#endif
