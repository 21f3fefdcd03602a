/*
 * rulesdir: list the component rules files of a directory in merge order.
 * The names are collected with readdir() into a growing array and sorted
 * once; nothing is opened but the directory itself.
 */
#include "rulesdir.h"
#include "versort.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* A component file name: ends in ".rules", not hidden. */
static int rulesdir_wanted(const char *name)
{
	static const char suffix[] = ".rules";
	size_t n = strlen(name), s = sizeof(suffix) - 1;

	return name[0] != '.' && n > s && strcmp(name + n - s, suffix) == 0;
}

static int rulesdir_push(struct rulesdir *rd, size_t *cap, const char *name)
{
	char *copy;

	if (rd->count == *cap) {
		size_t ncap = *cap ? *cap * 2 : 16;
		char **p = realloc(rd->names, ncap * sizeof(*p));

		if (!p)
			return -ENOMEM;
		rd->names = p;
		*cap = ncap;
	}
	copy = strdup(name);
	if (!copy)
		return -ENOMEM;
	rd->names[rd->count++] = copy;
	return 0;
}

static int rulesdir_cmp(const void *a, const void *b)
{
	return versort_cmp(*(char *const *)a, *(char *const *)b);
}

int rulesdir_list(const char *dir, struct rulesdir *ret)
{
	struct rulesdir rd = { NULL, 0 };
	size_t cap = 0;
	struct dirent *de;
	DIR *d;
	int r = 0;

	d = opendir(dir);
	if (!d)
		return -errno;
	for (;;) {
		errno = 0;
		de = readdir(d);
		if (!de) {
			r = -errno;
			break;
		}
		if (rulesdir_wanted(de->d_name)) {
			r = rulesdir_push(&rd, &cap, de->d_name);
			if (r < 0)
				break;
		}
	}
	closedir(d);
	if (r < 0) {
		rulesdir_free(&rd);
		return r;
	}
	if (rd.count > 1)
		qsort(rd.names, rd.count, sizeof(*rd.names), rulesdir_cmp);
	*ret = rd;
	return 0;
}

void rulesdir_free(struct rulesdir *rd)
{
	size_t i;

	for (i = 0; i < rd->count; i++)
		free(rd->names[i]);
	free(rd->names);
	rd->names = NULL;
	rd->count = 0;
}
