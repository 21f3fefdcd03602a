/*
 * test_auditd_rotate: auditd's log set rotation (rotate.c) and the
 * compression of rotated members (compress.c), in mkdtemp directories.
 *
 * Rotation: numbered shifts with suffixes, retention, keep_logs, gaps,
 * excess members, stale temp files, duplicates, modes, timestamped names
 * and their clashes, pruning, listing, time-based schedules (UTC and a
 * DST zone). Compression: gzip and zstd round trips decoded with zlib and
 * libzstd (and gzip/zstd -dc when installed) for empty, small and
 * multi-MB files; failures that must leave the source untouched (an
 * unwritable directory as nobody, a file size limit hit mid-write, an
 * existing output, cancel); the thread with pause/shift/resume.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include <cmocka.h>
#include "compress.h"
#include "rotate.h"

struct tdir {
	char path[64];
	int fd;
};

static int tdir_setup(void **state)
{
	struct tdir *t = calloc(1, sizeof(*t));

	strcpy(t->path, "/tmp/auditkit-rotate-XXXXXX");
	if (!mkdtemp(t->path))
		return -1;
	t->fd = open(t->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	*state = t;
	return t->fd < 0 ? -1 : 0;
}

static void dir_remove(int parent, const char *name)
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fd < 0 ? NULL : fdopendir(fd);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    unlinkat(fd, e->d_name, 0) < 0 && errno == EISDIR)
			dir_remove(fd, e->d_name);
	if (d)
		closedir(d);
	unlinkat(parent, name, AT_REMOVEDIR);
}

static int tdir_teardown(void **state)
{
	struct tdir *t = *state;

	close(t->fd);
	dir_remove(AT_FDCWD, t->path);
	free(t);
	return 0;
}

static void put(int dirfd, const char *name, const void *buf, size_t len)
{
	int fd = openat(dirfd, name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
			0640);

	assert_true(fd >= 0);
	assert_int_equal(write(fd, buf, len), (ssize_t)len);
	close(fd);
}

static void puts_at(int dirfd, const char *name, const char *text)
{
	put(dirfd, name, text, strlen(text));
}

/* The whole file (NUL-terminated, *len without it); NULL if absent. */
static char *get(int dirfd, const char *name, size_t *len)
{
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC);
	struct stat st;
	char *buf;

	if (fd < 0)
		return NULL;
	assert_int_equal(fstat(fd, &st), 0);
	buf = malloc((size_t)st.st_size + 1);
	assert_int_equal(read(fd, buf, (size_t)st.st_size), st.st_size);
	buf[st.st_size] = '\0';
	close(fd);
	if (len)
		*len = (size_t)st.st_size;
	return buf;
}

static void assert_content(int dirfd, const char *name, const char *text)
{
	char *got = get(dirfd, name, NULL);

	if (!got)
		fail_msg("%s is missing", name);
	assert_string_equal(got, text);
	free(got);
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The directory's names, sorted, joined by spaces (a static buffer). */
static const char *names(int dirfd)
{
	static char out[4096];
	char *v[256];
	size_t n = 0;
	int fd = openat(dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	DIR *d = fdopendir(fd);
	struct dirent *e;

	while ((e = readdir(d)) && n < 256)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			v[n++] = strdup(e->d_name);
	closedir(d);
	qsort(v, n, sizeof(v[0]), name_cmp);
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, v[i]);
		free(v[i]);
	}
	return out;
}

static struct rotate_plan plan(int dirfd, unsigned keep, bool timestamp)
{
	return (struct rotate_plan){
		.dirfd = dirfd, .base = "audit.log", .keep = keep,
		.timestamp = timestamp, .mode = 0400, .group = (gid_t)-1,
	};
}

static void test_numbered_retention(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 4, false);
	char name[NAME_MAX + 1], text[16];

	for (int i = 0; i < 6; i++) {
		snprintf(text, sizeof(text), "L%d", i);
		puts_at(t->fd, "audit.log", text);
		assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
		assert_string_equal(name, "audit.log.1");
	}
	assert_string_equal(names(t->fd),
			    "audit.log.1 audit.log.2 audit.log.3 audit.log.4");
	assert_content(t->fd, "audit.log.1", "L5");
	assert_content(t->fd, "audit.log.2", "L4");
	assert_content(t->fd, "audit.log.4", "L2");
}

static void test_numbered_suffixes(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 4, false);
	char name[NAME_MAX + 1];

	puts_at(t->fd, "audit.log", "live");
	puts_at(t->fd, "audit.log.1", "one");
	puts_at(t->fd, "audit.log.2.gz", "two");
	puts_at(t->fd, "audit.log.3.zst", "three");
	puts_at(t->fd, "audit.log.4.gz", "four");
	assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
	assert_string_equal(names(t->fd), "audit.log.1 audit.log.2 "
			    "audit.log.3.gz audit.log.4.zst");
	assert_content(t->fd, "audit.log.1", "live");
	assert_content(t->fd, "audit.log.2", "one");
	assert_content(t->fd, "audit.log.3.gz", "two");
	assert_content(t->fd, "audit.log.4.zst", "three");
}

static void test_numbered_gaps_and_leftovers(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 4, false);
	char name[NAME_MAX + 1];

	puts_at(t->fd, "audit.log", "live");
	puts_at(t->fd, "audit.log.1", "a");
	puts_at(t->fd, "audit.log.3", "b-plain");	/* compressor leftover */
	puts_at(t->fd, "audit.log.3.gz", "b");
	puts_at(t->fd, "audit.log.7", "excess");
	puts_at(t->fd, "audit.log.4.zst.tmp", "stale");
	puts_at(t->fd, "audit.log.bak", "foreign");
	puts_at(t->fd, "audit.log.01", "foreign");
	puts_at(t->fd, "other.log.1", "foreign");
	assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
	assert_string_equal(names(t->fd), "audit.log.01 audit.log.1 "
			    "audit.log.2 audit.log.3.gz audit.log.bak other.log.1");
	assert_content(t->fd, "audit.log.1", "live");
	assert_content(t->fd, "audit.log.2", "a");
	assert_content(t->fd, "audit.log.3.gz", "b");
}

/* Gaps close while keeping order, in both directions at once. */
static void test_numbered_compaction(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 0, false);
	char name[NAME_MAX + 1];

	puts_at(t->fd, "audit.log", "live");
	puts_at(t->fd, "audit.log.1", "a");
	puts_at(t->fd, "audit.log.2.gz", "b");
	puts_at(t->fd, "audit.log.5", "c");
	puts_at(t->fd, "audit.log.6.zst", "d");
	assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
	assert_string_equal(names(t->fd), "audit.log.1 audit.log.2 "
			    "audit.log.3.gz audit.log.4 audit.log.5.zst");
	assert_content(t->fd, "audit.log.1", "live");
	assert_content(t->fd, "audit.log.2", "a");
	assert_content(t->fd, "audit.log.3.gz", "b");
	assert_content(t->fd, "audit.log.4", "c");
	assert_content(t->fd, "audit.log.5.zst", "d");
}

static void test_keep_logs_unlimited(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 0, false);
	char name[NAME_MAX + 1];

	for (int i = 0; i < 12; i++) {
		puts_at(t->fd, "audit.log", "x");
		assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
	}
	assert_content(t->fd, "audit.log.12", "x");
	assert_null(get(t->fd, "audit.log.13", NULL));
}

static void test_duplicate_compressed_forms(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 4, false);
	char name[NAME_MAX + 1];

	puts_at(t->fd, "audit.log", "live");
	puts_at(t->fd, "audit.log.1.gz", "gz");
	puts_at(t->fd, "audit.log.1.zst", "zst");
	assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
	assert_string_equal(names(t->fd), "audit.log.1 audit.log.1.gz.orphan "
			    "audit.log.2.zst");
}

static void test_mode_group_and_missing_live(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 4, false);
	char name[NAME_MAX + 1];
	struct stat st;

	assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), -ENOENT);
	puts_at(t->fd, "audit.log", "live");
	p.mode = 0440;
	p.group = 4;
	assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
	assert_int_equal(fstatat(t->fd, "audit.log.1", &st, 0), 0);
	assert_int_equal(st.st_mode & 07777, 0440);
	if (geteuid() == 0)
		assert_int_equal(st.st_gid, 4);
	puts_at(t->fd, "audit.log", "live2");
	assert_int_equal(rotate_shift(&p, 0, name, 5), -ENAMETOOLONG);
}

/* 2024-03-05 10:20:30 UTC, a Tuesday. */
#define T0 ((time_t)1709634030)

static void test_timestamped(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 2, true);
	char name[NAME_MAX + 1];

	puts_at(t->fd, "audit.log", "a");
	assert_int_equal(rotate_shift(&p, T0, name, sizeof(name)), 0);
	assert_string_equal(name, "audit.log-20240305-102030");
	puts_at(t->fd, "audit.log", "b");
	assert_int_equal(rotate_shift(&p, T0, name, sizeof(name)), 0);
	assert_string_equal(name, "audit.log-20240305-102030-1");
	/* A compressed form takes its name too. */
	puts_at(t->fd, "audit.log-20240305-102030-2.gz", "c");
	puts_at(t->fd, "audit.log", "d");
	p.keep = 0;
	assert_int_equal(rotate_shift(&p, T0, name, sizeof(name)), 0);
	assert_string_equal(name, "audit.log-20240305-102030-3");
	assert_content(t->fd, name, "d");
	/* Retention keeps the newest two. */
	p.keep = 2;
	puts_at(t->fd, "audit.log", "e");
	assert_int_equal(rotate_shift(&p, T0 + 3600, name, sizeof(name)), 0);
	assert_string_equal(names(t->fd), "audit.log-20240305-102030-3 "
			    "audit.log-20240305-112030");
}

static void test_timestamped_clock_back(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 2, true);
	char name[NAME_MAX + 1];

	puts_at(t->fd, "audit.log-20240305-102030", "a");
	puts_at(t->fd, "audit.log-20240306-000000.zst", "b");
	puts_at(t->fd, "audit.log-20240305-102030-1.gz.tmp", "stale");
	puts_at(t->fd, "audit.log", "c");
	assert_int_equal(rotate_shift(&p, T0 - 86400, name, sizeof(name)), 0);
	assert_string_equal(name, "audit.log-20240304-102030");
	assert_string_equal(names(t->fd), "audit.log-20240304-102030 "
			    "audit.log-20240306-000000.zst");
}

static void test_prune_and_list(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 3, false);
	struct rotate_member *m;
	size_t n;

	puts_at(t->fd, "audit.log", "live");
	puts_at(t->fd, "audit.log.1", "1");
	puts_at(t->fd, "audit.log.2.zst", "2");
	puts_at(t->fd, "audit.log.3.gz", "3");
	puts_at(t->fd, "audit.log.4", "4");
	puts_at(t->fd, "audit.log.6", "6");
	puts_at(t->fd, "audit.log.1.gz.tmp", "stale");
	assert_int_equal(rotate_list(&p, &m, &n), 0);
	assert_int_equal(n, 5);
	assert_string_equal(m[0].name, "audit.log.1");
	assert_int_equal(m[1].kind, CONF_COMPRESS_ZSTD);
	assert_int_equal(m[4].num, 6);
	free(m);
	assert_int_equal(rotate_prune(&p), 0);
	assert_string_equal(names(t->fd), "audit.log audit.log.1 "
			    "audit.log.2.zst audit.log.3.gz");
	p.keep = 1;
	assert_int_equal(rotate_prune(&p), 0);
	assert_string_equal(names(t->fd), "audit.log audit.log.1");
	unlinkat(t->fd, "audit.log.1", 0);
	assert_int_equal(rotate_list(&p, &m, &n), 0);
	assert_int_equal(n, 0);
	assert_null(m);
}

static void test_plan_from_conf(void **state)
{
	struct auditd_conf *c = calloc(1, sizeof(*c));
	struct rotate_plan p;

	strcpy(c->log_file, "/var/log/audit/audit.log");
	c->num_logs = 5;
	c->log_group = 4;
	assert_int_equal(rotate_plan_from_conf(c, 7, false, &p), 0);
	assert_string_equal(p.base, "audit.log");
	assert_int_equal(p.keep, 4);
	assert_int_equal(p.mode, 0440);
	assert_int_equal(p.group, 4);
	assert_int_equal(p.dirfd, 7);
	c->log_group = 0;
	c->num_logs = 1;
	assert_int_equal(rotate_plan_from_conf(c, 7, false, &p), -EINVAL);
	assert_int_equal(rotate_plan_from_conf(c, 7, true, &p), 0);
	assert_int_equal(p.keep, 0);
	assert_int_equal(p.mode, 0400);
	strcpy(c->log_file, "/var/log/audit/");
	assert_int_equal(rotate_plan_from_conf(c, 7, true, &p), -EINVAL);
	free(c);
}

static void test_schedule(void **state)
{
	struct auditd_conf *c = calloc(1, sizeof(*c));
	struct rotate_schedule s;

	setenv("TZ", "UTC", 1);
	tzset();
	rotate_schedule_from_conf(c, &s);
	assert_int_equal(rotate_next_time(&s, T0), (time_t)-1);
	c->rotate_interval = 90;
	rotate_schedule_from_conf(c, &s);
	assert_false(s.aligned);
	assert_int_equal(rotate_next_time(&s, T0), T0 + 90);
	c->rotate_interval = 3600;
	rotate_schedule_from_conf(c, &s);
	assert_true(s.aligned);
	assert_int_equal(rotate_next_time(&s, T0), 1709636400);	/* 11:00 */
	assert_int_equal(rotate_next_time(&s, 1709636400), 1709640000);
	s.interval = 86400;
	assert_int_equal(rotate_next_time(&s, T0), 1709683200);	/* 03-06 00:00 */
	s.interval = 604800;
	assert_int_equal(rotate_next_time(&s, T0), 1710115200);	/* Mon 03-11 */
	assert_int_equal(rotate_next_time(&s, 1710115200), 1710720000);
	assert_int_equal(rotate_next_time(&s, 1710115199), 1710115200);
	/* Berlin, the night summer time starts (2024-03-31 02:00 -> 03:00). */
	setenv("TZ", "Europe/Berlin", 1);
	tzset();
	s.interval = 3600;
	/* 01:30 CET = 00:30 UTC; next :00 is 03:00 CEST = 01:00 UTC. */
	assert_int_equal(rotate_next_time(&s, 1711845000), 1711846800);
	s.interval = 86400;
	/* 2024-03-31 12:00 CEST -> 04-01 00:00 CEST = 03-31 22:00 UTC. */
	assert_int_equal(rotate_next_time(&s, 1711879200), 1711922400);
	setenv("TZ", "UTC", 1);
	tzset();
	free(c);
}

/* Decode a .gz or .zst file with the libraries. */
static char *gunzip(const char *in, size_t len, size_t *ret_len)
{
	size_t cap = 1 << 20, out_len = 0;
	char *out = malloc(cap);
	z_stream z = { 0 };
	int zr;

	assert_int_equal(inflateInit2(&z, 15 + 16), Z_OK);
	z.next_in = (unsigned char *)in;
	z.avail_in = (uInt)len;
	do {
		if (out_len == cap)
			out = realloc(out, cap *= 2);
		z.next_out = (unsigned char *)out + out_len;
		z.avail_out = (uInt)(cap - out_len);
		zr = inflate(&z, Z_NO_FLUSH);
		assert_true(zr == Z_OK || zr == Z_STREAM_END);
		out_len = cap - z.avail_out;
	} while (zr != Z_STREAM_END);
	assert_int_equal(z.avail_in, 0);
	inflateEnd(&z);
	*ret_len = out_len;
	return out;
}

static char *unzstd(const char *in, size_t len, size_t *ret_len)
{
	ZSTD_DCtx *d = ZSTD_createDCtx();
	ZSTD_inBuffer ib = { in, len, 0 };
	size_t cap = 1 << 20, r = 1;
	char *out = malloc(cap);
	ZSTD_outBuffer ob = { out, cap, 0 };

	while (ib.pos < ib.size || r != 0) {
		if (ob.pos == ob.size) {
			out = realloc(out, cap *= 2);
			ob.dst = out;
			ob.size = cap;
		}
		r = ZSTD_decompressStream(d, &ob, &ib);
		assert_false(ZSTD_isError(r));
		if (r != 0 && ib.pos == ib.size && ob.pos < ob.size)
			fail_msg("truncated zstd frame");
	}
	ZSTD_freeDCtx(d);
	*ret_len = ob.pos;
	return out;
}

/* Text-like data with some noise, so both codecs do real work. */
static char *sample(size_t len)
{
	char *buf = malloc(len ? len : 1);
	uint32_t x = 12345;

	for (size_t i = 0; i < len; i++) {
		x = x * 1103515245 + 12345;
		buf[i] = (i % 97 == 96) ? '\n' : (char)('a' + (x >> 16) % 8);
	}
	return buf;
}

static void round_trip(struct tdir *t, enum conf_compress kind, size_t len)
{
	const char *sfx = kind == CONF_COMPRESS_GZIP ? ".gz" : ".zst";
	struct timespec times[2] = { { 1000000, 0 }, { 1234567, 0 } };
	char *data = sample(len), *z, *back, final[64], cmd[256];
	size_t zlen, blen;
	struct stat st;
	int fd;

	put(t->fd, "audit.log.1", data, len);
	fchmodat(t->fd, "audit.log.1", 0440, 0);
	fchownat(t->fd, "audit.log.1", (uid_t)-1, 4, 0);
	utimensat(t->fd, "audit.log.1", times, 0);
	assert_int_equal(compress_file(t->fd, "audit.log.1", kind, NULL, NULL, 0), 0);
	snprintf(final, sizeof(final), "audit.log.1%s", sfx);
	assert_null(get(t->fd, "audit.log.1", NULL));
	z = get(t->fd, final, &zlen);
	assert_non_null(z);
	back = kind == CONF_COMPRESS_GZIP ? gunzip(z, zlen, &blen) :
					    unzstd(z, zlen, &blen);
	assert_int_equal(blen, len);
	assert_memory_equal(back, data, len);
	assert_int_equal(fstatat(t->fd, final, &st, 0), 0);
	assert_int_equal(st.st_mode & 07777, 0440);
	assert_int_equal(st.st_mtim.tv_sec, 1234567);
	if (geteuid() == 0)
		assert_int_equal(st.st_gid, 4);
	/* The command-line tools agree, when installed. */
	snprintf(cmd, sizeof(cmd), "/usr/bin/%s -dc %s/%s | cmp -s - %s/check",
		 kind == CONF_COMPRESS_GZIP ? "gzip" : "zstd -q", t->path, final,
		 t->path);
	put(t->fd, "check", data, len);
	fd = access(kind == CONF_COMPRESS_GZIP ? "/usr/bin/gzip" : "/usr/bin/zstd",
		    X_OK);
	if (fd == 0)
		assert_int_equal(system(cmd), 0);
	unlinkat(t->fd, "check", 0);
	unlinkat(t->fd, final, 0);
	free(data);
	free(z);
	free(back);
}

static void test_compress_round_trip(void **state)
{
	static const size_t sizes[] = { 0, 1, 4096, 131072, 131073, 5 << 20 };

	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		round_trip(*state, CONF_COMPRESS_GZIP, sizes[i]);
		round_trip(*state, CONF_COMPRESS_ZSTD, sizes[i]);
	}
}

/* Run compress_file in a child (as nobody or under a file size limit)
 * and return its result. */
static int compress_in_child(struct tdir *t, const char *name,
			     enum conf_compress kind, bool as_nobody,
			     rlim_t fsize)
{
	int status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { fsize, fsize };

		signal(SIGXFSZ, SIG_IGN);
		if (fsize && setrlimit(RLIMIT_FSIZE, &rl) < 0)
			_exit(200);
		if (as_nobody && (setgid(65534) < 0 || setuid(65534) < 0))
			_exit(201);
		_exit(-compress_file(t->fd, name, kind, NULL, NULL, 0));
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return -WEXITSTATUS(status);
}

static void test_compress_failures_keep_source(void **state)
{
	struct tdir *t = *state;
	char *data = sample(4 << 20), *back, err[256] = "";
	atomic_int cancel = 1;
	size_t len;

	put(t->fd, "audit.log.1", data, 4 << 20);
	/* An unwritable directory. */
	if (geteuid() == 0) {
		fchmodat(t->fd, "audit.log.1", 0644, 0);
		fchmodat(AT_FDCWD, t->path, 0755, 0);
		assert_int_equal(compress_in_child(t, "audit.log.1",
			CONF_COMPRESS_GZIP, true, 0), -EACCES);
		assert_string_equal(names(t->fd), "audit.log.1");
	}
	/* A write that fails half way (EFBIG past RLIMIT_FSIZE). */
	assert_int_equal(compress_in_child(t, "audit.log.1", CONF_COMPRESS_ZSTD,
					   false, 64 * 1024), -EFBIG);
	assert_int_equal(compress_in_child(t, "audit.log.1", CONF_COMPRESS_GZIP,
					   false, 64 * 1024), -EFBIG);
	assert_string_equal(names(t->fd), "audit.log.1");
	/* An output that already exists is not overwritten. */
	puts_at(t->fd, "audit.log.1.gz", "keep me");
	assert_int_equal(compress_file(t->fd, "audit.log.1", CONF_COMPRESS_GZIP,
				       NULL, err, sizeof(err)), -EEXIST);
	assert_string_equal(err, "audit.log.1: exists: File exists");
	assert_content(t->fd, "audit.log.1.gz", "keep me");
	unlinkat(t->fd, "audit.log.1.gz", 0);
	/* Cancelled, missing, not a regular file, no codec. */
	assert_int_equal(compress_file(t->fd, "audit.log.1", CONF_COMPRESS_ZSTD,
				       &cancel, NULL, 0), -ECANCELED);
	assert_int_equal(compress_file(t->fd, "nope", CONF_COMPRESS_ZSTD,
				       NULL, NULL, 0), -ENOENT);
	mkdirat(t->fd, "adir", 0700);
	assert_int_equal(compress_file(t->fd, "adir", CONF_COMPRESS_ZSTD,
				       NULL, NULL, 0), -EINVAL);
	unlinkat(t->fd, "adir", AT_REMOVEDIR);
	assert_int_equal(compress_file(t->fd, "audit.log.1", CONF_COMPRESS_NONE,
				       NULL, NULL, 0), -EINVAL);
	/* A stale temp file of a crashed run is replaced. */
	puts_at(t->fd, "audit.log.1.zst.tmp", "stale");
	assert_int_equal(compress_file(t->fd, "audit.log.1", CONF_COMPRESS_ZSTD,
				       NULL, NULL, 0), 0);
	assert_string_equal(names(t->fd), "audit.log.1.zst");
	free(back = get(t->fd, "audit.log.1.zst", &len));
	free(data);
}

static void test_compress_thread(void **state)
{
	struct tdir *t = *state;
	struct rotate_plan p = plan(t->fd, 4, false);
	struct compress_stats st;
	struct compress *c;
	char name[NAME_MAX + 1], *big = sample(8 << 20);

	puts_at(t->fd, "audit.log", "live");
	puts_at(t->fd, "audit.log.1", "one");
	puts_at(t->fd, "audit.log.2", "two");
	assert_int_equal(compress_start(&p, CONF_COMPRESS_NONE, &c), -EINVAL);
	assert_int_equal(compress_start(&p, CONF_COMPRESS_GZIP, &c), 0);
	compress_wait_idle(c);
	assert_string_equal(names(t->fd), "audit.log audit.log.1.gz audit.log.2.gz");
	/* Rotate a big file in while a pass may be running. */
	for (int i = 0; i < 3; i++) {
		put(t->fd, "audit.log", big, 8 << 20);
		compress_pause(c);
		/* Paused: no half-written file is left behind. */
		assert_null(strstr(names(t->fd), ".tmp"));
		assert_int_equal(rotate_shift(&p, 0, name, sizeof(name)), 0);
		compress_resume(c);
	}
	compress_set_kind(c, CONF_COMPRESS_ZSTD);
	compress_wait_idle(c);
	compress_stats(c, &st);
	assert_int_equal(st.failed, 0);
	assert_true(st.done >= 5);
	assert_string_equal(st.last_error, "");
	assert_null(get(t->fd, "audit.log.1", NULL));
	assert_null(get(t->fd, "audit.log.4", NULL));
	assert_null(get(t->fd, "audit.log.1.gz.tmp", NULL));
	compress_stop(c);
	assert_true(strstr(names(t->fd), "audit.log.4.gz") != NULL);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, tdir_setup, tdir_teardown)
		T(test_numbered_retention),
		T(test_numbered_suffixes),
		T(test_numbered_gaps_and_leftovers),
		T(test_numbered_compaction),
		T(test_keep_logs_unlimited),
		T(test_duplicate_compressed_forms),
		T(test_mode_group_and_missing_live),
		T(test_timestamped),
		T(test_timestamped_clock_back),
		T(test_prune_and_list),
		cmocka_unit_test(test_plan_from_conf),
		cmocka_unit_test(test_schedule),
		T(test_compress_round_trip),
		T(test_compress_failures_keep_source),
		T(test_compress_thread),
#undef T
	};

	setenv("TZ", "UTC", 1);
	tzset();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
