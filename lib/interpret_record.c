/*
 * interpret_record: one record body as ausearch -i prints it.
 *
 * The reference walks the body field by field: the next '=' ends a
 * name, which starts after the last blank before it; whatever lies
 * between the previous field and that name (words without '=', extra
 * blanks, "avc:  denied  { read } for ") is printed as it is; text after
 * the last field is dropped. A value runs to the next blank, or, when it
 * starts with a double quote, to the closing quote (the byte after it is
 * skipped whatever it is; no closing quote: the rest of the body). Each
 * field prints as name=value and a blank, except TTY data, which the
 * reference prints with no blank after it. Values are not unquoted or
 * trimmed before interpretation: uid=0' reads as 0 (strtoul stops at the
 * quote) and res=success' stays as written.
 *
 * The ENRICHED part of a log line (NAME=value words after 0x1D) gives
 * the names the daemon recorded for uid and gid fields; ausearch prints
 * those instead of looking the ids up.
 *
 * A body without any field ("", or words without '=') prints as it is
 * followed by a newline: the reference prints an empty line after it.
 */
#include <string.h>
#include <strings.h>
#include "interpret_int.h"

struct rec_field {
	const char *gap;	/* text before the name, printed as is */
	size_t gap_len;
	const char *name;
	size_t name_len;
	const char *value;
	size_t value_len;
	bool wrapper;		/* msg=' of a user message: no value */
};

static bool msg_wraps(uint16_t type, const char *name, const char *eq,
		      const char *end)
{
	const char *sp;

	if (eq - name != 3 || memcmp(name, "msg", 3) != 0 ||
	    interp_search_kind(type, name, 3) != INTERP_NONE)
		return false;
	sp = memchr(eq + 1, ' ', (size_t)(end - eq - 1));
	return memchr(eq + 1, '=', (size_t)((sp ? sp : end) - eq - 1)) != NULL;
}

/* The next field from *pos (end excluded): true, or false at the end.
 * first: whether it is the body's first field. */
static bool rec_next(uint16_t type, const char **pos, const char *end,
		     bool first, struct rec_field *f)
{
	const char *p = *pos, *eq = memchr(p, '=', (size_t)(end - p));
	const char *name, *v, *ve;

	if (!eq)
		return false;
	for (name = eq; name > p && name[-1] != ' '; name--)
		;
	v = eq + 1;
	f->wrapper = false;
	/* A user message's msg=' (or msg=) wraps more fields: the reference
	 * prints it and goes on reading fields inside, when msg is neither
	 * the first field nor interpreted and its first word holds a '='. */
	if (!first && msg_wraps(type, name, eq, end)) {
		ve = v < end && *v == '\'' ? v + 1 : v;
		f->wrapper = true;
		f->gap = p;
		f->gap_len = (size_t)(name - p);
		f->name = name;
		f->name_len = 3;
		f->value = v;
		f->value_len = (size_t)(ve - v);
		*pos = ve;
		return true;
	}
	if (v < end && *v == '"') {
		const char *close = memchr(v + 1, '"', (size_t)(end - v - 1));

		ve = close ? close + 1 : end;
	} else {
		ve = memchr(v, ' ', (size_t)(end - v));
		if (!ve)
			ve = end;
	}
	f->gap = p;
	f->gap_len = (size_t)(name - p);
	f->name = name;
	f->name_len = (size_t)(eq - name);
	f->value = v;
	f->value_len = (size_t)(ve - v);
	/* Skip the byte after the value: a blank, or whatever follows a
	 * closing quote. */
	*pos = ve < end ? ve + 1 : end;
	return true;
}

/* The ENRICHED value recorded for the field name (compared without
 * case), decoded into buf: its length, or -1 when there is none. */
static long enriched_find(const char *enr, size_t enr_len, const char *name,
			  size_t name_len, char *buf, size_t cap)
{
	const char *p = enr, *end = enr + enr_len;

	while (p < end) {
		const char *w = p, *we = memchr(p, ' ', (size_t)(end - p));

		if (!we)
			we = end;
		p = we + 1;
		if ((size_t)(we - w) <= name_len || w[name_len] != '=' ||
		    strncasecmp(w, name, name_len) != 0)
			continue;
		w += name_len + 1;
		if (w < we && *w == '"') {
			size_t n = (size_t)(we - w) - 1;

			if (n > 0 && w[n] == '"')
				n--;
			n = n < cap ? n : cap;
			memcpy(buf, w + 1, n);
			return (long)n;
		}
		size_t n = 0;

		for (; w + 1 < we && n < cap; w += 2)
			buf[n++] = (char)(interp_digit(w[0]) << 4 | interp_digit(w[1]));
		return (long)n;
	}
	return -1;
}

static void rec_field_print(struct interp_names *names,
			    const struct interp_context *ctx,
			    const struct rec_field *f, const char *enr,
			    size_t enr_len, struct interp_sink *s)
{
	enum interp_kind kind = f->name_len && !f->wrapper ?
		interp_search_kind(ctx->type, f->name, f->name_len) : INTERP_NONE;
	char buf[256];
	long n;

	interp_sink_put(s, f->gap, f->gap_len);
	interp_sink_put(s, f->name, f->name_len);
	interp_sink_char(s, '=');
	if ((kind == INTERP_UID || kind == INTERP_GID) && enr &&
	    (n = enriched_find(enr, enr_len, f->name, f->name_len, buf,
			       sizeof(buf))) >= 0)
		interp_sink_put(s, buf, (size_t)n);
	else if (kind == INTERP_NONE)
		interp_sink_put(s, f->value, f->value_len);
	else
		interp_print_kind(names, ctx, kind, f->value, f->value_len, s);
	if (kind != INTERP_TTY_DATA && !f->wrapper)
		interp_sink_char(s, ' ');
}

size_t interp_record(struct interp_names *names, int type, const char *body,
		     size_t body_len, const char *enriched,
		     size_t enriched_len, char *out, size_t cap)
{
	struct interp_sink s = { out, cap, 0 };
	struct interp_context ctx;
	struct rec_field f;
	const char *pos = body, *end = body + body_len;

	interp_context_init_search(&ctx, (uint16_t)type, body, body_len);
	bool first = true;

	while (rec_next(ctx.type, &pos, end, first, &f)) {
		rec_field_print(names, &ctx, &f, enriched, enriched_len, &s);
		first = false;
	}
	/* A body without any field prints as it is, and the reference ends
	 * it with a newline of its own (an empty line follows). */
	if (first) {
		interp_sink_put(&s, body, body_len);
		interp_sink_char(&s, '\n');
	}
	return interp_sink_end(&s);
}
