/*
 * opts: audoctor's command line (see opts.h). getopt_long in "-" mode
 * hands plain arguments over in place, so the files after --log keep the
 * order they were given in (the order logs are read in).
 */
#include "opts.h"
#include "mem.h"

#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_WATCH = 256, OPT_LOG, OPT_KMSG, OPT_JSON, OPT_HELP, OPT_PROC };

static const struct option opts_long[] = {
	{ "config-dir", required_argument, NULL, 'c' },
	{ "watch", required_argument, NULL, OPT_WATCH },
	{ "log", required_argument, NULL, OPT_LOG },
	{ "kmsg", required_argument, NULL, OPT_KMSG },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "help", no_argument, NULL, OPT_HELP },
	{ "proc-root", required_argument, NULL, OPT_PROC },
	{ NULL, 0, NULL, 0 },
};

static void opts_usage(FILE *f)
{
	fputs("usage: audoctor [-c CONFIG_DIR] [--watch SECONDS] [--log FILE...] "
	      "[--kmsg FILE] [--json]\n"
	      "       audoctor plan --log FILE... --drain RECORDS_PER_SECOND "
	      "[--backlog-limit N] [--wait-time MS] [--rate-limit N] [--json]\n",
	      f);
}

int opts_seconds(const char *text, unsigned *ret_ms)
{
	char *end;
	double v;

	if (!*text || strspn(text, "0123456789.") != strlen(text))
		return -1;
	v = strtod(text, &end);
	if (*end || !isfinite(v) || v < 0 || v > 3600)
		return -1;
	*ret_ms = (unsigned)(v * 1000 + 0.5);
	return 0;
}

static int opts_fail(FILE *err, const char *what, const char *arg)
{
	fprintf(err, "audoctor: %s: %s\n", what, arg);
	return AUDOCTOR_EXIT_USAGE;
}

static void opts_defaults(struct doctor_opts *o)
{
	memset(o, 0, sizeof(*o));
	strcpy(o->conf_dir, "/etc/audit");
	o->watch_ms = 3000;
	o->interval_ms = 100;
	o->proc_root = "/proc";
}

int opts_parse(int argc, char **argv, struct doctor_opts *o, FILE *out,
	       FILE *err)
{
	int c;

	opts_defaults(o);
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "-:c:", opts_long, NULL)) != -1) {
		switch (c) {
		case 'c':
			if (strlen(optarg) >= sizeof(o->conf_dir) || !*optarg)
				return opts_fail(err, "bad config directory", optarg);
			strcpy(o->conf_dir, optarg);
			break;
		case OPT_WATCH:
			if (opts_seconds(optarg, &o->watch_ms) < 0)
				return opts_fail(err, "--watch wants seconds from 0 to 3600, not", optarg);
			break;
		case OPT_LOG:
			mem_push_path(&o->logs, &o->n_logs, optarg);
			break;
		case 1:
			if (!o->n_logs)
				return opts_fail(err, "unexpected argument (log files follow --log)", optarg);
			mem_push_path(&o->logs, &o->n_logs, optarg);
			break;
		case OPT_KMSG:
			o->kmsg = optarg;
			break;
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_PROC:
			o->proc_root = optarg;
			break;
		case OPT_HELP:
			opts_usage(out);
			return 0;
		case ':':
			return opts_fail(err, "option needs an argument", argv[optind - 1]);
		default:
			fprintf(err, "audoctor: unknown option: %s\n", argv[optind - 1]);
			opts_usage(err);
			return AUDOCTOR_EXIT_USAGE;
		}
	}
	return -1;
}

void opts_free(struct doctor_opts *o)
{
	free(o->logs);
	o->logs = NULL;
	o->n_logs = 0;
}
