/*
 * tally: distinct values and how often each was seen, for the --summary
 * reports and the counts of the main summary. The order of a report is
 * the reference's: most frequent first; among equals, numbers ascending
 * (number tallies) or first seen first (text tallies).
 *
 * Keys are copied; a hash table finds them, so counting stays O(1) per
 * event whatever the number of distinct values.
 */
#ifndef AUREPORT_TALLY_H
#define AUREPORT_TALLY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tally_entry {
	char *key;		/* owned, NUL terminated */
	size_t len;
	int64_t num;		/* number tallies: the key's value */
	uint64_t count;
	size_t order;		/* first-seen rank */
};

struct tally {
	bool numeric;
	struct tally_entry *v;
	size_t n, cap;
	size_t *slots;		/* hash: index + 1, 0 = empty */
	size_t nslots;
};

void tally_init(struct tally *t, bool numeric);
void tally_free(struct tally *t);
/* Count one more of key (len bytes, copied). 0 or -ENOMEM. */
int tally_add(struct tally *t, const char *key, size_t len);
int tally_add_num(struct tally *t, int64_t num);
/* Sort the entries into report order (t->v, t->n). */
void tally_sort(struct tally *t);

#endif
