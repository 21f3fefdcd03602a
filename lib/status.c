/* status: placeholder until the transport work lands. */
#include <errno.h>
#include "status.h"
int status_get(struct netlink *nl, struct audit_status *ret, size_t *ret_len) { return -ENOSYS; }
int status_set(struct netlink *nl, const struct audit_status *s) { return -ENOSYS; }
int status_set_enabled(struct netlink *nl, uint32_t v) { return -ENOSYS; }
int status_set_failure(struct netlink *nl, uint32_t v) { return -ENOSYS; }
int status_set_pid(struct netlink *nl, uint32_t v) { return -ENOSYS; }
int status_set_rate_limit(struct netlink *nl, uint32_t v) { return -ENOSYS; }
int status_set_backlog_limit(struct netlink *nl, uint32_t v) { return -ENOSYS; }
int status_set_backlog_wait_time(struct netlink *nl, uint32_t v) { return -ENOSYS; }
int status_reset_lost(struct netlink *nl, uint32_t *ret_lost) { return -ENOSYS; }
int status_reset_backlog_wait_time_actual(struct netlink *nl) { return -ENOSYS; }
int features_get(struct netlink *nl, struct audit_features *ret) { return -ENOSYS; }
int features_set_loginuid_immutable(struct netlink *nl, bool on, bool lock) { return -ENOSYS; }
int status_signal_info(struct netlink *nl, struct status_signal_info *ret) { return -ENOSYS; }
int status_user_message(struct netlink *nl, uint16_t type, const char *text) { return -ENOSYS; }
int status_make_equiv(struct netlink *nl, const char *mount, const char *path) { return -ENOSYS; }
int status_trim(struct netlink *nl) { return -ENOSYS; }
