/*
 * match: ausearch's criteria against an event (see match.h).
 *
 * The criteria are compiled once into two lists, numeric and string, each
 * entry naming the record fields it looks at. An event is checked in
 * order of cost: its serial, time, node and record types first, then a
 * raw-bytes scan for every string criterion, then the field walks.
 */
#include "match.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tables.h"

#define MATCH_MAX 32
#define MATCH_HEX_MAX 512

enum match_num_kind {
	MATCH_DEC,		/* unsigned decimal: ids, pids */
	MATCH_ID32,		/* decimal, a negative option wraps to 32 bits */
	MATCH_SIGNED,		/* exit codes */
	MATCH_HEX,		/* arch */
};

struct match_num {
	int64_t v;
	enum match_num_kind kind;
	const char *const *fields;	/* NULL terminated */
};

struct match_str {
	const char *needle;
	size_t len;
	char hex[MATCH_HEX_MAX];	/* the needle hex-encoded, upper case */
	size_t hexlen;
	const char *const *fields;
};

struct match {
	const struct ausearch_opts *o;
	struct match_num nums[MATCH_MAX];
	size_t nnums;
	struct match_str strs[MATCH_MAX];
	size_t nstrs;
};

/* The fields each criterion looks at. */
static const char *const match_f_pid[] = { "pid", NULL };
static const char *const match_f_ppid[] = { "ppid", NULL };
static const char *const match_f_uid[] = { "uid", NULL };
static const char *const match_f_euid[] = { "euid", NULL };
static const char *const match_f_auid[] = { "auid", NULL };
static const char *const match_f_uid_euid_auid[] = { "uid", "euid", "auid", NULL };
static const char *const match_f_gid[] = { "gid", NULL };
static const char *const match_f_egid[] = { "egid", NULL };
static const char *const match_f_gid_egid[] = { "gid", "egid", NULL };
static const char *const match_f_ses[] = { "ses", NULL };
static const char *const match_f_exit[] = { "exit", NULL };
static const char *const match_f_syscall[] = { "syscall", NULL };
static const char *const match_f_arch[] = { "arch", NULL };
static const char *const match_f_comm[] = { "comm", NULL };
static const char *const match_f_exe[] = { "exe", NULL };
static const char *const match_f_name_cwd_path[] = { "name", "cwd", "path", NULL };
static const char *const match_f_hostname_addr[] = { "hostname", "addr", NULL };
static const char *const match_f_key[] = { "key", NULL };
static const char *const match_f_terminal_tty[] = { "terminal", "tty", NULL };
static const char *const match_f_subj_scontext[] = { "subj", "scontext", NULL };
static const char *const match_f_obj_tcontext[] = { "obj", "tcontext", NULL };
static const char *const match_f_subj_scontext_obj_tcontext[] = { "subj", "scontext", "obj",
					    "tcontext", NULL };
static const char *const match_f_uuid_vm_uuid[] = { "uuid", "vm-uuid", NULL };
static const char *const match_f_vm_vm_name[] = { "vm", "vm-name", NULL };

/* Fields whose unquoted values are hex-encoded strings. */
static bool match_is_encoded(const char *name, size_t len)
{
	static const char *const enc[] = { "comm", "exe", "name", "cwd",
		"key", "path", "proctitle", "cmd", "acct", "old", "new",
		"ocomm", NULL };

	for (size_t i = 0; enc[i]; i++)
		if (strlen(enc[i]) == len && !memcmp(enc[i], name, len))
			return true;
	return false;
}

static void match_add_num(struct match *m, const struct ausearch_num *n,
			  enum match_num_kind kind, const char *const *fields)
{
	if (!n->set || m->nnums >= MATCH_MAX)
		return;
	m->nums[m->nnums++] = (struct match_num){ n->v, kind, fields };
}

static void match_add_str(struct match *m, const char *s,
			  const char *const *fields)
{
	static const char digits[] = "0123456789ABCDEF";
	struct match_str *e;

	if (!s || m->nstrs >= MATCH_MAX)
		return;
	e = &m->strs[m->nstrs++];
	e->needle = s;
	e->len = strlen(s);
	e->fields = fields;
	e->hexlen = 0;
	for (size_t i = 0; i < e->len && e->hexlen + 2 < MATCH_HEX_MAX; i++) {
		e->hex[e->hexlen++] = digits[(unsigned char)s[i] >> 4];
		e->hex[e->hexlen++] = digits[(unsigned char)s[i] & 15];
	}
}

int match_new(const struct ausearch_opts *o, struct match **ret)
{
	struct match *m = calloc(1, sizeof(*m));

	if (!m)
		return -ENOMEM;
	m->o = o;
	match_add_num(m, &o->pid, MATCH_DEC, match_f_pid);
	match_add_num(m, &o->ppid, MATCH_DEC, match_f_ppid);
	match_add_num(m, &o->uid, MATCH_ID32, match_f_uid);
	match_add_num(m, &o->euid, MATCH_ID32, match_f_euid);
	match_add_num(m, &o->auid, MATCH_ID32, match_f_auid);
	match_add_num(m, &o->uid_all, MATCH_ID32, match_f_uid_euid_auid);
	match_add_num(m, &o->gid, MATCH_ID32, match_f_gid);
	match_add_num(m, &o->egid, MATCH_ID32, match_f_egid);
	match_add_num(m, &o->gid_all, MATCH_ID32, match_f_gid_egid);
	match_add_num(m, &o->session, MATCH_ID32, match_f_ses);
	match_add_num(m, &o->exit, MATCH_SIGNED, match_f_exit);
	match_add_num(m, &o->syscall, MATCH_DEC, match_f_syscall);
	match_add_num(m, &o->arch, MATCH_HEX, match_f_arch);
	if (o->syscall_named && !o->arch.set) {
		struct ausearch_num host = { true,
			(int64_t)machine_audit_arch(machine_host()) };

		match_add_num(m, &host, MATCH_HEX, match_f_arch);
	}
	match_add_str(m, o->comm, match_f_comm);
	match_add_str(m, o->exe, match_f_exe);
	match_add_str(m, o->file, match_f_name_cwd_path);
	match_add_str(m, o->host, match_f_hostname_addr);
	match_add_str(m, o->key, match_f_key);
	match_add_str(m, o->terminal, match_f_terminal_tty);
	match_add_str(m, o->subject, match_f_subj_scontext);
	match_add_str(m, o->object, match_f_obj_tcontext);
	match_add_str(m, o->context, match_f_subj_scontext_obj_tcontext);
	match_add_str(m, o->uuid, match_f_uuid_vm_uuid);
	match_add_str(m, o->vm, match_f_vm_vm_name);
	*ret = m;
	return 0;
}

void match_free(struct match *m)
{
	free(m);
}

static bool match_num_value(const struct match_num *n,
			    const struct record_field *f)
{
	uint64_t u;
	int64_t s;

	switch (n->kind) {
	case MATCH_HEX:
		return record_value_u64(f->value, f->value_len, 16, &u) == 0 &&
		       (int64_t)u == n->v;
	case MATCH_SIGNED:
		return record_value_i64(f->value, f->value_len, &s) == 0 &&
		       s == n->v;
	case MATCH_ID32:
		if (record_value_u64(f->value, f->value_len, 10, &u) < 0)
			return false;
		return n->v < 0 ? u == (uint32_t)n->v : (int64_t)u == n->v;
	default:
		return record_value_u64(f->value, f->value_len, 10, &u) == 0 &&
		       (int64_t)u == n->v;
	}
}

/* Whether a string (len bytes) holds the needle, or with -w equals it. */
static bool match_text(const struct match *m, const struct match_str *s,
		       const char *v, size_t len)
{
	if (m->o->word)
		return len == s->len && !memcmp(v, s->needle, len);
	return s->len == 0 || (len >= s->len && memmem(v, len, s->needle,
							s->len));
}

/* A key value: several keys separated by 0x01 after decoding. */
static bool match_text_list(const struct match *m, const struct match_str *s,
			    const char *v, size_t len)
{
	const char *end = v + len;

	while (v <= end) {
		const char *sep = memchr(v, 1, (size_t)(end - v));
		size_t n = sep ? (size_t)(sep - v) : (size_t)(end - v);

		if (match_text(m, s, v, n))
			return true;
		if (!sep)
			break;
		v = sep + 1;
	}
	return false;
}

static bool match_str_value(const struct match *m, const struct match_str *s,
			    const struct record_field *f)
{
	char buf[4096];
	size_t n;

	if (f->kind == RECORD_VALUE_NULL || f->kind == RECORD_VALUE_NONE)
		return false;
	if (f->kind == RECORD_VALUE_PLAIN && record_value_is_hex(f) &&
	    match_is_encoded(f->name, f->name_len)) {
		n = record_hex_decode(f->value, f->value_len, buf, sizeof(buf));
		if (n >= sizeof(buf))
			n = sizeof(buf) - 1;
		return match_text_list(m, s, buf, n);
	}
	return match_text_list(m, s, f->value, f->value_len);
}

/* Record types the reference does not parse for criteria: their fields
 * never match (its --debug says "Unparsed type"). */
static bool match_type_parsed(int type)
{
	static const int unparsed[] = { 1209, 1304, 1316, 1336, 1418, 1419,
		1500, 1501, 1502, 1503, 1504, 1505, 1506, 1507, 1703, 1806,
		1807 };

	for (size_t i = 0; i < sizeof(unparsed) / sizeof(unparsed[0]); i++)
		if (unparsed[i] == type)
			return false;
	return true;
}

/* The last field of r named one of names (a later field overwrites an
 * earlier one in the reference, e.g. the uid inside a user message's
 * msg='...'). Fields are walked once per name. */
static bool match_last(const struct record *r, const char *name,
		       struct record_field *ret)
{
	struct record_cursor c;
	struct record_field f;
	size_t len = strlen(name);
	bool found = false;

	record_cursor_init(&c, r);
	while (record_next_field(&c, &f))
		if (f.name_len == len && !memcmp(f.name, name, len)) {
			*ret = f;
			found = true;
		}
	return found;
}

/* The reference reads the uid of an anomaly record (ANOM_*, 1700-1799)
 * from the first "uid=" in its text, which in "auid=1000 uid=0" is the
 * auid's value: -ui matches what it reads. */
static bool match_anom_uid(const struct record *r, struct record_field *ret)
{
	const char *p = memmem(r->body, r->body_len, "uid=", 4);
	const char *end = r->body + r->body_len;

	if (!p)
		return false;
	ret->name = p;
	ret->name_len = 3;
	ret->value = p + 4;
	ret->value_len = 0;
	while (ret->value + ret->value_len < end &&
	       ret->value[ret->value_len] != ' ')
		ret->value_len++;
	ret->kind = RECORD_VALUE_PLAIN;
	return true;
}

static bool match_field(const struct record *r, const char *name,
			struct record_field *ret)
{
	if (r->type >= 1700 && r->type < 1800 && !strcmp(name, "uid"))
		return match_anom_uid(r, ret);
	return match_last(r, name, ret);
}

static bool match_num_event(const struct match_num *n, const struct event *ev)
{
	struct record_field f;

	for (size_t i = 0; i < ev->count; i++) {
		if (!match_type_parsed(ev->records[i].type))
			continue;
		for (size_t k = 0; n->fields[k]; k++)
			if (match_field(&ev->records[i], n->fields[k], &f) &&
			    match_num_value(n, &f))
				return true;
	}
	return false;
}

static bool match_str_event(const struct match *m, const struct match_str *s,
			    const struct event *ev)
{
	struct record_field f;

	for (size_t i = 0; i < ev->count; i++) {
		if (!match_type_parsed(ev->records[i].type))
			continue;
		for (size_t k = 0; s->fields[k]; k++)
			if (match_last(&ev->records[i], s->fields[k], &f) &&
			    match_str_value(m, s, &f))
				return true;
	}
	return false;
}

/* The cheap test: the needle (or its hex form) is somewhere in the
 * event's lines. */
static bool match_str_maybe(const struct match_str *s, const struct event *ev)
{
	if (s->len == 0)
		return true;
	for (size_t i = 0; i < ev->count; i++) {
		const struct record *r = &ev->records[i];

		if (memmem(r->body, r->body_len, s->needle, s->len) ||
		    (s->hexlen && memmem(r->body, r->body_len, s->hex,
					 s->hexlen)))
			return true;
	}
	return false;
}

static bool match_types(const struct ausearch_opts *o, const struct event *ev)
{
	if (o->all_types || o->ntypes == 0)
		return true;
	for (size_t i = 0; i < ev->count; i++)
		for (size_t t = 0; t < o->ntypes; t++)
			if (ev->records[i].type == o->types[t])
				return true;
	return false;
}

static bool match_nodes(const struct ausearch_opts *o, const struct event *ev)
{
	if (o->nnodes == 0)
		return true;
	if (!ev->node)
		return false;
	for (size_t i = 0; i < o->nnodes; i++)
		if (strlen(o->nodes[i]) == ev->node_len &&
		    !memcmp(o->nodes[i], ev->node, ev->node_len))
			return true;
	return false;
}

/* A record's success: success=yes/no, res=success/1 or failed/0, or an
 * AVC's "denied" (no) or "granted" (yes). -1 when it has none. */
static int match_record_success(const struct record *r)
{
	struct record_field f;

	if (r->type == 1400 || r->type == 1107) {	/* AVC, USER_AVC */
		if (memmem(r->body, r->body_len, "denied", 6))
			return 0;
		if (memmem(r->body, r->body_len, "granted", 7))
			return 1;
	}
	if (match_last(r, "success", &f))
		return f.value_len == 3 && !memcmp(f.value, "yes", 3);
	if (match_last(r, "res", &f))
		return (f.value_len == 7 && !memcmp(f.value, "success", 7)) ||
		       (f.value_len == 1 && f.value[0] == '1');
	return -1;
}

static bool match_success(const struct ausearch_opts *o,
			  const struct event *ev)
{
	for (size_t i = 0; i < ev->count; i++) {
		int s;

		if (!match_type_parsed(ev->records[i].type))
			continue;
		s = match_record_success(&ev->records[i]);
		if (s >= 0 && s == o->success)
			return true;
	}
	return false;
}

/* Events the reference cannot parse and skips whatever the criteria: a
 * SYSCALL record without arch, an AVC record not starting with "avc:". */
bool match_parsable(const struct event *ev)
{
	for (size_t i = 0; i < ev->count; i++) {
		const struct record *r = &ev->records[i];

		if (r->type == 1300 && !memmem(r->body, r->body_len, "arch=", 5))
			return false;
		if (r->type == 1400 && (r->body_len < 4 ||
					memcmp(r->body, "avc:", 4)))
			return false;
	}
	return true;
}

bool match_event(struct match *m, const struct event *ev)
{
	const struct ausearch_opts *o = m->o;

	if (o->event_id.set && ev->serial != (uint64_t)o->event_id.v)
		return false;
	if (!timespec_in_range(o->has_start ? &o->start : NULL,
			       o->has_end ? &o->end : NULL, ev->sec))
		return false;
	if (!match_nodes(o, ev) || !match_types(o, ev))
		return false;
	for (size_t i = 0; i < m->nstrs; i++)
		if (!match_str_maybe(&m->strs[i], ev))
			return false;
	for (size_t i = 0; i < m->nnums; i++)
		if (!match_num_event(&m->nums[i], ev))
			return false;
	for (size_t i = 0; i < m->nstrs; i++)
		if (!match_str_event(m, &m->strs[i], ev))
			return false;
	if (o->success >= 0 && !match_success(o, ev))
		return false;
	return true;
}
