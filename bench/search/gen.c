/*
 * gen: writes a deterministic audit log of a given size for the search
 * benchmark (bench/search/run.sh), shaped like what auditd writes on a busy
 * multi-user server over days.
 *
 * Record layouts are the kernel's and PAM's as auditd logs them in RAW
 * format (no EOE: auditd does not write it; no node=): a SYSCALL record
 * first, then the auxiliary records in the kernel's order (EXECVE, SOCKADDR,
 * CWD, PATH items, PROCTITLE last); AVC and CONFIG_CHANGE are emitted
 * before the SYSCALL record of their event, as the kernel logs them at once;
 * user-space messages (PAM, sudo, login) are one record each with
 * msg='...'. Strings are written as the kernel writes untrusted strings:
 * quoted when plain, hex when they hold a space, a quote or a control
 * character (PROCTITLE with several arguments is always hex: NUL separators).
 *
 * The mix: exec events, file events (open/openat/unlink/rename/chmod/...),
 * failed opens (EACCES, ENOENT), logins and sudo with their PAM records,
 * cron sessions, connect with SOCKADDR (inet, inet6, unix), SELinux AVC
 * denials and audit rule changes. Keys come from a few dozen names with a
 * skewed (Zipf) frequency per kind of event; pids grow as processes are
 * forked, sessions as users log in. Serials increase; one event in 25 has
 * its records interleaved with the next event's. Time advances by random
 * gaps (busier by day than by night), steered so that the whole file spans
 * DAYS days from 2026-10-01 00:00 UTC; or, with -r RATE, at RATE events a
 * second on average (a busy server: thousands of events a second keep
 * thousands of events open at once in a reader that groups them).
 *
 * Everything comes from one xorshift generator with a fixed seed, so the
 * same options give the same bytes. With -i FILE, facts the benchmark needs
 * (a key, a pid, an exe, an hour in the middle, counts) are written there.
 *
 * usage: gen -s SIZE[k|M|G] [-d DAYS | -r RATE] [-S SEED] [-i INFO] > audit.log
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define GEN_START_MS 1790812800000ULL	/* 2026-10-01 00:00:00 UTC */
#define GEN_MAX_RECORDS 10
#define GEN_RECORD_MAX 4096
#define UNSET 4294967295U

/* ---- randomness ---- */

static uint64_t gen_seed = 0x9e3779b97f4a7c15ULL;

static uint64_t rnd(void)
{
	gen_seed ^= gen_seed << 13;
	gen_seed ^= gen_seed >> 7;
	gen_seed ^= gen_seed << 17;
	return gen_seed;
}

static unsigned rnd_below(unsigned n)
{
	return n ? (unsigned)(rnd() % n) : 0;
}

static int chance(unsigned percent)
{
	return rnd_below(1000) < percent * 10;
}

/* Index in [0, n) with weight 1/(i+1): a few names are most of the log. */
static unsigned rnd_zipf(unsigned n)
{
	double total = 0, x;
	unsigned i;

	for (i = 0; i < n; i++)
		total += 1.0 / (i + 1);
	x = (double)(rnd() % 1000000) / 1000000.0 * total;
	for (i = 0; i < n; i++) {
		x -= 1.0 / (i + 1);
		if (x < 0)
			return i;
	}
	return n - 1;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(a) ((a)[rnd_below(NELEM(a))])
#define PICK_ZIPF(a) ((a)[rnd_zipf(NELEM(a))])

/* ---- vocabulary ---- */

static const char *const keys_exec[] = {
	"exec", "susp_activity", "priv_esc", "recon", "cron_exec", "docker",
	"pkg_mgmt", "shell_exec", "compilers", "network_tools", "T1059",
	"remote_shell",
};
static const char *const keys_file[] = {
	"perm_mod", "identity", "delete", "sudoers", "etc_changes", "audit_log",
	"systemd", "cron_conf", "ssh_conf", "modules", "mounts", "logins",
	"time-change", "system-locale", "MAC-policy", "session", "tmp_exec",
	"webroot",
};
static const char *const keys_fail[] = {
	"access", "unsuccessful-access", "shadow_read", "secrets",
};
static const char *const keys_net[] = {
	"network", "outbound", "egress_smtp", "dns",
};

static const char *const users[] = {
	"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
	"ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil",
	"trent", "victor", "walter", "xavier", "yolanda", "zoe", "deploy",
	"ci-runner", "backup", "ansible", "jenkins", "oracle", "postgres-adm",
	"monitor", "svc-web", "svc-api", "build", "analyst", "admin2", "ops",
	"dev1", "dev2", "dev3", "intern",
};
#define NUSERS NELEM(users)

static const char *const bad_users[] = {
	"root", "admin", "test", "oracle", "ubuntu", "user", "guest", "pi",
	"postgres", "ftpuser", "git", "support",
};

struct exe {
	const char *path;
	const char *comm;
	const char *args;	/* argv[1..], space separated; "" for none */
	int setuid;
};

static const struct exe exes[] = {
	{ "/usr/bin/ls", "ls", "-la", 0 },
	{ "/usr/bin/cat", "cat", "/etc/hosts", 0 },
	{ "/usr/bin/grep", "grep", "-r TODO src", 0 },
	{ "/usr/bin/bash", "bash", "", 0 },
	{ "/usr/bin/git", "git", "status", 0 },
	{ "/usr/bin/python3.11", "python3", "manage.py runserver", 0 },
	{ "/usr/bin/ssh", "ssh", "build01.internal", 0 },
	{ "/usr/bin/curl", "curl", "-s https://api.internal/health", 0 },
	{ "/usr/bin/vim.basic", "vim", "config.yaml", 0 },
	{ "/usr/bin/sudo", "sudo", "systemctl restart nginx", 1 },
	{ "/usr/bin/systemctl", "systemctl", "status nginx", 0 },
	{ "/usr/bin/find", "find", ". -name *.log", 0 },
	{ "/usr/bin/tar", "tar", "czf backup.tgz data", 0 },
	{ "/usr/bin/gzip", "gzip", "-9 access.log", 0 },
	{ "/usr/bin/ps", "ps", "aux", 0 },
	{ "/usr/bin/mawk", "awk", "{print $1}", 0 },
	{ "/usr/bin/sed", "sed", "-i s/a/b/ file", 0 },
	{ "/usr/bin/sort", "sort", "-u", 0 },
	{ "/usr/bin/make", "make", "-j2", 0 },
	{ "/usr/bin/x86_64-linux-gnu-gcc-12", "gcc", "-O2 -c main.c", 0 },
	{ "/usr/bin/dpkg", "dpkg", "-l", 0 },
	{ "/usr/bin/apt-get", "apt-get", "update", 0 },
	{ "/usr/bin/docker", "docker", "ps", 0 },
	{ "/usr/bin/passwd", "passwd", "", 1 },
	{ "/usr/bin/su", "su", "-", 1 },
	{ "/usr/bin/crontab", "crontab", "-l", 1 },
	{ "/usr/bin/id", "id", "", 0 },
	{ "/usr/bin/whoami", "whoami", "", 0 },
	{ "/usr/bin/uname", "uname", "-a", 0 },
	{ "/usr/bin/nc.openbsd", "nc", "-zv 10.0.0.5 22", 0 },
	{ "/usr/bin/wget", "wget", "http://mirror/pkg.deb", 0 },
	{ "/usr/bin/rsync", "rsync", "-a /srv/ backup:/srv/", 0 },
	{ "/usr/bin/journalctl", "journalctl", "-u ssh", 0 },
	{ "/usr/bin/perl", "perl", "-e print", 0 },
	{ "/usr/bin/node", "node", "server.js", 0 },
	{ "/usr/bin/java", "java", "-jar app.jar", 0 },
	{ "/usr/sbin/iptables", "iptables", "-L -n", 0 },
	{ "/usr/bin/chmod", "chmod", "600 id_rsa", 0 },
	{ "/usr/bin/rm", "rm", "-f /tmp/x", 0 },
	{ "/usr/bin/mv", "mv", "a b", 0 },
};

struct daemon {
	const char *path;
	const char *comm;
	unsigned uid;
	unsigned pid;		/* fixed: long-lived */
};

static struct daemon daemons[] = {
	{ "/usr/sbin/nginx", "nginx", 33, 1123 },
	{ "/usr/lib/postgresql/15/bin/postgres", "postgres", 114, 987 },
	{ "/usr/sbin/sshd", "sshd", 0, 812 },
	{ "/usr/sbin/cron", "cron", 0, 655 },
	{ "/usr/lib/systemd/systemd", "systemd", 0, 1 },
	{ "/usr/sbin/rsyslogd", "rsyslogd", 0, 601 },
	{ "/usr/lib/systemd/systemd-journald", "systemd-journal", 0, 312 },
	{ "/usr/sbin/dockerd", "dockerd", 0, 1402 },
	{ "/usr/bin/containerd", "containerd", 0, 1377 },
	{ "/usr/sbin/postfix/master", "master", 0, 1555 },
	{ "/usr/lib/postfix/sbin/smtpd", "smtpd", 106, 20412 },
	{ "/usr/sbin/named", "named", 110, 733 },
	{ "/usr/sbin/chronyd", "chronyd", 105, 588 },
	{ "/opt/app/bin/api-server", "api-server", 998, 2210 },
	{ "/opt/app/bin/worker", "worker", 998, 2233 },
	{ "/usr/bin/dbus-daemon", "dbus-daemon", 101, 640 },
};

static const char *const files_read[] = {
	"/etc/passwd", "/etc/group", "/etc/hosts", "/etc/resolv.conf",
	"/etc/nsswitch.conf", "/etc/ld.so.cache", "/var/www/html/index.html",
	"/srv/app/config/settings.yaml", "/etc/ssl/certs/ca-certificates.crt",
	"/var/lib/postgresql/15/main/base/16384/2619", "/proc/self/status",
	"/etc/localtime", "/usr/share/zoneinfo/UTC",
};
static const char *const files_secret[] = {
	"/etc/shadow", "/etc/gshadow", "/etc/sudoers", "/root/.ssh/authorized_keys",
	"/etc/ssl/private/server.key", "/var/lib/app/secrets.env",
	"/etc/sudoers.d/90-cloud", "/var/log/audit/audit.log",
};
/* Files written: DIR, the user's name when USER, STEM, a number, SUFFIX. */
static const struct {
	const char *dir;
	int user;
	const char *stem, *suffix;
} files_write[] = {
	{ "/tmp/", 0, "tmp.", "" },
	{ "/var/tmp/", 0, "cache-", ".bin" },
	{ "/home/", 1, "/notes-", ".txt" },
	{ "/srv/app/uploads/", 0, "img_", ".png" },
	{ "/var/log/app/", 0, "app-", ".log" },
	{ "/etc/cron.d/", 0, "job", "" },
	{ "/home/", 1, "/.cache/", ".tmp" },
	{ "/var/www/html/", 0, "page", ".html" },
	{ "/home/", 1, "/work/build/obj", ".o" },
	{ "/etc/nginx/sites-enabled/", 0, "site", "" },
};
static const char *const avc_perms[] = { "read", "write", "open", "getattr",
	"name_connect", "execute", "search", "create" };
static const char *const avc_targets[][3] = {
	{ "httpd_t", "user_home_t", "file" },
	{ "httpd_t", "unreserved_port_t", "tcp_socket" },
	{ "postgresql_t", "tmp_t", "dir" },
	{ "sshd_t", "var_log_t", "file" },
	{ "container_t", "etc_t", "file" },
	{ "named_t", "var_run_t", "sock_file" },
};
static const char *const ip_nets[] = { "10.0", "192.168", "172.16", "203.0" };

/* ---- the world: users' sessions and process ids ---- */

struct session {
	unsigned ses, uid, shell;	/* ses 0: slot free */
	const char *user;
	char addr[32];
	int tty;
};

#define NSESSIONS 24

struct world {
	uint64_t now_ms;
	uint64_t end_ms;
	double rate;		/* -r: events per second; 0: spread over -d days */
	double carry;		/* -r: the part of a ms not yet added to now_ms */
	unsigned long serial;
	unsigned next_pid;
	unsigned next_ses;
	unsigned long events;
	int in_seq;		/* inside a login/sudo/cron sequence */
	unsigned long steps;	/* gaps taken: one per event or sequence */
	unsigned long long bytes, target;
	struct session sessions[NSESSIONS];
	/* facts for -i */
	const char *bench_key;
	unsigned long bench_key_events;
	unsigned long auth_events;
	unsigned mid_pid;
	uint64_t mid_ms;
};

static unsigned world_pid(struct world *w)
{
	w->next_pid += 1 + rnd_below(4);
	if (w->next_pid > 4194000)
		w->next_pid = 3000;
	return w->next_pid;
}

static void world_ip(char *buf, size_t len)
{
	snprintf(buf, len, "%s.%u.%u", PICK(ip_nets), rnd_below(256),
		 1 + rnd_below(254));
}

/* A logged-in session, or NULL when nobody is logged in. */
static struct session *world_some_session(struct world *w)
{
	unsigned i, start = rnd_below(NSESSIONS);

	for (i = 0; i < NSESSIONS; i++) {
		struct session *s = &w->sessions[(start + i) % NSESSIONS];

		if (s->ses)
			return s;
	}
	return NULL;
}

/* ---- records ---- */

struct event {
	int n;
	char rec[GEN_MAX_RECORDS][GEN_RECORD_MAX];
	int len[GEN_MAX_RECORDS];
	char stamp[48];		/* "audit(SEC.MSEC:SERIAL): " */
};

static void event_begin(struct event *e, struct world *w)
{
	e->n = 0;
	snprintf(e->stamp, sizeof(e->stamp), "audit(%llu.%03llu:%lu): ",
		 (unsigned long long)(w->now_ms / 1000),
		 (unsigned long long)(w->now_ms % 1000), w->serial++);
	w->events++;
}

/* Append one record "type=TYPE msg=audit(...): BODY" to e. */
__attribute__((format(printf, 3, 4)))
static void event_rec(struct event *e, const char *type, const char *fmt, ...)
{
	char *p = e->rec[e->n];
	va_list ap;
	int n;

	n = snprintf(p, GEN_RECORD_MAX, "type=%s msg=%s", type, e->stamp);
	va_start(ap, fmt);
	n += vsnprintf(p + n, GEN_RECORD_MAX - n - 1, fmt, ap);
	va_end(ap);
	if (n > GEN_RECORD_MAX - 2)
		n = GEN_RECORD_MAX - 2;
	p[n++] = '\n';
	p[n] = 0;
	e->len[e->n++] = n;
}

/* The kernel's untrusted string: "quoted" when plain, hex otherwise. */
static const char *untrusted(char *buf, size_t size, const char *s, size_t len)
{
	size_t i, o = 0;
	int hex = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c < 0x21 || c > 0x7e)
			hex = 1;
	}
	if (!hex) {
		snprintf(buf, size, "\"%.*s\"", (int)len, s);
		return buf;
	}
	for (i = 0; i < len && o + 3 < size; i++)
		o += (size_t)snprintf(buf + o, size - o, "%02X", (unsigned char)s[i]);
	buf[o] = 0;
	return buf;
}

static const char *qs(char *buf, size_t size, const char *s)
{
	return untrusted(buf, size, s, strlen(s));
}

/* PROCTITLE of comm + args: the arguments NUL-separated, as in /proc. */
static void rec_proctitle(struct event *e, const char *argv0, const char *args)
{
	char raw[512], hex[1100];
	size_t n = (size_t)snprintf(raw, sizeof(raw), "%s%s%s", argv0,
				    *args ? " " : "", args);
	size_t i;

	if (n >= sizeof(raw))
		n = sizeof(raw) - 1;
	for (i = 0; i < n && *args; i++)	/* argv separators only */
		if (raw[i] == ' ')
			raw[i] = 0;
	event_rec(e, "PROCTITLE", "proctitle=%s", untrusted(hex, sizeof(hex), raw, n));
}

struct proc {
	unsigned pid, ppid, auid, uid, euid, gid, ses;
	char tty[16];
	const char *comm, *exe;
};

static void rec_syscall(struct event *e, const struct proc *p, int syscall,
			long exit, int items, const char *key, const char *subj)
{
	char qc[64], qe[256], qk[128];
	int ok = exit >= 0;

	event_rec(e, "SYSCALL",
		  "arch=c000003e syscall=%d success=%s exit=%ld a0=%llx a1=%llx a2=%x a3=%x items=%d ppid=%u pid=%u auid=%u uid=%u gid=%u euid=%u suid=%u fsuid=%u egid=%u sgid=%u fsgid=%u tty=%s ses=%u comm=%s exe=%s%s%s key=%s",
		  syscall, ok ? "yes" : "no", exit,
		  (unsigned long long)(0x7ffc00000000ULL + (rnd() & 0xffffffffULL)),
		  (unsigned long long)(0x55a000000000ULL + (rnd() & 0xfffffffULL)),
		  (unsigned)rnd_below(0x1000), (unsigned)rnd_below(0x200), items,
		  p->ppid, p->pid, p->auid, p->uid, p->gid, p->euid, p->euid,
		  p->euid, p->gid, p->gid, p->gid, p->tty, p->ses,
		  qs(qc, sizeof(qc), p->comm), qs(qe, sizeof(qe), p->exe),
		  subj ? " subj=" : "", subj ? subj : "",
		  key ? qs(qk, sizeof(qk), key) : "(null)");
}

static void rec_cwd(struct event *e, const char *cwd)
{
	char q[300];

	event_rec(e, "CWD", "cwd=%s", qs(q, sizeof(q), cwd));
}

/* PATH item with an inode (nametype NORMAL, PARENT, CREATE, DELETE). */
static void rec_path(struct event *e, int item, const char *name,
		     unsigned mode, unsigned ouid, const char *nametype)
{
	char q[600];

	event_rec(e, "PATH",
		  "item=%d name=%s inode=%u dev=fe:0%u mode=0%o ouid=%u ogid=%u rdev=00:00 nametype=%s cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0",
		  item, qs(q, sizeof(q), name), 100000 + rnd_below(3000000),
		  rnd_below(2), mode, ouid, ouid, nametype);
}

/* PATH item of a name that did not resolve (no inode fields). */
static void rec_path_missing(struct event *e, const char *name)
{
	char q[600];

	event_rec(e, "PATH",
		  "item=0 name=%s nametype=UNKNOWN cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0",
		  qs(q, sizeof(q), name));
}

/* ---- processes ---- */

static void proc_user(struct proc *p, struct world *w, const struct session *s,
		      const struct exe *x)
{
	p->ppid = s->shell;
	p->pid = world_pid(w);
	p->auid = s->uid;
	p->uid = s->uid;
	p->euid = x && x->setuid ? 0 : s->uid;
	p->gid = s->uid;
	p->ses = s->ses;
	snprintf(p->tty, sizeof(p->tty), "pts%d", s->tty);
	p->comm = x ? x->comm : "bash";
	p->exe = x ? x->path : "/usr/bin/bash";
}

static void proc_daemon(struct proc *p, const struct daemon *d, int forked,
			struct world *w)
{
	p->ppid = d->pid == 1 ? 0 : 1;
	p->pid = d->pid;
	if (forked) {
		p->ppid = d->pid;
		p->pid = world_pid(w);
	}
	p->auid = UNSET;
	p->uid = p->euid = p->gid = d->uid;
	p->ses = UNSET;
	strcpy(p->tty, "(none)");
	p->comm = d->comm;
	p->exe = d->path;
}

/* A process for a syscall event: a user's command (60%) or a daemon. */
static void proc_any(struct proc *p, struct world *w, const struct exe **xp)
{
	struct session *s = world_some_session(w);

	*xp = NULL;
	if (s && chance(60)) {
		*xp = &PICK_ZIPF(exes);
		proc_user(p, w, s, *xp);
	} else {
		proc_daemon(p, &PICK_ZIPF(daemons), chance(30), w);
	}
}

static const char *home_cwd(char *buf, size_t n, const struct proc *p)
{
	if (p->auid == UNSET)
		return "/";
	snprintf(buf, n, "/home/%s", users[(p->uid - 1000) % NUSERS]);
	return buf;
}

static const char *key_of(struct world *w, const char *const *keys, unsigned n)
{
	const char *k;

	if (chance(8))
		return NULL;
	k = keys[rnd_zipf(n)];
	if (w->bench_key && strcmp(k, w->bench_key) == 0)
		w->bench_key_events++;
	return k;
}

/* ---- events ---- */

static void ev_exec(struct event *e, struct world *w)
{
	struct session *s = world_some_session(w);
	const struct exe *x = &PICK_ZIPF(exes);
	struct proc p;
	char cwd[128], qa[600], *tok, args[256];
	char execve[1200];
	int argc = 1, o;

	if (!s) {
		proc_daemon(&p, &daemons[3], 1, w);	/* cron's jobs */
		p.comm = x->comm;
		p.exe = x->path;
	} else {
		proc_user(&p, w, s, x);
	}
	event_begin(e, w);
	rec_syscall(e, &p, 59, 0, 2, key_of(w, keys_exec, NELEM(keys_exec)), NULL);
	o = snprintf(execve, sizeof(execve), " a0=%s", qs(qa, sizeof(qa), x->comm));
	snprintf(args, sizeof(args), "%s", x->args);
	for (tok = strtok(args, " "); tok; tok = strtok(NULL, " "))
		o += snprintf(execve + o, sizeof(execve) - o, " a%d=%s", argc++,
			      qs(qa, sizeof(qa), tok));
	event_rec(e, "EXECVE", "argc=%d%s", argc, execve);
	rec_cwd(e, home_cwd(cwd, sizeof(cwd), &p));
	rec_path(e, 0, x->path, 0100755, 0, "NORMAL");
	rec_path(e, 1, "/lib64/ld-linux-x86-64.so.2", 0100755, 0, "NORMAL");
	rec_proctitle(e, x->comm, x->args);
}

static void file_name(char *buf, size_t n, const struct proc *p)
{
	unsigned i = rnd_below(NELEM(files_write));

	snprintf(buf, n, "%s%s%s%u%s", files_write[i].dir,
		 files_write[i].user ? users[p->uid % NUSERS] : "",
		 files_write[i].stem, rnd_below(5000), files_write[i].suffix);
}

static void ev_file(struct event *e, struct world *w)
{
	static const int calls[] = { 257, 257, 257, 2, 87, 263, 82, 90, 268, 92, 260 };
	int sc = PICK(calls);
	const struct exe *x;
	struct proc p;
	char name[256], name2[300], dir[256], cwd[128], *slash;

	proc_any(&p, w, &x);
	file_name(name, sizeof(name), &p);
	snprintf(dir, sizeof(dir), "%s", name);
	slash = strrchr(dir, '/');
	slash[1] = 0;
	event_begin(e, w);
	switch (sc) {
	case 2: case 257: case 90: case 268: case 92: case 260:
		if (sc == 257 && chance(50)) {	/* O_CREAT of a new file */
			rec_syscall(e, &p, sc, 3 + rnd_below(20), 2,
				    key_of(w, keys_file, NELEM(keys_file)), NULL);
			rec_cwd(e, home_cwd(cwd, sizeof(cwd), &p));
			rec_path(e, 0, dir, 040755, p.uid, "PARENT");
			rec_path(e, 1, name, 0100644, p.uid, "CREATE");
			break;
		}
		rec_syscall(e, &p, sc, sc == 2 || sc == 257 ? 3 + (long)rnd_below(20) : 0, 1,
			    key_of(w, keys_file, NELEM(keys_file)), NULL);
		rec_cwd(e, home_cwd(cwd, sizeof(cwd), &p));
		rec_path(e, 0, sc == 2 || sc == 257 ? PICK(files_read) : name,
			 0100644, p.uid, "NORMAL");
		break;
	case 87: case 263:
		rec_syscall(e, &p, sc, 0, 2, key_of(w, keys_file, NELEM(keys_file)), NULL);
		rec_cwd(e, home_cwd(cwd, sizeof(cwd), &p));
		rec_path(e, 0, dir, 040755, p.uid, "PARENT");
		rec_path(e, 1, name, 0100644, p.uid, "DELETE");
		break;
	default:	/* rename */
		snprintf(name2, sizeof(name2), "%s.%u", name, rnd_below(10));
		rec_syscall(e, &p, sc, 0, 4, key_of(w, keys_file, NELEM(keys_file)), NULL);
		rec_cwd(e, home_cwd(cwd, sizeof(cwd), &p));
		rec_path(e, 0, dir, 040755, p.uid, "PARENT");
		rec_path(e, 1, dir, 040755, p.uid, "PARENT");
		rec_path(e, 2, name, 0100644, p.uid, "DELETE");
		rec_path(e, 3, name2, 0100644, p.uid, "CREATE");
		break;
	}
	rec_proctitle(e, p.comm, x ? x->args : "");
}

static void ev_failed_open(struct event *e, struct world *w)
{
	const struct exe *x;
	struct proc p;
	char cwd[128], name[256];
	int enoent = chance(40);

	proc_any(&p, w, &x);
	if (p.euid == 0 && !enoent) {	/* root is not denied: a user is */
		struct session *s = world_some_session(w);

		if (s)
			proc_user(&p, w, s, &exes[1]);
	}
	event_begin(e, w);
	rec_syscall(e, &p, chance(80) ? 257 : 2, enoent ? -2 : -13, 1,
		    key_of(w, keys_fail, NELEM(keys_fail)), NULL);
	rec_cwd(e, home_cwd(cwd, sizeof(cwd), &p));
	if (enoent) {
		snprintf(name, sizeof(name), "%s.%u", PICK(files_read), rnd_below(100));
		rec_path_missing(e, name);
	} else {
		rec_path(e, 0, PICK(files_secret), 0100640, 0, "NORMAL");
	}
	rec_proctitle(e, p.comm, x ? x->args : "");
}

/* SOCKADDR bytes, hex: host-order family, then the address. */
static void sockaddr_hex(char *buf, size_t n, int family)
{
	unsigned port = PICK(((const unsigned[]){ 443, 80, 5432, 53, 25, 22, 6379, 8080 }));

	if (family == 2) {
		snprintf(buf, n, "0200%04X%02X%02X%02X%02X0000000000000000", port,
			 PICK(((const unsigned[]){ 10, 192, 172, 203 })),
			 rnd_below(256), rnd_below(256), 1 + rnd_below(254));
	} else if (family == 10) {
		snprintf(buf, n, "0A00%04X000000002001067C%04X%04X0000000000%06X00000000",
			 port, rnd_below(0x10000), rnd_below(0x10000), rnd_below(0x1000000));
	} else {
		char raw[64], hex[140];
		const char *path = PICK(((const char *const[]){
			"/run/systemd/journal/socket", "/run/dbus/system_bus_socket",
			"/var/run/nscd/socket", "/run/postgresql/.s.PGSQL.5432" }));
		size_t len = (size_t)snprintf(raw, sizeof(raw), "%s", path);

		untrusted(hex, sizeof(hex), raw, len + 1);	/* NUL: always hex */
		snprintf(buf, n, "0100%s", hex);
	}
}

static void ev_connect(struct event *e, struct world *w)
{
	const struct exe *x;
	struct proc p;
	char sa[200];
	int fam = chance(80) ? 2 : chance(50) ? 10 : 1;
	long ex = chance(70) ? 0 : chance(60) ? -115 : -111;

	proc_any(&p, w, &x);
	sockaddr_hex(sa, sizeof(sa), fam);
	event_begin(e, w);
	rec_syscall(e, &p, 42, ex, 0, key_of(w, keys_net, NELEM(keys_net)), NULL);
	event_rec(e, "SOCKADDR", "saddr=%s", sa);
	rec_proctitle(e, p.comm, x ? x->args : "");
}

static void ev_avc(struct event *e, struct world *w)
{
	const char *const *t = avc_targets[rnd_below(NELEM(avc_targets))];
	const struct daemon *d = &PICK(daemons);
	char subj[80], name[64];
	struct proc p;

	proc_daemon(&p, d, 0, w);
	snprintf(subj, sizeof(subj), "system_u:system_r:%s:s0", t[0]);
	snprintf(name, sizeof(name), "%s", strrchr(PICK(files_read), '/') + 1);
	event_begin(e, w);
	event_rec(e, "AVC",
		  "avc:  denied  { %s } for  pid=%u comm=\"%s\" name=\"%s\" dev=\"dm-0\" ino=%u scontext=%s tcontext=system_u:object_r:%s:s0 tclass=%s permissive=0",
		  PICK(avc_perms), p.pid, p.comm, name, 100000 + rnd_below(900000),
		  subj, t[1], t[2]);
	rec_syscall(e, &p, 257, -13, 0, NULL, subj);
	rec_proctitle(e, p.comm, "");
}

static void ev_config_change(struct event *e, struct world *w)
{
	static const char *const ops[] = { "add_rule", "remove_rule" };
	struct session *s = world_some_session(w);
	const struct exe ctl = { "/usr/sbin/auditctl", "auditctl", "-w /etc/passwd -p wa -k identity", 1 };
	const char *k = PICK_ZIPF(keys_file);
	struct proc p;
	char qk[64];
	unsigned auid = s ? s->uid : UNSET, ses = s ? s->ses : UNSET;

	if (s)
		proc_user(&p, w, s, &ctl);
	else
		proc_daemon(&p, &daemons[4], 1, w);
	p.comm = ctl.comm;
	p.exe = ctl.path;
	if (strcmp(k, w->bench_key) == 0)	/* ausearch -k finds these too */
		w->bench_key_events++;
	event_begin(e, w);
	event_rec(e, "CONFIG_CHANGE", "auid=%u ses=%u op=%s key=%s list=4 res=1",
		  auid, ses, PICK(ops), qs(qk, sizeof(qk), k));
	rec_syscall(e, &p, 44, 1080, 0, NULL, NULL);
	event_rec(e, "SOCKADDR", "saddr=100000000000000000000000");
	rec_proctitle(e, ctl.comm, ctl.args);
}

/* One PAM or login record, an event of its own. */
__attribute__((format(printf, 8, 9)))
static void ev_user(struct event *e, struct world *w, const char *type,
		    unsigned pid, unsigned uid, unsigned auid, unsigned ses,
		    const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	event_begin(e, w);
	event_rec(e, type, "pid=%u uid=%u auid=%u ses=%u msg='%s'", pid, uid, auid,
		  ses, msg);
	if (strcmp(type, "USER_AUTH") == 0)
		w->auth_events++;
}

#define PAM_SSHD "pam_unix"
#define PAM_SESS "pam_selinux,pam_loginuid,pam_keyinit,pam_permit,pam_umask,pam_unix,pam_systemd,pam_mail,pam_limits,pam_env,pam_env,pam_selinux,pam_tty_audit"

struct emitter {
	struct event *buf;	/* a ring of events to be written */
	void (*emit)(struct world *, struct event *);
};

/*
 * A successful ssh login: the records of several events. Each is passed
 * to out as soon as it is made.
 */
static void seq_login(struct world *w, struct emitter *out)
{
	struct session *s = NULL;
	unsigned i, pid = world_pid(w), ses;
	char host[32];
	const char *u;

	for (i = 0; i < NSESSIONS && !s; i++)
		if (!w->sessions[i].ses)
			s = &w->sessions[i];
	if (!s) {	/* full: the oldest goes */
		s = &w->sessions[rnd_below(NSESSIONS)];
	}
	i = rnd_zipf(NUSERS);
	u = users[i];
	world_ip(host, sizeof(host));
	ses = ++w->next_ses;
	ev_user(out->buf, w, "USER_AUTH", pid, 0, UNSET, UNSET,
		"op=PAM:authentication grantors=" PAM_SSHD " acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=%s addr=%s terminal=ssh res=success", u, host, host);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_ACCT", pid, 0, UNSET, UNSET,
		"op=PAM:accounting grantors=pam_permit acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=%s addr=%s terminal=ssh res=success", u, host, host);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "CRED_ACQ", pid, 0, UNSET, UNSET,
		"op=PAM:setcred grantors=pam_permit,pam_unix acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=%s addr=%s terminal=ssh res=success", u, host, host);
	out->emit(w, out->buf);
	event_begin(out->buf, w);
	event_rec(out->buf, "LOGIN", "pid=%u uid=0 old-auid=4294967295 auid=%u tty=(none) old-ses=4294967295 ses=%u res=1",
		  pid, 1000 + i, ses);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_START", pid, 0, 1000 + i, ses,
		"op=PAM:session_open grantors=" PAM_SESS " acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=%s addr=%s terminal=ssh res=success", u, host, host);
	out->emit(w, out->buf);
	s->ses = ses;
	s->uid = 1000 + i;
	s->user = u;
	s->tty = (int)rnd_below(10);
	s->shell = world_pid(w);
	snprintf(s->addr, sizeof(s->addr), "%s", host);
	ev_user(out->buf, w, "USER_LOGIN", pid, 0, s->uid, ses,
		"op=login id=%u exe=\"/usr/sbin/sshd\" hostname=? addr=%s terminal=/dev/pts/%d res=success", s->uid, host, s->tty);
	out->emit(w, out->buf);
}

static void seq_logout(struct world *w, struct emitter *out)
{
	struct session *s = world_some_session(w);

	if (!s)
		return;
	ev_user(out->buf, w, "USER_END", s->shell - 1, 0, s->uid, s->ses,
		"op=PAM:session_close grantors=" PAM_SESS " acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=%s addr=%s terminal=ssh res=success", s->user, s->addr, s->addr);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "CRED_DISP", s->shell - 1, 0, s->uid, s->ses,
		"op=PAM:setcred grantors=pam_permit,pam_unix acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=%s addr=%s terminal=ssh res=success", s->user, s->addr, s->addr);
	out->emit(w, out->buf);
	s->ses = 0;
}

/* Brute force from outside: failed authentications and logins. */
static void seq_failed_login(struct world *w, struct emitter *out)
{
	unsigned pid = world_pid(w);
	const char *u = PICK(bad_users);
	char host[32];

	world_ip(host, sizeof(host));
	ev_user(out->buf, w, "USER_AUTH", pid, 0, UNSET, UNSET,
		"op=PAM:authentication grantors=? acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=%s addr=%s terminal=ssh res=failed", u, host, host);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_LOGIN", pid, 0, UNSET, UNSET,
		"op=login acct=\"%s\" exe=\"/usr/sbin/sshd\" hostname=? addr=%s terminal=sshd res=failed", u, host);
	out->emit(w, out->buf);
}

/* sudo by a logged-in user: accounting, credentials, the command, a session. */
static void seq_sudo(struct world *w, struct emitter *out)
{
	struct session *s = world_some_session(w);
	unsigned pid = world_pid(w);
	char cmd[200];

	if (!s)
		return;
	untrusted(cmd, sizeof(cmd), "systemctl restart nginx", 23);
	ev_user(out->buf, w, "USER_ACCT", pid, s->uid, s->uid, s->ses,
		"op=PAM:accounting grantors=pam_permit acct=\"%s\" exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/pts/%d res=success", s->user, s->tty);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_CMD", pid, s->uid, s->uid, s->ses,
		"cwd=\"/home/%s\" cmd=%s exe=\"/usr/bin/sudo\" terminal=pts/%d res=success", s->user, cmd + (cmd[0] == '"'), s->tty);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "CRED_REFR", pid, s->uid, s->uid, s->ses,
		"op=PAM:setcred grantors=pam_permit acct=\"root\" exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/pts/%d res=success", s->tty);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_START", pid, s->uid, s->uid, s->ses,
		"op=PAM:session_open grantors=pam_limits,pam_permit,pam_unix acct=\"root\" exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/pts/%d res=success", s->tty);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_END", pid, s->uid, s->uid, s->ses,
		"op=PAM:session_close grantors=pam_limits,pam_permit,pam_unix acct=\"root\" exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/pts/%d res=success", s->tty);
	out->emit(w, out->buf);
}

/* A cron job's PAM session as root (auid set by pam_loginuid). */
static void seq_cron(struct world *w, struct emitter *out)
{
	unsigned pid = world_pid(w), ses = ++w->next_ses;

	ev_user(out->buf, w, "USER_ACCT", pid, 0, UNSET, UNSET,
		"op=PAM:accounting grantors=pam_permit acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success");
	out->emit(w, out->buf);
	ev_user(out->buf, w, "CRED_ACQ", pid, 0, UNSET, UNSET,
		"op=PAM:setcred grantors=pam_permit acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success");
	out->emit(w, out->buf);
	event_begin(out->buf, w);
	event_rec(out->buf, "LOGIN", "pid=%u uid=0 old-auid=4294967295 auid=0 tty=(none) old-ses=4294967295 ses=%u res=1", pid, ses);
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_START", pid, 0, 0, ses,
		"op=PAM:session_open grantors=pam_loginuid,pam_env,pam_env,pam_permit,pam_unix,pam_limits acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success");
	out->emit(w, out->buf);
	ev_user(out->buf, w, "CRED_DISP", pid, 0, 0, ses,
		"op=PAM:setcred grantors=pam_permit acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success");
	out->emit(w, out->buf);
	ev_user(out->buf, w, "USER_END", pid, 0, 0, ses,
		"op=PAM:session_close grantors=pam_loginuid,pam_env,pam_env,pam_permit,pam_unix,pam_limits acct=\"root\" exe=\"/usr/sbin/cron\" hostname=? addr=? terminal=cron res=success");
	out->emit(w, out->buf);
}

/* ---- output: time, interleaving, size ---- */

static FILE *gen_out;
static struct event gen_held;		/* the event whose records may interleave */
static int gen_holding;

static void write_records(struct world *w, const struct event *e, int from, int to)
{
	int i;

	for (i = from; i < to; i++) {
		fwrite(e->rec[i], 1, (size_t)e->len[i], gen_out);
		w->bytes += (unsigned long long)e->len[i];
	}
}

/*
 * Gap before the next event or sequence (ms): its mean lands the last
 * one on end_ms, from the bytes still to write and the mean bytes per
 * step so far; by day
 * (08-20 UTC) events come three times as often as by night; the factors
 * average to 1 per event over a day, so the steering stays even.
 */
static uint64_t world_gap(struct world *w)
{
	if (w->rate) {	/* uniform around the mean gap; sub-ms parts add up */
		uint64_t ms;

		w->steps++;
		w->carry += 2000.0 / w->rate * (double)rnd_below(1001) / 1000.0;
		ms = (uint64_t)w->carry;
		w->carry -= (double)ms;
		return ms;
	}
	double per_step = w->steps ? (double)w->bytes / (double)w->steps : 600;
	double left = w->target > w->bytes ? (double)(w->target - w->bytes) : 1;
	double steps_left = left / per_step + 1;
	double mean = w->end_ms > w->now_ms ? (double)(w->end_ms - w->now_ms) / steps_left : 1;
	unsigned hour = (unsigned)((w->now_ms / 3600000) % 24);

	w->steps++;
	double f = hour >= 8 && hour < 20 ? 2.0 / 3 : 2.0;	/* mean 1 over a day */

	return (uint64_t)(mean * f * (double)rnd_below(2001) / 1000.0);
}

/* An event is ready: write it, now or interleaved with the next one. */
static void gen_emit(struct world *w, struct event *e)
{
	if (gen_holding) {
		int i, j;

		/* Alternate the held event's records with this one's. */
		for (i = 0, j = 0; i < gen_held.n || j < e->n; i++, j++) {
			write_records(w, &gen_held, i, i + 1 <= gen_held.n ? i + 1 : i);
			write_records(w, e, j, j + 1 <= e->n ? j + 1 : j);
		}
		gen_holding = 0;
	} else if (e->n > 1 && chance(4)) {
		gen_held = *e;
		gen_holding = 1;
	} else {
		write_records(w, e, 0, e->n);
	}
	if (!w->mid_pid && w->bytes >= w->target / 2) {
		const char *p = strstr(e->rec[0], " pid=");

		w->mid_ms = w->now_ms;
		if (p)
			w->mid_pid = (unsigned)strtoul(p + 5, NULL, 10);
	}
	/* A sequence's steps follow each other within milliseconds. */
	w->now_ms += w->in_seq && !w->rate ? rnd_below(40) : world_gap(w);
}

static void gen_one(struct world *w, struct emitter *out)
{
	unsigned r = rnd_below(1000);

	if (r < 300)
		ev_exec(out->buf, w);
	else if (r < 560)
		ev_file(out->buf, w);
	else if (r < 660)
		ev_failed_open(out->buf, w);
	else if (r < 780)
		ev_connect(out->buf, w);
	else if (r < 810)
		ev_avc(out->buf, w);
	else if (r < 818)
		ev_config_change(out->buf, w);
	else {
		w->in_seq = 1;
		if (r < 848)
			seq_login(w, out);
		else if (r < 875)
			seq_logout(w, out);
		else if (r < 930)
			seq_failed_login(w, out);
		else if (r < 975)
			seq_sudo(w, out);
		else
			seq_cron(w, out);
		w->in_seq = 0;
		w->now_ms += world_gap(w);
		return;
	}
	out->emit(w, out->buf);
}

static unsigned long long parse_size(const char *s)
{
	char *end;
	unsigned long long n = strtoull(s, &end, 10);

	switch (*end) {
	case 'k': case 'K': return n << 10;
	case 'm': case 'M': return n << 20;
	case 'g': case 'G': return n << 30;
	default: return n;
	}
}

static int write_info_facts(const char *path, const struct world *w, unsigned days)
{
	FILE *f = fopen(path, "a");

	if (!f)
		return -1;
	fprintf(f, "bytes=%llu\nevents=%lu\ndays=%u\nkey=%s\nkey_events=%lu\n",
		w->bytes, w->events, days, w->bench_key, w->bench_key_events);
	fprintf(f, "pid=%u\nexe=/usr/bin/sudo\nauth_events=%lu\n", w->mid_pid,
		w->auth_events);
	fprintf(f, "start=%llu\nend=%llu\nmid_hour=%llu\n",
		(unsigned long long)(GEN_START_MS / 1000),
		(unsigned long long)(w->now_ms / 1000),
		(unsigned long long)(w->mid_ms / 3600000 * 3600));
	return fclose(f);
}

static int write_info(const char *path, const struct world *w, unsigned days)
{
	FILE *f = fopen(path, "w");
	/* The -ts/-te window of the benchmark: an hour from the middle of a
	 * spread log, a tenth of a busy one from its middle. */
	uint64_t span = (w->now_ms - GEN_START_MS) / 1000;
	uint64_t window = w->rate ? (span / 10 ? span / 10 : 1) : 3600;
	uint64_t mid = w->rate ? w->mid_ms / 1000 : w->mid_ms / 3600000 * 3600;

	if (!f)
		return -1;
	fprintf(f, "rate=%.0f\nmid=%llu\nwindow=%llu\n", w->rate,
		(unsigned long long)mid, (unsigned long long)window);
	if (fclose(f) != 0)
		return -1;
	return write_info_facts(path, w, days);
}

int main(int argc, char **argv)
{
	static struct event ring;
	struct world w = { .now_ms = GEN_START_MS, .serial = 1000, .next_pid = 3000,
			   .next_ses = 1, .bench_key = "perm_mod" };
	struct emitter out = { &ring, gen_emit };
	const char *info = NULL;
	unsigned days = 7;
	int c, i;

	while ((c = getopt(argc, argv, "s:d:r:S:i:")) != -1) {
		switch (c) {
		case 's': w.target = parse_size(optarg); break;
		case 'd': days = (unsigned)atoi(optarg); break;
		case 'r': w.rate = atof(optarg); break;
		case 'S': gen_seed ^= strtoull(optarg, NULL, 0) * 0x2545F4914F6CDD1DULL; break;
		case 'i': info = optarg; break;
		default:
			fprintf(stderr, "usage: gen -s SIZE[k|M|G] [-d DAYS | -r RATE] [-S SEED] [-i INFO]\n");
			return 2;
		}
	}
	if (!w.target || !days) {
		fprintf(stderr, "gen: -s SIZE (and DAYS > 0) required\n");
		return 2;
	}
	w.end_ms = GEN_START_MS + (uint64_t)days * 86400000ULL;
	gen_out = stdout;
	/* A few sessions open from the start, as on a server that was up. */
	w.in_seq = 1;
	for (i = 0; i < 6; i++)
		seq_login(&w, &out);
	w.in_seq = 0;
	while (w.bytes < w.target)
		gen_one(&w, &out);
	if (gen_holding)
		write_records(&w, &gen_held, 0, gen_held.n);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "gen: write: %s\n", strerror(errno));
		return 1;
	}
	if (info && write_info(info, &w, days) < 0) {
		fprintf(stderr, "gen: %s: %s\n", info, strerror(errno));
		return 1;
	}
	return 0;
}
