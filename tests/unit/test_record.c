/*
 * test_record: splitting log lines and netlink payloads into records, and
 * walking their fields.
 *
 * The accepted and refused odd lines are the ones the reference's
 * "ausearch --raw -if FILE" keeps or drops (found by running it on
 * one-line files): runs of spaces, missing body, short msec, a node= or
 * not; a second node=, a word before type=, a tab, are not records; a
 * 4-digit msec or a 21-digit number is "Error extracting time stamp".
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "record.h"
#include "tables.h"

static struct record parse_ok(const char *line)
{
	struct record r;
	enum record_error e = RECORD_ERR_EMPTY;

	assert_int_equal(record_parse(line, strlen(line), &r, &e), 0);
	assert_int_equal(e, RECORD_OK);
	return r;
}

static void parse_bad(const char *line, size_t len, enum record_error want)
{
	struct record r;
	enum record_error e = RECORD_OK;

	assert_int_equal(record_parse(line, len, &r, &e), -EINVAL);
	assert_int_equal(e, want);
	assert_non_null(record_error_text(e));
}

static void assert_span(const char *p, size_t n, const char *want)
{
	assert_non_null(p);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(p, want, n);
}

static void test_basic(void **state)
{
	const char *l = "type=SYSCALL msg=audit(1700000000.123:4567): arch=c000003e syscall=2\n";
	struct record r = parse_ok(l);

	(void)state;
	assert_null(r.node);
	assert_span(r.type_name, r.type_name_len, "SYSCALL");
	assert_int_equal(r.type, 1300);
	assert_int_equal(r.sec, 1700000000);
	assert_int_equal(r.msec, 123);
	assert_int_equal(r.serial, 4567);
	assert_span(r.body, r.body_len, "arch=c000003e syscall=2");
	assert_null(r.enriched);
	assert_int_equal(r.line_len, strlen(l) - 1);
}

static void test_node_and_enriched(void **state)
{
	struct record r = parse_ok("node=web1 type=CWD msg=audit(1.002:3): cwd=\"/\"\x1dUID=\"root\" X=y");

	(void)state;
	assert_span(r.node, r.node_len, "web1");
	assert_int_equal(r.type, 1307);
	assert_int_equal(r.msec, 2);
	assert_span(r.body, r.body_len, "cwd=\"/\"");
	assert_span(r.enriched, r.enriched_len, "UID=\"root\" X=y");
	r = parse_ok("node= type=CWD msg=audit(1.002:3): cwd=\"/\"");
	assert_non_null(r.node);
	assert_int_equal(r.node_len, 0);
}

/* Odd lines the reference keeps, and how it reads their stamps. */
static void test_lenient(void **state)
{
	struct record r;

	(void)state;
	r = parse_ok("  type=CWD   msg=audit(5.1:7):   cwd=x");
	assert_int_equal(r.msec, 1);	/* 12 and 120 are different events */
	/* the body starts right after "): ": -i prints the other blanks */
	assert_span(r.body, r.body_len, "  cwd=x");
	r = parse_ok("type=CWD msg=audit(5.1:7):cwd=x");
	assert_span(r.body, r.body_len, "cwd=x");
	r = parse_ok("type=CWD msg=audit(5.1:7)  cwd=x");
	assert_span(r.body, r.body_len, " cwd=x");
	r = parse_ok("type=CWD msg=audit(5.12:7)");
	assert_int_equal(r.msec, 12);
	assert_int_equal(r.body_len, 0);
	r = parse_ok("type=CWD msg=audit(5:7");	/* no ')' */
	assert_int_equal(r.sec, 5);
	assert_int_equal(r.msec, 0);
	assert_int_equal(r.serial, 7);
	r = parse_ok("type=CWD msg=audit(5.123:): a=1");
	assert_int_equal(r.serial, 0);
	r = parse_ok("type=CWD msg=audit(5.123): a=1");
	assert_int_equal(r.serial, 0);
	r = parse_ok("type=CWD msg=audit(5.123:100x): a=1");
	assert_int_equal(r.serial, 100);
	r = parse_ok("type=CWD msg=audit(170a.123:9):a=1");
	assert_int_equal(r.sec, 170);
	assert_span(r.body, r.body_len, "a=1");
	r = parse_ok("type=CWD msg=audit(1.123:18446744073709551615): a=1");
	assert_true(r.serial == UINT64_MAX);
	r = parse_ok("type=CWD msg=audit(1.123:-5): a=1");
	assert_true(r.serial == (uint64_t)0 - 5);
	r = parse_ok("type=CWD msg=audit(1.123:9) : a=1");
	assert_span(r.body, r.body_len, ": a=1");
}

static void test_types(void **state)
{
	(void)state;
	assert_int_equal(parse_ok("type=UNKNOWN[1500] msg=audit(1.0:1): a").type, 1500);
	assert_int_equal(parse_ok("type=1307 msg=audit(1.0:1): a").type, 1307);
	assert_int_equal(parse_ok("type=cwd msg=audit(1.0:1): a").type, 1307);
	assert_int_equal(parse_ok("type=FOO msg=audit(1.0:1): a").type, 0);
	assert_int_equal(parse_ok("type=UNKNOWN[abc] msg=audit(1.0:1): a").type, 0);
	assert_int_equal(parse_ok("type= msg=audit(1.0:1): a").type, 0);
	assert_int_equal(parse_ok("type=EOE msg=audit(1.0:1): ").type, 1320);
	assert_int_equal(parse_ok("type=USER_LOGIN msg=audit(1.0:1): a").type, 1112);
	/* the cache answers the same the second time */
	assert_int_equal(parse_ok("type=cwd msg=audit(1.0:1): a").type, 1307);
	assert_int_equal(parse_ok("type=CWD msg=audit(1.0:1): a").type, 1307);
}

/* Every name of the table, in turns that collide in the type cache, and
 * in lower case: the number is the table's. */
static void test_every_type(void **state)
{
	char line[128];
	size_t i, round;

	(void)state;
	for (round = 0; round < 3; round++) {
		for (i = 0; i < table_msgtype.count; i++) {
			const struct table_entry *t = &table_msgtype.by_name[i];
			struct record r;
			char *p;

			snprintf(line, sizeof(line), "type=%s msg=audit(1.0:%zu): a=1",
				 t->name, i);
			if (round == 2)
				for (p = line + 5; *p != ' '; p++)
					*p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
			assert_int_equal(record_parse(line, strlen(line), &r, NULL), 0);
			assert_int_equal(r.type, t->number);
		}
	}
}

/* A NUL ends the line, as in the reference (which reads C strings). */
static void test_nul(void **state)
{
	static const char nul[] = "type=CWD msg=audit(1.0:1): a=1\0b=2\x1dX=y";
	struct record r;
	enum record_error e = RECORD_ERR_EMPTY;

	(void)state;
	assert_int_equal(record_parse(nul, sizeof(nul) - 1, &r, &e), 0);
	assert_int_equal(e, RECORD_OK);
	assert_int_equal(r.line_len, strlen(nul));
	assert_span(r.body, r.body_len, "a=1");
	assert_null(r.enriched);
}

static void test_refused(void **state)
{
	char *big;

	(void)state;
	parse_bad("", 0, RECORD_ERR_EMPTY);
	parse_bad("   \n", 4, RECORD_ERR_EMPTY);
	parse_bad("x=1 type=CWD msg=audit(1.0:1): a", 32, RECORD_ERR_NO_TYPE);
	parse_bad("node=a node=b type=CWD msg=audit(1.0:1): a", 42, RECORD_ERR_NO_TYPE);
	parse_bad("type=CWD x=1 msg=audit(1.0:1): a", 32, RECORD_ERR_NO_MSG);
	parse_bad("type=CWDmsg=audit(1.0:1): a", 27, RECORD_ERR_NO_MSG);
	parse_bad("type=CWD\tmsg=audit(1.0:1): a", 28, RECORD_ERR_NO_MSG);
	parse_bad("type=CWD msg=xaudit(1.0:1): a", 29, RECORD_ERR_NO_MSG);
	parse_bad("type=CWD", 8, RECORD_ERR_NO_MSG);
	parse_bad("type=CWD msg=audit(1.1234:1): a", 31, RECORD_ERR_BAD_TIME);
	parse_bad("type=CWD msg=audit(99999999999999999999.1:1): a", 47, RECORD_ERR_BAD_TIME);
	parse_bad("type=CWD msg=audit(1.1:99999999999999999999): a", 47, RECORD_ERR_BAD_TIME);
	parse_bad("type=CWD msg=audit(", 19, RECORD_ERR_NO_TIME);
	parse_bad("type=CWD msg=audit(): a", 23, RECORD_ERR_NO_TIME);
	parse_bad("type=CWD msg=audit(abc:def): a", 30, RECORD_ERR_NO_TIME);
	parse_bad("type=CWD msg=audit(.5:7): a", 27, RECORD_ERR_NO_TIME);
	parse_bad("type=CWD msg=audit( 5.1:7): a", 29, RECORD_ERR_NO_TIME);
	parse_bad("\0type=CWD msg=audit(1.0:1): a", 30, RECORD_ERR_EMPTY);
	assert_string_not_equal(record_error_text(RECORD_ERR_NO_TIME),
				record_error_text(RECORD_ERR_BAD_TIME));
	/* 1 MB of junk: refused without reading past the end (ASan checks) */
	big = malloc(1 << 20);
	assert_non_null(big);
	memset(big, 'A', 1 << 20);
	parse_bad(big, 1 << 20, RECORD_ERR_NO_TYPE);
	memcpy(big, "type=", 5);
	parse_bad(big, 1 << 20, RECORD_ERR_NO_MSG);
	free(big);
}

/* Every prefix of a valid line parses or fails cleanly, within bounds. */
static void test_truncated(void **state)
{
	const char *l = "node=n type=SYSCALL msg=audit(1700000000.123:4567): a=1\x1dX=y";
	size_t n, len = strlen(l);

	(void)state;
	for (n = 0; n <= len; n++) {
		char *copy = malloc(n ? n : 1);
		struct record r;

		memcpy(copy, l, n);
		if (record_parse(copy, n, &r, NULL) == 0)
			assert_true(r.body + r.body_len <= copy + n);
		free(copy);
	}
}

static void test_netlink(void **state)
{
	static const char p[] = "audit(1700000000.001:77): cwd=\"/\"\0";
	struct record r;
	enum record_error e;

	(void)state;
	assert_int_equal(record_parse_netlink(1307, p, sizeof(p) - 1, &r, &e), 0);
	assert_null(r.line);
	assert_null(r.type_name);
	assert_int_equal(r.type, 1307);
	assert_int_equal(r.msec, 1);
	assert_int_equal(r.serial, 77);
	assert_span(r.body, r.body_len, "cwd=\"/\"");
	assert_int_equal(record_parse_netlink(1307, "x", 1, &r, &e), -EINVAL);
	assert_int_equal(e, RECORD_ERR_NO_MSG);
	assert_int_equal(record_parse_netlink(1307, "", 0, &r, &e), -EINVAL);
}

static void test_fields(void **state)
{
	struct record r = parse_ok("type=SYSCALL msg=audit(1.0:1): arch=c000003e  "
				   "word comm=\"cat\" exe=2F62696E tty=(none) key=(null) =x a=");
	struct record_cursor c;
	struct record_field f;

	(void)state;
	record_cursor_init(&c, &r);
	assert_true(record_next_field(&c, &f));
	assert_span(f.name, f.name_len, "arch");
	assert_span(f.value, f.value_len, "c000003e");
	assert_int_equal(f.index, 1);
	assert_true(record_next_field(&c, &f));
	assert_span(f.name, f.name_len, "comm");
	assert_span(f.value, f.value_len, "cat");
	assert_int_equal(f.kind, RECORD_VALUE_QUOTED);
	assert_int_equal(f.index, 2);
	assert_true(record_next_field(&c, &f));
	assert_true(record_value_is_hex(&f));
	assert_true(record_next_field(&c, &f));
	assert_int_equal(f.kind, RECORD_VALUE_NONE);
	assert_true(record_next_field(&c, &f));
	assert_int_equal(f.kind, RECORD_VALUE_NULL);
	assert_true(record_next_field(&c, &f));
	assert_span(f.name, f.name_len, "a");
	assert_int_equal(f.value_len, 0);
	assert_false(record_next_field(&c, &f));
	assert_false(record_next_field(&c, &f));
}

static void test_user_msg(void **state)
{
	struct record r = parse_ok("type=USER_LOGIN msg=audit(1.0:1): pid=1 uid=0 "
				   "msg='op=login acct=\"root\" exe=\"/usr/sbin/sshd\" res=success'\x1dUID=\"root\"");
	struct record_field f;
	struct record_cursor c;

	(void)state;
	assert_true(record_find(&r, "op", &f));
	assert_span(f.value, f.value_len, "login");
	assert_true(record_find(&r, "acct", &f));
	assert_int_equal(f.kind, RECORD_VALUE_QUOTED);
	assert_span(f.value, f.value_len, "root");
	assert_true(record_find(&r, "res", &f));
	assert_span(f.value, f.value_len, "success");
	assert_false(record_find(&r, "msg", &f));
	assert_false(record_find(&r, "UID", &f));
	record_cursor_init_enriched(&c, &r);
	assert_true(record_next_field(&c, &f));
	assert_span(f.name, f.name_len, "UID");
	assert_span(f.value, f.value_len, "root");
	assert_false(record_next_field(&c, &f));
}

static void test_hex(void **state)
{
	char out[8];
	struct record_field f = { .value = "2F62696E", .value_len = 8,
				  .kind = RECORD_VALUE_PLAIN };

	(void)state;
	assert_int_equal(record_hex_decode("2F62696E", 8, out, sizeof(out)), 4);
	assert_string_equal(out, "/bin");
	assert_int_equal(record_hex_decode("610062", 6, out, sizeof(out)), 3);
	assert_memory_equal(out, "a\0b", 4);
	assert_int_equal(record_hex_decode("41424344454647484950", 20, out, 4), 10);
	assert_string_equal(out, "ABC");
	assert_int_equal(record_hex_decode("41", 2, out, 0), 1);
	assert_true(record_value_is_hex(&f));
	f.value_len = 7;
	assert_false(record_value_is_hex(&f));
	f.value = "zz";
	f.value_len = 2;
	assert_false(record_value_is_hex(&f));
}

static void test_numbers(void **state)
{
	uint64_t u;
	int64_t i;

	(void)state;
	assert_int_equal(record_value_u64("1234", 4, 10, &u), 0);
	assert_int_equal(u, 1234);
	assert_int_equal(record_value_u64("c000003e", 8, 16, &u), 0);
	assert_int_equal(u, 0xc000003e);
	assert_int_equal(record_value_u64("18446744073709551615", 20, 10, &u), 0);
	assert_true(u == UINT64_MAX);
	assert_int_equal(record_value_u64("18446744073709551616", 20, 10, &u), -ERANGE);
	assert_int_equal(record_value_u64("12a", 3, 10, &u), -EINVAL);
	assert_int_equal(record_value_u64("", 0, 10, &u), -EINVAL);
	assert_int_equal(record_value_i64("-9223372036854775808", 20, &i), 0);
	assert_true(i == INT64_MIN);
	assert_int_equal(record_value_i64("9223372036854775808", 19, &i), -ERANGE);
	assert_int_equal(record_value_i64("-13", 3, &i), 0);
	assert_int_equal(i, -13);
	assert_int_equal(record_value_i64("-", 1, &i), -EINVAL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_basic),
		cmocka_unit_test(test_node_and_enriched),
		cmocka_unit_test(test_lenient),
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_every_type),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_nul),
		cmocka_unit_test(test_truncated),
		cmocka_unit_test(test_netlink),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_user_msg),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_numbers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
