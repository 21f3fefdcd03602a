/*
 * source: the events of a list of log files, or of stdin (see source.h).
 *
 * One logset reader at a time hands out chunks of whole lines; each line
 * is split by record_parse and fed to the event assembler, which borrows
 * the chunk's bytes. Before the reader's buffer is reused (the next chunk)
 * or freed (the next file), event_asm_detach makes pending events copy
 * what they borrow: a copy per chunk of only the unfinished events, not
 * per record. Events come out as the assembler completes them; at the end
 * of the last input, event_asm_finish completes the rest.
 *
 * A line longer than LOGSET_LINE_MAX arrives in pieces: the first is
 * parsed as the line, the later pieces (continuations) are skipped and not
 * counted as lines.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "logset.h"
#include "source.h"

struct source {
	char **paths;		/* owned copies; NULL for stdin */
	size_t count, next;	/* inputs; the next one to open */
	bool use_stdin;
	struct logset_reader *r;	/* the open input, or NULL */
	const char *path;	/* its name: paths[i] or "stdin" */
	const char *chunk;	/* r's current chunk, and how far it is read */
	size_t chunk_len, pos;
	uint64_t line_no;	/* in the open input */
	bool mid_line;		/* the last chunk ended inside a line */
	bool finished;		/* event_asm_finish was called */
	const char *failed;	/* the input that failed last */
	struct event_asm *a;
	source_bad_line_fn bad;
	void *user;
	uint64_t lines, bad_lines;
};

static int source_copy_paths(struct source *s, const char *const *paths,
			     size_t count)
{
	s->paths = calloc(count, sizeof(*s->paths));
	if (!s->paths)
		return -ENOMEM;
	s->count = count;
	for (size_t i = 0; i < count; i++)
		if (!(s->paths[i] = strdup(paths[i])))
			return -ENOMEM;
	return 0;
}

int source_new(const char *const *paths, size_t count, unsigned eoe_timeout,
	       struct source **ret)
{
	struct source *s = calloc(1, sizeof(*s));
	int e;

	if (!s)
		return -ENOMEM;
	s->use_stdin = count == 0;
	s->count = s->use_stdin ? 1 : 0;
	e = s->use_stdin ? 0 : source_copy_paths(s, paths, count);
	if (e == 0)
		e = event_asm_new(eoe_timeout, &s->a);
	if (e < 0) {
		source_free(s);
		return e;
	}
	*ret = s;
	return 0;
}

void source_free(struct source *s)
{
	if (!s)
		return;
	logset_close(s->r);
	event_asm_free(s->a);
	for (size_t i = 0; s->paths && i < s->count; i++)
		free(s->paths[i]);
	free(s->paths);
	free(s);
}

void source_on_bad_line(struct source *s, source_bad_line_fn fn, void *user)
{
	s->bad = fn;
	s->user = user;
}

/* Parse the next line of the chunk and feed it: 0 or -ENOMEM. */
static int source_feed_line(struct source *s)
{
	const char *p = s->chunk + s->pos, *end = s->chunk + s->chunk_len;
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	bool piece = s->mid_line;
	enum record_error why = RECORD_OK;
	struct record rec;

	s->pos = (size_t)((nl ? nl + 1 : end) - s->chunk);
	s->mid_line = !nl;
	if (piece)
		return 0;
	s->line_no++;
	s->lines++;
	if (record_parse(p, (size_t)((nl ? nl : end) - p), &rec, &why) < 0) {
		s->bad_lines++;
		if (s->bad)
			s->bad(s->path, s->line_no, why, s->user);
		return 0;
	}
	return event_asm_add(s->a, &rec);
}

/* Open the next input: 1, 0 when there is none, or a negative errno
 * (s->failed names it). */
static int source_open_next(struct source *s)
{
	int e;

	if (s->next >= s->count)
		return 0;
	s->path = s->use_stdin ? "stdin" : s->paths[s->next];
	s->next++;
	s->line_no = 0;
	s->mid_line = false;
	e = s->use_stdin ? logset_open_fd(0, &s->r) : logset_open(s->path, &s->r);
	if (e < 0) {
		s->r = NULL;
		s->failed = s->path;
		return e;
	}
	return 1;
}

/* The next chunk of input: 1, 0 at the end of every input, or a negative
 * errno for an input that failed (the next call goes on after it). */
static int source_next_chunk(struct source *s)
{
	for (;;) {
		int e;

		if (!s->r && (e = source_open_next(s)) <= 0)
			return e;
		/* the assembler borrows the buffer logset_next reuses */
		if (event_asm_detach(s->a) < 0)
			return -ENOMEM;
		s->pos = s->chunk_len = 0;
		e = logset_next(s->r, &s->chunk, &s->chunk_len);
		if (e == 1)
			return 1;
		logset_close(s->r);
		s->r = NULL;
		s->mid_line = false;
		if (e < 0) {
			s->failed = s->path;
			return e;
		}
	}
}

int source_next(struct source *s, const struct event **ret)
{
	for (;;) {
		const struct event *ev = event_asm_next(s->a);
		int e;

		if (ev) {
			*ret = ev;
			return 1;
		}
		if (s->pos < s->chunk_len) {
			if ((e = source_feed_line(s)) < 0)
				return e;
			continue;
		}
		e = s->finished ? 0 : source_next_chunk(s);
		if (e < 0)
			return e;
		if (e == 0 && s->finished)
			return 0;
		if (e == 0) {
			event_asm_finish(s->a);
			s->finished = true;
		}
	}
}

const char *source_failed_path(const struct source *s)
{
	return s->failed;
}

uint64_t source_lines(const struct source *s)
{
	return s->lines;
}

uint64_t source_bad_lines(const struct source *s)
{
	return s->bad_lines;
}
