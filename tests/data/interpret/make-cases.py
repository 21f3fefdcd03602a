#!/usr/bin/env python3
"""Regenerate cases.log and cases.out: crafted audit records and the
reference's `ausearch -i` text of each.

Usage: make-cases.py [AUSEARCH]   (default /usr/sbin/ausearch)

cases.log holds one record per event (unique serials), so the reference
prints them in input order; records the reference's own parser drops are
left out. cases.out holds, for each record of cases.log, the text the
reference prints after "msg=audit(...) : " (a text ending in a newline,
followed by an empty line in the reference's output, ends in the two
characters \\n there). Ids are limited to 0,
4294967295 and ids no system has, so the outputs do not depend on the
machine's users; ENRICHED records carry their own names.
"""
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARCHES = {"x86_64": "c000003e", "i386": "40000003", "aarch64": "c00000b7",
          "arm": "40000028"}
SYSCALL_TAIL = ("items=0 ppid=1 pid=2 auid=0 uid=0 gid=0 euid=0 suid=0 "
                "fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 "
                'comm="x" exe="/x" key=(null)')


def syscalls(arch):
    path = os.path.join(HERE, "..", "..", "..", "lib", "tables",
                        "syscall-%s.tbl" % arch)
    out = {}
    for line in open(path):
        line = line.split("#")[0].split()
        if len(line) == 2:
            out[line[0]] = int(line[1], 0)
    return out


def sc(arch, nr, a, exit_="0"):
    return ("SYSCALL", "arch=%s syscall=%d success=yes exit=%s a0=%s a1=%s "
            "a2=%s a3=%s %s" % (ARCHES[arch], nr, exit_, a[0], a[1], a[2],
                                a[3], SYSCALL_TAIL))


# (syscall, argument, values): every decoder, a few values each.
ARG_CASES = [
    ("open", 1, ["0", "1", "2", "3", "42", "241", "80000", "ffffffff"]),
    ("openat", 0, ["ffffff9c", "ffffffffffffff9c", "3"]),
    ("openat", 2, ["0", "80042", "ffffff9c"]),
    ("mq_open", 1, ["0", "c2"]),
    ("lseek", 2, ["0", "1", "2", "3", "4", "5", "100"]),
    ("mmap", 2, ["0", "1", "3", "5", "7", "8", "9", "f"]),
    ("mmap", 3, ["0", "1", "2", "4", "22", "34", "1000", "ffffffff"]),
    ("mprotect", 2, ["0", "1", "9", "f"]),
    ("rt_sigaction", 0, ["0", "2", "11", "1f", "20"]),
    ("kill", 1, ["0", "9", "f", "40", "ffffffff"]),
    ("tkill", 1, ["6"]), ("tgkill", 2, ["13"]),
    ("ioctl", 1, ["5401", "541b", "5413", "8933", "40045431", "80045430",
                  "1234", "ffffffffffffff9c"]),
    ("access", 1, ["0", "1", "4", "6", "7", "8", "10"]),
    ("faccessat", 2, ["0", "5"]),
    ("shmget", 2, ["0", "1ff", "3a4", "1000", "ffffffff"]),
    ("socket", 0, ["0", "1", "2", "a", "10", "11", "28", "40"]),
    ("socket", 1, ["0", "1", "2", "3", "5", "a", "11", "80001", "80802"]),
    ("socket", 2, ["0", "6", "11", "3a", "ff", "100"]),
    ("sendto", 3, ["0", "40", "4000", "80000000"]),
    ("recvmsg", 2, ["0", "2", "40000000"]),
    ("setsockopt", 1, ["0", "1", "6", "7", "29", "100", "107", "11c"]),
    ("clone", 2, ["0", "11", "1200011", "ff", "20", "1001", "ffffffff"]),
    ("unshare", 0, ["20000", "40000000"]),
    ("exit", 0, ["0", "1", "2"]), ("exit_group", 0, ["0", "ff"]),
    ("fcntl", 1, ["0", "2", "4", "406", "409", "20", "ffffffff"]),
    ("mkdir", 1, ["1ed", "1ff", "fff"]), ("chmod", 1, ["1a4", "9ed"]),
    ("fchmodat", 2, ["1a4"]), ("mknod", 1, ["21b6", "61b0", "11a4", "0"]),
    ("chown", 1, ["0", "ffffffff", "d431"]),
    ("setuid", 0, ["0", "ffffffff", "d431"]),
    ("setgid", 0, ["0", "d431"]), ("setresuid", 2, ["0"]),
    ("getrlimit", 0, ["0", "7", "f", "10"]), ("prlimit64", 1, ["7"]),
    ("ptrace", 0, ["0", "10", "4206", "4210", "ffffffff"]),
    ("personality", 0, ["0", "8", "400008", "ffffffff", "1"]),
    ("sched_setscheduler", 1, ["0", "1", "4", "6", "40000000", "10"]),
    ("prctl", 0, ["0", "1", "f", "26", "38", "39", "ffffffff"]),
    ("mount", 3, ["0", "1", "1000", "4000", "ffffffff"]),
    ("umount2", 1, ["0", "2", "80000000"]),
    ("clock_settime", 0, ["0", "6", "7"]),
    ("epoll_ctl", 1, ["0", "1", "3", "a"]),
    ("bpf", 0, ["0", "5", "17", "18"]),
    ("unlinkat", 0, ["ffffff9c", "5"]), ("renameat2", 2, ["ffffff9c"]),
    ("read", 0, ["3", "-2", "(null)"]),
]


def arg_records():
    recs = []
    for arch in ("x86_64",):
        table = syscalls(arch)
        for name, arg, values in ARG_CASES:
            for v in values:
                a = ["0", "0", "0", "0"]
                a[arg] = v
                recs.append(sc(arch, table[name], a))
    # Dependent arguments: open's mode, prctl's signal, fcntl's owner,
    # socket options per level.
    x = syscalls("x86_64")
    for a in (["0", "42", "1a4", "0"], ["0", "2", "1a4", "0"],
              ["ffffff9c", "0", "241", "1b6"], ["1", "9", "0", "0"],
              ["2", "9", "0", "0"], ["3", "8", "0", "0"], ["3", "4", "800", "0"]):
        recs.append(sc("x86_64", x["open"], a))
        recs.append(sc("x86_64", x["openat"], a))
        recs.append(sc("x86_64", x["mq_open"], a))
    recs.append(sc("x86_64", x["prctl"], ["1", "9", "0", "0"]))
    recs.append(sc("x86_64", x["prctl"], ["f", "9", "0", "0"]))
    recs.append(sc("x86_64", x["fcntl"], ["3", "8", "0", "0"]))
    recs.append(sc("x86_64", x["fcntl"], ["3", "8", "d431", "0"]))
    for level, names in (("1", ["0", "2", "14", "44", "45"]),
                         ("0", ["1", "20", "40", "1a"]),
                         ("6", ["1", "25", "26"]), ("11", ["1", "2"]),
                         ("29", ["1a", "c"]), ("107", ["1", "4"]),
                         ("84", ["1"])):
        for n in names:
            recs.append(sc("x86_64", x["setsockopt"], ["3", level, n, "4"]))
            recs.append(sc("x86_64", x["getsockopt"], ["3", level, n, "4"]))
    # Other machines: names, socketcall, per-machine numbers.
    for arch in ("i386", "arm", "aarch64"):
        t = syscalls(arch)
        for name in ("open", "openat", "socketcall", "clone", "kill", "mmap",
                     "mmap2", "send", "fcntl64", "chown32", "setuid32", "ipc"):
            if name in t:
                for a0 in ("1", "3", "e", "15", "ffffffffffffff9c"):
                    recs.append(sc(arch, t[name], [a0, "42", "1a4", "1"]))
    for arch, nr in (("x86_64", 99999), ("i386", 9999), ("x86_64", 0)):
        recs.append(sc(arch, nr, ["1", "2", "3", "4"]))
    recs.append(("SYSCALL", "arch=0 syscall=2 a0=1 a1=2 a2=3 a3=4 " + SYSCALL_TAIL))
    recs.append(("SYSCALL", "foo=1 arch=40000003 syscall=5 a0=3 a1=4 a2=5 a3=0 syscall=6 " + SYSCALL_TAIL))
    for e in ("-1", "-2", "-13", "-133", "-134", "-512", "-4095", "0", "3",
              "-9999999999999999999999", "abc"):
        recs.append(sc("x86_64", 2, ["1", "0", "0", "0"], e))
    return recs


FIELD_VALUES = {
    "uid": ["0", "4294967295", "54321", "-2", "abc", "", "(null)", "99999999999999999999"],
    "gid": ["0", "4294967295", "54321"],
    "exit": ["-2", "-1", "0", "1", "-0", "+5", "0x10", "-200", "-4096", "abc",
             "-2147483648", "-2147483649", "-9223372036854775808",
             "-4294967298", "-9223372036854775809"],
    "name": ["2F746D70", "2f746d7", "2F0A78", "2F1B78", "2F7F20", "C3A9",
             "0041", "000041", "00", "004", "410042", "2G", "a", "abc",
             "2fX4", "(null)", "(none)", '"/tmp"', '"a b"', '""', "-2", "",
             "61006200", "(null)x", "(unterminated"],
    "proctitle": ["6C73002D6C0000", "6C730A2D6C", "6C73", '"bash"', "(null)"],
    "key": ["7365636F6E64016B657932", '"k1"', "(null)", "6101620163", "61"],
    "perm": ["0", "1", "2", "4", "8", "6", "15", "16", "-2", "abc", "0x10"],
    "mode": ["0100644", "040755", "0120777", "020620", "060660", "010600",
             "0140777", "0104755", "0102755", "01777", "0170000", "0", "abc",
             "99999999999999999999999", "-2"],
    "flags": ["0", "1", "2", "3", "4", "8", "0x22", "34", "0x1000", "abc", "-2"],
    "prom": ["0", "1", "256", "0x100"], "old_prom": ["0", "1"],
    "capability": ["0", "12", "21", "39", "40", "41", "100", "-2", "abc"],
    "res": ["0", "1", "2", "success", "failed", "yes", "01", "0x1", "-2", "(null)"],
    "result": ["0", "1"],
    "sig": ["0", "1", "9", "15", "31", "32", "64", "abc", "-2"],
    "sigev_signo": ["10", "99"],
    "list": ["0", "1", "2", "4", "5", "6", "7", "abc"],
    "ses": ["4294967295", "1", "0", "-1", "4294967296", "0xffffffff"],
    "cap_pi": ["0", "1", "400", "3fffffffff", "1ffffffffff", "ffffffffffffffff", "zz", ""],
    "cap_pe": ["20000000"], "cap_pp": ["1"], "cap_pa": ["0"], "cap_fi": ["0"],
    "cap_fp": ["400"], "fp": ["400"], "fi": ["0"], "pp": ["1"], "pi": ["0"],
    "pe": ["1"], "pa": ["0"], "old_pp": ["2"], "old_pi": ["0"], "old_pe": ["2"],
    "old_pa": ["0"], "new_pp": ["1"], "new_pi": ["0"], "new_pe": ["1"],
    "new_pa": ["1"],
    "family": ["0", "1", "2", "3", "5", "7", "10", "12", "13", "abc"],
    "icmptype": ["0", "1", "3", "8", "11", "18", "19", "0x3"],
    "proto": ["6", "17", "1", "256", "abc", "-1"],
    "per": ["0", "0x8", "8", "0x400008", "6", "0xc", "0xf", "0x10", "1", "-2"],
    "code": ["0x7fff0000", "0x7ffc0000", "0x7ff00000", "0x00050000",
             "0x00030000", "0x80000000", "0x00000000", "0x7fc00000",
             "0x0005000d", "0x12340000", "-2"],
    "oflag": ["0", "0x40", "64", "0x800", "0x80000", "abc", "0x42", "3"],
    "hook": ["0", "1", "2", "3", "4", "5", "6", "abc"],
    "action": ["0", "1", "2", "3"],
    "macproto": ["0x0800", "0x0806", "0x86dd", "0800", "2048"],
    "ioctlcmd": ["0x5401", "5401", "0x541B", "abc", "-2", "0x40045431"],
    "resp": ["0", "1", "2", "3", "abc", "-2"],
    "nl-mcgrp": ["0", "1", "2"],
    "data": ["6C730D", "410D420D", "1B", "1B5B48", "C3A9", "22", "5C", '"ab"',
             "(null)", "0", "1", "-2",
             "6C730D0A097F1B5B411B5B421B5B431B5B441B4F501B5B337E0304081A1C00",
             "1B5B317E1B5B347E1B5B357E1B5B367E1B5B327E1B4F511B4F521B4F531B5B31357E",
             "01020506070B0C0E0F10111213141516171819"],
    "saddr": ["02000016C0A800010000000000000000",
              "0A000016000000000000000000000000000000000000000100000000",
              "01002F746D702F736F636B00", "0100002F61", "10000000000000000000000000",
              "0000", "0", "2f746d70", "(null)", "0200", "0A00"],
    "arch": ["c000003e", "40000003", "c00000b7", "40000028", "0", "abc"],
    "syscall": ["2"],
    "a0": ["1", "-2", "(null)"],
}
ESCAPED = ("path comm exe file watch cwd cmd acct dir vm old-chardev new-chardev "
           "old-disk new-disk old-fs new-fs old-net new-net device cgroup apparmor "
           "operation denied_mask info profile requested_mask old-rng new-rng ocomm "
           "grp new_group invalid_context sw root_dir").split()
UIDS = ("auid euid suid fsuid ouid oauid old-auid iuid id inode_uid sauid "
        "obj_uid").split()
GIDS = "obj_gid egid sgid fsgid ogid igid inode_gid new_gid".split()
PLAIN = ("success items tty pid ppid inode dev rdev nametype item argc op msg "
         "old new subj obj peer fe cap_fe cap_fver old-ses addr omode").split()


def field_records():
    recs = []
    for name, values in FIELD_VALUES.items():
        for v in values:
            recs.append(("CWD", "%s=%s x=1" % (name, v)))
    for name in ESCAPED:
        recs.append(("CWD", "%s=2F746D70 %s=\"/a\"" % (name, name)))
    for name in UIDS + GIDS + PLAIN:
        recs.append(("CWD", "%s=0 %s=2F746D70 %s=4294967295" % (name, name, name)))
    return recs


TYPE_RECORDS = [
    ("EXECVE", 'argc=3 a0="ls" a1=2D6C a2="(null)" a3_len=4 a3[0]=6162 a4=2f74 argc2=2f74 foo=2f74 auid=2f74 uid=0'),
    ("EXECVE", "argc=1 a0=6C73002D6C"),
    ("TRUSTED_APP", "uid=0 argc=2f74 a0=2f74 key=2f74 x=2f74 msg='uid=2f74'"),
    ("PATH", "item=0 name=\"/etc/shadow\" inode=1 dev=08:01 mode=0100640 ouid=0 ogid=0 rdev=00:00 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 flags=0x1"),
    ("PATH", "flags=0 flags=1 flags=0x41 flags=0x1000 flags=abc flags=-2"),
    ("MQ_OPEN", "oflag=0x42 mode=0600 mq_flags=0x0 mq_maxmsg=10 mq_msgsize=8192 mq_curmsgs=0"),
    ("MQ_OPEN", "mode=0100644 mode=04755 mode=-2"),
    ("MMAP", "fd=3 flags=0x2"),
    ("CRYPTO_KEY_USER", "pid=1 uid=0 auid=0 ses=1 msg='op=destroy kind=server fp=SHA256:ab direction=? spid=1 suid=0 exe=\"/usr/sbin/sshd\" res=success'"),
    ("CRYPTO_KEY_USER", "fp=400 fi=0"),
    ("AVC", "avc:  denied  { read } for  pid=1 comm=\"x\" name=\"y\" dev=\"sda1\" ino=2 scontext=a tcontext=b tclass=file permissive=0 saddr=0200"),
    ("NETFILTER_PKT", "mark=0x0 saddr=10.0.0.1 daddr=10.0.0.2 proto=6 sport=22 dport=5555 hook=1 family=2"),
    ("NETFILTER_CFG", "table=filter family=2 entries=3 op=xt_replace pid=1 subj=unconfined comm=\"iptables\""),
    ("SECCOMP", "auid=0 uid=0 gid=0 ses=1 pid=5 comm=\"x\" exe=\"/x\" sig=31 arch=c000003e syscall=2 compat=0 ip=0x7f code=0x80000000"),
    ("SECCOMP", "auid=0 uid=0 gid=0 ses=1 pid=1 comm=\"x\" exe=\"/x\" sig=31 syscall=5 compat=1 ip=0x1 code=0x7ffc0000"),
    ("SECCOMP", "auid=0 sig=31 arch=40000003 syscall=5 code=0x50000 syscall=-2 syscall=abc"),
    ("ADD_GROUP", "pid=1 uid=0 auid=0 ses=1 msg='op=add-group id=54321 exe=\"/usr/sbin/groupadd\" res=success'"),
    ("DEL_GROUP", "pid=1 uid=0 auid=0 ses=1 msg='op=delete-group id=0 res=success'"),
    ("GRP_MGMT", "pid=1 uid=0 auid=0 ses=1 msg='op=x id=0 res=success'"),
    ("USER_MGMT", "pid=1 uid=0 auid=0 ses=1 msg='op=add-user id=54321 res=success'"),
    ("CONFIG_CHANGE", "auid=0 ses=2 op=set audit_enabled=1 old=0 res=1"),
    ("CONFIG_CHANGE", "op=set audit_backlog_limit=8192 old=64 auid=4294967295 ses=4294967295 subj=unconfined res=1"),
    ("CONFIG_CHANGE", "auid=0 ses=1 op=remove_rule key=\"k\" list=4 res=1"),
    ("CONFIG_CHANGE", "auid=0 ses=1 op=add_rule key=7365636F6E64016B657932 list=4 res=0"),
    ("ANOM_ABEND", "auid=0 uid=0 gid=0 ses=3 subj=unconfined pid=5 comm=\"a.out\" exe=\"/tmp/a.out\" sig=11 res=1"),
    ("ANOM_PROMISCUOUS", "dev=eth0 prom=256 old_prom=0 auid=0 uid=0 gid=0 ses=1"),
    ("CAPSET", "pid=1 cap_pi=0 cap_pp=3fffffffff cap_pe=3fffffffff cap_pa=0"),
    ("BPRM_FCAPS", "fver=2 fp=0000000000000400 fi=0 fe=1 old_pp=0 old_pi=0 old_pe=0 old_pa=0 pp=400 pi=0 pe=400 pa=0 frootid=0"),
    ("FANOTIFY", "resp=2 fan_type=1 fan_info=3 subj_trust=2 obj_trust=2"),
    ("SOCKADDR", "saddr=02000016C0A800010000000000000000"),
    ("OBJ_PID", "opid=1 oauid=0 ouid=0 oses=1 obj=unconfined ocomm=\"systemd\""),
    ("TTY", "tty_pid=1 uid=0 auid=0 ses=1 major=136 minor=0 comm=\"bash\" data=6C730D"),
    ("TTY", "data=6C73 major=136"),
    ("USER_TTY", "pid=1 uid=0 auid=0 ses=1 data=6C730D"),
    ("LOGIN", "pid=1 uid=0 subj=x old-auid=4294967295 auid=0 tty=(none) old-ses=4294967295 ses=3 res=1"),
    ("DAEMON_START", "op=start ver=3.0.9 format=enriched kernel=6.1 auid=4294967295 pid=1 uid=0 ses=4294967295 subj=unconfined res=success"),
    ("USER_ACCT", "pid=1 uid=0 auid=0 ses=1 msg='op=PAM:accounting grantors=pam_unix acct=\"root\" exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/pts/0 res=success'"),
    ("USER_START", "pid=1 uid=0 auid=0 ses=1 msg='op=PAM:session_open grantors=pam_unix acct=726F6F74 exe=\"/usr/bin/sudo\" hostname=? addr=? terminal=/dev/pts/0 res=failed'"),
    ("USER_CMD", "pid=1 uid=0 auid=0 ses=1 msg='cwd=\"/home\" cmd=6C73202F726F6F74 exe=\"/usr/bin/sudo\" terminal=pts/0 res=success'"),
    ("USER_AVC", "pid=1 uid=0 auid=4294967295 ses=4294967295 msg='avc:  received policyload notice (seqno=2)  exe=\"/usr/lib/systemd/systemd\" sauid=0 hostname=? addr=? terminal=?'"),
    ("USER_CMD", "pid=1 msg='uid=0 x=1'"),
    ("USER_CMD", "msg='uid=0 x=1'"),
    ("USER_CMD", "pid=1 msg='cwd=\"/a b\" uid=0'"),
    ("USER_CMD", "pid=1 msg=uid=0 x=1"),
    ("USER_CMD", "pid=1 msg=\"uid=0 x=1\""),
    ("USER_CMD", "pid=1 foo='uid=0 x=1'"),
    ("USER_AUTH", "pid=1  uid=0 msg='op=x uid=0'"),
    ("USER_AUTH", "pid=1 uid=0 msg='op=x uid=0 '"),
    ("USER_AUTH", "pid=1 uid=0 msg='uid=0 res=1' extra=0 "),
    ("USER_AUTH", "pid=1 uid= gid=0 ' x=1"),
    ("USER_AUTH", "pid=1 uid=0 foo '"),
    ("USER_AUTH", "pid=1 uid=0' x=1 '' y=2''"),
    ("USER_AUTH", "=0 uid==0 uid=0=0 exe=\"a\"' res=1' uid=0 "),
    ("USER_AUTH", " uid=0   x=1   "),
    ("USER_AUTH", "uid=\"0\" gid=\"1 x=1"),
    ("USER_AUTH", "exe=\"a' uid=0"),
    ("USER_AUTH", "pid=1 exe=\"/a uid=0\" uid=0"),
    ("USER_AUTH", "pid=1 exe=\"/a\" uid=0 x=\"1"),
    ("USER_AUTH", "pid=1 exe=\"a\"b x=1"),
    ("USER_AUTH", "pid=1 exe=\"\" x=1"),
    ("USER_AUTH", "pid=1 uid=0 foo bar= =baz x==y"),
    ("USER_AUTH", ""),
    ("USER_AUTH", "no fields at all"),
    ("KERNEL_OTHER", "x=1 ses=4294967295"),
    ("UNKNOWN[1999]", "uid=0 name=2F x=1"),
    # ENRICHED: the recorded names win.
    ("USER_LOGIN", "pid=1 uid=0 auid=54321 ses=3 subj=unconfined msg='op=login id=54321 exe=\"/usr/sbin/sshd\" hostname=10.0.0.1 addr=10.0.0.1 terminal=/dev/pts/0 res=success'\x1dUID=\"root\" AUID=\"alice\" ID=\"alice\""),
    ("SYSCALL", "arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7ffd1234 a2=0 a3=0 items=1 ppid=1 pid=2 auid=54321 uid=54322 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=4 comm=\"cat\" exe=\"/usr/bin/cat\" subj=unconfined key=\"k1\"\x1dARCH=x86_64 SYSCALL=openat AUID=\"bob\" UID=\"carol\" GID=\"wheel\" EUID=\"root\" SUID=\"root\" FSUID=\"root\" EGID=\"root\" SGID=\"root\" FSGID=\"root\""),
    ("PATH", "item=0 name=\"/x\" ouid=54321 ogid=54321\x1dOUID=616C696365 OGID=\"staff\""),
    ("CWD", "uid=0\x1dUID=\"x\" uid=54321"),
]


def main():
    ausearch = sys.argv[1] if len(sys.argv) > 1 else "/usr/sbin/ausearch"
    recs = TYPE_RECORDS + field_records() + arg_records()
    lines = ["type=%s msg=audit(1700000000.%03d:%d): %s" % (t, i % 1000, i + 1, b)
             for i, (t, b) in enumerate(recs)]
    tmp = os.path.join(HERE, "cases.tmp")
    with open(tmp, "w", encoding="latin-1") as f:
        f.write("\n".join(lines) + "\n")
    env = dict(os.environ, TZ="UTC", LC_ALL="C")
    out = subprocess.run([ausearch, "-i", "-if", tmp], env=env,
                         capture_output=True).stdout.decode("latin-1")
    os.unlink(tmp)
    got = {}
    olines = out.split("\n")
    for k, o in enumerate(olines):
        m = re.match(r"type=\S+ msg=audit\([^)]*:(\d+)\) : (.*)$", o)
        if m:
            text = m.group(2)
            # An empty line after a record is part of its text (written
            # "\\n" at the end of the line in cases.out).
            if k + 2 < len(olines) and olines[k + 1] == "":
                text += "\\n"
            got[int(m.group(1))] = text
    with open(os.path.join(HERE, "cases.log"), "w", encoding="latin-1") as fl, \
         open(os.path.join(HERE, "cases.out"), "w", encoding="latin-1") as fo:
        for i, line in enumerate(lines):
            if i + 1 in got:	# the reference drops some records itself
                fl.write(line + "\n")
                fo.write(got[i + 1] + "\n")
    print("%d of %d records kept" % (len(got), len(lines)))


main()
