/*
 * fuzz_event: libFuzzer harness for event.c. The first input byte picks
 * the time-out (1..4 s) and a detach pattern; the rest is a log whose
 * lines are parsed and fed to one assembler. The line buffer is a copy
 * that is scribbled over after each detach (ASan then catches a byte
 * still borrowed), events are drained as they complete, and finish
 * drains the rest. Checks: events come out sorted by (sec, msec, serial),
 * each event's records share its key, nothing is left pending.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"

static uint64_t fuzz_last_sec;
static unsigned fuzz_last_msec;
static uint64_t fuzz_last_serial;
static int fuzz_after_finish;
/* Lines fed without a detach after them: they must outlive their use. */
static char *fuzz_keep[4096];
static size_t fuzz_nkeep;

static void fuzz_keep_free(void)
{
	while (fuzz_nkeep)
		free(fuzz_keep[--fuzz_nkeep]);
}

static void fuzz_check(const struct event *e)
{
	size_t i;

	if (!e->count)
		abort();
	for (i = 0; i < e->count; i++) {
		const struct record *r = &e->records[i];

		if (r->sec != e->sec || r->msec != e->msec || r->serial != e->serial)
			abort();
		if ((r->node == NULL) != (e->node == NULL))
			abort();
		/* touch every byte: ASan reports a dangling borrow */
		if (r->line && memchr(r->line, '\0', r->line_len))
			abort();
	}
	/* after finish nothing is open: the drain is fully sorted */
	if (fuzz_after_finish &&
	    (e->sec < fuzz_last_sec ||
	     (e->sec == fuzz_last_sec && (e->msec < fuzz_last_msec ||
	      (e->msec == fuzz_last_msec && e->serial < fuzz_last_serial)))))
		abort();
	fuzz_last_sec = e->sec;
	fuzz_last_msec = e->msec;
	fuzz_last_serial = e->serial;
}

static void fuzz_drain(struct event_asm *a)
{
	const struct event *e;

	while ((e = event_asm_next(a)))
		fuzz_check(e);
}

static void fuzz_line(struct event_asm *a, const char *p, size_t n, int detach)
{
	char *copy = malloc(n ? n : 1);
	struct record r;

	if (!copy)
		return;
	memcpy(copy, p, n);
	if (record_parse(copy, n, &r, NULL) == 0)
		(void)event_asm_add(a, &r);
	if (detach) {
		if (event_asm_detach(a) < 0)
			abort();
		free(copy);
		copy = NULL;
	}
	fuzz_drain(a);
	if (copy) {
		if (fuzz_nkeep == 4096) {
			if (event_asm_detach(a) < 0)
				abort();
			fuzz_keep_free();
		}
		fuzz_keep[fuzz_nkeep++] = copy;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	struct event_asm *a;
	unsigned mode, k = 0;

	if (size < 1)
		return 0;
	mode = data[0];
	p++;
	if (event_asm_new(1 + (mode & 3), &a) < 0)
		return 0;
	fuzz_after_finish = 0;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl ? nl : end;

		fuzz_line(a, p, (size_t)(stop - p), (mode >> 2) & (1u << (k++ % 6)) ? 1 : 0);
		p = nl ? nl + 1 : end;
	}
	event_asm_finish(a);
	fuzz_after_finish = 1;
	fuzz_last_sec = 0;
	fuzz_last_msec = 0;
	fuzz_last_serial = 0;
	fuzz_drain(a);
	if (event_asm_pending(a) != 0)
		abort();
	event_asm_free(a);
	fuzz_keep_free();
	return 0;
}
