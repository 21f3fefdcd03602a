/*
 * daemon: the hub. It brings the stages up in order (config, log, queue,
 * writer, reader, registration with the kernel), runs the main thread's
 * loop (signals through a signalfd, a one-second timer for polling the
 * kernel's counters and writing the metrics), and takes everything down
 * through one teardown path, so every exit, fatal ones included,
 * unregisters from the kernel.
 */
#ifndef AUDITD_DAEMON_H
#define AUDITD_DAEMON_H

#include <limits.h>
#include <stdbool.h>

enum daemon_enable { DAEMON_ENABLE, DAEMON_DISABLE, DAEMON_NOCHANGE };

/* The command line. */
struct daemon_opts {
	bool foreground;	/* -f: records to stderr, stay in front */
	bool follow_symlinks;	/* -l */
	bool no_fork;		/* -n */
	enum daemon_enable enable;	/* -s */
	char config_dir[PATH_MAX];	/* -c */
};

/* The reference's exit codes. */
enum {
	AUDITD_EXIT_OK = 0,
	AUDITD_EXIT_INIT = 1,
	AUDITD_EXIT_USAGE = 2,
	AUDITD_EXIT_PRIVILEGE = 4,
	AUDITD_EXIT_CONFIG = 6,
};

/* Run the daemon until SIGTERM/SIGINT. ready_fd >= 0 gets one byte (the
 * exit code, 0 = running) once start-up has succeeded or failed, for a
 * forking parent. Returns the exit code. */
int daemon_run(const struct daemon_opts *o, int ready_fd);

#endif
