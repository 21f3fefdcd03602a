/*
 * fuzz_record: libFuzzer harness for record.c. The input is one line:
 * record_parse, then every field of the body and of the enriched part
 * walked, classified, hex-decoded when it looks hex and read as numbers;
 * record_parse_netlink on the same bytes. Asserts that every pointer
 * handed back lies inside the input.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"

static void fuzz_in(const char *p, size_t n, const char *buf, size_t len)
{
	if (n && (p < buf || p + n > buf + len))
		abort();
}

static void fuzz_walk(struct record_cursor *c, const char *buf, size_t len)
{
	struct record_field f;
	char out[64];
	uint64_t u;
	int64_t i;

	while (record_next_field(c, &f)) {
		fuzz_in(f.name, f.name_len, buf, len);
		fuzz_in(f.value, f.value_len, buf, len);
		if (record_value_is_hex(&f) &&
		    record_hex_decode(f.value, f.value_len, out, sizeof(out)) !=
			    f.value_len / 2)
			abort();
		(void)record_value_u64(f.value, f.value_len, 10, &u);
		(void)record_value_u64(f.value, f.value_len, 16, &u);
		(void)record_value_i64(f.value, f.value_len, &i);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *buf = (const char *)data;
	struct record r;
	struct record_cursor c;
	enum record_error e;

	if (record_parse(buf, size, &r, &e) == 0) {
		fuzz_in(r.body, r.body_len, buf, size);
		fuzz_in(r.type_name, r.type_name_len, buf, size);
		if (r.node)
			fuzz_in(r.node, r.node_len, buf, size);
		if (r.msec > 999)
			abort();
		record_cursor_init(&c, &r);
		fuzz_walk(&c, buf, size);
		record_cursor_init_enriched(&c, &r);
		fuzz_walk(&c, buf, size);
	} else if (!record_error_text(e)) {
		abort();
	}
	if (record_parse_netlink(1300, buf, size, &r, &e) == 0) {
		fuzz_in(r.body, r.body_len, buf, size);
		record_cursor_init(&c, &r);
		fuzz_walk(&c, buf, size);
	}
	return 0;
}
