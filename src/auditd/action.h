/*
 * action: the external part of an action (exec, email, single, halt),
 * started without ever waiting for it.
 *
 * Each function forks one child and returns its pid once the child has
 * exec'd (or the exec's error, after reaping the failed child). The
 * child gets: stdin /dev/null (the mail
 * message for email), stdout and stderr /dev/null, no other fds, an empty
 * signal mask, every signal at its default, a session of its own (a
 * terminal's ^C in auditd -f does not reach it), and a fixed environment
 * (PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin,
 * nothing else: the reference passes an empty environment, which leaves a
 * script unable to find "service" or "auditctl" without full paths).
 * Programs are absolute paths; a failed exec (missing, not executable)
 * is reported by the call, as -errno.
 *
 * Arguments, from the man pages: "exec /path-to-script" runs the script
 * with no arguments for every *_action that takes exec ("You cannot pass
 * parameters to the script"); single and halt run single_command and
 * halt_command, command lines split on blanks (no shell, no quoting);
 * email runs mail_command, split the same way, with action_mail_acct
 * appended as its last argument and the message on stdin, so the default
 * "/usr/sbin/sendmail" gets "sendmail root" and a mail with To: and
 * Subject: headers.
 *
 * The daemon reaps: action_reap() collects any exited child of the
 * process (plugins too: the caller matches pids). Nothing is logged.
 */
#ifndef AUDITD_ACTION_H
#define AUDITD_ACTION_H

#include <sys/types.h>

/* The longest mail message: it is written to a pipe before the child
 * starts, so it must fit in the pipe without blocking. */
#define ACTION_MAIL_MAX 4096

/* Run path with no arguments. */
int action_exec(const char *path, pid_t *ret_pid);

/* Run a command line (single_command, halt_command). "" is -EINVAL. */
int action_command(const char *command, pid_t *ret_pid);

/* Mail subject and body (borrowed, copied into the message, which is cut
 * at ACTION_MAIL_MAX) to acct through mail_command. acct must be a plain
 * address: no blanks, not starting with '-' (-EINVAL). */
int action_email(const char *mail_command, const char *acct,
		 const char *subject, const char *body, pid_t *ret_pid);

struct action_exit {
	pid_t pid;
	int status;	/* as waitpid() gives it: WIFEXITED etc. */
};

/* One exited child: 1 and *ret; 0 when none has exited or there are no
 * children; a negative errno otherwise. Call it until it returns 0. */
int action_reap(struct action_exit *ret);

#endif
