/*
 * ausyscall: map syscall names and numbers for a machine. main() reads
 * the command line (args.c) and runs the lookup it asks for (lookup.c).
 */
#include <stdio.h>
#include "args.h"
#include "lookup.h"

int main(int argc, char **argv)
{
	struct ausyscall_opts o;
	int ret;

	ret = args_parse(argc, argv, machine_host(), &o, stderr);
	if (ret >= 0)
		return ret;
	ret = lookup_run(&o, stdout, stderr);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("ausyscall: stdout");
		return AUSYSCALL_EXIT_FAIL;
	}
	return ret;
}
