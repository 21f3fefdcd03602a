/*
 * checkpoint: --checkpoint files (see checkpoint.h).
 *
 * The event last read (printed or not, as with the reference) is kept as
 * its node, time, serial and first record type, copied: the event itself
 * is gone by the time the file is written.
 */
#include "checkpoint.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct checkpoint_mark {
	bool set;
	char node[256];
	unsigned long long sec, serial;
	unsigned msec;
	unsigned type;
};

struct checkpoint {
	const struct ausearch_opts *o;
	struct checkpoint_mark want;	/* from the file */
	bool found;			/* want was seen: print from now on */
	struct checkpoint_mark last;	/* the last event read */
};

/* "output=NODE SEC.MSEC:SERIAL 0xTYPE" */
static bool checkpoint_parse_output(const char *v, struct checkpoint_mark *m)
{
	if (sscanf(v, "%255s %llu.%u:%llu 0x%x", m->node, &m->sec, &m->msec,
		   &m->serial, &m->type) != 5)
		return false;
	m->set = true;
	return true;
}

static int checkpoint_load(struct checkpoint *cp, FILE *f, FILE *err)
{
	char line[1024];
	bool dev = false, ino = false;

	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (!strncmp(line, "dev=", 4))
			dev = true;
		else if (!strncmp(line, "inode=", 6))
			ino = true;
		else if (!strncmp(line, "output=", 7) &&
			 checkpoint_parse_output(line + 7, &cp->want))
			continue;
		else
			fprintf(err, "Unknown checkpoint line - [%s]\n", line);
	}
	if (!dev || !ino) {
		fprintf(err, "Missing dev/inode lines from checkpoint file %s\n",
			cp->o->checkpoint);
		return CHECKPOINT_EXIT_INVALID;
	}
	if (!cp->want.set) {
		fprintf(err, "Missing output line from checkpoint file %s\n",
			cp->o->checkpoint);
		return CHECKPOINT_EXIT_INVALID;
	}
	return 0;
}

int checkpoint_open(const struct ausearch_opts *o, FILE *err,
		    struct checkpoint **ret)
{
	struct checkpoint *cp = calloc(1, sizeof(*cp));
	FILE *f;
	int rc = 0;

	if (!cp)
		return CHECKPOINT_EXIT_PROCESSING;
	cp->o = o;
	f = fopen(o->checkpoint, "re");
	if (!f && errno != ENOENT) {
		fprintf(err, "Cannot open checkpoint file - %s: %s\n",
			o->checkpoint, strerror(errno));
		rc = CHECKPOINT_EXIT_PROCESSING;
	} else if (f) {
		struct stat st;

		if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode))
			fprintf(err, "Missing dev/inode lines from checkpoint "
				"file %s\n", o->checkpoint), rc = 10;
		else
			rc = checkpoint_load(cp, f, err);
		fclose(f);
	}
	if (!f && errno == ENOENT) {
		/* a first run, unless the directory is missing too */
		FILE *t = fopen(o->checkpoint, "ae");

		if (!t) {
			fprintf(err, "Cannot open checkpoint file - %s: %s\n",
				o->checkpoint, strerror(errno));
			rc = CHECKPOINT_EXIT_PROCESSING;
		} else {
			fclose(t);
			remove(o->checkpoint);
		}
	}
	if (rc) {
		free(cp);
		return rc;
	}
	cp->found = !cp->want.set || (o->has_start && o->start.checkpoint);
	*ret = cp;
	return 0;
}

void checkpoint_free(struct checkpoint *cp)
{
	free(cp);
}

static void checkpoint_mark_of(struct checkpoint_mark *m,
			       const struct event *ev)
{
	size_t n = ev->node_len < sizeof(m->node) - 1 ? ev->node_len
						       : sizeof(m->node) - 1;

	m->set = true;
	if (ev->node)
		memcpy(m->node, ev->node, n), m->node[n] = '\0';
	else
		strcpy(m->node, "-");
	m->sec = ev->sec;
	m->msec = ev->msec;
	m->serial = ev->serial;
	m->type = ev->count ? (unsigned)ev->records[0].type : 0;
}

bool checkpoint_pass(struct checkpoint *cp, const struct event *ev)
{
	struct checkpoint_mark m;

	checkpoint_mark_of(&m, ev);
	cp->last = m;
	if (cp->found)
		return true;
	if (m.sec == cp->want.sec && m.msec == cp->want.msec &&
	    m.serial == cp->want.serial && !strcmp(m.node, cp->want.node))
		cp->found = true;
	return false;
}

void checkpoint_note(struct checkpoint *cp, const struct event *ev)
{
	(void)cp;
	(void)ev;
}

int checkpoint_finish(struct checkpoint *cp, FILE *err)
{
	struct stat st = { 0 };
	FILE *f;

	if (!cp->last.set)
		return 0;
	if (cp->o->input)
		stat(cp->o->input, &st);
	f = fopen(cp->o->checkpoint, "we");
	if (!f) {
		fprintf(err, "Cannot open checkpoint file - %s: %s\n",
			cp->o->checkpoint, strerror(errno));
		return CHECKPOINT_EXIT_PROCESSING;
	}
	fprintf(f, "dev=0x%llX\ninode=%llu\noutput=%s %llu.%03u:%llu 0x%X\n",
		(unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
		cp->last.node, cp->last.sec, cp->last.msec, cp->last.serial,
		cp->last.type);
	return fclose(f) == 0 ? 0 : CHECKPOINT_EXIT_PROCESSING;
}
