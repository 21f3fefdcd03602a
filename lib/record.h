/*
 * record: one audit record, as a log line or a kernel netlink message,
 * split into its parts without copying.
 *
 * A log line is
 *
 *   [node=NODE ]type=TYPE msg=audit(SEC.MSEC:SERIAL): BODY[\x1dENRICHED]
 *
 * where TYPE is a name from the message type table or UNKNOWN[N], and the
 * optional part after the byte 0x1D (ENRICHED log format) holds the
 * daemon's interpretations as NAME=value words. A netlink message carries
 * the type as a number and the payload "audit(SEC.MSEC:SERIAL): BODY".
 *
 * record_parse() only finds the parts: every pointer in struct record
 * borrows the caller's bytes, which must outlive the record. The fields
 * of the body are walked with a record_cursor, one key=value at a time,
 * again without copying; a field's value is classified (plain, quoted,
 * hex-encoded, "(null)", "(none)") so callers decode only what they use.
 *
 * Field splitting follows what the reference tools see: fields are
 * separated by spaces only (the kernel hex-encodes any string holding a
 * space, a quote or a control byte; a user message's quoted value that
 * holds a space is cut there, as the reference reads it); a value in
 * double quotes is classified QUOTED and handed over without its quotes;
 * a user message's msg='...' wraps more fields, which the cursor walks as
 * fields of the record (the leading "msg='" is dropped, the closing "'"
 * is not part of the last value).
 *
 * Nothing here allocates, logs or keeps state: thread-safe.
 */
#ifndef AUDITKIT_RECORD_H
#define AUDITKIT_RECORD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Why a line is not a record (record_parse's negative returns are
 * -EINVAL; *ret_error, when asked for, tells which part was wrong). */
enum record_error {
	RECORD_OK,
	RECORD_ERR_EMPTY,	/* blank line */
	RECORD_ERR_NO_TYPE,	/* no "type=" where it must be */
	RECORD_ERR_BAD_TYPE,	/* (unused: the reference keeps any type word,
				 * record.type is then 0) */
	RECORD_ERR_NO_MSG,	/* no " msg=audit(" after the type */
	RECORD_ERR_BAD_TIME,	/* SEC.MSEC:SERIAL malformed or out of range */
	RECORD_ERR_NO_BODY,	/* (unused: the reference keeps a line that
				 * ends in the stamp, even without ")") */
	RECORD_ERR_NUL,		/* (record_parse_netlink only: a log line is
				 * cut at its first NUL byte, as the
				 * reference reads it) */
	RECORD_ERR_NO_TIME,	/* no seconds after "msg=audit(": the
				 * reference drops such lines silently;
				 * BAD_TIME is its "Error extracting time
				 * stamp" (an overflow or msec > 999) */
};

/* A short English text for an error ("no type= field"); static. */
const char *record_error_text(enum record_error e);

struct record {
	const char *line;	/* the whole line, without its newline */
	size_t line_len;
	const char *node;	/* NODE of "node=NODE ", NULL when absent */
	size_t node_len;
	const char *type_name;	/* "SYSCALL" or "UNKNOWN[1234]" as written */
	size_t type_name_len;
	int type;		/* the number: from the table (any case), the
				 * [N] of UNKNOWN[N] or a decimal word; 0 for
				 * any other word */
	uint64_t sec;		/* the time stamp: seconds since the epoch */
	unsigned msec;		/* 0..999 */
	uint64_t serial;
	const char *body;	/* after "): ", up to 0x1D or the end */
	size_t body_len;
	const char *enriched;	/* after 0x1D; NULL when absent */
	size_t enriched_len;
};

/* The reference's tools read at most this many bytes of a line (the
 * rest of a longer line is dropped); record_parse takes any length, a
 * reader that wants the reference's output cuts lines here. */
#define RECORD_REF_LINE_MAX 8969

/* Split a log line (len bytes, no trailing newline needed: one trailing
 * "\n" is ignored; a NUL byte ends the line, the rest is not part of the
 * record). 0 and *ret, or -EINVAL and *ret_error (may be NULL) says why. */
int record_parse(const char *line, size_t len, struct record *ret,
		 enum record_error *ret_error);

/* Split a netlink payload of the given type ("audit(...): BODY"). The
 * record's line and type_name are NULL: the caller formats them. */
int record_parse_netlink(int type, const char *payload, size_t len,
			 struct record *ret, enum record_error *ret_error);

enum record_value_kind {
	RECORD_VALUE_PLAIN,	/* as written: 1234, x86_64, c000003e */
	RECORD_VALUE_QUOTED,	/* "text": value excludes the quotes */
	RECORD_VALUE_NULL,	/* (null) */
	RECORD_VALUE_NONE,	/* (none) */
};

struct record_field {
	const char *name;
	size_t name_len;
	const char *value;	/* without quotes when QUOTED */
	size_t value_len;
	enum record_value_kind kind;
	unsigned index;		/* 1 for the first field of the body */
};

struct record_cursor {
	const char *p, *end;
	unsigned index;
};

/* Walk the body of r (or of the enriched part: record_cursor_init_enriched). */
void record_cursor_init(struct record_cursor *c, const struct record *r);
void record_cursor_init_enriched(struct record_cursor *c,
				 const struct record *r);
/* The next field into *ret: true, or false at the end of the body. Words
 * without '=' are skipped. */
bool record_next_field(struct record_cursor *c, struct record_field *ret);

/* The first field named name in r's body: true and *ret, or false. */
bool record_find(const struct record *r, const char *name,
		 struct record_field *ret);

/* Whether a PLAIN value is an even-length run of hex digits: the kernel's
 * encoding of untrusted strings (comm, exe, path, proctitle, ...). */
bool record_value_is_hex(const struct record_field *f);

/* Decode the hex value of f into out (cap bytes, NUL terminated when
 * cap > 0); returns the decoded length, which may exceed cap - 1 (then out
 * holds the first cap - 1 bytes). NUL bytes decoded from hex are kept
 * (proctitle separates arguments with them). */
size_t record_hex_decode(const char *hex, size_t len, char *out, size_t cap);

/* Parse an unsigned decimal (or hex when base 16) value: 0 and *ret, or
 * -EINVAL for anything but digits, -ERANGE on overflow. */
int record_value_u64(const char *v, size_t len, int base, uint64_t *ret);
int record_value_i64(const char *v, size_t len, int64_t *ret);

#endif
