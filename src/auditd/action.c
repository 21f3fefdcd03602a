/*
 * action: start the program behind an action and return (see action.h).
 *
 * A command line becomes a struct argv (one heap copy of the line, cut
 * on blanks in place, and a pointer array into it), built before the fork:
 * in a threaded daemon the child may only make async-signal-safe calls.
 * The child resets signals, takes a session, sets up fds and execs; if
 * exec fails it writes errno to a close-on-exec pipe, so the parent's
 * read returns 0 bytes on success (the exec closed it) or the error.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "action.h"

#define ACTION_MAX_ARGS 64

static char *const action_env[] = {
	"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
	NULL,
};

struct argv {
	char *copy;			/* owned: the line, NULs between words */
	char *v[ACTION_MAX_ARGS + 2];	/* into copy, NULL-terminated */
	int n;
};

static bool is_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
	       ch == '\v' || ch == '\f';
}

/* Split line on blanks; v[0] must be an absolute path. */
static int argv_split(struct argv *a, const char *line)
{
	char *p;

	a->n = 0;
	a->copy = strdup(line);
	if (!a->copy)
		return -ENOMEM;
	for (p = a->copy; *p;) {
		while (is_blank(*p))
			*p++ = '\0';
		if (!*p)
			break;
		if (a->n == ACTION_MAX_ARGS)
			return -E2BIG;
		a->v[a->n++] = p;
		while (*p && !is_blank(*p))
			p++;
	}
	a->v[a->n] = NULL;
	return a->n == 0 || a->v[0][0] != '/' ? -EINVAL : 0;
}

static int argv_push(struct argv *a, char *arg)
{
	if (a->n == ACTION_MAX_ARGS)
		return -E2BIG;
	a->v[a->n++] = arg;
	a->v[a->n] = NULL;
	return 0;
}

/* In the child, between fork and exec: only async-signal-safe calls. */
static void close_from(unsigned lo, unsigned hi)
{
	if (close_range(lo, hi, 0) == 0 || errno != ENOSYS)
		return;
	for (unsigned fd = lo; fd <= hi && fd < 65536; fd++)
		close((int)fd);
}

/* stdin_fd and errfd are above stderr (fd_high). */
static void child_fds(int stdin_fd, int errfd)
{
	int null = open("/dev/null", O_RDWR);

	if (null >= 0 && null < 3)
		null = fcntl(null, F_DUPFD, 3);
	dup2(stdin_fd >= 0 ? stdin_fd : null, 0);
	dup2(null, 1);
	dup2(null, 2);
	/* Everything above stderr goes but errfd, which exec closes. */
	if (errfd > 3)
		close_from(3, (unsigned)errfd - 1);
	close_from((unsigned)errfd + 1, ~0U);
}

static void child_signals(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t none;

	/* Handled signals reset at exec anyway; ignored ones would not. */
	for (int sig = 1; sig < NSIG; sig++)
		sigaction(sig, &dfl, NULL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

static _Noreturn void child_exec(char *const argv[], int stdin_fd, int errfd)
{
	int err;

	child_signals();
	setsid();
	child_fds(stdin_fd, errfd);
	execve(argv[0], argv, action_env);
	err = errno;
	(void)!write(errfd, &err, sizeof(err));
	_exit(127);
}

/* fd moved above stdio (a daemon may have closed 0-2), close-on-exec. */
static int fd_high(int fd)
{
	int high;

	if (fd > 2)
		return fd;
	high = fcntl(fd, F_DUPFD_CLOEXEC, 3);
	close(fd);
	return high < 0 ? -errno : high;
}

/* The exec's outcome: 0, or the child's errno (the child is reaped). */
static int spawn_result(pid_t pid, int errfd)
{
	ssize_t n;
	int err;

	do
		n = read(errfd, &err, sizeof(err));
	while (n < 0 && errno == EINTR);
	if (n == 0)
		return 0;
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	return n == (ssize_t)sizeof(err) ? -err : -EIO;
}

/* Start argv with stdin_fd (or /dev/null when -1) as its stdin. glibc's
 * posix_spawn is not used: it leaves its internal signals 32 and 33
 * ignored in the program it starts. */
static int spawn(char *const argv[], int stdin_fd, pid_t *ret_pid)
{
	int p[2], r;
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -errno;
	p[0] = fd_high(p[0]);
	p[1] = fd_high(p[1]);
	if (p[0] < 0 || p[1] < 0) {
		r = p[0] < 0 ? p[0] : p[1];
		goto out;
	}
	pid = fork();
	if (pid == 0)
		child_exec(argv, stdin_fd, p[1]);
	if (pid < 0) {
		r = -errno;
		goto out;
	}
	close(p[1]);
	p[1] = -1;
	r = spawn_result(pid, p[0]);
	if (r == 0)
		*ret_pid = pid;
out:
	if (p[0] >= 0)
		close(p[0]);
	if (p[1] >= 0)
		close(p[1]);
	return r;
}

int action_exec(const char *path, pid_t *ret_pid)
{
	char *argv[2] = { (char *)path, NULL };

	if (path[0] != '/')
		return -EINVAL;
	return spawn(argv, -1, ret_pid);
}

int action_command(const char *command, pid_t *ret_pid)
{
	struct argv a;
	int r;

	r = argv_split(&a, command);
	if (r == 0)
		r = spawn(a.v, -1, ret_pid);
	free(a.copy);
	return r;
}

static bool acct_valid(const char *acct)
{
	if (!*acct || *acct == '-')
		return false;
	for (; *acct; acct++)
		if (is_blank(*acct))
			return false;
	return true;
}

/* A pipe holding the whole message, ready to be the child's stdin. */
static int mail_pipe(const char *acct, const char *subject, const char *body,
		     int *ret_fd)
{
	char msg[ACTION_MAIL_MAX];
	int fds[2], n, r = 0;

	n = snprintf(msg, sizeof(msg), "To: %s\nSubject: %s\n\n%s\n",
		     acct, subject, body);
	if (n < 0)
		return -EINVAL;
	if ((size_t)n >= sizeof(msg))
		n = sizeof(msg) - 1;
	if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0)
		return -errno;
	if (write(fds[1], msg, (size_t)n) != n)
		r = -EIO;
	close(fds[1]);
	fds[0] = fd_high(fds[0]);
	if (r < 0 || fds[0] < 0) {
		if (fds[0] >= 0)
			close(fds[0]);
		return r < 0 ? r : fds[0];
	}
	*ret_fd = fds[0];
	return 0;
}

int action_email(const char *mail_command, const char *acct,
		 const char *subject, const char *body, pid_t *ret_pid)
{
	struct argv a;
	int fd = -1, r;

	if (!acct_valid(acct))
		return -EINVAL;
	r = argv_split(&a, mail_command);
	if (r == 0)
		r = argv_push(&a, (char *)acct);
	if (r == 0)
		r = mail_pipe(acct, subject, body, &fd);
	if (r == 0)
		r = spawn(a.v, fd, ret_pid);
	if (fd >= 0)
		close(fd);
	free(a.copy);
	return r;
}

int action_reap(struct action_exit *ret)
{
	int status;
	pid_t pid;

	do
		pid = waitpid(-1, &status, WNOHANG);
	while (pid < 0 && errno == EINTR);
	if (pid < 0)
		return errno == ECHILD ? 0 : -errno;
	if (pid == 0)
		return 0;
	ret->pid = pid;
	ret->status = status;
	return 1;
}
