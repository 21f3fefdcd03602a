/*
 * mem: abort-on-failure allocation helpers (see mem.h).
 */
#include "mem.h"

#include <stdlib.h>
#include <string.h>

void *mem_grow(void *v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return v;
	*cap = *cap ? *cap * 2 : 8;
	v = realloc(v, *cap * size);
	if (!v)
		abort();
	return v;
}

char *mem_strdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		abort();
	return d;
}

void mem_push_path(const char ***v, size_t *n, const char *p)
{
	const char **grown = realloc(*v, (*n + 1) * sizeof(*grown));

	if (!grown)
		abort();
	grown[(*n)++] = p;
	*v = grown;
}
