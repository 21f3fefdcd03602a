/*
 * test_auditd_core: the daemon's in-memory stages without a kernel: the
 * block queue (bounds, order, requests), the spill (memory, file, bound,
 * order, partial drains), the daemon's own records, the loss ledger's
 * files.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ledger.h"
#include "queue.h"
#include "records.h"
#include "spill.h"

static void queue_keeps_order_and_bounds(void **state)
{
	struct queue *q;
	struct queue_block *a, *b, *c;
	const struct queue_rec *r;
	unsigned req = 0;
	size_t off = 0;

	(void)state;
	assert_int_equal(queue_new(3, 0, &q), 0);
	a = queue_block_get(q);
	b = queue_block_get(q);
	c = queue_block_get(q);
	assert_true(queue_block_add(a, 1300, "one", 3));
	assert_true(queue_block_add(a, 1302, "two", 3));
	assert_true(queue_block_add(b, 1307, "three", 5));
	assert_true(queue_block_add(c, 1327, "four", 4));
	assert_true(queue_block_add(c, 1327, "five", 4));
	assert_int_equal(queue_push(q, a), 0);
	assert_int_equal(queue_push(q, b), 0);
	/* 3 records queued: 2 more would pass the bound of 3. */
	assert_int_equal(queue_push(q, c), -ENOBUFS);
	assert_ptr_equal(queue_pop(q, 10, &req), a);
	r = queue_block_next(a, &off);
	assert_int_equal(r->type, 1300);
	assert_memory_equal(r->data, "one", 3);
	r = queue_block_next(a, &off);
	assert_int_equal(r->type, 1302);
	assert_null(queue_block_next(a, &off));
	assert_int_equal(queue_push(q, c), 0);
	assert_ptr_equal(queue_pop(q, 10, &req), b);
	assert_ptr_equal(queue_pop(q, 10, &req), c);
	assert_null(queue_pop(q, 10, &req));
	assert_int_equal(req, 0);
	queue_block_put(q, a);
	queue_block_put(q, b);
	queue_block_put(q, c);
	queue_free(q);
}

static void queue_bytes_bound_and_requests(void **state)
{
	struct queue *q;
	struct queue_block *a, *b;
	struct queue_stats st;
	unsigned req = 0;

	(void)state;
	assert_int_equal(queue_new(0, QUEUE_BLOCK_SIZE, &q), 0);
	a = queue_block_get(q);
	b = queue_block_get(q);
	assert_true(queue_block_add(a, 1300, "x", 1));
	assert_true(queue_block_add(b, 1300, "y", 1));
	assert_int_equal(queue_push(q, a), 0);
	assert_int_equal(queue_push(q, b), -ENOBUFS);
	queue_stats(q, &st);
	assert_int_equal(st.records, 1);
	assert_int_equal(st.peak_bytes, QUEUE_BLOCK_SIZE);
	queue_request(q, QUEUE_REQ_ROTATE | QUEUE_REQ_STOP);
	assert_ptr_equal(queue_pop(q, 10, &req), a);
	assert_int_equal(req, QUEUE_REQ_ROTATE | QUEUE_REQ_STOP);
	assert_null(queue_pop(q, 10, &req));
	assert_int_equal(req, 0);
	queue_block_put(q, a);
	queue_block_put(q, b);
	queue_free(q);
}

static void queue_block_refuses_what_does_not_fit(void **state)
{
	struct queue *q;
	struct queue_block *a;
	static char big[9000];
	unsigned n = 0;

	(void)state;
	assert_int_equal(queue_new(0, 0, &q), 0);
	a = queue_block_get(q);
	while (queue_block_add(a, 1300, big, sizeof(big)))
		n++;
	assert_int_equal(n, QUEUE_BLOCK_SIZE / (sizeof(big) + 8 + 8));
	assert_int_equal(a->records, n);
	queue_block_put(q, a);
	queue_free(q);
}

/* A write callback that takes at most `limit` bytes in total, then fails. */
struct sink {
	char buf[1 << 20];
	size_t len, limit;
};

static ssize_t sink_write(void *ctx, const char *buf, size_t len)
{
	struct sink *s = ctx;

	if (s->len >= s->limit)
		return -ENOSPC;
	if (len > s->limit - s->len)
		len = s->limit - s->len;
	memcpy(s->buf + s->len, buf, len);
	s->len += len;
	return (ssize_t)len;
}

static void spill_memory_then_file_in_order(void **state)
{
	char dir[] = "/tmp/auditkit-spill.XXXXXX";
	struct spill *s;
	struct sink *k = calloc(1, sizeof(*k));
	char line[64], expect[8192] = "";
	uint64_t held, dropped;
	int i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_int_equal(spill_new(dir, 100, 1 << 20, &s), 0);
	for (i = 0; i < 100; i++) {
		snprintf(line, sizeof(line), "type=X msg=audit(1.0:%d): n=%d\n", i, i);
		strcat(expect, line);
		assert_int_equal(spill_add(s, line, strlen(line), 1), 0);
	}
	assert_int_equal(spill_records(s), 100);
	/* The first write fails half way: the rest stays, in order. */
	k->limit = 500;
	assert_int_equal(spill_drain(s, sink_write, k), -ENOSPC);
	assert_false(spill_empty(s));
	k->limit = sizeof(k->buf);
	assert_int_equal(spill_drain(s, sink_write, k), 0);
	assert_true(spill_empty(s));
	assert_int_equal(k->len, strlen(expect));
	assert_memory_equal(k->buf, expect, k->len);
	spill_take_counts(s, &held, &dropped);
	assert_int_equal(held, 100);
	assert_int_equal(dropped, 0);
	spill_free(s);
	rmdir(dir);
	free(k);
}

static void spill_bound_drops_and_counts(void **state)
{
	struct spill *s;
	uint64_t held, dropped;
	int i;

	(void)state;
	assert_int_equal(spill_new(NULL, 1000, 0, &s), 0);
	for (i = 0; i < 20; i++)
		spill_add(s, "0123456789012345678901234567890123456789012345678\n", 50, 1);
	spill_take_counts(s, &held, &dropped);
	assert_int_equal(held, 20);
	assert_int_equal(dropped, 0);
	assert_int_equal(spill_add(s, "x\n", 2, 3), -ENOSPC);
	spill_take_counts(s, &held, &dropped);
	assert_int_equal(held, 0);
	assert_int_equal(dropped, 3);
	assert_int_equal(spill_bytes(s), 1000);
	spill_free(s);
}

static void records_have_the_reference_fields(void **state)
{
	char buf[512];
	struct records_sender s = { .auid = 1000, .uid = 0, .ses = 3, .pid = 42 };
	size_t n;

	(void)state;
	n = records_end(buf, sizeof(buf), &s);
	assert_int_equal(n, strlen(buf));
	assert_non_null(strstr(buf, "): op=terminate auid=1000 uid=0 ses=3 pid=42 res=success"));
	assert_memory_equal(buf, "audit(", 6);
	records_rotate(buf, sizeof(buf), &s);
	assert_non_null(strstr(buf, "): op=rotate-logs auid=1000 uid=0 ses=3 pid=42 res=success"));
	records_resume(buf, sizeof(buf), &s, 7, 2);
	assert_non_null(strstr(buf, "): op=resume-logging auid=1000 uid=0 ses=3 pid=42 held=7 dropped=2 res=success"));
	records_config(buf, sizeof(buf), &s, 0);
	assert_non_null(strstr(buf, "): op=reconfigure state=no-change auid=1000 pid=42 subj=? res=failed"));
	records_start(buf, sizeof(buf), "enriched");
	assert_non_null(strstr(buf, "): op=start ver=" AUDITKIT_VERSION " format=enriched kernel="));
	/* Too small a buffer: truncated, still terminated. */
	n = records_end(buf, 20, &s);
	assert_int_equal(n, 19);
	assert_int_equal(strlen(buf), 19);
}

static void ledger_files(void **state)
{
	char path[] = "/tmp/auditkit-ledger.XXXXXX";
	struct ledger l;
	char text[8192];
	FILE *f;
	size_t n;
	int fd = mkstemp(path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	memset(&l, 0, sizeof(l));
	ledger_add(l.received, 5);
	ledger_add(l.kernel_lost, 2);
	assert_int_equal(ledger_write_file(&l, path, ledger_metrics), 0);
	f = fopen(path, "r");
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, "\nauditd_received_total 5\n"));
	assert_non_null(strstr(text, "\nauditd_kernel_lost_total 2\n"));
	assert_non_null(strstr(text, "# TYPE auditd_log_size gauge\n"));
	assert_int_equal(ledger_write_file(&l, path, ledger_report), 0);
	f = fopen(path, "r");
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	assert_non_null(strstr(text, "\nkernel_lost = 2\n"));
	assert_non_null(strstr(text, "\nlogging suspended = no\n"));
	unlink(path);
	assert_int_equal(ledger_write_file(&l, "/nonexistent/dir/x", ledger_report), -ENOENT);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(queue_keeps_order_and_bounds),
		cmocka_unit_test(queue_bytes_bound_and_requests),
		cmocka_unit_test(queue_block_refuses_what_does_not_fit),
		cmocka_unit_test(spill_memory_then_file_in_order),
		cmocka_unit_test(spill_bound_drops_and_counts),
		cmocka_unit_test(records_have_the_reference_fields),
		cmocka_unit_test(ledger_files),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
