/*
 * audoctor: the hub every check shares.
 *
 * main() gathers once (auditd.conf, the kernel's rules, samples of the
 * kernel queue over --watch, the logs of the last hour, the kernel log),
 * then runs each check over what was gathered. A check reads struct
 * doctor, adds findings, and records a skip when what it needs could not
 * be gathered; it changes nothing on the machine, ever.
 */
#ifndef AUDOCTOR_H
#define AUDOCTOR_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "finding.h"
#include "logscan.h"
#include "sample.h"

struct auditd_conf;
struct netlink;

/* Exit statuses (audoctor(8)). */
enum {
	AUDOCTOR_EXIT_HEALTHY = 0,
	AUDOCTOR_EXIT_WARNING = 1,
	AUDOCTOR_EXIT_PROBLEM = 2,
	AUDOCTOR_EXIT_USAGE = 3,	/* bad option or argument: nothing checked */
};

struct doctor_opts {
	char conf_dir[PATH_MAX];	/* -c, default /etc/audit */
	unsigned watch_ms;		/* --watch, default 3 s */
	unsigned interval_ms;		/* between samples, 100 ms */
	const char **logs;		/* --log FILE..., NULL = auditd.conf's log */
	size_t n_logs;
	const char *kmsg;		/* --kmsg FILE (a saved dmesg), NULL = /dev/kmsg */
	const char *proc_root;		/* "/proc" */
	bool json;
};

/* The kernel's rules, as AUDIT_LIST_RULES sent them. */
struct krule {
	struct audit_rule_data *data;	/* owned */
	size_t len;
	char *text;			/* as auditctl -l prints it, owned */
};

struct doctor {
	const struct doctor_opts *opts;
	struct findings findings;
	time_t now;

	/* auditd.conf: conf is NULL when it could not be read (conf_err). */
	char conf_path[PATH_MAX];
	struct auditd_conf *conf;
	char conf_err[512];

	/* The kernel: nl is NULL when audit is unreachable (nl_err, < 0). */
	struct netlink *nl;
	int nl_err;
	bool have_samples;
	struct ksamples samples;
	struct kfigures fig;
	bool have_rules;
	struct krule *rules;
	size_t n_rules;
	int rules_err;

	/* The logs: scan is NULL when none could be read (scan_err). */
	struct logscan *scan;
	char scan_err[512];
	bool scan_last_hour;		/* false with --log: every event counts */
};

/* Gathering (each records its own failure in struct doctor). */
void rules_gather(struct doctor *d);		/* rules.c */
void logscan_gather(struct doctor *d);		/* logscan.c */

/* Checks: each adds its findings or a skip. */
void kqueue_check(struct doctor *d);		/* kqueue.c: queue, failure mode */
void daemon_check(struct doctor *d);		/* daemon.c */
void rules_check(struct doctor *d);		/* rules.c */
void kmsg_check(struct doctor *d);		/* kmsg.c */
void disk_check(struct doctor *d);		/* disk.c */

/* `audoctor plan ...`: argv[0] is "plan". Returns the exit status. */
int plan_main(int argc, char **argv);		/* plan.c */

#endif
