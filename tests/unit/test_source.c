/*
 * test_source: events read from lists of files (plain, gzip, zstd,
 * damaged, missing, empty), from stdin as a pipe, across chunk and file
 * boundaries, with bad lines reported as path:line.
 *
 * The records here are small crafted ones; the captured corpus
 * (tests/data/search) checks that its rotated cut reads exactly as the
 * whole log.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include <cmocka.h>
#include "logset.h"
#include "source.h"

static char tmpdir[64];

static int setup(void **state)
{
	strcpy(tmpdir, "/tmp/test_source.XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *path_of(const char *name)
{
	static char p[4][256];
	static int i;

	i = (i + 1) % 4;
	snprintf(p[i], sizeof(p[i]), "%s/%s", tmpdir, name);
	return p[i];
}

static void write_file(const char *name, const void *data, size_t n)
{
	FILE *f = fopen(path_of(name), "w");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void write_gzip(const char *name, const char *text)
{
	gzFile g = gzopen(path_of(name), "wb");

	assert_non_null(g);
	assert_int_equal(gzwrite(g, text, (unsigned)strlen(text)), (int)strlen(text));
	assert_int_equal(gzclose(g), Z_OK);
}

static void write_zstd(const char *name, const char *text)
{
	size_t n = strlen(text), cap = ZSTD_compressBound(n);
	char *z = malloc(cap);
	size_t k = ZSTD_compress(z, cap, text, n, 3);

	assert_false(ZSTD_isError(k));
	write_file(name, z, k);
	free(z);
}

/* Two events: a syscall of three records, then a user message. */
static const char two_events[] =
	"type=SYSCALL msg=audit(1700000000.100:10): arch=c000003e syscall=2 "
	"success=no exit=-2 pid=5 auid=1000 key=\"k\"\n"
	"type=CWD msg=audit(1700000000.100:10): cwd=\"/\"\n"
	"type=PATH msg=audit(1700000000.100:10): item=0 name=\"/x\"\n"
	"type=USER msg=audit(1700000001.200:11): pid=1 uid=0 auid=1000 ses=1 "
	"msg='text=hi res=success'\n";

struct tally {
	size_t events, records;
	uint64_t serials[16];
	size_t counts[16];
};

/* Read every event of s into *t: the last return (0 or an errno). */
static int drain(struct source *s, struct tally *t)
{
	const struct event *ev;
	int rc;

	while ((rc = source_next(s, &ev)) == 1) {
		if (t->events < 16) {
			t->serials[t->events] = ev->serial;
			t->counts[t->events] = ev->count;
		}
		for (size_t i = 0; i < ev->count; i++)
			assert_int_equal(ev->records[i].serial, ev->serial);
		t->events++;
		t->records += ev->count;
	}
	return rc;
}

static struct tally read_paths(const char *const *paths, size_t n)
{
	struct tally t = { 0 };
	struct source *s;

	assert_int_equal(source_new(paths, n, EVENT_EOE_TIMEOUT_DEFAULT, &s), 0);
	assert_int_equal(drain(s, &t), 0);
	source_free(s);
	return t;
}

static void assert_two_events(struct tally t)
{
	assert_int_equal(t.events, 2);
	assert_int_equal(t.serials[0], 10);
	assert_int_equal(t.counts[0], 3);
	assert_int_equal(t.serials[1], 11);
	assert_int_equal(t.counts[1], 1);
}

static void test_formats(void **state)
{
	const char *names[] = { "plain", "a.gz", "a.zst" };

	write_file("plain", two_events, strlen(two_events));
	write_gzip("a.gz", two_events);
	write_zstd("a.zst", two_events);
	for (int i = 0; i < 3; i++) {
		const char *p = path_of(names[i]);

		assert_two_events(read_paths(&p, 1));
	}
}

/* An event split between two files (a rotation in between) is one. */
static void test_event_spans_files(void **state)
{
	size_t cut = (size_t)(strstr(two_events, "type=CWD") - two_events);
	const char *paths[2];

	write_file("old", two_events, cut);
	write_gzip("new.gz", two_events + cut);
	paths[0] = path_of("old");
	paths[1] = path_of("new.gz");
	assert_two_events(read_paths(paths, 2));
}

static void test_empty_and_no_newline(void **state)
{
	const char *paths[2];

	write_file("empty", "", 0);
	/* the last line has no newline: it is still a record */
	write_file("nonl", two_events, strlen(two_events) - 1);
	paths[0] = path_of("empty");
	paths[1] = path_of("nonl");
	assert_two_events(read_paths(paths, 2));
}

/* A missing file and a damaged one fail in turn; the rest is read. */
static void test_failures_go_on(void **state)
{
	char *text = malloc(strlen(two_events) * 2 + 1);
	const char *paths[3];
	struct tally t = { 0 };
	struct source *s;

	sprintf(text, "%s", two_events);
	write_gzip("whole.gz", two_events);
	FILE *f = fopen(path_of("whole.gz"), "r");
	char buf[4096];
	size_t n = fread(buf, 1, sizeof(buf), f);
	fclose(f);
	write_file("trunc.gz", buf, n - 12);	/* the trailer and some data */
	write_file("last", two_events, strlen(two_events));
	paths[0] = path_of("missing");
	paths[1] = path_of("trunc.gz");
	paths[2] = path_of("last");
	assert_int_equal(source_new(paths, 3, 2, &s), 0);
	assert_int_equal(drain(s, &t), -ENOENT);
	assert_string_equal(source_failed_path(s), paths[0]);
	assert_int_equal(drain(s, &t), -EBADMSG);
	assert_string_equal(source_failed_path(s), paths[1]);
	assert_int_equal(drain(s, &t), 0);
	/* whatever decoded of trunc.gz, then last.log's two events */
	assert_true(t.events >= 2);
	assert_int_equal(t.serials[t.events - 1], 11);
	source_free(s);
	free(text);
}

struct bad {
	char where[8][300];
	enum record_error why[8];
	size_t n;
};

static void on_bad(const char *path, uint64_t line, enum record_error why,
		   void *user)
{
	struct bad *b = user;

	if (b->n < 8) {
		snprintf(b->where[b->n], sizeof(b->where[0]), "%s:%llu", path,
			 (unsigned long long)line);
		b->why[b->n++] = why;
	}
}

static void test_bad_lines(void **state)
{
	const char text[] =
		"type=USER msg=audit(1700000001.200:11): pid=1 msg='a=b'\n"
		"garbage here\n"
		"type=SYSCALL msg=audit(99999999999999999999999.000:1): x=1\n"
		"type=USER msg=audit(1700000001.300:12): pid=1 msg='a=b'\n";
	const char *p = path_of("bad");
	struct tally t = { 0 };
	struct bad b = { 0 };
	char expect[300];
	struct source *s;

	write_file("bad", text, strlen(text));
	assert_int_equal(source_new(&p, 1, 2, &s), 0);
	source_on_bad_line(s, on_bad, &b);
	assert_int_equal(drain(s, &t), 0);
	assert_int_equal(t.events, 2);
	assert_int_equal(b.n, 2);
	snprintf(expect, sizeof(expect), "%s:2", p);
	assert_string_equal(b.where[0], expect);
	assert_int_equal(b.why[0], RECORD_ERR_NO_TYPE);
	snprintf(expect, sizeof(expect), "%s:3", p);
	assert_string_equal(b.where[1], expect);
	assert_int_equal(b.why[1], RECORD_ERR_BAD_TIME);
	assert_int_equal(source_lines(s), 4);
	assert_int_equal(source_bad_lines(s), 2);
	source_free(s);
}

/* Many interleaved events over several chunks: every record arrives in
 * its event with its bytes intact (the assembler copies what it still
 * borrows before a chunk is reused). */
static void test_chunks(void **state)
{
	size_t cap = 16u << 20, n = 0, events = 60000, base = 1700000000;
	char *text = malloc(cap);
	struct tally t = { 0 };
	const char *p = path_of("big.zst");
	const struct event *ev;
	struct source *s;

	for (size_t i = 0; i < events; i++) {
		/* event i's second record comes after event i+1's first */
		size_t ps = i ? i : events + 1;	/* the PATH's serial */

		/* serial s is at second base + (s - 1) / 100 */
		n += (size_t)snprintf(text + n, cap - n,
			"type=SYSCALL msg=audit(%zu.000:%zu): pid=%zu key=\"k%zu\"\n"
			"type=PATH msg=audit(%zu.000:%zu): item=0 name=\"/f%zu\"\n",
			base + i / 100, i + 1, i, i,
			i ? base + (ps - 1) / 100 : base, ps, i);
	}
	n += (size_t)snprintf(text + n, cap - n,
		"type=PATH msg=audit(%zu.000:%zu): item=0 name=\"/f0\"\n",
		base + (events - 1) / 100, events);
	write_zstd("big.zst", text);
	assert_int_equal(source_new(&p, 1, 2, &s), 0);
	while (source_next(s, &ev) == 1) {
		char want[64];
		int k = snprintf(want, sizeof(want), "pid=%llu",
				 (unsigned long long)(ev->serial - 1));

		if (ev->count == 2) {
			assert_memory_equal(ev->records[0].body, want, (size_t)k);
			assert_int_equal(ev->records[1].type_name_len, 4);
		}
		t.events++;
		t.records += ev->count;
	}
	assert_int_equal(t.records, 2 * events + 1);
	assert_int_equal(t.events, events + 1);
	assert_int_equal(source_bad_lines(s), 0);
	source_free(s);
	free(text);
}

/* A 6 MiB line (bigger than the reader's buffer) is one record. */
static void test_long_line(void **state)
{
	static const char head[] = "type=USER msg=audit(1.000:1): msg='a=b'\n"
				   "type=EXECVE msg=audit(2.000:2): argc=1 a0=";
	static const char tail[] = "\ntype=USER msg=audit(3.000:3): msg='a=b'\n";
	const size_t big = 6u << 20;
	const size_t n = sizeof head - 1 + big + sizeof tail - 1;
	char *text = malloc(n);
	const char *p = path_of("long");
	const struct event *ev;
	struct source *s;
	size_t seen = 0;

	assert_non_null(text);
	memcpy(text, head, sizeof head - 1);
	memset(text + sizeof head - 1, 'A', big);
	memcpy(text + sizeof head - 1 + big, tail, sizeof tail - 1);
	write_file("long", text, n);
	assert_int_equal(source_new(&p, 1, 2, &s), 0);
	while (source_next(s, &ev) == 1) {
		if (ev->serial == 2)
			assert_true(ev->records[0].line_len > big);
		seen++;
	}
	assert_int_equal(seen, 3);
	assert_int_equal(source_lines(s), 3);
	source_free(s);
	free(text);
}

/* count 0 reads fd 0, here a pipe fed by a child. */
static void test_stdin_pipe(void **state)
{
	int fd[2], saved = dup(0), status;
	struct tally t = { 0 };
	struct source *s;
	pid_t pid;

	assert_int_equal(pipe(fd), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fd[0]);
		for (size_t i = 0; two_events[i]; i++)
			if (write(fd[1], two_events + i, 1) != 1)
				_exit(1);
		_exit(0);
	}
	close(fd[1]);
	assert_int_equal(dup2(fd[0], 0), 0);
	close(fd[0]);
	assert_int_equal(source_new(NULL, 0, 2, &s), 0);
	assert_int_equal(drain(s, &t), 0);
	assert_two_events(t);
	source_free(s);
	assert_int_equal(dup2(saved, 0), 0);
	close(saved);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(status, 0);
}

/* The captured corpus: its rotated cut (zst, gz, plain members) reads as
 * the same events as the whole raw.log. */
static void test_corpus_rotated(void **state)
{
	const char *raw = TESTS_DATA "/search/raw.log";
	struct logset set;
	struct tally whole, rot;
	struct source *s;

	if (access(raw, R_OK) != 0)
		skip();
	whole = read_paths(&raw, 1);
	assert_int_equal(logset_discover(TESTS_DATA "/search/rotated/audit.log",
					 &set), 0);
	assert_int_equal(set.count, 4);
	assert_non_null(strstr(set.paths[0], "audit.log.3.zst"));
	rot = read_paths((const char *const *)set.paths, set.count);
	assert_true(whole.events > 100);
	assert_int_equal(rot.events, whole.events);
	assert_int_equal(rot.records, whole.records);
	assert_int_equal(source_new((const char *const *)set.paths, set.count,
				    2, &s), 0);
	assert_int_equal(drain(s, &(struct tally){ 0 }), 0);
	assert_int_equal(source_bad_lines(s), 0);
	source_free(s);
	logset_clear(&set);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_formats),
		T(test_event_spans_files),
		T(test_empty_and_no_newline),
		T(test_failures_go_on),
		T(test_bad_lines),
		T(test_chunks),
		T(test_long_line),
		T(test_stdin_pipe),
		T(test_corpus_rotated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
