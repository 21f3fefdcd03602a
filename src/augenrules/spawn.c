/*
 * spawn: fork, exec by path, wait (see spawn.h). Our own stdout is
 * flushed before forking so that our messages and the child's appear in
 * the order they were produced.
 */
#include "spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void spawn_child(char *const argv[], int out_fd)
{
	int e;

	if (out_fd >= 0) {
		int null = open("/dev/null", O_WRONLY);

		if (dup2(out_fd, STDOUT_FILENO) < 0 ||
		    (null >= 0 && dup2(null, STDERR_FILENO) < 0))
			_exit(126);
	}
	execv(argv[0], argv);
	e = errno;
	fprintf(stderr, "%s: cannot run %s: %s\n", program_invocation_name,
		argv[0], strerror(e));
	_exit(e == ENOENT || e == ENOTDIR ? 127 : 126);
}

/* Drain fd into out until EOF; errors just end the capture. */
static void spawn_drain(int fd, struct buf *out)
{
	char chunk[4096];
	ssize_t n;

	for (;;) {
		n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0 || buf_add(out, chunk, (size_t)n) < 0)
			return;
	}
}

static int spawn_wait(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -errno;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 126;
}

int spawn_run(char *const argv[], struct buf *out)
{
	int pipefd[2] = { -1, -1 };
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	if (out && pipe2(pipefd, O_CLOEXEC) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int e = errno;

		if (out) {
			close(pipefd[0]);
			close(pipefd[1]);
		}
		return -e;
	}
	if (pid == 0)
		spawn_child(argv, pipefd[1]);
	if (out) {
		close(pipefd[1]);
		spawn_drain(pipefd[0], out);
		close(pipefd[0]);
	}
	return spawn_wait(pid);
}
