/*
 * test_tables: the lookup tables and the machine list.
 *
 * Spot checks pin values users and the kernel rely on (x86_64 open is 2,
 * SYSCALL is 1300, ...); the consistency test walks every table so a bad
 * edit of a .tbl file (an unsorted array, a canonical name that does not
 * round-trip) fails here rather than in a rule listing. Agreement of the
 * syscall tables with the reference's ausyscall is checked by
 * tests/compat/syscall_tables.sh.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/utsname.h>
#include <cmocka.h>
#include "tables.h"

static int number_of(const struct table *t, const char *name)
{
	int n = -12345;

	assert_int_equal(table_number(t, name, &n), 0);
	return n;
}

/* name -> number -> the same name: the canonical spelling. */
static void assert_round_trip(const struct table *t, const char *name, int number)
{
	assert_int_equal(number_of(t, name), number);
	assert_string_equal(table_name(t, number), name);
}

/* An alias finds its number, which names the canonical spelling. */
static void assert_alias(const struct table *t, const char *alias,
			 const char *canonical)
{
	assert_string_equal(table_name(t, number_of(t, alias)), canonical);
}

static void test_syscalls(void **state)
{
	const struct table *x64 = machine_syscalls(MACHINE_X86_64);
	const struct table *x32 = machine_syscalls(MACHINE_I386);
	const struct table *a64 = machine_syscalls(MACHINE_AARCH64);
	const struct table *arm = machine_syscalls(MACHINE_ARM);

	assert_round_trip(x64, "read", 0);
	assert_round_trip(x64, "open", 2);
	assert_round_trip(x64, "openat", 257);
	assert_round_trip(x64, "execve", 59);
	assert_round_trip(x32, "restart_syscall", 0);
	assert_round_trip(x32, "open", 5);
	assert_round_trip(x32, "socketcall", 102);
	assert_round_trip(a64, "io_setup", 0);
	assert_round_trip(a64, "openat", 56);
	assert_round_trip(arm, "open", 5);
	assert_round_trip(x64, "set_mempolicy_home_node", 450);
	/* The reference's spellings win; the kernel's are aliases. */
	assert_round_trip(x64, "pread", 17);
	assert_alias(x64, "pread64", "pread");
	assert_alias(a64, "fstat", "newfstat");
	assert_alias(x32, "kexec_load", "sys_kexec_load");
}

static void test_unknown(void **state)
{
	const struct table *x64 = machine_syscalls(MACHINE_X86_64);
	int n = 77;

	assert_int_equal(table_number(x64, "no_such_call", &n), -ENOENT);
	assert_int_equal(table_number(x64, "", &n), -ENOENT);
	assert_int_equal(table_number(x64, "OPEN", &n), -ENOENT);
	assert_int_equal(n, 77); /* untouched on failure */
	assert_null(table_name(x64, 100000));
	assert_null(table_name(x64, -1));
	assert_null(table_name(&table_errno, 41)); /* a hole */
	assert_null(table_name(&table_msgtype, 1000)); /* not a record type */
	assert_int_equal(table_number(&table_field, "loginuid_set", &n), -ENOENT);
}

static void test_icase(void **state)
{
	int n = 0;

	assert_int_equal(table_number(&table_msgtype, "syscall", &n), -ENOENT);
	assert_int_equal(table_number_icase(&table_msgtype, "syscall", &n), 0);
	assert_int_equal(n, 1300);
	assert_int_equal(table_number_icase(&table_msgtype, "User_Auth", &n), 0);
	assert_int_equal(n, 1100);
	assert_int_equal(table_number_icase(&table_field, "UID", &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(table_number_icase(&table_signal, "sigterm", &n), 0);
	assert_int_equal(n, 15);
	assert_int_equal(table_number_icase(&table_ftype, "FILE", &n), 0);
	assert_int_equal(n, 0100000);
	n = 5;
	assert_int_equal(table_number_icase(&table_msgtype, "sys_call", &n), -ENOENT);
	assert_int_equal(n, 5);
}

static void test_msgtype(void **state)
{
	assert_round_trip(&table_msgtype, "USER", 1005);
	assert_round_trip(&table_msgtype, "USER_AUTH", 1100);
	assert_round_trip(&table_msgtype, "USER_LOGIN", 1112);
	assert_round_trip(&table_msgtype, "DAEMON_START", 1200);
	assert_round_trip(&table_msgtype, "SYSCALL", 1300);
	assert_round_trip(&table_msgtype, "PATH", 1302);
	assert_round_trip(&table_msgtype, "EOE", 1320);
	assert_round_trip(&table_msgtype, "PROCTITLE", 1327);
	assert_round_trip(&table_msgtype, "AVC", 1400);
	assert_round_trip(&table_msgtype, "ANOM_PROMISCUOUS", 1700);
	assert_round_trip(&table_msgtype, "INTEGRITY_DATA", 1800);
	assert_round_trip(&table_msgtype, "KERNEL", 2000);
	assert_round_trip(&table_msgtype, "RESP_ANOMALY", 2200);
	assert_round_trip(&table_msgtype, "VIRT_MIGRATE_OUT", 2507);
}

static void test_field(void **state)
{
	assert_round_trip(&table_field, "pid", 0);
	assert_round_trip(&table_field, "uid", 1);
	assert_round_trip(&table_field, "auid", 9);
	assert_alias(&table_field, "loginuid", "auid");
	assert_round_trip(&table_field, "arch", 11);
	assert_round_trip(&table_field, "msgtype", 12);
	assert_round_trip(&table_field, "path", 105);
	assert_round_trip(&table_field, "perm", 106);
	assert_round_trip(&table_field, "exe", 112);
	assert_round_trip(&table_field, "saddr_fam", 113);
	assert_round_trip(&table_field, "a0", 200);
	assert_round_trip(&table_field, "a3", 203);
	assert_round_trip(&table_field, "key", 210);
}

static void test_small_tables(void **state)
{
	assert_round_trip(&table_errno, "EPERM", 1);
	assert_round_trip(&table_errno, "EACCES", 13);
	assert_round_trip(&table_errno, "EHWPOISON", 133);
	assert_alias(&table_errno, "EWOULDBLOCK", "EAGAIN");
	assert_alias(&table_errno, "EDEADLOCK", "EDEADLK");
	assert_round_trip(&table_cap, "chown", 0);
	assert_round_trip(&table_cap, "sys_admin", 21);
	assert_round_trip(&table_cap, "checkpoint_restore", 40);
	assert_round_trip(&table_signal, "SIG0", 0);
	assert_round_trip(&table_signal, "SIGKILL", 9);
	assert_round_trip(&table_signal, "SIGPWR", 30);
	assert_alias(&table_signal, "TERM", "SIGTERM");
	assert_alias(&table_signal, "SIGIOT", "SIGABRT");
	assert_null(table_name(&table_signal, 34));
	assert_round_trip(&table_sockfam, "local", 1);
	assert_round_trip(&table_sockfam, "inet", 2);
	assert_round_trip(&table_sockfam, "inet6", 10);
	assert_round_trip(&table_sockfam, "netlink", 16);
	assert_alias(&table_sockfam, "unix", "local");
	assert_round_trip(&table_ftype, "file", 0100000);
	assert_round_trip(&table_ftype, "dir", 0040000);
	assert_round_trip(&table_ftype, "fifo", 0010000);
}

/* The generator's promises: both arrays sorted, every name found. */
static void check_table(const struct table *t)
{
	size_t i;
	int n;

	assert_true(t->count > 0);
	for (i = 0; i < t->count; i++) {
		const struct table_entry *e = &t->by_name[i];

		if (i > 0) {
			assert_true(strcmp(t->by_name[i - 1].name, e->name) < 0);
			assert_true(t->by_number[i - 1].number <= t->by_number[i].number);
		}
		assert_int_equal(table_number(t, e->name, &n), 0);
		assert_int_equal(n, e->number);
		assert_int_equal(table_number_icase(t, e->name, &n), 0);
		assert_int_equal(n, e->number);
		/* The canonical name of any number leads back to it. */
		assert_non_null(table_name(t, e->number));
		assert_int_equal(number_of(t, table_name(t, e->number)), e->number);
		if (i == 0 || t->by_number[i - 1].number != t->by_number[i].number)
			assert_ptr_equal(table_name(t, t->by_number[i].number),
					 t->by_number[i].name);
	}
}

static void test_consistency(void **state)
{
	const struct table *tables[] = {
		&table_msgtype, &table_field, &table_errno, &table_sockfam,
		&table_cap, &table_signal, &table_ftype,
	};
	size_t i;
	int m;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		check_table(tables[i]);
	for (m = 0; m < MACHINE_COUNT; m++)
		check_table(machine_syscalls((enum machine)m));
}

static void test_machines(void **state)
{
	static const uint32_t arch[MACHINE_COUNT] = {
		[MACHINE_X86_64] = 0xc000003e, [MACHINE_I386] = 0x40000003,
		[MACHINE_AARCH64] = 0xc00000b7, [MACHINE_ARM] = 0x40000028,
	};
	static const int bits[MACHINE_COUNT] = {
		[MACHINE_X86_64] = 64, [MACHINE_I386] = 32,
		[MACHINE_AARCH64] = 64, [MACHINE_ARM] = 32,
	};
	enum machine m, got;

	for (m = 0; m < MACHINE_COUNT; m++) {
		assert_non_null(machine_syscalls(m));
		assert_int_equal(machine_from_name(machine_name(m), MACHINE_UNKNOWN, &got), 0);
		assert_int_equal(got, m);
		assert_int_equal(machine_audit_arch(m), arch[m]);
		assert_int_equal(machine_from_audit_arch(arch[m]), m);
		assert_int_equal(machine_bits(m), bits[m]);
	}
	assert_string_equal(machine_name(MACHINE_ARM), "armeb");
	assert_null(machine_syscalls(MACHINE_UNKNOWN));
	assert_null(machine_name(MACHINE_UNKNOWN));
	assert_int_equal(machine_audit_arch(MACHINE_UNKNOWN), 0);
	assert_int_equal(machine_from_audit_arch(0x28), MACHINE_UNKNOWN);
	assert_int_equal(machine_bits(MACHINE_UNKNOWN), 0);
}

static void assert_machine(const char *name, enum machine host, enum machine want)
{
	enum machine got = MACHINE_UNKNOWN;

	assert_int_equal(machine_from_name(name, host, &got), 0);
	assert_int_equal(got, want);
}

static void test_machine_names(void **state)
{
	enum machine got = MACHINE_COUNT;

	assert_machine("i486", MACHINE_UNKNOWN, MACHINE_I386);
	assert_machine("i686", MACHINE_UNKNOWN, MACHINE_I386);
	assert_machine("X86_64", MACHINE_UNKNOWN, MACHINE_X86_64);
	assert_machine("arm", MACHINE_UNKNOWN, MACHINE_ARM);
	assert_machine("armv7l", MACHINE_UNKNOWN, MACHINE_ARM);
	assert_machine("armv5tejl", MACHINE_UNKNOWN, MACHINE_ARM);
	assert_machine("b64", MACHINE_X86_64, MACHINE_X86_64);
	assert_machine("b32", MACHINE_X86_64, MACHINE_I386);
	assert_machine("B64", MACHINE_AARCH64, MACHINE_AARCH64);
	assert_machine("b32", MACHINE_AARCH64, MACHINE_ARM);
	assert_machine("b32", MACHINE_I386, MACHINE_I386);
	assert_int_equal(machine_from_name("b64", MACHINE_I386, &got), -EINVAL);
	assert_int_equal(machine_from_name("b64", MACHINE_ARM, &got), -EINVAL);
	assert_int_equal(machine_from_name("b32", MACHINE_UNKNOWN, &got), -EINVAL);
	/* Spellings the reference refuses ("arch elf mapping not found"). */
	assert_int_equal(machine_from_name("ia32", MACHINE_X86_64, &got), -ENOENT);
	assert_int_equal(machine_from_name("armv7", MACHINE_X86_64, &got), -ENOENT);
	assert_int_equal(machine_from_name("amd64", MACHINE_X86_64, &got), -ENOENT);
	assert_int_equal(machine_from_name("", MACHINE_X86_64, &got), -ENOENT);
	assert_int_equal(got, MACHINE_COUNT);
}

static void test_machine_host(void **state)
{
	struct utsname u;
	enum machine want;

	assert_int_equal(uname(&u), 0);
	if (machine_from_name(u.machine, MACHINE_UNKNOWN, &want) < 0)
		want = MACHINE_UNKNOWN;
	assert_int_equal(machine_host(), want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_syscalls),
		cmocka_unit_test(test_unknown),
		cmocka_unit_test(test_icase),
		cmocka_unit_test(test_msgtype),
		cmocka_unit_test(test_field),
		cmocka_unit_test(test_small_tables),
		cmocka_unit_test(test_consistency),
		cmocka_unit_test(test_machines),
		cmocka_unit_test(test_machine_names),
		cmocka_unit_test(test_machine_host),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
