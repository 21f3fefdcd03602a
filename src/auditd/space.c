/*
 * space: readings, thresholds and the once-per-crossing check (see
 * space.h for the rules). A threshold is computed from the configuration
 * and the reading each time; the state is one "fired" flag per level.
 */
#include <errno.h>
#include <sys/statvfs.h>
#include "space.h"

#define SPACE_MIB (1024ULL * 1024ULL)

static void reading_from(const struct statvfs *v, struct space_reading *ret)
{
	ret->free_bytes = (uint64_t)v->f_bavail * v->f_frsize;
	ret->total_bytes = (uint64_t)v->f_blocks * v->f_frsize;
}

int space_read(const char *dir, struct space_reading *ret)
{
	struct statvfs v;

	if (statvfs(dir, &v) < 0)
		return -errno;
	reading_from(&v, ret);
	return 0;
}

int space_read_fd(int fd, struct space_reading *ret)
{
	struct statvfs v;

	if (fstatvfs(fd, &v) < 0)
		return -errno;
	reading_from(&v, ret);
	return 0;
}

void space_state_init(struct space_state *st)
{
	space_state_rearm(st);
}

void space_state_rearm(struct space_state *st)
{
	for (int l = 0; l < SPACE_LEVELS; l++)
		st->fired[l] = false;
}

void space_state_rearm_level(struct space_state *st, enum space_level l)
{
	if (l > SPACE_NONE && l < SPACE_LEVELS)
		st->fired[l] = false;
}

static uint64_t conf_bytes(const struct conf_space *s, uint64_t total)
{
	if (s->percent)
		return total / 100 * s->value + total % 100 * s->value / 100;
	return s->value * SPACE_MIB;
}

void space_thresholds(const struct space_reading *r,
		      const struct auditd_conf *c,
		      uint64_t ret[SPACE_LEVELS])
{
	ret[SPACE_NONE] = 0;
	ret[SPACE_LEFT] = conf_bytes(&c->space_left, r->total_bytes);
	ret[SPACE_ADMIN_LEFT] = conf_bytes(&c->admin_space_left, r->total_bytes);
	ret[SPACE_DISK_FULL] = SPACE_FULL_BYTES;
}

static enum space_level classify(const struct space_reading *r,
				 const uint64_t t[SPACE_LEVELS])
{
	for (int l = SPACE_LEVELS - 1; l > SPACE_NONE; l--)
		if (r->free_bytes < t[l])
			return (enum space_level)l;
	return SPACE_NONE;
}

enum space_level space_classify(const struct space_reading *r,
				const struct auditd_conf *c)
{
	uint64_t t[SPACE_LEVELS];

	space_thresholds(r, c, t);
	return classify(r, t);
}

static uint64_t rearm_margin(uint64_t threshold)
{
	uint64_t m = threshold / 20;

	return m < SPACE_MIB ? SPACE_MIB : m;
}

enum space_level space_check(struct space_state *st,
			     const struct space_reading *r,
			     const struct auditd_conf *c)
{
	uint64_t t[SPACE_LEVELS];
	enum space_level level;

	space_thresholds(r, c, t);
	for (int l = SPACE_NONE + 1; l < SPACE_LEVELS; l++)
		if (st->fired[l] && r->free_bytes >= t[l] + rearm_margin(t[l]))
			st->fired[l] = false;
	level = classify(r, t);
	if (level == SPACE_NONE || st->fired[level])
		return SPACE_NONE;
	for (int l = SPACE_NONE + 1; l <= (int)level; l++)
		st->fired[l] = true;
	return level;
}

static int64_t eta_seconds(uint64_t bytes, double rate)
{
	double s = (double)bytes / rate;

	return s >= 9.0e18 ? -1 : (int64_t)s;
}

void space_eta(const struct space_reading *r, const struct auditd_conf *c,
	       double rate, int64_t ret[SPACE_LEVELS])
{
	uint64_t t[SPACE_LEVELS];

	space_thresholds(r, c, t);
	ret[SPACE_NONE] = -1;
	for (int l = SPACE_NONE + 1; l < SPACE_LEVELS; l++) {
		if (t[l] == 0)
			ret[l] = -1;
		else if (r->free_bytes < t[l])
			ret[l] = 0;
		else if (rate <= 0)
			ret[l] = -1;
		else
			ret[l] = eta_seconds(r->free_bytes - t[l], rate);
	}
}

const char *space_level_name(enum space_level l)
{
	static const char *const names[SPACE_LEVELS] = {
		"none", "space_left", "admin_space_left", "disk_full",
	};

	return l >= SPACE_NONE && l < SPACE_LEVELS ? names[l] : "unknown";
}
