/*
 * opts: aureport's command line (see opts.h). A table maps each option
 * word to what it sets; the few options that take a value have their own
 * small handlers. Messages and the usage text are the reference's bytes.
 */
#include "opts.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "timespec.h"

static const char opts_usage_text[] =
	"usage: aureport [options]\n"
	"\t-a,--avc\t\t\tAvc report\n"
	"\t-au,--auth\t\t\tAuthentication report\n"
	"\t--comm\t\t\t\tCommands run report\n"
	"\t-c,--config\t\t\tConfig change report\n"
	"\t-cr,--crypto\t\t\tCrypto report\n"
	"\t--debug\t\t\t\tWrite malformed events that are skipped to stderr\n"
	"\t--eoe-timeout secs\t\tEnd of Event Timeout\n"
	"\t-e,--event\t\t\tEvent report\n"
	"\t--escape option\t\t\tEscape output\n"
	"\t-f,--file\t\t\tFile name report\n"
	"\t--failed\t\t\tonly failed events in report\n"
	"\t-h,--host\t\t\tRemote Host name report\n"
	"\t--help\t\t\t\thelp\n"
	"\t-i,--interpret\t\t\tInterpretive mode\n"
	"\t-if,--input <Input File name>\tuse this file as input\n"
	"\t--input-logs\t\t\tUse the logs even if stdin is a pipe\n"
	"\t--integrity\t\t\tIntegrity event report\n"
	"\t-k,--key\t\t\tKey report\n"
	"\t-l,--login\t\t\tLogin report\n"
	"\t-m,--mods\t\t\tModification to accounts report\n"
	"\t-ma,--mac\t\t\tMandatory Access Control (MAC) report\n"
	"\t-n,--anomaly\t\t\taNomaly report\n"
	"\t-nc,--no-config\t\t\tDon't include config events\n"
	"\t--node <node name>\t\tOnly events from a specific node\n"
	"\t-p,--pid\t\t\tPid report\n"
	"\t-r,--response\t\t\tResponse to anomaly report\n"
	"\t-s,--syscall\t\t\tSyscall report\n"
	"\t--success\t\t\tonly success events in report\n"
	"\t--summary\t\t\tsorted totals for main object in report\n"
	"\t-t,--log\t\t\tLog time range report\n"
	"\t-te,--end [end date] [end time]\tending date & time for reports\n"
	"\t-tm,--terminal\t\t\tTerMinal name report\n"
	"\t-ts,--start [start date] [start time]\tstarting data & time for reports\n"
	"\t--tty\t\t\t\tReport about tty keystrokes\n"
	"\t-u,--user\t\t\tUser name report\n"
	"\t-v,--version\t\t\tVersion\n"
	"\t--virt\t\t\t\tVirtualization report\n"
	"\t-x,--executable\t\t\teXecutable name report\n"
	"\tIf no report is given, the summary report will be displayed\n";

void opts_usage(void)
{
	fputs(opts_usage_text, stdout);
}

/* What an option word does. */
enum opt_kind {
	OK_REPORT,	/* selects a report */
	OK_FLAG,	/* sets a bool */
	OK_VALUE,	/* takes the next word */
	OK_TIME,	/* -ts/-te: one or two words */
	OK_HELP, OK_VERSION,
};

enum opt_flag { F_SUMMARY, F_INTERPRET, F_NOCONFIG, F_DEBUG, F_INPUTLOGS,
		F_FAILED, F_SUCCESS };
enum opt_value { V_INPUT, V_NODE, V_EOE, V_ESCAPE, V_FORMAT };

struct opt_word {
	const char *word;
	enum opt_kind kind;
	int what;
};

static const struct opt_word opts_table[] = {
	{ "-a", OK_REPORT, RPT_AVC }, { "--avc", OK_REPORT, RPT_AVC },
	{ "-au", OK_REPORT, RPT_AUTH }, { "--auth", OK_REPORT, RPT_AUTH },
	{ "--comm", OK_REPORT, RPT_COMM },
	{ "-c", OK_REPORT, RPT_CONFIG }, { "--config", OK_REPORT, RPT_CONFIG },
	{ "-cr", OK_REPORT, RPT_CRYPTO }, { "--crypto", OK_REPORT, RPT_CRYPTO },
	{ "-e", OK_REPORT, RPT_EVENT }, { "--event", OK_REPORT, RPT_EVENT },
	{ "-f", OK_REPORT, RPT_FILE }, { "--file", OK_REPORT, RPT_FILE },
	{ "-h", OK_REPORT, RPT_HOST }, { "--host", OK_REPORT, RPT_HOST },
	{ "--integrity", OK_REPORT, RPT_INTEGRITY },
	{ "-k", OK_REPORT, RPT_KEY }, { "--key", OK_REPORT, RPT_KEY },
	{ "-l", OK_REPORT, RPT_LOGIN }, { "--login", OK_REPORT, RPT_LOGIN },
	{ "-m", OK_REPORT, RPT_MODS }, { "--mods", OK_REPORT, RPT_MODS },
	{ "-ma", OK_REPORT, RPT_MAC }, { "--mac", OK_REPORT, RPT_MAC },
	{ "-n", OK_REPORT, RPT_ANOMALY }, { "--anomaly", OK_REPORT, RPT_ANOMALY },
	{ "-p", OK_REPORT, RPT_PID }, { "--pid", OK_REPORT, RPT_PID },
	{ "-r", OK_REPORT, RPT_RESPONSE }, { "--response", OK_REPORT, RPT_RESPONSE },
	{ "-s", OK_REPORT, RPT_SYSCALL }, { "--syscall", OK_REPORT, RPT_SYSCALL },
	{ "-t", OK_REPORT, RPT_TIME }, { "--log", OK_REPORT, RPT_TIME },
	{ "-tm", OK_REPORT, RPT_TERM }, { "--terminal", OK_REPORT, RPT_TERM },
	{ "--tty", OK_REPORT, RPT_TTY },
	{ "-u", OK_REPORT, RPT_USER }, { "--user", OK_REPORT, RPT_USER },
	{ "--virt", OK_REPORT, RPT_VIRT },
	{ "-x", OK_REPORT, RPT_EXE }, { "--executable", OK_REPORT, RPT_EXE },
	{ "--summary", OK_FLAG, F_SUMMARY },
	{ "-i", OK_FLAG, F_INTERPRET }, { "--interpret", OK_FLAG, F_INTERPRET },
	{ "-nc", OK_FLAG, F_NOCONFIG }, { "--no-config", OK_FLAG, F_NOCONFIG },
	{ "--debug", OK_FLAG, F_DEBUG },
	{ "--input-logs", OK_FLAG, F_INPUTLOGS },
	{ "--failed", OK_FLAG, F_FAILED }, { "--success", OK_FLAG, F_SUCCESS },
	{ "-if", OK_VALUE, V_INPUT }, { "--input", OK_VALUE, V_INPUT },
	{ "--node", OK_VALUE, V_NODE },
	{ "--eoe-timeout", OK_VALUE, V_EOE },
	{ "--escape", OK_VALUE, V_ESCAPE },
	{ "--format", OK_VALUE, V_FORMAT },
	{ "-ts", OK_TIME, TIMESPEC_START }, { "--start", OK_TIME, TIMESPEC_START },
	{ "-te", OK_TIME, TIMESPEC_END }, { "--end", OK_TIME, TIMESPEC_END },
	{ "--help", OK_HELP, 0 },
	{ "-v", OK_VERSION, 0 }, { "--version", OK_VERSION, 0 },
};

static const struct opt_word *opts_lookup(const char *w)
{
	for (size_t i = 0; i < sizeof(opts_table) / sizeof(opts_table[0]); i++)
		if (strcmp(opts_table[i].word, w) == 0)
			return &opts_table[i];
	return NULL;
}

/* An error: the message on stderr, the usage on stdout, status 1. */
__attribute__((format(printf, 2, 3)))
static int opts_fail(bool newline, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (newline)
		fputc('\n', stderr);
	opts_usage();
	return 1;
}

static void opts_flag(struct aureport_opts *o, int what)
{
	switch (what) {
	case F_SUMMARY: o->summary = true; break;
	case F_INTERPRET: o->interpret = true; break;
	case F_NOCONFIG: o->no_config = true; break;
	case F_DEBUG: o->debug = true; break;
	case F_INPUTLOGS: o->input_logs = true; break;
	/* The last of --failed and --success wins, as with the reference. */
	case F_FAILED: o->success = SUCC_FAILED; break;
	case F_SUCCESS: o->success = SUCC_SUCCESS; break;
	}
}

static int opts_value(struct aureport_opts *o, int what, const char *v)
{
	char *end;

	switch (what) {
	case V_INPUT:
		o->input = v;
		return -1;
	case V_NODE:
		if (o->node_count < OPTS_MAX_NODES)
			o->nodes[o->node_count++] = v;
		return -1;
	case V_EOE:
		errno = 0;
		unsigned long t = strtoul(v, &end, 10);
		if (*v < '0' || *v > '9' || *end || errno)
			return opts_fail(true, "End of Event Timeout must be a numeric value, was %s", v);
		o->eoe_timeout = (unsigned)t;
		return -1;
	case V_ESCAPE:
		if (strcmp(v, "raw") && strcmp(v, "tty") && strcmp(v, "shell") &&
		    strcmp(v, "shell_quote"))
			return opts_fail(true, "Unknown option (%s)", v);
		return -1;
	case V_FORMAT:
		if (strcmp(v, "json") == 0)
			o->format = FMT_JSON;
		else if (strcmp(v, "text") == 0)
			o->format = FMT_TEXT;
		else
			return opts_fail(true, "Unknown format (%s)", v);
		return -1;
	}
	return -1;
}

/* -ts/-te at argv[*i]: one or two words follow. */
static int opts_time(struct aureport_opts *o, int which, int argc,
		     char **argv, int *i)
{
	const char *w1 = *i + 1 < argc ? argv[*i + 1] : NULL;
	const char *w2 = NULL;
	struct timespec_point p;
	char err[TIMESPEC_ERR_MAX];
	int used = 0;

	if (!w1 || w1[0] == '-')
		return opts_fail(true, "%s requires either date and/or time", argv[*i]);
	if (*i + 2 < argc && argv[*i + 2][0] != '-')
		w2 = argv[*i + 2];
	if (timespec_parse(w1, w2, which, time(NULL), &p, &used, err,
			   sizeof(err)) < 0)
		return opts_fail(true, "%s", err);
	if (which == TIMESPEC_START) {
		o->have_start = true;
		o->start_sec = p.sec;
		o->start_msec = p.msec;
	} else {
		o->have_end = true;
		o->end_sec = p.sec;
		o->end_msec = p.msec;
	}
	*i += used;
	return -1;
}

static int opts_word(struct aureport_opts *o, int argc, char **argv, int *i,
		     bool *have_report)
{
	const struct opt_word *w = opts_lookup(argv[*i]);

	if (!w)
		return opts_fail(true, "%s is an unsupported option", argv[*i]);
	switch (w->kind) {
	case OK_REPORT:
		if (*have_report)
			return opts_fail(false, "%s", "Error - only one report can be specified");
		*have_report = true;
		o->report = (enum rpt)w->what;
		return -1;
	case OK_FLAG:
		opts_flag(o, w->what);
		return -1;
	case OK_VALUE:
		if (*i + 1 >= argc)
			return opts_fail(true, "Argument is required for %s", argv[*i]);
		(*i)++;
		return opts_value(o, w->what, argv[*i]);
	case OK_TIME:
		return opts_time(o, w->what, argc, argv, i);
	case OK_HELP:
		opts_usage();
		return 0;
	case OK_VERSION:
		printf("aureport version %s\n", "3.0.9");
		return 0;
	}
	return -1;
}

int opts_parse(int argc, char **argv, struct aureport_opts *o)
{
	bool have_report = false;

	memset(o, 0, sizeof(*o));
	o->report = RPT_SUMMARY;
	o->eoe_timeout = EVENT_EOE_TIMEOUT_DEFAULT;
	for (int i = 1; i < argc; i++) {
		int rc = opts_word(o, argc, argv, &i, &have_report);
		if (rc >= 0)
			return rc;
	}
	return -1;
}
