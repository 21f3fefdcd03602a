/*
 * test_interpret: ausearch -i's interpretation of records (lib/interpret*).
 *
 * The main test replays tests/data/interpret/cases.log, crafted records
 * covering every kind of field, every decoded syscall argument and the
 * reference's tokenizing quirks, and compares each with the text the
 * reference ausearch 3.0.9 printed (cases.out, made by make-cases.py
 * there). The other tests pin the per-field API, the ENRICHED kinds
 * auditd relies on, snprintf-like truncation, and malformed input: odd
 * hex, huge numbers, unknown machines and syscalls, empty values, long
 * values and random bytes must never crash or overrun (run it under the
 * sanitized build).
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
#include <linux/audit.h>
#include "interpret.h"
#include "tables.h"

#define CASES TESTS_DATA "/interpret/cases"

static struct interp_names *names;

static int setup(void **state)
{
	(void)state;
	return interp_names_new(&names);
}

static int teardown(void **state)
{
	(void)state;
	interp_names_free(names);
	return 0;
}

/* Split "type=T msg=audit(...): BODY[\x1dENRICHED]" (test data only). */
static int split_line(char *line, int *type, char **body, size_t *blen,
		      char **enr, size_t *elen)
{
	char *t = strstr(line, "type="), *sp, *b, *e;

	if (!t || !(sp = strchr(t, ' ')) || !(b = strstr(sp, "): ")))
		return -1;
	*sp = '\0';
	if (table_number(&table_msgtype, t + 5, type) < 0 &&
	    sscanf(t + 5, "UNKNOWN[%d]", type) != 1)
		return -1;
	b += 3;
	e = strchr(b, 0x1d);
	*body = b;
	*blen = e ? (size_t)(e - b) : strlen(b);
	*enr = e ? e + 1 : NULL;
	*elen = e ? strlen(e + 1) : 0;
	return 0;
}

static void chomp(char *s)
{
	size_t n = strlen(s);

	if (n > 0 && s[n - 1] == '\n')
		s[n - 1] = '\0';
}

static void test_reference_cases(void **state)
{
	FILE *in = fopen(CASES ".log", "r"), *ref = fopen(CASES ".out", "r");
	static char line[65536], want[65536], got[65536];
	unsigned n = 0, bad = 0;

	(void)state;
	assert_non_null(in);
	assert_non_null(ref);
	while (fgets(line, sizeof(line), in)) {
		int type = 0;
		char *body = NULL, *enr = NULL;
		size_t blen = 0, elen = 0, len;

		assert_non_null(fgets(want, sizeof(want), ref));
		chomp(line);
		chomp(want);
		assert_int_equal(split_line(line, &type, &body, &blen, &enr, &elen), 0);
		len = interp_record(names, type, body, blen, enr, elen, got, sizeof(got));
		assert_int_equal(len, strlen(got));
		/* cases.out writes a text's own trailing newline as \n. */
		if (len > 0 && got[len - 1] == '\n' && len + 1 < sizeof(got))
			strcpy(got + len - 1, "\\n");
		n++;
		if (strcmp(got, want) != 0 && bad++ < 5)
			print_message("case %u\n want: %s\n got:  %s\n", n, want, got);
	}
	fclose(in);
	fclose(ref);
	print_message("%u reference cases, %u differ\n", n, bad);
	assert_true(n > 500);
	assert_int_equal(bad, 0);
}

static size_t value_of(uint16_t type, const char *name, const char *v,
		       char *out, size_t cap)
{
	struct interp_context ctx;
	enum interp_kind k = interp_search_kind(type, name, strlen(name));

	interp_context_init_search(&ctx, type, "", 0);
	return interp_value(names, &ctx, k, v, strlen(v), out, cap);
}

static void test_field_api(void **state)
{
	char out[256];

	(void)state;
	value_of(AUDIT_CWD, "exit", "-2", out, sizeof(out));
	assert_string_equal(out, "ENOENT(No such file or directory)");
	value_of(AUDIT_CWD, "mode", "0100644", out, sizeof(out));
	assert_string_equal(out, "file,644");
	value_of(AUDIT_MQ_OPEN, "mode", "0100644", out, sizeof(out));
	assert_string_equal(out, "0644");
	value_of(AUDIT_CWD, "ses", "4294967295", out, sizeof(out));
	assert_string_equal(out, "unset");
	value_of(AUDIT_CWD, "cap_pe", "400", out, sizeof(out));
	assert_string_equal(out, "net_bind_service");
	value_of(AUDIT_EXECVE, "a1", "2D6C", out, sizeof(out));
	assert_string_equal(out, "-l");
	value_of(AUDIT_CWD, "key", "6101620163", out, sizeof(out));
	assert_string_equal(out, "a key=b key=c");
	value_of(AUDIT_PATH, "flags", "0x41", out, sizeof(out));
	assert_string_equal(out, "follow,atomic");
	value_of(AUDIT_CWD, "uid", "0", out, sizeof(out));
	assert_string_equal(out, "root");
	assert_int_equal(interp_search_kind(AUDIT_AVC, "saddr", 5), INTERP_NONE);
	assert_int_equal(interp_search_kind(AUDIT_CWD, "saddr", 5), INTERP_SOCKADDR);
	assert_int_equal(interp_search_kind(AUDIT_CWD, "nosuch", 6), INTERP_NONE);
}

/* auditd's ENRICHED output must keep its five kinds only. */
static void test_enriched_kinds_unchanged(void **state)
{
	(void)state;
	assert_int_equal(interp_kind_of(AUDIT_SYSCALL, "exit", 4), INTERP_NONE);
	assert_int_equal(interp_kind_of(AUDIT_SYSCALL, "a0", 2), INTERP_NONE);
	assert_int_equal(interp_kind_of(AUDIT_CWD, "cwd", 3), INTERP_NONE);
	assert_int_equal(interp_kind_of(AUDIT_SYSCALL, "auid", 4), INTERP_UID);
	assert_int_equal(interp_kind_of(AUDIT_SYSCALL, "arch", 4), INTERP_ARCH);
}

/* Every cap gives the same length, and a prefix of the full text. */
static void assert_truncates(int type, const char *body)
{
	static char full[65536];
	char part[64];
	size_t n = interp_record(names, type, body, strlen(body), NULL, 0, full,
				 sizeof(full));

	assert_true(n < sizeof(full));
	assert_int_equal(interp_record(names, type, body, strlen(body), NULL, 0,
				       NULL, 0), n);
	for (size_t cap = 1; cap < sizeof(part); cap += 7) {
		memset(part, 'X', sizeof(part));
		assert_int_equal(interp_record(names, type, body, strlen(body), NULL,
					       0, part, cap), n);
		assert_int_equal(part[cap - 1 < n ? cap - 1 : n], '\0');
		assert_memory_equal(part, full, cap - 1 < n ? cap - 1 : n);
		assert_int_equal(part[cap], 'X');
	}
}

static const struct {
	int type;
	const char *body;
} malformed[] = {
	{ AUDIT_SYSCALL, "arch=c000003e syscall=99999999999999999999999 a0=1" },
	{ AUDIT_SYSCALL, "arch=ffffffffffffffffffff syscall=-5 a0=zz a1= a2=-" },
	{ AUDIT_SYSCALL, "arch=c000003e syscall=2 a0=fffffffffffffffffffffff a1=ffffffffffffffffffffff a2=1ff" },
	{ AUDIT_SYSCALL, "arch=40000003 syscall=102 a0=99999999999999999999 a1=1" },
	{ AUDIT_SYSCALL, "arch=c000003e syscall=54 a0=1 a1=ffffffffffffffff a2=ffffffffffffffff" },
	{ AUDIT_SYSCALL, "arch= syscall= a0= a1= a2= a3= exit= uid= gid=" },
	{ AUDIT_CWD, "cwd=2F7 name=2 path=ABCDEFGHI key=0 proctitle=0 data=ABC" },
	{ AUDIT_CWD, "saddr=0 saddr=01 saddr=0200 saddr=0A00 saddr=1000 saddr=(x saddr=(" },
	{ AUDIT_CWD, "mode=-1 mode=777777777777777777777777 perm=-1 cap_pi=fffffffffffffffffffffff" },
	{ AUDIT_CWD, "exit=-99999999999999999999 exit=-2147483648 exit=-9223372036854775808" },
	{ AUDIT_CWD, "sig=-1 capability=99999999999999999999 list=-1 icmptype=-1 per=-1" },
	{ AUDIT_CWD, "name=\" name=\"\" name=\"\"\" msg=' msg='x=1 msg=" },
	{ AUDIT_SECCOMP, "arch=c000003e syscall=99999 code=ffffffffffffffffffff" },
	{ AUDIT_EXECVE, "argc=2 a0=0 a1=00 a2=000 a3[0]=1 a" },
	{ AUDIT_TTY, "data=1B1B1B5B data=1B5B31 data=1B5B3135 data=0" },
	{ 0, "= == === '=' \"=\" x=\"" },
};

static void test_malformed(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(malformed) / sizeof(malformed[0]); i++)
		assert_truncates(malformed[i].type, malformed[i].body);
}

/* Long values: escaped, tty data and socket addresses past any buffer. */
static void test_long_values(void **state)
{
	static const char *const fields[] = { "name", "data", "saddr", "proctitle", "key" };
	size_t hexlen = 40000, cap = 1 << 20;
	char *body = malloc(hexlen + 64), *out = malloc(cap);

	(void)state;
	assert_non_null(body);
	assert_non_null(out);
	for (size_t f = 0; f < sizeof(fields) / sizeof(fields[0]); f++) {
		size_t p = (size_t)sprintf(body, "%s=", fields[f]), n;

		for (size_t i = 0; i < hexlen; i++)
			body[p + i] = "0123456789ABCDEF"[(i * 7 + 3) % 16];
		body[p + hexlen] = '\0';
		n = interp_record(names, AUDIT_TTY, body, strlen(body), NULL, 0, out, cap);
		assert_true(n > 0 && n < cap);
		assert_int_equal(strlen(out), n);
	}
	free(body);
	free(out);
}

/* Random bodies built from the bytes that matter to the tokenizer. */
static void test_random_bodies(void **state)
{
	static const char alphabet[] = "=  '\"()x0123456789abcdefABCDEF-\x01\n";
	static const char *const words[] = {
		"uid=", "a0=", "a1=", "a2=", "a3=", "arch=c000003e ", "syscall=",
		"name=", "data=", "saddr=", "msg='", "mode=", "key=", "exit=-",
		"proctitle=", "flags=", "cap_pi=", "sig=", "res=",
	};
	static const int types[] = {
		AUDIT_SYSCALL, AUDIT_CWD, AUDIT_PATH, AUDIT_EXECVE, AUDIT_TTY,
		AUDIT_SECCOMP, AUDIT_MQ_OPEN, 1121, 1100,
	};
	unsigned seed = 12345;
	char body[512];

	(void)state;
	for (int round = 0; round < 3000; round++) {
		size_t n = 0;

		while (n < sizeof(body) - 32) {
			seed = seed * 1103515245u + 12345u;
			if ((seed >> 16) % 3 == 0) {
				const char *w = words[(seed >> 8) % (sizeof(words) / sizeof(words[0]))];

				memcpy(body + n, w, strlen(w));
				n += strlen(w);
			} else {
				body[n++] = alphabet[(seed >> 8) % (sizeof(alphabet) - 1)];
			}
			if ((seed >> 20) % 40 == 0)
				break;
		}
		body[n] = '\0';
		assert_truncates(types[round % (sizeof(types) / sizeof(types[0]))], body);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reference_cases),
		cmocka_unit_test(test_field_api),
		cmocka_unit_test(test_enriched_kinds_unchanged),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_long_values),
		cmocka_unit_test(test_random_bodies),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
