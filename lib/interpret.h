/*
 * interpret: audit field values turned into text for people: uids and gids
 * to names, arch to a machine name, syscall numbers to names, socket
 * addresses to "{ saddr_fam=inet laddr=... }". auditd's ENRICHED log
 * format uses it now; ausearch -i will use it later.
 *
 * The model is the reference's (libauparse 3.0.9), observed through its
 * daemon and library (tests/data/auditd-format/): a record's body (the text
 * after "audit(SEC.MSEC:SERIAL): ") is split on spaces (and newlines, which
 * the daemon turns into spaces first) only, so quotes do not group words; a word starting with "msg='" loses that prefix (the
 * fields inside a user message count as fields); a word without '=', with
 * an empty name or an empty value is not a field; one trailing "'" is taken
 * off every value. Names are case-sensitive. Values are not unquoted:
 * uid="1" reads as 0, as strtoul reads it.
 *
 * The interpretation of syscall (and arch) depends on the record: in a
 * SYSCALL record whose first field is arch and second is syscall, those
 * give the record's machine and syscall number, and a 5th field a0 the
 * socketcall/ipc operation. Every syscall field of a record prints the
 * record's syscall (so a syscall field anywhere else prints
 * "unknown-syscall(-1)", as the reference does); every arch field prints
 * the record's machine when it has one, else its own value's machine.
 *
 * Interpreted so far (what ENRICHED needs): uids (auid uid euid suid fsuid
 * ouid oauid old-auid iuid id inode_uid sauid obj_uid), gids (gid egid
 * sgid fsgid ogid igid inode_gid new_gid obj_gid; id in ADD_GROUP,
 * DEL_GROUP and GRP_MGMT records), arch, syscall, saddr (not in AVC or
 * NETFILTER_PKT records).
 *
 * Not yet interpreted (ausearch -i needs them): exit (errno names),
 * escaped strings (path comm exe name cwd key proctitle ... hex decoding),
 * perm, mode, flags, promiscuous, capability, res/result, a0-a3 per
 * syscall, signals, list, tty data, ses, capability bitmaps, family/proto,
 * addr, personality, seccomp code, open flags, mmap, hooks, netaction,
 * macproto, ioctl requests, fanotify, MAC labels, and the ppc/s390 syscall
 * names (no tables here yet: those machines' syscalls print as
 * unknown-syscall(N) where the reference names them).
 *
 * Known differences from the reference, on malformed input only: bytes a
 * short socket address does not have read as zeros (the reference reads
 * past its buffer, e.g. "{ saddr_fam=atmpvc int=22016 }" for saddr=0800).
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
};

/* Fill *ret from the record type and body (the first five fields). */
void interp_context_init(struct interp_context *ret, uint16_t type,
			 const char *body, size_t len);

/* How the field name (name_len bytes) of a record of this type is
 * interpreted. */
enum interp_kind interp_kind_of(uint16_t type, const char *name,
				size_t name_len);

/* The uid and gid name cache. */
struct interp_names;

/* 0 and *ret, or -ENOMEM. Free with interp_names_free (NULL is fine). */
int interp_names_new(struct interp_names **ret);
void interp_names_free(struct interp_names *n);
/* How long a looked-up name (or its absence) is trusted; default 60 s,
 * 0 = look up every time. */
void interp_names_set_ttl(struct interp_names *n, unsigned seconds);

/* Write the interpretation of value (vlen bytes) as kind into out (at most
 * cap bytes, NUL terminated when cap > 0, like snprintf). Returns the
 * length of the full text (without NUL): a result >= cap means out was
 * too small. The text may hold any byte but NUL. */
size_t interp_value(struct interp_names *names,
		    const struct interp_context *ctx, enum interp_kind kind,
		    const char *value, size_t vlen, char *out, size_t cap);

#endif
