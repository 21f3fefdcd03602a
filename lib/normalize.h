/*
 * normalize: an event reduced to who did what to what, how, with what
 * result, as the reference's `ausearch --format csv` and `--format text`
 * print it.
 *
 * An event becomes: its node, type (of the record that names the event:
 * SYSCALL, USER_LOGIN, ...), time and serial; an event kind ("audit-rule",
 * "user-login", ...); the session; the subject (primary: the login uid's
 * name, secondary: the uid's name, and a kind such as "privileged-acct");
 * an action ("opened-file", "executed", ...); a result ("success",
 * "failed"); the object (primary, secondary, an optional second object,
 * a kind such as "file" or "socket"); and how (the exe or comm). The
 * mapping was found by running the reference (3.0.9) on crafted events:
 * tests/data/normalize/ holds them and the reference's answers.
 *
 * The csv line and the text sentence are written into a caller's buffer,
 * with snprintf semantics: nothing is allocated per event. Uid and gid
 * names come from the caller's struct interp_names (interpret.h), so the
 * names printed are those of the machine reading the log, as with the
 * reference.
 *
 * Times are printed in local time (TZ), as the reference does.
 *
 * Not thread-safe only through the interp_names cache: one per thread.
 */
#ifndef AUDITKIT_NORMALIZE_H
#define AUDITKIT_NORMALIZE_H

#include <stdbool.h>
#include <stddef.h>

#include "event.h"
#include "interpret.h"

/* The extra csv columns (ausearch --extra-keys, --extra-labels,
 * --extra-obj2, --extra-time). The text format has no extra columns: the
 * reference refuses the options with --format text (ausearch checks that,
 * not this module, which ignores them in normalize_text). */
struct normalize_opts {
	bool extra_keys;	/* KEY last */
	bool extra_labels;	/* SUBJ_LABEL after SUBJ_KIND, OBJ_LABEL after OBJ2 */
	bool extra_obj2;	/* OBJ2 after OBJ_SEC */
	bool extra_time;	/* YEAR,MONTH,DAY,WEEKDAY,HOUR,MILLI,GMT_OFFSET after TIME */
};

/* The csv header line for these options, with its "\n", into out (cap
 * bytes, NUL terminated when cap > 0). Returns the full length without
 * the NUL, like snprintf: a result >= cap means out was too small. */
size_t normalize_csv_header(const struct normalize_opts *o, char *out,
			    size_t cap);

/* One event as a csv line, with its "\n", into out (cap bytes, NUL
 * terminated when cap > 0).
 *   0: *ret_len is the line's length (without the NUL);
 *   -ENOBUFS: out was too small; *ret_len is the length needed (give
 *     cap > *ret_len and call again);
 *   -ENOENT: the reference prints nothing for this event (*ret_len = 0).
 * ev and its records are only read during the call; names is the caller's
 * cache (updated by the lookups). */
int normalize_csv(const struct event *ev, struct interp_names *names,
		  const struct normalize_opts *o, char *out, size_t cap,
		  size_t *ret_len);

/* One event as an English sentence, with its "\n" ("At 15:26:05 11/21/26
 * root, acting as root, successfully opened-file /etc/passwd using
 * /usr/bin/cat"). Same returns and ownership as normalize_csv; o may be
 * NULL. */
int normalize_text(const struct event *ev, struct interp_names *names,
		   const struct normalize_opts *o, char *out, size_t cap,
		   size_t *ret_len);

#endif
