/*
 * queue: see queue.h for the design. One mutex and one condition variable;
 * the writer is the only waiter. Spare blocks are kept on a short free
 * list so a steady stream allocates nothing.
 */
#include "queue.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QUEUE_SPARE_MAX 64
#define QUEUE_ALIGN 8

struct queue {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct queue_block *head, *tail;
	struct queue_block *spare;
	unsigned nspare;
	unsigned requests;
	uint64_t max_records, max_bytes;
	struct queue_stats st;
};

int queue_new(uint64_t max_records, uint64_t max_bytes, struct queue **ret)
{
	struct queue *q = calloc(1, sizeof(*q));
	pthread_condattr_t attr;

	if (!q)
		return -ENOMEM;

	pthread_mutex_init(&q->lock, NULL);
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&q->wake, &attr);
	pthread_condattr_destroy(&attr);
	q->max_records = max_records;
	q->max_bytes = max_bytes;
	*ret = q;
	return 0;
}

static void queue_free_list(struct queue_block *b)
{
	while (b) {
		struct queue_block *next = b->next;

		free(b);
		b = next;
	}
}

void queue_free(struct queue *q)
{
	if (!q)
		return;
	queue_free_list(q->head);
	queue_free_list(q->spare);
	pthread_cond_destroy(&q->wake);
	pthread_mutex_destroy(&q->lock);
	free(q);
}

void queue_set_bounds(struct queue *q, uint64_t max_records, uint64_t max_bytes)
{
	pthread_mutex_lock(&q->lock);
	q->max_records = max_records;
	q->max_bytes = max_bytes;
	pthread_mutex_unlock(&q->lock);
}

struct queue_block *queue_block_get(struct queue *q)
{
	struct queue_block *b = NULL;

	pthread_mutex_lock(&q->lock);
	if (q->spare) {
		b = q->spare;
		q->spare = b->next;
		q->nspare--;
	}
	pthread_mutex_unlock(&q->lock);
	if (!b)
		b = malloc(sizeof(*b));
	if (b) {
		b->next = NULL;
		b->used = 0;
		b->records = 0;
	}
	return b;
}

void queue_block_put(struct queue *q, struct queue_block *b)
{
	if (!b)
		return;
	pthread_mutex_lock(&q->lock);
	if (q->nspare < QUEUE_SPARE_MAX) {
		b->next = q->spare;
		q->spare = b;
		q->nspare++;
		b = NULL;
	}
	pthread_mutex_unlock(&q->lock);
	free(b);
}

static size_t queue_rec_size(size_t len)
{
	size_t n = sizeof(struct queue_rec) + len;

	return (n + QUEUE_ALIGN - 1) & ~(size_t)(QUEUE_ALIGN - 1);
}

bool queue_block_add(struct queue_block *b, uint16_t type, const void *data,
		     size_t len)
{
	size_t need = queue_rec_size(len);
	struct queue_rec *r;

	if (len > UINT32_MAX || need > QUEUE_BLOCK_SIZE - b->used)
		return false;
	r = (struct queue_rec *)(b->buf + b->used);
	r->type = type;
	r->reserved = 0;
	r->len = (uint32_t)len;
	memcpy(r->data, data, len);
	b->used += need;
	b->records++;
	return true;
}

const struct queue_rec *queue_block_next(const struct queue_block *b,
					 size_t *offset)
{
	const struct queue_rec *r;

	if (*offset >= b->used)
		return NULL;
	r = (const struct queue_rec *)(b->buf + *offset);
	*offset += queue_rec_size(r->len);
	return r;
}

int queue_push(struct queue *q, struct queue_block *b)
{
	int ret = 0;

	pthread_mutex_lock(&q->lock);
	if ((q->max_records && q->st.records + b->records > q->max_records) ||
	    (q->max_bytes && q->st.bytes + QUEUE_BLOCK_SIZE > q->max_bytes)) {
		ret = -ENOBUFS;
	} else {
		b->next = NULL;
		if (q->tail)
			q->tail->next = b;
		else
			q->head = b;
		q->tail = b;
		q->st.records += b->records;
		q->st.bytes += QUEUE_BLOCK_SIZE;
		q->st.pushed_records += b->records;
		if (q->st.records > q->st.peak_records)
			q->st.peak_records = q->st.records;
		if (q->st.bytes > q->st.peak_bytes)
			q->st.peak_bytes = q->st.bytes;
		pthread_cond_signal(&q->wake);
	}
	pthread_mutex_unlock(&q->lock);
	return ret;
}

static void queue_deadline(struct timespec *ts, int timeout_ms)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += timeout_ms / 1000;
	ts->tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

struct queue_block *queue_pop(struct queue *q, int timeout_ms,
			      unsigned *ret_requests)
{
	struct queue_block *b;
	struct timespec until;

	queue_deadline(&until, timeout_ms);
	pthread_mutex_lock(&q->lock);
	while (!q->head && !q->requests) {
		if (pthread_cond_timedwait(&q->wake, &q->lock, &until) == ETIMEDOUT)
			break;
	}
	b = q->head;
	if (b) {
		q->head = b->next;
		if (!q->head)
			q->tail = NULL;
		q->st.records -= b->records;
		q->st.bytes -= QUEUE_BLOCK_SIZE;
		b->next = NULL;
	}
	*ret_requests = q->requests;
	q->requests = 0;
	pthread_mutex_unlock(&q->lock);
	return b;
}

bool queue_empty(struct queue *q)
{
	bool empty;

	pthread_mutex_lock(&q->lock);
	empty = q->head == NULL;
	pthread_mutex_unlock(&q->lock);
	return empty;
}

void queue_request(struct queue *q, unsigned requests)
{
	pthread_mutex_lock(&q->lock);
	q->requests |= requests;
	pthread_cond_signal(&q->wake);
	pthread_mutex_unlock(&q->lock);
}

void queue_stats(struct queue *q, struct queue_stats *ret)
{
	pthread_mutex_lock(&q->lock);
	*ret = q->st;
	pthread_mutex_unlock(&q->lock);
}
