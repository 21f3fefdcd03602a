/*
 * versort: version order of file names (see versort.h).
 *
 * A comparison walks both names in alternating runs: a run of non-digits
 * compared character by character with the weights of versort_weight(),
 * then a run of digits compared as a number (leading zeros ignored, the
 * longer number is larger, else the first differing digit decides). The
 * file suffix is cut off for a first pass so that "a.rules" sorts before
 * "a1.rules" (the dot would otherwise weigh more than the digit); only
 * when the stems tie are the whole names compared.
 */
#include "versort.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static bool versort_isdigit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static bool versort_isalpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Weight of the character at pos in a non-digit run. The end of the name
 * weighs less than anything but '~'; letters weigh less than all other
 * characters. A digit never meets another digit here. */
static int versort_weight(const char *s, size_t pos, size_t len)
{
	unsigned char c;

	if (pos == len)
		return -1;
	c = (unsigned char)s[pos];
	if (versort_isdigit(c))
		return 0;
	if (versort_isalpha(c))
		return c;
	if (c == '~')
		return -2;
	return c + 256;
}

static bool versort_digit_at(const char *s, size_t pos, size_t len)
{
	return pos < len && versort_isdigit((unsigned char)s[pos]);
}

/* Compare the digit runs starting at *i and *j as numbers; advances both. */
static int versort_number(const char *a, size_t *i, size_t alen,
			  const char *b, size_t *j, size_t blen)
{
	int first_diff = 0;

	while (*i < alen && a[*i] == '0')
		(*i)++;
	while (*j < blen && b[*j] == '0')
		(*j)++;
	while (versort_digit_at(a, *i, alen) && versort_digit_at(b, *j, blen)) {
		if (!first_diff)
			first_diff = (unsigned char)a[*i] - (unsigned char)b[*j];
		(*i)++;
		(*j)++;
	}
	if (versort_digit_at(a, *i, alen))
		return 1;
	if (versort_digit_at(b, *j, blen))
		return -1;
	return first_diff;
}

/* Version comparison of a[0..alen) with b[0..blen). */
static int versort_span(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t i = 0, j = 0;
	int d;

	while (i < alen || j < blen) {
		while ((i < alen && !versort_isdigit((unsigned char)a[i])) ||
		       (j < blen && !versort_isdigit((unsigned char)b[j]))) {
			d = versort_weight(a, i, alen) - versort_weight(b, j, blen);
			if (d)
				return d;
			i++;
			j++;
		}
		d = versort_number(a, &i, alen, b, &j, blen);
		if (d)
			return d;
	}
	return 0;
}

/* Length of s without its file suffix: the longest tail made only of
 * segments ".X..." where X is a letter or '~' followed by letters, digits
 * or '~'. The first character never starts a suffix. */
static size_t versort_stem(const char *s, size_t len)
{
	size_t i = 0, stem = 0;

	while (i < len) {
		i++;
		stem = i;
		while (i + 1 < len && s[i] == '.' &&
		       (versort_isalpha((unsigned char)s[i + 1]) || s[i + 1] == '~')) {
			for (i += 2; i < len; i++) {
				unsigned char c = (unsigned char)s[i];

				if (!versort_isalpha(c) && !versort_isdigit(c) && c != '~')
					break;
			}
		}
	}
	return stem;
}

/* "" first, then ".", "..", other dot names, then the rest. Returns 0
 * when the rule does not decide. */
static int versort_special(const char *a, const char *b)
{
	static const char *const first[] = { "", ".", ".." };
	size_t k;

	for (k = 0; k < sizeof(first) / sizeof(first[0]); k++) {
		bool ea = strcmp(a, first[k]) == 0, eb = strcmp(b, first[k]) == 0;

		if (ea || eb)
			return ea && eb ? 0 : ea ? -1 : 1;
	}
	if ((a[0] == '.') != (b[0] == '.'))
		return a[0] == '.' ? -1 : 1;
	return 0;
}

int versort_cmp(const char *a, const char *b)
{
	size_t alen = strlen(a), blen = strlen(b);
	size_t astem, bstem;
	int d;

	if (strcmp(a, b) == 0)
		return 0;
	d = versort_special(a, b);
	if (d)
		return d;
	astem = versort_stem(a, alen);
	bstem = versort_stem(b, blen);
	d = versort_span(a, astem, b, bstem);
	if (!d && (astem != alen || bstem != blen))
		d = versort_span(a, alen, b, blen);
	return d ? d : strcmp(a, b);
}
