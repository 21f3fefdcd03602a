/*
 * mem: allocation for audoctor's lists and strings. Out of memory
 * aborts: a diagnostic tool has nothing useful to report without memory,
 * and every caller would otherwise repeat the same check.
 */
#ifndef AUDOCTOR_MEM_H
#define AUDOCTOR_MEM_H

#include <stddef.h>

/* v with room for element n (of size bytes): doubles *cap when full. */
void *mem_grow(void *v, size_t *cap, size_t n, size_t size);
char *mem_strdup(const char *s);
/* Append p (borrowed, not copied) to the path list *v of *n entries. */
void mem_push_path(const char ***v, size_t *n, const char *p);

#endif
