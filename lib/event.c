/*
 * event: records grouped into events the way the reference's ausearch
 * (3.0.9) groups them, and handed out in its order.
 *
 * Rules, found by running "ausearch -if" and "ausearch --raw -if" on
 * crafted logs (tests/data/event/ keeps them with the reference's output):
 *
 *  1. An event's key is (node, sec, msec, serial). The same serial with
 *     another time, or on another node (or with and without node=), is
 *     another event. msec compares as a number (.12 is 12, not 120).
 *  2. A record joins the pending, still-open event with its key, whatever
 *     its type. Records of an event keep the order they were read in
 *     (--raw prints them so; the default output lists them backwards).
 *  3. A record that opens a new event closes it at once when its type is
 *     below 1300 (user, daemon and login messages), 2100 or above, 1327
 *     (PROCTITLE) or 2000 (KERNEL). A later record with that key opens a
 *     new event.
 *  4. EOE does not close an event: records read after the EOE of their
 *     event still join it. An EOE that matches no open event is dropped.
 *  5. When a record opens a new event (it joins none, and is not a
 *     dropped EOE), every open event whose seconds S satisfy
 *     C - S >= eoe_timeout, C the new record's seconds (msec ignored), is
 *     closed first. Records that join an open event close nothing, and
 *     the clock is the opening record's, not the newest seen: a record
 *     older than the rest closes nothing.
 *  6. Events wait in a queue sorted by (sec, msec, serial), ties in the
 *     order they were opened. Only the head is handed out, and only once
 *     closed: a closed event waits behind an open older one.
 *  7. There is no bound on open events (20000 open events, all of the same
 *     second, stay open), and the input files of a log set are one stream:
 *     an event may span two files. At the end of input every event closes
 *     and the queue drains in order.
 *
 * Implementation: events are pooled objects holding a growing array of
 * borrowed struct records. A hash on the key finds open events; two
 * priority queues share the queue order, one over every queued event
 * (what to hand out next) and one over open events only (what the clock
 * closes). Each queue is a sorted ring for events that arrive in order
 * (O(1)) plus a binary heap for the rest, with the sort key stored in the
 * entries. Each record costs O(1) expected plus O(log n) heap work for
 * new events that arrive out of order. event_asm_detach copies, per event, the bytes of the
 * records not yet copied into one block the event owns.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"

#define EVENT_TYPE_EOE 1320
#define EVENT_TYPE_PROCTITLE 1327
#define EVENT_TYPE_KERNEL 2000

struct event_block {
	struct event_block *next;
	char data[];
};

struct event_slot {
	struct event ev;		/* handed out; records point at recs */
	struct record *recs;
	size_t count, cap;
	size_t owned;			/* recs[0..owned) live in blocks */
	struct event_block *blocks;
	uint64_t seq, hash;
	bool open;
	struct event_slot *hnext;	/* hash chain; free list */
};

struct event_qent;

struct event_heap {
	struct event_qent *v;
	size_t n, cap;
};

/* A ring of entries in sorted order: head is the least. cap is 0 or a
 * power of two. */
struct event_ring {
	struct event_qent *v;
	size_t head, n, cap;
};

/* A priority queue by (sec, msec, serial, seq): a sorted ring plus a heap
 * for what arrives out of order. */
struct event_pq {
	struct event_ring ring;
	struct event_heap heap;
};

struct event_asm {
	unsigned timeout;
	uint64_t seq;
	bool maybe_ready;	/* an event closed since the head was open:
				 * event_asm_next skips its look otherwise */
	struct event_pq queue, open;
	struct event_slot **buckets;
	size_t nbuckets, nopen;
	struct event_slot *free, *out;
};

/* ---- keys and order ---- */

static uint64_t event_key_hash(const struct record *r)
{
	uint64_t h = r->serial * 0x9e3779b97f4a7c15ull;
	size_t i;

	h ^= r->sec * 0xc2b2ae3d27d4eb4full + r->msec;
	for (i = 0; i < r->node_len; i++)
		h = (h ^ (unsigned char)r->node[i]) * 0x100000001b3ull;
	return h ^ (h >> 29) ^ (r->node ? 0x5bd1e995 : 0);
}

static bool event_key_equal(const struct record *a, const struct record *b)
{
	if (a->serial != b->serial || a->sec != b->sec || a->msec != b->msec)
		return false;
	if (!a->node || !b->node)
		return !a->node && !b->node;
	return a->node_len == b->node_len &&
	       memcmp(a->node, b->node, a->node_len) == 0;
}

/* ---- queues ---- */

/* A queued event with its sort key inline: comparisons touch only the
 * queue's own array, not the slots (10,000 open events on a busy log make
 * pointer chasing the cost of a heap). */
struct event_qent {
	uint64_t sec, serial, seq;
	unsigned msec;
	struct event_slot *s;
};

static bool event_before(const struct event_qent *a, const struct event_qent *b)
{
	if (a->sec != b->sec)
		return a->sec < b->sec;
	if (a->msec != b->msec)
		return a->msec < b->msec;
	if (a->serial != b->serial)
		return a->serial < b->serial;
	return a->seq < b->seq;
}

/* Room for one more entry in *v (n used of *cap), so that the push after
 * it cannot fail. */
static int event_array_reserve(struct event_qent **v, size_t n, size_t *cap)
{
	size_t c = *cap ? *cap * 2 : 64;
	struct event_qent *nv;

	if (n < *cap)
		return 0;
	nv = realloc(*v, c * sizeof(*nv));
	if (!nv)
		return -ENOMEM;
	*v = nv;
	*cap = c;
	return 0;
}

static void event_heap_push(struct event_heap *h, const struct event_qent *e)
{
	size_t i;

	for (i = h->n++; i > 0 && event_before(e, &h->v[(i - 1) / 2]); i = (i - 1) / 2)
		h->v[i] = h->v[(i - 1) / 2];
	h->v[i] = *e;
}

static void event_heap_pop(struct event_heap *h)
{
	struct event_qent last = h->v[--h->n];
	size_t i = 0, c;

	while ((c = 2 * i + 1) < h->n) {
		if (c + 1 < h->n && event_before(&h->v[c + 1], &h->v[c]))
			c++;
		if (!event_before(&h->v[c], &last))
			break;
		h->v[i] = h->v[c];
		i = c;
	}
	if (h->n)
		h->v[i] = last;
}

/* The ring grows by unrolling its entries to the start of a new array. */
static int event_ring_reserve(struct event_ring *r)
{
	size_t cap = r->cap ? r->cap * 2 : 64, i;
	struct event_qent *v;

	if (r->n < r->cap)
		return 0;
	v = malloc(cap * sizeof(*v));
	if (!v)
		return -ENOMEM;
	for (i = 0; i < r->n; i++)
		v[i] = r->v[(r->head + i) & (r->cap - 1)];
	free(r->v);
	r->v = v;
	r->cap = cap;
	r->head = 0;
	return 0;
}

static struct event_qent *event_ring_at(const struct event_ring *r, size_t i)
{
	return &r->v[(r->head + i) & (r->cap - 1)];
}

static int event_pq_reserve(struct event_pq *q)
{
	if (event_ring_reserve(&q->ring) < 0)
		return -ENOMEM;
	return event_array_reserve(&q->heap.v, q->heap.n, &q->heap.cap);
}

/* Events mostly arrive in order: those go to the sorted ring, O(1); an
 * event older than the ring's tail goes to the heap. */
static void event_pq_push(struct event_pq *q, const struct event_qent *e)
{
	struct event_ring *r = &q->ring;

	if (r->n && event_before(e, event_ring_at(r, r->n - 1))) {
		event_heap_push(&q->heap, e);
		return;
	}
	*event_ring_at(r, r->n) = *e;
	r->n++;
}

/* The least entry, or NULL when empty. */
static const struct event_qent *event_pq_top(const struct event_pq *q)
{
	const struct event_qent *a = q->ring.n ? event_ring_at(&q->ring, 0) : NULL;
	const struct event_qent *b = q->heap.n ? &q->heap.v[0] : NULL;

	if (!a || !b)
		return a ? a : b;
	return event_before(b, a) ? b : a;
}

/* Remove the least entry (the queue is not empty); returns its slot. */
static struct event_slot *event_pq_pop(struct event_pq *q)
{
	const struct event_qent *t = event_pq_top(q);
	struct event_slot *s = t->s;

	if (q->heap.n && t == &q->heap.v[0]) {
		event_heap_pop(&q->heap);
		return s;
	}
	q->ring.head = (q->ring.head + 1) & (q->ring.cap - 1);
	q->ring.n--;
	return s;
}

static size_t event_pq_count(const struct event_pq *q)
{
	return q->ring.n + q->heap.n;
}

/* The i-th entry in no particular order, i < event_pq_count. */
static struct event_slot *event_pq_at(const struct event_pq *q, size_t i)
{
	if (i < q->ring.n)
		return event_ring_at(&q->ring, i)->s;
	return q->heap.v[i - q->ring.n].s;
}

static void event_pq_clear(struct event_pq *q)
{
	q->ring.n = q->ring.head = 0;
	q->heap.n = 0;
}

static void event_pq_free(struct event_pq *q)
{
	free(q->ring.v);
	free(q->heap.v);
}

/* ---- hash of open events ---- */

static int event_hash_grow(struct event_asm *a)
{
	size_t n = a->nbuckets ? a->nbuckets * 2 : 256, i;
	struct event_slot **b = calloc(n, sizeof(*b));

	if (!b)
		return -ENOMEM;
	for (i = 0; i < a->nbuckets; i++) {
		struct event_slot *s = a->buckets[i], *next;

		for (; s; s = next) {
			next = s->hnext;
			s->hnext = b[s->hash & (n - 1)];
			b[s->hash & (n - 1)] = s;
		}
	}
	free(a->buckets);
	a->buckets = b;
	a->nbuckets = n;
	return 0;
}

static struct event_slot **event_hash_where(struct event_asm *a,
					    const struct record *r,
					    uint64_t hash)
{
	struct event_slot **pp;

	if (!a->nbuckets)
		return NULL;
	for (pp = &a->buckets[hash & (a->nbuckets - 1)]; *pp; pp = &(*pp)->hnext) {
		if ((*pp)->hash == hash && event_key_equal(&(*pp)->recs[0], r))
			return pp;
	}
	return pp;
}

static void event_hash_remove(struct event_asm *a, struct event_slot *s)
{
	struct event_slot **pp = event_hash_where(a, &s->recs[0], s->hash);

	if (pp && *pp == s)
		*pp = s->hnext;
	s->hnext = NULL;
	a->nopen--;
}

/* ---- slots ---- */

static void event_slot_reset(struct event_slot *s)
{
	struct event_block *b, *next;

	for (b = s->blocks; b; b = next) {
		next = b->next;
		free(b);
	}
	s->blocks = NULL;
	s->count = 0;
	s->owned = 0;
	s->open = false;
}

static void event_recycle_out(struct event_asm *a)
{
	if (!a->out)
		return;
	event_slot_reset(a->out);
	a->out->hnext = a->free;
	a->free = a->out;
	a->out = NULL;
}

static int event_slot_append(struct event_slot *s, const struct record *r)
{
	if (s->count == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 8;
		struct record *v = realloc(s->recs, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		s->recs = v;
		s->cap = cap;
	}
	s->recs[s->count++] = *r;
	return 0;
}

static struct event_slot *event_slot_get(struct event_asm *a)
{
	struct event_slot *s = a->free;

	if (s) {
		a->free = s->hnext;
		s->hnext = NULL;
		return s;
	}
	return calloc(1, sizeof(*s));
}

static void event_slot_put(struct event_asm *a, struct event_slot *s)
{
	event_slot_reset(s);
	s->hnext = a->free;
	a->free = s;
}

/* ---- the rules ---- */

/* Rule 3: the types that are an event of their own when they open one. */
static bool event_type_alone(int type)
{
	return type < 1300 || type >= 2100 || type == EVENT_TYPE_PROCTITLE ||
	       type == EVENT_TYPE_KERNEL;
}

/* Rule 5: close open events at least timeout seconds older than now. */
static void event_close_older(struct event_asm *a, uint64_t now)
{
	while (event_pq_count(&a->open)) {
		const struct event_qent *t = event_pq_top(&a->open);
		struct event_slot *s;

		if (now < t->sec || now - t->sec < a->timeout)
			break;
		s = event_pq_pop(&a->open);
		event_hash_remove(a, s);
		a->maybe_ready = true;
		s->open = false;
	}
}

/* A new event holding r: queued; open (hashed) unless rule 3 closes it.
 * Every allocation comes first, so a failure leaves nothing half done. */
static int event_open_new(struct event_asm *a, const struct record *r,
			  uint64_t hash)
{
	struct event_slot *s;
	struct event_qent e;

	if (event_pq_reserve(&a->queue) < 0 || event_pq_reserve(&a->open) < 0)
		return -ENOMEM;
	if (a->nopen >= a->nbuckets && event_hash_grow(a) < 0)
		return -ENOMEM;
	s = event_slot_get(a);
	if (!s)
		return -ENOMEM;
	if (event_slot_append(s, r) < 0) {
		event_slot_put(a, s);
		return -ENOMEM;
	}
	s->seq = a->seq++;
	s->hash = hash;
	s->open = !event_type_alone(r->type);
	a->maybe_ready |= !s->open;
	e = (struct event_qent){ r->sec, r->serial, s->seq, r->msec, s };
	event_pq_push(&a->queue, &e);
	if (s->open) {
		event_pq_push(&a->open, &e);
		*event_hash_where(a, r, hash) = s;
		a->nopen++;
	}
	return 0;
}

int event_asm_add(struct event_asm *a, const struct record *r)
{
	uint64_t hash = event_key_hash(r);
	struct event_slot **pp;

	event_recycle_out(a);
	pp = event_hash_where(a, r, hash);
	if (pp && *pp)
		return event_slot_append(*pp, r);
	if (r->type == EVENT_TYPE_EOE)
		return 0;	/* rule 4 */
	event_close_older(a, r->sec);	/* rule 5 */
	return event_open_new(a, r, hash);
}

const struct event *event_asm_next(struct event_asm *a)
{
	const struct event_qent *t;
	struct event_slot *s;
	const struct record *first;

	event_recycle_out(a);
	if (!a->maybe_ready)
		return NULL;
	t = event_pq_top(&a->queue);
	if (!t || t->s->open) {
		a->maybe_ready = false;
		return NULL;
	}
	s = event_pq_pop(&a->queue);
	first = &s->recs[0];
	s->ev.node = first->node;
	s->ev.node_len = first->node_len;
	s->ev.sec = first->sec;
	s->ev.msec = first->msec;
	s->ev.serial = first->serial;
	s->ev.records = s->recs;
	s->ev.count = s->count;
	a->out = s;
	return &s->ev;
}

void event_asm_finish(struct event_asm *a)
{
	size_t i;

	event_recycle_out(a);
	for (i = 0; i < event_pq_count(&a->open); i++)
		event_pq_at(&a->open, i)->open = false;
	event_pq_clear(&a->open);
	a->maybe_ready = true;
	if (a->nbuckets)
		memset(a->buckets, 0, a->nbuckets * sizeof(*a->buckets));
	a->nopen = 0;
}

/* ---- detach ---- */

/* The bytes record r borrows: [*start, *start + *len). */
static void event_record_span(const struct record *r, const char **start,
			      size_t *len)
{
	const char *end;

	if (r->line) {
		*start = r->line;
		*len = r->line_len;
		return;
	}
	*start = r->body;
	end = r->enriched ? r->enriched + r->enriched_len : r->body + r->body_len;
	*len = (size_t)(end - r->body);
}

#define EVENT_REBASE(p, from, to) ((p) ? (to) + ((p) - (from)) : NULL)

static void event_record_move(struct record *r, const char *from, char *to)
{
	r->line = EVENT_REBASE(r->line, from, to);
	r->node = EVENT_REBASE(r->node, from, to);
	r->type_name = EVENT_REBASE(r->type_name, from, to);
	r->body = EVENT_REBASE(r->body, from, to);
	r->enriched = EVENT_REBASE(r->enriched, from, to);
}

static int event_slot_detach(struct event_slot *s)
{
	struct event_block *b;
	size_t total = 0, i, len;
	const char *start;
	char *p;

	for (i = s->owned; i < s->count; i++) {
		event_record_span(&s->recs[i], &start, &len);
		total += len;
	}
	if (s->owned == s->count)
		return 0;
	b = malloc(sizeof(*b) + total + 1);
	if (!b)
		return -ENOMEM;
	b->next = s->blocks;
	s->blocks = b;
	for (p = b->data, i = s->owned; i < s->count; i++) {
		event_record_span(&s->recs[i], &start, &len);
		if (len)
			memcpy(p, start, len);
		event_record_move(&s->recs[i], start, p);
		p += len;
	}
	s->owned = s->count;
	return 0;
}

int event_asm_detach(struct event_asm *a)
{
	size_t i;

	event_recycle_out(a);
	for (i = 0; i < event_pq_count(&a->queue); i++) {
		if (event_slot_detach(event_pq_at(&a->queue, i)) < 0)
			return -ENOMEM;
	}
	return 0;
}

/* ---- life ---- */

int event_asm_new(unsigned eoe_timeout, struct event_asm **ret)
{
	struct event_asm *a;

	if (eoe_timeout == 0)
		return -EINVAL;	/* the reference refuses 0 too */
	a = calloc(1, sizeof(*a));
	if (!a)
		return -ENOMEM;
	a->timeout = eoe_timeout;
	*ret = a;
	return 0;
}

size_t event_asm_pending(const struct event_asm *a)
{
	return event_pq_count(&a->queue);
}

static void event_slot_free(struct event_slot *s)
{
	event_slot_reset(s);
	free(s->recs);
	free(s);
}

void event_asm_free(struct event_asm *a)
{
	struct event_slot *s, *next;
	size_t i;

	if (!a)
		return;
	for (i = 0; i < event_pq_count(&a->queue); i++)
		event_slot_free(event_pq_at(&a->queue, i));
	if (a->out)
		event_slot_free(a->out);
	for (s = a->free; s; s = next) {
		next = s->hnext;
		event_slot_free(s);
	}
	event_pq_free(&a->queue);
	event_pq_free(&a->open);
	free(a->buckets);
	free(a);
}
