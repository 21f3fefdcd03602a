/*
 * auditctl: control the kernel's audit system. main() only wires the
 * real world (stdout, stderr, the netlink socket, the host machine) into
 * a struct ctl and runs the command line through ctl_line().
 */
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>
#include "ctl.h"
#include "exitcodes.h"
#include "netlink.h"

/* Root, or a process holding CAP_AUDIT_CONTROL in its effective set. */
static bool may_control_audit(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (geteuid() == 0)
		return true;
	if (syscall(SYS_capget, &h, d) < 0)
		return false;
	return d[CAP_AUDIT_CONTROL / 32].effective & (1u << (CAP_AUDIT_CONTROL % 32));
}

int main(int argc, char **argv)
{
	struct ctl c = {
		.open_netlink = netlink_open,
		.host = machine_host(),
		.out = stdout,
		.err = stderr,
		.interactive = isatty(STDIN_FILENO) || isatty(STDERR_FILENO),
		.failsafe_sample_ms = 500,
	};
	int ret;

	if (argc < 2) {
		ctl_usage(stdout);
		return AUDITCTL_EXIT_FAIL;
	}
	/* As the reference: help for anyone, everything else needs rights. */
	if (strcmp(argv[1], "-h") && !may_control_audit()) {
		fprintf(stderr, "You must be root to run this program.\n");
		return AUDITCTL_EXIT_NOT_ROOT;
	}
	ret = ctl_line(&c, argc, argv);
	if (c.nl)
		netlink_close(c.nl);
	return ret;
}
