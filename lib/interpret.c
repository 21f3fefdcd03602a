/*
 * interpret: field values -> text (see interpret.h for the model).
 *
 * Values are (pointer, length) slices of the record; numbers are read the
 * way the reference reads them with strtoul (leading blanks, a sign, "0x"
 * in base 16, digits up to the first other byte, ERANGE past 64 bits,
 * "-N" wrapping), then narrowed as the reference narrows them (uids and
 * syscalls to int, arch to 32 bits), so odd values print as the
 * reference prints them: uid=-2 is "unknown(-2)", uid=abc is "root".
 *
 * Output goes through a small sink that counts what it could not store,
 * so callers learn the full length and can grow their buffer.
 *
 * The name cache is an open-addressed table of uids and gids with the
 * answer of the last lookup, good for a time (names can appear and go);
 * a full neighbourhood evicts its first slot. The reference keeps a
 * 19-entry LRU per kind and asks again for ids without a name.
 */
#include <errno.h>
#include <grp.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <linux/audit.h>
#include "interpret.h"
#include "interpret_int.h"
#include "tables.h"

/* User-space record types (libaudit's, not in linux/audit.h). */
enum {
	TYPE_ADD_GROUP = 1116,
	TYPE_DEL_GROUP = 1117,
	TYPE_GRP_MGMT = 1132,
};

/* ---- output sink ---- */

/* Whether mode puts a backslash before c (a printable byte). */
static bool sink_needs_backslash(enum interp_escape mode, unsigned char c)
{
	switch (mode) {
	case INTERP_ESC_SHELL:
		return c && strchr(" !\"$'()\\`|", c);
	case INTERP_ESC_SHELL_QUOTE:
		return c && strchr(" !\"#$&'()*;<>?[\\]`{|}", c);
	default:
		return false;
	}
}

static void sink_escape(struct interp_sink *s, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		char buf[5];

		if (c < 0x20) {
			buf[0] = '\\';
			buf[1] = (char)('0' + (c >> 6));
			buf[2] = (char)('0' + ((c >> 3) & 7));
			buf[3] = (char)('0' + (c & 7));
			sink_put(&s->b, buf, 4);
		} else if (sink_needs_backslash(s->esc, c)) {
			buf[0] = '\\';
			buf[1] = (char)c;
			sink_put(&s->b, buf, 2);
		} else {
			sink_put(&s->b, (const char *)&p[i], 1);
		}
	}
}

void interp_sink_put(struct interp_sink *s, const char *p, size_t n)
{
	if (s->escaping && s->esc != INTERP_ESC_RAW)
		sink_escape(s, p, n);
	else
		sink_put(&s->b, p, n);
}

size_t interp_escape(enum interp_escape mode, const char *p, size_t n,
		     char *out, size_t cap)
{
	struct interp_sink s = { { out, cap, 0 }, true, mode };

	interp_sink_put(&s, p, n);
	return interp_sink_end(&s);
}

void interp_sink_str(struct interp_sink *s, const char *p)
{
	interp_sink_put(s, p, strlen(p));
}

void interp_sink_char(struct interp_sink *s, char ch)
{
	interp_sink_put(s, &ch, 1);
}

void interp_sink_printf(struct interp_sink *s, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > 0)
		interp_sink_put(s, buf, (size_t)n < sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

size_t interp_sink_end(struct interp_sink *s)
{
	return sink_end(&s->b);
}

void interp_sink_wrapped(struct interp_sink *s, const char *prefix,
			 const char *v, size_t vlen, const char *suffix)
{
	interp_sink_str(s, prefix);
	interp_sink_put(s, v, vlen);
	interp_sink_str(s, suffix);
}

/* ---- fields ---- */

void interp_cursor_init(struct interp_cursor *c, const char *body, size_t len)
{
	c->p = body;
	c->end = body + len;
	c->index = 0;
}

/* One space-separated word into *f; false when it is not a field. */
static bool interp_word(const char *w, size_t n, struct interp_field *f)
{
	const char *eq;

	if (n >= 5 && memcmp(w, "msg='", 5) == 0) {
		w += 5;
		n -= 5;
	}
	eq = memchr(w, '=', n);
	if (!eq || eq == w || eq == w + n - 1)
		return false;
	f->name = w;
	f->name_len = (size_t)(eq - w);
	f->value = eq + 1;
	f->value_len = n - f->name_len - 1;
	if (f->value[f->value_len - 1] == '\'')
		f->value_len--;
	return true;
}

/* Words end at a space or a newline: the reference's daemon turns
 * newlines into spaces before it reads the fields. */
static const char *word_end(const char *p, const char *end)
{
	while (p < end && *p != ' ' && *p != '\n')
		p++;
	return p;
}

bool interp_next(struct interp_cursor *c, struct interp_field *ret)
{
	while (c->p < c->end) {
		const char *w = c->p, *e = word_end(w, c->end);
		size_t n = (size_t)(e - w);

		c->p = e < c->end ? e + 1 : c->end;
		if (n > 0 && interp_word(w, n, ret)) {
			ret->index = ++c->index;
			return true;
		}
	}
	return false;
}

int interp_body(const char *payload, size_t len, const char **ret_body,
		size_t *ret_len)
{
	const char *sp, *close;
	size_t word;

	if (len < 6 || memcmp(payload, "audit(", 6) != 0)
		return -EINVAL;
	sp = word_end(payload, payload + len);
	word = (size_t)(sp - payload);
	if (sp == payload + len)
		sp = NULL;
	close = memchr(payload, ')', word);
	if (!close || close + 1 >= payload + word || close[1] != ':')
		return -EINVAL;
	*ret_body = sp ? sp + 1 : payload + len;
	*ret_len = sp ? len - word - 1 : 0;
	return 0;
}

/* ---- numbers, as strtoul reads them ---- */

int interp_digit(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return 99;
}

static int digit_value(char ch)
{
	return interp_digit(ch);
}

static bool is_blank(char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

/* Where the digits start after blanks, sign and prefix; base resolved. */
static size_t number_start(const char *s, size_t n, unsigned *base, bool *neg)
{
	size_t i = 0;

	while (i < n && is_blank(s[i]))
		i++;
	*neg = false;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		*neg = s[i++] == '-';
	if ((*base == 16 || *base == 0) && i + 2 < n && s[i] == '0' &&
	    (s[i + 1] == 'x' || s[i + 1] == 'X') && digit_value(s[i + 2]) < 16) {
		*base = 16;
		return i + 2;
	}
	if (*base == 0)
		*base = i < n && s[i] == '0' ? 8 : 10;
	return i;
}

int interp_strtoul(const char *s, size_t n, unsigned base, uint64_t *ret,
		   bool *ret_digits)
{
	bool neg, over = false;
	size_t i = number_start(s, n, &base, &neg), first = i;
	uint64_t v = 0;

	for (; i < n && (unsigned)digit_value(s[i]) < base; i++) {
		unsigned d = (unsigned)digit_value(s[i]);

		if (v > (UINT64_MAX - d) / base)
			over = true;
		v = v * base + d;
	}
	if (ret_digits)
		*ret_digits = i > first;
	if (over)
		return -ERANGE;
	*ret = neg ? (uint64_t)0 - v : v;
	return 0;
}

int interp_strtol(const char *s, size_t n, unsigned base, int64_t *ret)
{
	bool neg;
	size_t i = number_start(s, n, &base, &neg);
	uint64_t v = 0, lim = neg ? (uint64_t)INT64_MAX + 1 : INT64_MAX;
	bool over = false;

	for (; i < n && (unsigned)digit_value(s[i]) < base; i++) {
		unsigned d = (unsigned)digit_value(s[i]);

		if (v > (lim - d) / base)
			over = true;
		else
			v = v * base + d;
	}
	if (over)
		return -ERANGE;
	*ret = neg ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

/* 0 and *ret, or -ERANGE past 64 bits. No digits reads as 0. */
static int parse_ulong(const char *s, size_t n, unsigned base, uint64_t *ret)
{
	return interp_strtoul(s, n, base, ret, NULL);
}

bool interp_name_is(const char *n, size_t len, const char *name)
{
	size_t k = strlen(name);

	return len == k && memcmp(n, name, k) == 0;
}

/* ---- machines ---- */

/* The arch values the reference names (its machine table), and the
 * machine whose syscall table we have, if any. */
static const struct {
	uint32_t arch;
	const char *name;
	int machine;
} arch_names[] = {
	{ AUDIT_ARCH_X86_64, "x86_64", MACHINE_X86_64 },
	{ AUDIT_ARCH_I386, "i386", MACHINE_I386 },
	{ AUDIT_ARCH_AARCH64, "aarch64", MACHINE_AARCH64 },
	{ AUDIT_ARCH_ARM, "armeb", MACHINE_ARM },
	{ AUDIT_ARCH_PPC, "ppc", MACHINE_UNKNOWN },
	{ AUDIT_ARCH_PPC64, "ppc64", MACHINE_UNKNOWN },
	{ AUDIT_ARCH_PPC64LE, "ppc64le", MACHINE_UNKNOWN },
	{ AUDIT_ARCH_S390, "s390", MACHINE_UNKNOWN },
	{ AUDIT_ARCH_S390X, "s390x", MACHINE_UNKNOWN },
};

static int arch_find(uint32_t arch)
{
	size_t i;

	for (i = 0; i < sizeof(arch_names) / sizeof(arch_names[0]); i++) {
		if (arch_names[i].arch == arch)
			return (int)i;
	}
	return -1;
}

static bool field_is(const struct interp_field *f, const char *name)
{
	size_t n = strlen(name);

	return f->name_len == n && memcmp(f->name, name, n) == 0;
}

static void context_field(struct interp_context *ctx,
			  const struct interp_field *f, bool *arch_first)
{
	uint64_t v;

	if (f->index == 1 && field_is(f, "arch")) {
		*arch_first = true;
		if (parse_ulong(f->value, f->value_len, 16, &v) == 0) {
			int i = arch_find((uint32_t)v);

			if (i >= 0) {
				ctx->machine = arch_names[i].machine;
				ctx->machine_name = arch_names[i].name;
			}
		}
	} else if (f->index == 2 && *arch_first && field_is(f, "syscall")) {
		if (parse_ulong(f->value, f->value_len, 10, &v) == 0)
			ctx->syscall = (int)v;
	} else if (f->index == 5 && field_is(f, "a0")) {
		if (parse_ulong(f->value, f->value_len, 16, &v) == 0) {
			ctx->have_a0 = true;
			ctx->a0 = v;
		}
	}
}

void interp_context_init(struct interp_context *ret, uint16_t type,
			 const char *body, size_t len)
{
	struct interp_cursor c;
	struct interp_field f;
	bool arch_first = false;

	ret->type = type;
	ret->machine = MACHINE_UNKNOWN;
	ret->machine_name = NULL;
	ret->syscall = -1;
	ret->have_a0 = false;
	ret->a0 = 0;
	ret->search = false;
	memset(ret->args, 0, sizeof(ret->args));
	if (type != AUDIT_SYSCALL)
		return;
	interp_cursor_init(&c, body, len);
	while (interp_next(&c, &f) && f.index <= 5)
		context_field(ret, &f, &arch_first);
}

static void context_arch(struct interp_context *ctx, const char *v, size_t n)
{
	uint64_t u;
	int i;

	if (parse_ulong(v, n, 16, &u) < 0)
		return;
	i = arch_find((uint32_t)u);
	if (i >= 0) {
		ctx->machine = arch_names[i].machine;
		ctx->machine_name = arch_names[i].name;
	}
}

/* One field of a SYSCALL or SECCOMP record; *seen marks what is set. */
static void context_search_field(struct interp_context *ctx,
				 const struct interp_field *f, unsigned *seen)
{
	static const char *const args[] = { "a0", "a1", "a2", "a3" };
	uint64_t v;
	unsigned i;

	if (!(*seen & 1) && field_is(f, "arch")) {
		*seen |= 1;
		context_arch(ctx, f->value, f->value_len);
	} else if (!(*seen & 2) && field_is(f, "syscall")) {
		*seen |= 2;
		if (parse_ulong(f->value, f->value_len, 10, &v) == 0)
			ctx->syscall = (int)v;
	}
	for (i = 0; i < 4 && ctx->type == AUDIT_SYSCALL; i++) {
		if (!(*seen & (4u << i)) && field_is(f, args[i])) {
			*seen |= 4u << i;
			if (parse_ulong(f->value, f->value_len, 16, &v) == 0)
				ctx->args[i] = v;
		}
	}
}

void interp_context_init_search(struct interp_context *ret, uint16_t type,
				const char *body, size_t len)
{
	struct interp_cursor c;
	struct interp_field f;
	unsigned seen = 0;

	memset(ret, 0, sizeof(*ret));
	ret->type = type;
	ret->search = true;
	ret->machine = MACHINE_UNKNOWN;
	ret->machine_name = NULL;
	ret->syscall = 0;
	if (type != AUDIT_SYSCALL && type != AUDIT_SECCOMP)
		return;
	interp_cursor_init(&c, body, len);
	while (interp_next(&c, &f))
		context_search_field(ret, &f, &seen);
	ret->have_a0 = (seen & 4) != 0;
	ret->a0 = ret->args[0];
}

/* ---- which fields ---- */

static const struct {
	const char *name;
	enum interp_kind kind;
} field_kinds[] = {
	{ "auid", INTERP_UID }, { "uid", INTERP_UID }, { "euid", INTERP_UID },
	{ "suid", INTERP_UID }, { "fsuid", INTERP_UID }, { "ouid", INTERP_UID },
	{ "oauid", INTERP_UID }, { "old-auid", INTERP_UID },
	{ "iuid", INTERP_UID }, { "id", INTERP_UID },
	{ "inode_uid", INTERP_UID }, { "sauid", INTERP_UID },
	{ "obj_uid", INTERP_UID },
	{ "obj_gid", INTERP_GID }, { "gid", INTERP_GID }, { "egid", INTERP_GID },
	{ "sgid", INTERP_GID }, { "fsgid", INTERP_GID }, { "ogid", INTERP_GID },
	{ "igid", INTERP_GID }, { "inode_gid", INTERP_GID },
	{ "new_gid", INTERP_GID },
	{ "syscall", INTERP_SYSCALL }, { "arch", INTERP_ARCH },
	{ "saddr", INTERP_SOCKADDR },
};

enum interp_kind interp_kind_of(uint16_t type, const char *name,
				size_t name_len)
{
	struct interp_field f = { .name = name, .name_len = name_len };
	size_t i;

	/* Only names of 2..9 bytes are interpreted; most fields are not. */
	if (name_len < 2 || name_len > 9)
		return INTERP_NONE;
	if (field_is(&f, "saddr") &&
	    (type == AUDIT_AVC || type == AUDIT_NETFILTER_PKT))
		return INTERP_NONE;
	if (field_is(&f, "id") && (type == TYPE_ADD_GROUP ||
	    type == TYPE_DEL_GROUP || type == TYPE_GRP_MGMT))
		return INTERP_GID;
	for (i = 0; i < sizeof(field_kinds) / sizeof(field_kinds[0]); i++) {
		if (field_is(&f, field_kinds[i].name))
			return field_kinds[i].kind;
	}
	return INTERP_NONE;
}

/* ---- uid/gid names ---- */

#define NAMES_SLOTS 1024	/* power of two */
#define NAMES_PROBE 8
#define NAMES_BUF 16384		/* getpwuid_r/getgrgid_r scratch */

struct names_slot {
	time_t at;		/* 0 = empty */
	uint32_t id;
	bool gid;
	bool found;
	char name[64];		/* the reference prints at most 63 bytes */
};

struct interp_names {
	unsigned ttl;
	bool protos_loaded;
	char *protos[256];	/* /etc/protocols names, NULL if none */
	struct names_slot slots[NAMES_SLOTS];
	char buf[NAMES_BUF];
};

int interp_names_new(struct interp_names **ret)
{
	struct interp_names *n = calloc(1, sizeof(*n));

	if (!n)
		return -ENOMEM;
	n->ttl = 60;
	*ret = n;
	return 0;
}

void interp_names_free(struct interp_names *n)
{
	if (!n)
		return;
	for (size_t i = 0; i < 256; i++)
		free(n->protos[i]);
	free(n);
}

/* Protocol names change rarely: read all 256 once. */
static void protos_load(struct interp_names *n)
{
	struct protoent pe, *pp;

	n->protos_loaded = true;
	for (int i = 0; i < 256; i++) {
		if (getprotobynumber_r(i, &pe, n->buf, sizeof(n->buf), &pp) == 0 && pp)
			n->protos[i] = strdup(pp->p_name);
	}
}

const char *interp_proto_name(struct interp_names *n, unsigned proto)
{
	if (!n || proto > 255)
		return NULL;
	if (!n->protos_loaded)
		protos_load(n);
	return n->protos[proto];
}

void interp_names_set_ttl(struct interp_names *n, unsigned seconds)
{
	n->ttl = seconds;
}

static void names_fetch(struct interp_names *n, struct names_slot *s)
{
	const char *name = NULL;
	struct passwd pw, *pwp = NULL;
	struct group gr, *grp = NULL;

	if (s->gid) {
		if (getgrgid_r(s->id, &gr, n->buf, sizeof(n->buf), &grp) == 0 && grp)
			name = grp->gr_name;
	} else if (getpwuid_r(s->id, &pw, n->buf, sizeof(n->buf), &pwp) == 0 && pwp) {
		name = pwp->pw_name;
	}
	s->found = name != NULL;
	if (name)
		snprintf(s->name, sizeof(s->name), "%s", name);
}

/* The name of id, or NULL when it has none. Borrowed until the next call. */
static const char *names_get(struct interp_names *n, uint32_t id, bool gid)
{
	uint32_t h = (id * 2654435761u) ^ (gid ? 0x9e37u : 0);
	time_t now = time(NULL);
	struct names_slot *s = NULL;
	unsigned i;

	for (i = 0; i < NAMES_PROBE; i++) {
		struct names_slot *t = &n->slots[(h + i) & (NAMES_SLOTS - 1)];

		if (t->at && t->id == id && t->gid == gid) {
			if (now - t->at < (time_t)n->ttl)
				return t->found ? t->name : NULL;
			s = t;
			break;
		}
		if (!t->at && !s)
			s = t;
	}
	if (!s)
		s = &n->slots[h & (NAMES_SLOTS - 1)];
	s->id = id;
	s->gid = gid;
	s->at = now ? now : 1;
	names_fetch(n, s);
	return s->found ? s->name : NULL;
}

void interp_print_id(struct interp_names *n, bool gid, const char *v,
		     size_t vlen, struct interp_sink *s)
{
	uint64_t u;
	int id;
	const char *name;

	if (parse_ulong(v, vlen, 10, &u) < 0) {
		interp_sink_str(s, "conversion error(");
		interp_sink_put(s, v, vlen);
		interp_sink_str(s, ")");
		return;
	}
	id = (int)(uint32_t)u;
	if (id == -1) {
		interp_sink_str(s, "unset");
		return;
	}
	if (id == 0) {
		interp_sink_str(s, "root");
		return;
	}
	name = n ? names_get(n, (uint32_t)id, gid) : NULL;
	if (name)
		interp_sink_str(s, name);
	else
		interp_sink_printf(s, "unknown(%d)", id);
}

/* ---- arch and syscall ---- */

static void print_arch(const struct interp_context *ctx, const char *v,
		       size_t vlen, struct interp_sink *s)
{
	uint64_t u;
	int i;

	if (ctx->machine_name) {
		interp_sink_str(s, ctx->machine_name);
		return;
	}
	if (parse_ulong(v, vlen, 16, &u) < 0) {
		interp_sink_str(s, "conversion error(");
		interp_sink_put(s, v, vlen);
		interp_sink_str(s, ") ");
		return;
	}
	i = arch_find((uint32_t)u);
	if (i >= 0) {
		interp_sink_str(s, arch_names[i].name);
		return;
	}
	interp_sink_str(s, "unknown-elf-type(");
	interp_sink_put(s, v, vlen);
	interp_sink_str(s, ")");
}

static const char *const socketcalls[] = {
	NULL, "socket", "bind", "connect", "listen", "accept", "getsockname",
	"getpeername", "socketpair", "send", "recv", "sendto", "recvfrom",
	"shutdown", "setsockopt", "getsockopt", "sendmsg", "recvmsg",
	"accept4", "recvmmsg", "sendmmsg",
};

static const char *ipc_call(uint64_t op)
{
	static const char *const low[] = {
		NULL, "semop", "semget", "semctl", "semtimedop",
	};
	static const char *const msg[] = { "msgsnd", "msgrcv", "msgget", "msgctl" };
	static const char *const shm[] = { "shmat", "shmdt", "shmget", "shmctl" };

	if (op < 5)
		return low[op];
	if (op >= 11 && op <= 14)
		return msg[op - 11];
	if (op >= 21 && op <= 24)
		return shm[op - 21];
	return NULL;
}

/* The socketcall or ipc operation in a0, or NULL. */
static const char *multiplexed_call(const char *sys, const struct interp_context *ctx)
{
	if (!ctx->have_a0 || (uint64_t)(int64_t)(int)ctx->a0 != ctx->a0)
		return NULL;
	if (strcmp(sys, "socketcall") == 0)
		return ctx->a0 < sizeof(socketcalls) / sizeof(socketcalls[0]) ?
			socketcalls[ctx->a0] : NULL;
	if (strcmp(sys, "ipc") == 0)
		return ipc_call(ctx->a0);
	return NULL;
}

const char *interp_syscall_name(const struct interp_context *ctx, int nr)
{
	const struct table *t = NULL;

	if (ctx->machine >= 0)
		t = machine_syscalls((enum machine)ctx->machine);
	else if (!ctx->machine_name)
		t = machine_syscalls(machine_host());
	return t ? table_name(t, nr) : NULL;
}

static void print_syscall(const struct interp_context *ctx, const char *v,
			  size_t vlen, struct interp_sink *s)
{
	const char *sys, *op;
	int nr = ctx->syscall;

	(void)v;
	(void)vlen;
	sys = interp_syscall_name(ctx, nr);
	if (!sys) {
		interp_sink_printf(s, "unknown-syscall(%d)", nr);
		return;
	}
	interp_sink_str(s, sys);
	op = multiplexed_call(sys, ctx);
	if (op)
		interp_sink_printf(s, "(%s)", op);
}

/* ---- socket addresses ---- */

#define SADDR_MAX 4608		/* decoded bytes kept; kernel ones are <= 128 */

struct saddr {
	unsigned char b[SADDR_MAX + 1];	/* zero past the decoded bytes */
	size_t slen;			/* the reference's length: value bytes / 2 */
	uint16_t family;
};

/* Decode like the reference: the leading hex digits two by two (a lone
 * last digit is its high nibble), or a "(...)" word as its own bytes.
 * false when there is nothing to decode. */
static bool saddr_decode(const char *v, size_t vlen, struct saddr *a)
{
	size_t n = 0, i;

	memset(a, 0, sizeof(*a));
	if (vlen > 0 && v[0] == '(') {
		const char *close = memchr(v, ')', vlen);

		if (!close)
			return false;
		n = (size_t)(close - v) + 1;
		memcpy(a->b, v, n < SADDR_MAX ? n : SADDR_MAX);
	} else {
		while (n < vlen && digit_value(v[n]) < 16)
			n++;
		if (n < 2)
			return false;
		for (i = 0; i < n && i / 2 < SADDR_MAX; i += 2) {
			int hi = digit_value(v[i]);
			int lo = i + 1 < n ? digit_value(v[i + 1]) : 0;

			a->b[i / 2] = (unsigned char)(hi << 4 | lo);
		}
	}
	a->slen = vlen / 2;
	memcpy(&a->family, a->b, sizeof(a->family));
	return true;
}

static void saddr_inet(const struct saddr *a, const char *fam, struct interp_sink *s)
{
	struct sockaddr_storage ss;
	char host[NI_MAXHOST], serv[NI_MAXSERV];
	socklen_t len = a->family == AF_INET ? sizeof(struct sockaddr_in) :
			sizeof(struct sockaddr_in6);

	if (a->slen < len) {
		interp_sink_printf(s, "{ saddr_fam=%s %s len too short }", fam,
			    a->family == AF_INET ? "sockaddr" : "sockaddr6");
		return;
	}
	memcpy(&ss, a->b, len);
	if (getnameinfo((struct sockaddr *)&ss, len, host, sizeof(host), serv,
			sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) == 0)
		interp_sink_printf(s, "{ saddr_fam=%s laddr=%s lport=%s }", fam, host, serv);
	else
		interp_sink_printf(s, "{ saddr_fam=%s (error resolving addr) }", fam);
}

static void saddr_local(const struct saddr *a, struct interp_sink *s)
{
	const char *path = (const char *)a->b + 2;

	if (a->slen < 4) {
		interp_sink_str(s, "{ saddr_fam=local sockaddr len too short }");
		return;
	}
	interp_sink_str(s, "{ saddr_fam=local path=");
	if (path[0])
		interp_sink_str(s, path);
	else
		interp_sink_put(s, path + 1, strnlen(path + 1, 108));
	interp_sink_str(s, " }");
}

/* Seven call-sign bytes printed as characters; the reference's text ends
 * at a NUL among them (its closing brace is lost with it). */
static void saddr_ax25(const struct saddr *a, struct interp_sink *s)
{
	size_t n = strnlen((const char *)a->b + 2, 7);

	interp_sink_str(s, "{ saddr_fam=ax25 call=");
	interp_sink_put(s, (const char *)a->b + 2, n);
	if (n == 7)
		interp_sink_str(s, " }");
}

static void saddr_netlink(const struct saddr *a, struct interp_sink *s)
{
	uint32_t pid;

	if (a->slen < 12) {
		interp_sink_str(s, "{ saddr_fam=netlink len too short }");
		return;
	}
	memcpy(&pid, a->b + 4, sizeof(pid));
	interp_sink_printf(s, "{ saddr_fam=netlink nlnk-fam=%u nlnk-pid=%u }",
		    a->family, pid);
}

static void print_sockaddr(const char *v, size_t vlen, struct interp_sink *s)
{
	struct saddr a;		/* 4.6 KB of stack */
	const char *fam;
	int16_t itf;

	if (!saddr_decode(v, vlen, &a)) {
		interp_sink_str(s, "malformed-host(");
		interp_sink_put(s, v, vlen);
		interp_sink_str(s, ")");
		return;
	}
	fam = table_name(&table_sockfam, a.family);
	if (!fam) {
		interp_sink_printf(s, "unknown-family(%d)", a.family);
		return;
	}
	switch (a.family) {
	case AF_LOCAL:
		saddr_local(&a, s);
		break;
	case AF_INET:
	case AF_INET6:
		saddr_inet(&a, fam, s);
		break;
	case AF_AX25:
		saddr_ax25(&a, s);
		break;
	case AF_ATMPVC:
		memcpy(&itf, a.b + 4, sizeof(itf));
		interp_sink_printf(s, "{ saddr_fam=%s int=%d }", fam, itf);
		break;
	case AF_X25:
		interp_sink_printf(s, "{ saddr_fam=%s laddr=%.15s }", fam, (const char *)a.b + 2);
		break;
	case AF_NETLINK:
		saddr_netlink(&a, s);
		break;
	default:
		interp_sink_printf(s, "{ saddr_fam=%s (unsupported) }", fam);
		break;
	}
}

void interp_print_kind(struct interp_names *names,
		       const struct interp_context *ctx, enum interp_kind kind,
		       const char *value, size_t vlen, struct interp_sink *s)
{
	switch (kind) {
	case INTERP_UID:
	case INTERP_GID:
		interp_print_id(names, kind == INTERP_GID, value, vlen, s);
		break;
	case INTERP_ARCH:
		print_arch(ctx, value, vlen, s);
		break;
	case INTERP_SYSCALL:
		print_syscall(ctx, value, vlen, s);
		break;
	case INTERP_SOCKADDR:
		print_sockaddr(value, vlen, s);
		break;
	case INTERP_NONE:
		interp_sink_put(s, value, vlen);
		break;
	default:
		interp_print_value(names, ctx, kind, value, vlen, s);
		break;
	}
}

size_t interp_value(struct interp_names *names,
		    const struct interp_context *ctx, enum interp_kind kind,
		    const char *value, size_t vlen, char *out, size_t cap)
{
	struct interp_sink s = { { out, cap, 0 }, false, INTERP_ESC_RAW };

	interp_print_kind(names, ctx, kind, value, vlen, &s);
	return interp_sink_end(&s);
}
