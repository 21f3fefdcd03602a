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
 * what the daemon recorded for uid, gid, arch, syscall and saddr fields;
 * ausearch prints that word for every interpreted field that has one,
 * instead of interpreting the value.
 *
 * --escape applies to the interpretation of each value only: names, the
 * text between fields, values printed as written and ENRICHED words are
 * never escaped (interp_record_escaped).
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

static bool msg_wraps(uint16_t type, const char *name, const char *eq)
{
	return eq - name == 3 && memcmp(name, "msg", 3) == 0 &&
	       interp_search_kind(type, name, 3) == INTERP_NONE;
}

/* The next field from *pos (end excluded): true, or false at the end.
 * first: whether it is the body's first field, or the first after a
 * msg wrapper; wrapped: the latter. */
static bool rec_next(uint16_t type, const char **pos, const char *end,
		     bool first, bool wrapped, struct rec_field *f)
{
	const char *p = *pos, *eq = memchr(p, '=', (size_t)(end - p));
	const char *name, *v, *ve;
	/* Right after a wrapper, its quote is text before the next name
	 * (printed only when a field follows), not part of the name. */
	const char *floor = wrapped && p < end && *p == '\'' ? p + 1 : p;

	if (!eq)
		return false;
	for (name = eq; name > floor && name[-1] != ' '; name--)
		;
	v = eq + 1;
	f->wrapper = false;
	/* A msg field that is neither the first field (of the body, or
	 * since the last msg=) nor interpreted "wraps" the rest, as a user
	 * message's msg='...' does: the reference prints "msg=" (the
	 * quote only when a field follows) and goes on reading fields
	 * inside its value, where the
	 * first field again counts as first. So "x=1 msg=hello" prints
	 * "x=1 msg=" (the text after the last field is dropped) and
	 * "x=1 msg=a msg=b" prints both msg fields whole. */
	if (!first && msg_wraps(type, name, eq)) {
		ve = v;
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

/* The ENRICHED token recorded for the field name (compared without
 * case): the text after NAME= up to the next blank, in *ret and
 * *ret_len; false when there is none. */
static bool enriched_find(const char *enr, size_t enr_len, const char *name,
			  size_t name_len, const char **ret, size_t *ret_len)
{
	const char *p = enr, *end = enr + enr_len;

	/* An ENRICHED part that starts with "SADDR=" (a SOCKADDR record's;
	 * case matters: "saddr=" or " SADDR=" are read as any other) is
	 * read as the reference does: when it is "SADDR={" with a '}'
	 * somewhere, saddr gets all the rest (words after the braces
	 * included) and no other field anything; otherwise ("SADDR=zz",
	 * "SADDR={") nothing of the part is used. */
	if (enr_len >= 6 && !memcmp(enr, "SADDR=", 6)) {
		if (enr_len < 7 || enr[6] != '{' ||
		    !memchr(enr + 6, '}', enr_len - 6) ||
		    !interp_name_is(name, name_len, "saddr"))
			return false;
		*ret = enr + 6;
		*ret_len = enr_len - 6;
		return true;
	}

	while (p < end) {
		const char *w = p, *we = memchr(p, ' ', (size_t)(end - p));

		if (!we)
			we = end;
		p = we + 1;
		if ((size_t)(we - w) <= name_len || w[name_len] != '=' ||
		    strncasecmp(w, name, name_len) != 0)
			continue;
		*ret = w + name_len + 1;
		*ret_len = (size_t)(we - *ret);
		return true;
	}
	return false;
}

/*
 * An interpreted field's value: the ENRICHED token when the line has one
 * for it (the reference prints it instead of interpreting the value: uid
 * and gid tokens decoded like a kernel string, "unset" from "\"unset\"",
 * other tokens as written, "{" of "SADDR={ saddr_fam=... }"; never
 * escaped, control bytes included), else the interpretation, escaped in
 * mode.
 */
static void rec_value_print(struct interp_names *names,
			    const struct interp_context *ctx,
			    enum interp_kind kind, const struct rec_field *f,
			    const char *enr, size_t enr_len,
			    enum interp_escape mode, struct interp_sink *s)
{
	const char *tok;
	size_t tok_len;

	s->escaping = true;
	/* A word the daemon wrote for what it could not name
	 * ("unknown-syscall(-1)") is not used: the value is interpreted. */
	if (enr && enriched_find(enr, enr_len, f->name, f->name_len, &tok,
				 &tok_len) &&
	    !(tok_len >= 8 && !memcmp(tok, "unknown-", 8))) {
		s->esc = INTERP_ESC_RAW;
		if (kind == INTERP_UID || kind == INTERP_GID)
			interp_print_value(names, ctx, INTERP_ESCAPED, tok,
					   tok_len, s);
		else
			interp_sink_put(s, tok, tok_len);
	} else {
		s->esc = mode;
		interp_print_kind(names, ctx, kind, f->value, f->value_len, s);
	}
	s->escaping = false;
}

/*
 * The kind of a field for ausearch -i: interp_search_kind's, and for the
 * names the reference "interprets" by printing them as written (so that
 * --escape escapes them; found by probing every field name under
 * --escape shell_quote): INTERP_VERBATIM.
 * TODO: these belong in interpret_kinds.c's table.
 */
static enum interp_kind rec_kind(uint16_t type, const char *name, size_t len)
{
	static const char *const verbatim[] = {
		"addr", "subj", "obj", "scontext", "tcontext", "vm-ctx",
		"img-ctx",
	};
	enum interp_kind kind = interp_search_kind(type, name, len);

	if (kind != INTERP_NONE)
		return kind;
	for (size_t i = 0; i < sizeof(verbatim) / sizeof(verbatim[0]); i++)
		if (interp_name_is(name, len, verbatim[i]))
			return INTERP_VERBATIM;
	return INTERP_NONE;
}

static void rec_field_print(struct interp_names *names,
			    const struct interp_context *ctx,
			    const struct rec_field *f, const char *enr,
			    size_t enr_len, enum interp_escape mode,
			    struct interp_sink *s)
{
	enum interp_kind kind = f->name_len && !f->wrapper ?
		rec_kind(ctx->type, f->name, f->name_len) : INTERP_NONE;

	interp_sink_put(s, f->gap, f->gap_len);
	interp_sink_put(s, f->name, f->name_len);
	interp_sink_char(s, '=');
	/* Values printed as written are never escaped. */
	if (kind == INTERP_NONE)
		interp_sink_put(s, f->value, f->value_len);
	else
		rec_value_print(names, ctx, kind, f, enr, enr_len, mode, s);
	if (kind != INTERP_TTY_DATA && !f->wrapper)
		interp_sink_char(s, ' ');
}

size_t interp_record_escaped(struct interp_names *names, int type,
			     const char *body, size_t body_len,
			     const char *enriched, size_t enriched_len,
			     enum interp_escape mode, char *out, size_t cap)
{
	struct interp_sink s = { { out, cap, 0 }, false, mode };
	struct interp_context ctx;
	struct rec_field f;
	const char *pos = body, *end = body + body_len;

	interp_context_init_search(&ctx, (uint16_t)type, body, body_len);
	bool first = true;

	bool any = false;

	while (rec_next(ctx.type, &pos, end, first, any && first, &f)) {
		rec_field_print(names, &ctx, &f, enriched, enriched_len, mode,
				&s);
		first = f.wrapper;
		any = true;
	}
	/* A body without any field prints as it is, escaped (in the
	 * escape mode), and the reference ends it with a newline of its own
	 * (an empty line follows). */
	if (!any) {
		s.escaping = true;
		interp_sink_put(&s, body, body_len);
		s.escaping = false;
		interp_sink_char(&s, '\n');
	}
	return interp_sink_end(&s);
}

size_t interp_record(struct interp_names *names, int type, const char *body,
		     size_t body_len, const char *enriched,
		     size_t enriched_len, char *out, size_t cap)
{
	return interp_record_escaped(names, type, body, body_len, enriched,
				     enriched_len, INTERP_ESC_TTY, out, cap);
}
