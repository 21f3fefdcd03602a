/*
 * test_auditd_conf: src/auditd/conf.c. Defaults; every key with good
 * values; every kind of bad value with its exact message; the line rules
 * (comments, blank lines, case, duplicates, '=', tabs, CR, long lines);
 * warnings; the cross-key checks; the file checks of conf_load (missing,
 * directory, symlink, owner, mode); etc/auditd.conf; and a differential
 * pass over tests/data/auditd-conf/reference, where every case records
 * whether the reference auditd 3.0.9 accepted it and on which line it
 * stopped (see probe.sh there).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>
#include <cmocka.h>
#include "conf.h"

#define REF_DIR TESTS_DATA "/auditd-conf/reference"
#define DIFFS TESTS_DATA "/auditd-conf/reference-differences.txt"
#define ETC_CONF TESTS_DATA "/../../etc/auditd.conf"

static struct auditd_conf conf;
static char err[512];
static char tmpdir[64];

static int parse(const char *text)
{
	err[0] = '\0';
	return conf_parse("t.conf", text, strlen(text), &conf, err, sizeof(err));
}

/* text must fail with exactly msg. */
static void bad(const char *text, const char *msg)
{
	if (parse(text) == 0)
		fail_msg("accepted: %s", text);
	assert_string_equal(err, msg);
}

static void good(const char *text)
{
	if (parse(text) != 0)
		fail_msg("refused: %s: %s", text, err);
}

static int make_tmpdir(void **state)
{
	(void)state;
	strcpy(tmpdir, "/tmp/test_auditd_conf.XXXXXX");
	return mkdtemp(tmpdir) ? 0 : -1;
}

static int remove_tmpdir(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* tmpdir/name with the given text and mode; returns the path (static). */
static const char *make_file(const char *name, const char *text, mode_t mode)
{
	static char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmpdir, name);
	unlink(path);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	assert_int_equal(chmod(path, mode), 0);
	return path;
}

/* ---- defaults ---- */

static void test_defaults(void **state)
{
	struct auditd_conf d;

	(void)state;
	conf_defaults(&d);
	assert_true(d.local_events);
	assert_true(d.write_logs);
	assert_string_equal(d.log_file, "/var/log/audit/audit.log");
	assert_int_equal(d.log_format, CONF_FORMAT_RAW);
	assert_int_equal(d.log_group, 0);
	assert_int_equal(d.priority_boost, 4);
	assert_int_equal(d.flush, CONF_FLUSH_NONE);
	assert_int_equal(d.freq, 0);
	assert_int_equal(d.num_logs, 0);
	assert_int_equal(d.name_format, CONF_NODE_NONE);
	assert_string_equal(d.name, "");
	assert_int_equal(d.max_log_file, 0);
	assert_int_equal(d.max_log_file_action.kind, CONF_ACT_IGNORE);
	assert_true(d.verify_email);
	assert_string_equal(d.action_mail_acct, "root");
	assert_int_equal(d.space_left.value, 0);
	assert_false(d.space_left.percent);
	assert_int_equal(d.space_left_action.kind, CONF_ACT_IGNORE);
	assert_int_equal(d.admin_space_left.value, 0);
	assert_int_equal(d.admin_space_left_action.kind, CONF_ACT_IGNORE);
	assert_int_equal(d.disk_full_action.kind, CONF_ACT_IGNORE);
	assert_int_equal(d.disk_error_action.kind, CONF_ACT_SYSLOG);
	assert_int_equal(d.tcp_listen_port, 0);
	assert_int_equal(d.tcp_listen_queue, 5);
	assert_int_equal(d.tcp_max_per_addr, 1);
	assert_true(d.use_libwrap);
	assert_int_equal(d.tcp_client_min_port, 0);
	assert_int_equal(d.tcp_client_max_port, 65535);
	assert_int_equal(d.tcp_client_max_idle, 0);
	assert_false(d.transport_krb5);
	assert_false(d.enable_krb5);
	assert_string_equal(d.krb5_principal, "auditd");
	assert_string_equal(d.krb5_key_file, "/etc/audit/audit.key");
	assert_false(d.distribute_network);
	assert_int_equal(d.q_depth, 2000);
	assert_int_equal(d.overflow_action.kind, CONF_ACT_SYSLOG);
	assert_int_equal(d.max_restarts, 10);
	assert_string_equal(d.plugin_dir, "/etc/audit/plugins.d");
	assert_int_equal(d.end_of_event_timeout, 2);
	assert_int_equal(d.report_interval, 0);
	assert_int_equal(d.q_depth_bytes, 64 << 20);
	assert_int_equal(d.rotate_interval, 0);
	assert_int_equal(d.rotate_compress, CONF_COMPRESS_NONE);
	assert_false(d.rotate_timestamp);
	assert_string_equal(d.spill_dir, "");
	assert_int_equal(d.spill_memory, 64 << 20);
	assert_int_equal(d.spill_max, UINT64_C(1) << 30);
	assert_string_equal(d.state_file, "/var/run/auditd.state");
	assert_string_equal(d.metrics_file, "");
	assert_int_equal(d.metrics_interval, 5);
	assert_string_equal(d.single_command, "/sbin/init 1");
	assert_string_equal(d.halt_command, "/sbin/init 0");
	assert_string_equal(d.mail_command, "/usr/lib/sendmail -t");
	assert_int_equal(d.warnings.count, 0);

	good("");
	assert_memory_equal(&conf, &d, sizeof(d));
	good("# only comments\n\n   \n");
	assert_memory_equal(&conf, &d, sizeof(d));
}

/* ---- good values, key by key ---- */

static void test_booleans(void **state)
{
	(void)state;
	good("local_events = no\nwrite_logs = NO\nverify_email = No\n"
	     "use_libwrap = no\ndistribute_network = yes\nenable_krb5 = YES\n");
	assert_false(conf.local_events);
	assert_false(conf.write_logs);
	assert_false(conf.verify_email);
	assert_false(conf.use_libwrap);
	assert_true(conf.distribute_network);
	assert_true(conf.enable_krb5);
	assert_true(conf.transport_krb5);	/* enable_krb5 = yes implies it */
	good("rotate_timestamp = yes\n");
	assert_true(conf.rotate_timestamp);
}

static void test_keywords(void **state)
{
	(void)state;
	good("log_format = enriched\nflush = INCREMENTAL_async\nname_format = user\n"
	     "name = node-7\ntransport = krb5\nrotate_compress = ZSTD\n");
	assert_int_equal(conf.log_format, CONF_FORMAT_ENRICHED);
	assert_int_equal(conf.flush, CONF_FLUSH_INCREMENTAL_ASYNC);
	assert_int_equal(conf.name_format, CONF_NODE_USER);
	assert_string_equal(conf.name, "node-7");
	assert_true(conf.transport_krb5);
	assert_int_equal(conf.rotate_compress, CONF_COMPRESS_ZSTD);
	good("flush = none\n");
	assert_int_equal(conf.flush, CONF_FLUSH_NONE);
	good("flush = incremental\n");
	assert_int_equal(conf.flush, CONF_FLUSH_INCREMENTAL);
	good("flush = data\n");
	assert_int_equal(conf.flush, CONF_FLUSH_DATA);
	good("flush = sync\nlog_format = RAW\nrotate_compress = gzip\ntransport = TCP\n");
	assert_int_equal(conf.flush, CONF_FLUSH_SYNC);
	assert_int_equal(conf.log_format, CONF_FORMAT_RAW);
	assert_int_equal(conf.rotate_compress, CONF_COMPRESS_GZIP);
	assert_false(conf.transport_krb5);
	good("name_format = hostname\n");
	assert_int_equal(conf.name_format, CONF_NODE_HOSTNAME);
	good("name_format = FQD\n");
	assert_int_equal(conf.name_format, CONF_NODE_FQD);
	good("name_format = numeric\n");
	assert_int_equal(conf.name_format, CONF_NODE_NUMERIC);
	good("name_format = none\n");
	assert_int_equal(conf.name_format, CONF_NODE_NONE);
}

static void test_numbers(void **state)
{
	(void)state;
	good("priority_boost = 0\nfreq = 2147483647\nnum_logs = 999\n"
	     "max_log_file = 4294967296\ntcp_listen_port = 65535\n"
	     "tcp_listen_queue = 1\ntcp_max_per_addr = 1024\n"
	     "tcp_client_max_idle = 30\nq_depth = 99999\nmax_restarts = 0\n"
	     "end_of_event_timeout = 4294967295\nreport_interval = 60\n"
	     "metrics_interval = 86400\n");
	assert_int_equal(conf.priority_boost, 0);
	assert_int_equal(conf.freq, 2147483647);
	assert_int_equal(conf.num_logs, 999);
	assert_int_equal(conf.max_log_file, 4294967296UL);
	assert_int_equal(conf.tcp_listen_port, 65535);
	assert_int_equal(conf.tcp_listen_queue, 1);
	assert_int_equal(conf.tcp_max_per_addr, 1024);
	assert_int_equal(conf.tcp_client_max_idle, 30);
	assert_int_equal(conf.q_depth, 99999);
	assert_int_equal(conf.max_restarts, 0);
	assert_int_equal(conf.end_of_event_timeout, 4294967295U);
	assert_int_equal(conf.report_interval, 60);
	assert_int_equal(conf.metrics_interval, 86400);
	assert_int_equal(conf.warnings.count, 1);	/* freq without incremental */
}

static void test_space(void **state)
{
	(void)state;
	good("space_left = 75\nadmin_space_left = 5%\n");
	assert_int_equal(conf.space_left.value, 75);
	assert_false(conf.space_left.percent);
	assert_int_equal(conf.admin_space_left.value, 5);
	assert_true(conf.admin_space_left.percent);
	good("space_left = 99%\nadmin_space_left = 0%\n");
	assert_int_equal(conf.space_left.value, 99);
	assert_true(conf.space_left.percent);
	assert_int_equal(conf.admin_space_left.value, 0);
	assert_true(conf.admin_space_left.percent);
}

static void test_ports(void **state)
{
	(void)state;
	good("tcp_client_ports = 1-1023\n");
	assert_int_equal(conf.tcp_client_min_port, 1);
	assert_int_equal(conf.tcp_client_max_port, 1023);
	good("tcp_client_ports = 60\n");
	assert_int_equal(conf.tcp_client_min_port, 60);
	assert_int_equal(conf.tcp_client_max_port, 60);
	good("tcp_client_ports = 0-65535\n");
	assert_int_equal(conf.tcp_client_min_port, 0);
	assert_int_equal(conf.tcp_client_max_port, 65535);
}

static void test_actions(void **state)
{
	(void)state;
	good("max_log_file_action = keep_logs\nspace_left_action = email\n"
	     "admin_space_left_action = SINGLE\ndisk_full_action = rotate\n"
	     "disk_error_action = halt\noverflow_action = suspend\n");
	assert_int_equal(conf.max_log_file_action.kind, CONF_ACT_KEEP_LOGS);
	assert_int_equal(conf.space_left_action.kind, CONF_ACT_EMAIL);
	assert_int_equal(conf.admin_space_left_action.kind, CONF_ACT_SINGLE);
	assert_int_equal(conf.disk_full_action.kind, CONF_ACT_ROTATE);
	assert_int_equal(conf.disk_error_action.kind, CONF_ACT_HALT);
	assert_int_equal(conf.overflow_action.kind, CONF_ACT_SUSPEND);
	good("space_left_action = EXEC /bin/sh\ndisk_error_action = exec /bin/sh\n"
	     "max_log_file_action = exec /bin/sh\n");
	assert_int_equal(conf.space_left_action.kind, CONF_ACT_EXEC);
	assert_string_equal(conf.space_left_action.exe, "/bin/sh");
	assert_int_equal(conf.disk_error_action.kind, CONF_ACT_EXEC);
	assert_int_equal(conf.max_log_file_action.kind, CONF_ACT_EXEC);
	/* a later non-exec value clears the program */
	good("space_left_action = exec /bin/sh\nspace_left_action = ignore\n");
	assert_int_equal(conf.space_left_action.kind, CONF_ACT_IGNORE);
	assert_string_equal(conf.space_left_action.exe, "");
	for (int k = CONF_ACT_IGNORE; k <= CONF_ACT_KEEP_LOGS; k++)
		assert_non_null(conf_action_name((enum conf_action_kind)k));
	assert_string_equal(conf_action_name(CONF_ACT_KEEP_LOGS), "KEEP_LOGS");
	assert_string_equal(conf_flush_name(CONF_FLUSH_INCREMENTAL_ASYNC), "INCREMENTAL_ASYNC");
	assert_string_equal(conf_format_name(CONF_FORMAT_ENRICHED), "ENRICHED");
}

static void test_text_and_paths(void **state)
{
	(void)state;
	good("log_file = /var/tmp/test-auditd-conf.log\nlog_group = 4\nkrb5_principal = auditd/h@EX\n"
	     "krb5_key_file = /etc/k.key\nplugin_dir = /tmp/plugins\n"
	     "action_mail_acct = ops-team_1@example.com\n");
	assert_string_equal(conf.log_file, "/var/tmp/test-auditd-conf.log");
	assert_int_equal(conf.log_group, 4);
	assert_string_equal(conf.krb5_principal, "auditd/h@EX");
	assert_string_equal(conf.krb5_key_file, "/etc/k.key");
	assert_string_equal(conf.plugin_dir, "/tmp/plugins");
	assert_string_equal(conf.action_mail_acct, "ops-team_1@example.com");
	good("log_group = root\n");
	assert_int_equal(conf.log_group, 0);
	good("log_group = 4294967294\n");
	assert_int_equal(conf.log_group, 4294967294U);
	/* verify_email = no turns the address checks off */
	good("verify_email = no\naction_mail_acct = root@localhost\n");
	assert_string_equal(conf.action_mail_acct, "root@localhost");
}

static void test_auditkit_keys_values(void **state)
{
	(void)state;
	good("q_depth_bytes = 2048K\nspill_memory = 100\nspill_max = 2g\n"
	     "spill_dir = /var/spool/audit\nstate_file = none\n"
	     "metrics_file = /run/auditd.prom\nrotate_interval = 30m\n"
	     "single_command = /usr/sbin/shutdown  -h now  \n"
	     "halt_command = /sbin/poweroff\nmail_command = /usr/sbin/sendmail -t -i\n");
	assert_int_equal(conf.q_depth_bytes, 2 << 20);
	assert_int_equal(conf.spill_memory, 100 << 20);
	assert_int_equal(conf.spill_max, UINT64_C(2) << 30);
	assert_string_equal(conf.spill_dir, "/var/spool/audit");
	assert_string_equal(conf.state_file, "");
	assert_string_equal(conf.metrics_file, "/run/auditd.prom");
	assert_int_equal(conf.rotate_interval, 1800);
	assert_string_equal(conf.single_command, "/usr/sbin/shutdown  -h now");
	assert_string_equal(conf.halt_command, "/sbin/poweroff");
	assert_string_equal(conf.mail_command, "/usr/sbin/sendmail -t -i");
	good("rotate_interval = hourly\nspill_dir = NONE\nspill_max = 0\n");
	assert_int_equal(conf.rotate_interval, 3600);
	assert_string_equal(conf.spill_dir, "");
	assert_int_equal(conf.spill_max, 0);
	good("rotate_interval = Daily\n");
	assert_int_equal(conf.rotate_interval, 86400);
	good("rotate_interval = weekly\n");
	assert_int_equal(conf.rotate_interval, 604800);
	good("rotate_interval = 2h\n");
	assert_int_equal(conf.rotate_interval, 7200);
	good("rotate_interval = 5s\n");
	assert_int_equal(conf.rotate_interval, 5);
	good("rotate_interval = 0\n");
	assert_int_equal(conf.rotate_interval, 0);
	good("rotate_interval = none\n");
	assert_int_equal(conf.rotate_interval, 0);
}

/* ---- line rules ---- */

static void test_line_rules(void **state)
{
	char line[CONF_LINE_MAX + 2];

	(void)state;
	good("  FREQ   =   10  \nFreq = 20\n");	/* case, spaces, last wins */
	assert_int_equal(conf.freq, 20);
	good("# c\n\n   # indented\n\nnum_logs = 3");	/* no final newline */
	assert_int_equal(conf.num_logs, 3);
	bad("\n\nfreq 50\n", "t.conf:3: \"freq\": expected '=' after \"freq\", found \"50\"");
	bad("freq\n", "t.conf:1: \"freq\": missing \" = value\"");
	bad("freq=5\n", "t.conf:1: \"freq=5\": write \"key = value\" with spaces around '='");
	bad("freq == 5\n", "t.conf:1: \"freq\": expected '=' after \"freq\", found \"==\"");
	bad("= 5\n", "t.conf:1: missing keyword before '='");
	bad("freq =\n", "t.conf:1: freq: missing value");
	bad("freq = 50 60\n", "t.conf:1: freq: unexpected \"60\" after the value");
	bad("freq = 10 # often\n",
	    "t.conf:1: freq: unexpected \"#\" after the value (comments go on their own line)");
	bad("bogus_key = 1\n", "t.conf:1: unknown keyword \"bogus_key\"");
	bad("freq\t=\t10\n", "t.conf:1: tab in the line; separate words with spaces");
	bad("freq = 10\r\n", "t.conf:1: carriage return in the line (DOS line ending?)");
	assert_int_equal(conf_parse("t.conf", "freq = 1\0\n", 10, &conf, err, sizeof(err)), -1);
	assert_string_equal(err, "t.conf:1: NUL byte in the line");
	/* 158 characters is the longest line; a longer comment is fine */
	memset(line, 'x', sizeof(line));
	memcpy(line, "name = ", 7);
	line[CONF_LINE_MAX] = '\0';
	good(line);
	assert_int_equal(strlen(conf.name), CONF_LINE_MAX - 7);
	memcpy(line, "action_mail_acct = ", 19);
	good(line);
	assert_int_equal(strlen(conf.action_mail_acct), CONF_LINE_MAX - 19);
	line[CONF_LINE_MAX] = 'x';
	line[CONF_LINE_MAX + 1] = '\0';
	bad(line, "t.conf:1: line is longer than 158 characters");
	line[0] = '#';
	good(line);
}

/* ---- bad values ---- */

static void test_bad_numbers(void **state)
{
	(void)state;
	bad("freq = abc\n", "t.conf:1: freq: \"abc\" is not a number");
	bad("freq = -1\n", "t.conf:1: freq: \"-1\" is not a number");
	bad("freq = 1.5\n", "t.conf:1: freq: \"1.5\" is not a number");
	bad("freq = 2147483648\n", "t.conf:1: freq: \"2147483648\" is out of range (0..2147483647)");
	bad("priority_boost = 99999999999999999999\n",
	    "t.conf:1: priority_boost: \"99999999999999999999\" is out of range (0..2147483647)");
	bad("num_logs = 1000\n", "t.conf:1: num_logs: \"1000\" is out of range (0..999)");
	bad("tcp_listen_port = 0\n", "t.conf:1: tcp_listen_port: \"0\" is out of range (1..65535)");
	bad("tcp_listen_queue = 65536\n", "t.conf:1: tcp_listen_queue: \"65536\" is out of range (1..65535)");
	bad("tcp_max_per_addr = 1025\n", "t.conf:1: tcp_max_per_addr: \"1025\" is out of range (1..1024)");
	bad("q_depth = 100000\n", "t.conf:1: q_depth: \"100000\" is out of range (0..99999)");
	bad("max_log_file = 17592186044416\n",
	    "t.conf:1: max_log_file: \"17592186044416\" is out of range (0..17592186044415)");
	bad("end_of_event_timeout = 4294967296\n",
	    "t.conf:1: end_of_event_timeout: \"4294967296\" is out of range (0..4294967295)");
	bad("metrics_interval = 0\n", "t.conf:1: metrics_interval: \"0\" is out of range (1..86400)");
}

static void test_bad_words(void **state)
{
	(void)state;
	bad("write_logs = true\n", "t.conf:1: write_logs: \"true\" is not one of yes, no");
	bad("flush = always\n",
	    "t.conf:1: flush: \"always\" is not one of none, incremental, incremental_async, data, sync");
	bad("log_format = json\n", "t.conf:1: log_format: \"json\" is not one of RAW, ENRICHED");
	bad("name_format = bogus\n",
	    "t.conf:1: name_format: \"bogus\" is not one of none, hostname, fqd, numeric, user");
	bad("transport = tls\n", "t.conf:1: transport: \"tls\" is not one of TCP, KRB5");
	bad("rotate_compress = xz\n", "t.conf:1: rotate_compress: \"xz\" is not one of none, gzip, zstd");
}

static void test_bad_actions(void **state)
{
	(void)state;
	bad("disk_error_action = rotate\n",
	    "t.conf:1: disk_error_action: \"rotate\" is not one of ignore, syslog, exec, suspend, single, halt");
	bad("disk_full_action = email\n",
	    "t.conf:1: disk_full_action: \"email\" is not one of ignore, syslog, rotate, exec, suspend, single, halt");
	bad("space_left_action = keep_logs\n",
	    "t.conf:1: space_left_action: \"keep_logs\" is not one of ignore, syslog, rotate, email, exec, suspend, single, halt");
	bad("max_log_file_action = halt\n",
	    "t.conf:1: max_log_file_action: \"halt\" is not one of ignore, syslog, rotate, exec, suspend, keep_logs");
	bad("overflow_action = exec /bin/sh\n",
	    "t.conf:1: overflow_action: \"exec\" is not one of ignore, syslog, suspend, single, halt");
	bad("space_left_action = syslog /bin/sh\n",
	    "t.conf:1: space_left_action: unexpected \"/bin/sh\" after \"syslog\"");
	bad("space_left_action = exec\n", "t.conf:1: space_left_action: exec needs a program path");
	bad("space_left_action = exec bin/sh\n",
	    "t.conf:1: space_left_action: \"bin/sh\" is not an absolute path");
	bad("space_left_action = exec /nonexistent/script\n",
	    "t.conf:1: space_left_action: \"/nonexistent/script\": No such file or directory");
	bad("disk_full_action = exec /etc\n", "t.conf:1: disk_full_action: \"/etc\" is not a regular file");
	bad("space_left_action = exec /bin/sh arg\n",
	    "t.conf:1: space_left_action: unexpected \"arg\" after the value");
}

static void test_bad_exec_files(void **state)
{
	char text[512];
	const char *p;

	(void)state;
	p = make_file("mode700.sh", "#!/bin/sh\n", 0700);
	snprintf(text, sizeof(text), "disk_error_action = exec %s\n", p);
	assert_int_equal(parse(text), -1);
	snprintf(text, sizeof(text),
		 "t.conf:1: disk_error_action: \"%s/mode700.sh\" has mode 0700; 0750, 0755, 0550 or 0555 is expected",
		 tmpdir);
	assert_string_equal(err, text);
	for (unsigned m = 0; m < 4; m++) {
		static const mode_t ok[] = { 0750, 0755, 0550, 0555 };
		p = make_file("ok.sh", "#!/bin/sh\n", ok[m]);
		snprintf(text, sizeof(text), "disk_error_action = exec %s\n", p);
		good(text);
		assert_string_equal(conf.disk_error_action.exe, p);
	}
	if (geteuid() != 0)
		return;
	p = make_file("nobody.sh", "#!/bin/sh\n", 0755);
	assert_int_equal(chown(p, 65534, 65534), 0);
	snprintf(text, sizeof(text), "disk_error_action = exec %s\n", p);
	assert_int_equal(parse(text), -1);
	snprintf(text, sizeof(text),
		 "t.conf:1: disk_error_action: \"%s/nobody.sh\" is not owned by root", tmpdir);
	assert_string_equal(err, text);
}

static void test_bad_space_ports_text(void **state)
{
	(void)state;
	bad("space_left = 100%\n",
	    "t.conf:1: space_left: \"100%\" is out of range (0..17592186044415, or 0%..99%)");
	bad("space_left = abc\n", "t.conf:1: space_left: \"abc\" is not a number of megabytes or a percentage");
	bad("admin_space_left = 5%%\n",
	    "t.conf:1: admin_space_left: \"5%%\" is not a number of megabytes or a percentage");
	bad("admin_space_left = %\n",
	    "t.conf:1: admin_space_left: \"%\" is not a number of megabytes or a percentage");
	bad("tcp_client_ports = 10-5\n", "t.conf:1: tcp_client_ports: \"10-5\" is a reversed range");
	bad("tcp_client_ports = 1-65536\n", "t.conf:1: tcp_client_ports: \"1-65536\" is out of range (0..65535)");
	bad("tcp_client_ports = 1--2\n",
	    "t.conf:1: tcp_client_ports: \"1--2\" is not a port or a range (N or N-M)");
	bad("tcp_client_ports = 1-\n", "t.conf:1: tcp_client_ports: \"1-\" is not a port or a range (N or N-M)");
	bad("log_group = nosuchgroup\n", "t.conf:1: log_group: no group named \"nosuchgroup\"");
	bad("log_group = 4abc\n", "t.conf:1: log_group: no group named \"4abc\"");
	bad("log_group = 4294967295\n", "t.conf:1: log_group: \"4294967295\" is out of range (0..4294967294)");
	bad("action_mail_acct = a\n", "t.conf:1: action_mail_acct: \"a\" is too short (2 characters at least)");
	bad("action_mail_acct = ab+cd\n",
	    "t.conf:1: action_mail_acct: \"ab+cd\" has a character other than letters, digits, '.', '-', '_' and '@'");
	bad("action_mail_acct = a.b@c\n", "t.conf:1: action_mail_acct: \"a.b@c\" needs a '.' after the '@'");
	bad("plugin_dir = plugins.d\n", "t.conf:1: plugin_dir: \"plugins.d\" is not an absolute path");
	bad("krb5_key_file = none\n", "t.conf:1: krb5_key_file: \"none\" is not an absolute path");
	bad("log_file = audit.log\n", "t.conf:1: log_file: \"audit.log\" is not an absolute path");
	bad("log_file = /audit.log\n",
	    "t.conf:1: log_file: \"/audit.log\" needs a file name in a directory of at least 4 characters");
	bad("log_file = /var/log/\n",
	    "t.conf:1: log_file: \"/var/log/\" needs a file name in a directory of at least 4 characters");
	bad("log_file = /nonexistent/dir/audit.log\n",
	    "t.conf:1: log_file: directory \"/nonexistent/dir\": No such file or directory");
	bad("log_file = /etc/passwd/audit.log\n", "t.conf:1: log_file: \"/etc/passwd\" is not a directory");
	bad("log_file = /var/log\n", "t.conf:1: log_file: \"/var/log\" is not a regular file");
}

static void test_bad_auditkit_keys(void **state)
{
	(void)state;
	bad("q_depth_bytes = 512K\n", "t.conf:1: q_depth_bytes: \"512K\" is out of range (1024K..1024G)");
	bad("spill_max = 12X\n",
	    "t.conf:1: spill_max: \"12X\" is not a size (N megabytes, or N with K, M or G)");
	bad("spill_memory = K\n",
	    "t.conf:1: spill_memory: \"K\" is not a size (N megabytes, or N with K, M or G)");
	bad("spill_max = 99999999999999999G\n",
	    "t.conf:1: spill_max: \"99999999999999999G\" is out of range (0K..1048576G)");
	bad("rotate_interval = 10\n",
	    "t.conf:1: rotate_interval: \"10\" is not an interval (hourly, daily, weekly, none, or N with s, m or h)");
	bad("rotate_interval = 5d\n",
	    "t.conf:1: rotate_interval: \"5d\" is not an interval (hourly, daily, weekly, none, or N with s, m or h)");
	bad("rotate_interval = 0s\n", "t.conf:1: rotate_interval: \"0s\" is out of range (1s..31622400s)");
	bad("rotate_interval = 9000h\n", "t.conf:1: rotate_interval: \"9000h\" is out of range (1s..31622400s)");
	bad("spill_dir = spool\n", "t.conf:1: spill_dir: \"spool\" is not an absolute path");
	bad("single_command = init 1\n", "t.conf:1: single_command: \"init 1\" does not start with an absolute path");
	bad("rotate_timestamp = 1\n", "t.conf:1: rotate_timestamp: \"1\" is not one of yes, no");
}

/* ---- warnings and deprecated keys ---- */

static void test_warnings(void **state)
{
	(void)state;
	good("dispatcher = /sbin/audispd\ndisp_qos = anything\nlog_format = nolog\n"
	     "q_depth = 100\nflush = data\nfreq = 5\n");
	assert_false(conf.write_logs);
	assert_int_equal(conf.log_format, CONF_FORMAT_RAW);
	assert_int_equal(conf.warnings.count, 5);
	assert_string_equal(conf.warnings.text[0], "t.conf:1: dispatcher is deprecated and ignored");
	assert_string_equal(conf.warnings.text[1], "t.conf:2: disp_qos is deprecated and ignored");
	assert_string_equal(conf.warnings.text[2],
			    "t.conf:3: log_format = NOLOG is deprecated; it means write_logs = no");
	assert_string_equal(conf.warnings.text[3],
			    "t.conf:4: q_depth 100 is small; 512 or more leaves a safety margin");
	assert_string_equal(conf.warnings.text[4], "t.conf: freq is set but flush = DATA does not use it");
	good("q_depth = 512\n");
	assert_int_equal(conf.warnings.count, 0);
	good("space_left_action = email\nmail_command = /nonexistent/sendmail -t\n");
	assert_int_equal(conf.warnings.count, 1);
	assert_string_equal(conf.warnings.text[0],
			    "t.conf: an action is email but /nonexistent/sendmail is not executable");
	good("space_left_action = email\nmail_command = /bin/sh -c true\n");
	assert_int_equal(conf.warnings.count, 0);
	good("disp_qos = a\ndisp_qos = a\ndisp_qos = a\ndisp_qos = a\ndisp_qos = a\n"
	     "disp_qos = a\ndisp_qos = a\ndisp_qos = a\ndisp_qos = a\ndisp_qos = a\n");
	assert_int_equal(conf.warnings.count, CONF_WARN_MAX);
	assert_int_equal(conf.warnings.dropped, 2);
}

/* ---- conf_validate ---- */

static void validate_bad(const char *text, const char *msg)
{
	good(text);
	assert_int_equal(conf_validate("t.conf", &conf, err, sizeof(err)), -1);
	assert_string_equal(err, msg);
}

static void validate_good(const char *text)
{
	good(text);
	if (conf_validate("t.conf", &conf, err, sizeof(err)) != 0)
		fail_msg("%s: %s", text, err);
}

static void test_validate(void **state)
{
	(void)state;
	validate_bad("", "t.conf: space_left (0) must be larger than admin_space_left (0)");
	validate_bad("space_left = 50\nadmin_space_left = 75\n",
		     "t.conf: space_left (50) must be larger than admin_space_left (75)");
	validate_bad("space_left = 5%\nadmin_space_left = 5%\n",
		     "t.conf: space_left (5%) must be larger than admin_space_left (5%)");
	validate_good("space_left = 75\nadmin_space_left = 50\n");
	validate_good("space_left = 5%\nadmin_space_left = 50\n");	/* mixed: at start */
	validate_good("space_left = 10%\nadmin_space_left = 5%\n");
	validate_bad("space_left = 75\nadmin_space_left = 50\nflush = incremental_async\n",
		     "t.conf: flush = INCREMENTAL_ASYNC needs freq above 0");
	validate_good("space_left = 75\nadmin_space_left = 50\nflush = incremental\nfreq = 1\n");
	validate_bad("space_left = 75\nadmin_space_left = 50\nname_format = user\n",
		     "t.conf: name_format = USER needs a name");
	validate_bad("space_left = 75\nadmin_space_left = 50\nlog_file = /var/log/audit.log\nlog_group = 4\n",
		     "t.conf: log_file \"/var/log/audit.log\" is directly in /var/log; log_group would change that directory's group");
	validate_good("space_left = 75\nadmin_space_left = 50\nlog_file = /var/log/audit.log\n");
}

/* ---- conf_load ---- */

static void load_bad(const char *path, unsigned flags, const char *msg)
{
	char want[512];

	assert_int_equal(conf_load(path, flags, &conf, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "%s%s", path, msg);
	assert_string_equal(err, want);
}

static void test_load(void **state)
{
	const char *ok = "space_left = 75\nadmin_space_left = 50\nfreq = 7\n";
	char path[256], link[256], dir[256];

	(void)state;
	snprintf(path, sizeof(path), "%s", make_file("auditd.conf", ok, 0640));
	assert_int_equal(conf_load(path, CONF_CHECK_OWNER, &conf, err, sizeof(err)), 0);
	assert_int_equal(conf.freq, 7);
	load_bad("/nonexistent/auditd.conf", 0, ": No such file or directory");
	snprintf(dir, sizeof(dir), "%s/dir.conf", tmpdir);
	assert_int_equal(mkdir(dir, 0700), 0);
	load_bad(dir, 0, ": not a regular file");
	snprintf(link, sizeof(link), "%s/link.conf", tmpdir);
	assert_int_equal(symlink(path, link), 0);
	load_bad(link, 0, ": is a symbolic link (auditd -l allows that)");
	assert_int_equal(conf_load(link, CONF_ALLOW_SYMLINK, &conf, err, sizeof(err)), 0);
	assert_int_equal(conf.freq, 7);
	/* errors name the file and the line; validation runs too */
	make_file("auditd.conf", "# x\nfreq = x\n", 0600);
	load_bad(path, 0, ":2: freq: \"x\" is not a number");
	make_file("auditd.conf", "freq = 1\n", 0600);
	load_bad(path, 0, ": space_left (0) must be larger than admin_space_left (0)");
	/* group or world writable: refused only with CONF_CHECK_OWNER */
	make_file("auditd.conf", ok, 0664);
	load_bad(path, CONF_CHECK_OWNER, ": group or world writable (mode 0664)");
	assert_int_equal(conf_load(path, 0, &conf, err, sizeof(err)), 0);
	make_file("auditd.conf", ok, 0602);
	load_bad(path, CONF_CHECK_OWNER, ": group or world writable (mode 0602)");
	if (geteuid() != 0)
		return;
	make_file("auditd.conf", ok, 0600);
	assert_int_equal(chown(path, 65534, 65534), 0);
	load_bad(path, CONF_CHECK_OWNER, ": not owned by root");
	assert_int_equal(conf_load(path, 0, &conf, err, sizeof(err)), 0);
}

static void test_etc_auditd_conf(void **state)
{
	(void)state;
	if (conf_load(ETC_CONF, 0, &conf, err, sizeof(err)) != 0)
		fail_msg("%s", err);
	assert_string_equal(conf.log_file, "/var/log/audit/audit.log");
	assert_int_equal(conf.log_format, CONF_FORMAT_ENRICHED);
	assert_int_equal(conf.flush, CONF_FLUSH_INCREMENTAL_ASYNC);
	assert_int_equal(conf.max_log_file_action.kind, CONF_ACT_ROTATE);
	assert_int_equal(conf.num_logs, 5);
	assert_int_equal(conf.warnings.count, 0);
}

/* ---- the reference's recorded verdicts ---- */

/* The line the reference stopped at: "line N" in its last message that
 * has one (0 when none does). */
static unsigned ref_line(const char *ref)
{
	unsigned line = 0;
	const char *p = ref;

	while ((p = strstr(p, "line ")) != NULL) {
		if (p[5] >= '0' && p[5] <= '9')
			line = (unsigned)atoi(p + 5);
		p += 5;
	}
	return line;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *buf = calloc(1, 1 << 16);

	assert_non_null(f);
	*len = fread(buf, 1, (1 << 16) - 1, f);
	fclose(f);
	return buf;
}

/* "@LOGDIR@" in a case stands for a directory that exists. */
static char *substitute(const char *text, size_t *len)
{
	char *out = calloc(1, strlen(text) + 256), *o = out;
	const char *p;

	while ((p = strstr(text, "@LOGDIR@")) != NULL) {
		memcpy(o, text, (size_t)(p - text));
		o += p - text;
		o += sprintf(o, "%s", tmpdir);
		text = p + 8;
	}
	strcpy(o, text);
	*len = strlen(out);
	return out;
}

/* Case names where auditkit differs on purpose (reference-differences.txt:
 * "name reason..." lines). */
static bool is_known_difference(const char *diffs, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = diffs; p && *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncmp(p, name, n) == 0 && (p[n] == ' ' || p[n] == '\n'))
			return true;
	return false;
}

/* Our verdict on one case: 0 accepted, else the line we stopped at (or
 * UINT_MAX for a whole-file error). */
static unsigned our_verdict(const char *text, size_t len)
{
	unsigned line;

	if (conf_parse("c", text, len, &conf, err, sizeof(err)) == 0)
		return conf_validate("c", &conf, err, sizeof(err)) == 0 ? 0 : UINT_MAX;
	line = (unsigned)atoi(err + 2);
	return line ? line : UINT_MAX;
}

static void check_case(const char *dir, const char *name, const char *diffs,
		       unsigned *checked, unsigned *failed)
{
	char path[512];
	size_t len, rlen;
	char *raw, *text, *ref;
	unsigned ours, theirs;
	bool ref_accepts;

	snprintf(path, sizeof(path), "%s/%s.ref", dir, name);
	ref = slurp(path, &rlen);
	snprintf(path, sizeof(path), "%s/%s.conf", dir, name);
	raw = slurp(path, &len);
	text = substitute(raw, &len);
	ref_accepts = strncmp(ref, "exit 1\n", 7) == 0;
	theirs = ref_line(ref);
	ours = our_verdict(text, len);
	if (!is_known_difference(diffs, name)) {
		if (ref_accepts != (ours == 0)) {
			print_message("# %s: reference %s, auditkit %s (%s)\n", name,
				      ref_accepts ? "accepts" : "refuses",
				      ours ? "refuses" : "accepts", ours ? err : "");
			(*failed)++;
		} else if (theirs && ours != UINT_MAX && ours != theirs) {
			print_message("# %s: reference stopped at line %u, auditkit at %u: %s\n",
				      name, theirs, ours, err);
			(*failed)++;
		}
		(*checked)++;
	}
	free(raw);
	free(text);
	free(ref);
}

static void test_reference_cases(void **state)
{
	DIR *d = opendir(REF_DIR);
	struct dirent *e;
	size_t dlen;
	char *diffs = slurp(DIFFS, &dlen);
	unsigned checked = 0, failed = 0;

	(void)state;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char name[256];

		if (n < 5 || strcmp(e->d_name + n - 4, ".ref") != 0 || n - 4 >= sizeof(name))
			continue;
		memcpy(name, e->d_name, n - 4);
		name[n - 4] = '\0';
		check_case(REF_DIR, name, diffs, &checked, &failed);
	}
	closedir(d);
	free(diffs);
	assert_int_equal(failed, 0);
	assert_true(checked > 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_booleans),
		cmocka_unit_test(test_keywords),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_space),
		cmocka_unit_test(test_ports),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_text_and_paths),
		cmocka_unit_test(test_auditkit_keys_values),
		cmocka_unit_test(test_line_rules),
		cmocka_unit_test(test_bad_numbers),
		cmocka_unit_test(test_bad_words),
		cmocka_unit_test(test_bad_actions),
		cmocka_unit_test(test_bad_exec_files),
		cmocka_unit_test(test_bad_space_ports_text),
		cmocka_unit_test(test_bad_auditkit_keys),
		cmocka_unit_test(test_warnings),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_etc_auditd_conf),
		cmocka_unit_test(test_reference_cases),
	};
	return cmocka_run_group_tests(tests, make_tmpdir, remove_tmpdir);
}
