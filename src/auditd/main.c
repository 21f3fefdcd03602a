/*
 * auditd: the audit daemon. main() reads the command line the reference
 * takes (-f -l -n -s -c), checks privilege, forks unless told not to, and
 * hands over to daemon_run(). A forking parent waits for the child's
 * start-up verdict and exits with it, so `auditd; echo $?` tells the truth.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <syslog.h>
#include <unistd.h>
#include <linux/capability.h>

#include "daemon.h"

static void usage(void)
{
	fprintf(stderr, "Usage: auditd [-f] [-l] [-n] [-s disable|enable|nochange] "
		"[-c <config_file>]\n");
}

static bool parse_enable(const char *s, enum daemon_enable *ret)
{
	if (strcmp(s, "enable") == 0)
		*ret = DAEMON_ENABLE;
	else if (strcmp(s, "disable") == 0)
		*ret = DAEMON_DISABLE;
	else if (strcmp(s, "nochange") == 0)
		*ret = DAEMON_NOCHANGE;
	else
		return false;
	return true;
}

/* 0, or the exit code for a bad command line. */
static int parse_args(int argc, char **argv, struct daemon_opts *o)
{
	int c;

	memset(o, 0, sizeof(*o));
	snprintf(o->config_dir, sizeof(o->config_dir), "%s/audit",
		 AUDITKIT_SYSCONFDIR);
	while ((c = getopt(argc, argv, "flns:c:")) != -1) {
		switch (c) {
		case 'f': o->foreground = true; break;
		case 'l': o->follow_symlinks = true; break;
		case 'n': o->no_fork = true; break;
		case 's':
			if (!parse_enable(optarg, &o->enable)) {
				fprintf(stderr, "unknown startup mode '%s'\n", optarg);
				usage();
				return AUDITD_EXIT_USAGE;
			}
			break;
		case 'c':
			if (strlen(optarg) >= sizeof(o->config_dir) - 16) {
				fprintf(stderr, "Config directory path too long\n");
				return AUDITD_EXIT_USAGE;
			}
			snprintf(o->config_dir, sizeof(o->config_dir), "%s", optarg);
			break;
		default:
			usage();
			return AUDITD_EXIT_USAGE;
		}
	}
	if (optind < argc) {
		usage();
		return AUDITD_EXIT_USAGE;
	}
	return 0;
}

/* Root, or CAP_AUDIT_CONTROL in the effective set. */
static bool may_run(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (geteuid() == 0)
		return true;
	if (syscall(SYS_capget, &h, d) < 0)
		return false;
	return d[CAP_AUDIT_CONTROL / 32].effective & (1u << (CAP_AUDIT_CONTROL % 32));
}

/* Fork; the parent waits for the child's verdict and exits with it. */
static int background(int *ret_ready_fd)
{
	int p[2];
	unsigned char code = 1;
	pid_t pid;

	if (pipe(p) != 0)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		close(p[1]);
		if (read(p[0], &code, 1) != 1)
			code = 1;
		_exit(code);
	}
	close(p[0]);
	setsid();
	if (chdir("/") != 0)
		return -1;
	umask(027);
	*ret_ready_fd = p[1];
	return 0;
}

int main(int argc, char **argv)
{
	struct daemon_opts o;
	int code = parse_args(argc, argv, &o);
	int ready_fd = -1;

	if (code)
		return code;
	if (!may_run()) {
		fprintf(stderr, "You must be root or have capabilities to run "
			"this program.\n");
		return AUDITD_EXIT_PRIVILEGE;
	}
	openlog("auditd", LOG_PID, LOG_DAEMON);
	if (!o.foreground && !o.no_fork && background(&ready_fd) != 0) {
		fprintf(stderr, "Cannot daemonize\n");
		return AUDITD_EXIT_INIT;
	}
	return daemon_run(&o, ready_fd);
}
