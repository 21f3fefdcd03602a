/*
 * ttydata: keystrokes to text (see ttydata.h). The key names are the ones
 * the reference prints, observed by feeding it TTY records.
 */
#include "ttydata.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int ttydata_hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static bool ttydata_is_hex(const char *p, size_t n)
{
	if (n == 0 || n % 2)
		return false;
	for (size_t i = 0; i < n; i++)
		if (ttydata_hexval(p[i]) < 0)
			return false;
	return true;
}

/* A key name for the bytes at b (n left), its length in *used; NULL for
 * a printable byte. */
static const char *ttydata_key(const unsigned char *b, size_t n, size_t *used,
			       char *tmp)
{
	static const struct { const char *seq; const char *name; } seqs[] = {
		{ "\033[A", "<up>" }, { "\033[B", "<down>" },
		{ "\033[C", "<right>" }, { "\033[D", "<left>" },
		{ "\033[H", "<home>" }, { "\033[F", "<end>" },
		{ "\033[3~", "<delete>" }, { "\033[2~", "<insert>" },
		{ "\033[5~", "<pgup>" }, { "\033[6~", "<pgdown>" },
	};
	*used = 1;
	for (size_t i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++) {
		size_t l = strlen(seqs[i].seq);
		if (l <= n && memcmp(b, seqs[i].seq, l) == 0) {
			*used = l;
			return seqs[i].name;
		}
	}
	switch (b[0]) {
	case '\r': return "<ret>";
	case '\n': return "<nl>";
	case '\t': return "<tab>";
	case 0x7f: return "<backspace>";
	case 0x1b: return "<esc>";
	}
	if (b[0] < 0x20) {
		snprintf(tmp, 8, "<^%c>", b[0] + '@');
		return tmp;
	}
	return NULL;
}

static void ttydata_run_byte(FILE *f, unsigned char c)
{
	if (c == '"' || c == '\\')
		fprintf(f, "\\%c", c);
	else if (c >= 0x80)
		fprintf(f, "\\%03o", c);
	else
		fputc(c, f);
}

char *ttydata_format(const char *data, size_t len, size_t *ret_len)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *f = open_memstream(&out, &outlen);

	if (!f)
		return NULL;
	if (!ttydata_is_hex(data, len)) {
		fwrite(data, 1, len, f);
	} else {
		size_t n = len / 2;
		unsigned char *b = malloc(n ? n : 1);
		if (!b) {
			fclose(f);
			free(out);
			return NULL;
		}
		for (size_t i = 0; i < n; i++)
			b[i] = (unsigned char)(ttydata_hexval(data[2 * i]) << 4 |
					       ttydata_hexval(data[2 * i + 1]));
		bool in_run = false, first = true;
		char tmp[8];
		for (size_t i = 0; i < n;) {
			size_t used;
			const char *key = ttydata_key(b + i, n - i, &used, tmp);
			if (key) {
				fprintf(f, "%s%s%s", in_run ? "\"" : "",
					first ? "" : ",", key);
				in_run = false;
			} else {
				if (!in_run)
					fputs(first ? "\"" : ",\"", f);
				in_run = true;
				ttydata_run_byte(f, b[i]);
			}
			first = false;
			i += used;
		}
		if (in_run)
			fputc('"', f);
		free(b);
	}
	if (fclose(f) != 0) {
		free(out);
		return NULL;
	}
	*ret_len = outlen;
	return out;
}
