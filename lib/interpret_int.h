/*
 * interpret_int: what the interpret_*.c files share and nobody else uses:
 * the output sink (a bounded buffer that counts what did not fit, so
 * callers learn the full length), number parsing the way the reference's
 * strtoul reads values, and the printers each file exports to the
 * dispatcher in interpret.c.
 */
#ifndef AUDITKIT_INTERPRET_INT_H
#define AUDITKIT_INTERPRET_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "interpret.h"
#include "sink.h"
#include "tables.h"

struct interp_sink {
	struct sink b;		/* the bounded buffer */
	/* When set, every byte put is escaped in esc (interp_record_escaped
	 * turns it on around each interpreted value). */
	bool escaping;
	enum interp_escape esc;
};

void interp_sink_put(struct interp_sink *s, const char *p, size_t n);
void interp_sink_str(struct interp_sink *s, const char *p);
void interp_sink_char(struct interp_sink *s, char ch);
__attribute__((format(printf, 2, 3)))
void interp_sink_printf(struct interp_sink *s, const char *fmt, ...);
/* NUL-terminate what fits; the length of the full text. */
size_t interp_sink_end(struct interp_sink *s);

/* Value of a hex digit, or 99. */
int interp_digit(char ch);
/* strtoul's reading of s[0..n) in base (0 = auto like strtoul): leading
 * blanks, a sign ("-N" wraps), "0x" in base 16, digits up to the first
 * other byte. 0 and *ret, or -ERANGE past 64 bits. *ret_digits (may be
 * NULL) tells whether any digit was read. */
int interp_strtoul(const char *s, size_t n, unsigned base, uint64_t *ret,
		   bool *ret_digits);
/* strtol's reading: like interp_strtoul but -ERANGE outside int64_t. */
int interp_strtol(const char *s, size_t n, unsigned base, int64_t *ret);

/* Whether the field name (len bytes) equals name. */
bool interp_name_is(const char *n, size_t len, const char *name);

/* "name" prefix + "(" value ")": the reference's text for a value it
 * could not read or name. */
void interp_sink_wrapped(struct interp_sink *s, const char *prefix,
			 const char *v, size_t vlen, const char *suffix);

/* Print the names of the bits of v found in t (a table of single-bit or
 * multi-bit masks), in increasing unsigned order, joined by sep. Returns
 * the bits no name covered. */
uint64_t interp_flags(struct interp_sink *s, const struct table *t,
		      uint64_t v, const char *sep, bool *printed);

/* Any kind (interpret.c): the core kinds here, the rest via
 * interp_print_value. */
void interp_print_kind(struct interp_names *names,
		       const struct interp_context *ctx, enum interp_kind kind,
		       const char *value, size_t vlen, struct interp_sink *s);

/* interpret_values.c: the per-kind printers of single values. */
void interp_print_value(struct interp_names *names,
			const struct interp_context *ctx, enum interp_kind kind,
			const char *v, size_t vlen, struct interp_sink *s);
/* uid/gid (interpret.c): -1 unset, 0 root, else the cached name. */
void interp_print_id(struct interp_names *n, bool gid, const char *v,
		     size_t vlen, struct interp_sink *s);
/* The protocol name of a number (getprotobynumber, cached), or NULL. */
const char *interp_proto_name(struct interp_names *n, unsigned proto);

/* The name of syscall nr on the context's machine (the host's when the
 * record names none), or NULL. */
const char *interp_syscall_name(const struct interp_context *ctx, int nr);

/* interpret_args.c: a0..a3 of a syscall (arg 0..3). */
void interp_print_arg(struct interp_names *names,
		      const struct interp_context *ctx, unsigned arg,
		      const char *v, size_t vlen, struct interp_sink *s);
/* The mode printers args share with fields. */
void interp_print_mode(const char *v, size_t vlen, unsigned base,
		       struct interp_sink *s);
void interp_print_mode_short(uint64_t mode, struct interp_sink *s);
void interp_print_signal(const char *v, size_t vlen, unsigned base,
			 struct interp_sink *s);
void interp_print_open_flags(uint64_t v, struct interp_sink *s);

/* interpret_tty.c */
void interp_print_tty_data(const char *v, size_t vlen, struct interp_sink *s);

#endif
