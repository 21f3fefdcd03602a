/*
 * report: text and JSON renderings of what audoctor found (see report.h).
 * Both walk the same lists in the same order; neither decides anything.
 */
#include "report.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

#include "jsonstr.h"

static void report_str(FILE *out, const char *s)
{
	jsonstr_file(out, s, strlen(s));
}

void report_json_real(FILE *out, double v)
{
	if (!isfinite(v))
		fputs("null", out);
	else if (v == floor(v) && fabs(v) < 1e15)
		fprintf(out, "%.0f", v);
	else
		fprintf(out, "%.6g", v);
}

static void report_text_value(FILE *out, const struct evidence *e)
{
	switch (e->kind) {
	case EV_INT:
		fprintf(out, "%" PRId64, e->i);
		break;
	case EV_REAL:
		if (e->r == floor(e->r) && fabs(e->r) < 1e15)
			fprintf(out, "%.0f", e->r);
		else
			fprintf(out, "%.4g", e->r);
		break;
	case EV_TEXT:
		fputs(e->text, out);
		break;
	}
}

/* Each line of a multi-line text, indented. */
static void report_indented(FILE *out, const char *indent, const char *text)
{
	while (*text) {
		size_t n = strcspn(text, "\n");

		fprintf(out, "%s%.*s\n", indent, (int)n, text);
		text += n + (text[n] == '\n');
	}
}

static void report_text_finding(FILE *out, const struct finding *x)
{
	static const char *const label[] = { "INFO", "WARNING", "PROBLEM" };

	fprintf(out, "\n%s %s: %s\n", label[x->severity], x->id, x->summary);
	for (size_t i = 0; i < x->n_ev; i++) {
		fprintf(out, "    %s: ", x->ev[i].key);
		report_text_value(out, &x->ev[i]);
		fputc('\n', out);
	}
	if (*x->fix) {
		fputs("  fix:\n", out);
		report_indented(out, "    ", x->fix);
	}
}

static void report_headline(const struct doctor *d, FILE *out)
{
	size_t count[3] = { 0, 0, 0 };
	const struct findings *f = &d->findings;

	for (size_t i = 0; i < f->n; i++)
		count[f->v[i].severity]++;
	fprintf(out, "audoctor: %zu problem%s, %zu warning%s, %zu note%s",
		count[SEV_PROBLEM], count[SEV_PROBLEM] == 1 ? "" : "s",
		count[SEV_WARNING], count[SEV_WARNING] == 1 ? "" : "s",
		count[SEV_INFO], count[SEV_INFO] == 1 ? "" : "s");
	if (f->n_skips)
		fprintf(out, ", %zu check%s not run", f->n_skips,
			f->n_skips == 1 ? "" : "s");
	fputc('\n', out);
	if (d->have_samples) {
		const struct kfigures *g = &d->fig;

		fprintf(out, "kernel: enabled %u, failure %u, backlog %u of %u, "
			"lost %u (+%u in %.1f s), daemon %s",
			g->last.enabled, g->last.failure, g->last.backlog,
			g->last.backlog_limit, g->last.lost, g->lost_delta,
			g->span_s, daemon_kind_name(g->kind));
		if (g->last.pid)
			fprintf(out, " pid %u", g->last.pid);
		fputc('\n', out);
	}
}

void report_text(const struct doctor *d, FILE *out)
{
	const struct findings *f = &d->findings;

	report_headline(d, out);
	for (size_t i = 0; i < f->n; i++)
		report_text_finding(out, &f->v[i]);
	if (f->n_skips) {
		fputs("\nnot checked:\n", out);
		for (size_t i = 0; i < f->n_skips; i++)
			fprintf(out, "    %s: %s\n", f->skips[i].check,
				f->skips[i].reason);
	}
	if (!f->n && !f->n_skips)
		fputs("\nnothing to report: the audit queue, daemon, rules, "
		      "kernel log and disk look healthy\n", out);
}

static void report_json_finding(FILE *out, const struct finding *x)
{
	fputs("{\"id\":", out);
	report_str(out, x->id);
	fputs(",\"severity\":", out);
	report_str(out, severity_name(x->severity));
	fputs(",\"summary\":", out);
	report_str(out, x->summary);
	fputs(",\"evidence\":{", out);
	for (size_t i = 0; i < x->n_ev; i++) {
		const struct evidence *e = &x->ev[i];

		if (i)
			fputc(',', out);
		report_str(out, e->key);
		fputc(':', out);
		if (e->kind == EV_INT)
			fprintf(out, "%" PRId64, e->i);
		else if (e->kind == EV_REAL)
			report_json_real(out, e->r);
		else
			report_str(out, e->text);
	}
	fputs("},\"fix\":", out);
	report_str(out, x->fix);
	fputc('}', out);
}

static void report_json_u(FILE *out, const char *key, uint64_t v, bool comma)
{
	fprintf(out, "%s\"%s\":%" PRIu64, comma ? "," : "", key, v);
}

static void report_json_r(FILE *out, const char *key, double v)
{
	fprintf(out, ",\"%s\":", key);
	report_json_real(out, v);
}

static void report_json_status(const struct doctor *d, FILE *out)
{
	const struct kfigures *g = &d->fig;

	fputs("\"status\":{", out);
	if (!d->have_samples) {
		fputc('}', out);
		return;
	}
	report_json_u(out, "samples", g->n, false);
	report_json_r(out, "seconds", g->span_s);
	report_json_u(out, "enabled", g->last.enabled, true);
	report_json_u(out, "failure", g->last.failure, true);
	report_json_u(out, "pid", g->last.pid, true);
	report_json_u(out, "rate_limit", g->last.rate_limit, true);
	report_json_u(out, "backlog_limit", g->last.backlog_limit, true);
	report_json_u(out, "lost", g->last.lost, true);
	report_json_u(out, "lost_delta", g->lost_delta, true);
	report_json_r(out, "lost_rate", g->lost_rate);
	report_json_u(out, "backlog", g->last.backlog, true);
	report_json_u(out, "backlog_min", g->backlog_min, true);
	report_json_u(out, "backlog_max", g->backlog_max, true);
	report_json_r(out, "backlog_slope", g->backlog_slope);
	report_json_u(out, "backlog_wait_time", g->last.backlog_wait_time, true);
	report_json_u(out, "backlog_wait_time_actual",
		      g->last.backlog_wait_time_actual, true);
	report_json_u(out, "backlog_wait_time_actual_delta",
		      g->wait_actual_delta, true);
	fputs(",\"daemon\":", out);
	report_str(out, daemon_kind_name(g->kind));
	fputs(",\"daemon_exe\":", out);
	report_str(out, d->samples.exe);
	if (g->have_drain) {
		report_json_r(out, "drain_rate", g->drain_rate);
		report_json_r(out, "arrival_rate", g->arrival_rate);
	}
	fputc('}', out);
}

void report_json(const struct doctor *d, FILE *out)
{
	const struct findings *f = &d->findings;

	fputs("{\"findings\":[", out);
	for (size_t i = 0; i < f->n; i++) {
		if (i)
			fputc(',', out);
		report_json_finding(out, &f->v[i]);
	}
	fputs("],", out);
	report_json_status(d, out);
	fputs(",\"skipped\":[", out);
	for (size_t i = 0; i < f->n_skips; i++) {
		fprintf(out, "%s{\"check\":", i ? "," : "");
		report_str(out, f->skips[i].check);
		fputs(",\"reason\":", out);
		report_str(out, f->skips[i].reason);
		fputc('}', out);
	}
	fputs("]}\n", out);
}
