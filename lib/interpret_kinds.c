/*
 * interpret_kinds: which interpretation ausearch -i gives a field, from
 * its name and its record's type.
 *
 * The table below is the reference's (ausearch 3.0.9), found by feeding
 * it every field name with several values in every record type
 * (tests/data/interpret/). Most names mean the same in every record; the
 * exceptions are the few record types handled first: EXECVE arguments
 * and everything in TRUSTED_APP are strings, PATH flags are lookup
 * flags, MQ_OPEN's mode has no file type, a CRYPTO_KEY_USER fp is a key
 * fingerprint, and AVC and NETFILTER_PKT saddr are plain text.
 */
#include <string.h>
#include <linux/audit.h>
#include "interpret_int.h"

/* Record types of user space (libaudit's numbers). */
enum {
	TYPE_ADD_GROUP = 1116,
	TYPE_DEL_GROUP = 1117,
	TYPE_GRP_MGMT = 1132,
	TYPE_TRUSTED_APP = 1121,
	TYPE_CRYPTO_KEY_USER = 2404,
};

/* K() keeps each name's length beside it: the scan compares lengths
 * first, so most names cost one integer compare per field. */
#define K(name, kind) { name, sizeof(name) - 1, kind }

static const struct {
	const char *name;
	size_t len;
	enum interp_kind kind;
} search_kinds[] = {
	K("auid", INTERP_UID), K("uid", INTERP_UID), K("euid", INTERP_UID),
	K("suid", INTERP_UID), K("fsuid", INTERP_UID), K("ouid", INTERP_UID),
	K("oauid", INTERP_UID), K("old-auid", INTERP_UID),
	K("iuid", INTERP_UID), K("id", INTERP_UID),
	K("inode_uid", INTERP_UID), K("sauid", INTERP_UID),
	K("obj_uid", INTERP_UID),
	K("obj_gid", INTERP_GID), K("gid", INTERP_GID), K("egid", INTERP_GID),
	K("sgid", INTERP_GID), K("fsgid", INTERP_GID), K("ogid", INTERP_GID),
	K("igid", INTERP_GID), K("inode_gid", INTERP_GID),
	K("new_gid", INTERP_GID),
	K("syscall", INTERP_SYSCALL), K("arch", INTERP_ARCH),
	K("saddr", INTERP_SOCKADDR), K("exit", INTERP_EXIT),
	K("path", INTERP_ESCAPED), K("comm", INTERP_ESCAPED),
	K("exe", INTERP_ESCAPED), K("file", INTERP_ESCAPED),
	K("name", INTERP_ESCAPED), K("watch", INTERP_ESCAPED),
	K("cwd", INTERP_ESCAPED), K("cmd", INTERP_ESCAPED),
	K("acct", INTERP_ESCAPED), K("dir", INTERP_ESCAPED),
	K("vm", INTERP_ESCAPED), K("old-chardev", INTERP_ESCAPED),
	K("new-chardev", INTERP_ESCAPED), K("old-disk", INTERP_ESCAPED),
	K("new-disk", INTERP_ESCAPED), K("old-fs", INTERP_ESCAPED),
	K("new-fs", INTERP_ESCAPED), K("old-net", INTERP_ESCAPED),
	K("new-net", INTERP_ESCAPED), K("device", INTERP_ESCAPED),
	K("cgroup", INTERP_ESCAPED), K("apparmor", INTERP_ESCAPED),
	K("operation", INTERP_ESCAPED), K("denied_mask", INTERP_ESCAPED),
	K("info", INTERP_ESCAPED), K("profile", INTERP_ESCAPED),
	K("requested_mask", INTERP_ESCAPED), K("old-rng", INTERP_ESCAPED),
	K("new-rng", INTERP_ESCAPED), K("ocomm", INTERP_ESCAPED),
	K("grp", INTERP_ESCAPED), K("new_group", INTERP_ESCAPED),
	K("invalid_context", INTERP_ESCAPED), K("sw", INTERP_ESCAPED),
	K("root_dir", INTERP_ESCAPED),
	K("key", INTERP_ESCAPED_KEY), K("proctitle", INTERP_PROCTITLE),
	K("perm", INTERP_PERM), K("perm_mask", INTERP_PERM),
	K("mode", INTERP_MODE), K("flags", INTERP_MMAP_FLAGS),
	K("prom", INTERP_PROMISC), K("old_prom", INTERP_PROMISC),
	K("capability", INTERP_CAPABILITY),
	K("res", INTERP_SUCCESS), K("result", INTERP_SUCCESS),
	K("a0", INTERP_A0), K("a1", INTERP_A1), K("a2", INTERP_A2),
	K("a3", INTERP_A3),
	K("sig", INTERP_SIGNAL), K("sigev_signo", INTERP_SIGNAL),
	K("list", INTERP_LIST), K("data", INTERP_TTY_DATA),
	K("ses", INTERP_SESSION),
	K("cap_pi", INTERP_CAP_BITMAP), K("cap_pe", INTERP_CAP_BITMAP),
	K("cap_pp", INTERP_CAP_BITMAP), K("cap_pa", INTERP_CAP_BITMAP),
	K("cap_fi", INTERP_CAP_BITMAP), K("cap_fp", INTERP_CAP_BITMAP),
	K("fp", INTERP_CAP_BITMAP), K("fi", INTERP_CAP_BITMAP),
	K("old_pp", INTERP_CAP_BITMAP), K("old_pi", INTERP_CAP_BITMAP),
	K("old_pe", INTERP_CAP_BITMAP), K("old_pa", INTERP_CAP_BITMAP),
	K("new_pp", INTERP_CAP_BITMAP), K("new_pi", INTERP_CAP_BITMAP),
	K("new_pe", INTERP_CAP_BITMAP),
	K("pp", INTERP_CAP_BITMAP), K("pi", INTERP_CAP_BITMAP),
	K("pe", INTERP_CAP_BITMAP), K("pa", INTERP_CAP_BITMAP),
	K("family", INTERP_NFPROTO), K("icmptype", INTERP_ICMPTYPE),
	K("proto", INTERP_PROTOCOL), K("per", INTERP_PERSONALITY),
	K("code", INTERP_SECCOMP), K("oflag", INTERP_OFLAG),
	K("hook", INTERP_HOOK), K("action", INTERP_NETACTION),
	K("macproto", INTERP_MACPROTO), K("ioctlcmd", INTERP_IOCTL),
	K("resp", INTERP_FANOTIFY), K("nl-mcgrp", INTERP_NLMCGRP),
};

/* An EXECVE argument: a0, a1[2], ... (not argc, not a1_len). */
static bool execve_arg(const char *name, size_t len)
{
	if (len < 2 || name[0] != 'a' || interp_name_is(name, len, "argc"))
		return false;
	for (size_t i = 0; i + 4 <= len; i++) {
		if (memcmp(name + i, "_len", 4) == 0)
			return false;
	}
	return true;
}

/* The record types where a name means something else; INTERP_NONE
 * when the type changes nothing, -1 (as a kind) for "not interpreted". */
static int kind_by_type(uint16_t type, const char *name, size_t len)
{
	/* Below PATH only these user-space types are special. */
	if (type < AUDIT_PATH && type != TYPE_TRUSTED_APP &&
	    type != TYPE_ADD_GROUP && type != TYPE_DEL_GROUP &&
	    type != TYPE_GRP_MGMT)
		return INTERP_NONE;
	if (type == TYPE_TRUSTED_APP)
		return INTERP_ESCAPED;
	if (type == AUDIT_EXECVE && execve_arg(name, len))
		return INTERP_ESCAPED;
	if (type == AUDIT_PATH && interp_name_is(name, len, "flags"))
		return INTERP_LOOKUP_FLAGS;
	if (type == AUDIT_MQ_OPEN && interp_name_is(name, len, "mode"))
		return INTERP_MODE_SHORT;
	if (type == TYPE_CRYPTO_KEY_USER && interp_name_is(name, len, "fp"))
		return -1;
	if ((type == AUDIT_AVC || type == AUDIT_NETFILTER_PKT) &&
	    interp_name_is(name, len, "saddr"))
		return -1;
	if ((type == TYPE_ADD_GROUP || type == TYPE_DEL_GROUP ||
	     type == TYPE_GRP_MGMT) && interp_name_is(name, len, "id"))
		return INTERP_GID;
	return INTERP_NONE;
}

enum interp_kind interp_search_kind(uint16_t type, const char *name,
				    size_t name_len)
{
	int k = kind_by_type(type, name, name_len);
	size_t i;

	if (k < 0)
		return INTERP_NONE;
	if (k != INTERP_NONE)
		return (enum interp_kind)k;
	for (i = 0; i < sizeof(search_kinds) / sizeof(search_kinds[0]); i++) {
		if (search_kinds[i].len == name_len &&
		    search_kinds[i].name[0] == name[0] &&
		    memcmp(search_kinds[i].name, name, name_len) == 0)
			return search_kinds[i].kind;
	}
	return INTERP_NONE;
}
