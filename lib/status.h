/*
 * status: the kernel's audit state over a struct netlink.
 *
 * AUDIT_GET/AUDIT_SET (struct audit_status, every mask bit), the feature
 * bitmap (AUDIT_GET_FEATURE/AUDIT_SET_FEATURE: loginuid_immutable), who
 * last signalled the daemon (AUDIT_SIGNAL_INFO), user messages (AUDIT_USER
 * and friends), and the watch-tree requests AUDIT_MAKE_EQUIV and AUDIT_TRIM.
 * Every function returns 0 or a negative errno and never prints.
 */
#ifndef AUDITKIT_STATUS_H
#define AUDITKIT_STATUS_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <linux/audit.h>

struct netlink;

/* Fill *ret. Older kernels send a shorter struct: missing members are 0,
 * and *ret_len (if not NULL) says how many bytes the kernel sent. */
int status_get(struct netlink *nl, struct audit_status *ret, size_t *ret_len);
/* Send s as it is: s->mask selects the members the kernel applies. */
int status_set(struct netlink *nl, const struct audit_status *s);

/* One member each: mask bit and value. */
int status_set_enabled(struct netlink *nl, uint32_t enabled);
int status_set_failure(struct netlink *nl, uint32_t failure);
int status_set_pid(struct netlink *nl, uint32_t pid);
int status_set_rate_limit(struct netlink *nl, uint32_t rate);
int status_set_backlog_limit(struct netlink *nl, uint32_t limit);
int status_set_backlog_wait_time(struct netlink *nl, uint32_t wait);
/* Reset lost to 0; *ret_lost (if not NULL) gets the value before reset,
 * as the kernel reports it in its reply. */
int status_reset_lost(struct netlink *nl, uint32_t *ret_lost);
/* Reset backlog_wait_time_actual to 0 (the old value is not kept). */
int status_reset_backlog_wait_time_actual(struct netlink *nl, uint32_t *ret_old);

int features_get(struct netlink *nl, struct audit_features *ret);
/* Set (or clear) loginuid_immutable; lock makes it permanent. */
int features_set_loginuid_immutable(struct netlink *nl, bool on, bool lock);

struct status_signal_info {
	uint32_t uid;
	pid_t pid;
	char ctx[256];		/* security context, "" when none */
};
int status_signal_info(struct netlink *nl, struct status_signal_info *ret);

/* A user-space message of the given type (AUDIT_USER etc.), text as is. */
int status_user_message(struct netlink *nl, uint16_t type, const char *text);
/* AUDIT_MAKE_EQUIV: the trees watched at or below tree_path also cover
 * the mounts at mount_path (the kernel's "old" and "new"). */
int status_make_equiv(struct netlink *nl, const char *tree_path,
		      const char *mount_path);
int status_trim(struct netlink *nl);

#endif
