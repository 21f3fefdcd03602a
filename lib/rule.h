/*
 * rule: audit rule text <-> struct audit_rule_data, the kernel's encoding.
 *
 * Building: a rule is assembled step by step in the order auditctl meets
 * its options on one command line (or one line of a rules file), because
 * that order matters to the meaning: -F arch= decides how later -S names
 * resolve, and the reference rejects some orders. Each step validates what
 * it is given and fails with a negative RULE_E* code; rule_error() then
 * returns the reference's message for it, naming the bad text. When all
 * options are in, rule_encode() checks the whole rule (list/field
 * compatibility, watch perms, ...) and yields the kernel's bytes.
 *
 * Formatting: rule_format() turns the kernel's bytes (as AUDIT_LIST_RULES
 * returns them, or as rule_encode() made them) into the canonical text
 * that the reference's `auditctl -l` prints for that rule, byte for byte;
 * watches print in the -w form the reference uses.
 *
 * Nothing here touches the kernel or prints. Two steps look at the system,
 * as the reference does: -w/-W stat() the path (a directory is watched
 * with dir=, anything else with path=), and -F uid=NAME / gid=NAME look
 * the name up in the user and group databases.
 */
#ifndef AUDITKIT_RULE_H
#define AUDITKIT_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <linux/audit.h>
#include "tables.h"

/* Error codes: negative, so a step returns 0 or one of these. The message
 * for each, with the offending text, comes from rule_error(). */
enum rule_err {
	RULE_OK = 0,
	RULE_ENOMEM = -1,
	RULE_EINVAL = -2,	/* any validation failure; see rule_error() */
	RULE_EDEPRECATED = -3,	/* "possible" action: the reference prints
				 * rule_error() and drops the rule, exit 0 */
};

enum rule_op {
	RULE_OP_ADD,		/* -a, -w */
	RULE_OP_PREPEND,	/* -A */
	RULE_OP_DELETE,		/* -d, -W */
};

struct rule;

/* A new empty rule. host decides b64/b32 and the syscall table when the
 * rule names no arch. NULL on out of memory. Free with rule_free(). */
struct rule *rule_new(enum machine host);
void rule_free(struct rule *r);

/* -a/-A/-d argument: "list,action" or "action,list". */
int rule_set_list_action(struct rule *r, enum rule_op op, const char *text);
/* -S argument: a name, a number, a comma list of them, or "all". */
int rule_add_syscalls(struct rule *r, const char *text);
/* -F argument: "field OP value" with OP one of = != < > <= >= & &=. */
int rule_add_field(struct rule *r, const char *text);
/* -C argument: "field OP field" with OP = or !=. */
int rule_add_compare(struct rule *r, const char *text);
/* -k argument; several keys are joined as the kernel stores them. */
int rule_add_key(struct rule *r, const char *key);
/* -w/-W argument and -p argument (r, w, x, a in any order). */
int rule_set_watch(struct rule *r, enum rule_op op, const char *path);
int rule_set_perm(struct rule *r, const char *perms);

/* True once -a/-A/-d or -w/-W has been given. */
bool rule_is_started(const struct rule *r);
enum rule_op rule_op(const struct rule *r);
/* True once -S has been given (a watch counts as one). */
bool rule_has_syscalls(const struct rule *r);

/* Check the whole rule and encode it. 0 and *ret (malloc'd; caller frees)
 * with *ret_len bytes (header plus buf), or a RULE_E* code. */
int rule_encode(struct rule *r, struct audit_rule_data **ret, size_t *ret_len);

/* The message for the last failed step of r, e.g. "Syscall name unknown:
 * foo"; "" if none. Borrowed: valid until r changes or is freed. */
const char *rule_error(const struct rule *r);

/* The warning the last step raised, "" if none. The reference prints these
 * on stderr as it meets them and goes on: "WARNING - 32/64 bit syscall
 * mismatch, you should specify an arch" (once a rule: -S by name without
 * -F arch on a bi-arch host, when the 32-bit table disagrees) and "Warning -
 * wildcard notation is not supported" (-w/-W path with * or ?). Reading a
 * rules file, the reference words the first one "... mismatch in line N,
 * you should ...". Static text: never freed. */
const char *rule_warning(const struct rule *r);

/* Rule-format flags. */
enum {
	RULE_FORMAT_INTERPRET = 1 << 0,	/* auditctl -l -i */
};

/* Canonical listing text of one kernel rule (no newline). 0 and *ret
 * (malloc'd; caller frees), -EINVAL for a malformed rule (len too short,
 * buflen or a string past the end, unknown operator, more than
 * AUDIT_MAX_FIELDS fields), -ENOMEM. host gives the syscall names of a
 * rule without an arch field. A field without a name (loginuid_set from a
 * newer tool) prints as the reference prints it: "f24=1". */
int rule_format(const struct audit_rule_data *d, size_t len,
		enum machine host, unsigned flags, char **ret);

/* The machine whose syscall names rule_format() prints for d: that of its
 * last arch field, or fallback when it has none (MACHINE_UNKNOWN for an
 * arch without a table here, or a malformed rule).
 * The reference's `auditctl -l` keeps the last arch it met from one rule
 * to the next: a rule without arch listed after an arch=b32 rule has its
 * syscalls named from the 32-bit table ("-S chmod" lists as "-S mmap").
 * To print the same, format each rule with host = this function's answer
 * for the rules before it (starting from the real host). */
enum machine rule_syscall_machine(const struct audit_rule_data *d, size_t len,
				  enum machine fallback);

/* -l -k / -D -k selection, as the reference makes it: true when key is a
 * substring of the rule's key field (its \x01-joined keys; "b" selects a
 * rule keyed "bb"), and for every rule when key is "". */
bool rule_has_key(const struct audit_rule_data *d, size_t len, const char *key);

#endif
