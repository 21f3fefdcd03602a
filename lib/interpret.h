/*
 * interpret: audit field values turned into text for people, as the
 * reference prints them: uids and gids to names, arch and syscall
 * numbers to names, exit codes to errno names, hex strings decoded,
 * modes, flags, capability sets, signals, syscall arguments, socket
 * addresses, ... Two users:
 *
 * - auditd's ENRICHED log format (interp_context_init, interp_kind_of,
 *   interp_value): only uids, gids, arch, syscall and saddr, read the
 *   way the reference's daemon reads a record (tests/data/auditd-format/):
 *   the body is split on spaces and newlines only, a word starting with
 *   "msg='" loses that prefix, a word without '=', with an empty name or
 *   value is not a field, one trailing "'" is taken off every value; in
 *   a SYSCALL record whose first field is arch and second syscall, those
 *   give the machine and syscall number (a 5th field a0 the socketcall or
 *   ipc operation); every syscall field of a record prints the record's
 *   syscall ("unknown-syscall(-1)" elsewhere), every arch field the
 *   record's machine when it has one.
 *
 * - ausearch -i and aureport -i (interp_record for a whole record body;
 *   interp_context_init_search, interp_search_kind and interp_value for
 *   one field): every kind of enum interp_kind, with the reference's
 *   per-record-type exceptions (interpret_kinds.c), its syscall argument
 *   decoding (interpret_args.c), its tokenizer (interpret_record.c) and
 *   its reading of odd values (strtoul in each field's base), checked
 *   against ausearch 3.0.9 by tests/unit/test_interpret.c on the records
 *   of tests/data/interpret/ (make-cases.py there regenerates them).
 *
 * What the reference interprets and this does not (yet): syscall names
 * of ppc, s390 and other machines without a table in lib/tables (they
 * print unknown-syscall(N) where the reference names them); the ioctl
 * requests beyond the set in lib/tables/ioctl.tbl (the reference also
 * names 0x80045431 TIOCSPTLCK, apparently by mistake); MAC labels and
 * fields of record types never probed (the probes covered every field
 * name the reference interprets in every record type of msgtype.tbl).
 *
 * Differences from the reference, on malformed input only: bytes a short
 * socket address does not have read as zeros (the reference reads past
 * its buffer, e.g. "{ saddr_fam=atmpvc int=22016 }" for saddr=0800); the
 * records the reference's ausearch parser drops (a SYSCALL record whose
 * syscall field comes before arch, ...) are interpreted here like any
 * other: dropping them is the caller's business.
 *
 * Nothing here allocates per call; the uid/gid name cache (struct
 * interp_names) is the only state, owned by the caller, not thread-safe:
 * one per thread.
 */
#ifndef AUDITKIT_INTERPRET_H
#define AUDITKIT_INTERPRET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum interp_kind {
	INTERP_NONE,		/* not interpreted (yet) */
	INTERP_UID,
	INTERP_GID,
	INTERP_SYSCALL,
	INTERP_ARCH,
	INTERP_SOCKADDR,
	/* The kinds below only ausearch -i (and aureport -i) print. */
	INTERP_EXIT,		/* exit=-2: ENOENT(No such file or directory) */
	INTERP_ESCAPED,		/* hex or "quoted" strings: path, comm, ... */
	INTERP_ESCAPED_KEY,	/* key: escaped, \x01 separates several keys */
	INTERP_PROCTITLE,	/* escaped, NULs between arguments -> spaces */
	INTERP_PERM,		/* perm=: read,write,exec,attr */
	INTERP_MODE,		/* mode=0100644: file,644 */
	INTERP_MODE_SHORT,	/* mode in MQ_OPEN: 0644, suid,0755 */
	INTERP_MMAP_FLAGS,	/* flags=: MAP_PRIVATE|MAP_ANONYMOUS */
	INTERP_LOOKUP_FLAGS,	/* flags in PATH records: follow,parent */
	INTERP_PROMISC,		/* prom=: yes/no */
	INTERP_CAPABILITY,	/* capability=: one name */
	INTERP_SUCCESS,		/* res=/result=: yes/no/unset */
	INTERP_A0, INTERP_A1, INTERP_A2, INTERP_A3, /* per syscall */
	INTERP_SIGNAL,		/* sig=: SIGKILL */
	INTERP_LIST,		/* list=: filter list */
	INTERP_TTY_DATA,	/* data= of TTY records: "ls",<ret> */
	INTERP_SESSION,		/* ses=4294967295: unset */
	INTERP_CAP_BITMAP,	/* cap_pi=...: capability name lists */
	INTERP_NFPROTO,		/* family=: netfilter protocol family */
	INTERP_ICMPTYPE,	/* icmptype= */
	INTERP_PROTOCOL,	/* proto=: /etc/protocols name */
	INTERP_PERSONALITY,	/* per= */
	INTERP_SECCOMP,		/* code= of SECCOMP: kill, allow, ... */
	INTERP_OFLAG,		/* oflag=: O_RDWR|O_CREAT */
	INTERP_HOOK,		/* hook=: netfilter hook */
	INTERP_NETACTION,	/* action=: ACCEPT, DROP, REJECT */
	INTERP_MACPROTO,	/* macproto=: IP, ARP */
	INTERP_IOCTL,		/* ioctlcmd=: TCGETS */
	INTERP_FANOTIFY,	/* resp=: allow, deny */
	INTERP_NLMCGRP,		/* nl-mcgrp= */
	INTERP_VERBATIM,	/* addr=, subj=, ...: printed as written, but
				 * an interpreted value (--escape applies) */
};

/* One field of a record body; pointers borrow the body's bytes. */
struct interp_field {
	const char *name;
	size_t name_len;
	const char *value;	/* without the trailing "'" */
	size_t value_len;
	unsigned index;		/* 1 for the first field of the body */
};

/* Walks the fields of a body (bytes, not NUL terminated). */
struct interp_cursor {
	const char *p, *end;
	unsigned index;
};

void interp_cursor_init(struct interp_cursor *c, const char *body, size_t len);
/* The next field into *ret: true, or false at the end. */
bool interp_next(struct interp_cursor *c, struct interp_field *ret);

/* Locate the body of a kernel payload "audit(SEC.MSEC:SERIAL): fields":
 * the text after the first word, when that word starts with "audit(" and
 * holds "):". 0 and the body in ret_body and ret_len, or -EINVAL (nothing
 * of such a record is interpreted, as with the reference). */
int interp_body(const char *payload, size_t len, const char **ret_body,
		size_t *ret_len);

/* What a record gives to the interpretation of its fields. */
struct interp_context {
	uint16_t type;		/* record type: AUDIT_SYSCALL, ... */
	int machine;		/* enum machine, or -1 */
	const char *machine_name; /* "x86_64", "ppc64", ...; NULL if none */
	int syscall;		/* -1 when the record has none */
	bool have_a0;
	uint64_t a0;
	/* ausearch -i's reading (interp_context_init_search) */
	bool search;
	uint64_t args[4];	/* a0..a3 of a SYSCALL record, 0 if absent */
};

/* Fill *ret from the record type and body (the first five fields), as
 * the reference's daemon reads a record for ENRICHED. */
void interp_context_init(struct interp_context *ret, uint16_t type,
			 const char *body, size_t len);
/* The same as ausearch -i reads it: in SYSCALL records the first arch,
 * syscall and a0..a3 fields wherever they are; SECCOMP records use their
 * own arch; every other record has syscall 0 of the host machine (so a
 * syscall= field there prints "read" on x86_64, as the reference does). */
void interp_context_init_search(struct interp_context *ret, uint16_t type,
				const char *body, size_t len);

/* How the daemon's ENRICHED format interprets the field name (name_len
 * bytes) of a record of this type: INTERP_NONE or one of the first five
 * kinds. auditd writes every field whose kind is not INTERP_NONE. */
enum interp_kind interp_kind_of(uint16_t type, const char *name,
				size_t name_len);

/* How ausearch -i and aureport -i interpret the field (any kind). For
 * one field: interp_context_init_search(&ctx, type, body, len), then
 * interp_value(names, &ctx, interp_search_kind(type, name, len), ...). */
enum interp_kind interp_search_kind(uint16_t type, const char *name,
				    size_t name_len);

/* The uid and gid name cache. */
struct interp_names;

/* 0 and *ret, or -ENOMEM. Free with interp_names_free (NULL is fine). */
int interp_names_new(struct interp_names **ret);
void interp_names_free(struct interp_names *n);
/* How long a looked-up name (or its absence) is trusted; default 60 s,
 * 0 = look up every time. Protocol names (proto=, socket arguments) are
 * read once from the protocols database and kept. A NULL names prints
 * ids as unknown(N) and protocols as unknown. */
void interp_names_set_ttl(struct interp_names *n, unsigned seconds);

/* Write the interpretation of value (vlen bytes) as kind into out (at most
 * cap bytes, NUL terminated when cap > 0, like snprintf). Returns the
 * length of the full text (without NUL): a result >= cap means out was
 * too small. The text may hold any byte but NUL. */
size_t interp_value(struct interp_names *names,
		    const struct interp_context *ctx, enum interp_kind kind,
		    const char *value, size_t vlen, char *out, size_t cap);

/*
 * ausearch -i's text of one record: the body (body_len bytes: what
 * follows "audit(SEC.MSEC:SERIAL): ", without the ENRICHED part) with
 * every field interpreted, exactly as the reference prints it after
 * "msg=audit(DATE TIME.MSEC:SERIAL) : " and before the newline (fields
 * end in a blank, so the text usually ends in one; a body without any
 * field ends in a newline of its own, as the reference prints an empty
 * line after such a record). The body must start right after "): "
 * (leading blanks are printed; callers printing "msg=audit(...) :" and
 * no blank pass the body from right after "):", blank included, so that
 * a body without fields prints escaped as the reference prints it, e.g.
 * ":\\ " under --escape shell). enriched
 * (enriched_len bytes, the text after the 0x1D byte; NULL when the log
 * line has none) gives what the daemon recorded: an interpreted field
 * whose NAME=word is there prints that word (uid and gid words decoded:
 * "root" from NAME="root") instead of its interpretation, as the
 * reference does. Values are escaped in --escape's default mode, tty
 * (see interp_record_escaped). Written to out like snprintf (NUL terminated when
 * cap > 0; the full length returned, >= cap when out was too small).
 * Allocates nothing; names may be NULL (ids then print unknown(N)).
 */
size_t interp_record(struct interp_names *names, int type, const char *body,
		     size_t body_len, const char *enriched,
		     size_t enriched_len, char *out, size_t cap);

/*
 * ausearch's --escape modes, as the reference 3.0.9 applies them (found
 * by feeding it every byte): raw leaves everything; tty writes bytes
 * below 0x20 as \ooo (octal, three digits); shell also puts a backslash
 * before each of  !"$'()\`|  and shell_quote before each of
 *  !"#$&'()*;<>?[\]`{|}  (the blank included). 0x7f and bytes above
 * are never escaped.
 */
enum interp_escape {
	INTERP_ESC_RAW,
	INTERP_ESC_TTY,
	INTERP_ESC_SHELL,
	INTERP_ESC_SHELL_QUOTE,
};

/* p (n bytes) escaped in mode into out, like snprintf (NUL terminated
 * when cap > 0; the full length returned). */
size_t interp_escape(enum interp_escape mode, const char *p, size_t n,
		     char *out, size_t cap);

/* interp_record with the value of every interpreted field (not the
 * names, not the fields printed as written) escaped in mode, as ausearch
 * -i --escape MODE prints it. In tty mode this is interp_record except
 * that control bytes of socket paths, results, ... are escaped too; in
 * raw mode decoded strings keep their control bytes. */
size_t interp_record_escaped(struct interp_names *names, int type,
			     const char *body, size_t body_len,
			     const char *enriched, size_t enriched_len,
			     enum interp_escape mode, char *out, size_t cap);

#endif
