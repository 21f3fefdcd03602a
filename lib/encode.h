/*
 * encode: audit's encoding of untrusted string values in records. A value
 * made only of printable ASCII other than the double quote is written in
 * double quotes; anything else (blank, quote, control or 8-bit bytes) is
 * written as uppercase hex of every byte, without quotes. ausearch -i
 * reverses it.
 */
#ifndef AUDITKIT_ENCODE_H
#define AUDITKIT_ENCODE_H

#include <stdbool.h>
#include <stddef.h>

/* True when s (len bytes) must be hex encoded. */
bool encode_needs_hex(const char *s, size_t len);
/* Write the encoded value of s into buf (size at least 2 * len + 3).
 * Returns the length written, excluding the NUL. */
size_t encode_value(const char *s, size_t len, char *buf);

#endif
