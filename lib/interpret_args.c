/*
 * interpret_args: a0..a3 of a SYSCALL record as ausearch -i prints them.
 *
 * The meaning of an argument depends on the syscall (by name, so one
 * table serves every machine) and sometimes on another argument: open's
 * mode (a2) only when a1 has O_CREAT, prctl's a1 only for
 * PR_SET_PDEATHSIG. The table lists the reference's set, found by
 * probing it with every syscall and many values
 * (tests/data/interpret/); every other argument prints as 0x and the
 * value as written (a0=-2 gives 0x-2, as with the reference).
 * Argument values are hex, read with strtoul.
 */
#include <stdio.h>
#include <string.h>
#include "interpret_int.h"

enum arg_kind {
	ARG_HEX,
	ARG_AT_FD,		/* AT_FDCWD */
	ARG_OPEN_FLAGS,
	ARG_OPEN_MODE,		/* mode when the flags argument has O_CREAT */
	ARG_MODE_SHORT,		/* 0644 */
	ARG_MODE,		/* file,644 */
	ARG_ACCESS,
	ARG_PROT,
	ARG_PROT_NOSEM,
	ARG_MMAP_FLAGS,
	ARG_SIGNAL,
	ARG_UID,
	ARG_GID,
	ARG_FAMILY,
	ARG_SOCK_TYPE,
	ARG_SOCK_PROTO,
	ARG_SOCKOPT_LEVEL,
	ARG_SOCKOPT_NAME,
	ARG_IOCTL,
	ARG_FCNTL,
	ARG_FCNTL_ARG,		/* F_SETOWN's owner prints as a uid */
	ARG_EXIT,
	ARG_SHM_FLAGS,
	ARG_PRCTL,
	ARG_PRCTL_ARG,		/* PR_SET_PDEATHSIG's signal */
	ARG_PTRACE,
	ARG_RLIMIT,
	ARG_CLOCK,
	ARG_SCHED,
	ARG_BPF,
	ARG_EPOLL,
	ARG_WHENCE,
	ARG_PERSONALITY,
	ARG_MOUNT,
	ARG_UMOUNT,
	ARG_MSG,
	ARG_CLONE,
	ARG_SOCKETCALL,
};

struct arg_rule {
	const char *syscall;
	unsigned char arg;
	unsigned char kind;	/* enum arg_kind */
	signed char dep;	/* the argument the meaning depends on, or -1 */
};

static const struct arg_rule arg_rules[] = {
	{ "open", 1, ARG_OPEN_FLAGS, -1 }, { "open", 2, ARG_OPEN_MODE, 1 },
	{ "openat", 0, ARG_AT_FD, -1 }, { "openat", 2, ARG_OPEN_FLAGS, -1 },
	{ "openat2", 0, ARG_AT_FD, -1 },
	{ "open_by_handle_at", 2, ARG_OPEN_FLAGS, -1 },
	{ "mq_open", 1, ARG_OPEN_FLAGS, -1 }, { "mq_open", 2, ARG_OPEN_MODE, 1 },
	{ "lseek", 2, ARG_WHENCE, -1 },
	{ "mmap", 2, ARG_PROT, -1 }, { "mmap", 3, ARG_MMAP_FLAGS, -1 },
	{ "mprotect", 2, ARG_PROT_NOSEM, -1 },
	{ "rt_sigaction", 0, ARG_SIGNAL, -1 },
	{ "kill", 1, ARG_SIGNAL, -1 }, { "tkill", 1, ARG_SIGNAL, -1 },
	{ "tgkill", 2, ARG_SIGNAL, -1 },
	{ "ioctl", 1, ARG_IOCTL, -1 },
	{ "access", 1, ARG_ACCESS, -1 },
	{ "faccessat", 0, ARG_AT_FD, -1 }, { "faccessat", 2, ARG_ACCESS, -1 },
	{ "faccessat2", 0, ARG_AT_FD, -1 }, { "faccessat2", 2, ARG_ACCESS, -1 },
	{ "shmget", 2, ARG_SHM_FLAGS, -1 },
	{ "socket", 0, ARG_FAMILY, -1 }, { "socket", 1, ARG_SOCK_TYPE, -1 },
	{ "socket", 2, ARG_SOCK_PROTO, -1 },
	{ "sendto", 3, ARG_MSG, -1 }, { "recvfrom", 3, ARG_MSG, -1 },
	{ "sendmsg", 2, ARG_MSG, -1 }, { "recvmsg", 2, ARG_MSG, -1 },
	{ "sendmmsg", 3, ARG_MSG, -1 }, { "recvmmsg", 3, ARG_MSG, -1 },
	{ "send", 3, ARG_MSG, -1 }, { "recv", 3, ARG_MSG, -1 },
	{ "setsockopt", 1, ARG_SOCKOPT_LEVEL, -1 },
	{ "setsockopt", 2, ARG_SOCKOPT_NAME, 1 },
	{ "getsockopt", 1, ARG_SOCKOPT_LEVEL, -1 },
	{ "getsockopt", 2, ARG_SOCKOPT_NAME, 1 },
	{ "clone", 2, ARG_CLONE, -1 }, { "unshare", 0, ARG_CLONE, -1 },
	{ "setns", 1, ARG_CLONE, -1 },
	{ "exit", 0, ARG_EXIT, -1 }, { "exit_group", 0, ARG_EXIT, -1 },
	{ "fcntl", 1, ARG_FCNTL, -1 }, { "fcntl", 2, ARG_FCNTL_ARG, 1 },
	{ "fcntl64", 1, ARG_FCNTL, -1 }, { "fcntl64", 2, ARG_FCNTL_ARG, 1 },
	{ "mkdir", 1, ARG_MODE_SHORT, -1 }, { "creat", 1, ARG_MODE_SHORT, -1 },
	{ "chmod", 1, ARG_MODE_SHORT, -1 }, { "fchmod", 1, ARG_MODE_SHORT, -1 },
	{ "mkdirat", 0, ARG_AT_FD, -1 }, { "mkdirat", 2, ARG_MODE_SHORT, -1 },
	{ "mknodat", 0, ARG_AT_FD, -1 }, { "mknodat", 2, ARG_MODE_SHORT, -1 },
	{ "fchmodat", 0, ARG_AT_FD, -1 }, { "fchmodat", 2, ARG_MODE_SHORT, -1 },
	{ "mknod", 1, ARG_MODE, -1 },
	{ "chown", 1, ARG_UID, -1 }, { "chown32", 1, ARG_UID, -1 },
	{ "setuid", 0, ARG_UID, -1 },
	{ "setreuid", 0, ARG_UID, -1 }, { "setreuid", 1, ARG_UID, -1 },
	{ "setresuid", 0, ARG_UID, -1 }, { "setresuid", 1, ARG_UID, -1 },
	{ "setresuid", 2, ARG_UID, -1 }, { "setfsuid", 0, ARG_UID, -1 },
	{ "setgid", 0, ARG_GID, -1 },
	{ "setregid", 0, ARG_GID, -1 }, { "setregid", 1, ARG_GID, -1 },
	{ "setresgid", 0, ARG_GID, -1 }, { "setresgid", 1, ARG_GID, -1 },
	{ "setresgid", 2, ARG_GID, -1 }, { "setfsgid", 0, ARG_GID, -1 },
	{ "getrlimit", 0, ARG_RLIMIT, -1 }, { "setrlimit", 0, ARG_RLIMIT, -1 },
	{ "ptrace", 0, ARG_PTRACE, -1 },
	{ "personality", 0, ARG_PERSONALITY, -1 },
	{ "sched_setscheduler", 1, ARG_SCHED, -1 },
	{ "prctl", 0, ARG_PRCTL, -1 }, { "prctl", 1, ARG_PRCTL_ARG, 0 },
	{ "mount", 3, ARG_MOUNT, -1 }, { "umount2", 1, ARG_UMOUNT, -1 },
	{ "clock_settime", 0, ARG_CLOCK, -1 },
	{ "epoll_ctl", 1, ARG_EPOLL, -1 },
	{ "fchownat", 0, ARG_AT_FD, -1 }, { "futimesat", 0, ARG_AT_FD, -1 },
	{ "newfstatat", 0, ARG_AT_FD, -1 }, { "unlinkat", 0, ARG_AT_FD, -1 },
	{ "renameat", 0, ARG_AT_FD, -1 }, { "renameat", 2, ARG_AT_FD, -1 },
	{ "renameat2", 0, ARG_AT_FD, -1 }, { "renameat2", 2, ARG_AT_FD, -1 },
	{ "linkat", 0, ARG_AT_FD, -1 }, { "linkat", 2, ARG_AT_FD, -1 },
	{ "readlinkat", 0, ARG_AT_FD, -1 }, { "readlinkat", 2, ARG_AT_FD, -1 },
	{ "utimensat", 0, ARG_AT_FD, -1 },
	{ "name_to_handle_at", 0, ARG_AT_FD, -1 },
	{ "bpf", 0, ARG_BPF, -1 },
	{ "socketcall", 0, ARG_SOCKETCALL, -1 },
};

static const struct arg_rule *arg_rule_find(const char *sys, unsigned arg)
{
	for (size_t i = 0; i < sizeof(arg_rules) / sizeof(arg_rules[0]); i++) {
		const struct arg_rule *r = &arg_rules[i];

		if (r->arg == arg && r->syscall[0] == sys[0] &&
		    strcmp(r->syscall, sys) == 0)
			return r;
	}
	return NULL;
}

static void put_hex(const char *v, size_t n, struct interp_sink *s)
{
	interp_sink_wrapped(s, "0x", v, n, "");
}

/* name, or prefix + "(0x" value ")" */
static void name_or_hex(struct interp_sink *s, const char *name,
			const char *prefix, const char *v, size_t n)
{
	if (name) {
		interp_sink_str(s, name);
		return;
	}
	interp_sink_str(s, prefix);
	interp_sink_wrapped(s, "(0x", v, n, ")");
}

/* A flag set printed by a table; nothing named: the value as hex. */
static void print_flag_arg(const struct table *t, uint64_t u, const char *v,
			   size_t n, struct interp_sink *s)
{
	bool printed = false;

	interp_flags(s, t, u, "|", &printed);
	if (!printed)
		put_hex(v, n, s);
}

static void print_access(uint64_t u, const char *v, size_t n,
			 struct interp_sink *s)
{
	static const char *const names[] = { "X_OK", "W_OK", "R_OK" };
	bool printed = false;

	if ((u & 0xf) == 0) {
		interp_sink_str(s, "F_OK");
		return;
	}
	for (unsigned i = 0; i < 3; i++) {
		if (u & (1u << i)) {
			interp_sink_str(s, printed ? "|" : "");
			interp_sink_str(s, names[i]);
			printed = true;
		}
	}
	if (!printed)
		put_hex(v, n, s);
}

/* mmap also names PROT_SEM; mprotect does not. */
static void print_prot(uint64_t u, unsigned nbits, struct interp_sink *s)
{
	static const char *const names[] = {
		"PROT_READ", "PROT_WRITE", "PROT_EXEC", "PROT_SEM",
	};
	bool printed = false;

	if ((u & 7) == 0) {
		interp_sink_str(s, "PROT_NONE");
		return;
	}
	for (unsigned i = 0; i < nbits; i++) {
		if (u & (1u << i)) {
			interp_sink_str(s, printed ? "|" : "");
			interp_sink_str(s, names[i]);
			printed = true;
		}
	}
}

static void print_shm_flags(uint64_t u, struct interp_sink *s)
{
	static const char *const names[] = {
		"IPC_CREAT", "IPC_EXCL", "SHM_HUGETLB", "SHM_NORESERVE",
	};

	for (unsigned i = 0; i < 4; i++) {
		if (u & (0x200u << i))
			interp_sink_printf(s, "%s|", names[i]);
	}
	interp_sink_printf(s, "0%03o", (unsigned)(u & 0777));
}

/* The flags, then the exit signal in the low byte. */
static void print_clone(uint64_t u, const char *v, size_t n,
			struct interp_sink *s)
{
	bool printed = false;
	const char *sig = (u & 0xff) ? table_name(&table_signal, (int)(u & 0xff)) : NULL;

	interp_flags(s, &table_clone_flag, u, "|", &printed);
	if (sig && (u & 0xff) < 32) {
		interp_sink_str(s, printed ? "|" : "");
		interp_sink_str(s, sig);
		printed = true;
	}
	if (!printed)
		put_hex(v, n, s);
}

/* The reference names the low four bits, plus SCHED_RESET_ON_FORK. */
static void print_sched(uint64_t u, const char *v, size_t n,
			struct interp_sink *s)
{
	static const char *const names[16] = {
		"SCHED_OTHER", "SCHED_FIFO", "SCHED_RR", "SCHED_BATCH", NULL,
		"SCHED_IDLE", "SCHED_DEADLINE",
	};
	const char *name = names[u & 0xf];

	if (!name) {
		name_or_hex(s, NULL, "unknown-scheduler-policy", v, n);
		return;
	}
	interp_sink_str(s, name);
	if (u & 0x40000000)
		interp_sink_str(s, "|SCHED_RESET_ON_FORK");
}

/* Only the low byte counts (SOCK_CLOEXEC and the like are above it). */
static const char *sock_type_name(uint64_t u)
{
	static const char *const names[16] = {
		NULL, "SOCK_STREAM", "SOCK_DGRAM", "SOCK_RAW", "SOCK_RDM",
		"SOCK_SEQPACKET", "SOCK_DCCP", NULL, NULL, NULL, "SOCK_PACKET",
	};

	return (u & 0xf0) ? NULL : names[u & 0xf];
}

static const char *sockopt_level_name(struct interp_names *names, uint64_t u)
{
	static const char *const sol[] = {
		"SOL_IPX", "SOL_AX25", "SOL_ATALK", "SOL_NETROM", "SOL_ROSE",
		"SOL_DECNET", "SOL_X25", "SOL_PACKET", "SOL_ATM", "SOL_AAL",
		"SOL_IRDA", "SOL_NETBEUI", "SOL_LLC", "SOL_DCCP", "SOL_NETLINK",
		"SOL_TIPC", "SOL_RXRPC", "SOL_PPPOL2TP", "SOL_BLUETOOTH",
		"SOL_PNPIPE", "SOL_RDS", "SOL_IUCV", "SOL_CAIF", "SOL_ALG",
		"SOL_NFC", "SOL_KCM", "SOL_TLS", "SOL_XDP",
	};

	if (u == 1)
		return "SOL_SOCKET";
	if (u == 255)
		return "SOL_RAW";
	if (u >= 0x100 && u < 0x100 + sizeof(sol) / sizeof(sol[0]))
		return sol[u - 0x100];
	return u < 256 ? interp_proto_name(names, (unsigned)u) : NULL;
}

/* An option name of the level in the argument before it. */
static void print_sockopt_name(uint64_t level, uint64_t u, const char *v,
			       size_t n, struct interp_sink *s)
{
	static const struct {
		uint64_t level;
		const struct table *t;
		const char *unknown;
	} levels[] = {
		{ 1, &table_sockopt_socket, "unknown-sockopt-name" },
		{ 0, &table_sockopt_ip, "unknown-ipopt-name" },
		{ 6, &table_sockopt_tcp, "unknown-tcpopt-name" },
		{ 17, &table_sockopt_udp, "unknown-udpopt-name" },
		{ 41, &table_sockopt_ipv6, "unknown-ip6opt-name" },
		{ 263, &table_sockopt_packet, "unknown-pktopt-name" },
	};

	for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++) {
		if (levels[i].level == level) {
			name_or_hex(s, u <= INT32_MAX ? table_name(levels[i].t, (int)u) : NULL,
				    levels[i].unknown, v, n);
			return;
		}
	}
	put_hex(v, n, s);
}

static void print_exit_arg(uint64_t u, struct interp_sink *s)
{
	interp_sink_str(s, u == 0 ? "EXIT_SUCCESS" : u == 1 ? "EXIT_FAILURE" :
			"UNKNOWN");
}

static void print_socketcall(uint64_t u, const char *v, size_t n,
			     struct interp_sink *s)
{
	static const char *const calls[] = {
		NULL, "socket", "bind", "connect", "listen", "accept",
		"getsockname", "getpeername", "socketpair", "send", "recv",
		"sendto", "recvfrom", "shutdown", "setsockopt", "getsockopt",
		"sendmsg", "recvmsg", "accept4", "recvmmsg", "sendmmsg",
	};
	const char *name = u < sizeof(calls) / sizeof(calls[0]) ? calls[u] : NULL;

	if (name)
		interp_sink_str(s, name);
	else
		interp_sink_wrapped(s, "unknown-socketcall(", v, n, ")");
}

/* Enumerations looked up in a table: name or prefix(0x value). */
static bool print_table_arg(enum arg_kind k, uint64_t u, const char *v,
			    size_t n, struct interp_sink *s)
{
	static const struct {
		unsigned char kind;
		const struct table *t;
		const char *unknown;
	} enums[] = {
		{ ARG_PRCTL, &table_prctl, "unknown-prctl-option" },
		{ ARG_PTRACE, &table_ptrace, "unknown-ptrace" },
		{ ARG_RLIMIT, &table_rlimit, "unknown-rlimit" },
		{ ARG_CLOCK, &table_clock, "unknown-clk_id" },
		{ ARG_BPF, &table_bpfcmd, "unknown-bpf-cmd" },
		{ ARG_PERSONALITY, &table_personality, "unknown-personality" },
	};

	for (size_t i = 0; i < sizeof(enums) / sizeof(enums[0]); i++) {
		if (enums[i].kind != k)
			continue;
		if (k == ARG_PERSONALITY)
			u &= 0xff;
		name_or_hex(s, u <= INT32_MAX ? table_name(enums[i].t, (int)u) : NULL,
			    enums[i].unknown, v, n);
		return true;
	}
	return false;
}

static void print_simple_arg(enum arg_kind k, uint64_t u, const char *v,
			     size_t n, struct interp_sink *s)
{
	static const char *const whence[] = {
		"SEEK_SET", "SEEK_CUR", "SEEK_END", "SEEK_DATA", "SEEK_HOLE",
	};
	static const char *const epoll[] = {
		NULL, "EPOLL_CTL_ADD", "EPOLL_CTL_DEL", "EPOLL_CTL_MOD",
	};
	const char *name;

	switch (k) {
	case ARG_WHENCE:
		/* The reference looks at the low byte only. */
		name = (u & 0xff) < 5 ? whence[u & 0xff] : NULL;
		if (name)
			interp_sink_str(s, name);
		else
			interp_sink_wrapped(s, "unknown-whence(", v, n, ")");
		break;
	case ARG_EPOLL:
		name = u < 4 ? epoll[u] : NULL;
		if (name)
			interp_sink_str(s, name);
		else
			interp_sink_printf(s, "unknown-epoll_ctl-operation(%d)", (int)u);
		break;
	case ARG_FCNTL:
		name = (int)u >= 0 ? table_name(&table_fcntl, (int)u) : NULL;
		if (name)
			interp_sink_str(s, name);
		else
			interp_sink_printf(s, "unknown-fcntl-command(%d)", (int)u);
		break;
	case ARG_BPF:
		name = u <= INT32_MAX ? table_name(&table_bpfcmd, (int)u) : NULL;
		if (name)
			interp_sink_str(s, name);
		else
			interp_sink_wrapped(s, "unknown-bpf-cmd(", v, n, ")");
		break;
	case ARG_SCHED:		print_sched(u, v, n, s); break;
	case ARG_CLONE:		print_clone(u, v, n, s); break;
	case ARG_ACCESS:	print_access(u, v, n, s); break;
	case ARG_PROT:		print_prot(u, 4, s); break;
	case ARG_PROT_NOSEM:	print_prot(u, 3, s); break;
	case ARG_SHM_FLAGS:	print_shm_flags(u, s); break;
	case ARG_EXIT:		print_exit_arg(u, s); break;
	case ARG_SOCKETCALL:	print_socketcall(u, v, n, s); break;
	case ARG_MOUNT:		print_flag_arg(&table_mount_flag, u, v, n, s); break;
	case ARG_UMOUNT:	print_flag_arg(&table_umount_flag, u, v, n, s); break;
	case ARG_MSG:		print_flag_arg(&table_msg_flag, u, v, n, s); break;
	case ARG_OPEN_FLAGS:	interp_print_open_flags(u, s); break;
	case ARG_MODE_SHORT:	interp_print_mode_short(u, s); break;
	case ARG_MODE:		interp_print_mode(v, n, 16, s); break;
	default:
		if (!print_table_arg(k, u, v, n, s))
			put_hex(v, n, s);
		break;
	}
}

static void print_net_arg(struct interp_names *names, enum arg_kind k,
			  uint64_t u, const char *v, size_t n,
			  struct interp_sink *s)
{
	const char *name;

	switch (k) {
	case ARG_FAMILY:
		name = u < 256 ? table_name(&table_sockfam, (int)u) : NULL;
		name_or_hex(s, name, "unknown-family", v, n);
		break;
	case ARG_SOCK_TYPE:
		name = sock_type_name(u);
		if (name)
			interp_sink_str(s, name);
		else
			interp_sink_wrapped(s, "unknown-type(", v, n, ")");
		break;
	case ARG_SOCK_PROTO:
		name = u < 256 ? interp_proto_name(names, (unsigned)u) : NULL;
		if (name)
			interp_sink_str(s, name);
		else
			interp_sink_wrapped(s, "unknown-proto(", v, n, ")");
		break;
	default:
		name_or_hex(s, sockopt_level_name(names, u), "unknown-sockopt-level",
			    v, n);
		break;
	}
}

/* A hex argument that the reference prints as a uid or gid name. */
static void print_id_arg(struct interp_names *names, bool gid, uint64_t u,
			 struct interp_sink *s)
{
	char dec[24];
	int len = snprintf(dec, sizeof(dec), "%llu", (unsigned long long)u);

	interp_print_id(names, gid, dec, (size_t)len, s);
}

/* The kinds whose meaning depends on another argument. */
static bool print_dependent_arg(struct interp_names *names,
				const struct arg_rule *r, uint64_t u,
				uint64_t dep, const char *v, size_t n,
				struct interp_sink *s)
{
	switch (r->kind) {
	case ARG_OPEN_MODE:	/* only with O_CREAT */
		if (dep & 0x40)
			interp_print_mode_short(u, s);
		else
			put_hex(v, n, s);
		return true;
	case ARG_PRCTL_ARG:	/* PR_SET_PDEATHSIG's signal */
		if (dep == 1)
			interp_print_signal(v, n, 16, s);
		else
			put_hex(v, n, s);
		return true;
	case ARG_FCNTL_ARG:	/* F_SETOWN: the reference prints a uid */
		if (dep == 8)
			print_id_arg(names, false, u, s);
		else
			put_hex(v, n, s);
		return true;
	case ARG_SOCKOPT_NAME:
		print_sockopt_name(dep, u, v, n, s);
		return true;
	default:
		return false;
	}
}

static void print_arg_kind(struct interp_names *names,
			   const struct interp_context *ctx,
			   const struct arg_rule *r, uint64_t u,
			   const char *v, size_t n, struct interp_sink *s)
{
	switch (r->kind) {
	case ARG_AT_FD:
		if ((int32_t)u == -100)
			interp_sink_str(s, "AT_FDCWD");
		else
			put_hex(v, n, s);
		break;
	case ARG_SIGNAL:
		interp_print_signal(v, n, 16, s);
		break;
	case ARG_UID:
	case ARG_GID:
		print_id_arg(names, r->kind == ARG_GID, u, s);
		break;
	case ARG_FAMILY:
	case ARG_SOCK_TYPE:
	case ARG_SOCK_PROTO:
	case ARG_SOCKOPT_LEVEL:
		print_net_arg(names, (enum arg_kind)r->kind, u, v, n, s);
		break;
	case ARG_IOCTL:
		interp_print_kind(names, ctx, INTERP_IOCTL, v, n, s);
		break;
	case ARG_MMAP_FLAGS:
		interp_print_kind(names, ctx, INTERP_MMAP_FLAGS, v, n, s);
		break;
	default:
		print_simple_arg((enum arg_kind)r->kind, u, v, n, s);
		break;
	}
}

void interp_print_arg(struct interp_names *names,
		      const struct interp_context *ctx, unsigned arg,
		      const char *v, size_t vlen, struct interp_sink *s)
{
	const char *sys = interp_syscall_name(ctx, ctx->syscall);
	const struct arg_rule *r = sys ? arg_rule_find(sys, arg) : NULL;
	uint64_t u = 0, dep;

	if (!r) {
		put_hex(v, vlen, s);
		return;
	}
	if (interp_strtoul(v, vlen, 16, &u, NULL) < 0)
		u = UINT64_MAX;
	/* socketcall's operation is read as a signed long: ERANGE past it. */
	if (r->kind == ARG_SOCKETCALL && u > INT64_MAX) {
		interp_sink_wrapped(s, "conversion error(", v, vlen, ")");
		return;
	}
	dep = r->dep >= 0 ? ctx->args[r->dep] : 0;
	if (!print_dependent_arg(names, r, u, dep, v, vlen, s))
		print_arg_kind(names, ctx, r, u, v, vlen, s);
}
