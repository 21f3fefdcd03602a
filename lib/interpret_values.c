/*
 * interpret_values: the printers of single field values for ausearch -i
 * (exit codes, strings, modes, permissions, capability sets, signals,
 * netfilter fields, ...), each the way the reference prints it.
 *
 * Every printer reads its number as the reference does, with strtoul in
 * the field's base (decimal, octal for modes, hex for flags), so values
 * the kernel never writes still print as the reference prints them:
 * perm=abc reads as 0 and prints "read,write,exec,attr". Names come from
 * lib/tables; the few sets of two to eight names live here.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "interpret_int.h"

struct name_num {
	uint64_t num;
	const char *name;
};

static const char *small_name(const struct name_num *t, size_t n, uint64_t v)
{
	for (size_t i = 0; i < n; i++) {
		if (t[i].num == v)
			return t[i].name;
	}
	return NULL;
}

#define SMALL_NAME(t, v) small_name((t), sizeof(t) / sizeof((t)[0]), (v))

static uint64_t read_u(const char *v, size_t n, unsigned base)
{
	uint64_t u = 0;

	if (interp_strtoul(v, n, base, &u, NULL) < 0)
		u = UINT64_MAX;	/* strtoul's ULONG_MAX on overflow */
	return u;
}

/* name, or prefix(raw value) when name is NULL. */
static void name_or(struct interp_sink *s, const char *name, const char *prefix,
		    const char *v, size_t n)
{
	if (name)
		interp_sink_str(s, name);
	else
		interp_sink_wrapped(s, prefix, v, n, ")");
}

/* ---- exit ---- */

static void print_exit(const char *v, size_t n, struct interp_sink *s)
{
	int64_t e;
	int errnum;
	char buf[128];
	const char *name;

	if (n == 0 || v[0] != '-') {
		interp_sink_put(s, v, n);
		return;
	}
	if (interp_strtol(v, n, 10, &e) < 0) {
		interp_sink_wrapped(s, "conversion error(", v, n, ")");
		return;
	}
	if (e >= 0) {
		interp_sink_put(s, v, n);
		return;
	}
	/* The reference negates into an int: -4294967298 is ENOENT, -2^63
	 * "(null)(Success)", -2147483649 "Unknown error -2147483647". */
	errnum = (int)(uint32_t)(0 - (uint64_t)e);
	name = errnum > 0 ? table_name(&table_errno, errnum) : NULL;
	interp_sink_printf(s, "%s(%s)", name ? name : "(null)",
			   strerror_r(errnum, buf, sizeof(buf)));
}

/* ---- escaped strings ---- */

enum esc_mode { ESC_CSTRING, ESC_PROCTITLE, ESC_KEY };

struct esc {
	enum esc_mode mode;
	bool stopped;		/* a NUL ended a C string */
};

/* One decoded byte as ausearch prints it: control bytes as \ooo (the
 * sink's escape mode decides when it has one); a NUL
 * ends a string (a space between proctitle's arguments); \x01 separates
 * keys. */
static void esc_byte(struct interp_sink *s, struct esc *e, unsigned char c)
{
	if (e->stopped)
		return;
	if (c == 0) {
		if (e->mode == ESC_PROCTITLE)
			interp_sink_char(s, ' ');
		else
			e->stopped = true;
	} else if (c == 1 && e->mode == ESC_KEY) {
		/* the separator is not part of a value: never escaped */
		bool escaping = s->escaping;

		s->escaping = false;
		interp_sink_str(s, " key=");
		s->escaping = escaping;
	} else if (c < 0x20 && !s->escaping) {
		/* with an escaping sink, the sink escapes it (or not: raw) */
		interp_sink_printf(s, "\\%03o", c);
	} else {
		interp_sink_char(s, (char)c);
	}
}

static void esc_text(struct interp_sink *s, struct esc *e, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		esc_byte(s, e, (unsigned char)p[i]);
}

/* The value as written, from v (the "00" skip undone). */
static void esc_raw(struct interp_sink *s, const char *v, size_t n)
{
	interp_sink_put(s, v, n);
}

/*
 * The reference's decoding of a kernel string: "..." is the text between
 * the quotes (" " when the closing quote is missing); a value starting
 * "00" loses those two digits; "(...)" is kept as it is; otherwise the
 * leading run of hex digits, two by two (a lone last digit is the high
 * nibble). Fewer than two digits: the value as written.
 */
static void print_escaped_mode(const char *v, size_t n, enum esc_mode mode,
			       struct interp_sink *s)
{
	struct esc e = { mode, false };
	const char *p = v, *close;
	size_t m = n, run = 0, i;

	if (n > 0 && v[0] == '"') {
		close = memchr(v + 1, '"', n - 1);
		if (!close)
			interp_sink_char(s, ' ');
		else
			esc_text(s, &e, v + 1, (size_t)(close - v - 1));
		return;
	}
	if (m >= 2 && p[0] == '0' && p[1] == '0') {
		p += 2;
		m -= 2;
	}
	if (m > 0 && p[0] == '(') {
		close = memchr(p, ')', m);
		if (close)
			interp_sink_put(s, p, (size_t)(close - p) + 1);
		else
			esc_raw(s, v, n);
		return;
	}
	while (run < m && interp_digit(p[run]) < 16)
		run++;
	if (run < 2) {
		esc_raw(s, v, n);
		return;
	}
	for (i = 0; i < run && !e.stopped; i += 2) {
		int lo = i + 1 < run ? interp_digit(p[i + 1]) : 0;

		esc_byte(s, &e, (unsigned char)(interp_digit(p[i]) << 4 | lo));
	}
}

/* ---- permissions and modes ---- */

static void print_perm(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num bits[] = {
		{ 4, "read" }, { 2, "write" }, { 1, "exec" }, { 8, "attr" },
	};
	uint64_t u = read_u(v, n, 10);
	bool first = true;

	/* 0 means every permission, as in a watch rule. */
	if (u == 0)
		u = 15;
	for (size_t i = 0; i < 4; i++) {
		if (u & bits[i].num) {
			interp_sink_str(s, first ? "" : ",");
			interp_sink_str(s, bits[i].name);
			first = false;
		}
	}
	(void)v;
	(void)n;
}

static const struct name_num file_types[] = {
	{ S_IFREG, "file" }, { S_IFDIR, "dir" }, { S_IFLNK, "link" },
	{ S_IFCHR, "character" }, { S_IFBLK, "block" }, { S_IFIFO, "fifo" },
	{ S_IFSOCK, "socket" },
};

static void put_special_bits(uint64_t mode, struct interp_sink *s)
{
	if (mode & S_ISUID)
		interp_sink_str(s, "suid,");
	if (mode & S_ISGID)
		interp_sink_str(s, "sgid,");
	if (mode & S_ISVTX)
		interp_sink_str(s, "sticky,");
}

void interp_print_mode(const char *v, size_t vlen, unsigned base,
		       struct interp_sink *s)
{
	uint64_t mode = 0;
	const char *name;

	/* The reference prints 0 when strtoul fails (ERANGE). */
	if (interp_strtoul(v, vlen, base, &mode, NULL) < 0)
		mode = 0;
	name = SMALL_NAME(file_types, mode & S_IFMT);
	if (name)
		interp_sink_printf(s, "%s,", name);
	else
		interp_sink_printf(s, "%03o,", (unsigned)((mode & S_IFMT) >> 12));
	put_special_bits(mode, s);
	interp_sink_printf(s, "%03o", (unsigned)(mode & 0777));
}

void interp_print_mode_short(uint64_t mode, struct interp_sink *s)
{
	put_special_bits(mode, s);
	interp_sink_printf(s, "0%03o", (unsigned)(mode & 0777));
}

/* ---- flag sets ---- */

void interp_print_open_flags(uint64_t v, struct interp_sink *s)
{
	bool printed = false;

	/* The access mode is two bits; 3 prints both names. */
	if ((v & 3) == 0) {
		interp_sink_str(s, "O_RDONLY");
		printed = true;
	}
	interp_flags(s, &table_open_flag, v, "|", &printed);
}

static void print_mmap_flags(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u = read_u(v, n, 16);
	bool printed = false;

	/* MAP_FILE (0) names an empty mapping type (the low 4 bits). */
	if ((u & 0xf) == 0) {
		interp_sink_str(s, "MAP_FILE");
		printed = true;
	}
	interp_flags(s, &table_mmap_flag, u, "|", &printed);
	if (!printed)
		interp_sink_wrapped(s, "0x", v, n, "");
}

static void print_lookup_flags(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num bits[] = {
		{ 0x1, "follow" }, { 0x2, "directory" }, { 0x4, "continue" },
		{ 0x10, "parent" }, { 0x20, "noalt" }, { 0x40, "atomic" },
		{ 0x100, "open" }, { 0x200, "create" }, { 0x400, "access" },
	};
	uint64_t u = read_u(v, n, 16);
	bool first = true;

	if (u == 0) {
		interp_sink_str(s, "none");
		return;
	}
	for (size_t i = 0; i < sizeof(bits) / sizeof(bits[0]); i++) {
		if (u & bits[i].num) {
			interp_sink_str(s, first ? "" : ",");
			interp_sink_str(s, bits[i].name);
			first = false;
		}
	}
	if (first)
		interp_sink_wrapped(s, "0x", v, n, "");
}

static void print_cap_bitmap(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u = read_u(v, n, 16);
	bool first = true;

	if (u == 0) {
		interp_sink_str(s, "none");
		return;
	}
	for (int bit = 0; bit < 64; bit++) {
		const char *name = (u >> bit) & 1 ? table_name(&table_cap, bit) : NULL;

		if (name) {
			interp_sink_str(s, first ? "" : ",");
			interp_sink_str(s, name);
			first = false;
		}
	}
}

/* Table numbers are ints: a flag of bit 31 is written negative and sorts
 * first, so walk the non-negative entries, then the negative ones. */
uint64_t interp_flags(struct interp_sink *s, const struct table *t,
		      uint64_t v, const char *sep, bool *printed)
{
	uint64_t left = v;
	size_t start = 0, i, k;

	while (start < t->count && t->by_number[start].number < 0)
		start++;
	for (k = 0; k < t->count; k++) {
		const struct table_entry *e = &t->by_number[(start + k) % t->count];
		uint64_t bits = (uint32_t)e->number;

		if (bits == 0 || (v & bits) != bits)
			continue;
		/* Aliases share a number: print the canonical name once. */
		i = (start + k) % t->count;
		if (i > 0 && t->by_number[i - 1].number == e->number)
			continue;
		if (*printed)
			interp_sink_str(s, sep);
		interp_sink_str(s, e->name);
		*printed = true;
		left &= ~bits;
	}
	return left;
}

/* ---- single names ---- */

static void print_success(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u;

	/* Only a number is read: res=success stays as written. */
	if (n == 0 || v[0] < '0' || v[0] > '9') {
		interp_sink_put(s, v, n);
		return;
	}
	u = read_u(v, n, 10);
	interp_sink_str(s, u == 0 ? "no" : u == 1 ? "yes" : "unset");
}

static void print_fanotify(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u;

	if (n == 0 || v[0] < '0' || v[0] > '9') {
		interp_sink_put(s, v, n);
		return;
	}
	u = read_u(v, n, 10);
	interp_sink_str(s, u == 1 ? "allow" : u == 2 ? "deny" : "unknown");
}

void interp_print_signal(const char *v, size_t vlen, unsigned base,
			 struct interp_sink *s)
{
	uint64_t u = read_u(v, vlen, base);
	const char *name = u < 32 ? table_name(&table_signal, (int)u) : NULL;

	/* Arguments (base 16) print the unknown value with a 0x. */
	name_or(s, name, base == 16 ? "unknown-signal(0x" : "unknown-signal(", v, vlen);
}

static void print_capability(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u = read_u(v, n, 10);
	const char *name = u < 64 ? table_name(&table_cap, (int)u) : NULL;

	name_or(s, name, "unknown-capability(", v, n);
}

static void print_list(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num lists[] = {
		{ 0, "user" }, { 1, "task" }, { 4, "exit" }, { 5, "exclude" },
		{ 6, "filesystem" },
	};

	name_or(s, SMALL_NAME(lists, read_u(v, n, 10)), "unknown-list(", v, n);
}

static void print_session(const char *v, size_t n, struct interp_sink *s)
{
	if (read_u(v, n, 10) == 4294967295u)
		interp_sink_str(s, "unset");
	else
		interp_sink_put(s, v, n);
}

static void print_nfproto(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num protos[] = {
		{ 0, "unspecified" }, { 1, "inet" }, { 2, "ipv4" }, { 3, "arp" },
		{ 5, "netdev" }, { 7, "bridge" }, { 10, "ipv6" }, { 12, "decnet" },
	};

	name_or(s, SMALL_NAME(protos, read_u(v, n, 10)),
		"unknown-netfilter-protocol(", v, n);
}

static void print_icmptype(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u = read_u(v, n, 10);
	const char *name = u < 256 ? table_name(&table_icmptype, (int)u) : NULL;

	name_or(s, name, "unknown-icmp-type(", v, n);
}

static void print_protocol(struct interp_names *names, const char *v,
			   size_t n, struct interp_sink *s)
{
	uint64_t u = read_u(v, n, 10);
	const char *name = u < 256 ? interp_proto_name(names, (unsigned)u) : NULL;

	interp_sink_str(s, name ? name : "undefined protocol");
}

static void print_personality(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u = read_u(v, n, 16);
	const char *name = table_name(&table_personality, (int)(u & 0xff));

	name_or(s, name, "unknown-personality(0x", v, n);
}

static void print_seccomp(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num actions[] = {
		{ 0x00000000, "kill" }, { 0x00030000, "trap" },
		{ 0x00050000, "errno" }, { 0x7fc00000, "user-notify" },
		{ 0x7ff00000, "trace" }, { 0x7ffc0000, "log" },
		{ 0x7fff0000, "allow" },
	};
	/* KILL_PROCESS (0x80000000) is outside the mask: also "kill". */
	uint64_t u = read_u(v, n, 16) & 0x7fff0000;

	name_or(s, SMALL_NAME(actions, u), "unknown-seccomp-code(", v, n);
}

static void print_hook(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num hooks[] = {
		{ 0, "PREROUTING" }, { 1, "INPUT" }, { 2, "FORWARD" },
		{ 3, "OUTPUT" }, { 4, "POSTROUTING" }, { 5, "BROUTING" },
	};

	name_or(s, SMALL_NAME(hooks, read_u(v, n, 16)), "unknown-hook(", v, n);
}

static void print_netaction(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num actions[] = {
		{ 0, "ACCEPT" }, { 1, "DROP" }, { 2, "REJECT" },
	};

	name_or(s, SMALL_NAME(actions, read_u(v, n, 16)), "unknown-action(", v, n);
}

static void print_macproto(const char *v, size_t n, struct interp_sink *s)
{
	static const struct name_num protos[] = {
		{ 0x0800, "IP" }, { 0x0806, "ARP" },
	};
	const char *name = SMALL_NAME(protos, read_u(v, n, 16));

	interp_sink_str(s, name ? name : "UNKNOWN");
}

static void print_ioctl(const char *v, size_t n, struct interp_sink *s)
{
	uint64_t u = read_u(v, n, 16);
	/* Requests above 2^31 are stored negative (as 32-bit ints). */
	const char *name = u <= UINT32_MAX ?
		table_name(&table_ioctl, (int)(uint32_t)u) : NULL;

	if (name)
		interp_sink_str(s, name);
	else
		interp_sink_printf(s, "0x%x", (unsigned)u);
}

static void print_nlmcgrp(const char *v, size_t n, struct interp_sink *s)
{
	interp_sink_str(s, read_u(v, n, 10) == 1 ? "audit-netlink-multicast" :
			"audit-none");
}

static void print_promisc(const char *v, size_t n, struct interp_sink *s)
{
	interp_sink_str(s, read_u(v, n, 10) == 0 ? "no" : "yes");
}

/* ---- dispatch ---- */

static void print_misc(struct interp_names *names, enum interp_kind kind,
		       const char *v, size_t n, struct interp_sink *s)
{
	switch (kind) {
	case INTERP_PROMISC:	print_promisc(v, n, s); break;
	case INTERP_CAPABILITY:	print_capability(v, n, s); break;
	case INTERP_SUCCESS:	print_success(v, n, s); break;
	case INTERP_SIGNAL:	interp_print_signal(v, n, 10, s); break;
	case INTERP_LIST:	print_list(v, n, s); break;
	case INTERP_TTY_DATA:	interp_print_tty_data(v, n, s); break;
	case INTERP_SESSION:	print_session(v, n, s); break;
	case INTERP_CAP_BITMAP:	print_cap_bitmap(v, n, s); break;
	case INTERP_NFPROTO:	print_nfproto(v, n, s); break;
	case INTERP_ICMPTYPE:	print_icmptype(v, n, s); break;
	case INTERP_PROTOCOL:	print_protocol(names, v, n, s); break;
	case INTERP_PERSONALITY: print_personality(v, n, s); break;
	case INTERP_SECCOMP:	print_seccomp(v, n, s); break;
	case INTERP_HOOK:	print_hook(v, n, s); break;
	case INTERP_NETACTION:	print_netaction(v, n, s); break;
	case INTERP_MACPROTO:	print_macproto(v, n, s); break;
	case INTERP_IOCTL:	print_ioctl(v, n, s); break;
	case INTERP_FANOTIFY:	print_fanotify(v, n, s); break;
	case INTERP_NLMCGRP:	print_nlmcgrp(v, n, s); break;
	default:		interp_sink_put(s, v, n); break;
	}
}

void interp_print_value(struct interp_names *names,
			const struct interp_context *ctx, enum interp_kind kind,
			const char *v, size_t n, struct interp_sink *s)
{
	switch (kind) {
	case INTERP_EXIT:	print_exit(v, n, s); break;
	case INTERP_VERBATIM:	interp_sink_put(s, v, n); break;
	case INTERP_ESCAPED:	print_escaped_mode(v, n, ESC_CSTRING, s); break;
	case INTERP_ESCAPED_KEY: print_escaped_mode(v, n, ESC_KEY, s); break;
	case INTERP_PROCTITLE:	print_escaped_mode(v, n, ESC_PROCTITLE, s); break;
	case INTERP_PERM:	print_perm(v, n, s); break;
	case INTERP_MODE:	interp_print_mode(v, n, 8, s); break;
	case INTERP_MODE_SHORT:	interp_print_mode_short(read_u(v, n, 8), s); break;
	case INTERP_MMAP_FLAGS:	print_mmap_flags(v, n, s); break;
	case INTERP_LOOKUP_FLAGS: print_lookup_flags(v, n, s); break;
	case INTERP_OFLAG:	interp_print_open_flags(read_u(v, n, 16), s); break;
	case INTERP_A0:
	case INTERP_A1:
	case INTERP_A2:
	case INTERP_A3:
		interp_print_arg(names, ctx, (unsigned)(kind - INTERP_A0), v, n, s);
		break;
	default:		print_misc(names, kind, v, n, s); break;
	}
}
