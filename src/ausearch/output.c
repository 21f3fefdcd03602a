/*
 * output: ausearch's formats (see output.h).
 *
 * Everything is appended to one growing buffer and written when it holds
 * a megabyte, at the end, or after each event with --line-buffered. The
 * csv, text and interpret texts are written straight into the buffer's
 * free space (the helpers have snprintf semantics), so no event is
 * formatted twice unless it does not fit.
 */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "interpret.h"
#include "json.h"
#include "normalize.h"

#define OUTPUT_FLUSH_AT (1u << 20)

struct output {
	const struct ausearch_opts *o;
	int fd;
	char *buf;
	size_t len, cap;
	int error;		/* first write error */
	bool csv_header_done;
	struct interp_names *names;
	struct normalize_opts nopts;
};

int output_new(const struct ausearch_opts *o, int fd, struct output **ret)
{
	struct output *out = calloc(1, sizeof(*out));

	if (!out)
		return -ENOMEM;
	out->o = o;
	out->fd = fd;
	out->cap = 2 * OUTPUT_FLUSH_AT;
	out->buf = malloc(out->cap);
	if (!out->buf || interp_names_new(&out->names) < 0) {
		free(out->buf);
		free(out);
		return -ENOMEM;
	}
	out->nopts = (struct normalize_opts){ o->extra_keys, o->extra_labels,
					      o->extra_obj2, o->extra_time };
	*ret = out;
	return 0;
}

int output_flush(struct output *out)
{
	size_t done = 0;

	while (done < out->len) {
		ssize_t n = write(out->fd, out->buf + done, out->len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (!out->error)
				out->error = n < 0 ? -errno : -EIO;
			break;
		}
		done += (size_t)n;
	}
	out->len = 0;
	return out->error;
}

int output_free(struct output *out)
{
	int r;

	if (!out)
		return 0;
	r = output_flush(out);
	interp_names_free(out->names);
	free(out->buf);
	free(out);
	return r;
}

/* Room for need more bytes. 0 or -ENOMEM. */
static int output_reserve(struct output *out, size_t need)
{
	char *p;
	size_t cap = out->cap;

	if (out->len + need <= out->cap)
		return 0;
	while (cap < out->len + need)
		cap *= 2;
	p = realloc(out->buf, cap);
	if (!p)
		return -ENOMEM;
	out->buf = p;
	out->cap = cap;
	return 0;
}

static void output_add(struct output *out, const char *s, size_t n)
{
	if (output_reserve(out, n) < 0)
		return;
	memcpy(out->buf + out->len, s, n);
	out->len += n;
}

static void output_str(struct output *out, const char *s)
{
	output_add(out, s, strlen(s));
}

/* A helper's snprintf-like text straight into the buffer. */
#define OUTPUT_TEXT(out, call_with_dst_cap) do {			\
	size_t room_ = (out)->cap - (out)->len;				\
	char *dst_ = (out)->buf + (out)->len;				\
	size_t n_ = (call_with_dst_cap);				\
	if (n_ >= room_ && output_reserve((out), n_ + 1) == 0) {	\
		room_ = (out)->cap - (out)->len;			\
		dst_ = (out)->buf + (out)->len;				\
		n_ = (call_with_dst_cap);				\
	}								\
	if (n_ < room_)							\
		(out)->len += n_;					\
} while (0)

/* --escape's mode as the interpreter names it (the enums agree in order,
 * but say it once here rather than cast). */
static enum interp_escape output_escape_mode(const struct output *out)
{
	switch (out->o->escape) {
	case AUSEARCH_ESCAPE_RAW: return INTERP_ESC_RAW;
	case AUSEARCH_ESCAPE_SHELL: return INTERP_ESC_SHELL;
	case AUSEARCH_ESCAPE_SHELL_QUOTE: return INTERP_ESC_SHELL_QUOTE;
	default: return INTERP_ESC_TTY;
	}
}

/* A record's line up to its ENRICHED part, escaped whole in --escape's
 * mode, as the reference prints it in the default format. */
static void output_line_plain(struct output *out, const struct record *r)
{
	size_t n = r->line_len;

	if (r->enriched)
		n = (size_t)(r->enriched - 1 - r->line);
	OUTPUT_TEXT(out, interp_escape(output_escape_mode(out), r->line, n,
				       dst_, room_));
	output_add(out, "\n", 1);
}

/* "Sat Nov 21 16:03:24 2026", as ctime() prints it, in local time. */
static void output_ctime(struct output *out, uint64_t sec)
{
	static const char days[] = "SunMonTueWedThuFriSat";
	static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
	time_t t = (time_t)sec;
	struct tm tm;
	char buf[64];

	localtime_r(&t, &tm);
	snprintf(buf, sizeof(buf), "%.3s %.3s%3d %.2d:%.2d:%.2d %d",
		 days + 3 * tm.tm_wday, months + 3 * tm.tm_mon, tm.tm_mday,
		 tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_year + 1900);
	output_str(out, buf);
}

static void output_default(struct output *out, const struct event *ev)
{
	output_str(out, "----\ntime->");
	output_ctime(out, ev->sec);
	output_add(out, "\n", 1);
	for (size_t i = ev->count; i-- > 0;)
		output_line_plain(out, &ev->records[i]);
}

/* The lines as read. When one record of the event has an ENRICHED part,
 * the reference ends every other record of it with the 0x1D separator
 * too (with nothing after it); so do we. */
static void output_raw(struct output *out, const struct event *ev)
{
	bool enriched = false;

	for (size_t i = 0; i < ev->count; i++)
		enriched = enriched || ev->records[i].enriched;
	for (size_t i = 0; i < ev->count; i++) {
		const struct record *r = &ev->records[i];

		output_add(out, r->line, r->line_len);
		if (enriched && !r->enriched)
			output_add(out, "\x1d", 1);
		output_add(out, "\n", 1);
	}
}

/* "node=N type=T msg=audit(11/21/26 16:03:24.123:42) :" (the blank
 * after it is the body's: see output_interpret). */
static void output_interpret_head(struct output *out, const struct record *r)
{
	time_t t = (time_t)r->sec;
	struct tm tm;
	char date[64], buf[160];

	if (r->node) {
		output_str(out, "node=");
		output_add(out, r->node, r->node_len);
		output_add(out, " ", 1);
	}
	output_str(out, "type=");
	output_add(out, r->type_name, r->type_name_len);
	localtime_r(&t, &tm);
	/* the locale's date, as the reference prints it */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-y2k"
	strftime(date, sizeof(date), "%x %T", &tm);
#pragma GCC diagnostic pop
	snprintf(buf, sizeof(buf), " msg=audit(%s.%03u:%llu) :", date,
		 r->msec, (unsigned long long)r->serial);
	output_str(out, buf);
}


static void output_interpret(struct output *out, const struct event *ev)
{
	output_str(out, "----\n");
	for (size_t i = ev->count; i-- > 0;) {
		const struct record *r = &ev->records[i];

		const char *body = r->body;
		size_t body_len = r->body_len;

		output_interpret_head(out, r);
		/* The blank after "):" is printed with the body: escaped when
		 * the record has no field, as the reference does. */
		if (body > r->line && body[-1] == ' ') {
			body--;
			body_len++;
		}
		OUTPUT_TEXT(out, interp_record_escaped(out->names, r->type,
						       body, body_len,
						       r->enriched,
						       r->enriched_len,
						       output_escape_mode(out),
						       dst_, room_));
		output_add(out, "\n", 1);
	}
}

/* csv or text through normalize: -ENOENT means the reference prints
 * nothing for the event. */
static int output_normalized(struct output *out, const struct event *ev,
			     bool csv)
{
	size_t n = 0;
	int r;

	for (int tries = 0; tries < 2; tries++) {
		size_t room = out->cap - out->len;
		char *dst = out->buf + out->len;

		r = csv ? normalize_csv(ev, out->names, &out->nopts, dst, room,
					&n)
			: normalize_text(ev, out->names, &out->nopts, dst, room,
					 &n);
		if (r != -ENOBUFS)
			break;
		if (output_reserve(out, n + 1) < 0)
			return -ENOMEM;
	}
	if (r < 0)
		return r == -ENOENT ? 0 : r;
	out->len += n;
	return 1;
}

static void output_csv_header(struct output *out)
{
	if (out->csv_header_done)
		return;
	out->csv_header_done = true;
	OUTPUT_TEXT(out, normalize_csv_header(&out->nopts, dst_, room_));
}

int output_event(struct output *out, const struct event *ev)
{
	int printed = 1;

	switch (out->o->format) {
	case AUSEARCH_FORMAT_RAW:
		output_raw(out, ev);
		break;
	case AUSEARCH_FORMAT_INTERPRET:
		output_interpret(out, ev);
		break;
	case AUSEARCH_FORMAT_CSV:
		output_csv_header(out);
		printed = output_normalized(out, ev, true);
		break;
	case AUSEARCH_FORMAT_TEXT:
		printed = output_normalized(out, ev, false);
		break;
	case AUSEARCH_FORMAT_JSON:
		OUTPUT_TEXT(out, json_event(out->names, ev, dst_, room_));
		break;
	default:
		output_default(out, ev);
		break;
	}
	if (out->o->line_buffered || out->len >= OUTPUT_FLUSH_AT)
		output_flush(out);
	return out->error ? out->error : printed;
}
