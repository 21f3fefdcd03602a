/*
 * procfs: parsers for the /proc files audoctor samples, and the readers
 * that feed them (see procfs.h).
 *
 * Each parser walks its buffer line by line, copying one line at a time
 * into a bounded, NUL-terminated scratch buffer before scanning it, so no
 * parser reads past the length it was given. Files are read whole into a
 * growing heap buffer: /proc/net/netlink has one line per netlink socket
 * on the machine and can be large.
 *
 * The daemon's kind. auditkit's auditd does not carry the word "auditkit"
 * in its binary (its version string is the bare "0.1.0"), so the marker
 * list also holds "spill_memory": the name of one of auditkit's own
 * auditd.conf keys, which its keyword table must hold as a string and the
 * reference auditd (whose parser rejects unknown keys) has no reason to.
 * "auditkit" stays first so a future build that names itself still
 * matches. The executable is scanned in chunks that overlap by the
 * longest marker, so a marker straddling two reads is still found.
 */
#include "procfs.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <linux/netlink.h>

#define PROCFS_LINE_MAX 512
#define PROCFS_FILE_MAX (64u << 20)
#define PROCFS_CHUNK 65536

static const char *const procfs_markers[] = { "auditkit", "spill_memory" };
#define PROCFS_MARKER_MAX 16	/* >= the longest marker */

/* The next line of buf from *pos into line (truncated, NUL-terminated);
 * false at the end. */
static bool procfs_line(const char *buf, size_t len, size_t *pos,
			char line[PROCFS_LINE_MAX])
{
	const char *start, *nl;
	size_t n, copy;

	if (*pos >= len)
		return false;
	start = buf + *pos;
	nl = memchr(start, '\n', len - *pos);
	n = nl ? (size_t)(nl - start) : len - *pos;
	copy = n < PROCFS_LINE_MAX - 1 ? n : PROCFS_LINE_MAX - 1;
	memcpy(line, start, copy);
	line[copy] = '\0';
	*pos += n + (nl != NULL);
	return true;
}

int procfs_parse_netlink(const char *buf, size_t len, uint32_t portid,
			 struct proc_sock *ret)
{
	char line[PROCFS_LINE_MAX];
	size_t pos = 0;

	memset(ret, 0, sizeof(*ret));
	while (procfs_line(buf, len, &pos, line)) {
		int proto;
		uint32_t port;
		uint64_t rmem, wmem, drops;

		if (sscanf(line, "%*s %d %" SCNu32 " %*s %" SCNu64 " %" SCNu64
			   " %*s %*s %" SCNu64, &proto, &port, &rmem, &wmem,
			   &drops) != 5)
			continue;	/* the header, or a line cut short */
		if (proto != NETLINK_AUDIT || port != portid)
			continue;
		ret->found = true;
		ret->portid = port;
		ret->rmem = rmem;
		ret->wmem = wmem;
		ret->drops = drops;
		return 0;
	}
	return -ENOENT;
}

/* Field k (0 = the state) of the text after comm's last ')'. */
static int procfs_stat_fields(const char *rest, size_t n, char *state,
			      uint64_t *utime, uint64_t *stime)
{
	char tail[PROCFS_LINE_MAX * 2];
	char *save = NULL, *tok;
	size_t copy = n < sizeof(tail) - 1 ? n : sizeof(tail) - 1;
	int k = 0;

	memcpy(tail, rest, copy);
	tail[copy] = '\0';
	for (tok = strtok_r(tail, " \n", &save); tok && k <= 12;
	     tok = strtok_r(NULL, " \n", &save), k++) {
		if (k == 0)
			*state = tok[0];
		else if (k == 11)
			*utime = strtoull(tok, NULL, 10);
		else if (k == 12)
			*stime = strtoull(tok, NULL, 10);
	}
	return k > 12 ? 0 : -EINVAL;
}

int procfs_parse_stat(const char *buf, size_t len, struct proc_task *ret)
{
	const char *close = NULL;
	uint64_t utime = 0, stime = 0;
	char state = 0;

	for (size_t i = len; i > 0; i--) {
		if (buf[i - 1] == ')') {
			close = buf + i - 1;
			break;
		}
	}
	if (!close || !memchr(buf, '(', (size_t)(close - buf)))
		return -EINVAL;
	close++;
	if (procfs_stat_fields(close, len - (size_t)(close - buf), &state,
			       &utime, &stime) < 0)
		return -EINVAL;
	ret->exists = true;
	ret->state = state;
	ret->cpu_ticks = utime + stime;
	return 0;
}

/* The number after "key:" on the line that starts with key. */
static int procfs_keyed(const char *buf, size_t len, const char *key,
			uint64_t *ret)
{
	char line[PROCFS_LINE_MAX];
	size_t pos = 0, klen = strlen(key);

	while (procfs_line(buf, len, &pos, line)) {
		char *end;

		if (strncmp(line, key, klen) != 0 || line[klen] != ':')
			continue;
		errno = 0;
		*ret = strtoull(line + klen + 1, &end, 10);
		if (errno || end == line + klen + 1)
			return -EINVAL;
		return 0;
	}
	return -ENOENT;
}

int procfs_parse_tracer(const char *buf, size_t len, uint32_t *ret)
{
	uint64_t v;
	int err = procfs_keyed(buf, len, "TracerPid", &v);

	if (err == 0)
		*ret = (uint32_t)v;
	return err;
}

int procfs_parse_meminfo(const char *buf, size_t len, uint64_t *ret)
{
	uint64_t kb;
	int err = procfs_keyed(buf, len, "MemTotal", &kb);

	if (err == 0)
		*ret = kb * 1024;
	return err;
}

bool procfs_has_marker(const char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof(procfs_markers) / sizeof(*procfs_markers); i++)
		if (memmem(buf, len, procfs_markers[i], strlen(procfs_markers[i])))
			return true;
	return false;
}

/* The whole of path in *ret (owned by the caller, NUL-terminated). */
static int procfs_slurp(const char *path, char **ret, size_t *ret_len)
{
	size_t cap = 4096, n = 0;
	char *buf = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r = 1;

	if (fd < 0)
		return -errno;
	while (r > 0 && cap <= PROCFS_FILE_MAX) {
		char *grown = realloc(buf, cap + 1);

		if (!grown)
			abort();
		buf = grown;
		while (n < cap && (r = read(fd, buf + n, cap - n)) > 0)
			n += (size_t)r;
		cap *= 2;
	}
	if (r < 0) {
		int err = -errno;

		close(fd);
		free(buf);
		return err;
	}
	close(fd);
	buf[n] = '\0';
	*ret = buf;
	*ret_len = n;
	return 0;
}

/* Read proc_root/what and hand it to parse. */
static int procfs_read(const char *proc_root, const char *what, char **ret,
		       size_t *ret_len)
{
	char path[PATH_MAX];
	int n = snprintf(path, sizeof(path), "%s/%s", proc_root, what);

	if (n < 0 || (size_t)n >= sizeof(path))
		return -ENAMETOOLONG;
	return procfs_slurp(path, ret, ret_len);
}

int procfs_read_sock(const char *proc_root, uint32_t portid,
		     struct proc_sock *ret)
{
	char *buf;
	size_t len;
	int err = procfs_read(proc_root, "net/netlink", &buf, &len);

	memset(ret, 0, sizeof(*ret));
	if (err < 0)
		return err;
	err = procfs_parse_netlink(buf, len, portid, ret);
	free(buf);
	return err;
}

int procfs_read_task(const char *proc_root, pid_t pid, struct proc_task *ret)
{
	char what[64], *buf;
	size_t len;
	int err;

	memset(ret, 0, sizeof(*ret));
	snprintf(what, sizeof(what), "%d/stat", (int)pid);
	err = procfs_read(proc_root, what, &buf, &len);
	if (err < 0)
		return err;
	err = procfs_parse_stat(buf, len, ret);
	free(buf);
	if (err < 0)
		return err;
	snprintf(what, sizeof(what), "%d/status", (int)pid);
	if (procfs_read(proc_root, what, &buf, &len) == 0) {
		procfs_parse_tracer(buf, len, &ret->tracer_pid);
		free(buf);
	}
	return 0;
}

int procfs_read_meminfo(const char *proc_root, uint64_t *ret)
{
	char *buf;
	size_t len;
	int err = procfs_read(proc_root, "meminfo", &buf, &len);

	if (err < 0)
		return err;
	err = procfs_parse_meminfo(buf, len, ret);
	free(buf);
	return err;
}

/* Whether the open file fd holds a marker, read in overlapping chunks. */
static int procfs_scan_fd(int fd)
{
	char *buf = malloc(PROCFS_MARKER_MAX + PROCFS_CHUNK);
	size_t keep = 0;
	ssize_t r;
	int found = 0;

	if (!buf)
		abort();
	while (!found && (r = read(fd, buf + keep, PROCFS_CHUNK)) > 0) {
		size_t n = keep + (size_t)r;

		found = procfs_has_marker(buf, n);
		keep = n < PROCFS_MARKER_MAX ? n : PROCFS_MARKER_MAX;
		memmove(buf, buf + n - keep, keep);
	}
	if (!found && r < 0)
		found = -errno;
	free(buf);
	return found;
}

/* The basename of a readlink target, less a " (deleted)" suffix. */
static bool procfs_is_auditd(const char *target)
{
	const char *base = strrchr(target, '/');
	static const char deleted[] = " (deleted)";
	size_t n;

	base = base ? base + 1 : target;
	n = strlen(base);
	if (n >= sizeof(deleted) - 1 &&
	    strcmp(base + n - (sizeof(deleted) - 1), deleted) == 0)
		n -= sizeof(deleted) - 1;
	return n == 6 && strncmp(base, "auditd", 6) == 0;
}

enum daemon_kind procfs_daemon_kind(const char *proc_root, pid_t pid,
				    char *exe, size_t exe_size)
{
	char path[PATH_MAX];
	struct stat st;
	ssize_t n;
	int fd, found;

	exe[0] = '\0';
	if (pid <= 0)
		return DAEMON_NONE;
	snprintf(path, sizeof(path), "%s/%d", proc_root, (int)pid);
	if (stat(path, &st) != 0)
		return errno == ENOENT ? DAEMON_GONE : DAEMON_UNKNOWN;
	snprintf(path, sizeof(path), "%s/%d/exe", proc_root, (int)pid);
	n = readlink(path, exe, exe_size - 1);
	if (n < 0) {
		exe[0] = '\0';
		return DAEMON_UNKNOWN;
	}
	exe[n] = '\0';
	if (!procfs_is_auditd(exe))
		return DAEMON_OTHER;
	/* Opening PID/exe works even when the file was replaced on disk. */
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return DAEMON_UNKNOWN;
	found = procfs_scan_fd(fd);
	close(fd);
	if (found < 0)
		return DAEMON_UNKNOWN;
	return found ? DAEMON_AUDITKIT : DAEMON_REFERENCE;
}
