/*
 * test_event: grouping records into events and the order events come out,
 * checked against the reference's own output.
 *
 * tests/data/event/ holds small crafted logs (interleaved events, EOE in
 * odd places, types that are events of their own, time-outs, ordering by
 * time and serial, nodes, a random realistic mix, a log set of two files)
 * and what the reference's ausearch printed for them (make-ref.sh there
 * regenerates it): NAME.out (TZ=UTC ausearch -if: one "----" per event,
 * records listed last first) and NAME.raw (ausearch --raw: records in
 * event order, each event's in the order read). This test formats our
 * events the same two ways and compares bytes. Lines are read one at a
 * time into one reused buffer, detached after every line and the buffer
 * scribbled over, so any byte still borrowed after event_asm_detach shows
 * up as a difference (or an ASan report).
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "event.h"

struct out {
	char *def, *raw;	/* default and --raw output */
	size_t def_len, raw_len;
	FILE *fdef, *fraw;
};

static void out_event(struct out *o, const struct event *e)
{
	char when[64];
	time_t t = (time_t)e->sec;
	struct tm tm;
	size_t i;

	gmtime_r(&t, &tm);
	strftime(when, sizeof(when), "%a %b %e %T %Y", &tm);
	fprintf(o->fdef, "----\ntime->%s\n", when);
	for (i = e->count; i-- > 0;)
		fprintf(o->fdef, "%.*s\n", (int)e->records[i].line_len, e->records[i].line);
	for (i = 0; i < e->count; i++)
		fprintf(o->fraw, "%.*s\n", (int)e->records[i].line_len, e->records[i].line);
}

static void out_drain(struct out *o, struct event_asm *a)
{
	const struct event *e;

	while ((e = event_asm_next(a)))
		out_event(o, e);
}

/* Feed one file, line by line through a reused buffer. */
static void feed_file(struct event_asm *a, struct out *o, const char *path)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	struct record r;

	assert_non_null(f);
	while ((n = getline(&line, &cap, f)) > 0) {
		if (record_parse(line, (size_t)n, &r, NULL) == 0)
			assert_int_equal(event_asm_add(a, &r), 0);
		assert_int_equal(event_asm_detach(a), 0);
		memset(line, '#', cap);
		out_drain(o, a);
	}
	free(line);
	fclose(f);
}

static void out_open(struct out *o)
{
	memset(o, 0, sizeof(*o));
	o->fdef = open_memstream(&o->def, &o->def_len);
	o->fraw = open_memstream(&o->raw, &o->raw_len);
}

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 1 << 20);
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, (1 << 20) - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void expect_file(const char *got, const char *name)
{
	char path[512];
	char *want;

	snprintf(path, sizeof(path), "%s/event/%s", TESTS_DATA, name);
	want = slurp(path);
	if (strcmp(want, got) != 0 && getenv("TEST_EVENT_DUMP")) {
		/* TEST_EVENT_DUMP=DIR leaves what we made there, to diff */
		FILE *f;

		snprintf(path, sizeof(path), "%s/%s", getenv("TEST_EVENT_DUMP"), name);
		f = fopen(path, "w");
		if (f) {
			fputs(got, f);
			fclose(f);
		}
	}
	assert_string_equal(want, got);
	free(want);
}

/* Run the named logs through one assembler; compare with NAME.out/.raw. */
static void check_logs(const char *name, unsigned timeout, const char **logs,
		       const char *def_name, const char *raw_name)
{
	struct event_asm *a;
	struct out o;
	char path[512];

	assert_int_equal(event_asm_new(timeout, &a), 0);
	out_open(&o);
	for (; *logs; logs++) {
		snprintf(path, sizeof(path), "%s/event/%s", TESTS_DATA, *logs);
		feed_file(a, &o, path);
	}
	event_asm_finish(a);
	out_drain(&o, a);
	assert_int_equal(event_asm_pending(a), 0);
	fclose(o.fdef);
	fclose(o.fraw);
	expect_file(o.def, def_name);
	if (raw_name)
		expect_file(o.raw, raw_name);
	free(o.def);
	free(o.raw);
	event_asm_free(a);
}

static void check_one(const char *name)
{
	char log[64], def[64], raw[64];
	const char *logs[] = { log, NULL };

	snprintf(log, sizeof(log), "%s.log", name);
	snprintf(def, sizeof(def), "%s.out", name);
	snprintf(raw, sizeof(raw), "%s.raw", name);
	check_logs(name, EVENT_EOE_TIMEOUT_DEFAULT, logs, def, raw);
}

static void test_interleave(void **state) { (void)state; check_one("interleave"); }
static void test_alone(void **state) { (void)state; check_one("alone"); }
static void test_eoe(void **state) { (void)state; check_one("eoe"); }
static void test_timeout(void **state) { (void)state; check_one("timeout"); }
static void test_order(void **state) { (void)state; check_one("order"); }
static void test_mix(void **state) { (void)state; check_one("mix"); }
static void test_clock(void **state) { (void)state; check_one("clock"); }

static void test_timeout5(void **state)
{
	const char *logs[] = { "timeout.log", NULL };

	(void)state;
	check_logs("timeout", 5, logs, "timeout.t5.out", NULL);
}

/* A log set: the older file first, one assembler across both. */
static void test_span(void **state)
{
	const char *logs[] = { "span/audit.log.1", "span/audit.log", NULL };

	(void)state;
	check_logs("span", EVENT_EOE_TIMEOUT_DEFAULT, logs, "span.out", NULL);
}

static struct record rec(const char *line)
{
	struct record r;

	assert_int_equal(record_parse(line, strlen(line), &r, NULL), 0);
	return r;
}

/* The rules, one by one, without the reference's files. */
static void test_rules(void **state)
{
	struct event_asm *a;
	const struct event *e;
	struct record r;

	(void)state;
	assert_int_equal(event_asm_new(0, &a), -EINVAL);
	assert_int_equal(event_asm_new(2, &a), 0);
	assert_null(event_asm_next(a));
	/* an EOE opening nothing is dropped */
	r = rec("type=EOE msg=audit(10.000:1): ");
	assert_int_equal(event_asm_add(a, &r), 0);
	assert_int_equal(event_asm_pending(a), 0);
	/* a user message is closed at once, but waits behind an older open one */
	r = rec("type=CWD msg=audit(10.000:5): cwd=\"/\"");
	assert_int_equal(event_asm_add(a, &r), 0);
	r = rec("type=USER_END msg=audit(11.000:6): pid=1");
	assert_int_equal(event_asm_add(a, &r), 0);
	assert_null(event_asm_next(a));
	assert_int_equal(event_asm_pending(a), 2);
	/* a record 2 s later closes serial 5: both come out, in order */
	r = rec("node=x type=CWD msg=audit(12.000:7): cwd=\"/\"");
	assert_int_equal(event_asm_add(a, &r), 0);
	e = event_asm_next(a);
	assert_non_null(e);
	assert_int_equal(e->serial, 5);
	assert_null(e->node);
	e = event_asm_next(a);
	assert_non_null(e);
	assert_int_equal(e->serial, 6);
	assert_int_equal(e->count, 1);
	assert_null(event_asm_next(a));
	event_asm_finish(a);
	e = event_asm_next(a);
	assert_non_null(e);
	assert_int_equal(e->serial, 7);
	assert_int_equal(e->node_len, 1);
	assert_memory_equal(e->node, "x", 1);
	assert_null(event_asm_next(a));
	event_asm_free(a);
	event_asm_free(NULL);
}

/* A netlink record (no line) survives a detach of its payload buffer. */
static void test_detach_netlink(void **state)
{
	struct event_asm *a;
	const struct event *e;
	struct record r;
	char buf[] = "audit(50.001:9): cwd=\"/x\"\x1dX=y";

	(void)state;
	assert_int_equal(event_asm_new(2, &a), 0);
	assert_int_equal(record_parse_netlink(1307, buf, strlen(buf), &r, NULL), 0);
	assert_int_equal(event_asm_add(a, &r), 0);
	assert_int_equal(event_asm_detach(a), 0);
	assert_int_equal(event_asm_detach(a), 0);	/* twice: nothing new */
	memset(buf, '#', sizeof(buf) - 1);
	event_asm_finish(a);
	e = event_asm_next(a);
	assert_non_null(e);
	assert_int_equal(e->count, 1);
	assert_null(e->records[0].line);
	assert_int_equal(e->records[0].body_len, 8);
	assert_memory_equal(e->records[0].body, "cwd=\"/x\"", 8);
	assert_memory_equal(e->records[0].enriched, "X=y", 3);
	event_asm_free(a);
}

/* Many open events (the reference keeps 20000 open): nothing is lost and
 * they come out sorted by serial whatever order they were opened in. */
static void test_many(void **state)
{
	enum { N = 5000 };
	struct event_asm *a;
	const struct event *e;
	char line[128];
	struct record r;
	uint64_t last = 0;
	size_t n = 0;
	unsigned i;

	(void)state;
	assert_int_equal(event_asm_new(2, &a), 0);
	for (i = 0; i < 2 * N; i++) {
		unsigned serial = (i * 7919u) % N + 1;

		snprintf(line, sizeof(line), "type=PATH msg=audit(100.000:%u): item=%u", serial, i);
		assert_int_equal(record_parse(line, strlen(line), &r, NULL), 0);
		assert_int_equal(event_asm_add(a, &r), 0);
		assert_int_equal(event_asm_detach(a), 0);
		memset(line, 0, sizeof(line));
	}
	assert_null(event_asm_next(a));
	assert_int_equal(event_asm_pending(a), N);
	event_asm_finish(a);
	while ((e = event_asm_next(a))) {
		assert_true(e->serial > last);
		assert_int_equal(e->count, 2);
		assert_memory_equal(e->records[1].line, "type=PATH", 9);
		last = e->serial;
		n++;
	}
	assert_int_equal(n, N);
	event_asm_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_interleave),
		cmocka_unit_test(test_alone),
		cmocka_unit_test(test_eoe),
		cmocka_unit_test(test_timeout),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_mix),
		cmocka_unit_test(test_clock),
		cmocka_unit_test(test_timeout5),
		cmocka_unit_test(test_span),
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_detach_netlink),
		cmocka_unit_test(test_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
