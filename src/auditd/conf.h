/*
 * conf: auditd.conf, parsed into a struct auditd_conf.
 *
 * The file is "key = value" lines, '#' comments, keys and keyword values
 * case-insensitive, as the reference reads it. Parsing is table-driven
 * (key -> parser -> field), fills a fresh struct and touches no files
 * beyond reading the one it is given: SIGHUP parses into a new struct,
 * and the daemon swaps it in only when conf_load() succeeded.
 *
 * Every key of the reference (3.0.9 and the documented 4.x keys) is
 * known; unknown keys and bad values are errors, reported as
 * "FILE:LINE: message" quoting the bad text. auditkit's own keys (rotation
 * by time, compression, the spill, the metrics and state files, the
 * commands behind single/halt) are documented in auditd.conf(5).
 *
 * Like the reference, a few values are checked against the system while
 * parsing (read-only): an exec action's program (absolute, regular,
 * root-owned, mode 0750/0755/0550/0555), log_file's directory and an
 * existing log file, and a log_group name (getgrnam). Accepted-but-odd
 * input (deprecated keys, a small q_depth, ...) becomes a warning in
 * c->warnings, which the daemon logs; the parser never prints.
 */
#ifndef AUDITD_CONF_H
#define AUDITD_CONF_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum conf_format { CONF_FORMAT_RAW, CONF_FORMAT_ENRICHED };

enum conf_flush {
	CONF_FLUSH_NONE,
	CONF_FLUSH_INCREMENTAL,
	CONF_FLUSH_INCREMENTAL_ASYNC,
	CONF_FLUSH_DATA,
	CONF_FLUSH_SYNC,
};

enum conf_node {
	CONF_NODE_NONE,
	CONF_NODE_HOSTNAME,
	CONF_NODE_FQD,
	CONF_NODE_NUMERIC,
	CONF_NODE_USER,
};

/* Every action value any *_action key takes; each key accepts the subset
 * the reference accepts for it (see conf.c's table). */
enum conf_action_kind {
	CONF_ACT_IGNORE,
	CONF_ACT_SYSLOG,
	CONF_ACT_ROTATE,
	CONF_ACT_EMAIL,
	CONF_ACT_EXEC,
	CONF_ACT_SUSPEND,
	CONF_ACT_SINGLE,
	CONF_ACT_HALT,
	CONF_ACT_KEEP_LOGS,
};

struct conf_action {
	enum conf_action_kind kind;
	char exe[PATH_MAX];	/* CONF_ACT_EXEC: the program, else "" */
};

/* space_left / admin_space_left: megabytes, or a percentage of the log
 * partition when percent is set (4.x). */
struct conf_space {
	uint64_t value;
	bool percent;
};

enum conf_compress { CONF_COMPRESS_NONE, CONF_COMPRESS_GZIP, CONF_COMPRESS_ZSTD };

/* The longest line the reference reads: longer lines are skipped there
 * (a comment) or refused here (anything else). */
#define CONF_LINE_MAX 158

/* Warnings collected while parsing, each "NAME:LINE: text" (or "NAME:
 * text" for cross-key ones); at most CONF_WARN_MAX, the rest counted in
 * dropped. */
#define CONF_WARN_MAX 8
struct conf_warnings {
	unsigned count;
	unsigned dropped;
	char text[CONF_WARN_MAX][256];
};

struct auditd_conf {
	/* The reference's keys. */
	bool local_events;
	bool write_logs;
	char log_file[PATH_MAX];
	enum conf_format log_format;
	gid_t log_group;
	unsigned priority_boost;
	enum conf_flush flush;
	unsigned freq;
	unsigned num_logs;
	enum conf_node name_format;
	char name[256];			/* name_format = user */
	unsigned long max_log_file;	/* megabytes; 0 = no limit */
	struct conf_action max_log_file_action;
	bool verify_email;
	char action_mail_acct[256];
	struct conf_space space_left;
	struct conf_action space_left_action;
	struct conf_space admin_space_left;
	struct conf_action admin_space_left_action;
	struct conf_action disk_full_action;
	struct conf_action disk_error_action;
	unsigned tcp_listen_port;	/* 0 = not listening */
	unsigned tcp_listen_queue;
	unsigned tcp_max_per_addr;
	bool use_libwrap;
	unsigned tcp_client_min_port, tcp_client_max_port;
	unsigned tcp_client_max_idle;
	bool transport_krb5;		/* transport = KRB5 (else TCP) */
	bool enable_krb5;
	char krb5_principal[256];
	char krb5_key_file[PATH_MAX];
	bool distribute_network;
	unsigned q_depth;
	struct conf_action overflow_action;	/* ignore/syslog/suspend/single/halt */
	unsigned max_restarts;
	char plugin_dir[PATH_MAX];
	unsigned end_of_event_timeout;	/* seconds */
	unsigned report_interval;	/* seconds, 0 = none (4.x) */

	/* auditkit's keys. */
	uint64_t q_depth_bytes;		/* queue bound in bytes (default 64 MiB) */
	unsigned rotate_interval;	/* seconds; 0 = rotate by size only */
	enum conf_compress rotate_compress;
	bool rotate_timestamp;		/* audit.log-YYYYMMDD-HHMMSS names */
	char spill_dir[PATH_MAX];	/* "" = memory spill only */
	uint64_t spill_memory;		/* bytes held in memory while suspended */
	uint64_t spill_max;		/* bytes allowed in spill_dir */
	char state_file[PATH_MAX];	/* SIGCONT report (/var/run/auditd.state) */
	char metrics_file[PATH_MAX];	/* Prometheus textfile, "" = none */
	unsigned metrics_interval;	/* seconds */
	char single_command[PATH_MAX];	/* run for the single action */
	char halt_command[PATH_MAX];	/* run for the halt action */
	char mail_command[PATH_MAX];	/* run for the email action */

	/* Not a key: what the parser wants said (see struct conf_warnings). */
	struct conf_warnings warnings;
};

/* The reference's defaults (what a key missing from the file means). */
void conf_defaults(struct auditd_conf *ret);

/* conf_load flags. */
enum {
	CONF_CHECK_OWNER = 1,	/* refuse a file not owned by root, or group/world writable */
	CONF_ALLOW_SYMLINK = 2,	/* auditd -l: the file may be a symlink */
};

/* Parse path into *ret (defaults first, then each line). 0, or -1 with a
 * one-line message "PATH:LINE: ..." (or "PATH: ..." for whole-file
 * problems: missing, unreadable, not a regular file, a symlink without
 * CONF_ALLOW_SYMLINK, the owner checks) in err. *ret is undefined on
 * error. Nothing is logged. */
int conf_load(const char *path, unsigned flags, struct auditd_conf *ret,
	      char *err, size_t errlen);

/* Same from a buffer (name is used in messages); for tests and fuzzing. */
int conf_parse(const char *name, const char *buf, size_t len,
	       struct auditd_conf *ret, char *err, size_t errlen);

/* Cross-key checks after parsing (admin_space_left above space_left, ...).
 * 0 or -1 with "PATH: message" in err. conf_load calls it. */
int conf_validate(const char *name, const struct auditd_conf *c,
		  char *err, size_t errlen);

/* Keyword names for records and reports ("ENRICHED", "INCREMENTAL_ASYNC",
 * "SUSPEND", ...), uppercase as the reference writes them. */
const char *conf_format_name(enum conf_format f);
const char *conf_flush_name(enum conf_flush f);
const char *conf_action_name(enum conf_action_kind k);

#endif
