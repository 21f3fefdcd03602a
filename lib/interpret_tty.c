/*
 * interpret_tty: the data= of TTY and USER_TTY records (what a user
 * typed) as ausearch -i prints it: runs of printable text in double
 * quotes (", \ and bytes outside 0x20..0x7e as \ooo or \" and \\), and
 * known keys and escape sequences by name (<ret>, <up>, <^C>, ...),
 * separated by commas.
 */
#include <string.h>
#include "interpret_int.h"

/* Key sequences, longest first where one is the prefix of another. */
static const struct {
	const char *seq;
	const char *name;
} tty_keys[] = {
	{ "\033[15~", "<F5>" }, { "\033[17~", "<F6>" }, { "\033[18~", "<F7>" },
	{ "\033[19~", "<F8>" }, { "\033[20~", "<F9>" }, { "\033[21~", "<F10>" },
	{ "\033[23~", "<F11>" }, { "\033[24~", "<F12>" },
	{ "\033[1~", "<home>" }, { "\033[2~", "<insert>" },
	{ "\033[3~", "<delete>" }, { "\033[4~", "<end>" },
	{ "\033[5~", "<page-up>" }, { "\033[6~", "<page-down>" },
	{ "\033[A", "<up>" }, { "\033[B", "<down>" }, { "\033[C", "<right>" },
	{ "\033[D", "<left>" }, { "\033[H", "<home>" }, { "\033[F", "<end>" },
	{ "\033OP", "<F1>" }, { "\033OQ", "<F2>" }, { "\033OR", "<F3>" },
	{ "\033OS", "<F4>" }, { "\033OH", "<home>" }, { "\033OF", "<end>" },
	{ "\033", "<esc>" },
	{ "\r", "<ret>" }, { "\n", "<nl>" }, { "\t", "<tab>" },
	{ "\177", "<backspace>" }, { "\b", "<backspace>" },
	{ "\001", "<^A>" }, { "\002", "<^B>" }, { "\003", "<^C>" },
	{ "\004", "<^D>" }, { "\005", "<^E>" }, { "\006", "<^F>" },
	{ "\007", "<^G>" }, { "\013", "<^K>" }, { "\014", "<^L>" },
	{ "\016", "<^N>" }, { "\017", "<^O>" }, { "\020", "<^P>" },
	{ "\021", "<^Q>" }, { "\022", "<^R>" }, { "\023", "<^S>" },
	{ "\024", "<^T>" }, { "\025", "<^U>" }, { "\026", "<^V>" },
	{ "\027", "<^W>" }, { "\030", "<^X>" }, { "\031", "<^Y>" },
	{ "\032", "<^Z>" },
};

/* The key at p (n bytes left), or NULL; *ret_len its length. */
static const char *tty_key(const unsigned char *p, size_t n, size_t *ret_len)
{
	for (size_t i = 0; i < sizeof(tty_keys) / sizeof(tty_keys[0]); i++) {
		size_t k = strlen(tty_keys[i].seq);

		if (k <= n && memcmp(p, tty_keys[i].seq, k) == 0) {
			*ret_len = k;
			return tty_keys[i].name;
		}
	}
	return NULL;
}

static void tty_quoted_byte(struct interp_sink *s, unsigned char c)
{
	if (c == '"' || c == '\\')
		interp_sink_printf(s, "\\%c", c);
	else if (c < 0x20 || c > 0x7e)
		interp_sink_printf(s, "\\%03o", c);
	else
		interp_sink_char(s, (char)c);
}

/* Print the decoded bytes p[0..n). */
static void tty_print(const unsigned char *p, size_t n, struct interp_sink *s)
{
	bool first = true, in_quote = false;
	size_t i = 0, k;

	while (i < n) {
		const char *key = tty_key(p + i, n - i, &k);

		if (key) {
			interp_sink_str(s, in_quote ? "\"," : first ? "" : ",");
			interp_sink_str(s, key);
			in_quote = false;
			i += k;
		} else {
			if (!in_quote)
				interp_sink_str(s, first ? "\"" : ",\"");
			in_quote = true;
			tty_quoted_byte(s, p[i++]);
		}
		first = false;
	}
	if (in_quote)
		interp_sink_char(s, '"');
}

void interp_print_tty_data(const char *v, size_t vlen, struct interp_sink *s)
{
	unsigned char buf[4096];
	size_t n = 0, i, run = 0;

	while (run < vlen && interp_digit(v[run]) < 16)
		run++;
	/* Not hex (quoted, (null), a lone digit): the reference prints
	 * "(null)" when it cannot decode, the value when it is not hex. */
	if (run < 2 || run != vlen) {
		if (run == vlen)
			interp_sink_str(s, "(null)");
		else
			interp_sink_put(s, v, vlen);
		return;
	}
	for (i = 0; i + 1 < run && n < sizeof(buf); i += 2)
		buf[n++] = (unsigned char)(interp_digit(v[i]) << 4 | interp_digit(v[i + 1]));
	tty_print(buf, n, s);
}
