/*
 * ttydata: TTY keystroke data as the reference's --tty report shows it.
 * Hex data is decoded and written as a comma-separated list of quoted
 * printable runs and key names (<ret>, <up>, <^A>, ...); anything that is
 * not hex is shown as it is.
 */
#ifndef AUREPORT_TTYDATA_H
#define AUREPORT_TTYDATA_H

#include <stddef.h>

/* The text for data (len bytes): a malloc'ed NUL-terminated string the
 * caller frees, its length in *ret_len; NULL on ENOMEM. */
char *ttydata_format(const char *data, size_t len, size_t *ret_len);

#endif
