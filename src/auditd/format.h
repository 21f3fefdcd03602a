/*
 * format: the log line auditd writes for one record, in the RAW or the
 * ENRICHED log_format, byte for byte as the reference auditd 3.0.9 writes
 * it (goldens: tests/data/auditd-format/).
 *
 * RAW:      [node=NAME ]type=TYPE msg=PAYLOAD\n
 * ENRICHED: the RAW text, then, when the record has interpretable fields,
 *           0x1D and "NAME=value" pairs separated by spaces (see
 *           lib/interpret.h for which fields and how), then \n.
 *
 * TYPE is the message type's name, or UNKNOWN[n]. PAYLOAD is the kernel's
 * text up to its first NUL, every newline turned into a space, and,
 * without a node prefix only, one trailing space dropped (the reference's
 * quirk: with a node prefix the space it drops is the one from its own
 * newline). Uids and gids are written NAME="name", or hex when the name
 * needs encoding (it holds a blank, a quote, control or 8-bit bytes).
 *
 * Deliberate differences, for docs/COMPAT.md:
 * - no line is truncated; the reference cuts lines at 8937 bytes (8969
 *   with the interpretation, dropping fields that do not fit);
 * - a newline inside an interpreted value (a unix socket path) is written
 *   as a space; the reference writes it raw, which splits the line and lets
 *   a local user forge log lines.
 */
#ifndef AUDITD_FORMAT_H
#define AUDITD_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "conf.h"

struct format;	/* log format, node prefix, uid/gid name cache, scratch */

/* node: the node name to prefix ("node=NAME "), or NULL for none; copied.
 * 0 and *ret, or -ENOMEM. One object per thread. */
int format_new(enum conf_format fmt, const char *node, struct format **ret);
void format_free(struct format *f);

/* Write the log line, with its '\n', for one record the kernel sent: the
 * netlink type and payload ("audit(SEC.MSEC:SERIAL): fields", len bytes,
 * not NUL terminated; anything from the first NUL on is ignored). Writes
 * at most cap bytes into out, never a NUL, and returns the length the
 * whole line needs: when that is more than cap, grow out and call again.
 * No allocation per call (a value longer than any seen before grows the
 * object's scratch buffer once). */
size_t format_record(struct format *f, uint16_t type, const char *payload,
		     size_t len, char *out, size_t cap);

/* True for the types the reference never writes when the kernel sends
 * them: netlink control (NOOP, ERROR, DONE), replies (GET, LIST_RULES,
 * SIGNAL_INFO), the daemon range 1200-1299 (the daemon writes its own
 * DAEMON_* records, which are formatted like any other), and EOE (end of
 * event, only for the realtime interface). */
bool format_skips(uint16_t type);

/* The node name for name_format into buf (len bytes): HOSTNAME is
 * gethostname(), FQD the canonical name getaddrinfo() gives for it,
 * NUMERIC its first address (AI_ADDRCONFIG|AI_PASSIVE), USER user_name
 * (the `name` key). NONE gives "". 0, or -EINVAL (USER without a name),
 * -ENOENT (the host name does not resolve), -ENAMETOOLONG, -errno. */
int format_node_name(enum conf_node nf, const char *user_name, char *buf,
		     size_t len);

#endif
