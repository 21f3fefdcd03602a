/*
 * ctl_rules: the kernel's rule list as auditctl sees it. Sends a built
 * rule (add, prepend or delete), lists rules in the reference's canonical
 * text (-l, -l -k KEY), and deletes all rules or those with one key (-D,
 * -D -k KEY). The list is fetched whole before anything is deleted, since
 * the kernel sends it from a snapshot.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "ctl.h"
#include "exitcodes.h"
#include "netlink.h"
#include "rule.h"

struct rule_blob {
	struct audit_rule_data *data;	/* owned */
	size_t len;
};

struct rule_set {
	struct rule_blob *v;
	size_t n, cap;
};

static void rule_set_free(struct rule_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].data);
	free(s->v);
}

static int collect(const struct nlmsghdr *h, void *userdata)
{
	struct rule_set *s = userdata;
	size_t len = h->nlmsg_len - NLMSG_HDRLEN;

	if (h->nlmsg_type != AUDIT_LIST_RULES || len < sizeof(struct audit_rule_data))
		return 0;
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct rule_blob *v = realloc(s->v, cap * sizeof(*v));
		if (!v)
			return -ENOMEM;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n].data = malloc(len);
	if (!s->v[s->n].data)
		return -ENOMEM;
	memcpy(s->v[s->n].data, NLMSG_DATA(h), len);
	s->v[s->n++].len = len;
	return 0;
}

static int fetch(struct ctl *c, struct rule_set *s)
{
	struct netlink *nl;
	int ret;

	memset(s, 0, sizeof(*s));
	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	ret = netlink_request(nl, AUDIT_LIST_RULES, NULL, 0, NETLINK_MULTI, collect, s);
	if (ret < 0) {
		rule_set_free(s);
		return ctl_kernel_error(c, "Error sending rule list data request", ret);
	}
	return 0;
}

int ctl_rules_list(struct ctl *c, const char *key, bool interpret)
{
	struct rule_set s;
	unsigned flags = interpret ? RULE_FORMAT_INTERPRET : 0;
	int ret;

	if ((ret = fetch(c, &s)))
		return ret;
	for (size_t i = 0; i < s.n; i++) {
		char *text;
		if (key && !rule_has_key(s.v[i].data, s.v[i].len, key))
			continue;
		if (rule_format(s.v[i].data, s.v[i].len, c->host, flags, &text) < 0) {
			fprintf(c->out, "Unknown rule format\n");
			continue;
		}
		fprintf(c->out, "%s\n", text);
		free(text);
	}
	/* An empty list says so; a key that matches nothing says nothing. */
	if (s.n == 0)
		fprintf(c->out, "No rules\n");
	rule_set_free(&s);
	return 0;
}

static const char *rule_errstr(int err)
{
	/* The kernel says EEXIST for a duplicate; the reference names it. */
	return err == -EEXIST ? "Rule exists" : netlink_strerror(err);
}

static int send_blob(struct ctl *c, uint16_t type, const struct audit_rule_data *d, size_t len)
{
	struct netlink *nl;
	int ret;

	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	ret = netlink_request(nl, type, d, len, NETLINK_ACK_ONLY, NULL, NULL);
	if (ret == -EPERM || ret == -EACCES)
		return ctl_kernel_error(c, type == AUDIT_ADD_RULE ?
			"Error sending add rule data request" :
			"Error sending delete rule data request", ret);
	if (ret < 0) {
		fprintf(c->err, "Error sending %s rule data request (%s)\n",
			type == AUDIT_ADD_RULE ? "add" : "delete", rule_errstr(ret));
		return AUDITCTL_EXIT_ERROR;
	}
	return 0;
}

int ctl_rules_delete_all(struct ctl *c, const char *key)
{
	struct rule_set s;
	int ret;

	if ((ret = fetch(c, &s)))
		return ret;
	size_t left = s.n;

	for (size_t i = 0; i < s.n && ret == 0; i++) {
		if (key && !rule_has_key(s.v[i].data, s.v[i].len, key))
			continue;
		ret = send_blob(c, AUDIT_DEL_RULE, s.v[i].data, s.v[i].len);
		left -= ret == 0;
	}
	rule_set_free(&s);
	if (ret == 0 && left == 0)
		fprintf(c->out, "No rules\n");
	return ret;
}

int ctl_rules_send(struct ctl *c, struct rule *r)
{
	struct audit_rule_data *d;
	size_t len;
	int ret;

	if (rule_encode(r, &d, &len) < 0) {
		fprintf(c->err, "%s\n", rule_error(r));
		return AUDITCTL_EXIT_ERROR;
	}
	ret = send_blob(c, rule_op(r) == RULE_OP_DELETE ? AUDIT_DEL_RULE : AUDIT_ADD_RULE,
			d, len);
	free(d);
	return ret;
}
