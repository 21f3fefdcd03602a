/*
 * test_logset: which files make a log set and in what order, and reading
 * plain, gzip and zstd files and pipes as chunks of whole lines.
 *
 * Every case builds its files in a fresh temp dir; compressed files are
 * made here with zlib and libzstd so the decoders are checked against
 * the real formats (concatenated gzip members, truncated streams, trailing
 * garbage).
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
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include <cmocka.h>
#include "logset.h"

struct blob {
	char *p;
	size_t n;
};

static char tmpdir[64];

static int setup(void **state)
{
	strcpy(tmpdir, "/tmp/test_logset.XXXXXX");
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
	static char p[256];

	snprintf(p, sizeof(p), "%s/%s", tmpdir, name);
	return p;
}

static void write_file(const char *name, const void *data, size_t n)
{
	FILE *f = fopen(path_of(name), "w");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void write_text(const char *name, const char *text)
{
	write_file(name, text, strlen(text));
}

/* One gzip member holding data. */
static struct blob gzip_of(const char *data, size_t n)
{
	struct blob b = { NULL, 0 };
	z_stream z = { 0 };

	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8,
				      Z_DEFAULT_STRATEGY), Z_OK);
	b.p = malloc(deflateBound(&z, n));
	z.next_in = (unsigned char *)data;
	z.avail_in = (uInt)n;
	z.next_out = (unsigned char *)b.p;
	z.avail_out = (uInt)deflateBound(&z, n);
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	b.n = z.total_out;
	deflateEnd(&z);
	return b;
}

static struct blob zstd_of(const char *data, size_t n)
{
	struct blob b = { malloc(ZSTD_compressBound(n)), 0 };

	b.n = ZSTD_compress(b.p, ZSTD_compressBound(n), data, n, 3);
	assert_false(ZSTD_isError(b.n));
	return b;
}

/* Read all of r: the concatenated chunks; every chunk but the last ends
 * with a newline. *ret_rc: the final return (0 or an errno). */
static struct blob read_all(struct logset_reader *r, int *ret_rc,
			    size_t *ret_chunks)
{
	struct blob b = { NULL, 0 };
	const char *c;
	size_t n, chunks = 0;
	bool last_had_nl = true;
	int rc;

	while ((rc = logset_next(r, &c, &n)) == 1) {
		assert_true(last_had_nl);
		assert_true(n > 0);
		b.p = realloc(b.p, b.n + n + 1);
		memcpy(b.p + b.n, c, n);
		b.n += n;
		last_had_nl = c[n - 1] == '\n';
		chunks++;
	}
	if (b.p)
		b.p[b.n] = '\0';
	*ret_rc = rc;
	if (ret_chunks)
		*ret_chunks = chunks;
	return b;
}

static struct blob read_path(const char *name, int *ret_rc)
{
	struct logset_reader *r;

	assert_int_equal(logset_open(path_of(name), &r), 0);
	struct blob b = read_all(r, ret_rc, NULL);
	logset_close(r);
	return b;
}

static void assert_reads(const char *name, const char *expect)
{
	int rc;
	struct blob b = read_path(name, &rc);

	assert_int_equal(rc, 0);
	assert_int_equal(b.n, strlen(expect));
	if (b.n)
		assert_memory_equal(b.p, expect, b.n);
	free(b.p);
}

static const char lines[] =
	"type=USER msg=audit(1.000:1): a=1\n"
	"type=USER msg=audit(2.000:2): a=2\n"
	"type=USER msg=audit(3.000:3): a=3\n";

/* ---- discovery ---- */

static void assert_set(const char *live, const char *const *expect,
		       size_t n)
{
	struct logset s;

	assert_int_equal(logset_discover(live, &s), 0);
	assert_int_equal(s.count, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(s.paths[i], path_of(expect[i]));
	logset_clear(&s);
}

static void test_discover_numbered(void **state)
{
	const char *expect[] = { "audit.log.4.zst", "audit.log.3", "audit.log.2.gz",
				 "audit.log.1", "audit.log" };

	write_text("audit.log", lines);
	write_text("audit.log.1", lines);
	write_text("audit.log.2.gz", lines);
	write_text("audit.log.3", lines);
	write_text("audit.log.4.zst", lines);
	/* after the gap at 5: not read, as the reference */
	write_text("audit.log.6", lines);
	write_text("audit.log.10", lines);
	/* not members */
	write_text("audit.log.05", lines);
	write_text("audit.log.2.bak", lines);
	write_text("other.log.1", lines);
	assert_set(path_of("audit.log"), expect, 5);
}

static void test_discover_directory(void **state)
{
	const char *expect[] = { "audit.log.1", "audit.log" };
	struct logset s;

	write_text("audit.log", lines);
	write_text("audit.log.1", lines);
	assert_set(tmpdir, expect, 2);
	assert_int_equal(logset_discover(path_of("nothere.log"), &s), -ENOENT);
	assert_int_equal(mkdir(path_of("empty"), 0700), 0);
	assert_int_equal(logset_discover(path_of("empty"), &s), -ENOENT);
}

static void test_discover_missing_live(void **state)
{
	struct logset s;

	/* the reference reads nothing when the live log is missing */
	write_text("audit.log.1", lines);
	assert_int_equal(logset_discover(path_of("audit.log"), &s), -ENOENT);
}

static void test_discover_prefers_compressed(void **state)
{
	const char *expect[] = { "audit.log.2.zst", "audit.log.1.gz", "audit.log" };

	write_text("audit.log", lines);
	write_text("audit.log.1", lines);
	write_text("audit.log.1.gz", lines);
	write_text("audit.log.2.gz", lines);
	write_text("audit.log.2.zst", lines);
	assert_set(path_of("audit.log"), expect, 3);
}

static void test_discover_timestamped(void **state)
{
	const char *expect[] = {
		"audit.log-20240101-000000.zst", "audit.log-20240101-000000-1",
		"audit.log-20240101-000000-2.gz", "audit.log-20240301-120000",
		"audit.log",
	};

	write_text("audit.log", lines);
	write_text("audit.log-20240301-120000", lines);
	write_text("audit.log-20240101-000000-2.gz", lines);
	write_text("audit.log-20240101-000000-1", lines);
	write_text("audit.log-20240101-000000.zst", lines);
	write_text("audit.log-20240101-000000.gz", lines);	/* same member */
	write_text("audit.log-2024010-000000", lines);
	write_text("audit.log-20240101-000000-01", lines);
	write_text("audit.log-20240101-000000.gz.tmp", lines);
	assert_set(path_of("audit.log"), expect, 5);
}

/* Both kinds: the group whose newest member is older is read first. */
static void test_discover_mixed(void **state)
{
	const char *expect[] = { "audit.log.1", "audit.log-20240101-000000",
				 "audit.log" };
	struct timespec old[2] = { { 1000, 0 }, { 1000, 0 } };

	write_text("audit.log", lines);
	write_text("audit.log.1", lines);
	write_text("audit.log-20240101-000000", lines);
	assert_int_equal(utimensat(AT_FDCWD, path_of("audit.log.1"), old, 0), 0);
	assert_set(path_of("audit.log"), expect, 3);
}

/* ---- reading ---- */

static void test_read_plain(void **state)
{
	write_text("a", lines);
	assert_reads("a", lines);
	write_text("nonl", "type=USER msg=audit(1.000:1): a=1\npartial");
	assert_reads("nonl", "type=USER msg=audit(1.000:1): a=1\npartial");
	write_text("empty", "");
	assert_reads("empty", "");
	write_text("short", "ab");	/* shorter than the magic */
	assert_reads("short", "ab");
}

static void test_read_errors(void **state)
{
	struct logset_reader *r;

	assert_int_equal(logset_open(path_of("missing"), &r), -ENOENT);
	assert_int_equal(logset_open(tmpdir, &r), -EISDIR);
	write_text("badgz", "\x1f\x8b\x07rest");
	assert_int_equal(logset_open(path_of("badgz"), &r), -EINVAL);
}

static void test_read_gzip(void **state)
{
	struct blob a = gzip_of(lines, strlen(lines));
	struct blob b = gzip_of("second\n", 7);
	char *both = malloc(a.n + b.n);

	write_file("a.gz", a.p, a.n);
	assert_reads("a.gz", lines);
	/* named like plain: recognised by its bytes */
	write_file("a.log", a.p, a.n);
	assert_reads("a.log", lines);
	memcpy(both, a.p, a.n);
	memcpy(both + a.n, b.p, b.n);
	write_file("cat.gz", both, a.n + b.n);
	char expect[sizeof(lines) + 8];
	snprintf(expect, sizeof(expect), "%ssecond\n", lines);
	assert_reads("cat.gz", expect);
	free(both);
	free(a.p);
	free(b.p);
}

/* A damaged stream: what decoded is delivered, then -EBADMSG once. */
static void assert_damaged(const char *name, const char *prefix)
{
	struct logset_reader *r;
	const char *c;
	size_t n;
	int rc;

	assert_int_equal(logset_open(path_of(name), &r), 0);
	struct blob got = read_all(r, &rc, NULL);
	assert_int_equal(rc, -EBADMSG);
	assert_int_equal(logset_next(r, &c, &n), 0);
	assert_true(got.n >= strlen(prefix));
	assert_memory_equal(got.p, prefix, strlen(prefix));
	logset_close(r);
	free(got.p);
}

static char *big_text(size_t lines_n, size_t *ret_n)
{
	char *t = malloc(lines_n * 64 + 1);
	size_t n = 0;

	for (size_t i = 0; i < lines_n; i++)
		n += (size_t)sprintf(t + n, "type=USER msg=audit(1.000:%zu): "
				     "x=%zu\n", i, i * 7919 % 100003);
	*ret_n = n;
	return t;
}

static void test_read_truncated(void **state)
{
	size_t n;
	char *text = big_text(200000, &n);
	struct blob g = gzip_of(text, n), z = zstd_of(text, n);
	struct logset_reader *r;
	int rc;

	write_file("trunc.gz", g.p, g.n * 3 / 4);
	write_file("trunc.zst", z.p, z.n * 3 / 4);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(logset_open(path_of(i ? "trunc.zst" : "trunc.gz"),
					     &r), 0);
		struct blob got = read_all(r, &rc, NULL);
		assert_int_equal(rc, -EBADMSG);
		assert_true(got.n > n / 2 && got.n < n);
		assert_memory_equal(got.p, text, got.n);
		logset_close(r);
		free(got.p);
	}
	/* garbage after a whole member */
	char *junk = malloc(g.n + 4);
	memcpy(junk, g.p, g.n);
	memcpy(junk + g.n, "junk", 4);
	write_file("junk.gz", junk, g.n + 4);
	assert_int_equal(logset_open(path_of("junk.gz"), &r), 0);
	struct blob got = read_all(r, &rc, NULL);
	assert_int_equal(rc, -EBADMSG);
	assert_int_equal(got.n, n);
	logset_close(r);
	free(got.p);
	free(junk);
	free(text);
	free(g.p);
	free(z.p);
	assert_damaged("trunc.gz", "type=USER msg=audit(1.000:0)");
}

static void test_read_zstd(void **state)
{
	struct blob a = zstd_of(lines, strlen(lines));
	struct blob b = zstd_of("second\n", 7);
	char *both = malloc(a.n + b.n);
	char expect[sizeof(lines) + 8];

	write_file("a.zst", a.p, a.n);
	assert_reads("a.zst", lines);
	memcpy(both, a.p, a.n);
	memcpy(both + a.n, b.p, b.n);
	write_file("cat.zst", both, a.n + b.n);
	snprintf(expect, sizeof(expect), "%ssecond\n", lines);
	assert_reads("cat.zst", expect);
	free(both);
	free(a.p);
	free(b.p);
}

/* A big input comes in several chunks of whole lines, the same bytes. */
static void test_read_big(void **state)
{
	size_t n, chunks;
	char *text = big_text(300000, &n);	/* ~12 MB */
	struct blob g = gzip_of(text, n), z = zstd_of(text, n);
	const char *names[] = { "big", "big.gz", "big.zst" };
	struct logset_reader *r;
	int rc;

	write_file("big", text, n);
	write_file("big.gz", g.p, g.n);
	write_file("big.zst", z.p, z.n);
	for (int i = 0; i < 3; i++) {
		assert_int_equal(logset_open(path_of(names[i]), &r), 0);
		struct blob got = read_all(r, &rc, &chunks);
		assert_int_equal(rc, 0);
		assert_true(chunks > 2);
		assert_int_equal(got.n, n);
		assert_memory_equal(got.p, text, n);
		logset_close(r);
		free(got.p);
	}
	free(text);
	free(g.p);
	free(z.p);
}

/* A line longer than the buffer is handed out whole. */
static void test_read_long_line(void **state)
{
	size_t len = (9u << 20) + 17;
	char *text = malloc(len + 64);
	struct logset_reader *r;
	const char *c;
	size_t n;

	assert_non_null(text);
	for (size_t i = 0; i < len + 6; i++)
		text[i] = i < 6 ? "short\n"[i] : 'x';
	strcpy(text + 6 + len, "\ntail\n");
	write_file("long", text, strlen(text));
	assert_int_equal(logset_open(path_of("long"), &r), 0);
	size_t total = 0;
	bool seen = false;
	while (logset_next(r, &c, &n) == 1) {
		/* the long line sits whole in one chunk */
		const char *x = memchr(c, 'x', n);
		if (x) {
			assert_false(seen);
			seen = true;
			assert_true((size_t)(c + n - x) >= len + 1);
			assert_int_equal(x[len], '\n');
		}
		total += n;
	}
	assert_true(seen);
	assert_int_equal(total, strlen(text));
	logset_close(r);
	free(text);
}

/* stdin as a pipe, written in small pieces by a child. */
static void test_read_pipe(void **state)
{
	size_t n;
	char *text = big_text(20000, &n);
	struct blob z = zstd_of(text, n);
	int fd[2];
	pid_t pid;

	for (int compressed = 0; compressed < 2; compressed++) {
		const char *src = compressed ? z.p : text;
		size_t len = compressed ? z.n : n;
		struct logset_reader *r;
		int rc, status;

		assert_int_equal(pipe(fd), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			close(fd[0]);
			for (size_t off = 0; off < len; off += 1000) {
				size_t k = len - off < 1000 ? len - off : 1000;
				if (write(fd[1], src + off, k) != (ssize_t)k)
					_exit(1);
			}
			_exit(0);
		}
		close(fd[1]);
		assert_int_equal(logset_open_fd(fd[0], &r), 0);
		struct blob got = read_all(r, &rc, NULL);
		assert_int_equal(rc, 0);
		assert_int_equal(got.n, n);
		assert_memory_equal(got.p, text, n);
		logset_close(r);
		close(fd[0]);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_int_equal(status, 0);
		free(got.p);
	}
	free(text);
	free(z.p);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_discover_numbered),
		T(test_discover_directory),
		T(test_discover_missing_live),
		T(test_discover_prefers_compressed),
		T(test_discover_timestamped),
		T(test_discover_mixed),
		T(test_read_plain),
		T(test_read_errors),
		T(test_read_gzip),
		T(test_read_truncated),
		T(test_read_zstd),
		T(test_read_big),
		T(test_read_long_line),
		T(test_read_pipe),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
