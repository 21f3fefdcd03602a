/*
 * finding: what audoctor found, as a list the checks fill and the report
 * prints.
 *
 * A finding has a stable id (the names in audoctor(8): "events-lost",
 * "daemon-stopped", ...), a severity, a one-line summary, evidence (named
 * numbers and texts, in the order added) and a fix (the exact change: an
 * auditctl command, a rules.d line, an auditd.conf key and value; several
 * lines allowed). A check that cannot run records why with findings_skip
 * instead of guessing. Everything is copied in; out of memory aborts (a
 * diagnostic tool has nothing useful to do without memory).
 */
#ifndef AUDOCTOR_FINDING_H
#define AUDOCTOR_FINDING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum severity { SEV_INFO, SEV_WARNING, SEV_PROBLEM };

enum evidence_kind { EV_INT, EV_REAL, EV_TEXT };

struct evidence {
	char *key;
	enum evidence_kind kind;
	int64_t i;
	double r;
	char *text;
};

struct finding {
	char *id;
	enum severity severity;
	char *summary;
	char *fix;		/* "" when there is nothing to change */
	struct evidence *ev;
	size_t n_ev, cap_ev;
};

struct skipped {
	char *check;		/* "kernel queue", "disk", ... */
	char *reason;
};

struct findings {
	struct finding *v;
	size_t n, cap;
	struct skipped *skips;
	size_t n_skips, cap_skips;
};

/* Add a finding; the summary is printf-formatted. The result stays valid
 * until the next findings_add (the array may move). */
struct finding *findings_add(struct findings *f, const char *id,
			     enum severity sev, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* Append one line to the fix (lines are joined with '\n'). */
void finding_fix(struct finding *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Where rules are made permanent, as the fix lines name it. */
#define FINDING_RULES_D "/etc/audit/rules.d/*.rules"
/* A kernel setting's two fix lines: `auditctl OPT VALUE` for now and the
 * line in FINDING_RULES_D that keeps it ("in ...: OPT VALUE"). */
void finding_fix_setting(struct finding *x, const char *opt, uint64_t value);
void finding_int(struct finding *x, const char *key, int64_t v);
void finding_real(struct finding *x, const char *key, double v);
void finding_text(struct finding *x, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* A check that could not run, and why (one line). */
void findings_skip(struct findings *f, const char *check, const char *fmt,
		   ...) __attribute__((format(printf, 3, 4)));

/* Worst first; equal severities keep the order the checks added them. */
void findings_sort(struct findings *f);
/* The first finding with this id, or NULL. */
const struct finding *findings_find(const struct findings *f, const char *id);
/* 2 when any problem, 1 when any warning or skipped check, else 0. */
int findings_exit_code(const struct findings *f);
void findings_free(struct findings *f);

const char *severity_name(enum severity s);

#endif
