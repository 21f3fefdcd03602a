/*
 * conf: auditd.conf, parsed into a struct auditd_conf (see conf.h).
 *
 * A line is split on spaces into "key", "=", value and, for the exec
 * actions only, a second word; tabs, carriage returns and lines longer
 * than CONF_LINE_MAX are refused (the reference treats them as text or
 * skips them, which hides mistakes). The key is looked up,
 * case-insensitively, in one table (conf_keys) that names its parser, the
 * field it fills (an offset into struct auditd_conf) and the parser's
 * bounds: a number range, a keyword list or the actions the key allows.
 * The first bad line stops parsing, as in the reference, and the message
 * says "NAME:LINE: key: "bad text" ...". A key given twice keeps its last
 * value (the reference does the same).
 *
 * Cross-key rules (space_left above admin_space_left, incremental flushing
 * needs freq) live in conf_validate; conf_load runs both.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <sys/stat.h>
#include "conf.h"

#define MIB (UINT64_C(1) << 20)
#define CONF_FILE_MAX (1 << 20)	/* no real auditd.conf comes near this */

/* Keyword fields are enums; the table writes them as int. */
_Static_assert(sizeof(enum conf_format) == sizeof(int), "enum size");
_Static_assert(sizeof(enum conf_flush) == sizeof(int), "enum size");
_Static_assert(sizeof(enum conf_node) == sizeof(int), "enum size");
_Static_assert(sizeof(enum conf_compress) == sizeof(int), "enum size");

/* The line being parsed. */
struct conf_ctx {
	struct auditd_conf *c;
	const char *name;	/* the file's name, for messages */
	unsigned line;
	char *err;
	size_t errlen;
};

struct conf_key;
typedef int (*conf_parse_fn)(struct conf_ctx *x, const struct conf_key *k,
			     const char *value, const char *option);

struct conf_word {
	const char *name;
	int value;
};

struct conf_key {
	const char *name;
	conf_parse_fn parse;
	size_t offset;			/* of the field in struct auditd_conf */
	uint64_t min, max;		/* numbers; max = buffer size for text */
	const struct conf_word *words;	/* keyword values */
	unsigned actions;		/* allowed conf_action_kind bits */
	unsigned flags;
};

enum {
	KEY_OPTION = 1,		/* a second word may follow (exec PATH) */
	KEY_REST = 2,		/* the value is the rest of the line */
	KEY_NONE = 4,		/* "none" means the empty string */
};

#define FIELD(x, k) ((void *)((char *)(x)->c + (k)->offset))

__attribute__((format(printf, 2, 3)))
static int conf_fail(struct conf_ctx *x, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (x->line)
		n = snprintf(x->err, x->errlen, "%s:%u: ", x->name, x->line);
	else
		n = snprintf(x->err, x->errlen, "%s: ", x->name);
	if (n < 0 || (size_t)n >= x->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(x->err + n, x->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

__attribute__((format(printf, 2, 3)))
static void conf_warn(struct conf_ctx *x, const char *fmt, ...)
{
	struct conf_warnings *w = &x->c->warnings;
	char *t;
	int n;
	va_list ap;

	if (w->count >= CONF_WARN_MAX) {
		w->dropped++;
		return;
	}
	t = w->text[w->count++];
	if (x->line)
		n = snprintf(t, sizeof(w->text[0]), "%s:%u: ", x->name, x->line);
	else
		n = snprintf(t, sizeof(w->text[0]), "%s: ", x->name);
	if (n < 0 || (size_t)n >= sizeof(w->text[0]))
		return;
	va_start(ap, fmt);
	vsnprintf(t + n, sizeof(w->text[0]) - (size_t)n, fmt, ap);
	va_end(ap);
}

static int conf_copy(struct conf_ctx *x, const struct conf_key *k, char *dst,
		     size_t size, const char *value)
{
	if (strlen(value) >= size)
		return conf_fail(x, "%s: \"%s\" is too long", k->name, value);
	strcpy(dst, value);
	return 0;
}

/* ---- numbers ---- */

static bool conf_digits(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* Decimal digits only, no sign; false on overflow. */
static bool conf_u64(const char *s, size_t len, uint64_t *ret)
{
	uint64_t v = 0;

	if (!conf_digits(s, len))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned d = (unsigned)(s[i] - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*ret = v;
	return true;
}

/* A number within the key's range, or a message. */
static int conf_number(struct conf_ctx *x, const struct conf_key *k,
		       const char *value, uint64_t *ret)
{
	uint64_t v;

	if (!conf_digits(value, strlen(value)))
		return conf_fail(x, "%s: \"%s\" is not a number", k->name, value);
	if (!conf_u64(value, strlen(value), &v) || v < k->min || v > k->max)
		return conf_fail(x, "%s: \"%s\" is out of range (%llu..%llu)",
				 k->name, value, (unsigned long long)k->min,
				 (unsigned long long)k->max);
	*ret = v;
	return 0;
}

static int parse_uint(struct conf_ctx *x, const struct conf_key *k,
		      const char *value, const char *option)
{
	uint64_t v;

	if (conf_number(x, k, value, &v) < 0)
		return -1;
	*(unsigned *)FIELD(x, k) = (unsigned)v;
	return 0;
}

static int parse_ulong(struct conf_ctx *x, const struct conf_key *k,
		       const char *value, const char *option)
{
	uint64_t v;

	if (conf_number(x, k, value, &v) < 0)
		return -1;
	*(unsigned long *)FIELD(x, k) = (unsigned long)v;
	return 0;
}

/* q_depth: the reference only warns below 512. */
static int parse_q_depth(struct conf_ctx *x, const struct conf_key *k,
			 const char *value, const char *option)
{
	if (parse_uint(x, k, value, option) < 0)
		return -1;
	if (x->c->q_depth < 512)
		conf_warn(x, "q_depth %u is small; 512 or more leaves a safety margin",
			  x->c->q_depth);
	return 0;
}

/* N = megabytes, or N with a K, M or G suffix; stored in bytes. */
static int parse_size(struct conf_ctx *x, const struct conf_key *k,
		      const char *value, const char *option)
{
	size_t len = strlen(value);
	uint64_t v, unit = MIB;

	if (len > 1 && !isdigit((unsigned char)value[len - 1])) {
		switch (toupper((unsigned char)value[len - 1])) {
		case 'K': unit = 1024; break;
		case 'M': unit = MIB; break;
		case 'G': unit = 1024 * MIB; break;
		default: unit = 0; break;
		}
		len--;
	}
	if (unit == 0 || !conf_digits(value, len))
		return conf_fail(x, "%s: \"%s\" is not a size (N megabytes, or N with K, M or G)",
				 k->name, value);
	if (!conf_u64(value, len, &v) || v > UINT64_MAX / unit ||
	    v * unit < k->min || v * unit > k->max)
		return conf_fail(x, "%s: \"%s\" is out of range (%lluK..%lluG)",
				 k->name, value,
				 (unsigned long long)(k->min / 1024),
				 (unsigned long long)(k->max / (1024 * MIB)));
	*(uint64_t *)FIELD(x, k) = v * unit;
	return 0;
}

/* rotate_interval: hourly, daily, weekly, none, 0, or N followed by s, m
 * or h (seconds and minutes exist so tests can rotate quickly). */
static int parse_interval(struct conf_ctx *x, const struct conf_key *k,
			  const char *value, const char *option)
{
	static const struct conf_word named[] = {
		{ "none", 0 }, { "0", 0 }, { "hourly", 3600 },
		{ "daily", 86400 }, { "weekly", 604800 }, { NULL, 0 },
	};
	size_t len = strlen(value);
	uint64_t v, unit = 0;

	for (const struct conf_word *w = named; w->name; w++)
		if (strcasecmp(value, w->name) == 0) {
			*(unsigned *)FIELD(x, k) = (unsigned)w->value;
			return 0;
		}
	if (len > 1)
		switch (tolower((unsigned char)value[len - 1])) {
		case 's': unit = 1; break;
		case 'm': unit = 60; break;
		case 'h': unit = 3600; break;
		}
	if (unit == 0 || !conf_digits(value, len - 1))
		return conf_fail(x, "%s: \"%s\" is not an interval (hourly, daily, weekly, none, or N with s, m or h)",
				 k->name, value);
	if (!conf_u64(value, len - 1, &v) || v == 0 || v > k->max / unit)
		return conf_fail(x, "%s: \"%s\" is out of range (1s..%llus)",
				 k->name, value, (unsigned long long)k->max);
	*(unsigned *)FIELD(x, k) = (unsigned)(v * unit);
	return 0;
}

/* ---- words ---- */

static int conf_word_find(const struct conf_word *words, const char *value)
{
	for (int i = 0; words[i].name; i++)
		if (strcasecmp(words[i].name, value) == 0)
			return i;
	return -1;
}

static int conf_word_fail(struct conf_ctx *x, const struct conf_key *k,
			  const struct conf_word *words, const char *value)
{
	char list[256] = "";

	for (int i = 0; words[i].name; i++) {
		if (i)
			strcat(list, ", ");
		strcat(list, words[i].name);
	}
	return conf_fail(x, "%s: \"%s\" is not one of %s", k->name, value, list);
}

static const struct conf_word yes_no[] = { { "yes", 1 }, { "no", 0 }, { NULL, 0 } };

static int parse_bool(struct conf_ctx *x, const struct conf_key *k,
		      const char *value, const char *option)
{
	int i = conf_word_find(yes_no, value);

	if (i < 0)
		return conf_word_fail(x, k, yes_no, value);
	*(bool *)FIELD(x, k) = yes_no[i].value;
	return 0;
}

static int parse_word(struct conf_ctx *x, const struct conf_key *k,
		      const char *value, const char *option)
{
	int i = conf_word_find(k->words, value);

	if (i < 0)
		return conf_word_fail(x, k, k->words, value);
	memcpy(FIELD(x, k), &k->words[i].value, sizeof(int));
	return 0;
}

/* log_format: RAW, ENRICHED, or the deprecated NOLOG (= write_logs no). */
static int parse_log_format(struct conf_ctx *x, const struct conf_key *k,
			    const char *value, const char *option)
{
	if (strcasecmp(value, "nolog") != 0)
		return parse_word(x, k, value, option);
	conf_warn(x, "log_format = NOLOG is deprecated; it means write_logs = no");
	x->c->write_logs = false;
	return 0;
}

static const struct conf_word transports[] = { { "TCP", 0 }, { "KRB5", 1 }, { NULL, 0 } };

static int parse_transport(struct conf_ctx *x, const struct conf_key *k,
			   const char *value, const char *option)
{
	int i = conf_word_find(transports, value);

	if (i < 0)
		return conf_word_fail(x, k, transports, value);
	x->c->transport_krb5 = transports[i].value;
	return 0;
}

/* enable_krb5 (deprecated): yes also selects transport KRB5, overriding
 * an earlier transport line, as the reference documents. */
static int parse_enable_krb5(struct conf_ctx *x, const struct conf_key *k,
			     const char *value, const char *option)
{
	if (parse_bool(x, k, value, option) < 0)
		return -1;
	if (x->c->enable_krb5)
		x->c->transport_krb5 = true;
	return 0;
}

/* dispatcher and disp_qos: accepted with any value and ignored, with a
 * warning, as the reference does since plugins moved to plugin_dir. */
static int parse_deprecated(struct conf_ctx *x, const struct conf_key *k,
			    const char *value, const char *option)
{
	conf_warn(x, "%s is deprecated and ignored", k->name);
	return 0;
}

/* ---- text and paths ---- */

static int parse_text(struct conf_ctx *x, const struct conf_key *k,
		      const char *value, const char *option)
{
	return conf_copy(x, k, FIELD(x, k), (size_t)k->max, value);
}

static int parse_path(struct conf_ctx *x, const struct conf_key *k,
		      const char *value, const char *option)
{
	if ((k->flags & KEY_NONE) && strcasecmp(value, "none") == 0)
		value = "";
	else if (value[0] != '/')
		return conf_fail(x, "%s: \"%s\" is not an absolute path",
				 k->name, value);
	return conf_copy(x, k, FIELD(x, k), PATH_MAX, value);
}

/* single_command and friends: a program by absolute path, then its
 * arguments (the rest of the line). */
static int parse_command(struct conf_ctx *x, const struct conf_key *k,
			 const char *value, const char *option)
{
	if (value[0] != '/')
		return conf_fail(x, "%s: \"%s\" does not start with an absolute path",
				 k->name, value);
	return conf_copy(x, k, FIELD(x, k), PATH_MAX, value);
}

/* The log file's directory must exist (its name at least 4 characters,
 * like "/var"); an existing log file must be a root-owned regular file. */
static int parse_log_file(struct conf_ctx *x, const struct conf_key *k,
			  const char *value, const char *option)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(value, '/');
	struct stat st;

	if (value[0] != '/')
		return conf_fail(x, "log_file: \"%s\" is not an absolute path", value);
	if (slash[1] == '\0' || slash - value < 4 || (size_t)(slash - value) >= sizeof(dir))
		return conf_fail(x, "log_file: \"%s\" needs a file name in a directory of at least 4 characters",
				 value);
	memcpy(dir, value, (size_t)(slash - value));
	dir[slash - value] = '\0';
	if (stat(dir, &st) < 0)
		return conf_fail(x, "log_file: directory \"%s\": %s", dir, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return conf_fail(x, "log_file: \"%s\" is not a directory", dir);
	if (stat(value, &st) == 0) {
		if (!S_ISREG(st.st_mode))
			return conf_fail(x, "log_file: \"%s\" is not a regular file", value);
		if (st.st_uid != 0)
			return conf_fail(x, "log_file: \"%s\" is not owned by root", value);
		if (st.st_mode & (S_IXUSR | S_IWGRP | S_IXGRP | S_IRWXO))
			conf_warn(x, "log_file \"%s\" has mode %04o; 0600 or 0640 is expected",
				  value, (unsigned)(st.st_mode & 07777));
	}
	return conf_copy(x, k, FIELD(x, k), PATH_MAX, value);
}

/* A group by number or by name (names are case-sensitive). */
static int parse_log_group(struct conf_ctx *x, const struct conf_key *k,
			   const char *value, const char *option)
{
	struct group *gr;
	uint64_t v;

	if (conf_digits(value, strlen(value))) {
		if (!conf_u64(value, strlen(value), &v) || v >= UINT32_MAX)
			return conf_fail(x, "log_group: \"%s\" is out of range (0..%u)",
					 value, UINT32_MAX - 1);
		x->c->log_group = (gid_t)v;
		return 0;
	}
	gr = getgrnam(value);
	if (!gr)
		return conf_fail(x, "log_group: no group named \"%s\"", value);
	x->c->log_group = gr->gr_gid;
	return 0;
}

/* The reference's address check, done only while verify_email is yes
 * (so verify_email must come first to turn it off). No DNS lookup here. */
static int parse_mail_acct(struct conf_ctx *x, const struct conf_key *k,
			   const char *value, const char *option)
{
	const char *at = strchr(value, '@');

	if (x->c->verify_email) {
		if (strlen(value) < 2)
			return conf_fail(x, "action_mail_acct: \"%s\" is too short (2 characters at least)",
					 value);
		if (strspn(value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_@")
		    != strlen(value))
			return conf_fail(x, "action_mail_acct: \"%s\" has a character other than letters, digits, '.', '-', '_' and '@'",
					 value);
		if (at && !strchr(at, '.'))
			return conf_fail(x, "action_mail_acct: \"%s\" needs a '.' after the '@'",
					 value);
	}
	return parse_text(x, k, value, option);
}

/* ---- space, ports, actions ---- */

/* Megabytes, or 0..99 followed by '%'. */
static int parse_space(struct conf_ctx *x, const struct conf_key *k,
		       const char *value, const char *option)
{
	struct conf_space *s = FIELD(x, k);
	size_t len = strlen(value);
	bool percent = len > 1 && value[len - 1] == '%';
	uint64_t v;

	if (percent)
		len--;
	if (!conf_digits(value, len))
		return conf_fail(x, "%s: \"%s\" is not a number of megabytes or a percentage",
				 k->name, value);
	if (!conf_u64(value, len, &v) || v > (percent ? 99 : k->max))
		return conf_fail(x, "%s: \"%s\" is out of range (0..%llu, or 0%%..99%%)",
				 k->name, value, (unsigned long long)k->max);
	s->value = v;
	s->percent = percent;
	return 0;
}

static bool conf_port(const char *s, size_t len, unsigned *ret)
{
	uint64_t v;

	if (!conf_u64(s, len, &v) || v > 65535)
		return false;
	*ret = (unsigned)v;
	return true;
}

/* N or N-M, ports 0..65535 (the reference accepts 0), N <= M. */
static int parse_ports(struct conf_ctx *x, const struct conf_key *k,
		       const char *value, const char *option)
{
	const char *dash = strchr(value, '-');
	size_t len = dash ? (size_t)(dash - value) : strlen(value);
	const char *hi = dash ? dash + 1 : value;
	unsigned lo_port, hi_port;

	if (!conf_digits(value, len) || !conf_digits(hi, strlen(hi)))
		return conf_fail(x, "tcp_client_ports: \"%s\" is not a port or a range (N or N-M)",
				 value);
	if (!conf_port(value, len, &lo_port) || !conf_port(hi, strlen(hi), &hi_port))
		return conf_fail(x, "tcp_client_ports: \"%s\" is out of range (0..65535)",
				 value);
	if (lo_port > hi_port)
		return conf_fail(x, "tcp_client_ports: \"%s\" is a reversed range", value);
	x->c->tcp_client_min_port = lo_port;
	x->c->tcp_client_max_port = hi_port;
	return 0;
}

static const struct conf_word action_words[] = {
	{ "ignore", CONF_ACT_IGNORE }, { "syslog", CONF_ACT_SYSLOG },
	{ "rotate", CONF_ACT_ROTATE }, { "email", CONF_ACT_EMAIL },
	{ "exec", CONF_ACT_EXEC }, { "suspend", CONF_ACT_SUSPEND },
	{ "single", CONF_ACT_SINGLE }, { "halt", CONF_ACT_HALT },
	{ "keep_logs", CONF_ACT_KEEP_LOGS }, { NULL, 0 },
};

/* An exec action's program: absolute, a root-owned regular file, mode
 * 0750, 0755, 0550 or 0555 (symlinks are followed, as the reference). */
static int conf_check_exe(struct conf_ctx *x, const struct conf_key *k,
			  const char *path)
{
	struct stat st;
	unsigned mode;

	if (!path)
		return conf_fail(x, "%s: exec needs a program path", k->name);
	if (path[0] != '/')
		return conf_fail(x, "%s: \"%s\" is not an absolute path", k->name, path);
	if (stat(path, &st) < 0)
		return conf_fail(x, "%s: \"%s\": %s", k->name, path, strerror(errno));
	if (!S_ISREG(st.st_mode))
		return conf_fail(x, "%s: \"%s\" is not a regular file", k->name, path);
	if (st.st_uid != 0)
		return conf_fail(x, "%s: \"%s\" is not owned by root", k->name, path);
	mode = st.st_mode & 0777;
	if (mode != 0750 && mode != 0755 && mode != 0550 && mode != 0555)
		return conf_fail(x, "%s: \"%s\" has mode %04o; 0750, 0755, 0550 or 0555 is expected",
				 k->name, path, mode);
	return 0;
}

static int conf_action_fail(struct conf_ctx *x, const struct conf_key *k,
			    const char *value)
{
	struct conf_word allowed[sizeof(action_words) / sizeof(action_words[0])];
	size_t n = 0;

	for (const struct conf_word *w = action_words; w->name; w++)
		if (k->actions & (1u << w->value))
			allowed[n++] = *w;
	allowed[n].name = NULL;
	return conf_word_fail(x, k, allowed, value);
}

static int parse_action(struct conf_ctx *x, const struct conf_key *k,
			const char *value, const char *option)
{
	struct conf_action *a = FIELD(x, k);
	int i = conf_word_find(action_words, value);

	if (i < 0 || !(k->actions & (1u << action_words[i].value)))
		return conf_action_fail(x, k, value);
	if (action_words[i].value != CONF_ACT_EXEC) {
		if (option)
			return conf_fail(x, "%s: unexpected \"%s\" after \"%s\"",
					 k->name, option, value);
		a->kind = (enum conf_action_kind)action_words[i].value;
		a->exe[0] = '\0';
		return 0;
	}
	if (conf_check_exe(x, k, option) < 0)
		return -1;
	a->kind = CONF_ACT_EXEC;
	return conf_copy(x, k, a->exe, sizeof(a->exe), option);
}

/* ---- the table ---- */

static const struct conf_word formats[] = {
	{ "RAW", CONF_FORMAT_RAW }, { "ENRICHED", CONF_FORMAT_ENRICHED }, { NULL, 0 },
};
static const struct conf_word flushes[] = {
	{ "none", CONF_FLUSH_NONE }, { "incremental", CONF_FLUSH_INCREMENTAL },
	{ "incremental_async", CONF_FLUSH_INCREMENTAL_ASYNC },
	{ "data", CONF_FLUSH_DATA }, { "sync", CONF_FLUSH_SYNC }, { NULL, 0 },
};
static const struct conf_word nodes[] = {
	{ "none", CONF_NODE_NONE }, { "hostname", CONF_NODE_HOSTNAME },
	{ "fqd", CONF_NODE_FQD }, { "numeric", CONF_NODE_NUMERIC },
	{ "user", CONF_NODE_USER }, { NULL, 0 },
};
static const struct conf_word compressions[] = {
	{ "none", CONF_COMPRESS_NONE }, { "gzip", CONF_COMPRESS_GZIP },
	{ "zstd", CONF_COMPRESS_ZSTD }, { NULL, 0 },
};

#define BIT(a) (1u << CONF_ACT_##a)
#define ACT_BASE (BIT(IGNORE) | BIT(SYSLOG) | BIT(SUSPEND) | BIT(SINGLE) | BIT(HALT))
#define ACT_SPACE (ACT_BASE | BIT(ROTATE) | BIT(EMAIL) | BIT(EXEC))
/* exec for max_log_file_action is documented by 4.x; 3.0.9 refuses it. */
#define ACT_SIZE (BIT(IGNORE) | BIT(SYSLOG) | BIT(SUSPEND) | BIT(ROTATE) | \
		  BIT(KEEP_LOGS) | BIT(EXEC))

#define OFF(f) offsetof(struct auditd_conf, f)
#define UINT_KEY(n, lo, hi) { #n, parse_uint, OFF(n), lo, hi, NULL, 0, 0 }
#define BOOL_KEY(n) { #n, parse_bool, OFF(n), 0, 0, NULL, 0, 0 }
#define WORD_KEY(n, w) { #n, parse_word, OFF(n), 0, 0, w, 0, 0 }
#define ACTION_KEY(n, set) { #n, parse_action, OFF(n), 0, 0, NULL, set, KEY_OPTION }
#define SIZE_KEY(n, lo, hi) { #n, parse_size, OFF(n), lo, hi, NULL, 0, 0 }
#define PATH_KEY(n, fl) { #n, parse_path, OFF(n), 0, 0, NULL, 0, fl }
#define TEXT_KEY(n) { #n, parse_text, OFF(n), 0, sizeof(((struct auditd_conf *)0)->n), NULL, 0, 0 }
#define COMMAND_KEY(n) { #n, parse_command, OFF(n), 0, 0, NULL, 0, KEY_REST }
#define SPECIAL(n, fn) { #n, fn, 0, 0, 0, NULL, 0, 0 }
#define INT_MAX_U ((uint64_t)INT_MAX)
#define MB_MAX (UINT64_MAX / MIB)	/* megabytes whose bytes fit 64 bits */

static const struct conf_key conf_keys[] = {
	BOOL_KEY(local_events),
	BOOL_KEY(write_logs),
	{ "log_file", parse_log_file, OFF(log_file), 0, 0, NULL, 0, 0 },
	{ "log_format", parse_log_format, OFF(log_format), 0, 0, formats, 0, 0 },
	SPECIAL(log_group, parse_log_group),
	UINT_KEY(priority_boost, 0, INT_MAX_U),
	WORD_KEY(flush, flushes),
	UINT_KEY(freq, 0, INT_MAX_U),
	UINT_KEY(num_logs, 0, 999),
	WORD_KEY(name_format, nodes),
	TEXT_KEY(name),
	{ "max_log_file", parse_ulong, OFF(max_log_file), 0, MB_MAX, NULL, 0, 0 },
	ACTION_KEY(max_log_file_action, ACT_SIZE),
	BOOL_KEY(verify_email),
	{ "action_mail_acct", parse_mail_acct, OFF(action_mail_acct), 0,
	  sizeof(((struct auditd_conf *)0)->action_mail_acct), NULL, 0, 0 },
	{ "space_left", parse_space, OFF(space_left), 0, MB_MAX, NULL, 0, 0 },
	ACTION_KEY(space_left_action, ACT_SPACE),
	{ "admin_space_left", parse_space, OFF(admin_space_left), 0, MB_MAX, NULL, 0, 0 },
	ACTION_KEY(admin_space_left_action, ACT_SPACE),
	ACTION_KEY(disk_full_action, ACT_BASE | BIT(ROTATE) | BIT(EXEC)),
	ACTION_KEY(disk_error_action, ACT_BASE | BIT(EXEC)),
	UINT_KEY(tcp_listen_port, 1, 65535),
	UINT_KEY(tcp_listen_queue, 1, 65535),
	UINT_KEY(tcp_max_per_addr, 1, 1024),
	BOOL_KEY(use_libwrap),
	SPECIAL(tcp_client_ports, parse_ports),
	UINT_KEY(tcp_client_max_idle, 0, INT_MAX_U),
	SPECIAL(transport, parse_transport),
	{ "enable_krb5", parse_enable_krb5, OFF(enable_krb5), 0, 0, NULL, 0, 0 },
	TEXT_KEY(krb5_principal),
	PATH_KEY(krb5_key_file, 0),
	BOOL_KEY(distribute_network),
	{ "q_depth", parse_q_depth, OFF(q_depth), 0, 99999, NULL, 0, 0 },
	ACTION_KEY(overflow_action, ACT_BASE),
	UINT_KEY(max_restarts, 0, INT_MAX_U),
	PATH_KEY(plugin_dir, 0),
	UINT_KEY(end_of_event_timeout, 0, UINT_MAX),
	UINT_KEY(report_interval, 0, INT_MAX_U),
	SPECIAL(dispatcher, parse_deprecated),
	SPECIAL(disp_qos, parse_deprecated),

	SIZE_KEY(q_depth_bytes, MIB, UINT64_C(1) << 40),
	{ "rotate_interval", parse_interval, OFF(rotate_interval), 0, 366 * 86400,
	  NULL, 0, 0 },
	WORD_KEY(rotate_compress, compressions),
	BOOL_KEY(rotate_timestamp),
	PATH_KEY(spill_dir, KEY_NONE),
	SIZE_KEY(spill_memory, 0, UINT64_C(1) << 40),
	SIZE_KEY(spill_max, 0, UINT64_C(1) << 50),
	PATH_KEY(state_file, KEY_NONE),
	PATH_KEY(metrics_file, KEY_NONE),
	UINT_KEY(metrics_interval, 1, 86400),
	COMMAND_KEY(single_command),
	COMMAND_KEY(halt_command),
	COMMAND_KEY(mail_command),
};

static const struct conf_key *conf_key_find(const char *name)
{
	for (size_t i = 0; i < sizeof(conf_keys) / sizeof(conf_keys[0]); i++)
		if (strcasecmp(conf_keys[i].name, name) == 0)
			return &conf_keys[i];
	return NULL;
}

/* ---- defaults ---- */

static void conf_set(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src);
}

void conf_defaults(struct auditd_conf *ret)
{
	memset(ret, 0, sizeof(*ret));
	ret->local_events = true;
	ret->write_logs = true;
	conf_set(ret->log_file, sizeof(ret->log_file), "/var/log/audit/audit.log");
	ret->log_format = CONF_FORMAT_RAW;
	ret->priority_boost = 4;
	ret->flush = CONF_FLUSH_NONE;
	ret->max_log_file_action.kind = CONF_ACT_IGNORE;
	ret->verify_email = true;
	conf_set(ret->action_mail_acct, sizeof(ret->action_mail_acct), "root");
	ret->space_left_action.kind = CONF_ACT_IGNORE;
	ret->admin_space_left_action.kind = CONF_ACT_IGNORE;
	ret->disk_full_action.kind = CONF_ACT_IGNORE;
	ret->disk_error_action.kind = CONF_ACT_SYSLOG;
	ret->tcp_listen_queue = 5;
	ret->tcp_max_per_addr = 1;
	ret->use_libwrap = true;
	ret->tcp_client_max_port = 65535;
	conf_set(ret->krb5_principal, sizeof(ret->krb5_principal), "auditd");
	conf_set(ret->krb5_key_file, sizeof(ret->krb5_key_file), "/etc/audit/audit.key");
	ret->q_depth = 2000;
	ret->overflow_action.kind = CONF_ACT_SYSLOG;
	ret->max_restarts = 10;
	conf_set(ret->plugin_dir, sizeof(ret->plugin_dir), "/etc/audit/plugins.d");
	ret->end_of_event_timeout = 2;

	ret->q_depth_bytes = 64 * MIB;
	ret->rotate_compress = CONF_COMPRESS_NONE;
	ret->spill_memory = 64 * MIB;
	ret->spill_max = 1024 * MIB;
	conf_set(ret->state_file, sizeof(ret->state_file), "/var/run/auditd.state");
	ret->metrics_interval = 5;
	conf_set(ret->single_command, sizeof(ret->single_command), "/sbin/init 1");
	conf_set(ret->halt_command, sizeof(ret->halt_command), "/sbin/init 0");
	conf_set(ret->mail_command, sizeof(ret->mail_command), "/usr/lib/sendmail -t");
}

/* ---- lines ---- */

/* A line split on spaces: up to 5 words kept (key, "=", value, option,
 * one more to detect excess), each a NUL-terminated copy in buf. */
struct conf_words {
	char buf[CONF_LINE_MAX + 1];
	char *w[5];
	unsigned n;
	const char *rest;	/* the text from the value on, in buf2 */
	char buf2[CONF_LINE_MAX + 1];
};

static void conf_split(const char *line, size_t len, struct conf_words *s)
{
	char *p;

	memcpy(s->buf, line, len);
	s->buf[len] = '\0';
	memcpy(s->buf2, s->buf, len + 1);
	s->n = 0;
	s->rest = NULL;
	for (p = s->buf; *p && s->n < 5;) {
		while (*p == ' ')
			p++;
		if (!*p)
			break;
		if (s->n == 2)
			s->rest = s->buf2 + (p - s->buf);
		s->w[s->n++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
	}
	if (s->rest) {	/* trailing spaces are not part of the value */
		char *end = s->buf2 + strlen(s->buf2);
		while (end > s->rest && end[-1] == ' ')
			*--end = '\0';
	}
}

/* Characters the reference mishandles: refuse them outright. */
static int conf_check_chars(struct conf_ctx *x, const char *line, size_t len)
{
	if (memchr(line, '\0', len))
		return conf_fail(x, "NUL byte in the line");
	if (memchr(line, '\r', len))
		return conf_fail(x, "carriage return in the line (DOS line ending?)");
	if (memchr(line, '\t', len))
		return conf_fail(x, "tab in the line; separate words with spaces");
	return 0;
}

static bool conf_is_comment(const char *line, size_t len)
{
	size_t i = 0;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i == len || line[i] == '#';
}

/* key = value [option]: the shape of the line, before the key's parser. */
static int conf_check_shape(struct conf_ctx *x, const struct conf_words *s)
{
	if (strcmp(s->w[0], "=") == 0)
		return conf_fail(x, "missing keyword before '='");
	if (s->n == 1 && strchr(s->w[0], '='))
		return conf_fail(x, "\"%s\": write \"key = value\" with spaces around '='",
				 s->w[0]);
	if (s->n == 1)
		return conf_fail(x, "\"%s\": missing \" = value\"", s->w[0]);
	if (strcmp(s->w[1], "=") != 0)
		return conf_fail(x, "\"%s\": expected '=' after \"%s\", found \"%s\"",
				 s->w[0], s->w[0], s->w[1]);
	if (s->n == 2)
		return conf_fail(x, "%s: missing value", s->w[0]);
	return 0;
}

static int conf_line(struct conf_ctx *x, const char *line, size_t len)
{
	struct conf_words s;
	const struct conf_key *k;
	unsigned most;

	if (conf_is_comment(line, len) && !memchr(line, '\0', len))
		return 0;
	if (len > CONF_LINE_MAX)
		return conf_fail(x, "line is longer than %d characters", CONF_LINE_MAX);
	if (conf_check_chars(x, line, len) < 0)
		return -1;
	conf_split(line, len, &s);
	if (conf_check_shape(x, &s) < 0)
		return -1;
	k = conf_key_find(s.w[0]);
	if (!k)
		return conf_fail(x, "unknown keyword \"%s\"", s.w[0]);
	if (k->flags & KEY_REST)
		return k->parse(x, k, s.rest, NULL);
	most = (k->flags & KEY_OPTION) ? 4 : 3;
	if (s.n > most)
		return conf_fail(x, "%s: unexpected \"%s\" after the value%s",
				 k->name, s.w[most], s.w[most][0] == '#' ?
				 " (comments go on their own line)" : "");
	return k->parse(x, k, s.w[2], s.n > 3 ? s.w[3] : NULL);
}

/* Odd but accepted combinations, said once the whole file is read. */
static void conf_finish(struct conf_ctx *x)
{
	const struct auditd_conf *c = x->c;
	const struct conf_action *acts[] = {
		&c->space_left_action, &c->admin_space_left_action,
	};
	char prog[PATH_MAX];

	x->line = 0;
	if (c->freq && c->flush != CONF_FLUSH_INCREMENTAL &&
	    c->flush != CONF_FLUSH_INCREMENTAL_ASYNC)
		conf_warn(x, "freq is set but flush = %s does not use it",
			  conf_flush_name(c->flush));
	for (size_t i = 0; i < sizeof(acts) / sizeof(acts[0]); i++) {
		if (acts[i]->kind != CONF_ACT_EMAIL)
			continue;
		snprintf(prog, sizeof(prog), "%.*s", (int)strcspn(c->mail_command, " "),
			 c->mail_command);
		if (access(prog, X_OK) < 0)
			conf_warn(x, "an action is email but %s is not executable", prog);
		break;
	}
}

int conf_parse(const char *name, const char *buf, size_t len,
	       struct auditd_conf *ret, char *err, size_t errlen)
{
	struct conf_ctx x = { .c = ret, .name = name, .err = err, .errlen = errlen };
	size_t pos = 0;

	conf_defaults(ret);
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - (buf + pos)) : len - pos;

		x.line++;
		if (conf_line(&x, buf + pos, n) < 0)
			return -1;
		pos += n + 1;
	}
	conf_finish(&x);
	return 0;
}

/* ---- cross-key checks ---- */

int conf_validate(const char *name, const struct auditd_conf *c,
		  char *err, size_t errlen)
{
	struct conf_ctx x = { .c = NULL, .name = name, .err = err, .errlen = errlen };
	const struct conf_space *sl = &c->space_left, *asl = &c->admin_space_left;
	const char *unit = sl->percent ? "%" : "";

	/* Mixed units depend on the file system's size: checked at start. */
	if (sl->percent == asl->percent && sl->value <= asl->value)
		return conf_fail(&x, "space_left (%llu%s) must be larger than admin_space_left (%llu%s)",
				 (unsigned long long)sl->value, unit,
				 (unsigned long long)asl->value, unit);
	if ((c->flush == CONF_FLUSH_INCREMENTAL ||
	     c->flush == CONF_FLUSH_INCREMENTAL_ASYNC) && c->freq == 0)
		return conf_fail(&x, "flush = %s needs freq above 0",
				 conf_flush_name(c->flush));
	if (c->name_format == CONF_NODE_USER && c->name[0] == '\0')
		return conf_fail(&x, "name_format = USER needs a name");
	if (c->log_group != 0 && strncmp(c->log_file, "/var/log/", 9) == 0 &&
	    !strchr(c->log_file + 9, '/'))
		return conf_fail(&x, "log_file \"%s\" is directly in /var/log; log_group would change that directory's group",
				 c->log_file);
	return 0;
}

/* ---- files ---- */

static int conf_open(struct conf_ctx *x, unsigned flags)
{
	int fd = open(x->name, O_RDONLY | O_CLOEXEC |
		      ((flags & CONF_ALLOW_SYMLINK) ? 0 : O_NOFOLLOW));
	struct stat st;

	if (fd < 0 && errno == ELOOP)
		return conf_fail(x, "is a symbolic link (auditd -l allows that)");
	if (fd < 0)
		return conf_fail(x, "%s", strerror(errno));
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return conf_fail(x, "not a regular file");
	}
	if ((flags & CONF_CHECK_OWNER) && st.st_uid != 0) {
		close(fd);
		return conf_fail(x, "not owned by root");
	}
	if ((flags & CONF_CHECK_OWNER) && (st.st_mode & (S_IWGRP | S_IWOTH))) {
		close(fd);
		return conf_fail(x, "group or world writable (mode %04o)",
				 (unsigned)(st.st_mode & 07777));
	}
	return fd;
}

/* The whole file in a malloc'ed buffer (the caller frees *ret). */
static int conf_read(struct conf_ctx *x, int fd, char **ret, size_t *ret_len)
{
	char *buf = malloc(CONF_FILE_MAX + 1);
	size_t len = 0;
	ssize_t n;

	if (!buf)
		return conf_fail(x, "%s", strerror(ENOMEM));
	while ((n = read(fd, buf + len, CONF_FILE_MAX + 1 - len)) > 0)
		len += (size_t)n;
	if (n < 0 || len > CONF_FILE_MAX) {
		free(buf);
		return conf_fail(x, "%s", n < 0 ? strerror(errno) : "larger than 1 MiB");
	}
	*ret = buf;
	*ret_len = len;
	return 0;
}

int conf_load(const char *path, unsigned flags, struct auditd_conf *ret,
	      char *err, size_t errlen)
{
	struct conf_ctx x = { .c = ret, .name = path, .err = err, .errlen = errlen };
	char *buf = NULL;
	size_t len = 0;
	int fd, r;

	fd = conf_open(&x, flags);
	if (fd < 0)
		return -1;
	r = conf_read(&x, fd, &buf, &len);
	close(fd);
	if (r < 0)
		return -1;
	r = conf_parse(path, buf, len, ret, err, errlen);
	free(buf);
	if (r < 0)
		return -1;
	return conf_validate(path, ret, err, errlen);
}

/* ---- names ---- */

const char *conf_format_name(enum conf_format f)
{
	return f == CONF_FORMAT_ENRICHED ? "ENRICHED" : "RAW";
}

const char *conf_flush_name(enum conf_flush f)
{
	static const char *const names[] = {
		"NONE", "INCREMENTAL", "INCREMENTAL_ASYNC", "DATA", "SYNC",
	};

	return (unsigned)f < sizeof(names) / sizeof(names[0]) ? names[f] : "?";
}

const char *conf_action_name(enum conf_action_kind k)
{
	static const char *const names[] = {
		"IGNORE", "SYSLOG", "ROTATE", "EMAIL", "EXEC", "SUSPEND",
		"SINGLE", "HALT", "KEEP_LOGS",
	};

	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}
