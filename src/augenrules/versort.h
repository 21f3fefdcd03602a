/*
 * versort: the "natural" (version) order of file names that `ls -v`
 * uses, which decides the order in which rules.d files are merged.
 *
 * The order is GNU's version sort as documented for coreutils: runs of
 * digits compare as numbers, letters sort before other characters, '~'
 * sorts before everything (even the end of the name), names starting with
 * '.' come first, and a trailing file suffix such as ".rules" or ".tar.gz"
 * only breaks ties. Names that still compare equal (say "a01" and "a1")
 * fall back to plain byte order, as ls does, so the order is total.
 * It depends on no locale.
 */
#ifndef AUGENRULES_VERSORT_H
#define AUGENRULES_VERSORT_H

/* <0, 0 or >0 as a sorts before, the same as, or after b. */
int versort_cmp(const char *a, const char *b);

#endif
