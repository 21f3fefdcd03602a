/*
 * jsonstr: a byte string as a JSON string literal (see jsonstr.h).
 *
 * Valid UTF-8 sequences pass through; '"' and '\\' are escaped; every
 * other byte below 0x20, DEL, and each byte of an invalid sequence
 * becomes \\u00XX, so any input gives a valid document.
 */
#include "jsonstr.h"

#include <stdio.h>

#include "sink.h"

/* The length of the valid UTF-8 sequence at s (1..4), or 0. Overlong
 * forms, surrogates and code points above U+10FFFF are not valid. */
static size_t jsonstr_utf8_len(const unsigned char *s, size_t left)
{
	size_t n;
	unsigned cp;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		n = 2, cp = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		n = 3, cp = s[0] & 0x0F;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		n = 4, cp = s[0] & 0x07;
	else
		return 0;
	if (left < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3F);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
	    (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

/* The string's characters, escaped, without the quotes. */
static void jsonstr_body(struct sink *w, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	char esc[8];

	while (i < len) {
		size_t n = jsonstr_utf8_len(p + i, len - i);

		if (n == 1 && p[i] >= 0x20 && p[i] != '"' && p[i] != '\\' &&
		    p[i] != 0x7F) {
			sink_put(w, s + i, 1);
		} else if (n == 1 && (p[i] == '"' || p[i] == '\\')) {
			esc[0] = '\\';
			esc[1] = (char)p[i];
			sink_put(w, esc, 2);
		} else if (n > 1) {
			sink_put(w, s + i, n);
			i += n;
			continue;
		} else {
			snprintf(esc, sizeof(esc), "\\u%04X", p[i]);
			sink_put(w, esc, 6);
		}
		i++;
	}
}

void jsonstr_sink(struct sink *w, const char *s, size_t len)
{
	sink_put(w, "\"", 1);
	jsonstr_body(w, s, len);
	sink_put(w, "\"", 1);
}

void jsonstr_file(FILE *f, const char *s, size_t len)
{
	char buf[512];
	size_t done = 0;

	/* In pieces: at most 6 bytes of output per byte of input, and a
	 * piece never splits a UTF-8 sequence. */
	fputc('"', f);
	while (done < len) {
		size_t n = len - done < 80 ? len - done : 80;
		struct sink w = { buf, sizeof(buf), 0 };

		while (n < len - done && n > 1 &&
		       ((unsigned char)s[done + n] & 0xC0) == 0x80)
			n--;
		jsonstr_body(&w, s + done, n);
		fwrite(buf, 1, w.len, f);
		done += n;
	}
	fputc('"', f);
}
