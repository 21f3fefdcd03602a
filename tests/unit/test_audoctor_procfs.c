/*
 * test_audoctor_procfs: the /proc parsers on captured text (a netlink
 * table, stat lines whose comm holds spaces and parentheses, status,
 * meminfo), the readers over a fake proc root in a temp dir, and the
 * daemon's kind: fake executables with and without auditkit's marker
 * (one straddling a read chunk), other programs, gone and unreadable
 * pids, and the real binaries: our auditd and the reference's.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "procfs.h"

static const char netlink_text[] =
	"sk               Eth Pid        Groups   Rmem     Wmem     Dump  Locks    Drops    Inode\n"
	"00000000f8b636de 0   4242       00000000 0        0        0     2        0        4       \n"
	"0000000062c02382 9   0          00000000 0        0        0     2        0        6       \n"
	"00000000aecb6330 9   4242       00000000 212992   0        0     2        17       98765   \n"
	"00000000aecb6331 9   4294967000 00000000 1        2        0     2        3        98766   \n";

static void test_netlink(void **state)
{
	struct proc_sock s;

	assert_int_equal(procfs_parse_netlink(netlink_text, strlen(netlink_text),
					      4242, &s), 0);
	assert_true(s.found);
	assert_int_equal(s.portid, 4242);
	assert_int_equal(s.rmem, 212992);
	assert_int_equal(s.wmem, 0);
	assert_int_equal(s.drops, 17);
	/* A negative (kernel-assigned) port id prints as unsigned. */
	assert_int_equal(procfs_parse_netlink(netlink_text, strlen(netlink_text),
					      4294967000u, &s), 0);
	assert_int_equal(s.rmem, 1);
	assert_int_equal(s.drops, 3);
	assert_int_equal(procfs_parse_netlink(netlink_text, strlen(netlink_text),
					      77, &s), -ENOENT);
	assert_false(s.found);
	/* Cut in the middle of the matching row: not found, no overread. */
	assert_int_equal(procfs_parse_netlink(netlink_text,
					      strstr(netlink_text, "212992") - netlink_text,
					      4242, &s), -ENOENT);
	assert_int_equal(procfs_parse_netlink("", 0, 0, &s), -ENOENT);
}

static const char stat_odd[] =
	"4242 (a (b) c) T) t 1 4242 4242 0 -1 4194560 100 0 0 0 "
	"250 31 0 0 20 0 1 0 694384 3133440 360 18446744073709551615 0\n";

static void test_stat(void **state)
{
	struct proc_task t;
	static const char plain[] =
		"26076 (cat) R 26072 26072 19224 0 -1 4194304 100 0 0 0 7 3 0 0 20 0";

	memset(&t, 0, sizeof(t));
	assert_int_equal(procfs_parse_stat(stat_odd, strlen(stat_odd), &t), 0);
	assert_true(t.exists);
	assert_int_equal(t.state, 't');
	assert_int_equal(t.cpu_ticks, 281);
	memset(&t, 0, sizeof(t));
	assert_int_equal(procfs_parse_stat(plain, strlen(plain), &t), 0);
	assert_int_equal(t.state, 'R');
	assert_int_equal(t.cpu_ticks, 10);
	/* Too few fields, no parentheses, empty. */
	assert_int_equal(procfs_parse_stat(plain, 40, &t), -EINVAL);
	assert_int_equal(procfs_parse_stat("1 cat R 2", 9, &t), -EINVAL);
	assert_int_equal(procfs_parse_stat("1 cat) R", 8, &t), -EINVAL);
	assert_int_equal(procfs_parse_stat("", 0, &t), -EINVAL);
}

static void test_status_meminfo(void **state)
{
	static const char status[] =
		"Name:\tauditd\nState:\tt (tracing stop)\nTracerPid:\t31337\nUid:\t0\n";
	static const char meminfo[] =
		"MemTotal:       24682416 kB\nMemFree:        21645616 kB\n";
	uint32_t tracer = 0;
	uint64_t mem = 0;

	assert_int_equal(procfs_parse_tracer(status, strlen(status), &tracer), 0);
	assert_int_equal(tracer, 31337);
	assert_int_equal(procfs_parse_tracer("Name:\tx\n", 8, &tracer), -ENOENT);
	assert_int_equal(procfs_parse_tracer("TracerPid:\tx\n", 13, &tracer), -EINVAL);
	assert_int_equal(procfs_parse_meminfo(meminfo, strlen(meminfo), &mem), 0);
	assert_int_equal(mem, 24682416ull * 1024);
	/* MemTotalX is not MemTotal. */
	assert_int_equal(procfs_parse_meminfo("MemTotalX: 5 kB\n", 16, &mem), -ENOENT);
}

/* ---- a fake proc root ---- */

static char root[64];

static void put(const char *rel, const void *data, size_t len)
{
	char path[PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
}

static void sub(const char *rel)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	assert_int_equal(mkdir(path, 0755), 0);
}

static void link_to(const char *target, const char *rel)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	assert_int_equal(symlink(target, path), 0);
}

static int setup(void **state)
{
	strcpy(root, "/tmp/audoctor-procfs.XXXXXX");
	assert_non_null(mkdtemp(root));
	return 0;
}

static int teardown(void **state)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_readers(void **state)
{
	static const char status[] = "Name:\tx\nTracerPid:\t0\n";
	static const char meminfo[] = "MemTotal: 1000 kB\n";
	struct proc_task t;
	struct proc_sock s;
	uint64_t mem = 0;

	sub("net");
	put("net/netlink", netlink_text, strlen(netlink_text));
	sub("4242");
	put("4242/stat", stat_odd, strlen(stat_odd));
	put("4242/status", status, strlen(status));
	put("meminfo", meminfo, strlen(meminfo));
	assert_int_equal(procfs_read_sock(root, 4242, &s), 0);
	assert_int_equal(s.rmem, 212992);
	assert_int_equal(procfs_read_task(root, 4242, &t), 0);
	assert_true(t.exists);
	assert_int_equal(t.state, 't');
	assert_int_equal(t.tracer_pid, 0);
	assert_int_equal(procfs_read_task(root, 99, &t), -ENOENT);
	assert_false(t.exists);
	assert_int_equal(procfs_read_meminfo(root, &mem), 0);
	assert_int_equal(mem, 1024000);
}

/* A file named auditd holding marker (or not) at offset 65530, so that
 * a marker straddles the first 64 KiB read. */
static void fake_exe(const char *rel, const char *marker)
{
	size_t len = 70000;
	char *buf = calloc(1, len);

	assert_non_null(buf);
	memset(buf, 'x', len);
	if (marker)
		memcpy(buf + 65530, marker, strlen(marker));
	put(rel, buf, len);
	free(buf);
}

static enum daemon_kind kind_of(pid_t pid, char *exe)
{
	return procfs_daemon_kind(root, pid, exe, PATH_MAX);
}

static void test_kind_fake(void **state)
{
	char exe[PATH_MAX], target[PATH_MAX];

	sub("bin");
	fake_exe("bin/auditd", "spill_memory");
	sub("bin/ref");
	fake_exe("bin/ref/auditd", NULL);
	sub("bin/py");
	fake_exe("bin/py/python3", "auditkit");
	sub("10"); sub("11"); sub("12"); sub("13");
	snprintf(target, sizeof(target), "%s/bin/auditd", root);
	link_to(target, "10/exe");
	snprintf(target, sizeof(target), "%s/bin/ref/auditd", root);
	link_to(target, "11/exe");
	snprintf(target, sizeof(target), "%s/bin/py/python3", root);
	link_to(target, "12/exe");
	assert_int_equal(kind_of(10, exe), DAEMON_AUDITKIT);
	assert_non_null(strstr(exe, "/bin/auditd"));
	assert_int_equal(kind_of(11, exe), DAEMON_REFERENCE);
	assert_int_equal(kind_of(12, exe), DAEMON_OTHER);
	assert_string_equal(exe, target);
	assert_int_equal(kind_of(13, exe), DAEMON_UNKNOWN);	/* no exe */
	assert_string_equal(exe, "");
	assert_int_equal(kind_of(14, exe), DAEMON_GONE);
	assert_int_equal(kind_of(0, exe), DAEMON_NONE);
	assert_string_equal(daemon_kind_name(DAEMON_AUDITKIT), "auditkit");
	assert_string_equal(daemon_kind_name(DAEMON_REFERENCE), "reference");
	assert_string_equal(daemon_kind_name(DAEMON_NONE), "none");
	assert_string_equal(daemon_kind_name(DAEMON_GONE), "gone");
	assert_string_equal(daemon_kind_name(DAEMON_OTHER), "other");
	assert_string_equal(daemon_kind_name(DAEMON_UNKNOWN), "unknown");
}

/* A replaced executable reads as "auditd (deleted)": still auditd. */
static void test_kind_deleted(void **state)
{
	char exe[PATH_MAX], target[PATH_MAX];

	sub("bin");
	fake_exe("bin/auditd (deleted)", "auditkit");
	sub("20");
	snprintf(target, sizeof(target), "%s/bin/auditd (deleted)", root);
	link_to(target, "20/exe");
	assert_int_equal(kind_of(20, exe), DAEMON_AUDITKIT);
}

/* The real binaries: ours (next to this test in the build tree) carries
 * the marker, the reference's does not. */
static void test_kind_real(void **state)
{
	char self[PATH_MAX], ours[PATH_MAX + 32], exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	char *slash;

	assert_true(n > 0);
	self[n] = '\0';
	slash = strstr(self, "/tests/unit/");
	assert_non_null(slash);
	*slash = '\0';
	snprintf(ours, sizeof(ours), "%s/src/auditd/auditd", self);
	if (access(ours, R_OK) != 0 || access("/usr/sbin/auditd", R_OK) != 0)
		skip();
	sub("30"); sub("31");
	link_to(ours, "30/exe");
	link_to("/usr/sbin/auditd", "31/exe");
	assert_int_equal(kind_of(30, exe), DAEMON_AUDITKIT);
	assert_int_equal(kind_of(31, exe), DAEMON_REFERENCE);
	assert_string_equal(exe, "/usr/sbin/auditd");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_netlink),
		cmocka_unit_test(test_stat),
		cmocka_unit_test(test_status_meminfo),
		cmocka_unit_test_setup_teardown(test_readers, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kind_fake, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kind_deleted, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kind_real, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
