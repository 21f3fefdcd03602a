/*
 * tables: name <-> number lookups for the audit vocabulary.
 *
 * The data lives in plain text files under lib/tables/ (one "name number"
 * pair per line); lib/tables/gen.py turns them into sorted C arrays at build
 * time, so nothing here is a hand-maintained C table. Lookups by name are a
 * binary search over the name-sorted array; lookups by number a binary
 * search over the number-sorted one. Where several names share a number
 * (aliases), table_name() returns the canonical one: the first listed in
 * the data file.
 *
 * All tables are static, immutable and thread-safe; returned strings are
 * borrowed and live for the whole program.
 */
#ifndef AUDITKIT_TABLES_H
#define AUDITKIT_TABLES_H

#include <stddef.h>
#include <stdint.h>

struct table_entry {
	const char *name;
	int number;
};

struct table {
	const char *what;                    /* "syscall", "message type", ... */
	const struct table_entry *by_name;   /* sorted by strcmp(name) */
	const struct table_entry *by_number; /* sorted by number; canonical first */
	size_t count;
};

/* Exact, case-sensitive name lookup. 0 and *ret set, or -ENOENT. */
int table_number(const struct table *t, const char *name, int *ret);
/* Case-insensitive variant (message types and signals are matched so). */
int table_number_icase(const struct table *t, const char *name, int *ret);
/* Canonical name of a number, or NULL. */
const char *table_name(const struct table *t, int number);

extern const struct table table_msgtype;  /* SYSCALL -> 1300 (AUDIT_* types) */
extern const struct table table_field;    /* rule field names: uid -> AUDIT_UID */
extern const struct table table_errno;    /* EPERM -> 1 */
extern const struct table table_sockfam;  /* inet -> 2 (saddr_fam values) */
extern const struct table table_cap;      /* chown -> 0 */
extern const struct table table_signal;   /* SIGTERM/TERM -> 15 */
extern const struct table table_ftype;    /* file, dir, socket ... -> S_IF* */

/*
 * Machines (ABIs) that syscall tables exist for. The audit arch value is
 * the kernel's AUDIT_ARCH_* constant carried in the arch rule field.
 */
enum machine {
	MACHINE_X86_64,
	MACHINE_I386,
	MACHINE_AARCH64,
	MACHINE_ARM,
	MACHINE_COUNT,
	MACHINE_UNKNOWN = -1,
};

/* The machine this program runs on (from uname), MACHINE_UNKNOWN if none. */
enum machine machine_host(void);
/* Syscall table of a machine; NULL for MACHINE_UNKNOWN. */
const struct table *machine_syscalls(enum machine m);
/* "x86_64", "i386", "aarch64", "armeb": the name ausyscall and ausearch use. */
const char *machine_name(enum machine m);
/* Name as given to -F arch= or ausyscall: x86_64, i386..i686, aarch64,
 * armeb/armv7..., and b64/b32 relative to host. 0 or -ENOENT/-EINVAL. */
int machine_from_name(const char *name, enum machine host, enum machine *ret);
uint32_t machine_audit_arch(enum machine m);
enum machine machine_from_audit_arch(uint32_t arch);
/* 64 or 32: the width that b64/b32 names in rule listings. */
int machine_bits(enum machine m);

/* ausearch -i's names (lib/interpret_*.c). Flag tables list one bit per
 * name; a bit-31 flag is stored as a negative number. */
extern const struct table table_open_flag;	/* O_CREAT -> 0x40 */
extern const struct table table_mmap_flag;	/* MAP_PRIVATE -> 2 */
extern const struct table table_icmptype;	/* echo -> 8 */
extern const struct table table_personality;	/* PER_LINUX32 -> 8 */
extern const struct table table_ioctl;		/* TCGETS -> 0x5401 */
extern const struct table table_prctl;		/* PR_SET_NAME -> 15 */
extern const struct table table_fcntl;		/* F_SETFL -> 4 */
extern const struct table table_ptrace;		/* PTRACE_ATTACH -> 16 */
extern const struct table table_rlimit;		/* RLIMIT_NOFILE -> 7 */
extern const struct table table_clock;		/* CLOCK_MONOTONIC -> 1 */
extern const struct table table_bpfcmd;		/* BPF_PROG_LOAD -> 5 */
extern const struct table table_msg_flag;	/* MSG_PEEK -> 2 */
extern const struct table table_mount_flag;	/* MS_BIND -> 0x1000 */
extern const struct table table_umount_flag;	/* MNT_DETACH -> 2 */
extern const struct table table_clone_flag;	/* CLONE_VM -> 0x100 */
extern const struct table table_sockopt_socket;	/* SO_DEBUG -> 1 */
extern const struct table table_sockopt_ip;	/* IP_TOS -> 1 */
extern const struct table table_sockopt_tcp;	/* TCP_NODELAY -> 1 */
extern const struct table table_sockopt_udp;	/* UDP_CORK -> 1 */
extern const struct table table_sockopt_ipv6;	/* IPV6_V6ONLY -> 26 */
extern const struct table table_sockopt_packet;	/* PACKET_RX_RING -> 5 */

#endif
