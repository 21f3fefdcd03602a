/*
 * queue: records from the reader thread to the writer thread.
 *
 * The reader copies each record the kernel sent into a block: packed
 * (type, length, payload) entries. A block goes into the queue when the
 * reader's receive batch ends or the block is full, so the two threads
 * meet on the mutex once per batch, not once per record. The writer takes
 * whole blocks and gives them back for reuse.
 *
 * The queue is bounded in records and in bytes. queue_push never waits:
 * over the bound it fails, and the reader applies overflow_action. Because
 * the writer keeps taking blocks even while logging is suspended (it
 * spills them), the bound is reached only if the writer itself is stuck.
 *
 * Requests for the writer (rotate, resume, reconfigure, stop) are bits set
 * under the same mutex, so the writer wakes for a block or a request.
 */
#ifndef AUDITD_QUEUE_H
#define AUDITD_QUEUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A block's capacity: always holds at least one largest record. */
#define QUEUE_BLOCK_SIZE (256 * 1024)

struct queue_rec {
	uint16_t type;
	uint16_t reserved;
	uint32_t len;		/* payload bytes */
	char data[];
};

struct queue_block {
	struct queue_block *next;
	size_t used;		/* bytes of buf in use */
	size_t records;
	char buf[QUEUE_BLOCK_SIZE];
};

/* Requests for the writer, or-ed together. */
enum {
	QUEUE_REQ_ROTATE = 1,
	QUEUE_REQ_RESUME = 2,
	QUEUE_REQ_RECONFIGURE = 4,
	QUEUE_REQ_STOP = 8,
	QUEUE_REQ_TICK = 16,	/* once a second: time-based work */
};

struct queue_stats {
	uint64_t records, bytes;	/* queued now; bytes as allocated */
	uint64_t peak_records, peak_bytes;
	uint64_t pushed_records;	/* ever */
};

struct queue;

/* 0 and *ret, or -ENOMEM. Bounds of 0 mean "no bound". */
int queue_new(uint64_t max_records, uint64_t max_bytes, struct queue **ret);
/* Frees queued and spare blocks. No thread may use q any more. */
void queue_free(struct queue *q);
void queue_set_bounds(struct queue *q, uint64_t max_records, uint64_t max_bytes);

/* An empty block, owned by the caller until pushed or put back; NULL when
 * out of memory. */
struct queue_block *queue_block_get(struct queue *q);
/* Give a block back for reuse (the writer, after writing it). */
void queue_block_put(struct queue *q, struct queue_block *b);
/* Append one record; false when it does not fit (push and take another). */
bool queue_block_add(struct queue_block *b, uint16_t type, const void *data,
		     size_t len);
/* Iterate: first record at offset 0; returns NULL at the end. */
const struct queue_rec *queue_block_next(const struct queue_block *b,
					 size_t *offset);

/* Hand b to the writer: 0, or -ENOBUFS over a bound (b stays the
 * caller's). Never waits. */
int queue_push(struct queue *q, struct queue_block *b);
/* Take the oldest block (or NULL) and the pending requests (cleared),
 * waiting up to timeout_ms for either. The block is the caller's. */
struct queue_block *queue_pop(struct queue *q, int timeout_ms,
			      unsigned *ret_requests);
/* True when no block is queued (the writer flushes its batch then). */
bool queue_empty(struct queue *q);
void queue_request(struct queue *q, unsigned requests);
void queue_stats(struct queue *q, struct queue_stats *ret);

#endif
