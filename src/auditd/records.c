/*
 * records: see records.h. The field lists are the reference's, as its
 * 3.0.9 daemon writes them; only ver= differs (it names auditkit's
 * version). The serial counter is the one piece of state, atomic because
 * the main thread and the writer both make records.
 */
#include "records.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <unistd.h>

static atomic_uint records_serial;

static uint32_t records_read_u32(const char *path, uint32_t fallback)
{
	unsigned long v;
	FILE *f = fopen(path, "re");
	int n;

	if (!f)
		return fallback;
	n = fscanf(f, "%lu", &v);
	fclose(f);
	return n == 1 ? (uint32_t)v : fallback;
}

void records_self(struct records_sender *ret)
{
	memset(ret, 0, sizeof(*ret));
	ret->auid = records_read_u32("/proc/self/loginuid", (uint32_t)-1);
	ret->ses = records_read_u32("/proc/self/sessionid", (uint32_t)-1);
	ret->uid = (uint32_t)getuid();
	ret->pid = getpid();
}

/* "audit(SEC.MSEC:SERIAL): " */
static size_t records_head(char *buf, size_t cap)
{
	struct timeval tv;
	unsigned serial = atomic_fetch_add(&records_serial, 1) + 1;
	int n;

	gettimeofday(&tv, NULL);
	n = snprintf(buf, cap, "audit(%lld.%03ld:%u): ", (long long)tv.tv_sec,
		     (long)(tv.tv_usec / 1000), serial);
	return n < 0 ? 0 : (size_t)n;
}

static size_t records_finish(char *buf, size_t cap, size_t head, int n)
{
	size_t len = head + (n < 0 ? 0 : (size_t)n);

	return len >= cap ? cap - 1 : len;
}

size_t records_start(char *buf, size_t cap, const char *format_name)
{
	struct records_sender me;
	struct utsname u;
	size_t h = records_head(buf, cap);
	int n;

	records_self(&me);
	if (uname(&u) != 0)
		strcpy(u.release, "?");
	n = snprintf(buf + h, cap - h,
		     "op=start ver=%s format=%s kernel=%s auid=%u pid=%d uid=%u ses=%u res=success",
		     AUDITKIT_VERSION, format_name, u.release, me.auid,
		     (int)me.pid, me.uid, me.ses);
	return records_finish(buf, cap, h, n);
}

static size_t records_op_sender(char *buf, size_t cap, const char *op,
				const struct records_sender *s)
{
	size_t h = records_head(buf, cap);
	int n = snprintf(buf + h, cap - h,
			 "op=%s auid=%u uid=%u ses=%u pid=%d res=success", op,
			 s->auid, s->uid, s->ses, (int)s->pid);

	return records_finish(buf, cap, h, n);
}

size_t records_end(char *buf, size_t cap, const struct records_sender *s)
{
	return records_op_sender(buf, cap, "terminate", s);
}

size_t records_rotate(char *buf, size_t cap, const struct records_sender *s)
{
	return records_op_sender(buf, cap, "rotate-logs", s);
}

size_t records_resume(char *buf, size_t cap, const struct records_sender *s,
		      uint64_t held, uint64_t dropped)
{
	size_t h = records_head(buf, cap);
	int n = snprintf(buf + h, cap - h,
			 "op=resume-logging auid=%u uid=%u ses=%u pid=%d held=%llu dropped=%llu res=success",
			 s->auid, s->uid, s->ses, (int)s->pid,
			 (unsigned long long)held, (unsigned long long)dropped);

	return records_finish(buf, cap, h, n);
}

size_t records_config(char *buf, size_t cap, const struct records_sender *s,
		      int ok)
{
	size_t h = records_head(buf, cap);
	int n = snprintf(buf + h, cap - h,
			 "op=reconfigure state=%s auid=%u pid=%d subj=%s res=%s",
			 ok ? "changed" : "no-change", s->auid, (int)s->pid,
			 s->subj[0] ? s->subj : "?", ok ? "success" : "failed");

	return records_finish(buf, cap, h, n);
}

static size_t records_op_failed(char *buf, size_t cap, const char *op)
{
	struct records_sender me;
	size_t h = records_head(buf, cap);
	int n;

	records_self(&me);
	n = snprintf(buf + h, cap - h, "op=%s auid=%u pid=%d subj=? res=failed",
		     op, me.auid, (int)me.pid);
	return records_finish(buf, cap, h, n);
}

size_t records_abort(char *buf, size_t cap, const char *op)
{
	return records_op_failed(buf, cap, op);
}

size_t records_err(char *buf, size_t cap, const char *op)
{
	return records_op_failed(buf, cap, op);
}
