/*
 * finding: the list of findings and skipped checks (see finding.h).
 *
 * Strings are formatted into heap copies with vasprintf; growth doubles.
 * Sorting is a stable insertion sort on severity: lists are a few dozen
 * entries and the checks' order (kernel, daemon, rules, kernel log, disk)
 * is the order a reader wants among equals.
 */
#include "finding.h"
#include "mem.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *finding_vformat(const char *fmt, va_list ap)
{
	char *s;

	if (vasprintf(&s, fmt, ap) < 0)
		abort();
	return s;
}

struct finding *findings_add(struct findings *f, const char *id,
			     enum severity sev, const char *fmt, ...)
{
	struct finding *x;
	va_list ap;

	f->v = mem_grow(f->v, &f->cap, f->n, sizeof(*f->v));
	x = &f->v[f->n++];
	memset(x, 0, sizeof(*x));
	x->id = mem_strdup(id);
	x->severity = sev;
	va_start(ap, fmt);
	x->summary = finding_vformat(fmt, ap);
	va_end(ap);
	x->fix = mem_strdup("");
	return x;
}

void finding_fix(struct finding *x, const char *fmt, ...)
{
	va_list ap;
	char *line, *joined;

	va_start(ap, fmt);
	line = finding_vformat(fmt, ap);
	va_end(ap);
	if (!*x->fix) {
		free(x->fix);
		x->fix = line;
		return;
	}
	if (asprintf(&joined, "%s\n%s", x->fix, line) < 0)
		abort();
	free(x->fix);
	free(line);
	x->fix = joined;
}

void finding_fix_setting(struct finding *x, const char *opt, uint64_t value)
{
	finding_fix(x, "auditctl %s %" PRIu64, opt, value);
	finding_fix(x, "in " FINDING_RULES_D ": %s %" PRIu64, opt, value);
}

static struct evidence *finding_new_evidence(struct finding *x,
					     const char *key,
					     enum evidence_kind kind)
{
	struct evidence *e;

	x->ev = mem_grow(x->ev, &x->cap_ev, x->n_ev, sizeof(*x->ev));
	e = &x->ev[x->n_ev++];
	memset(e, 0, sizeof(*e));
	e->key = mem_strdup(key);
	e->kind = kind;
	return e;
}

void finding_int(struct finding *x, const char *key, int64_t v)
{
	finding_new_evidence(x, key, EV_INT)->i = v;
}

void finding_real(struct finding *x, const char *key, double v)
{
	finding_new_evidence(x, key, EV_REAL)->r = v;
}

void finding_text(struct finding *x, const char *key, const char *fmt, ...)
{
	struct evidence *e = finding_new_evidence(x, key, EV_TEXT);
	va_list ap;

	va_start(ap, fmt);
	e->text = finding_vformat(fmt, ap);
	va_end(ap);
}

void findings_skip(struct findings *f, const char *check, const char *fmt,
		   ...)
{
	struct skipped *s;
	va_list ap;

	f->skips = mem_grow(f->skips, &f->cap_skips, f->n_skips,
				sizeof(*f->skips));
	s = &f->skips[f->n_skips++];
	s->check = mem_strdup(check);
	va_start(ap, fmt);
	s->reason = finding_vformat(fmt, ap);
	va_end(ap);
}

void findings_sort(struct findings *f)
{
	for (size_t i = 1; i < f->n; i++) {
		struct finding x = f->v[i];
		size_t j = i;

		while (j > 0 && f->v[j - 1].severity < x.severity) {
			f->v[j] = f->v[j - 1];
			j--;
		}
		f->v[j] = x;
	}
}

const struct finding *findings_find(const struct findings *f, const char *id)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->v[i].id, id) == 0)
			return &f->v[i];
	return NULL;
}

int findings_exit_code(const struct findings *f)
{
	int rc = f->n_skips ? 1 : 0;

	for (size_t i = 0; i < f->n; i++) {
		if (f->v[i].severity == SEV_PROBLEM)
			return 2;
		if (f->v[i].severity == SEV_WARNING)
			rc = 1;
	}
	return rc;
}

static void finding_free(struct finding *x)
{
	for (size_t i = 0; i < x->n_ev; i++) {
		free(x->ev[i].key);
		free(x->ev[i].text);
	}
	free(x->ev);
	free(x->id);
	free(x->summary);
	free(x->fix);
}

void findings_free(struct findings *f)
{
	for (size_t i = 0; i < f->n; i++)
		finding_free(&f->v[i]);
	for (size_t i = 0; i < f->n_skips; i++) {
		free(f->skips[i].check);
		free(f->skips[i].reason);
	}
	free(f->v);
	free(f->skips);
	memset(f, 0, sizeof(*f));
}

const char *severity_name(enum severity s)
{
	switch (s) {
	case SEV_PROBLEM:
		return "problem";
	case SEV_WARNING:
		return "warning";
	default:
		return "info";
	}
}
