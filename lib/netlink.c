/* netlink: placeholder until the transport work lands. */
#include <errno.h>
#include "netlink.h"
int netlink_open(struct netlink **ret) { return -ENOSYS; }
int netlink_open_ops(const struct netlink_ops *ops, void *ctx, struct netlink **ret) { return -ENOSYS; }
void netlink_close(struct netlink *nl) { }
int netlink_fd(const struct netlink *nl) { return -1; }
void netlink_set_timeout(struct netlink *nl, int timeout_ms) { }
int netlink_request(struct netlink *nl, uint16_t type, const void *data, size_t len,
		    enum netlink_expect expect, netlink_reply_fn fn, void *userdata) { return -ENOSYS; }
const char *netlink_strerror(int err) { return "not implemented"; }
