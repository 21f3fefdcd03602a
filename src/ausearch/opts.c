/*
 * opts: ausearch's option table and the parsers of its values.
 *
 * Each option is a row: its short and long spellings, whether it takes a
 * value, whether that value may start with '-' (a negative exit code,
 * session or login uid), and the function that stores it. Values are read
 * as the reference reads them: a number is accepted when its first
 * character is a digit and read up to the first non-digit ("1x" is 1);
 * ids may be user or group names.
 */
#include "opts.h"

#include <ctype.h>
#include <errno.h>
#include <grp.h>
#include <inttypes.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>

#include "tables.h"

struct opts_ctx {
	struct ausearch_opts *o;
	FILE *out, *err;
	time_t now;
	bool syscall_by_name;	/* -sc NAME was resolved: --arch is late */
};

typedef int (*opts_fn)(struct opts_ctx *c, const char *name,
		       const char *arg);

struct opts_row {
	const char *short_name, *long_name;
	opts_fn fn;
	bool takes_arg;
	bool dash_ok;		/* the value may start with '-' */
};

/* "123abc" reads as 123, as strtoul reads it; -ERANGE on overflow,
 * -EINVAL when the first character is not a digit. */
static int opts_number(const char *s, bool allow_minus, int64_t *ret)
{
	char *end;

	if (!isdigit((unsigned char)s[0]) &&
	    !(allow_minus && s[0] == '-' && isdigit((unsigned char)s[1])))
		return -EINVAL;
	errno = 0;
	if (s[0] == '-')
		*ret = strtoll(s, &end, 10);
	else {
		unsigned long long v = strtoull(s, &end, 10);

		if (v > INT64_MAX)
			errno = ERANGE;
		*ret = (int64_t)v;
	}
	return errno == ERANGE ? -ERANGE : 0;
}

static int opts_set_num(struct ausearch_num *n, int64_t v)
{
	n->set = true;
	n->v = v;
	return 0;
}

/* Criteria whose bad value reads "WHAT must be a numeric value, was X". */
static int opts_numeric(struct opts_ctx *c, struct ausearch_num *n,
			const char *what, const char *arg, bool allow_minus)
{
	int64_t v;

	if (opts_number(arg, allow_minus, &v) < 0) {
		fprintf(c->err, "%s must be a numeric value, was %s\n", what,
			arg);
		return -1;
	}
	return opts_set_num(n, v);
}

static int opt_event(struct opts_ctx *c, const char *name, const char *arg)
{
	int64_t v;
	int r = opts_number(arg, false, &v);

	(void)name;
	if (r == -ERANGE) {
		/* the reference prints this one without a newline */
		fprintf(c->err, "Illegal value for audit event ID");
		return -1;
	}
	if (r < 0) {
		fprintf(c->err, "Audit event id must be a numeric value, was "
			"%s\n", arg);
		return -1;
	}
	return opts_set_num(&c->o->event_id, v);
}

static int opt_pid(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name;
	return opts_numeric(c, &c->o->pid, "Process id", arg, false);
}

static int opt_ppid(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name;
	return opts_numeric(c, &c->o->ppid, "Parent process id", arg, false);
}

static int opt_session(struct opts_ctx *c, const char *name,
		       const char *arg)
{
	(void)name;
	return opts_numeric(c, &c->o->session, "Session id", arg, true);
}

/* -e: a number (negative for errors) or an errno name, which stands for
 * its positive value as with the reference. */
static int opt_exit(struct opts_ctx *c, const char *name, const char *arg)
{
	int64_t v;
	int e;

	(void)name;
	if (opts_number(arg, true, &v) == 0)
		return opts_set_num(&c->o->exit, v);
	if (table_number(&table_errno, arg, &e) == 0)
		return opts_set_num(&c->o->exit, e);
	fprintf(c->err, "Unknown errno, was %s\n", arg);
	return -1;
}

/* A uid or gid criterion: a number or a name ("WHAT is non-numeric and
 * unknown (X)"). */
static int opts_id(struct opts_ctx *c, struct ausearch_num *n,
		   const char *what, const char *arg, bool group,
		   bool allow_minus)
{
	int64_t v;

	if (opts_number(arg, allow_minus, &v) == 0)
		return opts_set_num(n, allow_minus && v < 0 ?
				    (int64_t)(uint32_t)v : v);
	if (group) {
		struct group *g = getgrnam(arg);

		if (g)
			return opts_set_num(n, g->gr_gid);
	} else {
		struct passwd *p = getpwnam(arg);

		if (p)
			return opts_set_num(n, p->pw_uid);
	}
	fprintf(c->err, "%s is non-numeric and unknown (%s)\n", what, arg);
	return -1;
}

/* The reference's messages for -ui and -ue are each other's. */
static int opt_uid(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name;
	return opts_id(c, &c->o->uid, "Effective user ID", arg, false, false);
}

static int opt_euid(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name;
	return opts_id(c, &c->o->euid, "User ID", arg, false, false);
}

/* -ul -2 is the reference's "not given": it matches every event. */
static int opt_auid(struct opts_ctx *c, const char *name, const char *arg)
{
	int r;

	(void)name;
	r = opts_id(c, &c->o->auid, "Login user ID", arg, false, true);
	if (r == 0 && c->o->auid.v == (int64_t)(uint32_t)-2 && arg[0] == '-')
		c->o->auid.set = false;
	return r;
}

static int opt_uid_all(struct opts_ctx *c, const char *name,
		       const char *arg)
{
	(void)name;
	return opts_id(c, &c->o->uid_all, "User ID", arg, false, false);
}

static int opt_gid(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name;
	return opts_id(c, &c->o->gid, "Group ID", arg, true, false);
}

static int opt_egid(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name;
	return opts_id(c, &c->o->egid, "Effective group ID", arg, true,
		       false);
}

static int opt_gid_all(struct opts_ctx *c, const char *name,
		       const char *arg)
{
	(void)name;
	return opts_id(c, &c->o->gid_all, "Group ID", arg, true, false);
}

static int opt_success(struct opts_ctx *c, const char *name,
		       const char *arg)
{
	(void)name;
	if (!strcmp(arg, "yes"))
		c->o->success = 1;
	else if (!strcmp(arg, "no"))
		c->o->success = 0;
	else {
		fprintf(c->err, "Success must be 'yes' or 'no'.\n");
		return -1;
	}
	return 0;
}

/* The machine -sc names resolve with: --arch's, else this host's. */
static enum machine opts_machine(const struct opts_ctx *c)
{
	if (c->o->arch.set)
		return machine_from_audit_arch((uint32_t)c->o->arch.v);
	return machine_host();
}

static int opt_syscall(struct opts_ctx *c, const char *name,
		       const char *arg)
{
	const struct table *t = machine_syscalls(opts_machine(c));
	int64_t v;
	int n;

	(void)name;
	if (opts_number(arg, false, &v) == 0)
		return opts_set_num(&c->o->syscall, v);
	if (!t || table_number(t, arg, &n) < 0) {
		fprintf(c->err, "Syscall %s not found\n", arg);
		return -1;
	}
	c->syscall_by_name = true;
	c->o->syscall_named = true;
	return opts_set_num(&c->o->syscall, n);
}

static int opt_arch(struct opts_ctx *c, const char *name, const char *arg)
{
	enum machine m;

	(void)name;
	if (machine_from_name(arg, machine_host(), &m) < 0) {
		fprintf(c->err, "Unknown arch %s\n", arg);
		return -1;
	}
	if (c->syscall_by_name) {
		fprintf(c->err, "Arch needs to be defined before the syscall\n");
		return -1;
	}
	return opts_set_num(&c->o->arch, machine_audit_arch(m));
}

/* The list of -m names, in the reference's order. */
static void opts_print_types(FILE *f)
{
	fprintf(f, "Valid message types are: ALL ");
	for (size_t i = 0; i < table_msgtype.count; i++)
		fprintf(f, "%s ", table_msgtype.by_number[i].name);
	fputc('\n', f);
}

static int opts_type(struct opts_ctx *c, const char *word)
{
	int64_t v;
	int t;

	if (opts_number(word, false, &v) == 0)
		t = (int)v;
	else if (table_number_icase(&table_msgtype, word, &t) < 0)
		return -1;
	if (c->o->ntypes < AUSEARCH_MAX_TYPES)
		c->o->types[c->o->ntypes++] = t;
	return 0;
}

/* -m: ALL alone, or a comma list of names or numbers (empty items are
 * skipped). */
static int opt_message(struct opts_ctx *c, const char *name,
		       const char *arg)
{
	char buf[4096];
	char *save = NULL;

	(void)name;
	if (!strcasecmp(arg, "ALL")) {
		c->o->all_types = true;
		return 0;
	}
	snprintf(buf, sizeof(buf), "%s", arg);
	if (!*arg)
		goto bad;
	for (char *w = strtok_r(buf, ",", &save); w;
	     w = strtok_r(NULL, ",", &save))
		if (opts_type(c, w) < 0)
			goto bad;
	return 0;
bad:
	opts_print_types(c->err);
	return -1;
}

static int opt_node(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name;
	if (c->o->nnodes < AUSEARCH_MAX_NODES)
		c->o->nodes[c->o->nnodes++] = arg;
	return 0;
}

/* String criteria: a pointer into argv, selected by the option's name. */
static int opt_string(struct opts_ctx *c, const char *name, const char *arg)
{
	static const struct { const char *name; size_t off; } map[] = {
		{ "-c", offsetof(struct ausearch_opts, comm) },
		{ "-x", offsetof(struct ausearch_opts, exe) },
		{ "-f", offsetof(struct ausearch_opts, file) },
		{ "-hn", offsetof(struct ausearch_opts, host) },
		{ "-k", offsetof(struct ausearch_opts, key) },
		{ "-tm", offsetof(struct ausearch_opts, terminal) },
		{ "-su", offsetof(struct ausearch_opts, subject) },
		{ "-o", offsetof(struct ausearch_opts, object) },
		{ "-se", offsetof(struct ausearch_opts, context) },
		{ "-uu", offsetof(struct ausearch_opts, uuid) },
		{ "-vm", offsetof(struct ausearch_opts, vm) },
		{ "-if", offsetof(struct ausearch_opts, input) },
		{ "--checkpoint", offsetof(struct ausearch_opts, checkpoint) },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (!strcmp(map[i].name, name)) {
			*(const char **)((char *)c->o + map[i].off) = arg;
			return 0;
		}
	return -1;
}

static int opt_eoe(struct opts_ctx *c, const char *name, const char *arg)
{
	int64_t v;

	(void)name;
	if (opts_number(arg, false, &v) < 0) {
		fprintf(c->err, "End of Event Timeout must be a numeric value, "
			"was %s\n", arg);
		return -1;
	}
	if (v == 0 || v > UINT32_MAX) {
		fprintf(c->err, "Illegal value for End of Event Timeout, was "
			"%s\n", arg);
		return -1;
	}
	c->o->eoe_timeout = (unsigned)v;
	return 0;
}

static int opt_escape(struct opts_ctx *c, const char *name, const char *arg)
{
	static const char *const names[] = { "raw", "tty", "shell",
					     "shell_quote" };

	(void)name;
	for (size_t i = 0; i < 4; i++)
		if (!strcmp(arg, names[i])) {
			c->o->escape = (enum ausearch_escape)i;
			return 0;
		}
	fprintf(c->err, "Unknown option (%s)\n", arg);
	return -1;
}

/* -r and -i after any format: "Conflicting output format"; --format
 * after any format: "Multiple output formats". */
static int opts_set_format(struct opts_ctx *c, enum ausearch_format f,
			   const char *conflict)
{
	if (c->o->format_given) {
		if (conflict)
			fprintf(c->err, "Conflicting output format %s\n",
				conflict);
		else
			fprintf(c->err, "Multiple output formats, use only 1\n");
		return -1;
	}
	c->o->format_given = true;
	c->o->format = f;
	return 0;
}

static int opt_raw(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name; (void)arg;
	return opts_set_format(c, AUSEARCH_FORMAT_RAW, "--raw");
}

static int opt_interpret(struct opts_ctx *c, const char *name,
			 const char *arg)
{
	(void)name; (void)arg;
	return opts_set_format(c, AUSEARCH_FORMAT_INTERPRET, "-i");
}

static int opt_format(struct opts_ctx *c, const char *name, const char *arg)
{
	static const char *const names[] = { "default", "raw", "interpret",
					     "csv", "text", "json" };

	(void)name;
	for (size_t i = 0; i < 6; i++)
		if (!strcmp(arg, names[i]))
			return opts_set_format(c, (enum ausearch_format)i,
					       NULL);
	fprintf(c->err, "Unknown option (%s)\n", arg);
	return -1;
}

/* Flags without a value, selected by the option's long name. */
static int opt_flag(struct opts_ctx *c, const char *name, const char *arg)
{
	struct ausearch_opts *o = c->o;

	(void)arg;
	if (!strcmp(name, "-w")) o->word = true;
	else if (!strcmp(name, "-l")) o->line_buffered = true;
	else if (!strcmp(name, "--debug")) o->debug = true;
	else if (!strcmp(name, "--just-one")) o->just_one = true;
	else if (!strcmp(name, "--input-logs")) o->input_logs = true;
	else if (!strcmp(name, "--extra-keys")) o->extra_keys = true;
	else if (!strcmp(name, "--extra-labels")) o->extra_labels = true;
	else if (!strcmp(name, "--extra-obj2")) o->extra_obj2 = true;
	else if (!strcmp(name, "--extra-time")) o->extra_time = true;
	return 0;
}

static int opt_help(struct opts_ctx *c, const char *name, const char *arg);
static int opt_version(struct opts_ctx *c, const char *name,
		       const char *arg);

/* Options with a value are handled with that value; -ts/-te apart. */
static const struct opts_row opts_table[] = {
	{ "-a", "--event", opt_event, true, false },
	{ NULL, "--arch", opt_arch, true, false },
	{ "-c", "--comm", opt_string, true, false },
	{ NULL, "--checkpoint", opt_string, true, false },
	{ NULL, "--debug", opt_flag, false, false },
	{ "-e", "--exit", opt_exit, true, true },
	{ NULL, "--escape", opt_escape, true, false },
	{ NULL, "--eoe-timeout", opt_eoe, true, false },
	{ NULL, "--extra-keys", opt_flag, false, false },
	{ NULL, "--extra-labels", opt_flag, false, false },
	{ NULL, "--extra-obj2", opt_flag, false, false },
	{ NULL, "--extra-time", opt_flag, false, false },
	{ "-f", "--file", opt_string, true, false },
	{ NULL, "--format", opt_format, true, false },
	{ "-ga", "--gid-all", opt_gid_all, true, false },
	{ "-ge", "--gid-effective", opt_egid, true, false },
	{ "-gi", "--gid", opt_gid, true, false },
	{ "-h", "--help", opt_help, false, false },
	{ "-hn", "--host", opt_string, true, false },
	{ "-i", "--interpret", opt_interpret, false, false },
	{ "-if", "--input", opt_string, true, false },
	{ NULL, "--input-logs", opt_flag, false, false },
	{ NULL, "--just-one", opt_flag, false, false },
	{ "-k", "--key", opt_string, true, false },
	{ "-l", "--line-buffered", opt_flag, false, false },
	{ "-m", "--message", opt_message, true, false },
	{ "-n", "--node", opt_node, true, false },
	{ "-o", "--object", opt_string, true, false },
	{ "-p", "--pid", opt_pid, true, false },
	{ "-pp", "--ppid", opt_ppid, true, false },
	{ "-r", "--raw", opt_raw, false, false },
	{ "-sc", "--syscall", opt_syscall, true, false },
	{ "-se", "--context", opt_string, true, false },
	{ NULL, "--session", opt_session, true, true },
	{ "-su", "--subject", opt_string, true, false },
	{ "-sv", "--success", opt_success, true, false },
	{ "-tm", "--terminal", opt_string, true, false },
	{ "-ua", "--uid-all", opt_uid_all, true, false },
	{ "-ue", "--uid-effective", opt_euid, true, false },
	{ "-ui", "--uid", opt_uid, true, false },
	{ "-ul", "--loginuid", opt_auid, true, true },
	{ "-uu", "--uuid", opt_string, true, false },
	{ "-v", "--version", opt_version, false, false },
	{ "-vm", "--vm-name", opt_string, true, false },
	{ "-w", "--word", opt_flag, false, false },
	{ "-x", "--executable", opt_string, true, false },
};

#define OPTS_COUNT (sizeof(opts_table) / sizeof(opts_table[0]))

static const char opts_usage[] =
"usage: ausearch [options]\n"
"\t-a,--event <Audit event id>\tsearch based on audit event id\n"
"\t--arch <CPU>\t\t\tsearch based on the CPU architecture\n"
"\t-c,--comm  <Comm name>\t\tsearch based on command line name\n"
"\t--checkpoint <checkpoint file>\tsearch from last complete event\n"
"\t--debug\t\t\tWrite malformed events that are skipped to stderr\n"
"\t-e,--exit  <Exit code or errno>\tsearch based on syscall exit code\n"
"\t-escape <option>\t\tescape output\n"
"\t--eoe-timeout secs\t\tEnd of Event timeout\n"
"\t--extra-keys\t\t\tadd a final column with key information\n"
"\t--extra-labels\t\t\tadd columns of information about subject and object labels\n"
"\t--extra-obj2\t\t\tadd columns of information about a second object\n"
"\t--extra-time\t\t\tadd columns of information about broken down time\n"
"\t-f,--file  <File name>\t\tsearch based on file name\n"
"\t--format [raw|default|interpret|csv|text] results format options\n"
"\t-ga,--gid-all <all Group id>\tsearch based on All group ids\n"
"\t-ge,--gid-effective <effective Group id>  search based on Effective\n"
"\t\t\t\t\tgroup id\n"
"\t-gi,--gid <Group Id>\t\tsearch based on group id\n"
"\t-h,--help\t\t\thelp\n"
"\t-hn,--host <Host Name>\t\tsearch based on remote host name\n"
"\t-i,--interpret\t\t\tInterpret results to be human readable\n"
"\t-if,--input <Input File name>\tuse this file instead of current logs\n"
"\t--input-logs\t\t\tUse the logs even if stdin is a pipe\n"
"\t--just-one\t\t\tEmit just one event\n"
"\t-k,--key  <key string>\t\tsearch based on key field\n"
"\t-l, --line-buffered\t\tFlush output on every line\n"
"\t-m,--message  <Message type>\tsearch based on message type\n"
"\t-n,--node  <Node name>\t\tsearch based on machine's name\n"
"\t-o,--object  <SE Linux Object context> search based on context of object\n"
"\t-p,--pid  <Process id>\t\tsearch based on process id\n"
"\t-pp,--ppid <Parent Process id>\tsearch based on parent process id\n"
"\t-r,--raw\t\t\toutput is completely unformatted\n"
"\t-sc,--syscall <SysCall name>\tsearch based on syscall name or number\n"
"\t-se,--context <SE Linux context> search based on either subject or\n"
"\t\t\t\t\t object\n"
"\t--session <login session id>\tsearch based on login session id\n"
"\t-su,--subject <SE Linux context> search based on context of the Subject\n"
"\t-sv,--success <Success Value>\tsearch based on syscall or event\n"
"\t\t\t\t\tsuccess value\n"
"\t-te,--end [end date] [end time]\tending date & time for search\n"
"\t-ts,--start [start date] [start time]\tstarting date & time for search\n"
"\t-tm,--terminal <TerMinal>\tsearch based on terminal\n"
"\t-ua,--uid-all <all User id>\tsearch based on All user id's\n"
"\t-ue,--uid-effective <effective User id>  search based on Effective\n"
"\t\t\t\t\tuser id\n"
"\t-ui,--uid <User Id>\t\tsearch based on user id\n"
"\t-ul,--loginuid <login id>\tsearch based on the User's Login id\n"
"\t-uu,--uuid <guest UUID>\t\tsearch for events related to the virtual\n"
"\t\t\t\t\tmachine with the given UUID.\n"
"\t-v,--version\t\t\tversion\n"
"\t-vm,--vm-name <guest name>\tsearch for events related to the virtual\n"
"\t\t\t\t\tmachine with the name.\n"
"\t-w,--word\t\t\tstring matches are whole word\n"
"\t-x,--executable <executable name>  search based on executable name\n";

static int opt_help(struct opts_ctx *c, const char *name, const char *arg)
{
	(void)name; (void)arg;
	fputs(opts_usage, c->out);
	return 1;
}

static int opt_version(struct opts_ctx *c, const char *name,
		       const char *arg)
{
	(void)name; (void)arg;
	fprintf(c->out, "ausearch version 3.0.9\n");
	return 1;
}

static const struct opts_row *opts_find(const char *word)
{
	for (size_t i = 0; i < OPTS_COUNT; i++) {
		const struct opts_row *r = &opts_table[i];

		if ((r->short_name && !strcmp(word, r->short_name)) ||
		    !strcmp(word, r->long_name))
			return r;
	}
	return NULL;
}

/* -ts/-te: one or two words, the second only when it does not start with
 * '-'. Returns the words consumed after the option, or -1. */
static int opts_time(struct opts_ctx *c, const char *opt, int argc,
		     char **argv, int i)
{
	bool start = !strcmp(opt, "-ts") || !strcmp(opt, "--start");
	const char *w1 = i + 1 < argc ? argv[i + 1] : NULL;
	const char *w2 = NULL;
	struct timespec_point p;
	char msg[TIMESPEC_ERR_MAX];
	int used;

	if (!w1 || w1[0] == '-') {
		fprintf(c->err, "%s requires either date and/or time\n", opt);
		return -1;
	}
	if (i + 2 < argc && argv[i + 2][0] != '-')
		w2 = argv[i + 2];
	if (timespec_parse(w1, w2, start ? TIMESPEC_START : TIMESPEC_END,
			   c->now, &p, &used, msg, sizeof(msg)) < 0) {
		fprintf(c->err, "%s\n", msg);
		return -1;
	}
	if (start) {
		c->o->has_start = true;
		c->o->start = p;
	} else {
		c->o->has_end = true;
		c->o->end = p;
	}
	return used;
}

/* One option at argv[i]: the number of values it consumed, or -1 (error
 * printed), or -2 (exit 0: help or version printed). */
static int opts_one(struct opts_ctx *c, int argc, char **argv, int i)
{
	const char *word = argv[i];
	const struct opts_row *r;
	const char *arg = NULL;
	int rc;

	if (!strcmp(word, "-ts") || !strcmp(word, "--start") ||
	    !strcmp(word, "-te") || !strcmp(word, "--end"))
		return opts_time(c, word, argc, argv, i);
	r = opts_find(word);
	if (!r) {
		fprintf(c->err, "%s is an unsupported option\n", word);
		return -1;
	}
	if (r->takes_arg) {
		arg = i + 1 < argc ? argv[i + 1] : NULL;
		if (!arg || (arg[0] == '-' && !r->dash_ok)) {
			fprintf(c->err, "Argument is required for %s\n", word);
			if (r->fn == opt_message)
				opts_print_types(c->err);
			return -1;
		}
	}
	/* rows share functions: they tell options apart by short name */
	rc = r->fn(c, r->short_name ? r->short_name : r->long_name, arg);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return -2;
	return r->takes_arg ? 1 : 0;
}

enum ausearch_parse_result ausearch_opts_parse(struct ausearch_opts *o,
					       int argc, char **argv,
					       time_t now, FILE *out,
					       FILE *err)
{
	struct opts_ctx c = { .o = o, .out = out, .err = err, .now = now };

	memset(o, 0, sizeof(*o));
	o->success = -1;
	o->escape = AUSEARCH_ESCAPE_TTY;
	/* No option at all (not even -i): the reference prints its usage
	 * and fails, whether or not logs are piped in. */
	if (argc <= 1) {
		fputs(opts_usage, out);
		return AUSEARCH_PARSE_ERROR;
	}
	for (int i = 1; i < argc; i++) {
		int n = opts_one(&c, argc, argv, i);

		if (n == -2)
			return AUSEARCH_PARSE_EXIT_OK;
		if (n < 0)
			return AUSEARCH_PARSE_ERROR;
		i += n;
	}
	if ((o->extra_keys || o->extra_labels || o->extra_obj2 ||
	     o->extra_time) && o->format != AUSEARCH_FORMAT_CSV) {
		fprintf(err, "--extra options requires format to be csv\n");
		return AUSEARCH_PARSE_ERROR;
	}
	return AUSEARCH_PARSE_OK;
}

bool ausearch_opts_has_criteria(const struct ausearch_opts *o)
{
	return o->event_id.set || o->exit.set || o->pid.set || o->ppid.set ||
	       o->uid.set || o->euid.set || o->auid.set || o->uid_all.set ||
	       o->gid.set || o->egid.set || o->gid_all.set ||
	       o->session.set || o->syscall.set || o->arch.set ||
	       o->success >= 0 || o->comm || o->exe || o->file || o->host ||
	       o->key || o->terminal || o->subject || o->object ||
	       o->context || o->uuid || o->vm || o->ntypes || o->nnodes ||
	       o->has_start || o->has_end;
}
