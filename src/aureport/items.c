/*
 * items: one event's report items (see items.h). The record parsers here
 * mirror what the reference takes from each record type; which fields a
 * type gives was found by feeding the reference crafted records
 * (tests/data/aureport/mixed.log) and reading every report.
 */
#include "items.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

bool str_eq(struct str s, const char *c)
{
	size_t n = strlen(c);
	return s.p && s.n == n && memcmp(s.p, c, n) == 0;
}

void items_init(struct items *it)
{
	memset(it, 0, sizeof(*it));
}

void items_release(struct items *it)
{
	free(it->arena);
	it->arena = NULL;
}

static bool fname_is(const struct record_field *f, const char *name)
{
	size_t n = strlen(name);
	return f->name_len == n && memcmp(f->name, name, n) == 0;
}

/* Room for n more arena bytes. The arena only grows between events, and
 * strings already handed out would move: it is sized up front per event
 * (the event's bytes bound every decoded string). */
static char *items_alloc(struct items *it, size_t n)
{
	if (it->arena_len + n > it->arena_cap)
		return NULL;
	char *p = it->arena + it->arena_len;
	it->arena_len += n;
	return p;
}

/* The text of a field as the reference shows it: quoted values without
 * their quotes, hex values decoded, (null) and (none) as written. */
static bool items_encoded(const struct record_field *f)
{
	static const char *const names[] = { "acct", "exe", "comm", "name",
		"key", "cwd", "path", "cmd", NULL };
	for (size_t i = 0; names[i]; i++)
		if (fname_is(f, names[i]))
			return true;
	return false;
}

static struct str items_value(struct items *it, const struct record_field *f)
{
	struct str s = { f->value, f->value_len };

	if (f->kind == RECORD_VALUE_NULL)
		return (struct str){ "(null)", 6 };
	if (f->kind == RECORD_VALUE_NONE)
		return (struct str){ "(none)", 6 };
	if (f->kind == RECORD_VALUE_PLAIN && items_encoded(f) &&
	    record_value_is_hex(f)) {
		size_t n = f->value_len / 2;
		char *p = items_alloc(it, n + 1);
		if (!p)
			return s;
		record_hex_decode(f->value, f->value_len, p, n + 1);
		/* printf %s stops at a NUL, as the reference's output does */
		return (struct str){ p, strnlen(p, n) };
	}
	return s;
}

/* Integers the way the reference stores them: a C int, so 4294967295
 * reads as -1. */
static int64_t items_int(const struct record_field *f)
{
	int64_t v = 0;
	uint64_t u;

	if (record_value_i64(f->value, f->value_len, &v) == 0)
		return (int32_t)v;
	if (record_value_u64(f->value, f->value_len, 10, &u) == 0)
		return (int32_t)(uint32_t)u;
	return (int32_t)strtol(f->value, NULL, 10);
}

/* A key value: several keys are joined by 0x01 (hex encoded). */
static void items_add_key(struct items *it, struct str v)
{
	if (!v.p || str_eq(v, "(null)"))
		return;
	while (it->nkeys < ITEMS_MAX_LIST) {
		const char *sep = memchr(v.p, 1, v.n);
		size_t n = sep ? (size_t)(sep - v.p) : v.n;
		it->keys[it->nkeys++] = (struct str){ v.p, n };
		if (!sep)
			break;
		v = (struct str){ sep + 1, v.n - n - 1 };
	}
}

static void items_add_file(struct items *it, struct str v)
{
	if (v.p && it->nfiles < ITEMS_MAX_LIST)
		it->files[it->nfiles++] = v;
}

/* The fields most record types share. */
static bool items_common(struct items *it, const struct record_field *f)
{
	if (fname_is(f, "auid")) {
		it->auid = items_int(f);
	} else if (fname_is(f, "pid")) {
		if (it->pid == -1)
			it->pid = items_int(f);
	} else if (fname_is(f, "uid")) {
		it->has_uid = true;
	} else if (fname_is(f, "ses")) {
		it->ses = items_int(f);
	} else if (fname_is(f, "comm")) {
		if (!it->comm.p)
			it->comm = items_value(it, f);
	} else if (fname_is(f, "exe")) {
		if (!it->exe.p)
			it->exe = items_value(it, f);
	} else {
		return false;
	}
	return true;
}

static void items_syscall(struct items *it, const struct record *r)
{
	struct record_cursor c;
	struct record_field f;

	it->has_syscall_rec = true;
	record_cursor_init(&c, r);
	while (record_next_field(&c, &f)) {
		if (items_common(it, &f))
			continue;
		if (fname_is(&f, "syscall")) {
			it->syscall = (long)items_int(&f);
		} else if (fname_is(&f, "arch")) {
			uint64_t a = 0;
			record_value_u64(f.value, f.value_len, 16, &a);
			it->arch = (uint32_t)a;
		} else if (fname_is(&f, "success")) {
			it->success = (f.value_len == 3 &&
				       memcmp(f.value, "yes", 3) == 0) ? SUCC_YES : SUCC_NO;
		} else if (fname_is(&f, "tty")) {
			it->term = items_value(it, &f);
		} else if (fname_is(&f, "key")) {
			items_add_key(it, items_value(it, &f));
		}
	}
}

static void items_path(struct items *it, const struct record *r)
{
	struct record_field f;

	if (record_find(r, "name", &f) && f.kind != RECORD_VALUE_NULL)
		items_add_file(it, items_value(it, &f));
}

/* A socket address: an IP address is the event's host, a unix socket
 * path one of its files. Short addresses are warned about as the
 * reference does. */
static void items_sockaddr_one(struct items *it, const struct record *r,
			       size_t file_pos)
{
	struct record_field f;
	unsigned char b[128];
	char txt[INET6_ADDRSTRLEN];

	if (!record_find(r, "saddr", &f))
		return;
	memset(b, 0, sizeof(b));
	size_t n = record_hex_decode(f.value, f.value_len, (char *)b, sizeof(b));
	if (n > sizeof(b) - 1)
		n = sizeof(b) - 1;
	if (n == 0)
		return;
	unsigned fam = b[0] | (unsigned)b[1] << 8;
	char *p;
	if (fam == 2) {
		if (n < 16) {
			fputs("sockaddr len too short\n", stderr);
			it->sock_error = true;
			return;
		}
		inet_ntop(AF_INET, b + 4, txt, sizeof(txt));
	} else if (fam == 10) {
		if (n < 24) {
			fputs("sockaddr6 len too short\n", stderr);
			it->sock_error = true;
			return;
		}
		inet_ntop(AF_INET6, b + 8, txt, sizeof(txt));
	} else if (fam == 1) {
		if (n < 3) {
			fputs("sun_path len too short\n", stderr);
			it->sock_error = true;
			return;
		}
		const char *path = (const char *)b + (b[2] ? 2 : 3);
		size_t len = strnlen(path, n - (size_t)(path - (const char *)b));
		if ((p = items_alloc(it, len + 1)) && it->nfiles < ITEMS_MAX_LIST) {
			memcpy(p, path, len);
			/* in record order among the PATH names */
			memmove(&it->files[file_pos + 1], &it->files[file_pos],
				(it->nfiles - file_pos) * sizeof(it->files[0]));
			it->files[file_pos] = (struct str){ p, len };
			it->nfiles++;
		}
		return;
	} else {
		return;
	}
	size_t len = strlen(txt);
	if ((p = items_alloc(it, len + 1))) {
		memcpy(p, txt, len + 1);
		it->host = (struct str){ p, len };
	}
}

/* A user-space message: pid uid auid ses, then msg='... res=...'. */
static void items_user(struct items *it, const struct record *r)
{
	struct record_cursor c;
	struct record_field f;
	struct str hostname = { 0 }, addr = { 0 };
	bool term_last = false;

	bool have_auid = false, outer_done;
	/* where the sender's fields end and the message's begin */
	const char *msg = memmem(r->body, r->body_len, "msg='", 5);

	record_cursor_init(&c, r);
	while (record_next_field(&c, &f)) {
		term_last = false;
		/* the sender's auid comes first; one inside msg='' is data */
		if (fname_is(&f, "auid")) {
			if (!have_auid)
				it->auid = items_int(&f);
			have_auid = true;
			continue;
		}
		/* observed: these names inside a message make the
		 * reference's user-message parser fail */
		if ((fname_is(&f, "ouid") || fname_is(&f, "inode_uid")) &&
		    f.value_len && f.value[0] != '-')
			it->uid_error = true;
		outer_done = msg && f.name > msg;
		if (r->type == 1107 && fname_is(&f, "subj") && !outer_done)
			it->user_subj = items_value(it, &f);
		/* USER_AVC: comm, name and such inside the message are the
		 * AVC's, not the sender's */
		if (outer_done && r->type == 1107 && !fname_is(&f, "exe") &&
		    !fname_is(&f, "hostname") && !fname_is(&f, "addr") &&
		    !fname_is(&f, "terminal") && !fname_is(&f, "res") &&
		    !fname_is(&f, "acct"))
			continue;
		if (items_common(it, &f))
			continue;
		if (fname_is(&f, "acct")) {
			it->acct = items_value(it, &f);
		} else if (fname_is(&f, "id")) {
			it->id = items_int(&f);
			it->has_id = true;
		} else if (fname_is(&f, "hostname")) {
			hostname = items_value(it, &f);
			term_last = true;
		} else if (fname_is(&f, "addr")) {
			addr = items_value(it, &f);
		} else if (fname_is(&f, "terminal")) {
			it->term = items_value(it, &f);
			term_last = true;
		} else if (fname_is(&f, "data")) {
			/* the rest of the message up to " res=" */
			const char *e = r->body + r->body_len;
			const char *v = f.kind == RECORD_VALUE_QUOTED ? f.value - 1 : f.value;
			const char *res = memmem(v, (size_t)(e - v), " res=", 5);
			it->tty_data = (struct str){ v, (size_t)((res ? res : e) - v) };
		} else if (fname_is(&f, "key")) {
			items_add_key(it, items_value(it, &f));
		} else if (fname_is(&f, "res")) {
			it->success = str_eq((struct str){ f.value, f.value_len }, "success") ?
				SUCC_YES : SUCC_NO;
		}
	}
	it->host = (hostname.p && !str_eq(hostname, "?")) || !addr.p ? hostname : addr;
	/* The reference reads a terminal up to the next space: none after
	 * it (the last field) fails the whole record. */
	if (term_last) {
		if (it->debug && it->reads_terminal)
			fprintf(stderr, "Malformed event skipped, rc=19. %.*s\n",
				(int)r->line_len, r->line);
		it->parse_error = true;
		it->term = (struct str){ 0 };
	}
}

/* Kernel records that carry auid, pid, comm, exe and res as plain
 * fields (LOGIN, CONFIG_CHANGE, daemon, anomaly, MAC, TTY, integrity). */
static void items_kernel(struct items *it, const struct record *r,
			 bool want_exe, bool res_numeric)
{
	struct record_cursor c;
	struct record_field f;

	bool daemon = r->type >= 1200 && r->type <= 1299;
	bool seen_pid = false;

	record_cursor_init(&c, r);
	while (record_next_field(&c, &f)) {
		if (!want_exe && fname_is(&f, "exe"))
			continue;
		/* The daemon records are read in order auid, pid, uid: a uid
		 * before the pid is not seen. */
		if (daemon && fname_is(&f, "uid") && !seen_pid)
			continue;
		if (fname_is(&f, "pid"))
			seen_pid = true;
		if (fname_is(&f, "ppid") && it->pid == -1 && it->type >= 1800 &&
		    it->type < 1900) {
			/* the reference finds "pid=" inside "ppid=" here */
			it->pid = items_int(&f);
			continue;
		}
		if (items_common(it, &f))
			continue;
		if (fname_is(&f, "key")) {
			items_add_key(it, items_value(it, &f));
		} else if (fname_is(&f, "syscall")) {
			it->syscall = (long)items_int(&f);
		} else if (fname_is(&f, "name") || fname_is(&f, "file")) {
			if (it->type >= 1800 && it->type < 1900 && fname_is(&f, "name"))
				items_add_file(it, items_value(it, &f));
		} else if (fname_is(&f, "data")) {
			it->tty_data = (struct str){ f.value, f.value_len };
		} else if (fname_is(&f, "tty") && want_exe) {
			it->term = items_value(it, &f);
		} else if (fname_is(&f, "res")) {
			struct str v = { f.value, f.value_len };
			/* integrity records are read pid first: no pid, no res */
			if (r->type >= 1800 && r->type < 1900 && it->pid == -1)
				continue;
			if (res_numeric)
				it->success = str_eq(v, "0") ? SUCC_NO : SUCC_YES;
			else
				it->success = (str_eq(v, "success") || str_eq(v, "1")) ?
					SUCC_YES : SUCC_NO;
		}
	}
}

/* avc:  denied  { perm } for pid=N comm="x" name="f" scontext=S
 * tcontext=T tclass=C */
static void items_avc(struct items *it, const struct record *r)
{
	struct avc_item a = { 0 };
	struct record_cursor c;
	struct record_field f;
	const char *b = r->body, *e = r->body + r->body_len;
	bool user = r->type == 1107;

	const char *d = memmem(b, (size_t)(e - b), "denied", 6);
	const char *g = memmem(b, (size_t)(e - b), "granted", 7);
	if (d && (!g || d < g))
		a.result = (struct str){ "denied", 6 };
	else if (g)
		a.result = (struct str){ "granted", 7 };
	it->success = a.result.p && a.result.n == 7 ? SUCC_YES : SUCC_NO;
	const char *o = memchr(b, '{', (size_t)(e - b));
	const char *oe = o ? memchr(o, '}', (size_t)(e - o)) : NULL;
	if (o && oe) {
		/* every permission between the braces */
		const char *q = o + 1;
		while (q < oe && *q == ' ')
			q++;
		const char *qe = oe;
		while (qe > q && qe[-1] == ' ')
			qe--;
		a.perm = (struct str){ q, (size_t)(qe - q) };
	}
	record_cursor_init(&c, r);
	while (record_next_field(&c, &f)) {
		if (!user && items_common(it, &f)) {
			if (fname_is(&f, "comm"))
				a.comm = items_value(it, &f);
			continue;
		}
		if (fname_is(&f, "scontext") && !user)
			a.subj = items_value(it, &f);
		else if (fname_is(&f, "tcontext"))
			a.obj = items_value(it, &f);
		else if (fname_is(&f, "tclass") &&
			 (!user || f.value + f.value_len < r->body + r->body_len - 1))
			/* a user message's last tclass (before the closing
			 * quote) is not read by the reference */
			a.cls = items_value(it, &f);
		else if ((fname_is(&f, "name") || fname_is(&f, "path")) && !user)
			items_add_file(it, items_value(it, &f));
	}
	if (user)
		a.subj = it->user_subj;
	if (it->navcs < sizeof(it->avcs) / sizeof(it->avcs[0]))
		it->avcs[it->navcs++] = a;
}

static bool items_is_user_msg(int t)
{
	return t == 1005 || (t >= 1100 && t <= 1199) || (t >= 2100 && t <= 2999);
}

/* Types the reference's parser has no case for: --debug names them. */
static bool items_unparsed(int t)
{
	return t <= 0 || t == 1320 || t < 1005 || (t > 1006 && t < 1100) ||
		(t >= 1500 && t < 1700) || (t >= 1900 && t < 2000) || t > 2999;
}

/* The reference reads "UNKNOWN[]" (no number) as type -1. */
static int items_type(const struct record *r)
{
	if (r->type == 0 && r->type_name_len >= 8 &&
	    memcmp(r->type_name, "UNKNOWN[", 8) == 0)
		return -1;
	return r->type;
}

static void items_record(struct items *it, const struct record *r)
{
	int t = items_type(r);

	if (r->enriched && !it->enriched_syscall.p) {
		/* ENRICHED logs carry the daemon's SYSCALL= text, which -i
		 * prints for an event without a syscall of its own */
		struct record_cursor c;
		struct record_field f;
		record_cursor_init_enriched(&c, r);
		while (record_next_field(&c, &f))
			if (fname_is(&f, "SYSCALL"))
				it->enriched_syscall = (struct str){ f.value, f.value_len };
	}
	if (it->debug && items_unparsed(t))
		fprintf(stderr, "Unparsed type:%d\n - skipped", t);

	if (t == 1300)
		items_syscall(it, r);
	else if (t == 1302 && it->reads_files)
		items_path(it, r);
	else if (t == 1306 && it->nsocks < ITEMS_MAX_SOCKS)
		it->socks[it->nsocks++] = (struct items_sock){ r, it->nfiles };
	else if (t == 1400)
		items_avc(it, r);
	else if (t == 1107) {
		items_user(it, r);
		items_avc(it, r);
	}
	else if (items_is_user_msg(t))
		items_user(it, r);
	else if (t == 1006 || t == 1305 || (t >= 1200 && t <= 1299))
		items_kernel(it, r, false, t == 1305);
	else if (t == 1700 || t == 1701 || t == 1326 || t == 1702 || t == 1703)
		items_kernel(it, r, true, false);
	else if (t >= 1800 && t <= 1899)
		items_kernel(it, r, false, true);
	else if (t >= 1403 && t <= 1499)
		items_kernel(it, r, false, true);
	else if (t == 1319)
		items_kernel(it, r, false, false);
}

int items_fill(struct items *it, const struct event *ev)
{
	size_t need = 64;

	for (size_t i = 0; i < ev->count; i++)
		need += ev->records[i].body_len + 64;
	if (need > it->arena_cap) {
		char *a = realloc(it->arena, need);
		if (!a)
			return -ENOMEM;
		it->arena = a;
		it->arena_cap = need;
	}
	char *arena = it->arena;
	size_t cap = it->arena_cap;
	bool debug = it->debug, reads_terminal = it->reads_terminal;
	bool reads_files = it->reads_files;
	memset(it, 0, sizeof(*it));
	it->reads_files = reads_files;
	it->reads_terminal = reads_terminal;
	it->arena = arena;
	it->arena_cap = cap;
	it->debug = debug;
	it->ev = ev;
	it->auid = -2;
	it->pid = -1;
	it->ses = -2;
	if (ev->count) {
		it->type = items_type(&ev->records[0]);
		it->type_name = (struct str){ ev->records[0].type_name,
					      ev->records[0].type_name_len };
	}
	for (size_t i = 0; i < ev->count; i++)
		items_record(it, &ev->records[i]);
	return 0;
}

void items_sockaddr(struct items *it)
{
	for (size_t i = 0; i < it->nsocks; i++)
		items_sockaddr_one(it, it->socks[i].r, it->socks[i].file_pos);
	it->nsocks = 0;
}
