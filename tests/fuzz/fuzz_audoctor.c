/*
 * fuzz_audoctor: libFuzzer harness for audoctor's parsers of kernel text:
 * the kernel log (kmsg_parse) and the /proc files (netlink table, stat,
 * status, meminfo). The first byte picks the parser, the rest is the
 * input, passed with its exact length (no NUL after it) so a read past
 * the end is caught by AddressSanitizer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kmsg.h"
#include "procfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_one(unsigned which, const char *buf, size_t len)
{
	struct kmsg_scan scan;
	struct proc_sock sock;
	struct proc_task task;
	uint32_t u32;
	uint64_t u64;

	switch (which % 5) {
	case 0:
		kmsg_scan_init(&scan);
		kmsg_parse(&scan, buf, len);
		if (scan.lines > len + 1)
			abort();
		break;
	case 1:
		procfs_parse_netlink(buf, len, 4242, &sock);
		break;
	case 2:
		memset(&task, 0, sizeof(task));
		procfs_parse_stat(buf, len, &task);
		break;
	case 3:
		procfs_parse_tracer(buf, len, &u32);
		break;
	default:
		procfs_parse_meminfo(buf, len, &u64);
		procfs_has_marker(buf, len);
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy;

	if (size < 1)
		return 0;
	/* An exact-size heap copy: ASan flags any byte read beyond it. */
	copy = malloc(size - 1 ? size - 1 : 1);
	if (!copy)
		return 0;
	memcpy(copy, data + 1, size - 1);
	fuzz_one(data[0], copy, size - 1);
	free(copy);
	return 0;
}
