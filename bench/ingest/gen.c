/*
 * gen: the ingest benchmark's event generator.
 *
 * It makes one cheap syscall that an audit rule can match, fchmod(-1, 0):
 * it fails with EBADF before touching any file, so an exit rule on it
 * makes the kernel queue a SYSCALL record (then PROCTITLE and EOE) and no
 * PATH records. The benchmark's rule filters on this program's path
 * (-F exe=...), so no other process adds events.
 *
 * It runs at full speed or at a fixed offered rate, until a number of
 * calls or a duration is reached, whichever comes first. Pacing sends the
 * calls in batches of about a millisecond's worth; each batch waits for
 * its own absolute start time (clock_nanosleep with TIMER_ABSTIME), so
 * sleeping never drifts the rate, and a generator that fell behind (the
 * kernel made it wait for the audit queue) catches up without sleeping.
 *
 * Output, one line on stdout:
 *   calls=N elapsed=SECONDS rate=CALLS_PER_SECOND start=EPOCH_SECONDS cpu=SECONDS
 * start is the wall-clock time of the first call, for the driver to
 * measure end to end (to the last event the daemon handled); cpu is this
 * process's user+system time, mostly the kernel building the records.
 * Exit status 0, 1 when a call did not fail as expected, 2 for bad usage.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define GEN_NSEC 1000000000ull
/* Calls between clock reads at full speed. */
#define GEN_FULL_BATCH 256

struct gen_opts {
	uint64_t calls;		/* stop after this many; 0 = no limit */
	uint64_t rate;		/* calls per second; 0 = full speed */
	double duration;	/* seconds; 0 = no limit */
};

struct gen_result {
	uint64_t calls;
	double elapsed;
	struct timespec start;	/* CLOCK_REALTIME */
};

static void gen_usage(FILE *f)
{
	fprintf(f, "usage: gen [-n CALLS] [-r RATE] [-d SECONDS]\n"
		"  -n CALLS    stop after CALLS calls (0: no limit)\n"
		"  -r RATE     offered calls per second (0: full speed)\n"
		"  -d SECONDS  stop after SECONDS (0: no limit)\n"
		"At least one of -n and -d must be given.\n");
}

static int gen_parse_u64(const char *s, uint64_t *ret)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end || *s == '-')
		return -EINVAL;
	*ret = v;
	return 0;
}

static int gen_parse_seconds(const char *s, double *ret)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || *end || !(v >= 0))
		return -EINVAL;
	*ret = v;
	return 0;
}

static int gen_parse(int argc, char **argv, struct gen_opts *ret)
{
	struct gen_opts o = { 0 };
	int c, r = 0;

	while ((c = getopt(argc, argv, "n:r:d:h")) != -1) {
		switch (c) {
		case 'n': r = gen_parse_u64(optarg, &o.calls); break;
		case 'r': r = gen_parse_u64(optarg, &o.rate); break;
		case 'd': r = gen_parse_seconds(optarg, &o.duration); break;
		default: return -EINVAL;
		}
		if (r < 0)
			return r;
	}
	if (optind != argc || (o.calls == 0 && o.duration == 0))
		return -EINVAL;
	*ret = o;
	return 0;
}

static uint64_t gen_now_ns(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * GEN_NSEC + (uint64_t)t.tv_nsec;
}

static void gen_sleep_until(uint64_t ns)
{
	struct timespec t = { .tv_sec = ns / GEN_NSEC, .tv_nsec = ns % GEN_NSEC };

	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL) == EINTR)
		;
}

/* n audited calls; each must fail with EBADF, else -EPROTO. */
static int gen_batch(uint64_t n)
{
	for (uint64_t i = 0; i < n; i++) {
		if (fchmod(-1, 0) == 0 || errno != EBADF)
			return -EPROTO;
	}
	return 0;
}

/* Calls allowed in the next batch: a batch's worth, cut to the limit. */
static uint64_t gen_next_batch(const struct gen_opts *o, uint64_t done,
			       uint64_t batch)
{
	if (o->calls && o->calls - done < batch)
		return o->calls - done;
	return batch;
}

static double gen_cpu_seconds(void)
{
	struct rusage u;

	if (getrusage(RUSAGE_SELF, &u) < 0)
		return 0;
	return u.ru_utime.tv_sec + u.ru_stime.tv_sec +
	       (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

static int gen_run(const struct gen_opts *o, struct gen_result *ret)
{
	uint64_t batch = o->rate ? (o->rate + 999) / 1000 : GEN_FULL_BATCH;
	uint64_t start = gen_now_ns(), now = start, done = 0, n;
	uint64_t stop = o->duration ? start + (uint64_t)(o->duration * GEN_NSEC) : 0;
	int r = 0;

	clock_gettime(CLOCK_REALTIME, &ret->start);
	while ((n = gen_next_batch(o, done, batch)) > 0) {
		if (o->rate)
			gen_sleep_until(start + done * GEN_NSEC / o->rate);
		r = gen_batch(n);
		if (r < 0)
			break;
		done += n;
		now = gen_now_ns();
		if (stop && now >= stop)
			break;
	}
	ret->calls = done;
	ret->elapsed = (double)(now - start) / GEN_NSEC;
	return r;
}

int main(int argc, char **argv)
{
	struct gen_opts o;
	struct gen_result res;
	int r;

	if (gen_parse(argc, argv, &o) < 0) {
		gen_usage(stderr);
		return 2;
	}
	r = gen_run(&o, &res);
	if (r < 0)
		fprintf(stderr, "gen: fchmod(-1) did not fail with EBADF\n");
	printf("calls=%" PRIu64 " elapsed=%.6f rate=%.0f start=%lld.%09ld"
	       " cpu=%.3f\n", res.calls, res.elapsed,
	       res.elapsed > 0 ? res.calls / res.elapsed : 0.0,
	       (long long)res.start.tv_sec, res.start.tv_nsec, gen_cpu_seconds());
	return r < 0 ? 1 : 0;
}
