/*
 * encode: quoted or hex encoding of audit string values (see encode.h).
 */
#include <string.h>
#include "encode.h"

bool encode_needs_hex(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch <= 0x20 || ch >= 0x7f || ch == '"')
			return true;
	}
	return false;
}

size_t encode_value(const char *s, size_t len, char *buf)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = 0;

	if (!encode_needs_hex(s, len)) {
		buf[n++] = '"';
		memcpy(buf + n, s, len);
		n += len;
		buf[n++] = '"';
	} else {
		for (size_t i = 0; i < len; i++) {
			buf[n++] = hex[(unsigned char)s[i] >> 4];
			buf[n++] = hex[(unsigned char)s[i] & 0xf];
		}
	}
	buf[n] = '\0';
	return n;
}
