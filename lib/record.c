/*
 * record: split one audit record into its parts, without copying.
 *
 * The parser follows what the reference's ausearch accepts, found by
 * feeding it crafted lines (see tests/unit/test_record.c):
 *
 *  - words are separated by runs of spaces (not tabs); leading spaces are
 *    skipped; the line is "[node=X ]type=T msg=audit(STAMP...": one node=
 *    at most, nothing else before type=, nothing between type= and msg=;
 *  - the type is a message type name in any case, UNKNOWN[N], a decimal
 *    number, or any other word (then the record's type is 0: the
 *    reference keeps such lines);
 *  - a NUL byte ends the line (the reference reads C strings);
 *  - the stamp must start with a digit (the reference drops a line
 *    without seconds: "msg=audit(" cut short, "audit(abc:def)"); beyond
 *    that it is read leniently, as strtoul would: SEC is the digits
 *    after "(", MSEC the digits after the first '.', SERIAL the digits
 *    after the first ':' (a leading '-' negates, modulo 2^64); missing
 *    parts are 0 and junk after digits is ignored. Only an overflow (SEC
 *    or SERIAL beyond 64 bits) or MSEC > 999 makes the line an error
 *    ("Error extracting time stamp" in the reference);
 *  - the body starts after the ')' that closes the stamp, past an
 *    optional ':' and at most one space after it (further blanks are the
 *    body's: the -i interpreter prints them as the reference does); a
 *    line without ')' has an empty body.
 *
 * Cost: a memchr for NUL and one for 0x1D over the line; the rest only
 * looks at the first words. The type name is found by binary search on
 * (pointer, length) in the name-sorted message type table, behind a
 * per-thread direct-mapped cache (logs repeat a few dozen types).
 */
#include <errno.h>
#include <string.h>
#include <strings.h>

#include "record.h"
#include "tables.h"

#define RECORD_ENRICHED_SEP '\x1d'

const char *record_error_text(enum record_error e)
{
	switch (e) {
	case RECORD_OK: return "no error";
	case RECORD_ERR_EMPTY: return "blank line";
	case RECORD_ERR_NO_TYPE: return "no type= field";
	case RECORD_ERR_BAD_TYPE: return "malformed type";
	case RECORD_ERR_NO_MSG: return "no msg=audit( after the type";
	case RECORD_ERR_BAD_TIME: return "malformed time stamp";
	case RECORD_ERR_NO_BODY: return "no body after the time stamp";
	case RECORD_ERR_NUL: return "NUL byte in the line";
	case RECORD_ERR_NO_TIME: return "no time stamp after msg=audit(";
	}
	return "unknown error";
}

static int record_fail(enum record_error why, enum record_error *ret_error)
{
	if (ret_error)
		*ret_error = why;
	return -EINVAL;
}

static bool record_starts(const char *p, const char *end, const char *lit,
			  size_t n)
{
	return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static const char *record_skip_spaces(const char *p, const char *end)
{
	while (p < end && *p == ' ')
		p++;
	return p;
}

static const char *record_word_end(const char *p, const char *end)
{
	const char *sp = memchr(p, ' ', (size_t)(end - p));

	return sp ? sp : end;
}

/* Digits at *pp into *ret (0 when none): false on a 64-bit overflow. */
static bool record_digits(const char **pp, const char *end, uint64_t *ret)
{
	const char *p = *pp;
	uint64_t v = 0;

	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');

		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*pp = p;
	*ret = v;
	return true;
}

/* Binary search of the name-sorted table on a (pointer, length) name. */
static int record_type_search(const char *name, size_t len)
{
	size_t lo = 0, hi = table_msgtype.count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *m = table_msgtype.by_name[mid].name;
		int c = strncmp(m, name, len);

		if (c == 0)
			c = m[len] ? 1 : 0;
		if (c == 0)
			return table_msgtype.by_name[mid].number;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int record_type_icase(const char *name, size_t len)
{
	size_t i;

	for (i = 0; i < table_msgtype.count; i++) {
		const char *m = table_msgtype.by_name[i].name;

		if (strncasecmp(m, name, len) == 0 && m[len] == '\0')
			return table_msgtype.by_name[i].number;
	}
	return -1;
}

/* The number of UNKNOWN[N] or of a decimal word; -1 when neither. */
static int record_type_numeric(const char *name, size_t len)
{
	const char *p = name, *end = name + len;
	uint64_t v;

	if (len > 9 && memcmp(name, "UNKNOWN[", 8) == 0 && end[-1] == ']') {
		p += 8;
		end--;
	}
	if (p == end || !record_digits(&p, end, &v) || p != end || v > 0x7fffffff)
		return -1;
	return (int)v;
}

/* A per-thread cache of type words and their numbers: logs repeat a few
 * dozen types, and a hit costs a short hash and one memcmp instead of a
 * binary search of strncmps. Two-way: a word lives in slot h or h ^ 1,
 * the newer in h, so two words with one hash do not evict each other. */
#define RECORD_TYPE_CACHE 128
#define RECORD_TYPE_NAME_MAX 31
struct record_type_slot {
	unsigned char len;
	char name[RECORD_TYPE_NAME_MAX];
	int number;
};
static _Thread_local struct record_type_slot record_type_cache[RECORD_TYPE_CACHE];

static int record_type_uncached(const char *name, size_t len)
{
	int n = record_type_search(name, len);

	if (n < 0)
		n = record_type_numeric(name, len);
	if (n < 0)
		n = record_type_icase(name, len);
	return n < 0 ? 0 : n;
}

static bool record_type_hit(const struct record_type_slot *s,
			    const char *name, size_t len)
{
	return s->len == len && memcmp(s->name, name, len) == 0;
}

static int record_type_lookup(const char *name, size_t len)
{
	struct record_type_slot *s, *t;
	uint32_t h = 2166136261u;
	size_t i;

	if (len == 0 || len > RECORD_TYPE_NAME_MAX)
		return record_type_uncached(name, len);
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)name[i]) * 16777619u;
	s = &record_type_cache[h % RECORD_TYPE_CACHE];
	t = &record_type_cache[(h % RECORD_TYPE_CACHE) ^ 1];
	if (record_type_hit(s, name, len))
		return s->number;
	if (record_type_hit(t, name, len))
		return t->number;
	*t = *s;
	s->number = record_type_uncached(name, len);
	memcpy(s->name, name, len);
	s->len = (unsigned char)len;
	return s->number;
}

/* SEC.MSEC:SERIAL from p (just after "audit("); *pp ends after ')' or at
 * end. Lenient as described at the top. */
static bool record_stamp(const char **pp, const char *end, struct record *r)
{
	const char *p = *pp;
	const char *close = memchr(p, ')', (size_t)(end - p));
	const char *stop = close ? close : end;
	const char *dot, *colon;
	uint64_t msec = 0;
	bool neg;

	if (!record_digits(&p, stop, &r->sec))
		return false;
	dot = memchr(*pp, '.', (size_t)(stop - *pp));
	colon = memchr(*pp, ':', (size_t)(stop - *pp));
	if (dot && (!colon || dot < colon)) {
		p = dot + 1;
		if (!record_digits(&p, stop, &msec) || msec > 999)
			return false;
	}
	r->msec = (unsigned)msec;
	r->serial = 0;
	if (colon) {
		p = colon + 1;
		neg = p < stop && *p == '-';
		p += neg;
		if (!record_digits(&p, stop, &r->serial))
			return false;
		if (neg)
			r->serial = 0 - r->serial;
	}
	*pp = close ? close + 1 : end;
	return true;
}

/* "[node=X ]type=T " into r; p left at the word after the type. */
static int record_head(const char **pp, const char *end, struct record *r,
		       enum record_error *err)
{
	const char *p = record_skip_spaces(*pp, end), *w;

	if (p == end)
		return record_fail(RECORD_ERR_EMPTY, err);
	r->node = NULL;
	r->node_len = 0;
	if (record_starts(p, end, "node=", 5)) {
		w = record_word_end(p, end);
		r->node = p + 5;
		r->node_len = (size_t)(w - r->node);
		p = record_skip_spaces(w, end);
	}
	if (!record_starts(p, end, "type=", 5))
		return record_fail(RECORD_ERR_NO_TYPE, err);
	w = record_word_end(p, end);
	r->type_name = p + 5;
	r->type_name_len = (size_t)(w - r->type_name);
	r->type = record_type_lookup(r->type_name, r->type_name_len);
	*pp = record_skip_spaces(w, end);
	return 0;
}

/* "audit(STAMP): BODY" (p at "audit(") to the end of the line. */
static int record_tail(const char *p, const char *end, struct record *r,
		       enum record_error *err)
{
	const char *sep;

	if (!record_starts(p, end, "audit(", 6))
		return record_fail(RECORD_ERR_NO_MSG, err);
	p += 6;
	/* Without even the seconds there is no time to place the record
	 * at: an event at the epoch would be made up. */
	if (p == end || *p < '0' || *p > '9')
		return record_fail(RECORD_ERR_NO_TIME, err);
	if (!record_stamp(&p, end, r))
		return record_fail(RECORD_ERR_BAD_TIME, err);
	/* The body starts right after "): ": more blanks belong to it (the
	 * -i interpreter prints them, as the reference does). */
	if (p < end && *p == ':')
		p++;
	if (p < end && *p == ' ')
		p++;
	sep = memchr(p, RECORD_ENRICHED_SEP, (size_t)(end - p));
	r->body = p;
	r->body_len = (size_t)((sep ? sep : end) - p);
	r->enriched = sep ? sep + 1 : NULL;
	r->enriched_len = sep ? (size_t)(end - sep - 1) : 0;
	if (err)
		*err = RECORD_OK;
	return 0;
}

int record_parse(const char *line, size_t len, struct record *ret,
		 enum record_error *ret_error)
{
	const char *p = line, *end, *nul;
	int rc;

	if (len && line[len - 1] == '\n')
		len--;
	/* The reference reads lines as C strings: what follows a NUL is
	 * not part of the record (a damaged line keeps what it can). */
	nul = memchr(line, '\0', len);
	if (nul)
		len = (size_t)(nul - line);
	end = line + len;
	ret->line = line;
	ret->line_len = len;
	rc = record_head(&p, end, ret, ret_error);
	if (rc < 0)
		return rc;
	if (!record_starts(p, end, "msg=", 4))
		return record_fail(RECORD_ERR_NO_MSG, ret_error);
	return record_tail(p + 4, end, ret, ret_error);
}

int record_parse_netlink(int type, const char *payload, size_t len,
			 struct record *ret, enum record_error *ret_error)
{
	const char *p, *end;

	/* The kernel may count a trailing NUL in the payload length. */
	while (len && (payload[len - 1] == '\0' || payload[len - 1] == '\n'))
		len--;
	if (len == 0)
		return record_fail(RECORD_ERR_EMPTY, ret_error);
	if (memchr(payload, '\0', len))
		return record_fail(RECORD_ERR_NUL, ret_error);
	memset(ret, 0, sizeof(*ret));
	ret->type = type;
	end = payload + len;
	p = record_skip_spaces(payload, end);
	return record_tail(p, end, ret, ret_error);
}

/* ---- fields ---- */

void record_cursor_init(struct record_cursor *c, const struct record *r)
{
	c->p = r->body;
	c->end = r->body ? r->body + r->body_len : NULL;
	c->index = 0;
}

void record_cursor_init_enriched(struct record_cursor *c,
				 const struct record *r)
{
	c->p = r->enriched;
	c->end = r->enriched ? r->enriched + r->enriched_len : NULL;
	c->index = 0;
}

/* Classify and trim the value of f (name and raw value already set). */
static void record_field_classify(struct record_field *f)
{
	const char *v = f->value;
	size_t n = f->value_len;

	f->kind = RECORD_VALUE_PLAIN;
	if (n >= 2 && v[0] == '"' && v[n - 1] == '"') {
		f->kind = RECORD_VALUE_QUOTED;
		f->value = v + 1;
		f->value_len = n - 2;
	} else if (n == 6 && memcmp(v, "(null)", 6) == 0) {
		f->kind = RECORD_VALUE_NULL;
	} else if (n == 6 && memcmp(v, "(none)", 6) == 0) {
		f->kind = RECORD_VALUE_NONE;
	}
}

/* One word [start, w) holding '=' at eq into *ret. A user message's
 * "msg='" opens a nested list: the cursor steps inside. */
static bool record_field_from(struct record_cursor *c, const char *start,
			      const char *eq, const char *w,
			      struct record_field *ret)
{
	ret->name = start;
	ret->name_len = (size_t)(eq - start);
	ret->value = eq + 1;
	ret->value_len = (size_t)(w - eq - 1);
	if (ret->value_len && ret->value[0] == '\'') {
		/* msg='op=x ...': the fields inside are the record's. */
		c->p = eq + 2;
		return false;
	}
	if (w == c->end && ret->value_len && w[-1] == '\'')
		ret->value_len--;
	record_field_classify(ret);
	ret->index = ++c->index;
	c->p = w;
	return true;
}

bool record_next_field(struct record_cursor *c, struct record_field *ret)
{
	while (c->p && c->p < c->end) {
		const char *start = record_skip_spaces(c->p, c->end);
		const char *w = record_word_end(start, c->end);
		const char *eq = memchr(start, '=', (size_t)(w - start));

		c->p = w;
		if (!eq || eq == start)
			continue;
		if (record_field_from(c, start, eq, w, ret))
			return true;
	}
	return false;
}

bool record_find(const struct record *r, const char *name,
		 struct record_field *ret)
{
	struct record_cursor c;
	size_t n = strlen(name);

	record_cursor_init(&c, r);
	while (record_next_field(&c, ret)) {
		if (ret->name_len == n && memcmp(ret->name, name, n) == 0)
			return true;
	}
	return false;
}

/* ---- values ---- */

static int record_hex_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

bool record_value_is_hex(const struct record_field *f)
{
	size_t i;

	if (f->kind != RECORD_VALUE_PLAIN || f->value_len == 0 ||
	    f->value_len % 2)
		return false;
	for (i = 0; i < f->value_len; i++) {
		if (record_hex_digit(f->value[i]) < 0)
			return false;
	}
	return true;
}

size_t record_hex_decode(const char *hex, size_t len, char *out, size_t cap)
{
	size_t n = 0, i;

	for (i = 0; i + 1 < len; i += 2) {
		int hi = record_hex_digit(hex[i]), lo = record_hex_digit(hex[i + 1]);

		if (hi < 0 || lo < 0)
			break;
		if (n + 1 < cap)
			out[n] = (char)(hi << 4 | lo);
		n++;
	}
	if (cap)
		out[n < cap ? n : cap - 1] = '\0';
	return n;
}

int record_value_u64(const char *v, size_t len, int base, uint64_t *ret)
{
	uint64_t x = 0;
	size_t i;

	if (len == 0 || (base != 10 && base != 16))
		return -EINVAL;
	for (i = 0; i < len; i++) {
		int d = base == 16 ? record_hex_digit(v[i]) :
			(v[i] >= '0' && v[i] <= '9' ? v[i] - '0' : -1);

		if (d < 0)
			return -EINVAL;
		if (x > (UINT64_MAX - (unsigned)d) / (unsigned)base)
			return -ERANGE;
		x = x * (unsigned)base + (unsigned)d;
	}
	*ret = x;
	return 0;
}

int record_value_i64(const char *v, size_t len, int64_t *ret)
{
	bool neg = len && v[0] == '-';
	uint64_t x;
	int rc = record_value_u64(v + neg, len - neg, 10, &x);

	if (rc < 0)
		return rc;
	if (x > (uint64_t)INT64_MAX + neg)
		return -ERANGE;
	*ret = neg ? (int64_t)(0 - x) : (int64_t)x;
	return 0;
}
