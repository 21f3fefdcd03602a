/*
 * json: events as JSON lines (see json.h).
 *
 * A writer counts every byte it would write and stores those that fit,
 * so one pass gives both the text and the length a bigger buffer needs.
 */
#include "json.h"

#include <stdio.h>
#include <string.h>

#include "jsonstr.h"
#include "record.h"
#include "sink.h"

static void json_fin(struct sink *w)
{
	if (w->cap)
		w->out[w->len < w->cap ? w->len : w->cap - 1] = '\0';
}

size_t json_string(const char *s, size_t len, char *out, size_t cap)
{
	struct sink w = { out, cap, 0 };

	jsonstr_sink(&w, s, len);
	json_fin(&w);
	return w.len;
}

static void json_node(struct sink *w, const char *node, size_t len)
{
	sink_str(w, ",\"node\":");
	if (node)
		jsonstr_sink(w, node, len);
	else
		sink_str(w, "null");
}

static void json_stamp(struct sink *w, uint64_t sec, unsigned msec,
		       uint64_t serial)
{
	char buf[96];

	snprintf(buf, sizeof(buf), "\"sec\":%llu,\"msec\":%u,\"serial\":%llu",
		 (unsigned long long)sec, msec, (unsigned long long)serial);
	sink_str(w, buf);
}

/* The text between '=' and the next blank: the value as written. */
static size_t json_raw_len(const struct record_field *f)
{
	return f->kind == RECORD_VALUE_QUOTED ? f->value_len + 2 : f->value_len;
}

static void json_field(struct sink *w, struct interp_names *names,
		       const struct interp_context *ctx,
		       const struct record *r, const struct record_field *f)
{
	enum interp_kind k = interp_search_kind((uint16_t)r->type, f->name,
						f->name_len);
	const char *raw = f->kind == RECORD_VALUE_QUOTED ? f->value - 1
							 : f->value;
	char val[4096];

	sink_str(w, "{\"name\":");
	jsonstr_sink(w, f->name, f->name_len);
	sink_str(w, ",\"raw\":");
	jsonstr_sink(w, raw, json_raw_len(f));
	if (k != INTERP_NONE) {
		size_t n = interp_value(names, ctx, k, raw, json_raw_len(f),
					val, sizeof(val));

		sink_str(w, ",\"value\":");
		jsonstr_sink(w, val, n < sizeof(val) ? n : sizeof(val) - 1);
	}
	sink_str(w, "}");
}

static void json_record(struct sink *w, struct interp_names *names,
			const struct record *r)
{
	struct interp_context ctx;
	struct record_cursor c;
	struct record_field f;
	char num[32];
	bool first = true;

	interp_context_init_search(&ctx, (uint16_t)r->type, r->body,
				   r->body_len);
	sink_str(w, "{\"type\":");
	jsonstr_sink(w, r->type_name, r->type_name_len);
	snprintf(num, sizeof(num), ",\"number\":%d,", r->type);
	sink_str(w, num);
	json_stamp(w, r->sec, r->msec, r->serial);
	json_node(w, r->node, r->node_len);
	sink_str(w, ",\"fields\":[");
	record_cursor_init(&c, r);
	while (record_next_field(&c, &f)) {
		if (!first)
			sink_str(w, ",");
		first = false;
		json_field(w, names, &ctx, r, &f);
	}
	sink_str(w, "]}");
}

size_t json_event(struct interp_names *names, const struct event *ev,
		  char *out, size_t cap)
{
	struct sink w = { out, cap, 0 };

	sink_str(&w, "{");
	json_stamp(&w, ev->sec, ev->msec, ev->serial);
	json_node(&w, ev->node, ev->node_len);
	sink_str(&w, ",\"records\":[");
	for (size_t i = 0; i < ev->count; i++) {
		if (i)
			sink_str(&w, ",");
		json_record(&w, names, &ev->records[i]);
	}
	sink_str(&w, "]}\n");
	json_fin(&w);
	return w.len;
}
