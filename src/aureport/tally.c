/*
 * tally: counted distinct values (see tally.h). Entries live in one
 * array; an open-addressing table of indexes finds a key.
 */
#include "tally.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void tally_init(struct tally *t, bool numeric)
{
	memset(t, 0, sizeof(*t));
	t->numeric = numeric;
}

void tally_free(struct tally *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].key);
	free(t->v);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

static uint64_t tally_hash(const char *k, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * 1099511628211ull;
	return h;
}

static int tally_rehash(struct tally *t)
{
	size_t ns = t->nslots ? t->nslots * 2 : 64;
	size_t *s = calloc(ns, sizeof(*s));
	if (!s)
		return -ENOMEM;
	for (size_t i = 0; i < t->n; i++) {
		size_t h = tally_hash(t->v[i].key, t->v[i].len) & (ns - 1);
		while (s[h])
			h = (h + 1) & (ns - 1);
		s[h] = i + 1;
	}
	free(t->slots);
	t->slots = s;
	t->nslots = ns;
	return 0;
}

static int tally_insert(struct tally *t, const char *key, size_t len,
			int64_t num, size_t slot)
{
	if (t->n == t->cap) {
		size_t nc = t->cap ? t->cap * 2 : 32;
		struct tally_entry *v = realloc(t->v, nc * sizeof(*v));
		if (!v)
			return -ENOMEM;
		t->v = v;
		t->cap = nc;
	}
	char *k = malloc(len + 1);
	if (!k)
		return -ENOMEM;
	memcpy(k, key, len);
	k[len] = 0;
	t->v[t->n] = (struct tally_entry){ k, len, num, 1, t->n };
	t->slots[slot] = ++t->n;
	if (t->n * 2 > t->nslots)
		return tally_rehash(t);
	return 0;
}

static int tally_add_full(struct tally *t, const char *key, size_t len,
			  int64_t num)
{
	if (!t->slots && tally_rehash(t) < 0)
		return -ENOMEM;
	size_t h = tally_hash(key, len) & (t->nslots - 1);
	while (t->slots[h]) {
		struct tally_entry *e = &t->v[t->slots[h] - 1];
		if (e->len == len && memcmp(e->key, key, len) == 0) {
			e->count++;
			return 0;
		}
		h = (h + 1) & (t->nslots - 1);
	}
	return tally_insert(t, key, len, num, h);
}

int tally_add(struct tally *t, const char *key, size_t len)
{
	return tally_add_full(t, key, len, 0);
}

int tally_add_num(struct tally *t, int64_t num)
{
	char b[32];
	int n = snprintf(b, sizeof(b), "%" PRId64, num);
	return tally_add_full(t, b, (size_t)n, num);
}

static int tally_cmp_num(const void *a, const void *b)
{
	const struct tally_entry *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->num < y->num ? -1 : x->num > y->num;
}

static int tally_cmp_text(const void *a, const void *b)
{
	const struct tally_entry *x = a, *y = b;
	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

void tally_sort(struct tally *t)
{
	if (t->n)
		qsort(t->v, t->n, sizeof(*t->v),
		      t->numeric ? tally_cmp_num : tally_cmp_text);
	/* the slots no longer match: a sorted tally is only read */
	free(t->slots);
	t->slots = NULL;
	t->nslots = 0;
}
