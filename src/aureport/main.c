/*
 * aureport: summary reports of audit logs, a drop-in for the reference's
 * aureport (3.0.9): same options, reports, bytes and exit statuses (see
 * man/aureport.8), plus --format json.
 *
 * main() parses the options, picks the inputs (-if FILE or DIRECTORY,
 * stdin when it is a pipe, else the log set named by auditd.conf),
 * then feeds every event through the time, node and success filters to
 * the report. Events come from lib/source (records grouped as the
 * reference groups them); items.c takes from each only what reports use.
 */
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "items.h"
#include "logset.h"
#include "opts.h"
#include "report.h"
#include "source.h"
#include "timespec.h"

#define AUDITD_CONF AUDITKIT_SYSCONFDIR "/audit/auditd.conf"
#define DEFAULT_LOG "/var/log/audit/audit.log"

/* The inputs: paths (owned by set, or borrowed from -if), or stdin. */
struct inputs {
	struct logset set;
	const char *single;
	bool use_stdin;
};

/* log_file from auditd.conf, or the default (copied into buf). */
static const char *main_conf_log(char *buf, size_t cap)
{
	FILE *f = fopen(AUDITD_CONF, "r");
	char line[4200];

	snprintf(buf, cap, "%s", DEFAULT_LOG);
	if (!f)
		return buf;
	while (fgets(line, sizeof(line), f)) {
		char *p = line + strspn(line, " \t");
		if (strncmp(p, "log_file", 8) != 0)
			continue;
		p += 8 + strspn(p + 8, " \t");
		if (*p != '=')
			continue;
		p += 1 + strspn(p + 1, " \t");
		p[strcspn(p, " \t\r\n")] = 0;
		if (*p)
			snprintf(buf, cap, "%s", p);
		break;
	}
	fclose(f);
	return buf;
}

/* Choose the inputs; 0, or 1 after printing the reason. */
static int main_inputs(const struct aureport_opts *o, struct inputs *in)
{
	struct stat st;
	char path[4200];

	memset(in, 0, sizeof(*in));
	if (o->input) {
		if (stat(o->input, &st) < 0) {
			perror("stat");
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			in->single = o->input;
			return 0;
		}
		snprintf(path, sizeof(path), "%s/audit.log", o->input);
		fprintf(stderr, "NOTE - using logs in %s\n", path);
	} else if (!o->input_logs && fstat(0, &st) == 0 &&
		   (S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode))) {
		in->use_stdin = true;
		return 0;
	} else {
		main_conf_log(path, sizeof(path));
	}
	int rc = logset_discover(path, &in->set);
	if (rc < 0) {
		fprintf(stderr, "Error opening %s (%s)\n", path, strerror(-rc));
		return 1;
	}
	return 0;
}

static bool main_node_ok(const struct aureport_opts *o, const struct event *ev)
{
	if (!o->node_count)
		return true;
	for (size_t i = 0; i < o->node_count; i++)
		if (ev->node && strlen(o->nodes[i]) == ev->node_len &&
		    memcmp(o->nodes[i], ev->node, ev->node_len) == 0)
			return true;
	return false;
}

static bool main_success_ok(const struct aureport_opts *o, const struct items *it)
{
	if (o->success == SUCC_FAILED)
		return it->success == SUCC_NO;
	if (o->success == SUCC_SUCCESS)
		return it->success == SUCC_YES;
	return true;
}

static void main_bad_line(const char *path, uint64_t line_no,
			  enum record_error why, void *user)
{
	fprintf(stderr, "%s:%llu: %s\n", path, (unsigned long long)line_no,
		record_error_text(why));
}

/* Every event of the source through the filters to the report.
 * 0, or 1 after an input error was printed. */
static int main_run(const struct aureport_opts *o, struct source *src,
		    struct report *rep, struct items *it)
{
	const struct event *ev;
	int rc;
	struct timespec_point ts = { o->start_sec, 0, false };
	struct timespec_point te = { o->end_sec, 0, false };

	while ((rc = source_next(src, &ev)) != 0) {
		if (rc < 0) {
			fprintf(stderr, "Error opening %s (%s)\n",
				source_failed_path(src), strerror(-rc));
			return 1;
		}
		bool in_range = timespec_in_range(o->have_start ? &ts : NULL,
						  o->have_end ? &te : NULL, ev->sec);
		report_seen(rep, ev, in_range);
		if (!in_range)
			continue;
		if (!main_node_ok(o, ev))
			continue;
		if (items_fill(it, ev) < 0)
			return 1;
		/* -nc: configuration changes are left out of every report */
		if (o->no_config && it->type == 1305)
			continue;
		if (report_reads_sockaddr(o))
			items_sockaddr(it);
		if (main_success_ok(o, it))
			report_event(rep, it);
	}
	return 0;
}

static int main_source(const struct aureport_opts *o, const char *const *paths,
		       size_t n, struct report *rep, struct items *it)
{
	struct source *src;

	if (source_new(paths, n, o->eoe_timeout, &src) < 0)
		return 1;
	if (o->debug)
		source_on_bad_line(src, main_bad_line, NULL);
	int rc = main_run(o, src, rep, it);
	source_free(src);
	return rc;
}

static int main_report(const struct aureport_opts *o, struct inputs *in,
		       struct report *rep)
{
	struct items it;
	int rc = 0;

	items_init(&it);
	it.debug = o->debug;
	it.reads_terminal = report_reads_terminal(o);
	it.reads_files = report_reads_files(o);
	if (in->use_stdin) {
		rc = main_source(o, NULL, 0, rep, &it);
		if (o->report == RPT_TIME)
			report_time_line(rep, "stdin");
	} else if (in->single) {
		rc = main_source(o, &in->single, 1, rep, &it);
		if (o->report == RPT_TIME)
			report_time_line(rep, in->single);
	} else if (o->report == RPT_TIME) {
		for (size_t i = 0; i < in->set.count && !rc; i++) {
			const char *p = in->set.paths[i];
			rc = main_source(o, &p, 1, rep, &it);
			report_time_line(rep, p);
		}
	} else {
		rc = main_source(o, (const char *const *)in->set.paths,
				 in->set.count, rep, &it);
	}
	items_release(&it);
	return rc;
}

int main(int argc, char **argv)
{
	struct aureport_opts o;
	struct inputs in;

	setlocale(LC_ALL, "");
	int rc = opts_parse(argc, argv, &o);
	if (rc >= 0)
		return rc;
	if (o.summary && (o.report == RPT_TIME || o.report == RPT_TTY)) {
		fputs("\n", stdout);
		fputs("Unimplemented option\n", stderr);
		return 1;
	}
	struct report *rep = report_new(&o, stdout);
	if (!rep)
		return 1;
	rc = main_inputs(&o, &in);
	report_begin(rep);
	if (rc == 0)
		rc = main_report(&o, &in, rep);
	if (rc == 0)
		rc = report_end(rep);
	report_free(rep);
	logset_clear(&in.set);
	return rc;
}
