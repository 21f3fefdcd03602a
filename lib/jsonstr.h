/*
 * jsonstr: a byte string as a JSON string literal, quotes included. Used
 * by every program's --format json / --json output, so all of them escape
 * the same way: valid UTF-8 passes through, everything else is \u00XX.
 */
#ifndef AUDITKIT_JSONSTR_H
#define AUDITKIT_JSONSTR_H

#include <stddef.h>
#include <stdio.h>

struct sink;

void jsonstr_sink(struct sink *w, const char *s, size_t len);
void jsonstr_file(FILE *f, const char *s, size_t len);

#endif
