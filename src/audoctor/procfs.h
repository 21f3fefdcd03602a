/*
 * procfs: what /proc says about the audit daemon and the machine.
 *
 * The parsers take (buffer, length) and read nothing else, so unit tests
 * feed them captured text and a fuzzer is ten lines; each returns 0 or
 * -EINVAL (or -ENOENT when the row asked for is not there). The readers
 * take proc_root ("/proc", or a copy of it in tests), read one file whole
 * and call the parser: 0 or a negative errno, never printing.
 */
#ifndef AUDOCTOR_PROCFS_H
#define AUDOCTOR_PROCFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "sample.h"

/* /proc/net/netlink: the NETLINK_AUDIT (protocol 9) row whose Pid column
 * (the socket's port id) is portid. -ENOENT when there is none. */
int procfs_parse_netlink(const char *buf, size_t len, uint32_t portid,
			 struct proc_sock *ret);
/* /proc/PID/stat: the state and utime + stime. comm may hold spaces and
 * parentheses: the fields start after the last ')'. Sets ret->exists;
 * leaves tracer_pid alone. */
int procfs_parse_stat(const char *buf, size_t len, struct proc_task *ret);
/* /proc/PID/status: the TracerPid: line. */
int procfs_parse_tracer(const char *buf, size_t len, uint32_t *ret);
/* /proc/meminfo: MemTotal, in bytes. */
int procfs_parse_meminfo(const char *buf, size_t len, uint64_t *ret);
/* Whether buf holds one of the strings only auditkit's auditd contains
 * (see procfs.c for why these). */
bool procfs_has_marker(const char *buf, size_t len);

/* Readers over proc_root. read_task: -ENOENT when the process is gone
 * (ret->exists false). */
int procfs_read_sock(const char *proc_root, uint32_t portid,
		     struct proc_sock *ret);
int procfs_read_task(const char *proc_root, pid_t pid, struct proc_task *ret);
int procfs_read_meminfo(const char *proc_root, uint64_t *ret);

/* Which program pid is: readlink PROC/PID/exe for the name (copied to
 * exe, "" when unreadable), and a scan of the executable for auditkit's
 * marker. Never fails: the answer says what could be learnt. */
enum daemon_kind procfs_daemon_kind(const char *proc_root, pid_t pid,
				    char *exe, size_t exe_size);

#endif
