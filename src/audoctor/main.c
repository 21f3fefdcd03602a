/*
 * audoctor: measure the audit subsystem and say what to change. main()
 * reads the command line, gathers (auditd.conf, the kernel's rules, the
 * queue sampled over --watch, the logs), runs every check, and reports.
 * It never changes anything: every request it sends is a read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audoctor.h"
#include "conf.h"
#include "netlink.h"
#include "opts.h"
#include "report.h"

static void main_conf(struct doctor *d)
{
	int n = snprintf(d->conf_path, sizeof(d->conf_path), "%s/auditd.conf",
			 d->opts->conf_dir);

	if (n < 0 || (size_t)n >= sizeof(d->conf_path)) {
		snprintf(d->conf_err, sizeof(d->conf_err), "%.400s: path too long",
			 d->opts->conf_dir);
		return;
	}
	d->conf = malloc(sizeof(*d->conf));
	if (!d->conf)
		abort();
	if (conf_load(d->conf_path, 0, d->conf, d->conf_err,
		      sizeof(d->conf_err)) < 0) {
		free(d->conf);
		d->conf = NULL;
	}
}

/* The kernel's queue, sampled for --watch; without it the queue and
 * daemon checks have nothing to read and say so once, here. */
static void main_kernel(struct doctor *d)
{
	const char *log = d->conf && d->conf->write_logs ? d->conf->log_file : NULL;
	int err = netlink_open(&d->nl);

	if (err == 0) {
		rules_gather(d);
		err = sample_run(d->nl, d->opts->watch_ms, d->opts->interval_ms,
				 log, d->opts->proc_root, &d->samples);
	}
	if (err < 0) {
		d->nl_err = err;
		findings_skip(&d->findings, "kernel queue and daemon",
			      "%s", netlink_strerror(err));
		return;
	}
	d->have_samples = true;
	ksamples_figures(&d->samples, &d->fig);
}

static void main_free(struct doctor *d)
{
	if (d->nl)
		netlink_close(d->nl);
	if (d->have_samples)
		ksamples_free(&d->samples);
	for (size_t i = 0; i < d->n_rules; i++) {
		free(d->rules[i].data);
		free(d->rules[i].text);
	}
	free(d->rules);
	if (d->scan) {
		logscan_free(d->scan);
		free(d->scan);
	}
	free(d->conf);
	findings_free(&d->findings);
}

int main(int argc, char **argv)
{
	struct doctor_opts o;
	struct doctor d;
	int rc;

	if (argc > 1 && strcmp(argv[1], "plan") == 0)
		return plan_main(argc - 1, argv + 1);
	rc = opts_parse(argc, argv, &o, stdout, stderr);
	if (rc >= 0)
		return rc;
	memset(&d, 0, sizeof(d));
	d.opts = &o;
	d.now = time(NULL);
	main_conf(&d);
	main_kernel(&d);
	logscan_gather(&d);
	kqueue_check(&d);
	daemon_check(&d);
	rules_check(&d);
	kmsg_check(&d);
	disk_check(&d);
	findings_sort(&d.findings);
	if (o.json)
		report_json(&d, stdout);
	else
		report_text(&d, stdout);
	rc = findings_exit_code(&d.findings);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("audoctor: stdout");
		rc = AUDOCTOR_EXIT_USAGE;
	}
	main_free(&d);
	opts_free(&o);
	return rc;
}
