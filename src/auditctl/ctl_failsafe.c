/*
 * ctl_failsafe: the guard in front of `auditctl -f 2`.
 *
 * Failure mode 2 makes the kernel panic on the next lost record. Set while
 * records are already being lost, it reboots the machine at once: that is
 * the outage this guard exists for. Before -f 2 is sent from the command
 * line, the kernel's status is sampled twice, c->failsafe_sample_ms apart.
 * If the lost counter rose, or the backlog stood above 90% of
 * backlog_limit, the request is refused with the numbers seen, unless
 * --force was given. Otherwise, at a terminal, a one-line warning says
 * what mode 2 means and the request proceeds. Rules files (-R, as loaded
 * at boot by augenrules) are not checked: their -f 2 is a deliberate,
 * reviewed configuration, and boot must not depend on a timing sample.
 */
#include <time.h>
#include "ctl.h"
#include "exitcodes.h"
#include "netlink.h"
#include "status.h"

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0)
		;
}

static bool backlog_near_limit(const struct audit_status *s)
{
	return s->backlog_limit && (uint64_t)s->backlog * 10 > (uint64_t)s->backlog_limit * 9;
}

static int refuse(struct ctl *c, const struct audit_status *a,
		  const struct audit_status *b)
{
	fprintf(c->err,
		"Refusing to set failure mode 2 (panic): the kernel is losing audit "
		"events now (lost %u -> %u in %d ms, backlog %u of %u); with mode 2 "
		"the next lost event panics and reboots this machine. Fix the loss "
		"first, or use --force to set it anyway.\n",
		a->lost, b->lost, c->failsafe_sample_ms, b->backlog, b->backlog_limit);
	return AUDITCTL_EXIT_ERROR;
}

int ctl_failsafe_check(struct ctl *c)
{
	struct audit_status a, b;
	struct netlink *nl;
	int ret;

	if (c->in_rules_file)
		return 0;
	if ((ret = ctl_netlink(c, &nl)))
		return ret;
	if ((ret = status_get(nl, &a, NULL)) < 0)
		return ctl_kernel_error(c, "Error sending status request", ret);
	sleep_ms(c->failsafe_sample_ms);
	if ((ret = status_get(nl, &b, NULL)) < 0)
		return ctl_kernel_error(c, "Error sending status request", ret);
	if (b.lost != a.lost || backlog_near_limit(&a) || backlog_near_limit(&b)) {
		if (!c->force)
			return refuse(c, &a, &b);
		fprintf(c->err, "Warning: setting failure mode 2 while the kernel is "
			"losing events (--force): the next lost event panics this machine\n");
		return 0;
	}
	if (c->interactive)
		fprintf(c->err, "Warning: failure mode 2 panics and reboots this "
			"machine whenever an audit event is lost\n");
	return 0;
}
