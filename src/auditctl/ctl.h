/*
 * auditctl's shared state and the commands its options run.
 *
 * One struct ctl lives for the whole run. ctl_line() processes one command
 * line: the program's own argv, or one line of a -R rules file split into
 * words. Options act in the order given, as the reference's do: settings
 * are sent at once, rule options build one rule that is sent when the line
 * ends. Output goes to ctl->out and ctl->err so tests can capture it, and
 * the kernel is reached only through ctl->nl, which tests replace with a
 * fake kernel.
 */
#ifndef AUDITKIT_CTL_H
#define AUDITKIT_CTL_H

#include <stdbool.h>
#include <stdio.h>
#include "tables.h"

struct netlink;
struct rule;

struct ctl {
	struct netlink *nl;		/* borrowed; opened on first use if NULL */
	int (*open_netlink)(struct netlink **ret);
	enum machine host;
	FILE *out, *err;
	bool interactive;		/* stdin or stderr is a terminal */
	int failsafe_sample_ms;		/* -f 2 guard: time between samples */
	/* per run */
	bool continue_on_error;		/* -c */
	bool ignore_errors;		/* -i alone */
	bool in_rules_file;		/* lines come from -R */
	bool force;			/* --force: -f 2 even while losing */
	unsigned lineno;		/* line of the -R file, 0 outside one */
	/* per line */
	int argc;			/* words on the line, for -m and -s */
	struct rule *rule;
	bool list, list_interpret, status, status_interpret, delete_all;
	bool print_status;		/* a setting changed: show the result */
	bool drop_rule;			/* the rule was refused with a notice */
	const char *key;		/* -k given with -l or -D */
	const char *rules_file;		/* -R: loaded when the line is done */
};

/* Lines return 0, or the exit status the line failed with. */
int ctl_line(struct ctl *c, int argc, char **argv);
/* The kernel connection, opened on first use. 0 or an exit status (and the
 * reason already printed). */
int ctl_netlink(struct ctl *c, struct netlink **ret);
/* Print "what: reason" for a negative errno from the kernel side. */
int ctl_kernel_error(struct ctl *c, const char *what, int err);

/* ctl_status.c */
int ctl_status_print(struct ctl *c, bool interpret, bool features);
int ctl_status_set(struct ctl *c, int option, const char *value);
int ctl_status_reset_lost(struct ctl *c);
int ctl_status_reset_wait_actual(struct ctl *c);
int ctl_status_loginuid_immutable(struct ctl *c);
int ctl_status_signal(struct ctl *c, const char *name);

/* ctl_message.c: -m */
int ctl_message_send(struct ctl *c, const char *text);

/* ctl_failsafe.c: may failure mode 2 be set now? 0, or an exit status. */
int ctl_failsafe_check(struct ctl *c);

/* ctl_rules.c */
int ctl_rules_list(struct ctl *c, const char *key, bool interpret);
int ctl_rules_delete_all(struct ctl *c, const char *key);
int ctl_rules_send(struct ctl *c, struct rule *r);

/* ctl_file.c: -R */
int ctl_file_load(struct ctl *c, const char *path);

void ctl_usage(FILE *f);

#endif
