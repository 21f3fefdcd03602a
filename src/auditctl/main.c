/*
 * auditctl: control the kernel's audit system. main() only wires the
 * real world (stdout, stderr, the netlink socket, the host machine) into
 * a struct ctl and runs the command line through ctl_line().
 */
#include <stdio.h>
#include <unistd.h>
#include "ctl.h"
#include "exitcodes.h"
#include "netlink.h"

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
	ret = ctl_line(&c, argc, argv);
	if (c.nl)
		netlink_close(c.nl);
	return ret;
}
