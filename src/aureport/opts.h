/*
 * opts: aureport's command line, parsed into a struct as the reference
 * reads it: every word is matched whole against the option table (no
 * bundling, no "--opt=value"), one report at most, -ts/-te take one or two
 * words (a date and/or a time, or a keyword) through lib/timespec.
 *
 * Errors are reported the reference's way: a message on stderr, the usage
 * text on stdout, exit status 1 (opts_parse returns the status to exit
 * with, or -1 to go on).
 */
#ifndef AUREPORT_OPTS_H
#define AUREPORT_OPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

enum rpt {
	RPT_SUMMARY,	/* no report option: the main summary */
	RPT_AVC, RPT_AUTH, RPT_COMM, RPT_CONFIG, RPT_CRYPTO, RPT_EVENT,
	RPT_FILE, RPT_HOST, RPT_INTEGRITY, RPT_KEY, RPT_LOGIN, RPT_MODS,
	RPT_MAC, RPT_ANOMALY, RPT_PID, RPT_RESPONSE, RPT_SYSCALL, RPT_TIME,
	RPT_TERM, RPT_TTY, RPT_USER, RPT_VIRT, RPT_EXE,
	RPT_COUNT,
};

enum success_filter { SUCC_ANY, SUCC_FAILED, SUCC_SUCCESS };
enum out_format { FMT_TEXT, FMT_JSON };

#define OPTS_MAX_NODES 32

struct aureport_opts {
	enum rpt report;
	bool summary;		/* --summary */
	bool interpret;		/* -i */
	bool no_config;		/* -nc */
	bool debug;		/* --debug */
	bool input_logs;	/* --input-logs */
	enum success_filter success;
	enum out_format format;	/* --format text|json (ours) */
	const char *input;	/* -if: file or directory; NULL: logs/stdin */
	const char *nodes[OPTS_MAX_NODES];
	size_t node_count;
	bool have_start, have_end;
	time_t start_sec, end_sec;
	unsigned start_msec, end_msec;
	unsigned eoe_timeout;
};

/* Fill *o from argv (borrowed: strings stay argv's). Returns -1 to go on,
 * or the exit status after printing help, version or an error. */
int opts_parse(int argc, char **argv, struct aureport_opts *o);

/* The usage text (stdout, as the reference prints it). */
void opts_usage(void);

#endif
