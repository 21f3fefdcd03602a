/*
 * ctl_message: -m TEXT. The text travels as an AUDIT_USER message in the
 * form every user-space audit message has, so searches and reports treat
 * it like any other: text=TEXT exe="PATH" hostname=H addr=? terminal=T
 * res=success. With a terminal on stdin, hostname and terminal name it;
 * without one both are "?", as with the reference.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "ctl.h"
#include "encode.h"
#include "exitcodes.h"
#include "netlink.h"
#include "status.h"

static void exe_field(char *buf)
{
	char path[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", path, sizeof(path) - 1);

	if (n <= 0) {
		strcpy(buf, "?");
		return;
	}
	encode_value(path, (size_t)n, buf);
}

int ctl_message_send(struct ctl *c, const char *text)
{
	char exe[2 * PATH_MAX + 3], host[HOST_NAME_MAX + 1] = "?";
	const char *tty = ttyname(STDIN_FILENO), *term = "?";
	struct netlink *nl;
	char *msg;
	int ret;

	if (tty) {
		term = strncmp(tty, "/dev/", 5) == 0 ? tty + 5 : tty;
		if (gethostname(host, sizeof(host)) < 0 || !host[0])
			strcpy(host, "?");
		host[sizeof(host) - 1] = '\0';
	}
	exe_field(exe);
	if (asprintf(&msg, "text=%s exe=%s hostname=%s addr=? terminal=%s res=success",
		     text, exe, host, term) < 0) {
		fprintf(c->err, "Out of memory\n");
		return AUDITCTL_EXIT_ERROR;
	}
	if ((ret = ctl_netlink(c, &nl)) == 0) {
		ret = status_user_message(nl, AUDIT_USER, msg);
		if (ret < 0)
			ret = ctl_kernel_error(c, "Error sending user message", ret);
	}
	free(msg);
	return ret;
}
