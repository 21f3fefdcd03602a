/*
 * kmsg: the kernel log check (see kmsg.h), finding kernel-log-overflow.
 *
 * The parser walks a buffer line by line and keeps no state between
 * lines, so a file can be fed in any line-aligned pieces and /dev/kmsg one
 * record per read(). A line's prefix says its shape: "PRI,SEQ,USEC,...;"
 * (/dev/kmsg), "<PRI>" (klogctl, syslog), "[ SECONDS.MICROS]" (dmesg,
 * possibly followed by a "[T123]" caller id), or nothing (plain dmesg, or
 * a syslog line where the kernel's text follows "kernel: "). The text
 * after the prefix must start with one of the kernel's messages: an audit
 * record ("audit: type=1300 ...") that merely quotes the words never
 * counts.
 *
 * The live log is /dev/kmsg, read non-blocking from its first record
 * until EAGAIN (EPIPE: records were overwritten while reading, go on);
 * klogctl(SYSLOG_ACTION_READ_ALL) when /dev/kmsg cannot be opened. Times
 * are seconds since boot; the boot's wall time is CLOCK_REALTIME minus
 * CLOCK_BOOTTIME, known only for the live log.
 */
#include "kmsg.h"

#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <unistd.h>

#include "audoctor.h"

/* klogctl's actions (syslog(2)); glibc does not name them. */
enum { KMSG_SYSLOG_READ_ALL = 3, KMSG_SYSLOG_SIZE_BUFFER = 10 };

/* A record of /dev/kmsg is at most this long (CONSOLE_EXT_LOG_MAX). */
#define KMSG_RECORD_MAX 8192
/* Stop reading /dev/kmsg after this much: a log being flooded faster than
 * it is read must not keep audoctor reading forever. */
#define KMSG_READ_MAX (512u << 20)

struct kmsg_when {
	bool timed;
	double t;		/* seconds since boot */
};

/* ---- the parser ---- */

void kmsg_scan_init(struct kmsg_scan *s)
{
	memset(s, 0, sizeof(*s));
	s->backlog_max = -1;
	s->backlog_limit = -1;
	s->backlog_limit_max = -1;
	s->lost = -1;
	s->rate_limit = -1;
}

static bool kmsg_eat(const char **p, const char *end, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(end - *p) < n || memcmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

static bool kmsg_starts(const char *p, const char *end, const char *lit)
{
	return kmsg_eat(&p, end, lit);
}

static bool kmsg_isdigit(char c)
{
	return c >= '0' && c <= '9';
}

/* Decimal digits at *p, saturating at UINT64_MAX; *ret_digits counts
 * them. False (nothing consumed) when there is no digit. */
static bool kmsg_num(const char **p, const char *end, uint64_t *ret,
		     unsigned *ret_digits)
{
	const char *q = *p;
	uint64_t v = 0;

	if (q == end || !kmsg_isdigit(*q))
		return false;
	for (; q < end && kmsg_isdigit(*q); q++) {
		if (v > (UINT64_MAX - 9) / 10)
			v = UINT64_MAX;
		else
			v = v * 10 + (uint64_t)(*q - '0');
	}
	if (ret_digits)
		*ret_digits = (unsigned)(q - *p);
	*p = q;
	*ret = v;
	return true;
}

static int64_t kmsg_i64(uint64_t v)
{
	return v > INT64_MAX ? INT64_MAX : (int64_t)v;
}

static void kmsg_count(struct kmsg_scan *s, enum kmsg_kind k,
		       const struct kmsg_when *w)
{
	struct kmsg_count *c = &s->c[k];

	c->n++;
	if (!w->timed)
		return;
	if (!c->timed || w->t < c->first)
		c->first = w->t;
	if (!c->timed || w->t > c->last)
		c->last = w->t;
	c->timed++;
}

static void kmsg_limit(struct kmsg_scan *s, uint64_t m)
{
	s->backlog_limit = kmsg_i64(m);
	if (s->backlog_limit > s->backlog_limit_max)
		s->backlog_limit_max = s->backlog_limit;
}

/* "audit_backlog=N > audit_backlog_limit=M" (after "audit: "). */
static bool kmsg_over(struct kmsg_scan *s, const char *p, const char *end,
		      const struct kmsg_when *w)
{
	uint64_t n, m;

	if (!kmsg_eat(&p, end, "audit_backlog=") || !kmsg_num(&p, end, &n, NULL) ||
	    !kmsg_eat(&p, end, " > audit_backlog_limit=") ||
	    !kmsg_num(&p, end, &m, NULL))
		return false;
	kmsg_count(s, KMSG_BACKLOG_OVER, w);
	if (kmsg_i64(n) > s->backlog_max)
		s->backlog_max = kmsg_i64(n);
	kmsg_limit(s, m);
	return true;
}

/* "audit_lost=N audit_rate_limit=R audit_backlog_limit=M". */
static bool kmsg_lost(struct kmsg_scan *s, const char *p, const char *end,
		      const struct kmsg_when *w)
{
	uint64_t n, r, m;

	if (!kmsg_eat(&p, end, "audit_lost=") || !kmsg_num(&p, end, &n, NULL) ||
	    !kmsg_eat(&p, end, " audit_rate_limit=") ||
	    !kmsg_num(&p, end, &r, NULL) ||
	    !kmsg_eat(&p, end, " audit_backlog_limit=") ||
	    !kmsg_num(&p, end, &m, NULL))
		return false;
	kmsg_count(s, KMSG_LOST, w);
	s->lost = kmsg_i64(n);
	s->rate_limit = kmsg_i64(r);
	kmsg_limit(s, m);
	return true;
}

/* "NAME: N callbacks suppressed" where NAME starts with "audit": printk's
 * rate limit hid N lines of the function NAME. */
static bool kmsg_suppressed(struct kmsg_scan *s, const char *p,
			    const char *end, const struct kmsg_when *w)
{
	uint64_t n;

	if (!kmsg_eat(&p, end, "audit"))
		return false;
	while (p < end && (*p == '_' || kmsg_isdigit(*p) ||
			   (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
		p++;
	if (!kmsg_eat(&p, end, ": ") || !kmsg_num(&p, end, &n, NULL) ||
	    !kmsg_eat(&p, end, " callbacks suppressed"))
		return false;
	kmsg_count(s, KMSG_SUPPRESSED, w);
	s->suppressed = n > UINT64_MAX - s->suppressed ? UINT64_MAX
						       : s->suppressed + n;
	return true;
}

/* The kernel's text of one line: true when it was one of the messages. */
static bool kmsg_text(struct kmsg_scan *s, const char *p, const char *end,
		      const struct kmsg_when *w)
{
	static const struct {
		const char *text;
		enum kmsg_kind kind;
	} plain[] = {
		{ "audit: backlog limit exceeded", KMSG_BACKLOG_EXCEEDED },
		{ "audit: rate limit exceeded", KMSG_RATE_EXCEEDED },
		{ "audit: kauditd hold queue overflow", KMSG_HOLD_OVERFLOW },
	};
	const char *q = p;

	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		q = p;
		if (kmsg_eat(&q, end, plain[i].text)) {
			kmsg_count(s, plain[i].kind, w);
			return true;
		}
	}
	q = p;
	if (kmsg_eat(&q, end, "audit: "))
		return kmsg_over(s, q, end, w) || kmsg_lost(s, q, end, w);
	return kmsg_suppressed(s, p, end, w);
}

/* "PRI,SEQ,USEC,FLAGS[,...];" of a /dev/kmsg record. */
static bool kmsg_prefix_dev(const char **p, const char *end,
			    struct kmsg_when *w)
{
	const char *q = *p, *semi;
	uint64_t v, usec;

	if (!kmsg_num(&q, end, &v, NULL) || !kmsg_eat(&q, end, ",") ||
	    !kmsg_num(&q, end, &v, NULL) || !kmsg_eat(&q, end, ",") ||
	    !kmsg_num(&q, end, &usec, NULL) || q == end ||
	    (*q != ',' && *q != ';'))
		return false;
	semi = memchr(q, ';', (size_t)(end - q));
	if (!semi)
		return false;
	w->timed = true;
	w->t = (double)usec / 1e6;
	*p = semi + 1;
	return true;
}

/* "[    T123] " or "[    C1] ": the caller id of CONFIG_PRINTK_CALLER. */
static void kmsg_prefix_caller(const char **p, const char *end)
{
	const char *q = *p;
	uint64_t id;

	if (!kmsg_eat(&q, end, "["))
		return;
	while (q < end && *q == ' ')
		q++;
	if (q == end || (*q != 'T' && *q != 'C'))
		return;
	q++;
	if (!kmsg_num(&q, end, &id, NULL) || !kmsg_eat(&q, end, "]"))
		return;
	kmsg_eat(&q, end, " ");
	*p = q;
}

/* "[  SECONDS.MICROS]" and the space after it. */
static bool kmsg_prefix_stamp(const char **p, const char *end,
			      struct kmsg_when *w)
{
	const char *q = *p;
	uint64_t sec, frac = 0;
	unsigned digits = 0;

	if (!kmsg_eat(&q, end, "["))
		return false;
	while (q < end && *q == ' ')
		q++;
	if (!kmsg_num(&q, end, &sec, NULL))
		return false;
	if (kmsg_eat(&q, end, ".") && !kmsg_num(&q, end, &frac, &digits))
		return false;
	if (!kmsg_eat(&q, end, "]") || digits > 18)
		return false;
	w->timed = true;
	w->t = (double)sec;
	if (digits) {
		double scale = 1;

		while (digits--)
			scale *= 10;
		w->t += (double)frac / scale;
	}
	kmsg_eat(&q, end, " ");
	kmsg_prefix_caller(&q, end);
	*p = q;
	return true;
}

/* "[Tue Nov 14 10:31:02 2023] " of dmesg -T: a wall time of unknown
 * accuracy (dmesg derives it from the boot time), so the line counts
 * untimed. */
static bool kmsg_prefix_date(const char **p, const char *end)
{
	const char *q = *p, *close;
	size_t n = (size_t)(end - q) < 40 ? (size_t)(end - q) : 40;

	if (n < 3 || q[0] != '[' || !((q[1] >= 'A' && q[1] <= 'Z') ||
				       (q[1] >= 'a' && q[1] <= 'z')))
		return false;
	close = memchr(q, ']', n);
	if (!close)
		return false;
	q = close + 1;
	kmsg_eat(&q, end, " ");
	*p = q;
	return true;
}

/* "<PRI>" that klogctl and syslog put first. */
static bool kmsg_prefix_prio(const char **p, const char *end)
{
	const char *q = *p;
	uint64_t v;

	if (!kmsg_eat(&q, end, "<") || !kmsg_num(&q, end, &v, NULL) ||
	    !kmsg_eat(&q, end, ">"))
		return false;
	*p = q;
	return true;
}

/* A syslog line ("Nov 14 10:31:02 host kernel: TEXT"): the kernel's text
 * follows the first ": " of the line when the word before it is "kernel"
 * (a later "kernel: " is some other program's message quoting it). */
static void kmsg_syslog(struct kmsg_scan *s, const char *p, const char *end)
{
	struct kmsg_when w = { false, 0 };
	const char *q = p;

	while (q + 1 < end && !(q[0] == ':' && q[1] == ' '))
		q++;
	if (q + 1 >= end || q - p < 6 || memcmp(q - 6, "kernel", 6) != 0 ||
	    (q - p > 6 && q[-7] != ' '))
		return;
	q += 2;
	kmsg_prefix_stamp(&q, end, &w);
	kmsg_text(s, q, end, &w);
}

static void kmsg_line(struct kmsg_scan *s, const char *p, const char *end)
{
	struct kmsg_when w = { false, 0 };
	bool prefixed;

	s->lines++;
	/* A /dev/kmsg record's dictionary ("SUBSYSTEM=...") or the rest of
	 * a multi-line message: never the start of one. */
	if (p == end || *p == ' ')
		return;
	if (kmsg_prefix_dev(&p, end, &w)) {
		kmsg_text(s, p, end, &w);
		return;
	}
	prefixed = kmsg_prefix_prio(&p, end);
	prefixed |= kmsg_prefix_stamp(&p, end, &w) || kmsg_prefix_date(&p, end);
	if (!kmsg_text(s, p, end, &w) && !prefixed && !kmsg_starts(p, end, "audit"))
		kmsg_syslog(s, p, end);
}

void kmsg_parse(struct kmsg_scan *s, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		kmsg_line(s, p, eol);
		p = nl ? nl + 1 : end;
	}
}

bool kmsg_scan_any(const struct kmsg_scan *s)
{
	for (int k = 0; k < KMSG_NKINDS; k++) {
		if (s->c[k].n)
			return true;
	}
	return false;
}

bool kmsg_scan_span(const struct kmsg_scan *s, double *ret_first,
		    double *ret_last)
{
	bool any = false;
	double first = 0, last = 0;

	for (int k = 0; k < KMSG_NKINDS; k++) {
		const struct kmsg_count *c = &s->c[k];

		if (!c->timed)
			continue;
		if (!any || c->first < first)
			first = c->first;
		if (!any || c->last > last)
			last = c->last;
		any = true;
	}
	if (any) {
		*ret_first = first;
		*ret_last = last;
	}
	return any;
}

/* ---- reading ---- */

int kmsg_read_file(const char *path, struct kmsg_scan *s, char *why,
		   size_t whylen)
{
	FILE *f = fopen(path, "re");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int err = 0;

	if (!f) {
		err = -errno;
		snprintf(why, whylen, "%s: %s", path, strerror(-err));
		return err;
	}
	while ((n = getline(&line, &cap, f)) > 0)
		kmsg_parse(s, line, (size_t)n);
	if (ferror(f)) {
		err = errno ? -errno : -EIO;
		snprintf(why, whylen, "%s: %s", path, strerror(-err));
	}
	free(line);
	fclose(f);
	return err;
}

/* /dev/kmsg from its oldest record: one record per read(). */
static int kmsg_read_dev(struct kmsg_scan *s)
{
	char buf[KMSG_RECORD_MAX];
	int fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	size_t total = 0;
	int err = 0;

	if (fd < 0)
		return -errno;
	while (total < KMSG_READ_MAX) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n > 0) {
			kmsg_parse(s, buf, (size_t)n);
			total += (size_t)n;
			continue;
		}
		if (n < 0 && (errno == EPIPE || errno == EINTR))
			continue;
		if (n < 0 && errno != EAGAIN)
			err = -errno;
		break;
	}
	close(fd);
	return err;
}

/* The whole ring buffer at once, as dmesg(1) reads it without /dev/kmsg. */
static int kmsg_read_klog(struct kmsg_scan *s)
{
	int size = klogctl(KMSG_SYSLOG_SIZE_BUFFER, NULL, 0);
	char *buf;
	int n;

	if (size < 0)
		return -errno;
	if (size == 0)
		size = 1 << 20;
	buf = malloc((size_t)size);
	if (!buf)
		abort();
	n = klogctl(KMSG_SYSLOG_READ_ALL, buf, size);
	if (n < 0) {
		n = -errno;
		free(buf);
		return n;
	}
	kmsg_parse(s, buf, (size_t)n);
	free(buf);
	return 0;
}

/* kernel.dmesg_restrict: 1 means only CAP_SYSLOG may read the log; -1
 * when unreadable. */
static int kmsg_restricted(const char *proc_root)
{
	char path[PATH_MAX];
	FILE *f;
	int v = -1;

	snprintf(path, sizeof(path), "%s/sys/kernel/dmesg_restrict", proc_root);
	f = fopen(path, "re");
	if (!f)
		return -1;
	if (fscanf(f, "%d", &v) != 1)
		v = -1;
	fclose(f);
	return v;
}

int kmsg_read_live(const char *proc_root, struct kmsg_scan *s, char *why,
		   size_t whylen)
{
	int dev = kmsg_read_dev(s), klog;

	if (dev == 0)
		return 0;
	kmsg_scan_init(s);
	klog = kmsg_read_klog(s);
	if (klog == 0)
		return 0;
	snprintf(why, whylen, "/dev/kmsg: %s; klogctl: %s%s", strerror(-dev),
		 strerror(-klog),
		 (klog == -EPERM || dev == -EPERM) && kmsg_restricted(proc_root) == 1
			 ? " (kernel.dmesg_restrict = 1: reading the kernel log "
			   "needs root or CAP_SYSLOG)"
			 : "");
	return klog;
}

/* ---- the finding ---- */

/* A one-line summary built by appending; truncated, never overflowing. */
struct kmsg_text {
	char s[1024];
	size_t n;
};

static void kmsg_add(struct kmsg_text *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void kmsg_add(struct kmsg_text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->n >= sizeof(t->s) - 1)
		return;
	va_start(ap, fmt);
	n = vsnprintf(t->s + t->n, sizeof(t->s) - t->n, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->n += (size_t)n;
	if (t->n > sizeof(t->s) - 1)
		t->n = sizeof(t->s) - 1;
}

/* A time since boot as the local time, or as seconds after boot. */
static void kmsg_when_text(char *buf, size_t len, bool boot_known,
			   double boot_wall, double t)
{
	time_t wall = (time_t)(boot_wall + t);
	struct tm tm;

	if (boot_known && localtime_r(&wall, &tm) &&
	    strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm) > 0)
		return;
	snprintf(buf, len, "%.6f s after boot", t);
}

static const char *const kmsg_what[KMSG_NKINDS] = {
	"backlog limit exceeded", "audit_backlog over audit_backlog_limit",
	"rate limit exceeded", "kauditd hold queue overflow",
	"audit_lost reports", "callbacks suppressed lines",
};

/* "the kernel log shows audit dropping records: 5 x backlog limit
 * exceeded, 2 x audit_lost reports (audit_lost=44393); the last at ...;
 * printk rate limiting hid 153 more". */
static void kmsg_summary(struct kmsg_text *t, const struct kmsg_scan *s,
			 const char *last)
{
	const char *sep = ": ";

	kmsg_add(t, "the kernel log shows audit dropping records");
	for (int k = 0; k < KMSG_SUPPRESSED; k++) {
		if (!s->c[k].n)
			continue;
		kmsg_add(t, "%s%" PRIu64 " x %s", sep, s->c[k].n, kmsg_what[k]);
		sep = ", ";
	}
	if (s->lost >= 0)
		kmsg_add(t, " (audit_lost=%" PRId64 ")", s->lost);
	if (last)
		kmsg_add(t, "; the last %s", last);
	if (s->suppressed)
		kmsg_add(t, "; printk rate limiting hid %" PRIu64 " more such "
			 "messages, so the true count is higher", s->suppressed);
}

static void kmsg_evidence(struct finding *x, const struct kmsg_scan *s)
{
	static const char *const key[KMSG_SUPPRESSED] = {
		"backlog_limit_exceeded", "backlog_over_limit",
		"rate_limit_exceeded", "hold_queue_overflow", "lost_reports",
	};

	for (int k = 0; k < KMSG_SUPPRESSED; k++)
		finding_int(x, key[k], (int64_t)s->c[k].n);
	finding_int(x, "callbacks_suppressed", kmsg_i64(s->suppressed));
	if (s->backlog_max >= 0)
		finding_int(x, "audit_backlog_max", s->backlog_max);
	if (s->backlog_limit >= 0)
		finding_int(x, "audit_backlog_limit", s->backlog_limit);
	if (s->lost >= 0)
		finding_int(x, "audit_lost", s->lost);
	if (s->rate_limit >= 0)
		finding_int(x, "audit_rate_limit", s->rate_limit);
}

static void kmsg_times(struct finding *x, const struct kmsg_scan *s,
		       bool boot_known, double boot_wall)
{
	char buf[64];
	double first, last;

	if (!kmsg_scan_span(s, &first, &last))
		return;
	kmsg_when_text(buf, sizeof(buf), boot_known, boot_wall, first);
	finding_text(x, "first_seen", "%s", buf);
	kmsg_when_text(buf, sizeof(buf), boot_known, boot_wall, last);
	finding_text(x, "last_seen", "%s", buf);
	finding_real(x, "first_seen_boot_s", first);
	finding_real(x, "last_seen_boot_s", last);
}

/* The change, by what the kernel said: a full queue wants a larger
 * backlog (and a daemon that keeps up), a rate limit wants lifting, an
 * overflowing hold queue wants a daemon at all. */
static void kmsg_fix(struct finding *x, const struct kmsg_scan *s)
{
	bool backlog = s->c[KMSG_BACKLOG_EXCEEDED].n || s->c[KMSG_BACKLOG_OVER].n;
	bool rate = s->c[KMSG_RATE_EXCEEDED].n;
	bool hold = s->c[KMSG_HOLD_OVERFLOW].n;
	int64_t b = s->backlog_limit_max > INT64_MAX / 2 ? INT64_MAX
							: 2 * s->backlog_limit_max;

	/* Only "audit_lost=" or suppressed lines: the cause's own line was
	 * hidden; the audit_lost line still says whether a rate limit was on. */
	if (!backlog && !rate && !hold) {
		backlog = true;
		rate = s->rate_limit > 0;
	}
	if (b > UINT32_MAX)
		b = UINT32_MAX;
	if (b < 8192)
		b = 8192;
	if (backlog) {
		finding_fix_setting(x, "-b", (uint64_t)b);
		finding_fix(x, "and check why the daemon fell behind (the daemon findings)");
	}
	if (rate) {
		finding_fix_setting(x, "-r", 0);
	}
	if (hold)
		finding_fix(x, "start the audit daemon (no daemon was reading): "
			    "systemctl start auditd");
}

/* "12 min ago (2024-01-01 12:00:00)", or "at 5031.3 s after boot" when
 * the boot's wall time is unknown. Returns whether that is within the
 * last hour (always, when unknown). */
static bool kmsg_last_text(char *buf, size_t len, const struct doctor *d,
			   bool boot_known, double boot_wall, double last)
{
	double age = (double)d->now - (boot_wall + last);
	char when[64];

	kmsg_when_text(when, sizeof(when), boot_known, boot_wall, last);
	if (boot_known && age >= 0 && age < 120)
		snprintf(buf, len, "%.0f s ago (%s)", age, when);
	else if (boot_known && age >= 0)
		snprintf(buf, len, "%.0f min ago (%s)", age / 60, when);
	else
		snprintf(buf, len, "at %s", when);
	return !boot_known || age < 3600;
}

void kmsg_report(struct doctor *d, const struct kmsg_scan *s,
		 bool boot_known, double boot_wall)
{
	struct kmsg_text t = { .n = 0 };
	char last_text[128] = "";
	double first, last;
	bool recent = true;
	struct finding *x;

	if (!kmsg_scan_any(s))
		return;
	if (kmsg_scan_span(s, &first, &last))
		recent = kmsg_last_text(last_text, sizeof(last_text), d,
					boot_known, boot_wall, last);
	kmsg_summary(&t, s, *last_text ? last_text : NULL);
	x = findings_add(&d->findings, "kernel-log-overflow",
			 recent ? SEV_WARNING : SEV_INFO, "%s", t.s);
	kmsg_evidence(x, s);
	kmsg_times(x, s, boot_known, boot_wall);
	if (s->suppressed)
		finding_text(x, "suppressed", "the kernel hid %" PRIu64
			     " more messages", s->suppressed);
	kmsg_fix(x, s);
}

void kmsg_check(struct doctor *d)
{
	struct kmsg_scan s;
	struct timespec real, boot;
	char why[512];
	bool boot_known = false;
	double boot_wall = 0;
	int err;

	kmsg_scan_init(&s);
	if (d->opts->kmsg) {
		err = kmsg_read_file(d->opts->kmsg, &s, why, sizeof(why));
	} else {
		err = kmsg_read_live(d->opts->proc_root, &s, why, sizeof(why));
		if (clock_gettime(CLOCK_REALTIME, &real) == 0 &&
		    clock_gettime(CLOCK_BOOTTIME, &boot) == 0) {
			boot_known = true;
			boot_wall = (double)(real.tv_sec - boot.tv_sec) +
				    (double)(real.tv_nsec - boot.tv_nsec) / 1e9;
		}
	}
	if (err < 0) {
		findings_skip(&d->findings, "kernel log", "%s", why);
		return;
	}
	kmsg_report(d, &s, boot_known, boot_wall);
}
