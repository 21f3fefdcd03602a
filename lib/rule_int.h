/*
 * rule_int: what the rule codec's files (rule.c: the builder and encoder,
 * rule_field.c: -F and -C, rule_format.c: the listing) share and nobody
 * else sees.
 *
 * A rule under construction keeps the kernel's arrays directly (fields,
 * values, operators in the order given, string values packed in buf in the
 * same order), so encoding is a copy. Keys are the exception: auditctl
 * collects every -k and -F key= and sends them as one \x01-joined key field
 * after all others, whatever the order on the command line.
 */
#ifndef AUDITKIT_RULE_INT_H
#define AUDITKIT_RULE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "rule.h"

/* The reference refuses the 64th field ("Too many fields in rule"). */
#define RULE_MAX_FIELDS (AUDIT_MAX_FIELDS - 1)
/* Longest string value it sends (PATH_MAX); longer is "String value too long". */
#define RULE_MAX_STRING 4096
/* Between the keys of a rule's one key field (libaudit's value). */
#define RULE_KEY_SEPARATOR '\x01'
/* Bit set over AUDIT_FILTER_* list numbers. */
#define RULE_LIST_BIT(list) (1u << (list))

struct rule {
	enum machine host;
	enum machine arch;		/* last -F arch=, MACHINE_UNKNOWN if none */
	enum rule_op op;
	uint32_t list;			/* AUDIT_FILTER_*, valid once started */
	uint32_t action;
	bool list_given;		/* -a/-A/-d seen */
	bool watch;			/* -w/-W seen */
	bool syscalls_given;		/* -S seen; a watch counts as one */
	bool anchored;			/* path/dir/perm/exe/fstype: keys allowed */
	bool field_key;			/* a key came from -F key= */
	bool warned_arch;		/* the 32/64 warning is given once a rule */
	uint32_t key_op;		/* operator of the key field */
	uint32_t mask[AUDIT_BITMASK_SIZE];
	uint32_t nfields;
	uint32_t fields[AUDIT_MAX_FIELDS];
	uint32_t values[AUDIT_MAX_FIELDS];
	uint32_t fieldflags[AUDIT_MAX_FIELDS];
	char *buf;			/* string values, in field order */
	size_t buflen, bufcap;
	char keys[AUDIT_MAX_KEY_LEN + 1];	/* \x01-joined, not terminated */
	size_t keylen;
	char *error;			/* last failure's message, malloc'd */
	const char *warning;		/* last step's warning, static text */
};

/* How a field's value is read from text and printed back. */
enum rule_kind {
	RULE_KIND_NUMBER,	/* digits only; printed signed */
	RULE_KIND_INODE,	/* digits only; printed unsigned */
	RULE_KIND_UID,		/* number, -N, "unset" or a user name */
	RULE_KIND_GID,		/* number or a group name */
	RULE_KIND_SESSION,	/* "unset" or anything strtol takes */
	RULE_KIND_ARG,		/* a0..a3: +/- number; printed 0x%X */
	RULE_KIND_EXIT,		/* number or [-]errno name; printed -ENAME */
	RULE_KIND_MSGTYPE,	/* number or record type name */
	RULE_KIND_FILETYPE,	/* file, dir, socket ... */
	RULE_KIND_FSTYPE,	/* debugfs, tracefs or a number */
	RULE_KIND_SADDR_FAM,	/* a number below AF_MAX */
	RULE_KIND_ARCH,		/* b64, b32, machine name or AUDIT_ARCH_* */
	RULE_KIND_PERM,		/* r, w, x, a */
	RULE_KIND_STRING,	/* carried in buf, values[i] = length */
	RULE_KIND_KEY,		/* string, joined with the other keys */
	RULE_KIND_COMPARE,	/* -C: an AUDIT_COMPARE_* value */
};

struct rule_field_info {
	uint32_t field;		/* AUDIT_* field number */
	enum rule_kind kind;
	uint32_t lists;		/* RULE_LIST_BIT()s auditctl allows it on */
	const char *list_err;	/* message off those lists; NULL: "<name> can
				 * only be used with exit filter list" */
	uint32_t ops;		/* allowed operators, 0 = any (kernel decides) */
	const char *op_err;	/* message for another operator */
};

/* The entry for a field number, NULL for one auditctl does not know. */
const struct rule_field_info *rule_field_info(uint32_t field);
/* Operator text ("!=", "&=" ...) for an AUDIT_* operator, NULL if none. */
const char *rule_op_text(uint32_t op);
/* -C pair of an AUDIT_COMPARE_* value: 0 and the two field numbers. */
int rule_compare_fields(uint32_t compare, uint32_t *left, uint32_t *right);
/* Name of a known file system magic (fstype=), NULL otherwise. */
const char *rule_fstype_name(uint32_t magic);
/* Perm letters in the reference's order (r w x a), into out[5]. */
void rule_perm_text(uint32_t perm, char out[5]);
/* Perm letters (any order and case) to AUDIT_PERM_* bits: 0, or the first
 * character that is not one (positive). */
int rule_perm_parse(const char *text, uint32_t *ret);

/* Record a failure message (printf-style) and return RULE_EINVAL, or
 * RULE_ENOMEM when even the message cannot be kept. */
int rule_fail(struct rule *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append one numeric field; the caller has checked the field count. */
void rule_push(struct rule *r, uint32_t field, uint32_t op, uint32_t value);
/* Append one string field (values[i] = len); 0 or RULE_ENOMEM. */
int rule_push_string(struct rule *r, uint32_t field, uint32_t op,
		     const char *s, size_t len);
/* Add a key to the rule's \x01-joined key list, with the size check. */
int rule_key_append(struct rule *r, const char *key);
/* The exclude list's own field check, shared by -F and the final key. */
int rule_fail_exclude(struct rule *r);

#endif
