/*
 * ctl_status: auditctl's view of the kernel's audit state. Prints the
 * status block (-s, and after every setting), parses and applies the
 * settings -b -e -f -r --backlog_wait_time, the two counter resets,
 * --loginuid-immutable and --signal. Messages and exit statuses are the
 * reference's; -f 2 first passes the failsafe check (ctl_failsafe.c).
 */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "ctl.h"
#include "exitcodes.h"
#include "netlink.h"
#include "status.h"

static const char *enabled_word(uint32_t v)
{
	switch (v) {
	case 0: return "disable";
	case 1: return "enabled";
	case 2: return "locked";
	}
	return NULL;
}

static const char *failure_word(uint32_t v)
{
	switch (v) {
	case 0: return "silent";
	case 1: return "printk";
	case 2: return "panic";
	}
	return NULL;
}

static void print_word(FILE *f, const char *name, uint32_t v, const char *word)
{
	if (word)
		fprintf(f, "%s %s\n", name, word);
	else
		fprintf(f, "%s %u\n", name, v);
}

static void print_features(struct ctl *c, struct netlink *nl)
{
	struct audit_features f;
	uint32_t bit = AUDIT_FEATURE_TO_MASK(AUDIT_FEATURE_LOGINUID_IMMUTABLE);

	/* Kernels before 3.15 have no features: the line is left out. */
	if (features_get(nl, &f) < 0)
		return;
	fprintf(c->out, "loginuid_immutable %u %s\n", !!(f.features & bit),
		(f.lock & bit) ? "locked" : "unlocked");
}

int ctl_status_print(struct ctl *c, bool interpret, bool features)
{
	struct audit_status s;
	struct netlink *nl;
	int ret;

	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	if ((ret = status_get(nl, &s, NULL)) < 0)
		return ctl_kernel_error(c, "Error sending status request", ret);
	print_word(c->out, "enabled", s.enabled, interpret ? enabled_word(s.enabled) : NULL);
	print_word(c->out, "failure", s.failure, interpret ? failure_word(s.failure) : NULL);
	fprintf(c->out, "pid %u\nrate_limit %u\nbacklog_limit %u\nlost %u\n"
		"backlog %u\nbacklog_wait_time %u\nbacklog_wait_time_actual %u\n",
		s.pid, s.rate_limit, s.backlog_limit, s.lost, s.backlog,
		s.backlog_wait_time, s.backlog_wait_time_actual);
	if (features)
		print_features(c, nl);
	return 0;
}

/* A setting's value: digits (0x hex as strtoul reads it), fitting 32 bits. */
static int parse_u32(struct ctl *c, const char *what, const char *text, uint32_t *ret)
{
	unsigned long long v;
	char *end;

	if (text[0] < '0' || text[0] > '9') {
		fprintf(c->err, "%s must be a numeric value was %s\n", what, text);
		return AUDITCTL_EXIT_ERROR;
	}
	errno = 0;
	v = strtoull(text, &end, 0);
	if (*end) {
		fprintf(c->err, "%s must be a numeric value was %s\n", what, text);
		return AUDITCTL_EXIT_ERROR;
	}
	if (errno == ERANGE || v > UINT32_MAX) {
		fprintf(c->err, "Error converting %c%s\n", what[0] + 'a' - 'A', what + 1);
		return AUDITCTL_EXIT_ERROR;
	}
	*ret = (uint32_t)v;
	return 0;
}

static int parse_012(struct ctl *c, const char *what, const char *text, uint32_t *ret)
{
	if ((text[0] != '0' && text[0] != '1' && text[0] != '2') || text[1]) {
		fprintf(c->err, "%s must be 0, 1, or 2 was %s\n", what, text);
		return AUDITCTL_EXIT_ERROR;
	}
	*ret = (uint32_t)(text[0] - '0');
	return 0;
}

/* option: 'b' backlog, 'e' enabled, 'f' failure, 'r' rate, 'w' wait time. */
int ctl_status_set(struct ctl *c, int option, const char *value)
{
	struct netlink *nl;
	uint32_t v;
	int ret, err = 0;

	switch (option) {
	case 'b': ret = parse_u32(c, "Backlog", value, &v); break;
	case 'r': ret = parse_u32(c, "Rate", value, &v); break;
	case 'w': ret = parse_u32(c, "Backlog_wait_time", value, &v); break;
	case 'e': ret = parse_012(c, "Enable", value, &v); break;
	default: ret = parse_012(c, "Failure", value, &v); break;
	}
	if (ret)
		return ret;
	if (option == 'f' && v == 2 && (ret = ctl_failsafe_check(c)))
		return ret;
	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	switch (option) {
	case 'b': err = status_set_backlog_limit(nl, v); break;
	case 'r': err = status_set_rate_limit(nl, v); break;
	case 'w': err = status_set_backlog_wait_time(nl, v); break;
	case 'e': err = status_set_enabled(nl, v); break;
	case 'f': err = status_set_failure(nl, v); break;
	}
	if (err == 0)
		return 0;
	switch (option) {
	case 'e': return ctl_kernel_error(c, "Error sending enable request", err);
	case 'f': return ctl_kernel_error(c, "Error sending failure mode request", err);
	case 'r': return ctl_kernel_error(c, "Error sending rate limit request", err);
	}
	/* The reference words both backlog settings so. */
	return ctl_kernel_error(c, "Error sending backlog limit request", err);
}

int ctl_status_reset_lost(struct ctl *c)
{
	struct netlink *nl;
	uint32_t lost = 0;
	int ret;

	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	if ((ret = status_reset_lost(nl, &lost)) < 0)
		return ctl_kernel_error(c, "Error sending lost reset request", ret);
	fprintf(c->err, "lost: %u\n", lost);
	return 0;
}

int ctl_status_reset_wait_actual(struct ctl *c)
{
	struct netlink *nl;
	uint32_t old = 0;
	int ret;

	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	if ((ret = status_reset_backlog_wait_time_actual(nl, &old)) < 0)
		return ctl_kernel_error(c, "Error sending backlog_wait_time_actual reset request", ret);
	fprintf(c->err, "backlog_wait_time_actual: %u\n", old);
	return 0;
}

int ctl_status_loginuid_immutable(struct ctl *c)
{
	struct netlink *nl;
	int ret;

	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	if ((ret = features_set_loginuid_immutable(nl, true, true)) < 0)
		return ctl_kernel_error(c, "Error setting loginuid_immutable", ret);
	return 0;
}

/* The daemon's signals by the names the reference takes, SIG prefix too. */
static int signal_number(const char *name)
{
	static const struct { const char *name; int sig; } sigs[] = {
		{ "TERM", SIGTERM }, { "HUP", SIGHUP }, { "USR1", SIGUSR1 },
		{ "USR2", SIGUSR2 }, { "CONT", SIGCONT },
	};
	if (strncasecmp(name, "SIG", 3) == 0)
		name += 3;
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (strcasecmp(name, sigs[i].name) == 0)
			return sigs[i].sig;
	return -1;
}

int ctl_status_signal(struct ctl *c, const char *name)
{
	struct audit_status s;
	struct netlink *nl;
	int sig = signal_number(name), ret;

	if (sig < 0) {
		fprintf(c->err, "%s is an unsupported signal\n", name);
		return AUDITCTL_EXIT_ERROR;
	}
	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	if ((ret = status_get(nl, &s, NULL)) < 0)
		return ctl_kernel_error(c, "Error sending status request", ret);
	if (s.pid == 0) {
		fprintf(c->out, "Auditd is not running\n");
		return 0;
	}
	if (kill((pid_t)s.pid, sig) < 0) {
		fprintf(c->err, "Error sending signal %s to auditd pid %u (%s)\n",
			name, s.pid, strerror(errno));
		return AUDITCTL_EXIT_ERROR;
	}
	return 0;
}
