/* sink: a bounded text writer; see sink.h. */
#include "sink.h"

#include <string.h>

void sink_put(struct sink *s, const char *p, size_t n)
{
	if (s->len < s->cap) {
		size_t room = s->cap - s->len;

		memcpy(s->out + s->len, p, n < room ? n : room);
	}
	s->len += n;
}

void sink_str(struct sink *s, const char *p)
{
	sink_put(s, p, strlen(p));
}

void sink_char(struct sink *s, char ch)
{
	if (s->len < s->cap)
		s->out[s->len] = ch;
	s->len++;
}

size_t sink_end(struct sink *s)
{
	if (s->cap > 0)
		s->out[s->len < s->cap ? s->len : s->cap - 1] = '\0';
	return s->len;
}
