/*
 * format: one record -> one log line (see format.h for the format).
 *
 * RAW is a few memcpys: the node prefix and type name are prepared once
 * per type, the payload is copied and its newlines turned into spaces in
 * place. ENRICHED then walks the payload's fields once (lib/interpret's
 * cursor), asks interpret for the kinds it knows, and appends the
 * interpretations; the only memory it touches besides out is the object's
 * scratch buffer for one value and interpret's uid/gid name cache.
 *
 * Output goes through a bounded writer that counts what did not fit, so
 * format_record can tell its caller the length the line needs.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/netlink.h>
#include "encode.h"
#include "sink.h"
#include "format.h"
#include "interpret.h"
#include "tables.h"

#define SEPARATOR '\x1d'	/* between the raw text and its interpretation */

/* The daemon's own record types (libaudit's, not in linux/audit.h). */
enum { FIRST_DAEMON = 1200, LAST_DAEMON = 1299 };

struct format {
	enum conf_format fmt;
	char *node;		/* "node=NAME " or NULL */
	size_t node_len;
	struct interp_names *names;
	char *scratch;		/* one interpreted value */
	size_t scratch_cap;
};

int format_new(enum conf_format fmt, const char *node, struct format **ret)
{
	struct format *f = calloc(1, sizeof(*f));

	if (!f)
		return -ENOMEM;
	f->fmt = fmt;
	f->scratch_cap = 1024;
	f->scratch = malloc(f->scratch_cap);
	if (!f->scratch || interp_names_new(&f->names) < 0)
		goto fail;
	if (node) {
		f->node_len = strlen(node) + 6;
		f->node = malloc(f->node_len + 1);
		if (!f->node)
			goto fail;
		snprintf(f->node, f->node_len + 1, "node=%s ", node);
	}
	*ret = f;
	return 0;
fail:
	format_free(f);
	return -ENOMEM;
}

void format_free(struct format *f)
{
	if (!f)
		return;
	interp_names_free(f->names);
	free(f->scratch);
	free(f->node);
	free(f);
}

bool format_skips(uint16_t type)
{
	switch (type) {
	case NLMSG_NOOP:
	case NLMSG_ERROR:
	case NLMSG_DONE:
	case AUDIT_GET:
	case AUDIT_SIGNAL_INFO:
	case AUDIT_LIST_RULES:
	case AUDIT_EOE:
		return true;
	default:
		return type >= FIRST_DAEMON && type <= LAST_DAEMON;
	}
}

/* Copy n bytes with every newline as a space. */
static void line_put_spaced(struct sink *l, const char *p, size_t n)
{
	size_t start = l->len, stored;
	char *nl, *end;

	sink_put(l, p, n);
	stored = start < l->cap ? (l->cap - start < n ? l->cap - start : n) : 0;
	end = l->out + start + stored;
	for (nl = l->out + start; nl < end; nl++) {
		nl = memchr(nl, '\n', (size_t)(end - nl));
		if (!nl)
			break;
		*nl = ' ';
	}
}

static void line_raw(const struct format *f, struct sink *l, uint16_t type,
		     const char *payload, size_t len)
{
	const char *name = table_name(&table_msgtype, type);
	char unknown[32];

	if (!name) {
		snprintf(unknown, sizeof(unknown), "UNKNOWN[%u]", type);
		name = unknown;
	}
	if (f->node)
		sink_put(l, f->node, f->node_len);
	sink_put(l, "type=", 5);
	sink_put(l, name, strlen(name));
	sink_put(l, " msg=", 5);
	/* Without a node the reference drops one trailing blank. */
	if (!f->node && len > 0 &&
	    (payload[len - 1] == ' ' || payload[len - 1] == '\n'))
		len--;
	line_put_spaced(l, payload, len);
}

/* Interpret one value into f->scratch, growing it if needed. The length,
 * or 0 when memory ran out (the field is then left out). */
static size_t format_value(struct format *f, const struct interp_context *ctx,
			   enum interp_kind kind, const struct interp_field *fd)
{
	size_t n = interp_value(f->names, ctx, kind, fd->value, fd->value_len,
				f->scratch, f->scratch_cap);

	if (n >= f->scratch_cap) {
		char *p = realloc(f->scratch, n + 1);

		if (!p)
			return 0;
		f->scratch = p;
		f->scratch_cap = n + 1;
		n = interp_value(f->names, ctx, kind, fd->value, fd->value_len,
				 f->scratch, f->scratch_cap);
	}
	return n;
}

static void line_name(struct sink *l, const struct interp_field *fd)
{
	size_t i, n = fd->name_len < 63 ? fd->name_len : 63;

	for (i = 0; i < n; i++) {
		char ch = fd->name[i];

		sink_char(l, ch >= 'a' && ch <= 'z' ? (char)(ch - 32) : ch);
	}
	sink_char(l, '=');
}

/* A uid/gid name as the reference encodes it: "name", or hex. */
static void line_encoded(struct sink *l, const char *v, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	if (!encode_needs_hex(v, n)) {
		sink_char(l, '"');
		sink_put(l, v, n);
		sink_char(l, '"');
		return;
	}
	for (i = 0; i < n; i++) {
		sink_char(l, hex[(unsigned char)v[i] >> 4]);
		sink_char(l, hex[(unsigned char)v[i] & 0xf]);
	}
}

static void line_field(struct format *f, struct sink *l,
		       const struct interp_context *ctx, enum interp_kind kind,
		       const struct interp_field *fd, bool first)
{
	size_t n = format_value(f, ctx, kind, fd);

	sink_char(l, first ? SEPARATOR : ' ');
	line_name(l, fd);
	if (kind == INTERP_UID || kind == INTERP_GID) {
		line_encoded(l, f->scratch, n);
		return;
	}
	/* A raw newline here would end the log line: see format.h. */
	for (char *p = f->scratch; (p = memchr(p, '\n', n - (size_t)(p - f->scratch)));)
		*p = ' ';
	sink_put(l, f->scratch, n);
}

static void line_enrich(struct format *f, struct sink *l, uint16_t type,
			const char *payload, size_t len)
{
	struct interp_context ctx;
	struct interp_cursor c;
	struct interp_field fd;
	const char *body;
	size_t blen;
	bool first = true;

	if (interp_body(payload, len, &body, &blen) < 0)
		return;
	interp_context_init(&ctx, type, body, blen);
	interp_cursor_init(&c, body, blen);
	while (interp_next(&c, &fd)) {
		enum interp_kind kind = interp_kind_of(type, fd.name, fd.name_len);

		if (kind == INTERP_NONE)
			continue;
		line_field(f, l, &ctx, kind, &fd, first);
		first = false;
	}
}

size_t format_record(struct format *f, uint16_t type, const char *payload,
		     size_t len, char *out, size_t cap)
{
	struct sink l = { out, cap, 0 };
	const char *nul = memchr(payload, '\0', len);

	if (nul)
		len = (size_t)(nul - payload);
	line_raw(f, &l, type, payload, len);
	if (f->fmt == CONF_FORMAT_ENRICHED)
		line_enrich(f, &l, type, payload, len);
	sink_char(&l, '\n');
	return l.len;
}

static int node_copy(const char *name, char *buf, size_t len)
{
	if (strlen(name) >= len)
		return -ENAMETOOLONG;
	strcpy(buf, name);
	return 0;
}

/* Resolve the host name: its canonical name, or its first address. */
static int node_resolve(bool numeric, char *buf, size_t len)
{
	struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *ai;
	char host[256], addr[INET6_ADDRSTRLEN];
	int rc;

	if (gethostname(host, sizeof(host)) < 0)
		return -errno;
	host[sizeof(host) - 1] = '\0';
	hints.ai_flags = AI_ADDRCONFIG | (numeric ? AI_PASSIVE : AI_CANONNAME);
	if (getaddrinfo(host, NULL, &hints, &ai) != 0)
		return -ENOENT;
	if (numeric) {
		const void *a = ai->ai_family == AF_INET ?
			(const void *)&((struct sockaddr_in *)ai->ai_addr)->sin_addr :
			(const void *)&((struct sockaddr_in6 *)ai->ai_addr)->sin6_addr;

		rc = inet_ntop(ai->ai_family, a, addr, sizeof(addr)) ?
			node_copy(addr, buf, len) : -ENOENT;
	} else {
		rc = ai->ai_canonname ? node_copy(ai->ai_canonname, buf, len) : -ENOENT;
	}
	freeaddrinfo(ai);
	return rc;
}

int format_node_name(enum conf_node nf, const char *user_name, char *buf,
		     size_t len)
{
	char host[256];

	if (len == 0)
		return -ENAMETOOLONG;
	switch (nf) {
	case CONF_NODE_NONE:
		buf[0] = '\0';
		return 0;
	case CONF_NODE_HOSTNAME:
		if (gethostname(host, sizeof(host)) < 0)
			return -errno;
		host[sizeof(host) - 1] = '\0';
		return node_copy(host, buf, len);
	case CONF_NODE_USER:
		if (!user_name || !*user_name)
			return -EINVAL;
		return node_copy(user_name, buf, len);
	case CONF_NODE_FQD:
		return node_resolve(false, buf, len);
	case CONF_NODE_NUMERIC:
		return node_resolve(true, buf, len);
	}
	return -EINVAL;
}
