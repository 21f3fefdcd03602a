/*
 * json: ausearch --format json (ours, not the reference's): one JSON
 * object per event, one per line, schema in ausearch(8):
 *
 *   {"sec":S,"msec":M,"serial":N,"node":"n"|null,"records":[
 *     {"type":"SYSCALL","number":1300,"sec":S,"msec":M,"serial":N,
 *      "node":"n"|null,"fields":[{"name":"uid","raw":"0","value":"root"},
 *      ...]}, ...]}
 *
 * "raw" is the value as written (quotes included), "value" the
 * interpretation ausearch -i would print, present only when the field is
 * interpreted. Any byte sequence gives valid JSON: control bytes, '"',
 * '\\', DEL and bytes that are not valid UTF-8 are escaped, the latter as
 * \u00XX of the byte.
 */
#ifndef AUSEARCH_JSON_H
#define AUSEARCH_JSON_H

#include <stddef.h>

#include "event.h"
#include "interpret.h"

/* The event as one JSON line (with its "\n") into out (cap bytes, NUL
 * terminated when cap > 0), like snprintf: returns the full length. names
 * is the caller's cache (may be NULL). */
size_t json_event(struct interp_names *names, const struct event *ev,
		  char *out, size_t cap);

/* s (len bytes, any bytes) as a JSON string with its quotes, into out like
 * snprintf. */
size_t json_string(const char *s, size_t len, char *out, size_t cap);

#endif
