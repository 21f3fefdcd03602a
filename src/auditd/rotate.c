/*
 * rotate: rotation of the log file set (see rotate.h for the naming and
 * the retention rules).
 *
 * Every operation starts from a scan of the directory into a sorted
 * array of entries (struct set), newest member first: numbered members
 * by number, timestamped ones by stamp and sequence, and among two files
 * that are the same member the one to keep first (zst, then gz, then
 * plain). Repairs (stale temp files, duplicates) and retention unlink
 * from that array; the numbered shift then renames what is left.
 *
 * The numbered shift gives the member at sorted index i the number i+2
 * (the live log takes 1). Numbers are distinct, so target - number does
 * not increase along the array: the members that move up form a prefix,
 * the ones that stay or move down (closing a gap) a suffix. Moving the
 * suffix in ascending order and then the prefix in descending order never
 * renames onto a name still in use, which RENAME_NOREPLACE checks anyway.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "rotate.h"

struct entry {
	struct rotate_member m;
	bool tmp;		/* a compressor temp file, not a member */
};

struct set {
	struct entry *v;
	size_t n, cap;
};

static const struct {
	const char *text;
	enum conf_compress kind;
	bool tmp;
} tails[] = {
	{ "", CONF_COMPRESS_NONE, false },
	{ ".gz", CONF_COMPRESS_GZIP, false },
	{ ".zst", CONF_COMPRESS_ZSTD, false },
	{ ".tmp", CONF_COMPRESS_NONE, true },
	{ ".gz.tmp", CONF_COMPRESS_GZIP, true },
	{ ".zst.tmp", CONF_COMPRESS_ZSTD, true },
};

static const char *kind_suffix(enum conf_compress k)
{
	return k == CONF_COMPRESS_GZIP ? ".gz" :
	       k == CONF_COMPRESS_ZSTD ? ".zst" : "";
}

static bool tail_parse(const char *t, struct entry *e)
{
	for (size_t i = 0; i < sizeof(tails) / sizeof(tails[0]); i++)
		if (strcmp(t, tails[i].text) == 0) {
			e->m.kind = tails[i].kind;
			e->tmp = tails[i].tmp;
			return true;
		}
	return false;
}

/* A number without a leading zero, at most 6 digits; *end after it. */
static bool number_parse(const char *s, unsigned *ret, const char **end)
{
	unsigned v = 0;
	size_t i = 0;

	if (*s < '1' || *s > '9')
		return false;
	for (; s[i] >= '0' && s[i] <= '9'; i++) {
		if (i == 6)
			return false;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*ret = v;
	*end = s + i;
	return true;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

/* "-YYYYMMDD-HHMMSS[-N]" then a tail. */
static bool stamp_parse(const char *s, struct entry *e)
{
	const char *end = s + 16;

	if (s[0] != '-' || !digits(s + 1, 8) || s[9] != '-' ||
	    !digits(s + 10, 6))
		return false;
	memcpy(e->m.stamp, s + 1, 15);
	e->m.stamp[15] = '\0';
	if (*end == '-' && !number_parse(end + 1, &e->m.seq, &end))
		return false;
	return tail_parse(end, e);
}

/* Whether name belongs to p's set, as a member or a temp file. */
static bool entry_parse(const struct rotate_plan *p, const char *name,
			struct entry *e)
{
	size_t blen = strlen(p->base);
	const char *rest = name + blen;

	if (strncmp(name, p->base, blen) != 0 ||
	    strlen(name) >= sizeof(e->m.name))
		return false;
	memset(e, 0, sizeof(*e));
	strcpy(e->m.name, name);
	if (p->timestamp)
		return stamp_parse(rest, e);
	return rest[0] == '.' && number_parse(rest + 1, &e->m.num, &rest) &&
	       tail_parse(rest, e);
}

static int set_add(struct set *s, const struct entry *e)
{
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 16;
		struct entry *v = realloc(s->v, cap * sizeof(*v));

		if (!v)
			return -ENOMEM;
		s->v = v;
		s->cap = cap;
	}
	s->v[s->n++] = *e;
	return 0;
}

/* Newest first; among copies of one member, the one to keep first. */
static int entry_cmp(const void *a, const void *b)
{
	const struct rotate_member *x = &((const struct entry *)a)->m;
	const struct rotate_member *y = &((const struct entry *)b)->m;
	int c;

	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	c = strcmp(y->stamp, x->stamp);
	if (c)
		return c;
	if (x->seq != y->seq)
		return x->seq > y->seq ? -1 : 1;
	return (int)y->kind - (int)x->kind;
}

static int set_scan(const struct rotate_plan *p, struct set *ret)
{
	struct set s = { 0 };
	struct dirent *d;
	struct entry e;
	int fd, r = 0;
	DIR *dir;

	fd = openat(p->dirfd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	dir = fdopendir(fd);
	if (!dir) {
		r = -errno;
		close(fd);
		return r;
	}
	while (r == 0 && (errno = 0, d = readdir(dir)))
		if (entry_parse(p, d->d_name, &e))
			r = set_add(&s, &e);
	if (r == 0 && errno)
		r = -errno;
	closedir(dir);
	if (r < 0) {
		free(s.v);
		return r;
	}
	if (s.n)
		qsort(s.v, s.n, sizeof(*s.v), entry_cmp);
	*ret = s;
	return 0;
}

static void set_remove(struct set *s, size_t i)
{
	memmove(&s->v[i], &s->v[i + 1], (s->n - i - 1) * sizeof(*s->v));
	s->n--;
}

static int unlink_entry(const struct rotate_plan *p, struct set *s, size_t i)
{
	if (unlinkat(p->dirfd, s->v[i].m.name, 0) < 0 && errno != ENOENT)
		return -errno;
	set_remove(s, i);
	return 0;
}

static bool same_member(const struct rotate_member *a,
			const struct rotate_member *b)
{
	return a->num == b->num && a->seq == b->seq &&
	       strcmp(a->stamp, b->stamp) == 0;
}

/* A second copy of the member before it: a plain leftover of the
 * compressor goes, a second compressed form is renamed out of the set. */
static int drop_duplicate(const struct rotate_plan *p, struct set *s, size_t i)
{
	char orphan[NAME_MAX + 1];
	int n;

	if (s->v[i].m.kind == CONF_COMPRESS_NONE)
		return unlink_entry(p, s, i);
	n = snprintf(orphan, sizeof(orphan), "%s.orphan", s->v[i].m.name);
	if (n < 0 || (size_t)n >= sizeof(orphan))
		return -ENAMETOOLONG;
	if (renameat2(p->dirfd, s->v[i].m.name, p->dirfd, orphan,
		      RENAME_NOREPLACE) < 0)
		return -errno;
	set_remove(s, i);
	return 0;
}

/* Stale temp files and duplicate members. */
static int set_repair(const struct rotate_plan *p, struct set *s)
{
	size_t i = 0;
	int r;

	while (i < s->n) {
		if (s->v[i].tmp)
			r = unlink_entry(p, s, i);
		else if (i > 0 && same_member(&s->v[i - 1].m, &s->v[i].m))
			r = drop_duplicate(p, s, i);
		else {
			i++;
			continue;
		}
		if (r < 0)
			return r;
	}
	return 0;
}

/* Unlink the oldest members until at most limit are left, sparing the
 * one named spare (the newest rotation). */
static int set_trim(const struct rotate_plan *p, struct set *s, size_t limit,
		    const char *spare)
{
	size_t i = s->n;
	int r;

	while (s->n > limit && i-- > 0) {
		if (spare && strcmp(s->v[i].m.name, spare) == 0)
			continue;
		r = unlink_entry(p, s, i);
		if (r < 0)
			return r;
	}
	return 0;
}

/* Numbered members beyond keep: they can only be leftovers. */
static int set_drop_excess(const struct rotate_plan *p, struct set *s)
{
	size_t i = s->n;
	int r;

	while (p->keep && i-- > 0)
		if (s->v[i].m.num > p->keep) {
			r = unlink_entry(p, s, i);
			if (r < 0)
				return r;
		}
	return 0;
}

static int numbered_name(const struct rotate_plan *p, unsigned num,
			 enum conf_compress kind, char *buf, size_t len)
{
	int n = snprintf(buf, len, "%s.%u%s", p->base, num, kind_suffix(kind));

	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

static int move_member(const struct rotate_plan *p, struct rotate_member *m,
		       unsigned num)
{
	char name[NAME_MAX + 1];
	int r;

	if (m->num == num)
		return 0;
	r = numbered_name(p, num, m->kind, name, sizeof(name));
	if (r < 0)
		return r;
	if (renameat2(p->dirfd, m->name, p->dirfd, name, RENAME_NOREPLACE) < 0)
		return -errno;
	strcpy(m->name, name);
	m->num = num;
	return 0;
}

/* Member i becomes number i+2 (see the top of the file for the order). */
static int shift_numbered(const struct rotate_plan *p, struct set *s)
{
	size_t split = 0, i;
	int r;

	while (split < s->n && split + 2 > s->v[split].m.num)
		split++;
	for (i = split; i < s->n; i++) {
		r = move_member(p, &s->v[i].m, (unsigned)i + 2);
		if (r < 0)
			return r;
	}
	for (i = split; i-- > 0;) {
		r = move_member(p, &s->v[i].m, (unsigned)i + 2);
		if (r < 0)
			return r;
	}
	return 0;
}

static bool name_taken(const struct rotate_plan *p, const char *name)
{
	static const char *const sfx[] = { "", ".gz", ".zst" };
	char buf[NAME_MAX + 8];
	struct stat st;

	for (size_t i = 0; i < 3; i++) {
		snprintf(buf, sizeof(buf), "%s%s", name, sfx[i]);
		if (fstatat(p->dirfd, buf, &st, AT_SYMLINK_NOFOLLOW) == 0 ||
		    errno != ENOENT)
			return true;
	}
	return false;
}

static int stamp_name(const struct rotate_plan *p, time_t now, unsigned seq,
		      char *buf, size_t len)
{
	char stamp[32];
	struct tm tm;
	int n;

	if (!localtime_r(&now, &tm) ||
	    !strftime(stamp, sizeof(stamp), "%Y%m%d-%H%M%S", &tm))
		return -EINVAL;
	if (seq)
		n = snprintf(buf, len, "%s-%s-%u", p->base, stamp, seq);
	else
		n = snprintf(buf, len, "%s-%s", p->base, stamp);
	return n < 0 || (size_t)n >= len ? -ENAMETOOLONG : 0;
}

/* The live log's new name: the first free -N for this second. */
static int rename_live_stamped(const struct rotate_plan *p, time_t now,
			       char *name, size_t len)
{
	int r;

	for (unsigned seq = 0; seq < 1000; seq++) {
		r = stamp_name(p, now, seq, name, len);
		if (r < 0)
			return r;
		if (name_taken(p, name))
			continue;
		if (renameat2(p->dirfd, p->base, p->dirfd, name,
			      RENAME_NOREPLACE) == 0)
			return 0;
		if (errno != EEXIST)
			return -errno;
	}
	return -EEXIST;
}

static int live_check(const struct rotate_plan *p)
{
	struct stat st;

	if (fstatat(p->dirfd, p->base, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return -errno;
	return S_ISREG(st.st_mode) ? 0 : -EINVAL;
}

/* Best effort, as the reference: the live log already had its owner. */
static void member_protect(const struct rotate_plan *p, const char *name)
{
	(void)fchmodat(p->dirfd, name, p->mode, 0);
	if (p->group != (gid_t)-1)
		(void)fchownat(p->dirfd, name, (uid_t)-1, p->group,
			       AT_SYMLINK_NOFOLLOW);
}

static int shift_set_numbered(const struct rotate_plan *p, struct set *s,
			      char *name, size_t len)
{
	int r;

	r = set_drop_excess(p, s);
	if (r == 0 && p->keep)
		r = set_trim(p, s, p->keep - 1, NULL);
	if (r == 0)
		r = shift_numbered(p, s);
	if (r == 0)
		r = numbered_name(p, 1, CONF_COMPRESS_NONE, name, len);
	if (r == 0 && renameat2(p->dirfd, p->base, p->dirfd, name,
				RENAME_NOREPLACE) < 0)
		r = -errno;
	return r;
}

static int shift_set_stamped(const struct rotate_plan *p, struct set *s,
			     time_t now, char *name, size_t len)
{
	int r;

	r = rename_live_stamped(p, now, name, len);
	if (r < 0)
		return r;
	free(s->v);
	*s = (struct set){ 0 };
	r = set_scan(p, s);
	if (r == 0 && p->keep)
		r = set_trim(p, s, p->keep, name);
	return r;
}

int rotate_shift(const struct rotate_plan *p, time_t now,
		 char *ret_name, size_t len)
{
	char name[NAME_MAX + 1];
	struct set s;
	int r;

	r = live_check(p);
	if (r < 0)
		return r;
	r = set_scan(p, &s);
	if (r < 0)
		return r;
	r = set_repair(p, &s);
	if (r == 0 && p->timestamp)
		r = shift_set_stamped(p, &s, now, name, sizeof(name));
	else if (r == 0)
		r = shift_set_numbered(p, &s, name, sizeof(name));
	free(s.v);
	if (r < 0)
		return r;
	member_protect(p, name);
	if (strlen(name) >= len)
		return -ENAMETOOLONG;
	strcpy(ret_name, name);
	return 0;
}

int rotate_prune(const struct rotate_plan *p)
{
	struct set s;
	int r;

	r = set_scan(p, &s);
	if (r < 0)
		return r;
	r = set_repair(p, &s);
	if (r == 0 && !p->timestamp)
		r = set_drop_excess(p, &s);
	if (r == 0 && p->keep)
		r = set_trim(p, &s, p->keep, NULL);
	free(s.v);
	return r;
}

int rotate_list(const struct rotate_plan *p, struct rotate_member **ret,
		size_t *ret_n)
{
	struct rotate_member *v = NULL;
	struct set s;
	size_t n = 0;
	int r;

	r = set_scan(p, &s);
	if (r < 0)
		return r;
	if (s.n && !(v = malloc(s.n * sizeof(*v)))) {
		free(s.v);
		return -ENOMEM;
	}
	for (size_t i = 0; i < s.n; i++)
		if (!s.v[i].tmp)
			v[n++] = s.v[i].m;
	free(s.v);
	if (n == 0) {
		free(v);
		v = NULL;
	}
	*ret = v;
	*ret_n = n;
	return 0;
}

int rotate_plan_from_conf(const struct auditd_conf *c, int dirfd,
			  bool keep_all, struct rotate_plan *ret)
{
	const char *slash = strrchr(c->log_file, '/');
	const char *base = slash ? slash + 1 : c->log_file;

	if (!*base || (!keep_all && c->num_logs < 2))
		return -EINVAL;
	*ret = (struct rotate_plan){
		.dirfd = dirfd,
		.base = base,
		.keep = keep_all ? 0 : c->num_logs - 1,
		.timestamp = c->rotate_timestamp,
		.mode = c->log_group ? 0440 : 0400,
		.group = c->log_group,
	};
	return 0;
}

void rotate_schedule_from_conf(const struct auditd_conf *c,
			       struct rotate_schedule *ret)
{
	unsigned i = c->rotate_interval;

	ret->interval = i;
	ret->aligned = i == 3600 || i == 86400 || i == 604800;
}

/* The next local :00, midnight or Monday midnight after last. */
static time_t next_aligned(unsigned interval, time_t last)
{
	struct tm tm;
	time_t t;

	if (!localtime_r(&last, &tm))
		return -1;
	tm.tm_sec = 0;
	tm.tm_min = 0;
	if (interval == 3600) {
		tm.tm_hour++;
	} else {
		tm.tm_hour = 0;
		if (interval == 86400)
			tm.tm_mday++;
		else
			tm.tm_mday += tm.tm_wday == 1 ? 7 : (8 - tm.tm_wday) % 7;
	}
	tm.tm_isdst = -1;
	t = mktime(&tm);
	return t;
}

time_t rotate_next_time(const struct rotate_schedule *s, time_t last)
{
	time_t t;

	if (!s->interval)
		return (time_t)-1;
	if (!s->aligned)
		return last + (time_t)s->interval;
	t = next_aligned(s->interval, last);
	/* A clock change mktime() could not place: fall back to the period. */
	return t == (time_t)-1 || t <= last ? last + (time_t)s->interval : t;
}
