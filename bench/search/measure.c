/*
 * measure: runs one command and reports its wall time and peak RSS, for
 * bench/search/run.sh.
 *
 *   measure [-t SECONDS] -o REPORT -- COMMAND [ARGS...]
 *
 * The command inherits stdin, stdout and stderr. REPORT gets one line,
 * "WALL_SECONDS MAXRSS_KB STATUS": wall time from fork to reaping
 * (CLOCK_MONOTONIC), ru_maxrss of the child as wait4 reports it, and the
 * exit status as a shell gives it (128+N for a signal, 124 when the time
 * limit killed it, 127 when it could not be run). measure exits with that
 * status too. A tiny wrapper rather than /usr/bin/time so that the script
 * works where GNU time is not installed and wall time has nanoseconds.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t measure_expired;

static void measure_alarm(int sig)
{
	(void)sig;
	measure_expired = 1;
}

static double measure_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wait for pid, killing it once the alarm has gone off. */
static int measure_wait(pid_t pid, struct rusage *ru)
{
	int status;

	for (;;) {
		if (wait4(pid, &status, 0, ru) == pid)
			break;
		if (errno != EINTR)
			return 127;
		if (measure_expired)
			kill(pid, SIGKILL);
	}
	if (measure_expired)
		return 124;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = measure_alarm };
	const char *report = NULL;
	unsigned limit = 0;
	struct rusage ru = { 0 };
	double t0, wall;
	FILE *f;
	pid_t pid;
	int c, rc;

	while ((c = getopt(argc, argv, "+t:o:")) != -1) {
		if (c == 't')
			limit = (unsigned)atoi(optarg);
		else if (c == 'o')
			report = optarg;
		else
			return 2;
	}
	if (!report || optind >= argc) {
		fprintf(stderr, "usage: measure [-t SECONDS] -o REPORT -- COMMAND [ARGS...]\n");
		return 2;
	}
	sigaction(SIGALRM, &sa, NULL);	/* no SA_RESTART: wait4 returns EINTR */
	t0 = measure_now();
	pid = fork();
	if (pid < 0)
		return 127;
	if (pid == 0) {
		execvp(argv[optind], argv + optind);
		fprintf(stderr, "measure: %s: %s\n", argv[optind], strerror(errno));
		_exit(127);
	}
	if (limit)
		alarm(limit);
	rc = measure_wait(pid, &ru);
	wall = measure_now() - t0;
	f = fopen(report, "w");
	if (!f)
		return 127;
	fprintf(f, "%.6f %ld %d\n", wall, ru.ru_maxrss, rc);
	fclose(f);
	return rc;
}
