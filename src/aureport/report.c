/*
 * report: every report's titles, selection and rows (see report.h).
 *
 * The table below holds what differs between reports; the code around it
 * is shared. Which record types make an event of interest to each report,
 * what a missing value prints as ("?" mostly, "(null)" in some columns)
 * and the order of summaries were found by running the reference on
 * crafted logs (tests/data/aureport/).
 */
#include "report.h"

#include <inttypes.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "interpret.h"
#include "jsonstr.h"
#include "tables.h"
#include "tally.h"
#include "ttydata.h"

struct rpt_def {
	const char *name;	/* JSON report name */
	const char *title;
	int eq;
	const char *cols;	/* "# date time ..." */
	int eq2;
	const char *stitle;	/* NULL: no summary ("Unimplemented option") */
	int seq;
	const char *scol;
	bool snumeric;
};

static const struct rpt_def rpt_defs[RPT_COUNT] = {
	[RPT_SUMMARY] = { "summary", "Summary Report", 22, NULL, 0, NULL, 0, NULL, false },
	[RPT_AVC] = { "avc", "AVC Report", 63, "# date time comm subj syscall class permission obj result event", 63,
		      "Avc Object Summary Report", 33, "total  obj", false },
	[RPT_AUTH] = { "auth", "Authentication Report", 44, "# date time acct host term exe success event", 44,
		       "Authentication Summary Report", 29, "total  acct", false },
	[RPT_COMM] = { "comm", "Command Report", 36, "# date time comm term host auid event", 37,
		       "Command Summary Report", 33, "total  command", false },
	[RPT_CONFIG] = { "config", "Config Change Report", 35, "# date time type auid success event", 35,
			 "Config Change Summary Report", 28, "total  type", true },
	[RPT_CRYPTO] = { "crypto", "Crypto Report", 35, "# date time auid type success event", 35,
			 "Crypto Summary Report", 21, "total  type", true },
	[RPT_EVENT] = { "event", "Event Report", 35, "# date time event type auid success", 35,
			"Event Summary Report", 22, "total  type", true },
	[RPT_FILE] = { "file", "File Report", 47, "# date time file syscall success exe auid event", 47,
		       "File Summary Report", 27, "total  file", false },
	[RPT_HOST] = { "host", "Host Report", 35, "# date time host syscall auid event", 35,
		       "Host Summary Report", 27, "total  host", false },
	[RPT_INTEGRITY] = { "integrity", "Integrity Report", 30, "# date time type success event", 30,
			    "Integrity Summary Report", 24, "total  type", true },
	[RPT_KEY] = { "key", "Key Report", 47, "# date time key success exe auid event", 47,
		      "Key Summary Report", 27, "total  key", false },
	[RPT_LOGIN] = { "login", "Login Report", 44, "# date time auid host term exe success event", 44,
			"Login Summary Report", 28, "total  auid", false },
	[RPT_MODS] = { "mods", "Account Modifications Report", 49, "# date time auid addr term exe acct success event", 49,
		       "Acct Modification Summary Report", 32, "total  type", true },
	[RPT_MAC] = { "mac", "MAC Report", 35, "# date time auid type success event", 35,
		      "MAC Summary Report", 18, "total  type", true },
	[RPT_ANOMALY] = { "anomaly", "Anomaly Report", 41, "# date time type exe term host auid event", 41,
			  "Anomaly Summary Report", 22, "total  type", true },
	[RPT_PID] = { "pid", "Process ID Report", 38, "# date time pid exe syscall auid event", 38,
		      "Pid Summary Report", 26, "total  pid", true },
	[RPT_RESPONSE] = { "response", "Response to Anomaly Report", 30, "# date time type success event", 30,
			   "Anomaly Response Summary Report", 31, "total  type", true },
	[RPT_SYSCALL] = { "syscall", "Syscall Report", 39, "# date time syscall pid comm auid event", 39,
			  "Syscall Summary Report", 26, "total  syscall", false },
	[RPT_TIME] = { "log", "Log Time Range Report", 21, NULL, 0, NULL, 0, NULL, false },
	[RPT_TERM] = { "terminal", "Terminal Report", 36, "# date time term host exe auid event", 36,
		       "Terminal Summary Report", 31, "total  terminal", false },
	[RPT_TTY] = { "tty", "TTY Report", 47, "# date time event auid term sess comm data", 47,
		      NULL, 0, NULL, false },
	[RPT_USER] = { "user", "User ID Report", 36, "# date time auid term host exe event", 36,
		       "User Summary Report", 27, "total  auid", true },
	[RPT_VIRT] = { "virt", "Virtualization Report", 30, "# date time type success event", 30,
		       "Virtualization Summary Report", 29, "total  type", true },
	[RPT_EXE] = { "exe", "Executable Report", 36, "# date time exe term host auid event", 36,
		      "Executable Summary Report", 33, "total  file", false },
};

/* The main summary's counters, in print order. */
enum { S_CONFIG, S_ACCT, S_LOGIN, S_LOGIN_F, S_AUTH, S_AUTH_F, S_USERS,
       S_TERMS, S_HOSTS, S_EXES, S_COMMS, S_FILES, S_AVC, S_MAC, S_FSYS,
       S_ANOM, S_RESP, S_CRYPTO, S_INTEG, S_VIRT, S_KEYS, S_PIDS, S_EVENTS,
       S_COUNT };
static const char *const sum_labels[S_COUNT] = {
	"changes in configuration", "changes to accounts, groups, or roles",
	"logins", "failed logins", "authentications", "failed authentications",
	"users", "terminals", "host names", "executables", "commands", "files",
	"AVC's", "MAC events", "failed syscalls", "anomaly events",
	"responses to anomaly events", "crypto events", "integrity events",
	"virt events", "keys", "process IDs", "events",
};
static const char *const sum_json[S_COUNT] = {
	"config_changes", "account_changes", "logins", "failed_logins",
	"authentications", "failed_authentications", "users", "terminals",
	"hosts", "executables", "commands", "files", "avcs", "mac_events",
	"failed_syscalls", "anomalies", "responses", "crypto_events",
	"integrity_events", "virt_events", "keys", "pids", "events",
};
enum { D_USERS, D_TERMS, D_HOSTS, D_EXES, D_COMMS, D_FILES, D_KEYS, D_PIDS,
       D_COUNT };

#define MAX_COLS 12

struct report {
	const struct aureport_opts *o;
	const struct rpt_def *def;
	FILE *out;
	bool json;
	uint64_t rows;
	struct tally sum;		/* --summary */
	uint64_t counters[S_COUNT];
	struct tally distinct[D_COUNT];
	bool have_first;
	uint64_t first_sec, last_sec;
	unsigned first_msec, last_msec;
	struct interp_names *names;
	const char *col_names[MAX_COLS];
	size_t col_len[MAX_COLS];
	size_t ncols;
	char colbuf[128];
	bool have_date;		/* date_day/date_time hold date_sec's text */
	uint64_t date_sec;
	char date_day[32], date_time[32];
};

/* ---- small formatting helpers ---- */

enum date_part { DATE_DAY, DATE_TIME, DATE_BOTH };

/* The reference prints the locale's date (%x: two-digit years in C). */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-y2k"
static void fmt_date(char *b, size_t cap, uint64_t sec, enum date_part part)
{
	time_t t = (time_t)sec;
	struct tm tm;
	localtime_r(&t, &tm);
	if (part == DATE_DAY)
		strftime(b, cap, "%x", &tm);
	else if (part == DATE_TIME)
		strftime(b, cap, "%T", &tm);
	else
		strftime(b, cap, "%x %T", &tm);
}
#pragma GCC diagnostic pop

/* A uid as a column: the number, or with -i its name. */
static struct str fmt_uid(struct report *r, int64_t uid, char *b, size_t cap)
{
	int n;
	if (!r->o->interpret) {
		n = snprintf(b, cap, "%" PRId64, uid);
	} else if (uid == -1) {
		n = snprintf(b, cap, "unset");
	} else {
		struct passwd *pw = uid >= 0 ? getpwuid((uid_t)uid) : NULL;
		n = pw ? snprintf(b, cap, "%s", pw->pw_name) :
			snprintf(b, cap, "unknown(%" PRId64 ")", uid);
	}
	return (struct str){ b, (size_t)n };
}

static struct str fmt_syscall(struct report *r, const struct items *it,
			      char *b, size_t cap)
{
	int n = -1;
	if (r->o->interpret && it->syscall <= 0 && it->enriched_syscall.p)
		n = snprintf(b, cap, "%.*s", (int)it->enriched_syscall.n,
			     it->enriched_syscall.p);
	else if (r->o->interpret && it->syscall <= 0)
		n = snprintf(b, cap, "?");
	else if (r->o->interpret) {
		enum machine m = it->arch ? machine_from_audit_arch(it->arch) :
			machine_host();
		const struct table *t = machine_syscalls(m);
		const char *name = t ? table_name(t, (int)it->syscall) : NULL;
		if (name)
			n = snprintf(b, cap, "%s", name);
	}
	if (n < 0)
		n = snprintf(b, cap, "%ld", it->syscall);
	return (struct str){ b, (size_t)n };
}

static struct str fmt_num(int64_t v, char *b, size_t cap)
{
	return (struct str){ b, (size_t)snprintf(b, cap, "%" PRId64, v) };
}

static struct str or_q(struct str s)
{
	return s.p ? s : (struct str){ "?", 1 };
}

static struct str or_null(struct str s)
{
	return s.p ? s : (struct str){ "(null)", 6 };
}

static struct str succ_text(enum succ s)
{
	return s == SUCC_YES ? (struct str){ "yes", 3 } :
		s == SUCC_NO ? (struct str){ "no", 2 } : (struct str){ "unset", 5 };
}

/* The type's name; "(null)" for a number the table does not name (the
 * reference prints its lookup's NULL). */
static struct str type_text(const struct items *it)
{
	const char *n = table_name(&table_msgtype, it->type);
	return n ? (struct str){ n, strlen(n) } : (struct str){ "(null)", 6 };
}

/* ---- which events each report wants ---- */

static bool in(int t, int lo, int hi)
{
	return t >= lo && t <= hi;
}

static bool is_config(int t)
{
	return t == 1305 || t == 1203 || in(t, 1403, 1405);
}

static bool is_mods(int t)
{
	return t == 1102 || t == 1108 || in(t, 1114, 1117) || t == 1132 ||
		t == 2301 || t == 2302;
}

static bool is_mac(int t)
{
	return in(t, 1403, 1499) || in(t, 2300, 2399);
}

static bool is_anomaly(int t)
{
	return in(t, 1700, 1799) || in(t, 2100, 2199) || t == 1326;
}

static bool report_wants(enum rpt k, const struct items *it)
{
	int t = it->type;
	switch (k) {
	case RPT_SUMMARY: case RPT_EVENT: case RPT_TIME: return true;
	case RPT_AVC: return it->navcs > 0;
	case RPT_AUTH: return t == 1100;
	case RPT_LOGIN: return t == 1112;
	case RPT_COMM: return it->comm.p != NULL && !it->parse_error;
	case RPT_CONFIG: return is_config(t);
	case RPT_CRYPTO: return in(t, 2400, 2499);
	case RPT_FILE: return it->nfiles > 0;
	case RPT_HOST: return it->host.p != NULL;
	case RPT_INTEGRITY: return in(t, 1800, 1899);
	case RPT_KEY: return it->nkeys > 0;
	case RPT_MODS: return is_mods(t);
	case RPT_MAC: return is_mac(t);
	case RPT_ANOMALY: return is_anomaly(t);
	case RPT_PID: return it->pid != -1;
	case RPT_RESPONSE: return in(t, 2200, 2299);
	case RPT_SYSCALL: return it->syscall > 0;
	case RPT_TERM: return it->term.p != NULL && !it->parse_error;
	case RPT_TTY: return t == 1319 || t == 1124;
	case RPT_USER: return it->has_uid && !it->parse_error && !it->uid_error;
	case RPT_VIRT: return in(t, 2500, 2599);
	case RPT_EXE: return it->exe.p != NULL && !it->parse_error;
	case RPT_COUNT: break;
	}
	return false;
}

/* ---- rows ---- */

static void report_split_cols(struct report *r)
{
	/* "# date time a b c": the names after "date time" */
	snprintf(r->colbuf, sizeof(r->colbuf), "%s", r->def->cols ? r->def->cols : "");
	char *save = NULL;
	for (char *w = strtok_r(r->colbuf, " ", &save); w && r->ncols < MAX_COLS;
	     w = strtok_r(NULL, " ", &save)) {
		if (!strcmp(w, "#") || !strcmp(w, "date") || !strcmp(w, "time"))
			continue;
		r->col_names[r->ncols] = w;
		r->col_len[r->ncols++] = strlen(w);
	}
}

static void row_emit(struct report *r, const struct items *it,
		     const struct str *v, size_t n)
{
	/* rows come in bursts of one second: format each second once */
	if (!r->have_date || r->date_sec != it->ev->sec) {
		fmt_date(r->date_day, sizeof(r->date_day), it->ev->sec, DATE_DAY);
		fmt_date(r->date_time, sizeof(r->date_time), it->ev->sec, DATE_TIME);
		r->date_sec = it->ev->sec;
		r->have_date = true;
	}
	const char *d = r->date_day, *t = r->date_time;
	r->rows++;
	if (!r->json) {
		fprintf(r->out, "%" PRIu64 ". %s %s", r->rows, d, t);
		for (size_t i = 0; i < n; i++) {
			fputc(' ', r->out);
			fwrite(v[i].p, 1, v[i].n, r->out);
		}
		fputc('\n', r->out);
		return;
	}
	fprintf(r->out, "%s\n    {\"n\": %" PRIu64 ", \"date\": \"%s\", \"time\": \"%s\", \"sec\": %" PRIu64
		", \"msec\": %u", r->rows > 1 ? "," : "", r->rows, d, t, it->ev->sec, it->ev->msec);
	for (size_t i = 0; i < n && i < r->ncols; i++) {
		fprintf(r->out, ", \"%s\": ", r->col_names[i]);
		jsonstr_file(r->out, v[i].p, v[i].n);
	}
	if (it->ev->node) {
		fputs(", \"node\": ", r->out);
		jsonstr_file(r->out, it->ev->node, it->ev->node_len);
	}
	fputc('}', r->out);
}

struct rowbufs {
	char a[64], b[64], c[64], d[64];
};

static void report_rows_avc(struct report *r, const struct items *it,
			    struct rowbufs *b)
{
	for (size_t i = 0; i < it->navcs; i++) {
		const struct avc_item *a = &it->avcs[i];
		struct str v[] = { or_q(a->comm), or_null(a->subj),
				   fmt_syscall(r, it, b->a, sizeof(b->a)),
				   or_null(a->cls), or_null(a->perm),
				   or_null(a->obj), or_null(a->result),
				   fmt_num((int64_t)it->ev->serial, b->b, sizeof(b->b)) };
		row_emit(r, it, v, 8);
	}
}

static void report_row_tty(struct report *r, const struct items *it,
			   struct rowbufs *b)
{
	size_t n = 0;
	char *data = it->tty_data.p ?
		ttydata_format(it->tty_data.p, it->tty_data.n, &n) : NULL;
	struct str v[] = { fmt_num((int64_t)it->ev->serial, b->d, sizeof(b->d)),
			   fmt_uid(r, it->auid, b->a, sizeof(b->a)),
			   or_q(it->term), fmt_num(it->ses, b->b, sizeof(b->b)),
			   or_q(it->comm),
			   data ? (struct str){ data, n } : (struct str){ "?", 1 } };
	row_emit(r, it, v, 6);
	free(data);
}

/* The -l report's user column: the login uid; for a failed login the
 * account tried. The summary counts the account only when the login uid
 * is unset (observed on the reference). */
static struct str login_user(struct report *r, const struct items *it,
			     bool summary, char *b, size_t cap)
{
	bool use_acct = summary ? it->auid == -1 : it->success == SUCC_NO;
	if (use_acct && it->acct.p)
		return it->acct;
	return fmt_uid(r, it->auid, b, cap);
}

static void report_row(struct report *r, const struct items *it)
{
	struct rowbufs b;
	struct str ev = fmt_num((int64_t)it->ev->serial, b.d, sizeof(b.d));
	struct str au = fmt_uid(r, it->auid, b.a, sizeof(b.a));
	struct str v[MAX_COLS];
	size_t n = 0;
#define V(x) (v[n++] = (x))
	switch (r->o->report) {
	case RPT_AVC: report_rows_avc(r, it, &b); return;
	case RPT_AUTH: V(or_q(it->acct)); V(or_q(it->host)); V(or_q(it->term)); V(or_q(it->exe));
		V(succ_text(it->success)); V(ev); break;
	case RPT_COMM: V(it->comm); V(or_q(it->term)); V(or_q(it->host)); V(au); V(ev); break;
	case RPT_CONFIG: V(type_text(it)); V(au); V(succ_text(it->success)); V(ev); break;
	case RPT_CRYPTO: case RPT_MAC:
		V(au); V(type_text(it)); V(succ_text(it->success)); V(ev); break;
	case RPT_EVENT: V(ev); V(type_text(it)); V(au); V(succ_text(it->success)); break;
	case RPT_FILE: V(it->files[0]); V(fmt_syscall(r, it, b.b, sizeof(b.b)));
		V(succ_text(it->success)); V(or_q(it->exe)); V(au); V(ev); break;
	case RPT_HOST: V(it->host); V(fmt_syscall(r, it, b.b, sizeof(b.b))); V(au); V(ev); break;
	case RPT_KEY: V(it->keys[0]); V(succ_text(it->success)); V(or_q(it->exe)); V(au); V(ev); break;
	case RPT_LOGIN: V(login_user(r, it, false, b.b, sizeof(b.b))); V(or_q(it->host)); V(or_q(it->term));
		V(or_q(it->exe)); V(succ_text(it->success)); V(ev); break;
	case RPT_MODS: V(au); V(or_q(it->host)); V(or_q(it->term)); V(or_q(it->exe));
		V(or_q(it->acct)); V(succ_text(it->success)); V(ev); break;
	case RPT_ANOMALY: V(type_text(it)); V(or_q(it->exe)); V(or_q(it->term)); V(or_q(it->host));
		V(au); V(ev); break;
	case RPT_PID: V(fmt_num(it->pid, b.b, sizeof(b.b))); V(or_q(it->exe));
		V(fmt_syscall(r, it, b.c, sizeof(b.c))); V(au); V(ev); break;
	case RPT_RESPONSE: case RPT_VIRT: case RPT_INTEGRITY:
		V(type_text(it)); V(succ_text(it->success)); V(ev); break;
	case RPT_SYSCALL: V(fmt_syscall(r, it, b.b, sizeof(b.b))); V(fmt_num(it->pid, b.c, sizeof(b.c)));
		V(or_q(it->comm)); V(au); V(ev); break;
	case RPT_TERM: V(it->term); V(or_null(it->host)); V(or_q(it->exe)); V(au); V(ev); break;
	case RPT_TTY: report_row_tty(r, it, &b); return;
	case RPT_USER: V(au); V(or_q(it->term)); V(or_q(it->host)); V(or_q(it->exe)); V(ev); break;
	case RPT_EXE: V(it->exe); V(or_q(it->term)); V(or_q(it->host)); V(au); V(ev); break;
	default: return;
	}
#undef V
	row_emit(r, it, v, n);
}

/* ---- --summary ---- */

static void sum_type(struct report *r, const struct items *it)
{
	tally_add_num(&r->sum, it->type);
}

static void report_count(struct report *r, const struct items *it)
{
	char b[64];
	struct str s;

	switch (r->o->report) {
	case RPT_AVC:
		for (size_t i = 0; i < it->navcs; i++) {
			s = or_null(it->avcs[i].obj);
			tally_add(&r->sum, s.p, s.n);
		}
		break;
	case RPT_AUTH: s = or_q(it->acct); tally_add(&r->sum, s.p, s.n); break;
	case RPT_COMM: tally_add(&r->sum, it->comm.p, it->comm.n); break;
	case RPT_FILE:
		for (size_t i = 0; i < it->nfiles; i++)
			tally_add(&r->sum, it->files[i].p, it->files[i].n);
		break;
	case RPT_HOST: tally_add(&r->sum, it->host.p, it->host.n); break;
	case RPT_KEY:
		for (size_t i = 0; i < it->nkeys; i++)
			tally_add(&r->sum, it->keys[i].p, it->keys[i].n);
		break;
	case RPT_LOGIN:
		/* the login uid; the account when the uid is unset */
		s = login_user(r, it, true, b, sizeof(b));
		tally_add(&r->sum, s.p, s.n);
		break;
	case RPT_PID: tally_add_num(&r->sum, it->pid); break;
	case RPT_SYSCALL: s = fmt_syscall(r, it, b, sizeof(b)); tally_add(&r->sum, s.p, s.n); break;
	case RPT_TERM: tally_add(&r->sum, it->term.p, it->term.n); break;
	case RPT_USER: tally_add_num(&r->sum, it->auid); break;
	case RPT_EXE: tally_add(&r->sum, it->exe.p, it->exe.n); break;
	default: sum_type(r, it); break;
	}
}

/* The key of a summary line as printed: -i names types and uids. */
static struct str sum_key(struct report *r, const struct tally_entry *e,
			  char *b, size_t cap)
{
	if (r->o->interpret && r->sum.numeric) {
		if (r->o->report == RPT_USER)
			return fmt_uid(r, e->num, b, cap);
		if (r->o->report != RPT_PID) {
			const char *n = table_name(&table_msgtype, (int)e->num);
			if (n)
				return (struct str){ n, strlen(n) };
		}
	}
	return (struct str){ e->key, e->len };
}

/* ---- the main summary ---- */

static void distinct_add(struct report *r, int d, struct str s)
{
	if (s.p)
		tally_add(&r->distinct[d], s.p, s.n);
}

static void report_main_count(struct report *r, const struct items *it)
{
	int t = it->type;
	uint64_t *c = r->counters;
	char b[32];

	if (it->parse_error)
		return;
	c[S_CONFIG] += is_config(t);
	c[S_ACCT] += is_mods(t);
	if (t == 1112)
		c[it->success == SUCC_NO ? S_LOGIN_F : S_LOGIN]++;
	if (t == 1100)
		c[it->success == SUCC_NO ? S_AUTH_F : S_AUTH]++;
	if (it->auid != -2)
		distinct_add(r, D_USERS, fmt_num(it->auid, b, sizeof(b)));
	distinct_add(r, D_TERMS, it->term);
	distinct_add(r, D_HOSTS, it->host);
	distinct_add(r, D_EXES, it->exe);
	distinct_add(r, D_COMMS, it->comm);
	for (size_t i = 0; i < it->nfiles; i++)
		distinct_add(r, D_FILES, it->files[i]);
	for (size_t i = 0; i < it->nkeys; i++)
		distinct_add(r, D_KEYS, it->keys[i]);
	if (it->pid != -1)
		distinct_add(r, D_PIDS, fmt_num(it->pid, b, sizeof(b)));
	c[S_AVC] += it->navcs > 0;
	c[S_MAC] += is_mac(t);
	c[S_FSYS] += it->has_syscall_rec && it->success == SUCC_NO;
	c[S_ANOM] += is_anomaly(t) && t != 1326;
	c[S_RESP] += in(t, 2200, 2299);
	c[S_CRYPTO] += in(t, 2400, 2499);
	c[S_INTEG] += in(t, 1800, 1899);
	c[S_VIRT] += in(t, 2500, 2599);
	c[S_EVENTS]++;
}

static void report_main_print(struct report *r)
{
	static const int dmap[S_COUNT] = {
		[S_USERS] = D_USERS + 1, [S_TERMS] = D_TERMS + 1,
		[S_HOSTS] = D_HOSTS + 1, [S_EXES] = D_EXES + 1,
		[S_COMMS] = D_COMMS + 1, [S_FILES] = D_FILES + 1,
		[S_KEYS] = D_KEYS + 1, [S_PIDS] = D_PIDS + 1,
	};
	char a[40], b[40], c[40], d[40];
	const struct aureport_opts *o = r->o;

	fmt_date(a, sizeof(a), r->first_sec, DATE_BOTH);
	fmt_date(b, sizeof(b), r->last_sec, DATE_BOTH);
	fmt_date(c, sizeof(c), o->have_start ? (uint64_t)o->start_sec : r->first_sec, DATE_BOTH);
	fmt_date(d, sizeof(d), o->have_end ? (uint64_t)o->end_sec : r->last_sec, DATE_BOTH);
	if (r->json) {
		fprintf(r->out, ",\n  \"range\": {\"first_sec\": %" PRIu64 ", \"first_msec\": %u, "
			"\"last_sec\": %" PRIu64 ", \"last_msec\": %u},\n  \"counts\": {",
			r->first_sec, r->first_msec, r->last_sec, r->last_msec);
	} else {
		fprintf(r->out, "Range of time in logs: %s.%03u - %s.%03u\n", a,
			r->first_msec, b, r->last_msec);
		if (o->have_end)
			fprintf(r->out, "Selected time for report: %s - %s\n", c, d);
		else
			fprintf(r->out, "Selected time for report: %s - %s.%03u\n", c, d,
				r->last_msec);
	}
	for (int i = 0; i < S_COUNT; i++) {
		uint64_t v = dmap[i] ? r->distinct[dmap[i] - 1].n : r->counters[i];
		if (r->json)
			fprintf(r->out, "%s\"%s\": %" PRIu64, i ? ", " : "", sum_json[i], v);
		else
			fprintf(r->out, "Number of %s: %" PRIu64 "\n", sum_labels[i], v);
	}
	fputs(r->json ? "}\n}\n" : "\n", r->out);
}

/* ---- the report's life ---- */

struct report *report_new(const struct aureport_opts *o, FILE *out)
{
	struct report *r = calloc(1, sizeof(*r));
	if (!r)
		return NULL;
	r->o = o;
	r->def = &rpt_defs[o->report];
	r->out = out;
	r->json = o->format == FMT_JSON;
	tally_init(&r->sum, r->def->snumeric);
	for (int i = 0; i < D_COUNT; i++)
		tally_init(&r->distinct[i], false);
	report_split_cols(r);
	return r;
}

void report_free(struct report *r)
{
	if (!r)
		return;
	tally_free(&r->sum);
	for (int i = 0; i < D_COUNT; i++)
		tally_free(&r->distinct[i]);
	free(r);
}

static void eqline(FILE *out, int n)
{
	for (int i = 0; i < n; i++)
		fputc('=', out);
	fputc('\n', out);
}

static const char *prefix(const struct aureport_opts *o)
{
	return o->success == SUCC_FAILED ? "Failed " :
		o->success == SUCC_SUCCESS ? "Success " : "";
}

void report_begin(struct report *r)
{
	const struct rpt_def *d = r->def;
	const struct aureport_opts *o = r->o;

	if (r->json) {
		fprintf(r->out, "{\n  \"report\": \"%s\",\n  \"summary\": %s,\n"
			"  \"filter\": \"%s\"", d->name,
			o->summary || o->report == RPT_SUMMARY ? "true" : "false",
			o->success == SUCC_FAILED ? "failed" :
			o->success == SUCC_SUCCESS ? "success" : "all");
		if (o->report != RPT_SUMMARY && o->report != RPT_TIME)
			fputs(",\n  \"rows\": [", r->out);
		return;
	}
	fputc('\n', r->out);
	if (o->report == RPT_SUMMARY) {
		fprintf(r->out, "%s%s\n", prefix(o), d->title);
		eqline(r->out, d->eq);
	} else if (o->report == RPT_TIME) {
		fprintf(r->out, "%s\n", d->title);
		eqline(r->out, d->eq);
	} else if (o->summary) {
		fprintf(r->out, "%s%s\n", prefix(o), d->stitle);
		eqline(r->out, d->seq);
		fprintf(r->out, "%s\n", d->scol);
		eqline(r->out, d->seq);
	} else {
		fprintf(r->out, "%s\n", d->title);
		eqline(r->out, d->eq);
		fprintf(r->out, "%s\n", d->cols);
		eqline(r->out, d->eq2);
	}
}

void report_seen(struct report *r, const struct event *ev, bool in_range)
{
	if (!r->have_first) {
		r->have_first = true;
		r->first_sec = ev->sec;
		r->first_msec = ev->msec;
	}
	if (in_range) {
		r->last_sec = ev->sec;
		r->last_msec = ev->msec;
	}
}

bool report_reads_sockaddr(const struct aureport_opts *o)
{
	switch (o->report) {
	case RPT_SUMMARY: case RPT_AUTH: case RPT_COMM: case RPT_FILE:
	case RPT_HOST: case RPT_LOGIN: case RPT_MODS: case RPT_ANOMALY:
	case RPT_TERM: case RPT_USER: case RPT_EXE:
		return true;
	default:
		return false;
	}
}

bool report_reads_files(const struct aureport_opts *o)
{
	return o->report == RPT_SUMMARY || o->report == RPT_FILE;
}

bool report_reads_terminal(const struct aureport_opts *o)
{
	switch (o->report) {
	case RPT_SUMMARY: case RPT_USER: case RPT_EXE: case RPT_TERM:
	case RPT_COMM:
		return true;
	default:
		return false;
	}
}

void report_event(struct report *r, const struct items *it)
{
	if (it->sock_error)
		return;
	if (r->o->report == RPT_SUMMARY) {
		report_main_count(r, it);
		return;
	}
	/* -u lists events with a uid, but its summary counts every login
	 * uid, as the reference does */
	if (r->o->summary && r->o->report == RPT_USER) {
		if (it->auid != -2 && !it->parse_error && !it->uid_error)
			report_count(r, it);
		return;
	}
	if (!report_wants(r->o->report, it))
		return;
	if (r->o->summary)
		report_count(r, it);
	else
		report_row(r, it);
}

static void report_summary_print(struct report *r)
{
	char b[64];

	tally_sort(&r->sum);
	for (size_t i = 0; i < r->sum.n; i++) {
		const struct tally_entry *e = &r->sum.v[i];
		struct str k = sum_key(r, e, b, sizeof(b));
		if (r->json) {
			fprintf(r->out, "%s\n    {\"total\": %" PRIu64 ", \"%s\": ", i ? "," : "",
				e->count, r->def->scol + 7);
			jsonstr_file(r->out, k.p, k.n);
			fputc('}', r->out);
		} else {
			fprintf(r->out, "%" PRIu64 "  ", e->count);
			fwrite(k.p, 1, k.n, r->out);
			fputc('\n', r->out);
		}
	}
	r->rows = r->sum.n;
}

void report_time_line(struct report *r, const char *file)
{
	char a[40], b[40];

	if (!r->have_first) {
		if (r->json) {
			fprintf(r->out, "%s\n    {\"file\": ", r->rows ? "," : ",\n  \"rows\": [");
			jsonstr_file(r->out, file, strlen(file));
			fputs(", \"records\": false}", r->out);
		} else {
			fprintf(r->out, "%s: no records\n", file);
		}
		r->rows++;
		return;
	}
	fmt_date(a, sizeof(a), r->first_sec, DATE_BOTH);
	fmt_date(b, sizeof(b), r->last_sec, DATE_BOTH);
	if (r->json) {
		fprintf(r->out, "%s\n    {\"file\": ", r->rows ? "," : ",\n  \"rows\": [");
		jsonstr_file(r->out, file, strlen(file));
		fprintf(r->out, ", \"records\": true, \"first_sec\": %" PRIu64 ", \"first_msec\": %u, \"last_sec\": %"
			PRIu64 ", \"last_msec\": %u}", r->first_sec, r->first_msec,
			r->last_sec, r->last_msec);
	} else {
		fprintf(r->out, "%s: %s.%03u - %s.%03u\n", file, a, r->first_msec, b,
			r->last_msec);
	}
	r->rows++;
	r->have_first = false;
	r->last_sec = 0;
	r->last_msec = 0;
}

int report_end(struct report *r)
{
	const struct aureport_opts *o = r->o;

	if (o->report == RPT_SUMMARY) {
		report_main_print(r);
		return 0;
	}
	if (o->report == RPT_TIME) {
		if (r->json)
			fputs(r->rows ? "\n  ]\n}\n" : ",\n  \"rows\": []\n}\n", r->out);
		return 0;
	}
	if (o->summary)
		report_summary_print(r);
	if (r->json)
		fputs(r->rows ? "\n  ]\n}\n" : "]\n}\n", r->out);
	else if (!r->rows)
		fputs("<no events of interest were found>\n\n", r->out);
	/* an empty list is a failure; an empty summary is not */
	return r->rows || o->summary ? 0 : 1;
}
